import type { ApiError, Result } from '../contract/result'
import { type HostCall, isFromHost } from './protocol'

export type HostClient = {
  /** Sends one call to the host; resolves with its result, or with `failure` if the host is gone. */
  call: (channel: string, input: unknown, workspaceId?: string) => Promise<Result<unknown>>
  /** Feeds every message that comes back from the host. */
  receive: (message: unknown) => void
  /** The host is gone: every waiting and later call gets this error. */
  fail: (error: ApiError) => void
}

/**
 * The shell's side of the host protocol: numbers each call and matches the replies. It knows
 * nothing of the transport (an Electron MessagePort, a Node child process), so it is the same in
 * the desktop app and in the tests that drive the host in a child process.
 */
export function createHostClient(post: (message: HostCall) => void): HostClient {
  const waiting = new Map<number, (result: Result<unknown>) => void>()
  let nextId = 0
  let gone: ApiError | null = null
  return {
    call(channel, input, workspaceId) {
      if (gone) return Promise.resolve({ ok: false, error: gone })
      const id = ++nextId
      return new Promise((resolve) => {
        waiting.set(id, resolve)
        try {
          post({ type: 'call', id, channel, input, ...(workspaceId ? { workspaceId } : {}) })
        } catch {
          waiting.delete(id)
          resolve({
            ok: false,
            error: { code: 'BACKEND_UNAVAILABLE', message: 'The back end is not running', details: {} },
          })
        }
      })
    },
    receive(message) {
      if (!isFromHost(message) || message.type !== 'result') return
      const resolve = waiting.get(message.id)
      waiting.delete(message.id)
      resolve?.(message.result)
    },
    fail(error) {
      gone = error
      for (const resolve of waiting.values()) resolve({ ok: false, error })
      waiting.clear()
    },
  }
}
