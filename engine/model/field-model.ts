import { need, type Values } from '../assumptions/resolve'
import type { Crop, WaterRegime } from '../schemas/field'
import type { PlanField, PlanVariety } from '../schemas/plan'
import type { Level } from '../schemas/variety'
import { curvature, densityRange, relativeYield } from './density'
import type { Factor, ModelWarning } from './types'

/** What a field looks like today or under a scenario: the inputs the factors depend on. */
export type FieldState = {
  hasHsf: boolean
  variety: PlanVariety | null
  waterRegime: WaterRegime
  densityPlantsPerHa: number | null
}

export type Components = Record<Factor, number>

/** The coefficients the factors read, looked up once per evaluation rather than per field. */
export type FactorParams = {
  values: Values
  hsfUplift: number
  /** share of the HSF uplift kept on a maize field irrigated in the new state */
  hsfIrrigatedShare: number
  lodgingPenalty: number
  safetyMarginCd: number
  penaltyPer100Cd: number
  waterFactor: Record<WaterRegime, number>
  salineLoss: Record<PlanField['salineClass'], number>
  toleranceRelief: Record<Level, number>
  curvature: Record<Crop, number>
}

export function factorParams(values: Values): FactorParams {
  return {
    values,
    hsfUplift: need(values, 'hsf.uplift'),
    hsfIrrigatedShare: need(values, 'hsf.upliftShareIrrigated'),
    lodgingPenalty: need(values, 'density.lodgingPenalty'),
    safetyMarginCd: need(values, 'maturity.safetyMarginCd'),
    penaltyPer100Cd: need(values, 'maturity.penaltyPer100Cd'),
    waterFactor: {
      rainfed: 1,
      paddy: 1,
      furrow: need(values, 'water.factor.furrow'),
      sprinkler: need(values, 'water.factor.sprinkler'),
      drip: need(values, 'water.factor.drip'),
    },
    salineLoss: {
      none: 0,
      light: need(values, 'saline.loss.light'),
      moderate: need(values, 'saline.loss.moderate'),
      severe: need(values, 'saline.loss.severe'),
    },
    toleranceRelief: {
      low: 0,
      medium: need(values, 'saline.toleranceRelief.medium'),
      high: need(values, 'saline.toleranceRelief.high'),
    },
    curvature: { maize: curvature('maize', values), soybean: curvature('soybean', values), rice: 0 },
  }
}

const MAX_MATURITY_LOSS = 0.6

/**
 * Each factor's level for a field in a state. A scenario's multiplier for a factor is its level
 * in the new state divided by its level today, so today's practice reproduces the baseline exactly.
 */
export function components(field: PlanField, state: FieldState, p: FactorParams): Components {
  const variety = state.variety
  // Only a new build counts: a field that has HSF already shows it in its own history. On a
  // maize field irrigated in this state, the water part of HSF is the irrigation factor's: only
  // the rest of the uplift is gained, so irrigation is not counted twice.
  const water = field.crop === 'maize' ? p.waterFactor[state.waterRegime] : 1
  const irrigated = field.crop === 'maize' && state.waterRegime !== 'rainfed'
  const hsf = state.hasHsf && !field.hasHsf ? 1 + p.hsfUplift * (irrigated ? p.hsfIrrigatedShare : 1) : 1
  let density = 1
  if (state.densityPlantsPerHa !== null && field.crop !== 'rice') {
    const range = densityRange(field.crop, variety?.densities ?? [], state.waterRegime, p.values)
    if (range) {
      density = relativeYield(
        state.densityPlantsPerHa,
        range,
        p.curvature[field.crop],
        p.lodgingPenalty,
        variety?.lodgingRisk ?? null,
      )
    }
  }
  const loss = p.salineLoss[field.salineClass]
  const relief = variety?.saltTolerance ? p.toleranceRelief[variety.saltTolerance] : 0
  let maturity = 1
  if (variety?.heatSumNeededCd != null) {
    const shortfall = Math.max(0, p.safetyMarginCd - (field.heatSumCd - variety.heatSumNeededCd))
    maturity = 1 - Math.min(MAX_MATURITY_LOSS, (p.penaltyPer100Cd * shortfall) / 100)
  }
  return {
    hsf,
    variety: variety?.yieldPotentialRel ?? 1,
    densityWater: water * density,
    salinity: 1 - loss * (1 - relief),
    maturity,
  }
}

