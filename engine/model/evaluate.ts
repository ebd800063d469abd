import { COST_ITEMS, costKey, irrigationKey } from '../assumptions/cost-defaults'
import { checkOverrides, effectiveAssumptions, type Values, valuesOf } from '../assumptions/resolve'
import type { AssumptionOverride } from '../assumptions/types'
import { AppError } from '../errors'
import { CROPS, type Crop } from '../schemas/field'
import type { LoanInput } from '../schemas/loan'
import type { Plan, PlanField, PlanVariety, Scenario, ScenarioChange } from '../schemas/plan'
import { baselineYield } from './baseline'
import {
  capitalRecovery,
  financeFor,
  investmentFor,
  type MoneyParams,
  moneyFor,
  moneyParams,
} from './economics'
import {
  components,
  type FactorParams,
  type FieldState,
  factorKeys,
  factorParams,
  warningsFor,
} from './field-model'
import {
  FACTORS,
  type Factor,
  type FieldResult,
  type MoneyItems,
  type PlanResult,
  type ScenarioResult,
  type Totals,
} from './types'

function zeroMoney(): MoneyItems {
  return {
    revenueYuan: 0,
    subsidyYuan: 0,
    seedYuan: 0,
    fertiliserYuan: 0,
    pesticideYuan: 0,
    tillageYuan: 0,
    sowingYuan: 0,
    harvestYuan: 0,
    dryingYuan: 0,
    labourYuan: 0,
    irrigationYuan: 0,
    landRentYuan: 0,
    dripOperatingYuan: 0,
    hsfSavingYuan: 0,
    insurancePremiumYuan: 0,
    costYuan: 0,
    grossMarginYuan: 0,
  }
}

// Written out field by field: this runs for every field of every scenario.
function addMoney(into: MoneyItems, from: MoneyItems): void {
  into.revenueYuan += from.revenueYuan
  into.subsidyYuan += from.subsidyYuan
  into.seedYuan += from.seedYuan
  into.fertiliserYuan += from.fertiliserYuan
  into.pesticideYuan += from.pesticideYuan
  into.tillageYuan += from.tillageYuan
  into.sowingYuan += from.sowingYuan
  into.harvestYuan += from.harvestYuan
  into.dryingYuan += from.dryingYuan
  into.labourYuan += from.labourYuan
  into.irrigationYuan += from.irrigationYuan
  into.landRentYuan += from.landRentYuan
  into.dripOperatingYuan += from.dripOperatingYuan
  into.hsfSavingYuan += from.hsfSavingYuan
  into.insurancePremiumYuan += from.insurancePremiumYuan
  into.costYuan += from.costYuan
  into.grossMarginYuan += from.grossMarginYuan
}

function zeroFactors(): Record<Factor, number> {
  return { hsf: 0, variety: 0, densityWater: 0, salinity: 0, maturity: 0 }
}

/** Everything about a plan that does not depend on the scenario, computed once. */
type Prepared = {
  values: Values
  fp: FactorParams
  mp: MoneyParams
  varieties: Map<number, PlanVariety>
  fields: PlanField[]
  baselines: { yieldKgPerHa: number; source: 'history' | 'regional_default' }[]
  current: FieldState[]
  currentComponents: Record<Factor, number>[]
  currentMoney: MoneyItems[]
  keysFor: KeysFor
  /** A field no scenario touches gives the same (read-only) result in every scenario: made once. */
  unchanged: (Evaluated | undefined)[]
}

type KeysFor = (
  field: PlanField,
  next: FieldState,
  source: 'history' | 'regional_default',
  multipliers: Record<Factor, number>,
  buildsHsf: boolean,
  addsDrip: boolean,
) => string[]

/**
 * The assumption keys behind a field's figures. Many fields share the same combination, so the
 * lists are built once per combination and shared (results are read-only).
 */
const CROP_INDEX = { maize: 0, soybean: 1, rice: 2 } as const
const SALINE_INDEX = { none: 0, light: 1, moderate: 2, severe: 3 } as const
const REGIME_INDEX = { rainfed: 0, furrow: 1, sprinkler: 2, drip: 3, paddy: 4 } as const
const TOLERANCE_INDEX = { none: 0, low: 1, medium: 2, high: 3 } as const

