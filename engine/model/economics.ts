import { hardBoundsOf } from '../assumptions/bounds'
import { COST_ITEMS, type CostItem, costKey, irrigationKey } from '../assumptions/cost-defaults'
import { need, type Values } from '../assumptions/resolve'
import { AppError } from '../errors'
import { CROPS, type Crop, WATER_REGIMES, type WaterRegime } from '../schemas/field'
import type { LoanInput } from '../schemas/loan'
import type { PlanField } from '../schemas/plan'
import { densityRange } from './density'
import type { FieldState } from './field-model'
import { type FinanceResult, scenarioFinance } from './finance/cash-flow'
import { farmerPremiumYuan, type InsuranceParams, insuranceParams } from './insurance'
import type { Funding, MoneyItems } from './types'

export type MoneyParams = {
  values: Values
  price: Record<Crop, number>
  subsidy: Record<Crop, number>
  /** yuan/ha of each cost item per crop, and of irrigation per regime */
  items: Record<Crop, Record<CostItem, number>>
  irrigation: Record<WaterRegime, number>
  seedPer1000: { maize: number; soybean: number }
  riceSeedPerHa: number
  landRent: number
  dripOperating: number
  hsfSaving: number
  insurance: InsuranceParams
  hsfInvestment: number
  hsfGovShare: number
  hsfLifetime: number
  hsfRampYears: number
  dripInvestment: number
  dripGovShare: number
  /** life of the head unit (drip.lifetimeYears) */
  dripLifetime: number
  dripMainsLifetime: number
  dripHeadShare: number
  dripIrrigatedShare: number
  dripFertiliserSaving: number
  loanShare: number
  discountRate: number
  horizonYears: number
}

/**
 * A count of years the cash flow steps through: a whole number within the assumption's hard
 * bounds, or a VALIDATION error naming it. Checked where it is used as well as at the door,
 * because a loop must never trust a count it did not check itself.
 */
function checkedYears(key: string, v: number): number {
  const bounds = hardBoundsOf(key)
  if (bounds && Number.isInteger(v) && v >= bounds.min && v <= bounds.max) return v
  throw new AppError('VALIDATION', `Assumption ${key} must be a whole number of years within its bounds`, {
    issues: [
      {
        path: ['assumptions', key, 'value'],
        rule: 'outside_hard_bounds',
        params: { min: bounds?.min ?? 1, max: bounds?.max ?? 1 },
      },
    ],
  })
}

const years = (values: Values, key: string) => checkedYears(key, need(values, key))

export function moneyParams(values: Values): MoneyParams {
  const byCrop = (prefix: string, suffix = '') =>
    ({
      maize: need(values, `${prefix}.maize${suffix}`),
      soybean: need(values, `${prefix}.soybean${suffix}`),
      rice: need(values, `${prefix}.rice${suffix}`),
    }) satisfies Record<Crop, number>
  return {
    values,
    price: byCrop('price'),
    subsidy: byCrop('subsidy'),
    items: costItemsPerHa(values),
    irrigation: irrigationPerHa(values),
    seedPer1000: {
      maize: need(values, 'seed.maize.yuanPer1000'),
      soybean: need(values, 'seed.soybean.yuanPer1000'),
    },
    riceSeedPerHa: need(values, 'seed.rice.yuanPerHa'),
    landRent: need(values, 'cost.landRentYuanPerHa'),
    dripOperating: need(values, 'drip.annualCostYuanPerHa'),
    hsfSaving: need(values, 'hsf.costSavingYuanPerHa'),
    insurance: insuranceParams(values),
    hsfInvestment: need(values, 'hsf.investmentYuanPerHa'),
    hsfGovShare: need(values, 'hsf.govShare'),
    hsfLifetime: years(values, 'hsf.lifetimeYears'),
    hsfRampYears: years(values, 'hsf.rampYears'),
    dripInvestment: need(values, 'drip.investmentYuanPerHa'),
    dripGovShare: need(values, 'drip.govShare'),
    dripLifetime: years(values, 'drip.lifetimeYears'),
    dripMainsLifetime: years(values, 'drip.mainsLifetimeYears'),
    dripHeadShare: need(values, 'drip.headShare'),
    dripIrrigatedShare: need(values, 'drip.capitalShareIfIrrigated'),
    dripFertiliserSaving: need(values, 'drip.fertiliserSavingYuanPerHa'),
    loanShare: need(values, 'finance.loanShare'),
    discountRate: need(values, 'finance.discountRate'),
    horizonYears: years(values, 'finance.horizonYears'),
  }
}

