import { MessageChannelMain, utilityProcess } from 'electron'
import type { ApiError, Result } from '../app/contract/result'
import { createHostClient } from '../app/host/client'
import { isFromHost } from '../app/host/protocol'

export type Backend = {
  call: (channel: string, input: unknown) => Promise<Result<unknown>>
  stop: () => void
}

const GONE: ApiError = {
  code: 'BACKEND_UNAVAILABLE',
  message: 'The back end stopped',
  details: {},
}

/**
 * Starts the back-end host (app/host/process-main.ts, built as host-process.js) in a
 * utilityProcess and connects to it over a MessagePort. Resolves once the workspace is open; a
 * workspace that cannot be opened (newer version, damaged, full disk) rejects with its error.
 */
export function startBackend(options: {
  entry: string
  /** the folder of the co-op's workspaces, or one named workspace file (DB_PATH) */
  place: { kind: 'folder'; dir: string } | { kind: 'file'; file: string }
  nativeBinding: string | undefined
}): Promise<Backend> {
  const child = utilityProcess.fork(options.entry, [], {
    serviceName: 'Fengshou Planner back end',
    stdio: 'inherit',
    env: {
      ...process.env,
      ...(options.place.kind === 'folder'
        ? { FENGSHOU_DATA_DIR: options.place.dir }
        : { FENGSHOU_DATA_FILE: options.place.file }),
      FENGSHOU_MODE: 'desktop',
      ...(options.nativeBinding ? { FENGSHOU_NATIVE_BINDING: options.nativeBinding } : {}),
    },
  })
  const { port1, port2 } = new MessageChannelMain()
  const client = createHostClient((message) => port1.postMessage(message))
  child.postMessage({ type: 'connect' }, [port2])
  return new Promise((resolve, reject) => {
    let ready = false
    port1.on('message', (event) => {
      const message = event.data
      if (!isFromHost(message)) return
      if (message.type === 'ready') {
        ready = true
        resolve({ call: client.call, stop: () => child.kill() })
      } else if (message.type === 'failed') {
        reject(message.error)
        child.kill()
      } else client.receive(message)
    })
    port1.start()
    child.once('exit', () => {
      client.fail(GONE)
      if (!ready) reject(GONE)
    })
  })
}
