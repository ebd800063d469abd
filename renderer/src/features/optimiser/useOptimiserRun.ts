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
 * One optimiser worker at a time: starting another, `stop` (Cancel) or leaving the screen
 * terminates the one running — HiGHS cannot be interrupted between steps, and a terminated worker
 * stops at once. `onMessage` answers 'done' when the run is over; a crash calls `onCrash`.
 */
export function useOneWorker(makeWorker: WorkerFactory) {
  const current = useRef<Worker | null>(null)
  const stop = useCallback(() => {
    current.current?.terminate()
    current.current = null
  }, [])
  useEffect(() => stop, [stop])

  const start = useCallback(
    (message: ToOptimiser, onMessage: (m: FromOptimiser) => 'done' | 'more', onCrash: () => void) => {
      stop()
      const w = makeWorker()
      current.current = w
      w.onmessage = (event: MessageEvent<FromOptimiser>) => {
        if (current.current !== w) return
        if (onMessage(event.data) === 'done') stop()
      }
      w.onerror = () => {
        if (current.current !== w) return
        onCrash()
        stop()
      }
      w.postMessage(message)
    },
    [stop, makeWorker],
  )
  const isRunning = useCallback(() => current.current !== null, [])
  return { start, stop, isRunning }
}

/** Solves one roll-out in a Web Worker (HiGHS in WebAssembly), with Cancel. */
export function useOptimiserRun(makeWorker: WorkerFactory = defaultWorker) {
  const [state, setState] = useState<OptimiserState>({ status: 'idle' })
  const worker = useOneWorker(makeWorker)
  const runs = useRef(0)

  const run = useCallback(
    (plan: Plan, problem: Problem) => {
      const startedAt = Date.now()
      runs.current += 1
      const runId = runs.current
      setState({ status: 'running', startedAt })
      worker.start(
        { type: 'run', plan, problem },
        (m) => {
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
          else return 'more'
          return 'done'
        },
        () => setState({ status: 'failed', code: 'INTERNAL', issues: [] }),
      )
    },
    [worker.start],
  )

  const cancel = useCallback(() => {
    if (!worker.isRunning()) return
    worker.stop()
    setState({ status: 'cancelled' })
  }, [worker.stop, worker.isRunning])

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
