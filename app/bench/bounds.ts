// Evaluation with each assumption at its hard bounds: no setting the engine accepts may make it
// slow. The demo plan scaled to 2,000 fields × 4 scenarios (as in engine.ts), each key alone at
// its min and at its max (range widened to the bounds). A quick pass over every key and bound
// finds the slowest few; those are timed again with many runs, and the slowest median is the
// figure, so one busy moment of the machine does not pass for a slow key.
import { DEFAULT_ASSUMPTIONS } from '../../engine/assumptions/defaults'
import { evaluatePlan } from '../../engine/model/evaluate'
import type { Plan } from '../../engine/schemas/plan'
import { benchPlan } from './engine'
import { report, time } from './measure'

type Case = { key: string; bound: 'min' | 'max'; plan: Plan; ms: number }

export function benchBounds(): void {
  const plan = benchPlan()
  const cases: Case[] = DEFAULT_ASSUMPTIONS.flatMap((a) =>
    (['min', 'max'] as const).map((bound) => ({
      key: a.key,
      bound,
      plan: {
        ...plan,
        assumptions: [{ key: a.key, value: a[bound], low: a.min, high: a.max, note: '', changedAt: '' }],
      },
      ms: 0,
    })),
  )
  for (const c of cases) c.ms = time(() => evaluatePlan(c.plan), 5, 2)
  const candidates = [...cases].sort((x, y) => y.ms - x.ms).slice(0, 5)
  for (const c of candidates) c.ms = time(() => evaluatePlan(c.plan), 41, 5)
  const slowest = candidates.reduce((x, y) => (y.ms > x.ms ? y : x))
  report(
    'evaluate_slowest_assumption_at_bounds',
    slowest.ms,
    'ms',
    { max: 20 },
    `${slowest.key} at its ${slowest.bound}`,
  )
}
