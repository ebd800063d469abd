// Monte Carlo with every core beside one worker (DESIGN §6): 10,000 years × 2,000 fields, timed
// from starting the workers to the merged result, as the Risk screen runs it (workers from
// risk-bench-worker.ts, built beside this bench): fresh workers each run, the first prepares the
// kernel and shares it, the blocks are shared out the same way. The all-cores result must equal
// the one-worker result exactly, or the bench fails.
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import {
  mergeRisk,
  type RiskKernel,
  type RiskMeta,
  type RiskPart,
  type RiskResult,
  splitBlocks,
} from '../../engine/risk/simulate'
import type { Plan } from '../../engine/schemas/plan'
import { benchPlan } from './engine'
import { median, report } from './measure'

/** As on the Risk screen: one worker per core, at most 8. */
const MAX_WORKERS = 8
const DRAWS = 10_000
const SEED = 1
const RUNS = 5

function workerFile(): string {
  const beside = join(dirname(resolve(process.argv[1] ?? '')), 'risk-bench-worker.js')
  const built = resolve(process.cwd(), 'out/main/risk-bench-worker.js')
  const file = [beside, built].find((f) => existsSync(f))
  if (!file) throw new Error('out/main/risk-bench-worker.js is missing: run `npm run build` first')
  return file
}

type FromWorker =
  | { type: 'kernel'; kernel: RiskKernel }
  | { type: 'progress'; done: number }
  | { type: 'part'; meta: RiskMeta; part: RiskPart }

/** One run as the Risk screen does it: worker 0 prepares and shares the kernel, every worker runs its blocks. */
function runOnce(file: string, plan: Plan, workers: number): Promise<{ ms: number; result: RiskResult }> {
  const t0 = performance.now()
  const ranges = splitBlocks(DRAWS, workers)
  return new Promise((resolveRun, reject) => {
    const threads = ranges.map(() => new Worker(file))
    const parts: { meta: RiskMeta; part: RiskPart }[] = []
    threads.forEach((thread, index) => {
      thread.once('error', reject)
      thread.on('message', (m: FromWorker) => {
        if (m.type === 'kernel') {
          threads.slice(1).forEach((other, i) => {
            other.postMessage({
              source: { kernel: m.kernel },
              shareKernel: false,
              draws: DRAWS,
              seed: SEED,
              blocks: ranges[i + 1],
            })
          })
        } else if (m.type === 'part') {
          parts.push(m)
          void thread.terminate()
          if (parts.length < ranges.length) return
          const result = mergeRisk(
            parts[0]!.meta,
            { draws: DRAWS, seed: SEED },
            parts.map((p) => p.part),
          )
          resolveRun({ ms: performance.now() - t0, result })
        }
      })
      if (index === 0)
        thread.postMessage({
          source: { plan },
          shareKernel: ranges.length > 1,
          draws: DRAWS,
          seed: SEED,
          blocks: ranges[0],
        })
    })
  })
}

const fingerprint = (r: RiskResult) =>
  JSON.stringify(
    [r.baseline, ...r.scenarios].map((s) => [s.productionKg, s.grossMarginYuan, s.probBeatsBaseline]),
  )

export async function benchRiskCores(): Promise<void> {
  const file = workerFile()
  const plan = benchPlan()
  const cores = Math.max(1, Math.min(availableParallelism(), MAX_WORKERS))
  const timings = { one: [] as number[], all: [] as number[] }
  let one = ''
  let all = ''
  await runOnce(file, plan, cores) // warm-up: the worker module from disk, the JIT
  for (let i = 0; i < RUNS; i++) {
    const a = await runOnce(file, plan, 1)
    const b = await runOnce(file, plan, cores)
    timings.one.push(a.ms)
    timings.all.push(b.ms)
    one = fingerprint(a.result)
    all = fingerprint(b.result)
  }
  if (one !== all)
    throw new Error(`risk: ${cores} workers gave other percentiles than one worker for the same seed`)
  report('risk_10000_draws_x_2000_fields_one_worker_ms', median(timings.one), 'ms', { max: 1500 }, '1 worker')
  report(
    'risk_10000_draws_x_2000_fields_all_cores_ms',
    median(timings.all),
    'ms',
    { max: 1500 },
    `${cores} workers on ${availableParallelism()} cores, same percentiles as 1 worker`,
  )
}
