import type { Crop, WaterRegime } from '../schemas/field'
import type { FinanceResult } from './finance/cash-flow'

/** The causes an uplift is split into; their contributions add up to the total. */
export const FACTORS = ['hsf', 'variety', 'densityWater', 'salinity', 'maturity'] as const
export type Factor = (typeof FACTORS)[number]

/** What the engine warns about; each has a sentence in both catalogues (warning.*). */
export const WARNING_CODES = [
  'variety_too_late',
  'density_above_safe_max',
  'density_below_min',
  'high_density_without_water',
  'hsf_already_built',
  'current_density_unknown',
  'water_effect_not_modelled',
] as const
export type WarningCode = (typeof WARNING_CODES)[number]

export type ModelWarning = { code: WarningCode; params: Record<string, number | string> }

export type MoneyItems = {
  revenueYuan: number
  subsidyYuan: number
  seedYuan: number
  /** the national cost survey's items (cost-defaults.ts), each yuan for the season */
  fertiliserYuan: number
  pesticideYuan: number
  tillageYuan: number
  sowingYuan: number
  harvestYuan: number
  dryingYuan: number
  labourYuan: number
  /** water and power of furrow, sprinkler or paddy; drip's running cost is dripOperatingYuan */
  irrigationYuan: number
  landRentYuan: number
  dripOperatingYuan: number
  hsfSavingYuan: number
  /** the co-op's share of the crop-insurance premium (indemnities are drawn in the risk model) */
  insurancePremiumYuan: number
  costYuan: number
  grossMarginYuan: number
}

export type Funding = { governmentYuan: number; coopYuan: number; loanYuan: number }

/** One field under one scenario. Yields in kg/ha, production in kg, money in yuan. */
export type FieldResult = {
  fieldId: number
  crop: Crop
  areaHa: number
  waterRegime: WaterRegime
  densityPlantsPerHa: number | null
  varietyId: number | null
  hasHsf: boolean
  baselineYieldKgPerHa: number
  baselineSource: 'history' | 'regional_default'
  yieldKgPerHa: number
  productionKg: number
  baselineProductionKg: number
  upliftPct: number
  multipliers: Record<Factor, number>
  /** kg/ha each factor adds (log-share split); they sum to yield − baseline. */
  contributions: Record<Factor, number>
  warnings: ModelWarning[]
  money: MoneyItems
  baselineMoney: MoneyItems
  investmentYuan: number
  funding: Funding
  /** Assumption keys behind this result, so "why" can show each with its source. */
  assumptionKeys: string[]
}

export type Totals = {
  areaHa: number
  productionKg: number
  baselineProductionKg: number
  upliftKg: number
  upliftPct: number
  contributionsKg: Record<Factor, number>
  money: MoneyItems
  baselineMoney: MoneyItems
  investmentYuan: number
  funding: Funding
  npvYuan: number
  paybackYears: number | null
  breakEvenPriceFactor: number | null
}

export type CropTotals = {
  crop: Crop
  areaHa: number
  productionKg: number
  baselineProductionKg: number
  grossMarginYuan: number
  breakEvenPriceYuanPerKg: number | null
  breakEvenYieldKgPerHa: number | null
}

export type ScenarioResult = {
  scenarioId: number | null
  name: string
  isBaseline: boolean
  totals: Totals
  /** year-by-year cash flow, financing, NPV and IRR with and without the scenario's loans */
  finance: FinanceResult
  byCrop: CropTotals[]
  fields: FieldResult[]
  warningCount: number
}

export type PlanResult = { scenarios: ScenarioResult[] }
