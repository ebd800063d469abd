// The engine on its own: deterministic evaluation and the Monte Carlo, on the demo plan scaled to
// 2,000 fields × 4 scenarios.
import { buildDemoPlan } from '../../engine/demo-plan'
import { evaluatePlan } from '../../engine/model/evaluate'
import { createSimulation } from '../../engine/risk/simulate'
import { scalePlan } from '../../engine/scale-plan'
import { type Plan, PlanSchema } from '../../engine/schemas/plan'
import { collect, report, time } from './measure'

export function benchPlan(fields = 2000): Plan {
  const plan = PlanSchema.parse(scalePlan(buildDemoPlan(), fields))
  if (plan.fields.length !== fields || plan.scenarios.length !== 4)
    throw new Error(`bench fixture is not ${fields} × 4`)
  return plan
}

export function benchEngine(): void {
  const plan = benchPlan()
  report(
    'evaluate_2000_fields_x4_scenarios',
    time(() => evaluatePlan(plan), 41),
    'ms',
    { max: 20 },
  )

  // Monte Carlo: 10,000 weather years × 2,000 fields, every scenario and the baseline on each draw.
  // Setup (the deterministic evaluation and the slopes of the first-order coefficients) is timed
  // apart from the draws; the total is what a user waits for.
  {
    collect()
    const t0 = performance.now()
    const sim = createSimulation(plan, { draws: 10_000, seed: 1 })
    const t1 = performance.now()
    let chunks = 0
    while (!sim.step(500)) chunks++
    const t2 = performance.now()
    report('risk_10000_draws_x_2000_fields_total', t2 - t0, 'ms', { max: 1500 }, 'with progress')
    report('risk_setup_2000_fields', t1 - t0, 'ms', null)
    report('risk_field_draws_per_second', (10_000 * 2000) / ((t2 - t1) / 1000) / 1e6, 'million/s', {
      min: 20,
    })
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
      { max: 200 },
    )
  }
}