function keysCache(): KeysFor {
  const cache = new Map<number, string[]>()
  return (field, next, source, multipliers, buildsHsf, addsDrip) => {
    const mask =
      (multipliers.hsf !== 1 ? 1 : 0) |
      (multipliers.variety !== 1 ? 2 : 0) |
      (multipliers.densityWater !== 1 ? 4 : 0) |
      (multipliers.salinity !== 1 ? 8 : 0) |
      (multipliers.maturity !== 1 ? 16 : 0)
    const id =
      ((((((CROP_INDEX[field.crop] * 4 + SALINE_INDEX[field.salineClass]) * 5 +
        REGIME_INDEX[next.waterRegime]) *
        4 +
        TOLERANCE_INDEX[next.variety?.saltTolerance ?? 'none']) *
        2 +
        (source === 'history' ? 0 : 1)) *
        32 +
        mask) *
        2 +
        (buildsHsf ? 1 : 0)) *
        2 +
      (addsDrip ? 1 : 0)
    let keys = cache.get(id)
    if (!keys) {
      const byFactor = factorKeys(field, next)
      keys = [
        ...(source === 'history'
          ? ['baseline.maxTrendPerYear']
          : [`baseline.default.${field.crop}`, 'baseline.gradeStep']),
        ...FACTORS.flatMap((f) => (multipliers[f] !== 1 ? byFactor[f] : [])),
        `price.${field.crop}`,
        `subsidy.${field.crop}`,
        ...COST_ITEMS.map((item) => costKey(field.crop, item)),
        ...(irrigationKey(next.waterRegime) ? [irrigationKey(next.waterRegime) as string] : []),
        'cost.landRentYuanPerHa',
        'insurance.premiumYuanPerHa',
        'insurance.farmerShare',
        'insurance.participation',
        field.crop === 'rice' ? 'seed.rice.yuanPerHa' : `seed.${field.crop}.yuanPer1000`,
        ...(next.waterRegime === 'drip'
          ? ['drip.annualCostYuanPerHa', 'drip.fertiliserSavingYuanPerHa']
          : []),
        ...(buildsHsf ? ['hsf.investmentYuanPerHa', 'hsf.govShare', 'hsf.lifetimeYears'] : []),
        ...(addsDrip
          ? [
              'drip.investmentYuanPerHa',
              'drip.govShare',
              'drip.headShare',
              'drip.lifetimeYears',
              'drip.mainsLifetimeYears',
              'drip.capitalShareIfIrrigated',
            ]
          : []),
      ]
      cache.set(id, keys)
    }
    return keys
  }
}

function prepare(plan: Plan, overrides: readonly AssumptionOverride[]): Prepared {
  checkOverrides(overrides)
  const values = valuesOf(effectiveAssumptions(overrides))
  const fp = factorParams(values)
  const mp = moneyParams(values)
  const varieties = new Map(plan.varieties.map((v) => [v.id, v]))
  const baselines = plan.fields.map((f) => baselineYield(f.crop, f.qualityGrade, f.history, values))
  const current = plan.fields.map(
    (f): FieldState => ({
      hasHsf: f.hasHsf,
      variety: f.varietyId === null ? null : (varieties.get(f.varietyId) ?? null),
      waterRegime: f.waterRegime,
      densityPlantsPerHa: f.densityPlantsPerHa,
    }),
  )
  return {
    values,
    fp,
    mp,
    varieties,
    fields: plan.fields,
    baselines,
    current,
    currentComponents: plan.fields.map((f, i) => components(f, current[i]!, fp)),
    currentMoney: plan.fields.map((f, i) => moneyFor(f, current[i]!, baselines[i]!.yieldKgPerHa, mp)),
    keysFor: keysCache(),
    unchanged: new Array(plan.fields.length),
  }
}

