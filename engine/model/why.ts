import { type EffectiveAssumption, effectiveAssumptions } from '../assumptions/resolve'
import { AppError } from '../errors'
import type { Plan } from '../schemas/plan'
import { evaluatePlan } from './evaluate'
import type { FieldResult } from './types'

export type VarietyNote = { id: number; name: string; source: string; isExample: boolean }

export type Why = {
  scenarioId: number
  scenarioName: string
  field: FieldResult
  fieldName: string
  /** every assumption behind the figures, with value, range and source */
  assumptions: EffectiveAssumption[]
  varieties: VarietyNote[]
}

/** "Why this number": the field's factors and money with every assumption and variety source behind them. */
export function explainField(plan: Plan, scenarioId: number, fieldId: number): Why {
  const scenario = plan.scenarios.find((s) => s.id === scenarioId)
  const planField = plan.fields.find((f) => f.id === fieldId)
  if (!scenario || !planField)
    throw new AppError('NOT_FOUND', 'No such scenario or field', { scenarioId, fieldId })
  const result = evaluatePlan(plan, { scenarioIds: [scenarioId] }).scenarios[0]!
  const field = result.fields.find((f) => f.fieldId === fieldId)!
  const keys = new Set(field.assumptionKeys)
  const varietyIds = new Set([planField.varietyId, field.varietyId].filter((id): id is number => id !== null))
  return {
    scenarioId,
    scenarioName: scenario.name,
    field,
    fieldName: planField.name,
    assumptions: effectiveAssumptions(plan.assumptions).filter((a) => keys.has(a.key)),
    varieties: plan.varieties
      .filter((v) => varietyIds.has(v.id))
      .map((v) => ({ id: v.id, name: v.name, source: v.source, isExample: v.isExample })),
  }
}
