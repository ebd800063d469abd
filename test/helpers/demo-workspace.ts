import { join } from 'node:path'
import type { Result } from '../../app/contract/result'
import { dispatch } from '../../app/dispatch'
import { openWorkspace } from '../../app/workspace'
import { tempDir } from './db'

/**
 * The demo workspace in a fresh file, called over the same dispatch every transport uses. Each
 * write is a minute after the one before, so periods and order read plainly. `ok` throws with the
 * error when a call is refused; `refusedRule` names the first rule of a refusal (or its code).
 */
export function demoWorkspace() {
  let clock = Date.parse('2026-12-03T01:00:00Z')
  const ws = openWorkspace({
    dataFile: join(tempDir(), 'workspace.fengshou.sqlite'),
    mode: 'browser',
    version: 'test',
    now: () => {
      clock += 60_000
      return new Date(clock)
    },
  })
  const call = <T = unknown>(channel: string, input: unknown = {}) =>
    dispatch(ws.handlers, channel, input) as Result<T>
  const ok = <T>(channel: string, input: unknown = {}): T => {
    const r = call<T>(channel, input)
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`)
    return r.value
  }
  const refusedRule = (channel: string, input: unknown): string | null => {
    const r = call(channel, input)
    if (r.ok) throw new Error(`${channel} should have been refused`)
    return r.error.details.issues?.[0]?.rule ?? r.error.code
  }
  return { ws, call, ok, refusedRule }
}
