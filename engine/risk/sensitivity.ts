import { effectiveAssumptions } from '../assumptions/resolve'
import type { AssumptionOverride } from '../assumptions/types'
import { AppError } from '../errors'
import { evaluatePlan } from '../model/evaluate'
import type { Plan } from '../schemas/plan'

export type SensitivityRow = {
  key: string
  low: number
  high: number
  grossMarginAtLowYuan: number
  grossMarginAtHighYuan: number
  productionAtLowKg: number
  productionAtHighKg: number
  swingMarginYuan: number
  swingProductionKg: number
}

/**
 * The tornado: each assumption that has a range is moved alone to its low and then its high;
 * rows are ranked by how far the scenario's gross margin swings (production swing alongside).
 */
export function sensitivity(plan: Plan, scenarioId: number): SensitivityRow[] {
  if (!plan.scenarios.some((s) => s.id === scenarioId))
    throw new AppError('NOT_FOUND', 'No such scenario', { scenarioId })
  const assumptions = effectiveAssumptions(plan.assumptions)
  const others = (key: string): AssumptionOverride[] => plan.assumptions.filter((o) => o.key !== key)
  const at = (key: string, value: number, low: number, high: number) => {
    const override = { key, value, low, high, note: '', changedAt: '' }
    const totals = evaluatePlan(
      { ...plan, assumptions: [...others(key), override] },
      { scenarioIds: [scenarioId] },
    ).scenarios[0]!.totals
    return { margin: totals.money.grossMarginYuan, production: totals.productionKg }
  }
  return assumptions
    .filter((a) => a.high > a.low)
    .map((a) => {
      const lo = at(a.key, a.low, a.low, a.high)
      const hi = at(a.key, a.high, a.low, a.high)
      return {
        key: a.key,
        low: a.low,
        high: a.high,
        grossMarginAtLowYuan: lo.margin,
        grossMarginAtHighYuan: hi.margin,
        productionAtLowKg: lo.production,
        productionAtHighKg: hi.production,
        swingMarginYuan: Math.abs(hi.margin - lo.margin),
        swingProductionKg: Math.abs(hi.production - lo.production),
      }
    })
    .sort((x, y) => y.swingMarginYuan - x.swingMarginYuan || y.swingProductionKg - x.swingProductionKg)
}