function costItemsPerHa(values: Values): Record<Crop, Record<CostItem, number>> {
  const out = {} as Record<Crop, Record<CostItem, number>>
  for (const crop of CROPS) {
    const row = {} as Record<CostItem, number>
    for (const item of COST_ITEMS) row[item] = need(values, costKey(crop, item))
    out[crop] = row
  }
  return out
}

/** Water and power per ha by regime; rainfed none, drip's is its own running cost. */
function irrigationPerHa(values: Values): Record<WaterRegime, number> {
  const out = {} as Record<WaterRegime, number>
  for (const r of WATER_REGIMES) {
    const key = irrigationKey(r)
    out[r] = key === null ? 0 : need(values, key)
  }
  return out
}

/** Seed cost of one ha, yuan: plants/ha × yuan per 1,000 seeds; rice per ha. */
function seedPerHa(field: PlanField, state: FieldState, m: MoneyParams): number {
  if (field.crop === 'rice') return m.riceSeedPerHa
  const density =
    state.densityPlantsPerHa ??
    densityRange(field.crop, state.variety?.densities ?? [], state.waterRegime, m.values)
      ?.optimumPlantsPerHa ??
    0
  return (density / 1000) * m.seedPer1000[field.crop]
}

/** One season's money for a field in a state, yuan. */
export function moneyFor(
  field: PlanField,
  state: FieldState,
  yieldKgPerHa: number,
  m: MoneyParams,
): MoneyItems {
  const area = field.areaHa
  const revenueYuan = yieldKgPerHa * area * m.price[field.crop]
  const subsidyYuan = m.subsidy[field.crop] * area
  const seedYuan = seedPerHa(field, state, m) * area
  const c = m.items[field.crop]
  const fertiliserYuan = c.fertiliser * area
  const pesticideYuan = c.pesticide * area
  const tillageYuan = c.tillage * area
  const sowingYuan = c.sowing * area
  const harvestYuan = c.harvest * area
  const dryingYuan = c.drying * area
  const labourYuan = c.labour * area
  const irrigationYuan = m.irrigation[state.waterRegime] * area
  const landRentYuan = m.landRent * area
  // Running cost (tape, power, water) net of the fertiliser and top-dressing saved by fertigation.
  const dripOperatingYuan =
    state.waterRegime === 'drip' ? (m.dripOperating - m.dripFertiliserSaving) * area : 0
  const hsfSavingYuan = state.hasHsf ? m.hsfSaving * area : 0
  const insurancePremiumYuan = farmerPremiumYuan(area, m.insurance)
  const costYuan =
    seedYuan +
    fertiliserYuan +
    pesticideYuan +
    tillageYuan +
    sowingYuan +
    harvestYuan +
    dryingYuan +
    labourYuan +
    insurancePremiumYuan +
    irrigationYuan +
    landRentYuan +
    dripOperatingYuan -
    hsfSavingYuan
  return {
    revenueYuan,
    subsidyYuan,
    seedYuan,
    fertiliserYuan,
    pesticideYuan,
    tillageYuan,
    sowingYuan,
    harvestYuan,
    dryingYuan,
    labourYuan,
    irrigationYuan,
    landRentYuan,
    dripOperatingYuan,
    hsfSavingYuan,
    insurancePremiumYuan,
    costYuan,
    grossMarginYuan: revenueYuan + subsidyYuan - costYuan,
  }
}

