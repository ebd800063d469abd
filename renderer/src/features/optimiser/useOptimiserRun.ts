import { useCallback, useEffect, useRef, useState } from 'react'
import type { Issue } from '../../../../engine/errors'
import type { Problem } from '../../../../engine/optimiser/problem'
import type { OptimiseResult } from '../../../../engine/optimiser/types'
import type { Plan } from '../../../../engine/schemas/plan'
import type { Baseline, FromOptimiser, ToOptimiser } from './optimiser-protocol'

export type OptimiserRun = {
  result: OptimiseResult
  /** today's production and gross margin, per season */
  baseline: Baseline
  /** the problem and plan it was solved for: the page shows the result against these */
  problem: Problem
  plan: Plan
  seconds: number
  /** which solve of this screen it is: a new one starts its own "make scenarios" */
  runId: number
}

export type OptimiserState =
  | { status: 'idle' }
  | { status: 'running'; startedAt: number }
  | ({ status: 'done' } & OptimiserRun)
  | { status: 'cancelled' }
  | { status: 'failed'; code: string; issues: Issue[] }

/** Makes the worker; a test passes a fake one. */
export type WorkerFactory = () => Worker

export const defaultWorker: WorkerFactory = () =>
  new Worker(new URL('./optimiser.worker.ts', import.meta.url), { type: 'module' })

/**
 * Solves one roll-out in a Web Worker (HiGHS in WebAssembly). Cancel terminates the worker: the
 * solver cannot be interrupted between steps, and a terminated worker stops at once. Leaving the
 * screen stops a run still going.
 */
export function useOptimiserRun(makeWorker: WorkerFactory = defaultWorker) {
  const [state, setState] = useState<OptimiserState>({ status: 'idle' })
  const current = useRef<Worker | null>(null)
  const runs = useRef(0)

  const stop = useCallback(() => {
    current.current?.terminate()
    current.current = null
  }, [])
  useEffect(() => stop, [stop])

  const run = useCallback(
    (plan: Plan, problem: Problem) => {
      stop()
      const startedAt = Date.now()
      runs.current += 1
      const runId = runs.current
      const w = makeWorker()
      current.current = w
      setState({ status: 'running', startedAt })
      w.onmessage = (event: MessageEvent<FromOptimiser>) => {
        if (current.current !== w) return
        const m = event.data
        if (m.type === 'result')
          setState({
            status: 'done',
            result: m.result,
            baseline: m.baseline,
            problem,
            plan,
            seconds: (Date.now() - startedAt) / 1000,
            runId,
          })
        else if (m.type === 'error') setState({ status: 'failed', code: m.code, issues: m.issues })
        else return
        stop()
      }
      w.onerror = () => {
        if (current.current !== w) return
        setState({ status: 'failed', code: 'INTERNAL', issues: [] })
        stop()
      }
      w.postMessage({ type: 'run', plan, problem } satisfies ToOptimiser)
    },
    [stop, makeWorker],
  )

  const cancel = useCallback(() => {
    if (!current.current) return
    stop()
    setState({ status: 'cancelled' })
  }, [stop])

  return { state, run, cancel }
}

/** Seconds since `startedAt`, redrawn every quarter second while `isRunning`. */
export function useElapsed(startedAt: number | null): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (startedAt === null) return
    const timer = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(timer)
  }, [startedAt])
  return startedAt === null ? 0 : Math.max(0, (now - startedAt) / 1000)
}
