import { useCallback, useEffect, useRef, useState } from 'react'
import type { Plan } from '../../../../engine/schemas/plan'
import type { FromWorker, RiskSummary } from './risk-protocol'

export type RiskState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | { status: 'done'; draws: number; seed: number; scenarios: RiskSummary[] }
  | { status: 'cancelled'; done: number }
  | { status: 'failed'; code: string }

/** Runs the Monte Carlo in a Web Worker, with progress and cancel; one worker per run. */
export function useRiskRun() {
  const [state, setState] = useState<RiskState>({ status: 'idle' })
  const worker = useRef<Worker | null>(null)

  const stop = useCallback(() => {
    worker.current?.terminate()
    worker.current = null
  }, [])

  useEffect(() => stop, [stop])

  const run = useCallback(
    (plan: Plan, draws: number, seed: number) => {
      stop()
      const w = new Worker(new URL('./risk.worker.ts', import.meta.url), { type: 'module' })
      worker.current = w
      setState({ status: 'running', done: 0, total: draws })
      w.onmessage = (event: MessageEvent<FromWorker>) => {
        const m = event.data
        if (m.type === 'progress') setState({ status: 'running', done: m.done, total: m.total })
        else {
          if (m.type === 'result')
            setState({ status: 'done', draws: m.draws, seed: m.seed, scenarios: m.scenarios })
          else if (m.type === 'cancelled') setState({ status: 'cancelled', done: m.done })
          else setState({ status: 'failed', code: m.code })
          stop()
        }
      }
      w.onerror = () => {
        setState({ status: 'failed', code: 'INTERNAL' })
        stop()
      }
      w.postMessage({ type: 'run', plan, draws, seed })
    },
    [stop],
  )

  const cancel = useCallback(() => {
    const w = worker.current
    if (!w) return
    w.postMessage({ type: 'cancel' })
    // If the worker does not answer promptly, it is stopped outright: the UI never waits on it.
    setTimeout(() => {
      if (worker.current === w) {
        stop()
        setState((s) => (s.status === 'running' ? { status: 'cancelled', done: s.done } : s))
      }
    }, 150)
  }, [stop])

  return { state, run, cancel }
}