function nextState(
  current: FieldState,
  change: ScenarioChange | undefined,
  varieties: Map<number, PlanVariety>,
): FieldState {
  if (!change) return current
  return {
    hasHsf: current.hasHsf || change.buildHsf === true,
    variety:
      change.varietyId === null ? current.variety : (varieties.get(change.varietyId) ?? current.variety),
    waterRegime: change.waterRegime ?? current.waterRegime,
    densityPlantsPerHa: change.densityPlantsPerHa ?? current.densityPlantsPerHa,
  }
}

type Evaluated = { result: FieldResult; coopHsfYuan: number; coopDripYuan: number }

function evaluateField(p: Prepared, index: number, change: ScenarioChange | undefined): Evaluated {
  const field = p.fields[index]!
  const base = p.baselines[index]!
  const current = p.current[index]!
  const next = nextState(current, change, p.varieties)
  const cur = p.currentComponents[index]!
  const now = change ? components(field, next, p.fp) : cur
  // Explicit per factor (no keyed loops): this is the engine's hot path.
  const multipliers: Record<Factor, number> = {
    hsf: now.hsf / cur.hsf,
    variety: now.variety / cur.variety,
    densityWater: now.densityWater / cur.densityWater,
    salinity: now.salinity / cur.salinity,
    maturity: now.maturity / cur.maturity,
  }
  const lHsf = multipliers.hsf === 1 ? 0 : Math.log(multipliers.hsf)
  const lVariety = multipliers.variety === 1 ? 0 : Math.log(multipliers.variety)
  const lDensity = multipliers.densityWater === 1 ? 0 : Math.log(multipliers.densityWater)
  const lSalinity = multipliers.salinity === 1 ? 0 : Math.log(multipliers.salinity)
  const lMaturity = multipliers.maturity === 1 ? 0 : Math.log(multipliers.maturity)
  const logTotal = lHsf + lVariety + lDensity + lSalinity + lMaturity
  const baseYield = base.yieldKgPerHa
  const yieldKgPerHa =
    baseYield *
    multipliers.hsf *
    multipliers.variety *
    multipliers.densityWater *
    multipliers.salinity *
    multipliers.maturity
  const uplift = yieldKgPerHa - baseYield
  // Log-share split: each factor's share of ln(total multiplier); the shares add up to the uplift.
  const share = Math.abs(logTotal) > 1e-12 ? uplift / logTotal : baseYield
  const contributions: Record<Factor, number> = {
    hsf: share * lHsf,
    variety: share * lVariety,
    densityWater: share * lDensity,
    salinity: share * lSalinity,
    maturity: share * lMaturity,
  }
  const money = change ? moneyFor(field, next, yieldKgPerHa, p.mp) : p.currentMoney[index]!
  const investment = investmentFor(field, next, p.mp)
  const result: FieldResult = {
    fieldId: field.id,
    crop: field.crop,
    areaHa: field.areaHa,
    waterRegime: next.waterRegime,
    densityPlantsPerHa: next.densityPlantsPerHa,
    varietyId: next.variety?.id ?? null,
    hasHsf: next.hasHsf,
    baselineYieldKgPerHa: baseYield,
    baselineSource: base.source,
    yieldKgPerHa,
    productionKg: yieldKgPerHa * field.areaHa,
    baselineProductionKg: baseYield * field.areaHa,
    upliftPct: baseYield > 0 ? (uplift / baseYield) * 100 : 0,
    multipliers,
    contributions,
    warnings: change ? warningsFor(field, current, next, change.buildHsf === true, p.fp) : [],
    money,
    baselineMoney: p.currentMoney[index]!,
    investmentYuan: investment.totalYuan,
    funding: investment.funding,
    assumptionKeys: p.keysFor(
      field,
      next,
      base.source,
      multipliers,
      investment.hsfYuan > 0,
      investment.dripYuan > 0,
    ),
  }
  // One sum of the field's figures: NaN or an infinity anywhere makes it non-finite. A few
  // additions per field keep the hot path fast; the culprit is looked for only on failure.
  const check =
    yieldKgPerHa +
    result.productionKg +
    share +
    result.upliftPct +
    money.revenueYuan +
    money.subsidyYuan +
    money.costYuan +
    money.grossMarginYuan +
    investment.totalYuan +
    investment.funding.governmentYuan +
    investment.funding.coopYuan +
    investment.funding.loanYuan
  if (!Number.isFinite(check)) throw nonFiniteField(field, next, change, result)
  return { result, coopHsfYuan: investment.coopHsfYuan, coopDripYuan: investment.coopDripYuan }
}

