import type { ApiError, Result } from '../contract/result'

/**
 * The messages between a shell and the back-end host. The same protocol runs over an Electron
 * MessagePort (desktop: the main process relays the renderer's IPC calls to a utilityProcess)
 * and over a Node child process's IPC channel (tests and tools).
 */
export type HostCall = {
  type: 'call'
  id: number
  channel: string
  input: unknown
  /** the workspace the calling window was loaded for, when it says (see Host.call) */
  workspaceId?: string
}

export type FromHost =
  | { type: 'ready' }
  | { type: 'failed'; error: ApiError }
  | { type: 'result'; id: number; result: Result<unknown> }

/** What the job worker is told when it starts: the same workspace the host opened. */
export type JobWorkerData = {
  dataFile: string
  mode: 'desktop' | 'browser'
  version: string
  nativeBinding?: string
}

export type JobRequest = { id: number; channel: string; input: unknown }
/** `started` comes once the worker has the workspace open; the job's own budget runs from there. */
export type JobReply = { id: number; started: true } | { id: number; result: Result<unknown> }

/**
 * How long one long job may run before it is stopped: far above a 20,000-row import (about two
 * seconds on a slow laptop), far below "the planner hangs".
 */
export const DEFAULT_JOB_BUDGET_MS = 120_000

export function isHostCall(message: unknown): message is HostCall {
  const m = message as Partial<HostCall> | null
  return (
    typeof m === 'object' &&
    m !== null &&
    m.type === 'call' &&
    typeof m.id === 'number' &&
    typeof m.channel === 'string'
  )
}

export function isFromHost(message: unknown): message is FromHost {
  const m = message as Partial<FromHost> | null
  return (
    typeof m === 'object' && m !== null && (m.type === 'ready' || m.type === 'failed' || m.type === 'result')
  )
}