/** Where a choice is agronomically unwise, say so (DESIGN §2.5). */
export function warningsFor(
  field: PlanField,
  current: FieldState,
  next: FieldState,
  buildRequested: boolean,
  p: FactorParams,
): ModelWarning[] {
  const warnings: ModelWarning[] = []
  const v = next.variety
  if (buildRequested && field.hasHsf)
    warnings.push({ code: 'hsf_already_built', params: { year: field.hsfYearBuilt ?? 0 } })
  if (v?.heatSumNeededCd != null && field.heatSumCd - v.heatSumNeededCd < p.safetyMarginCd) {
    warnings.push({
      code: 'variety_too_late',
      params: { neededCd: v.heatSumNeededCd, fieldCd: field.heatSumCd, marginCd: p.safetyMarginCd },
    })
  }
  if (next.densityPlantsPerHa !== null && field.crop !== 'rice') {
    const range = densityRange(field.crop, v?.densities ?? [], next.waterRegime, p.values)
    if (range && next.densityPlantsPerHa > range.maxPlantsPerHa) {
      warnings.push({
        code: 'density_above_safe_max',
        params: { densityPlantsPerHa: next.densityPlantsPerHa, maxPlantsPerHa: range.maxPlantsPerHa },
      })
    }
    if (range && next.densityPlantsPerHa < range.minPlantsPerHa) {
      warnings.push({
        code: 'density_below_min',
        params: { densityPlantsPerHa: next.densityPlantsPerHa, minPlantsPerHa: range.minPlantsPerHa },
      })
    }
    if (
      next.waterRegime === 'rainfed' &&
      range &&
      next.densityPlantsPerHa > range.optimumPlantsPerHa * 1.05
    ) {
      warnings.push({
        code: 'high_density_without_water',
        params: { densityPlantsPerHa: next.densityPlantsPerHa, optimumPlantsPerHa: range.optimumPlantsPerHa },
      })
    }
    if (current.densityPlantsPerHa === null && next.densityPlantsPerHa !== null) {
      warnings.push({ code: 'current_density_unknown', params: {} })
    }
  }
  if (field.crop !== 'maize' && next.waterRegime !== current.waterRegime) {
    warnings.push({ code: 'water_effect_not_modelled', params: { crop: field.crop } })
  }
  return warnings
}

/** The assumption keys each factor reads for this field, for "why". */
export function factorKeys(field: PlanField, next: FieldState): Record<Factor, string[]> {
  const crop = field.crop
  return {
    hsf: [
      'hsf.uplift',
      'hsf.rampYears',
      ...(crop === 'maize' && next.waterRegime !== 'rainfed' ? ['hsf.upliftShareIrrigated'] : []),
    ],
    variety: [],
    densityWater:
      crop === 'rice'
        ? []
        : [
            `density.curvature.${crop}`,
            'density.lodgingPenalty',
            ...(crop === 'maize' ? ['density.maize.optimum.rainfed', 'density.maize.optimum.drip'] : []),
            ...(crop === 'maize' && next.waterRegime !== 'rainfed'
              ? [`water.factor.${next.waterRegime}`]
              : []),
          ],
    salinity:
      field.salineClass === 'none'
        ? []
        : [
            `saline.loss.${field.salineClass}`,
            ...(next.variety?.saltTolerance && next.variety.saltTolerance !== 'low'
              ? [`saline.toleranceRelief.${next.variety.saltTolerance}`]
              : []),
          ],
    maturity: ['maturity.safetyMarginCd', 'maturity.penaltyPer100Cd'],
  }
}
