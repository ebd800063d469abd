import { type ChildProcess, fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { ApiError, Result } from '../../app/contract/result'
import { createHostClient } from '../../app/host/client'
import { isFromHost } from '../../app/host/protocol'

export const HOST_ENTRY =
  process.env.FENGSHOU_HOST_ENTRY ?? join(import.meta.dirname, '../../out/main/host-process.js')

export type HostProcess = {
  child: ChildProcess
  call: (channel: string, input?: unknown, workspaceId?: string) => Promise<Result<unknown>>
  stop: () => Promise<void>
}

/**
 * The built back-end host (out/main/host-process.js) in a Node child process, spoken to over its
 * IPC channel with the same client the desktop app uses over a MessagePort. Resolves when the
 * workspace is open; rejects with the host's error when it cannot be opened.
 */
export function startHostProcess(dataFile: string, env: Record<string, string> = {}): Promise<HostProcess> {
  return startHost({ FENGSHOU_DATA_FILE: dataFile, ...env })
}

/** The same host on a data folder of workspaces, as the desktop app and browser mode run it. */
export function startHostInFolder(dataDir: string, env: Record<string, string> = {}): Promise<HostProcess> {
  return startHost({ FENGSHOU_DATA_DIR: dataDir, ...env })
}

function startHost(env: Record<string, string>): Promise<HostProcess> {
  if (!existsSync(HOST_ENTRY)) throw new Error(`${HOST_ENTRY} is missing: run \`npm run build\``)
  const child = fork(HOST_ENTRY, [], {
    env: { ...process.env, FENGSHOU_MODE: 'browser', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const client = createHostClient((message) => child.send(message))
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  return new Promise((resolve, reject) => {
    child.on('message', (message) => {
      if (!isFromHost(message)) return
      if (message.type === 'ready') resolve({ child, call: (c, i = {}, w) => client.call(c, i, w), stop })
      else if (message.type === 'failed') {
        reject(message.error as ApiError)
        void stop()
      } else client.receive(message)
    })
    child.once('exit', (code) => {
      client.fail({ code: 'BACKEND_UNAVAILABLE', message: `host exited with ${code}`, details: {} })
      reject(new Error(`host exited with ${code} before it was ready`))
    })
  })
}
