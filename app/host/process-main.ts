// The back-end host in a process of its own. The desktop app starts it as an Electron
// utilityProcess and hands it a MessagePort; tests and tools start it as a Node child process
// with an IPC channel. Both speak protocol.ts. Settings come from the environment:
// FENGSHOU_DATA_DIR (a folder of workspaces) or FENGSHOU_DATA_FILE (one workspace file).
import packageJson from '../../package.json'
import { toApiError } from '../dispatch'
import { type Host, startHost } from './host'
import { type FromHost, isHostCall } from './protocol'

type Link = { post: (message: FromHost) => void; listen: (onMessage: (message: unknown) => void) => void }

/** Electron's utilityProcess: process.parentPort delivers the MessagePort the main process sends. */
type ElectronPort = {
  on: (event: 'message', listener: (event: { data: unknown }) => void) => void
  postMessage: (message: unknown) => void
  start: () => void
}
type ElectronParentPort = {
  once: (event: 'message', listener: (event: { data: unknown; ports: ElectronPort[] }) => void) => void
}

function electronLink(parentPort: ElectronParentPort): Promise<Link> {
  return new Promise((resolve) => {
    parentPort.once('message', (event) => {
      const port = event.ports[0]!
      resolve({
        post: (message) => port.postMessage(message),
        listen: (onMessage) => {
          port.on('message', (e) => onMessage(e.data))
          port.start()
        },
      })
    })
  })
}

function nodeLink(): Link {
  return {
    post: (message) => process.send?.(message),
    listen: (onMessage) => process.on('message', onMessage),
  }
}

function logInternal(error: unknown): void {
  console.error('[fengshou] internal error:', error)
}

async function main(): Promise<void> {
  const parentPort = (process as { parentPort?: ElectronParentPort }).parentPort
  const link = parentPort ? await electronLink(parentPort) : nodeLink()
  const env = process.env
  let host: Host
  try {
    const budget = Number(env.FENGSHOU_JOB_BUDGET_MS)
    // A data folder of workspaces (the desktop app: its user-data folder), or one named file.
    const place = env.FENGSHOU_DATA_DIR
      ? { kind: 'folder' as const, dir: env.FENGSHOU_DATA_DIR }
      : { kind: 'file' as const, file: env.FENGSHOU_DATA_FILE ?? '' }
    host = startHost({
      place,
      openDemoIfNone: env.FENGSHOU_OPEN_DEMO === '1',
      mode: env.FENGSHOU_MODE === 'browser' ? 'browser' : 'desktop',
      version: packageJson.version,
      ...(env.FENGSHOU_NATIVE_BINDING ? { nativeBinding: env.FENGSHOU_NATIVE_BINDING } : {}),
      ...(Number.isFinite(budget) && budget > 0 ? { jobBudgetMs: budget } : {}),
      jobWorkerUrl: new URL('./job-worker.js', import.meta.url),
      onInternalError: logInternal,
    })
  } catch (error) {
    link.post({ type: 'failed', error: toApiError(error, logInternal) })
    process.exitCode = 1
    return
  }
  link.listen((message) => {
    if (!isHostCall(message)) return
    void host
      .call(message.channel, message.input, message.workspaceId)
      .then((result) => link.post({ type: 'result', id: message.id, result }))
  })
  const stop = () => {
    void host.close().then(() => process.exit(0))
  }
  process.on('SIGTERM', stop)
  process.on('disconnect', stop)
  link.post({ type: 'ready' })
}

void main()