/** The first non-finite number among named figures, or null. */
function firstNonFinite(figures: Record<string, number | null | undefined>): string | null {
  for (const [name, v] of Object.entries(figures)) if (v != null && !Number.isFinite(v)) return name
  return null
}

/**
 * A field whose figures came out NaN or infinite: a VALIDATION error that names the field (by id,
 * with its name) and, where one is to blame, the input of that field; otherwise the figure.
 */
function nonFiniteField(
  field: PlanField,
  next: FieldState,
  change: ScenarioChange | undefined,
  r: FieldResult,
): AppError {
  const finite = (...xs: (number | null)[]) => xs.every((x) => x === null || Number.isFinite(x))
  const v = next.variety
  // The field's own inputs first, then the scenario's change, then the variety it grows.
  const inputs: [string, boolean][] = [
    ['areaHa', finite(field.areaHa)],
    ['densityPlantsPerHa', finite(field.densityPlantsPerHa)],
    ['heatSumCd', finite(field.heatSumCd)],
    ['qualityGrade', finite(field.qualityGrade)],
    ['history', field.history.every((h) => finite(h.year, h.yieldKgPerHa))],
    ['change', !change || finite(change.densityPlantsPerHa)],
    [
      'varietyId',
      !v ||
        (finite(v.yieldPotentialRel, v.heatSumNeededCd) &&
          v.densities.every((d) => finite(d.minPlantsPerHa, d.optimumPlantsPerHa, d.maxPlantsPerHa))),
    ],
  ]
  const input = inputs.find(([, ok]) => !ok)?.[0] ?? null
  const figure =
    firstNonFinite({
      yieldKgPerHa: r.yieldKgPerHa,
      productionKg: r.productionKg,
      upliftPct: r.upliftPct,
      ...r.contributions,
      ...r.money,
      investmentYuan: r.investmentYuan,
      ...r.funding,
    }) ?? 'yieldKgPerHa'
  return new AppError('VALIDATION', `Field ${field.id} gives a non-finite ${figure}`, {
    issues: [
      {
        path: input ? ['fields', field.id, input] : ['fields', field.id],
        rule: 'not_finite',
        params: { field: field.name, figure },
      },
    ],
  })
}

