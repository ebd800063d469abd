import { fieldEvaluator } from '../model/evaluate'
import { asToday, changesNothing } from '../scenario-edit'
import type { Plan, ScenarioChange } from '../schemas/plan'
import { actionFit, densityOptimum } from './candidates'
import type { Problem } from './problem'
import type { Action, ScheduleItem } from './types'

/** One scenario of a roll-out: everything started in its year or before, field by field. */
export type RolloutScenario = { year: number; changes: ScenarioChange[] }

/**
 * A schedule as scenarios, one per roll-out year, each holding every action started that year or
 * before (the state of the fields at the end of that year). An action is applied the way the
 * optimiser valued it: on top of what the field already has in the roll-out (drip after HSF), with
 * the problem's density and variety or the variety's optimum density for the field's water.
 * Actions in place already, or that make no sense on a field, are left out.
 */
export function rolloutScenarios(
  plan: Plan,
  problem: Problem,
  schedule: readonly ScheduleItem[],
): RolloutScenario[] {
  const optimumOf = densityOptimum(plan, fieldEvaluator(plan).moneyParams.values)
  const fields = new Map(plan.fields.map((f) => [f.id, f]))
  const order = new Map<Action, number>(['hsf', 'variety', 'drip', 'density'].map((a, i) => [a as Action, i]))
  return problem.years.map(({ year }) => {
    const started = schedule.filter((s) => s.year <= year && fields.has(s.fieldId))
    const byField = new Map<number, Action[]>()
    for (const s of started) byField.set(s.fieldId, [...(byField.get(s.fieldId) ?? []), s.action])
    const changes: ScenarioChange[] = []
    for (const [fieldId, actions] of [...byField].sort((a, b) => a[0] - b[0])) {
      const field = fields.get(fieldId)!
      let change = asToday(fieldId)
      // Water and variety first, so a density follows the water and variety the field will have.
      for (const action of [...actions].sort((a, b) => order.get(a)! - order.get(b)!)) {
        const fit = actionFit(
          field,
          action,
          change.waterRegime,
          change.varietyId ?? field.varietyId,
          problem,
          optimumOf(field.crop),
        )
        if (fit.kind === 'candidate') change = fit.apply(change)
      }
      if (!changesNothing(change)) changes.push(change)
    }
    return { year, changes }
  })
}
