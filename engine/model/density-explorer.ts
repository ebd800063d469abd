import { AppError } from '../errors'
import type { Level } from '../schemas/variety'
import { type DensityRange, economicOptimum, quadraticFromCurve, relativeYield } from './density'

export const MAX_CURVE_STEPS = 1_000

export type CurveInput = {
  range: DensityRange
  curvature: number
  lodgingPenalty: number
  lodgingRisk: Level | null
  yieldAtOptimumKgPerHa: number
  seedYuanPer1000: number
  grainYuanPerKg: number
  steps?: number
}

export type Curve = {
  points: { densityPlantsPerHa: number; yieldKgPerHa: number }[]
  aopdPlantsPerHa: number
  eosrPlantsPerHa: number | null
  yieldAt: (densityPlantsPerHa: number) => number
}

/**
 * The density explorer's curve for one variety × water regime: the model's relative response
 * scaled to a yield level, from half the optimum to well past the safe maximum, with the agronomic
 * optimum and the economic optimum for the given seed and grain prices.
 */
export function densityCurve(input: CurveInput): Curve {
  const { range } = input
  const yieldAt = (d: number) =>
    input.yieldAtOptimumKgPerHa *
    relativeYield(d, range, input.curvature, input.lodgingPenalty, input.lodgingRisk)
  const from = range.optimumPlantsPerHa * 0.5
  const to = Math.max(range.maxPlantsPerHa * 1.25, range.optimumPlantsPerHa * 1.5)
  const steps = input.steps ?? 80
  // The curve has one point per step: a whole number, and no more than a chart can show.
  if (!Number.isInteger(steps) || steps < 1 || steps > MAX_CURVE_STEPS) {
    throw new AppError('VALIDATION', `A curve has 1–${MAX_CURVE_STEPS} steps`, {
      issues: [{ path: ['steps'], rule: 'max_number', params: { limit: MAX_CURVE_STEPS } }],
    })
  }
  const points = Array.from({ length: steps + 1 }, (_, i) => {
    const d = from + ((to - from) * i) / steps
    return { densityPlantsPerHa: d, yieldKgPerHa: yieldAt(d) }
  })
  const quadratic = quadraticFromCurve(input.yieldAtOptimumKgPerHa, range.optimumPlantsPerHa, input.curvature)
  return {
    points,
    aopdPlantsPerHa: range.optimumPlantsPerHa,
    eosrPlantsPerHa: economicOptimum(quadratic, input.seedYuanPer1000 / 1000, input.grainYuanPerKg),
    yieldAt,
  }
}
