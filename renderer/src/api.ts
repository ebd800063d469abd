import { CHANNELS, type Channel, type MethodName, methodName } from '../../app/contract/channels'
import type { InputOf, OutputOf } from '../../app/contract/contract'
import type { ApiError, Result } from '../../app/contract/result'
import type { Locale } from '../../engine/i18n/locale'

/**
 * The renderer's only way to the back end. In the desktop app the preload provides
 * window.fengshou (IPC); in browser mode the same contract goes over HTTP to 127.0.0.1 with the
 * per-run token from the address bar.
 */
export type Api = { [C in Channel as MethodName<C>]: (input?: InputOf<C>) => Promise<Result<OutputOf<C>>> }

/**
 * What only the desktop shell can do, outside the contract: the main process's folder dialog, and
 * the board pack printed to PDF by Chromium's own printer and saved where the user chooses
 * (file: null when they cancelled).
 */
export type ShellApi = {
  chooseFolder: () => Promise<Result<{ folder: string | null }>>
  saveBoardPack?: (input: { versionId: number; locale: Locale }) => Promise<Result<{ file: string | null }>>
}

declare global {
  interface Window {
    fengshou?: Api
    fengshouShell?: ShellApi
  }
}

const TOKEN_HEADER = 'x-fengshou-token'
const WORKSPACE_HEADER = 'x-fengshou-workspace'

/**
 * The workspace this page was loaded for. Every call says so, and a page left on a workspace that
 * another window has since switched away from is refused (WORKSPACE_CHANGED) instead of writing
 * into the other co-op's file.
 */
let loadedWorkspace: string | null = null
export function setLoadedWorkspace(id: string | null): void {
  loadedWorkspace = id
}

/** Fired once a call says another window switched the workspace; the app then asks for a reload. */
export const WORKSPACE_CHANGED_EVENT = 'fengshou:workspace-changed'

function unavailable(): Result<never> {
  return { ok: false, error: { code: 'BACKEND_UNAVAILABLE', message: 'Backend unavailable', details: {} } }
}

export function createHttpApi(token: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): Api {
  const entries = CHANNELS.map((channel) => [
    methodName(channel),
    async (input?: unknown): Promise<Result<unknown>> => {
      let response: Response
      try {
        response = await fetchImpl(`/api/${channel}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [TOKEN_HEADER]: token,
            ...(loadedWorkspace ? { [WORKSPACE_HEADER]: loadedWorkspace } : {}),
          },
          body: JSON.stringify(input ?? {}),
        })
      } catch {
        return unavailable()
      }
      if (response.status === 403) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Forbidden', details: {} } }
      }
      // Too large for the server to take (a plan file past its limit): a refusal, not an outage.
      if (response.status === 413) {
        return {
          ok: false,
          error: {
            code: 'VALIDATION',
            message: 'Request too large',
            details: { issues: [{ path: [], rule: 'request_too_large' }] },
          },
        }
      }
      if (!response.ok) return unavailable()
      const result = (await response.json()) as Result<unknown>
      if (!result.ok && result.error.code === 'WORKSPACE_CHANGED')
        window.dispatchEvent(new Event(WORKSPACE_CHANGED_EVENT))
      return result
    },
  ])
  return Object.fromEntries(entries) as Api
}

function tokenFromLocation(): string {
  return new URLSearchParams(window.location.search).get('token') ?? ''
}

export const api: Api = window.fengshou ?? createHttpApi(tokenFromLocation())

/** The native folder dialog, in the desktop app only; in browser mode the user types the path. */
export const shell: ShellApi | null = window.fengshouShell ?? null

/** An error result, thrown so React Query-like code can catch it; it carries the code. */
export class ApiCallError extends Error {
  readonly error: ApiError
  constructor(error: ApiError) {
    super(error.message)
    this.error = error
  }
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending
  if (!result.ok) throw new ApiCallError(result.error)
  return result.value
}
