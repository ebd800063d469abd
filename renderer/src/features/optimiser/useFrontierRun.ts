import { useCallback, useState } from 'react'
import type { FrontierPoint } from '../../../../engine/optimiser/frontier'
import type { Problem } from '../../../../engine/optimiser/problem'
import type { Plan } from '../../../../engine/schemas/plan'
import { defaultWorker, useOneWorker, type WorkerFactory } from './useOptimiserRun'

export type FrontierState =
  | { status: 'idle' }
  | { status: 'running'; points: FrontierPoint[]; total: number }
  | { status: 'done'; points: FrontierPoint[] }
  | { status: 'cancelled' }
  | { status: 'failed'; code: string }

/**
 * Draws the budget-versus-gain frontier in a worker of its own (the same solver, several solves),
 * point by point; Cancel or leaving the screen terminates it.
 */
export function useFrontierRun(makeWorker: WorkerFactory = defaultWorker) {
  const [state, setState] = useState<FrontierState>({ status: 'idle' })
  const worker = useOneWorker(makeWorker)

  const run = useCallback(
    (plan: Plan, problem: Problem) => {
      const points: FrontierPoint[] = []
      setState({ status: 'running', points: [], total: 0 })
      worker.start(
        { type: 'frontier', plan, problem },
        (m) => {
          if (m.type === 'frontierPoint') {
            points.push(m.point)
            setState({ status: 'running', points: [...points], total: m.total })
            return 'more'
          }
          if (m.type === 'frontierDone') setState({ status: 'done', points: [...points] })
          else if (m.type === 'error') setState({ status: 'failed', code: m.code })
          else return 'more'
          return 'done'
        },
        () => setState({ status: 'failed', code: 'INTERNAL' }),
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