export type Investment = {
  hsfYuan: number
  dripYuan: number
  totalYuan: number
  funding: Funding
  coopHsfYuan: number
  coopDripYuan: number
}

/** One-off investment of a scenario on a field and who pays it: government, co-op, of which loan. */
export function investmentFor(field: PlanField, next: FieldState, m: MoneyParams): Investment {
  const hsfYuan = next.hasHsf && !field.hasHsf ? m.hsfInvestment * field.areaHa : 0
  // A furrow or sprinkler field already has water and part of the pipes: only the rest is new.
  const alreadyIrrigated = field.waterRegime === 'furrow' || field.waterRegime === 'sprinkler'
  const dripYuan =
    next.waterRegime === 'drip' && field.waterRegime !== 'drip'
      ? m.dripInvestment * field.areaHa * (alreadyIrrigated ? m.dripIrrigatedShare : 1)
      : 0
  const governmentYuan = hsfYuan * m.hsfGovShare + dripYuan * m.dripGovShare
  const coopHsfYuan = hsfYuan * (1 - m.hsfGovShare)
  const coopDripYuan = dripYuan * (1 - m.dripGovShare)
  const coopYuan = coopHsfYuan + coopDripYuan
  return {
    hsfYuan,
    dripYuan,
    totalYuan: hsfYuan + dripYuan,
    // Loans belong to the scenario (plan.loans), not to a field: see financeFor.
    funding: { governmentYuan, coopYuan, loanYuan: 0 },
    coopHsfYuan,
    coopDripYuan,
  }
}

/**
 * Capital recovery factor: the yearly payment that repays 1 yuan over n years at rate r. The
 * growth (1 + r)ⁿ − 1 is taken as expm1(n·log1p(r)), which stays exact for a tiny rate where the
 * plain form rounds to 0/0.
 */
export function capitalRecovery(rate: number, years: number): number {
  if (rate === 0) return 1 / years
  const growth = Math.expm1(years * Math.log1p(rate))
  return (rate * (growth + 1)) / growth
}

export type CashFlowInputs = {
  /** Σ over fields of the change in gross margin at full effect, yuan/year */
  deltaMarginFullYuan: number
  /** Σ of the revenue that depends on the HSF uplift at full effect, yuan/year */
  hsfRevenueYuan: number
  coopHsfYuan: number
  coopDripYuan: number
}

/**
 * A scenario's cash flow year by year, with and without its loans: the co-op's share of the HSF
 * works, the drip head unit and the drip mains, each replaced at the end of its life within the
 * horizon and valued straight-line at its end; the margin gain with the HSF uplift ramping in.
 */
export function financeFor(c: CashFlowInputs, loans: readonly LoanInput[], m: MoneyParams): FinanceResult {
  // The loop runs once per year of the horizon: never on a count it has not checked.
  checkedYears('finance.horizonYears', m.horizonYears)
  return scenarioFinance(
    {
      deltaMarginFullYuan: c.deltaMarginFullYuan,
      hsfRevenueYuan: c.hsfRevenueYuan,
      assets: [
        { yuan: c.coopHsfYuan, lifeYears: m.hsfLifetime },
        { yuan: c.coopDripYuan * m.dripHeadShare, lifeYears: m.dripLifetime },
        { yuan: c.coopDripYuan * (1 - m.dripHeadShare), lifeYears: m.dripMainsLifetime },
      ],
    },
    loans,
    { discountRate: m.discountRate, horizonYears: m.horizonYears, hsfRampYears: m.hsfRampYears },
  )
}

/** NPV to the co-op over the horizon without loans, and the undiscounted payback year. */
export function cashFlow(
  c: CashFlowInputs,
  m: MoneyParams,
): { npvYuan: number; paybackYears: number | null } {
  const f = financeFor(c, [], m)
  return { npvYuan: f.npvYuan, paybackYears: f.paybackYears }
}
