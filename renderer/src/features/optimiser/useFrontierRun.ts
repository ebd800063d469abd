import { useCallback, useEffect, useRef, useState } from 'react'
import type { FrontierPoint } from '../../../../engine/optimiser/frontier'
import type { Problem } from '../../../../engine/optimiser/problem'
import type { Plan } from '../../../../engine/schemas/plan'
import type { FromOptimiser, ToOptimiser } from './optimiser-protocol'
import { defaultWorker, type WorkerFactory } from './useOptimiserRun'

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
  const current = useRef<Worker | null>(null)
  const stop = useCallback(() => {
    current.current?.terminate()
    current.current = null
  }, [])
  useEffect(() => stop, [stop])

  const run = useCallback(
    (plan: Plan, problem: Problem) => {
      stop()
      const w = makeWorker()
      current.current = w
      const points: FrontierPoint[] = []
      setState({ status: 'running', points: [], total: 0 })
      w.onmessage = (event: MessageEvent<FromOptimiser>) => {
        if (current.current !== w) return
        const m = event.data
        if (m.type === 'frontierPoint') {
          points.push(m.point)
          setState({ status: 'running', points: [...points], total: m.total })
          return
        }
        if (m.type === 'frontierDone') setState({ status: 'done', points: [...points] })
        else if (m.type === 'error') setState({ status: 'failed', code: m.code })
        else return
        stop()
      }
      w.onerror = () => {
        if (current.current !== w) return
        setState({ status: 'failed', code: 'INTERNAL' })
        stop()
      }
      w.postMessage({ type: 'frontier', plan, problem } satisfies ToOptimiser)
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
