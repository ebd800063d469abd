import { COST_ASSUMPTIONS, irrigationKey } from '../assumptions/cost-defaults'
import { checkOverrides, effectiveAssumptions, need, valuesOf } from '../assumptions/resolve'
import { AppError } from '../errors'
import { investmentFor, moneyParams } from '../model/economics'
import { evaluatePlan } from '../model/evaluate'
import { insuranceParams, insuredIncomeYuan } from '../model/insurance'
import { CROPS, type Crop, type WaterRegime } from '../schemas/field'
import type { Plan } from '../schemas/plan'
import { yearlyInvestmentCost } from './annuity'
import { weatherCvOf, yieldSpreadParams } from './spread'

export const REGIMES: readonly WaterRegime[] = ['rainfed', 'furrow', 'sprinkler', 'drip', 'paddy']

/** Which scenario each sample column is, in the engine's evaluation order (the baseline among them). */
export type RiskMeta = {
  scenarios: {
    scenarioId: number | null
    name: string
    isBaseline: boolean
    /** the co-op's share of the scenario's one-off investment as a yearly cost (annuity), yuan */
    yearlyInvestmentCostYuan: number
  }[]
}

export type Range = { low: number; value: number; high: number }

/**
 * What a run needs from the plan, computed once: the deterministic evaluation, each field's
 * weather CV under each scenario and its crop, each scenario's yields and fixed money, the
 * insurance cover, and the slopes of the coefficients drawn to first order. Plain data (typed
 * arrays and numbers), so one worker can prepare it and send it to the others instead of every
 * worker evaluating the plan again.
 */
export type RiskKernel = {
  kind: 'risk-kernel'
  meta: RiskMeta
  nS: number
  nF: number
  fieldCv: number
  catProb: number
  lossLow: number
  lossHigh: number
  hsf: Range
  /** share of the HSF uplift a maize field irrigated under the scenario keeps (builds code 2) */
  hsfIrrigatedShare: number
  water: (Range | null)[]
  prices: Range[]
  linear: Range[]
  linearSlopes: { margin: number; production: number }[][]
  /** weather CV by scenario and field (index si × nF + f): the scenario's water regime */
  cvSF: Float64Array
  cropIdx: Uint8Array
  curRegime: Uint8Array
  y0Area: Float64Array
  /** 0 no HSF build, 1 a build at the full uplift, 2 a build on a field irrigated under the scenario */
  builds: Uint8Array
  newRegime: Uint8Array
  fixedMargin: Float64Array
  /** share of each field insured (0 = no insurance), and the income each field is insured for, yuan */
  participation: number
  insured: Float64Array
}

export function isKernel(source: Plan | RiskKernel): source is RiskKernel {
  return (source as RiskKernel).kind === 'risk-kernel'
}

/** Coefficients that are not drawn: the spreads themselves, money timing, and contract terms. */
const NOT_DRAWN = [
  'cv.',
  'risk.',
  'finance.',
  // Insurance terms are fixed by the season's contract before the weather is known.
  'insurance.',
  'hsf.investment',
  'hsf.govShare',
  'hsf.lifetime',
  'hsf.ramp',
  'drip.investment',
  'drip.govShare',
  'drip.lifetime',
]

