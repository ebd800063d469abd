import type { DB } from '../../db/connection'
import { readPlan } from '../../db/plan-store'
import type { WriteContext } from '../../db/repositories/context'
import { createScenariosWithChanges } from '../../db/repositories/scenarios'
import { AppError, type Issue } from '../../engine/errors'
import { rolloutScenarios } from '../../engine/optimiser/to-scenarios'
import { changeIssues } from '../../engine/rules/edit-rules'
import type { Scenario } from '../../engine/schemas/plan'
import type { ParsedInputOf } from '../contract/contract'

/**
 * An optimised roll-out made into scenarios, one per year (`<name> 2025`, `<name> 2026`…), each
 * with every action started by the end of that year, all of them or none. The Scenarios, Compare,
 * Risk and Board screens then use them as any other scenario.
 */
export function createRolloutScenarios(
  db: DB,
  ctx: WriteContext,
  input: ParsedInputOf<'optimiser:toScenarios'>,
): Scenario[] {
  const plan = readPlan(db)
  const fields = new Map(plan.fields.map((f) => [f.id, f]))
  const unknown = input.schedule.findIndex((s) => !fields.has(s.fieldId))
  if (unknown >= 0)
    throw new AppError('VALIDATION', 'The schedule names a field the plan lacks', {
      issues: [{ path: ['schedule', unknown, 'fieldId'], rule: 'unknown_reference' }],
    })
  const cropOfVariety = (id: number) => plan.varieties.find((v) => v.id === id)?.crop
  const years = rolloutScenarios(plan, input.problem, input.schedule)
  const issues: Issue[] = years.flatMap((y, i) =>
    y.changes.flatMap((c, j) =>
      changeIssues(fields.get(c.fieldId)!, c, cropOfVariety).map((found) => ({
        ...found,
        path: ['scenarios', i, 'changes', j, ...found.path],
      })),
    ),
  )
  if (issues.length > 0)
    throw new AppError('VALIDATION', 'A scheduled action does not suit its field', { issues })
  return createScenariosWithChanges(
    db,
    ctx,
    years.map((y) => ({
      name: `${input.name} ${y.year}`,
      seasonYear: y.year,
      note: input.note,
      changes: y.changes,
    })),
  )
}
