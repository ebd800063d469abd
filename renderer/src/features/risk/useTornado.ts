import { useEffect, useState } from 'react'
import type { SensitivityRow } from '../../../../engine/risk/sensitivity'
import type { Plan } from '../../../../engine/schemas/plan'
import type { FromTornadoWorker, ToTornadoWorker } from './risk-protocol'
import { storedTornado, storeTornado } from './risk-store'

export type TornadoState =
  | { status: 'none' }
  | { status: 'working' }
  | { status: 'done'; rows: SensitivityRow[] }
  | { status: 'failed'; code: string }

/**
 * One scenario's tornado, computed in a worker (never on the window's thread) and kept for the
 * session under the plan's content, so coming back to the screen shows it at once.
 */
export function useTornado(
  plan: Plan | null,
  planKey: string | null,
  scenarioId: number | null,
): TornadoState {
  const cached = planKey !== null && scenarioId !== null ? storedTornado(planKey, scenarioId) : null
  const [state, setState] = useState<{ for: string; state: TornadoState } | null>(null)
  const want = planKey !== null && scenarioId !== null ? `${planKey}|${scenarioId}` : null

  useEffect(() => {
    if (!plan || planKey === null || scenarioId === null || storedTornado(planKey, scenarioId)) return
    const key = `${planKey}|${scenarioId}`
    const worker = new Worker(new URL('./tornado.worker.ts', import.meta.url), { type: 'module' })
    setState({ for: key, state: { status: 'working' } })
    worker.onmessage = (event: MessageEvent<FromTornadoWorker>) => {
      const m = event.data
      if (m.type === 'tornado') {
        storeTornado(planKey, scenarioId, m.rows)
        setState({ for: key, state: { status: 'done', rows: m.rows } })
      } else setState({ for: key, state: { status: 'failed', code: m.code } })
      worker.terminate()
    }
    worker.onerror = () => {
      setState({ for: key, state: { status: 'failed', code: 'INTERNAL' } })
      worker.terminate()
    }
    worker.postMessage({ plan, scenarioId } satisfies ToTornadoWorker)
    return () => worker.terminate()
  }, [plan, planKey, scenarioId])

  if (cached) return { status: 'done', rows: cached }
  if (want === null) return { status: 'none' }
  return state?.for === want ? state.state : { status: 'working' }
}