/** The kernel of a risk run on this plan (see RiskKernel); the same plan gives the same kernel. */
export function prepareRisk(plan: Plan): RiskKernel {
  checkOverrides(plan.assumptions)
  const assumptions = effectiveAssumptions(plan.assumptions)
  const values = valuesOf(assumptions)
  const full = (key: string) => assumptions.find((a) => a.key === key)!
  const range = (key: string): Range => {
    const a = full(key)
    return { low: a.low, value: a.value, high: a.high }
  }
  const deterministic = evaluatePlan(plan)
  const results = deterministic.scenarios
  // Risk is read against current practice: with no scenario there is nothing to draw for.
  if (results.length === 0 || !results.some((r) => r.isBaseline)) {
    throw new AppError('VALIDATION', 'The plan has no baseline scenario', {
      issues: [{ path: ['scenarios'], rule: 'min_array', params: { limit: 1 } }],
    })
  }
  const nS = results.length
  const nF = plan.fields.length
  // The spread of each field's yield: the same rule the forecast bands of the season after use.
  const spread = yieldSpreadParams(values)
  const { fieldCv, catastropheProb: catProb, lossLow, lossHigh } = spread
  const hsf = range('hsf.uplift')
  const water = REGIMES.map((r) => (r === 'rainfed' || r === 'paddy' ? null : range(`water.factor.${r}`)))
  const prices = CROPS.map((c) => range(`price.${c}`))

  // Every other coefficient with a range is drawn each year as well and enters to first order.
  // Money coefficients (costs, seed, subsidies, drip running cost, HSF saving) move the margin
  // linearly, so their slopes come straight from the evaluated fields. The remaining yield
  // coefficients (density response, salinity, maturity, baseline) get a finite-difference slope
  // over their range, per scenario, on margin and production — one pair of evaluations each.
  const moneyKeys = new Set([
    ...COST_ASSUMPTIONS.map((a) => a.key),
    'cost.landRentYuanPerHa',
    ...CROPS.map((c) => `subsidy.${c}`),
    'seed.maize.yuanPer1000',
    'seed.soybean.yuanPer1000',
    'seed.rice.yuanPerHa',
    'drip.annualCostYuanPerHa',
    'hsf.costSavingYuanPerHa',
  ])
  const sampledExactly = new Set([
    'hsf.uplift',
    ...REGIMES.map((r) => `water.factor.${r}`),
    ...CROPS.map((c) => `price.${c}`),
  ])
  const linear = assumptions.filter(
    (a) => a.high > a.low && !sampledExactly.has(a.key) && !NOT_DRAWN.some((p) => a.key.startsWith(p)),
  )
  const evaluateAt = (key: string, value: number, low: number, high: number) =>
    evaluatePlan(
      {
        ...plan,
        assumptions: [
          ...plan.assumptions.filter((o) => o.key !== key),
          { key, value, low, high, note: '', changedAt: '' },
        ],
      },
      { checkFinite: false },
    ).scenarios
  // A coefficient no field reads has no slope; skipping it saves an evaluation of the whole plan.
  const anyVarietyHeat = plan.varieties.some((v) => v.heatSumNeededCd !== null)
  const anySaline = plan.fields.some((f) => f.salineClass !== 'none')
  const anyWithoutHistory = plan.fields.some((f) => f.history.length === 0)
  const isRead = (key: string) =>
    !(
      (key.startsWith('maturity.') && !anyVarietyHeat) ||
      (key.startsWith('saline.') && !anySaline) ||
      ((key.startsWith('baseline.default.') || key === 'baseline.gradeStep') && !anyWithoutHistory)
    )
  const zero = results.map(() => ({ margin: 0, production: 0 }))
  const linearSlopes = linear.map((a) => {
    if (!isRead(a.key)) return zero
    if (moneyKeys.has(a.key)) {
      return results.map((s) => {
        let margin = 0
        for (const r of s.fields) {
          const k = a.key
          if (k === 'cost.landRentYuanPerHa' || k === irrigationKey(r.waterRegime)) margin -= r.areaHa
          else if (k.startsWith(`cost.${r.crop}.`)) margin -= r.areaHa
          else if (k === `subsidy.${r.crop}`) margin += r.areaHa
          else if (k === `seed.${r.crop}.yuanPer1000` || k === `seed.${r.crop}.yuanPerHa`)
            margin -= r.money.seedYuan / a.value
          else if (k === 'drip.annualCostYuanPerHa' && r.waterRegime === 'drip') margin -= r.areaHa
          else if (k === 'hsf.costSavingYuanPerHa' && r.hasHsf) margin += r.areaHa
        }
        return { margin, production: 0 }
      })
    }
    // One-sided difference from the value already evaluated, towards the wider side of the range.
    const to = a.high - a.value >= a.value - a.low ? a.high : a.low
    const moved = evaluateAt(a.key, to, a.low, a.high)
    return results.map((s, si) => ({
      margin: (moved[si]!.totals.money.grossMarginYuan - s.totals.money.grossMarginYuan) / (to - a.value),
      production: (moved[si]!.totals.productionKg - s.totals.productionKg) / (to - a.value),
    }))
  })

  // Per field, flat typed arrays: what does not change from draw to draw is computed once.
  const cropIdx = new Uint8Array(nF)
  const curRegime = new Uint8Array(nF)
  const insurance = insuranceParams(values)
  const insured = new Float64Array(nF)
  for (let f = 0; f < nF; f++) {
    const field = plan.fields[f]!
    cropIdx[f] = CROPS.indexOf(field.crop as Crop)
    curRegime[f] = REGIMES.indexOf(field.waterRegime)
    const r = results[0]!.fields[f]!
    insured[f] = insuredIncomeYuan(r.baselineYieldKgPerHa, r.areaHa, prices[cropIdx[f]!]!.value, insurance)
  }
  const mp = moneyParams(values)
  const cvSF = new Float64Array(nS * nF)
  const y0Area = new Float64Array(nS * nF) // kg: deterministic yield × area
  const builds = new Uint8Array(nS * nF)
  const newRegime = new Uint8Array(nS * nF)
  const fixedMargin = new Float64Array(nS) // subsidies − costs, which do not move with the draws
  const yearlyCost = new Float64Array(nS)
  results.forEach((s, si) => {
    const parts: { coopYuan: number; lifeYears: number }[] = []
    s.fields.forEach((r, f) => {
      const field = plan.fields[f]!
      y0Area[si * nF + f] = r.yieldKgPerHa * r.areaHa
      builds[si * nF + f] =
        r.multipliers.hsf === 1 ? 0 : r.assumptionKeys.includes('hsf.upliftShareIrrigated') ? 2 : 1
      newRegime[si * nF + f] = REGIMES.indexOf(r.waterRegime)
      cvSF[si * nF + f] = weatherCvOf(r.waterRegime, field.region ?? plan.workspace.region, spread)
      fixedMargin[si] = fixedMargin[si]! + r.money.subsidyYuan - r.money.costYuan
      if (r.investmentYuan > 0) {
        const next = { hasHsf: r.hasHsf, waterRegime: r.waterRegime, variety: null, densityPlantsPerHa: null }
        const inv = investmentFor(field, next, mp)
        parts.push({ coopYuan: inv.coopHsfYuan, lifeYears: mp.hsfLifetime })
        parts.push({ coopYuan: inv.coopDripYuan, lifeYears: mp.dripLifetime })
      }
    })
    yearlyCost[si] = yearlyInvestmentCost(parts, mp.discountRate)
  })

  return {
    kind: 'risk-kernel',
    meta: {
      scenarios: results.map((s, si) => ({
        scenarioId: s.scenarioId,
        name: s.name,
        isBaseline: s.isBaseline,
        yearlyInvestmentCostYuan: yearlyCost[si]!,
      })),
    },
    nS,
    nF,
    fieldCv,
    catProb,
    lossLow,
    lossHigh,
    hsf,
    hsfIrrigatedShare: need(values, 'hsf.upliftShareIrrigated'),
    water,
    prices,
    linear: linear.map((a) => ({ low: a.low, value: a.value, high: a.high })),
    linearSlopes,
    cvSF,
    cropIdx,
    curRegime,
    y0Area,
    builds,
    newRegime,
    fixedMargin,
    participation: insurance.participation,
    insured,
  }
}