function evaluateScenario(
  p: Prepared,
  scenario: Scenario | null,
  loans: readonly LoanInput[] = [],
): ScenarioResult {
  const changes = new Map(
    (scenario && !scenario.isBaseline ? scenario.changes : []).map((c) => [c.fieldId, c]),
  )
  const fields: FieldResult[] = new Array(p.fields.length)
  const money = zeroMoney()
  const baselineMoney = zeroMoney()
  const contributionsKg = zeroFactors()
  const funding = { governmentYuan: 0, coopYuan: 0, loanYuan: 0 }
  const byCrop = new Map<
    Crop,
    {
      areaHa: number
      productionKg: number
      baselineProductionKg: number
      money: MoneyItems
      coopInvestment: number
    }
  >()
  let areaHa = 0
  let productionKg = 0
  let baselineProductionKg = 0
  let investmentYuan = 0
  let hsfRevenueYuan = 0
  let coopHsfYuan = 0
  let coopDripYuan = 0
  let warningCount = 0
  for (let i = 0; i < p.fields.length; i++) {
    const change = changes.get(p.fields[i]!.id)
    let evaluated = change ? undefined : p.unchanged[i]
    if (!evaluated) {
      evaluated = evaluateField(p, i, change)
      if (!change) p.unchanged[i] = evaluated
    }
    const r = evaluated.result
    fields[i] = r
    areaHa += r.areaHa
    productionKg += r.productionKg
    baselineProductionKg += r.baselineProductionKg
    investmentYuan += r.investmentYuan
    funding.governmentYuan += r.funding.governmentYuan
    funding.coopYuan += r.funding.coopYuan
    funding.loanYuan += r.funding.loanYuan
    warningCount += r.warnings.length
    addMoney(money, r.money)
    addMoney(baselineMoney, r.baselineMoney)
    contributionsKg.hsf += r.contributions.hsf * r.areaHa
    contributionsKg.variety += r.contributions.variety * r.areaHa
    contributionsKg.densityWater += r.contributions.densityWater * r.areaHa
    contributionsKg.salinity += r.contributions.salinity * r.areaHa
    contributionsKg.maturity += r.contributions.maturity * r.areaHa
    const mHsf = r.multipliers.hsf
    if (mHsf !== 1) hsfRevenueYuan += r.money.revenueYuan * ((mHsf - 1) / mHsf)
    coopHsfYuan += evaluated.coopHsfYuan
    coopDripYuan += evaluated.coopDripYuan
    const crop = byCrop.get(r.crop) ?? {
      areaHa: 0,
      productionKg: 0,
      baselineProductionKg: 0,
      money: zeroMoney(),
      coopInvestment: 0,
    }
    crop.areaHa += r.areaHa
    crop.productionKg += r.productionKg
    crop.baselineProductionKg += r.baselineProductionKg
    crop.coopInvestment += r.funding.coopYuan
    addMoney(crop.money, r.money)
    byCrop.set(r.crop, crop)
  }
  const isBaseline = scenario === null || scenario.isBaseline
  const flows = financeFor(
    {
      deltaMarginFullYuan: money.grossMarginYuan - baselineMoney.grossMarginYuan,
      hsfRevenueYuan,
      coopHsfYuan,
      coopDripYuan,
    },
    // Current practice borrows nothing: a baseline's loans (refused by the plan schema) never count.
    isBaseline ? [] : loans,
    p.mp,
  )
  funding.loanYuan = flows.financing.loanYuan
  const crf = capitalRecovery(p.mp.discountRate, p.mp.horizonYears)
  const breakEvenNeed = money.costYuan - money.subsidyYuan + funding.coopYuan * crf
  const totals: Totals = {
    areaHa,
    productionKg,
    baselineProductionKg,
    upliftKg: productionKg - baselineProductionKg,
    upliftPct:
      baselineProductionKg > 0 ? ((productionKg - baselineProductionKg) / baselineProductionKg) * 100 : 0,
    contributionsKg,
    money,
    baselineMoney,
    investmentYuan,
    funding,
    npvYuan: flows.npvYuan,
    paybackYears: flows.paybackYears,
    // Below a fen of revenue a ratio means nothing (and can overflow).
    breakEvenPriceFactor: money.revenueYuan > 0.01 ? breakEvenNeed / money.revenueYuan : null,
  }
  return {
    scenarioId: scenario?.id ?? null,
    name: scenario?.name ?? '',
    isBaseline,
    totals,
    finance: flows,
    byCrop: CROPS.filter((c) => byCrop.has(c)).map((crop) => {
      const c = byCrop.get(crop)!
      const need = c.money.costYuan - c.money.subsidyYuan + c.coopInvestment * crf
      return {
        crop,
        areaHa: c.areaHa,
        productionKg: c.productionKg,
        baselineProductionKg: c.baselineProductionKg,
        grossMarginYuan: c.money.grossMarginYuan,
        breakEvenPriceYuanPerKg: c.productionKg > 0.001 ? need / c.productionKg : null,
        breakEvenYieldKgPerHa:
          c.areaHa > 0 && p.mp.price[crop] > 0 ? need / (p.mp.price[crop] * c.areaHa) : null,
      }
    }),
    fields,
    warningCount,
  }
}

/**
 * Throws a VALIDATION error if any number in a result is NaN or infinite (never shown to a user as
 * a number). `path` names where in the result; `blame` names the assumption or field behind it.
 */
