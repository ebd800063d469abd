import { useCallback, useEffect, useRef, useState } from 'react'
import { type RiskMeta, type RiskPart, splitBlocks } from '../../../../engine/risk/simulate'
import type { Plan } from '../../../../engine/schemas/plan'
import type { FromWorker, ToWorker } from './risk-protocol'
import { type RiskPurpose, type StoredRun, storedRun, storeRun } from './risk-store'

export type RiskState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | ({ status: 'done' } & StoredRun)
  | { status: 'cancelled'; done: number }
  | { status: 'failed'; code: string }

function stateOf(run: StoredRun | null): RiskState {
  return run ? { status: 'done', ...run } : { status: 'idle' }
}

/** More workers than this gain little on a laptop and each holds its own copy of the plan. */
const MAX_WORKERS = 8
/** How long Cancel waits for the workers to answer before stopping them outright. */
const CANCEL_GRACE_MS = 150

/** One worker per core, as far as the run has blocks to share out. */
export function riskWorkerCount(cores: number | undefined, draws: number): number {
  const wanted = Math.max(1, Math.min(Math.floor(cores ?? 1) || 1, MAX_WORKERS))
  return splitBlocks(draws, wanted).length
}

type Run = {
  workers: Worker[]
  done: number[]
  parts: RiskPart[]
  meta: RiskMeta | null
  answered: Set<number>
  cancelling: boolean
}

/**
 * Runs the Monte Carlo in Web Workers, one per core, with progress and cancel. The blocks of the
 * run are shared out among the workers and merged in draw order, so the result is the same from
 * the seed whatever the number of cores. A finished run is kept for the session under the plan's
 * content (`planKey`, see plan-key.ts): the screen shows it again when it is opened on the same
 * plan, and shows nothing old once the plan has changed.
 */
export function useRiskRun(
  purpose: RiskPurpose,
  planKey: string | null,
  options: { progress?: boolean } = {},
) {
  const showProgress = options.progress !== false
  const [state, setState] = useState<RiskState>(() => stateOf(storedRun(purpose, planKey)))
  const [shownKey, setShownKey] = useState(planKey)
  const current = useRef<Run | null>(null)
  const keyRef = useRef(planKey)
  keyRef.current = planKey
  if (shownKey !== planKey) {
    // Another plan (it was changed and loaded again): its own last run, or nothing.
    setShownKey(planKey)
    setState(stateOf(storedRun(purpose, planKey)))
  }

  const stop = useCallback(() => {
    for (const w of current.current?.workers ?? []) w.terminate()
    current.current = null
  }, [])

  // Leaving the screen stops a run still going; so does another plan arriving (its run is not ours).
  const runKey = useRef<string | null>(null)
  useEffect(() => stop, [stop])
  useEffect(() => {
    if (runKey.current !== planKey) stop()
  }, [planKey, stop])

  const run = useCallback(
    (plan: Plan, draws: number, seed: number) => {
      stop()
      const key = keyRef.current
      runKey.current = key
      const label = {
        workspace: plan.workspace.name,
        scenarios: plan.scenarios.length,
        fields: plan.fields.length,
      }
      const ranges = splitBlocks(draws, riskWorkerCount(navigator.hardwareConcurrency, draws))
      const r: Run = {
        workers: [],
        done: ranges.map(() => 0),
        parts: [],
        meta: null,
        answered: new Set(),
        cancelling: false,
      }
      current.current = r
      setState({ status: 'running', done: 0, total: draws })
      const sum = () => r.done.reduce((a, b) => a + b, 0)
      const fail = (code: string) => {
        if (current.current !== r) return
        setState({ status: 'failed', code })
        stop()
      }
      const onMessage = (index: number, m: FromWorker) => {
        if (current.current !== r) return
        if (m.type === 'kernel') {
          // The first worker has prepared the run: the others start from its kernel.
          if (r.cancelling) return
          r.workers.slice(1).forEach((w, i) => {
            const message: ToWorker = {
              type: 'run',
              source: { kernel: m.kernel },
              shareKernel: false,
              draws,
              seed,
              blocks: ranges[i + 1]!,
            }
            w.postMessage(message)
          })
        } else if (m.type === 'progress') {
          r.done[index] = m.done
          if (!r.cancelling && showProgress) setState({ status: 'running', done: sum(), total: draws })
        } else if (m.type === 'part') {
          r.done[index] = m.part.done
          r.meta = m.meta
          r.parts.push(m.part)
          if (r.parts.length === r.workers.length && !r.cancelling) {
            // Every share is in: one worker merges and summarises; the others are done.
            const merger = r.workers[0]!
            for (const w of r.workers.slice(1)) w.terminate()
            r.workers = [merger]
            const message: ToWorker = { type: 'merge', meta: r.meta, draws, seed, parts: r.parts }
            merger.postMessage(
              message,
              r.parts.flatMap((p) => [...p.production, ...p.margin].map((a) => a.buffer)),
            )
          }
        } else if (m.type === 'result') {
          const finished: StoredRun = {
            planKey: key ?? '',
            plan: label,
            draws: m.draws,
            seed: m.seed,
            scenarios: m.scenarios,
            finishedAt: Date.now(),
          }
          if (key !== null) storeRun(purpose, finished)
          setState({ status: 'done', ...finished })
          stop()
        } else if (m.type === 'cancelled') {
          r.done[index] = m.done
          r.answered.add(index)
          if (r.answered.size === r.workers.length) {
            setState({ status: 'cancelled', done: sum() })
            stop()
          }
        } else fail(m.code)
      }
      ranges.forEach((blocks, index) => {
        const w = new Worker(new URL('./risk.worker.ts', import.meta.url), { type: 'module' })
        r.workers.push(w)
        w.onmessage = (event: MessageEvent<FromWorker>) => onMessage(index, event.data)
        w.onerror = () => fail('INTERNAL')
        // Only the first worker starts from the plan; the others wait for the kernel it shares.
        if (index === 0) {
          const message: ToWorker = {
            type: 'run',
            source: { plan },
            shareKernel: ranges.length > 1,
            draws,
            seed,
            blocks,
          }
          w.postMessage(message)
        }
      })
    },
    [stop, purpose, showProgress],
  )

  const cancel = useCallback(() => {
    const r = current.current
    if (!r || r.cancelling) return
    r.cancelling = true
    for (const w of r.workers) w.postMessage({ type: 'cancel' } satisfies ToWorker)
    // Workers that do not answer promptly are stopped outright: the UI never waits on them.
    setTimeout(() => {
      if (current.current === r) {
        stop()
        setState({ status: 'cancelled', done: r.done.reduce((a, b) => a + b, 0) })
      }
    }, CANCEL_GRACE_MS)
  }, [stop])

  return { state, run, cancel }
}
