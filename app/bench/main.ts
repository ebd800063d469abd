// npm run bench: one JSON line per figure, {"bench", "value", "unit", "bar"}; medians of repeated runs.
import { buildDemoPlan } from '../../engine/demo-plan'
import { evaluatePlan } from '../../engine/model/evaluate'
import { createSimulation } from '../../engine/risk/simulate'
import { scalePlan } from '../../engine/scale-plan'
import { PlanSchema } from '../../engine/schemas/plan'

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

const gc = (globalThis as { gc?: () => void }).gc

/** Median of `runs` timings. Each run starts after a collection (when --expose-gc is on), so a
 * sample measures its own work, not the garbage the previous sample left behind. */
function time(fn: () => unknown, runs: number, warmup = 5): number {
  for (let i = 0; i < warmup; i++) fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    gc?.()
    const t0 = performance.now()
    fn()
    samples.push(performance.now() - t0)
  }
  return median(samples)
}

function report(bench: string, value: number, unit: string, bar: string): void {
  process.stdout.write(`${JSON.stringify({ bench, value: Math.round(value * 100) / 100, unit, bar })}\n`)
}

const plan = PlanSchema.parse(scalePlan(buildDemoPlan(), 2000))
if (plan.fields.length !== 2000 || plan.scenarios.length !== 4)
  throw new Error('bench fixture is not 2,000 × 4')
report(
  'evaluate_2000_fields_x4_scenarios',
  time(() => evaluatePlan(plan), 41),
  'ms',
  '<= 20 ms',
)

// Monte Carlo: 10,000 weather years × 2,000 fields, every scenario and the baseline on each draw.
// Setup (the deterministic evaluation and the slopes of the first-order coefficients) is timed
// apart from the draws; the total is what a user waits for.
{
  gc?.()
  const t0 = performance.now()
  const sim = createSimulation(plan, { draws: 10_000, seed: 1 })
  const t1 = performance.now()
  let chunks = 0
  while (!sim.step(500)) chunks++
  const t2 = performance.now()
  report('risk_10000_draws_x_2000_fields_total', t2 - t0, 'ms', '<= 1500 ms, with progress')
  report('risk_setup_2000_fields', t1 - t0, 'ms', 'informational')
  report(
    'risk_field_draws_per_second',
    (10_000 * 2000) / ((t2 - t1) / 1000) / 1e6,
    'million/s',
    '>= 20 million/s in one worker',
  )
  if (chunks < 10) throw new Error('progress must be reported in steps')
}

// Cancel latency: the worker reads messages between chunks of 200 draws, so one chunk on
// 2,000 fields bounds how long a Cancel can wait.
{
  const sim = createSimulation(plan, { draws: 100_000, seed: 2 })
  sim.step(200)
  report(
    'risk_cancel_latency_chunk_2000_fields',
    time(() => sim.step(200), 21, 2),
    'ms',
    '<= 200 ms',
  )
}