export function assertFinite(value: unknown, path = 'result', blame: (string | number)[] = ['result']): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new AppError('VALIDATION', `Non-finite number at ${path}`, {
        issues: [{ path: blame, rule: 'not_finite', params: { figure: path } }],
      })
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) assertFinite(value[i], `${path}[${i}]`, blame)
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertFinite(v, `${path}.${k}`, blame)
  }
}

/**
 * Every field's figures are checked as they are made, so a non-finite total can only come from
 * the scenario-level money model: NPV, payback and break-even read the finance assumptions.
 */
const TOTAL_BLAME: Partial<Record<keyof Totals, string>> = {
  npvYuan: 'finance.discountRate',
  paybackYears: 'finance.horizonYears',
  breakEvenPriceFactor: 'finance.discountRate',
}

function checkScenario(s: ScenarioResult): void {
  const scenario = ['scenarios', s.scenarioId ?? 'baseline']
  for (const [k, v] of Object.entries(s.totals) as [keyof Totals, unknown][]) {
    const key = TOTAL_BLAME[k]
    assertFinite(v, `${s.name}.totals.${k}`, key ? ['assumptions', key] : [...scenario, 'totals', k])
  }
  assertFinite(s.byCrop, `${s.name}.byCrop`, [...scenario, 'byCrop'])
  assertFinite(s.finance, `${s.name}.finance`, ['assumptions', 'finance.discountRate'])
}

export type EvaluateOptions = { scenarioIds?: readonly number[]; checkFinite?: boolean }

/**
 * Evaluates every scenario of a (validated) plan against current practice: yield, production,
 * uplift split by factor, money, investment and funding, NPV and payback, warnings. Pure.
 */
export function evaluatePlan(plan: Plan, options: EvaluateOptions = {}): PlanResult {
  const p = prepare(plan, plan.assumptions)
  const wanted = options.scenarioIds ? new Set(options.scenarioIds) : null
  const scenarios = plan.scenarios
    .filter((s) => !wanted || wanted.has(s.id))
    .map((s) =>
      evaluateScenario(
        p,
        s,
        (plan.loans ?? []).filter((l) => l.scenarioId === s.id),
      ),
    )
  // Per-field figures are checked as each field is evaluated; the totals are checked here.
  if (options.checkFinite !== false) for (const s of scenarios) checkScenario(s)
  return { scenarios }
}

/** Current practice alone (no scenario): the baseline every scenario is measured against. */
export function evaluateBaseline(plan: Plan): ScenarioResult {
  const s = evaluateScenario(prepare(plan, plan.assumptions), null)
  checkScenario(s)
  return s
}

/** One field under one change, with the figures a plan-level cash flow needs from it. */
export type FieldOutcome = {
  result: FieldResult
  /** the co-op's share of the HSF works and of the drip capital, yuan */
  coopHsfYuan: number
  coopDripYuan: number
  /** revenue that depends on the HSF uplift at full effect, yuan/season (ramps in with hsf.rampYears) */
  hsfRevenueYuan: number
}

/**
 * Field-by-field evaluation of one plan under changes chosen by the caller (the optimiser asks
 * for every field × action), prepared once: the same functions evaluatePlan uses, so a field's
 * yield, money and investment are the engine's own figures. Pure.
 */
export function fieldEvaluator(plan: Plan): {
  moneyParams: MoneyParams
  outcome: (fieldIndex: number, change: ScenarioChange | undefined) => FieldOutcome
} {
  const p = prepare(plan, plan.assumptions)
  return {
    moneyParams: p.mp,
    outcome: (fieldIndex, change) => {
      const e = evaluateField(p, fieldIndex, change)
      const mHsf = e.result.multipliers.hsf
      return {
        result: e.result,
        coopHsfYuan: e.coopHsfYuan,
        coopDripYuan: e.coopDripYuan,
        hsfRevenueYuan: mHsf !== 1 ? e.result.money.revenueYuan * ((mHsf - 1) / mHsf) : 0,
      }
    },
  }
}
