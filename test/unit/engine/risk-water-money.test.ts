import { describe, expect, it } from 'vitest'
import { DEFAULT_ASSUMPTIONS } from '../../../engine/assumptions/defaults'
import type { AssumptionOverride } from '../../../engine/assumptions/types'
import { buildDemoPlan } from '../../../engine/demo-plan'
import { capitalRecovery } from '../../../engine/model/economics'
import { evaluatePlan } from '../../../engine/model/evaluate'
import { farmerPremiumYuan, indemnityYuan, insuranceParams } from '../../../engine/model/insurance'
import { recoveryFactor, yearlyInvestmentCost } from '../../../engine/risk/annuity'
import { prepareRisk } from '../../../engine/risk/kernel'
import { Random } from '../../../engine/risk/random'
import { simulateRisk } from '../../../engine/risk/simulate'
import { type Plan, PlanSchema } from '../../../engine/schemas/plan'
import { onePlan } from '../../helpers/plan'

const pin = (key: string, value: number, low = value, high = value): AssumptionOverride => ({
  key,
  value,
  low,
  high,
  note: '',
  changedAt: '',
})
const WEATHER = ['cv.rainfedCentral', 'cv.rainfedWest', 'cv.rainfedEast', 'cv.drip', 'cv.paddy', 'cv.field']
const def = (key: string) => DEFAULT_ASSUMPTIONS.find((a) => a.key === key)!

/** The plan with these overrides laid over the ones it has. */
function withOverrides(plan: Plan, overrides: AssumptionOverride[]): Plan {
  const keys = new Set(overrides.map((o) => o.key))
  return PlanSchema.parse({
    ...plan,
    assumptions: [...plan.assumptions.filter((o) => !keys.has(o.key)), ...overrides],
  })
}

/** Every range collapsed to its value and every weather spread at zero, except `keep`. */
function quiet(plan: Plan, keep: AssumptionOverride[] = []): Plan {
  const all = DEFAULT_ASSUMPTIONS.map((a) =>
    pin(a.key, WEATHER.includes(a.key) || a.key === 'risk.catastropheProb' ? 0 : a.value),
  )
  return withOverrides({ ...plan, assumptions: [] }, [...all, ...keep])
}

/** (mean − P10) / mean: how far a bad year (1 in 10) falls below the average. */
const p10Loss = (p: { p10: number; mean: number }) => (p.mean - p.p10) / p.mean

describe('risk follows the scenario’s water regime', () => {
  it('a field converted to drip has a smaller production P10 loss relative to its mean than rainfed (20,000 draws)', () => {
    const plan = PlanSchema.parse(
      onePlan({ waterRegime: 'rainfed', region: 'central' }, [{ waterRegime: 'drip' }]),
    )
    const risk = simulateRisk(plan, { draws: 20_000, seed: 31 })
    const rainfed = p10Loss(risk.baseline.productionKg)
    const drip = p10Loss(risk.scenarios[0]!.productionKg)
    expect(drip).toBeLessThan(rainfed)
    // Not by a hair: the rainfed spread (15 %) against the irrigated one (10 %).
    expect(drip).toBeLessThan(0.85 * rainfed)
  })

  it('a rainfed field takes its region’s spread: west wider than central, east its own', () => {
    const cvOf = (region: 'central' | 'west' | 'east') => {
      const plan = quiet(onePlan({ region }, []), [
        pin('cv.rainfedCentral', 0.15),
        pin('cv.rainfedWest', 0.25),
        pin('cv.rainfedEast', 0.12),
      ])
      const p = simulateRisk(plan, { draws: 20_000, seed: 5 }).baseline.productionKg
      return p.sd / p.mean
    }
    expect(cvOf('central')).toBeCloseTo(0.15, 2)
    expect(cvOf('west')).toBeCloseTo(0.25, 2)
    expect(cvOf('east')).toBeCloseTo(0.12, 2)
  })

  it('a field with no region of its own takes the workspace’s', () => {
    const base = onePlan({}, [])
    const plan = quiet({ ...base, workspace: { ...base.workspace, region: 'west' } }, [
      pin('cv.rainfedWest', 0.25),
    ])
    const p = simulateRisk(plan, { draws: 20_000, seed: 5 }).baseline.productionKg
    expect(p.sd / p.mean).toBeCloseTo(0.25, 2)
  })
})

describe('ranges are drawn around their value as the mean', () => {
  it('a split triangle keeps the mean of a lopsided range, and is the triangular one when symmetric', () => {
    const r = new Random(1)
    let sum = 0
    let min = Number.POSITIVE_INFINITY
    let max = Number.NEGATIVE_INFINITY
    const n = 200_000
    for (let i = 0; i < n; i++) {
      const x = r.meanPreserving(300, 400, 900)
      sum += x
      min = Math.min(min, x)
      max = Math.max(max, x)
    }
    expect(sum / n).toBeCloseTo(400, 0)
    expect(min).toBeGreaterThanOrEqual(300)
    expect(max).toBeLessThanOrEqual(900)
    expect(max).toBeGreaterThan(700)
    // A value at the end of its range can only keep its mean by staying there.
    expect(new Random(2).meanPreserving(0, 0, 500)).toBe(0)
    // Symmetric: the same numbers as the triangular distribution from the same stream.
    const a = new Random(3)
    const b = new Random(3)
    for (let i = 0; i < 100; i++) expect(a.meanPreserving(2, 5, 8)).toBeCloseTo(b.triangular(2, 5, 8), 12)
  })

  it('with every range symmetric and the weather spread at zero, the mean margin of the draws is the deterministic margin (0.5 %)', () => {
    const symmetric = DEFAULT_ASSUMPTIONS.filter((a) => a.high > a.low && !a.integer).map((a) => {
      const h = Math.min(Math.max(a.value - a.low, a.high - a.value), a.value - a.min, a.max - a.value)
      return pin(a.key, a.value, a.value - h, a.value + h)
    })
    const plan = withOverrides(PlanSchema.parse(buildDemoPlan()), [
      ...symmetric,
      ...WEATHER.map((k) => pin(k, 0)),
      pin('risk.catastropheProb', 0, 0, def('risk.catastropheProb').high),
      // Insurance is an option on a bad year, not linear: off here, tested below.
      pin('insurance.participation', 0, 0, 1),
    ])
    expect(plan.assumptions.filter((a) => a.high > a.low).length).toBeGreaterThan(20)
    const det = evaluatePlan(plan).scenarios
    // After rent a Jilin margin is thin (about 110 yuan/mu on the demo) while prices still swing
    // it by hundreds: one draw's margin spreads about 1.2 times the mean, so 20,000 draws would
    // leave a sampling error near 0.9 %. 400,000 draws bring it to about 0.2 %, well inside 0.5 %.
    const risk = simulateRisk(plan, { draws: 400_000, seed: 17 })
    for (const s of [risk.baseline, ...risk.scenarios]) {
      const d = det.find((x) => x.scenarioId === s.scenarioId)!.totals.money.grossMarginYuan
      expect(Math.abs(s.grossMarginYuan.mean / d - 1)).toBeLessThan(0.005)
    }
  })

  it('a lopsided range (rent 300–400–900 yuan/mu) keeps the mean margin where a triangular draw would move it', () => {
    const base = quiet(PlanSchema.parse(buildDemoPlan()), [
      pin('cost.landRentYuanPerHa', 400 * 15, 300 * 15, 900 * 15),
    ])
    const det = evaluatePlan(base).scenarios[0]!.totals
    const b = simulateRisk(base, { draws: 20_000, seed: 23 }).baseline
    expect(Math.abs(b.grossMarginYuan.mean / det.money.grossMarginYuan - 1)).toBeLessThan(0.005)
    // The test has teeth: a triangular draw's mean rent is 533 yuan/mu, 133 more on every mu.
    const triangularShift = ((300 + 400 + 900) / 3 - 400) * 15 * det.areaHa
    expect(triangularShift / Math.abs(det.money.grossMarginYuan)).toBeGreaterThan(0.005)
  })
})

describe('chance of beating the baseline pays for the investment', () => {
  it('the annuity is the co-op’s share over each part’s life at the discount rate', () => {
    expect(recoveryFactor(0.05, 10)).toBeCloseTo(0.12950457, 7)
    expect(recoveryFactor(0.05, 10)).toBeCloseTo(capitalRecovery(0.05, 10), 12)
    expect(recoveryFactor(0, 8)).toBe(1 / 8)
    expect(
      yearlyInvestmentCost(
        [
          { coopYuan: 100_000, lifeYears: 10 },
          { coopYuan: 0, lifeYears: 3 },
        ],
        0.05,
      ),
    ).toBeCloseTo(12_950.457, 2)
  })

  it('compares each year’s margin less the yearly cost of the co-op’s share of the investment', () => {
    const plan = PlanSchema.parse(onePlan({ waterRegime: 'rainfed' }, [{ waterRegime: 'drip' }]))
    const values = new Map(DEFAULT_ASSUMPTIONS.map((a) => [a.key, a.value]))
    const coop = values.get('drip.investmentYuanPerHa')! * 10 * (1 - values.get('drip.govShare')!)
    const expected =
      coop * recoveryFactor(values.get('finance.discountRate')!, values.get('drip.lifetimeYears')!)
    expect(prepareRisk(plan).meta.scenarios[1]!.yearlyInvestmentCostYuan).toBeCloseTo(expected, 6)
    expect(prepareRisk(plan).meta.scenarios[0]!.yearlyInvestmentCostYuan).toBe(0)

    const risk = simulateRisk(plan, { draws: 4000, seed: 8 })
    const drip = risk.scenarios[0]!
    expect(drip.yearlyInvestmentCostYuan).toBeCloseTo(expected, 6)
    const base = risk.baseline.marginSamples
    const mine = drip.marginSamples
    let net = 0
    let gross = 0
    for (let d = 0; d < base.length; d++) {
      if (mine[d]! - expected > base[d]!) net++
      if (mine[d]! > base[d]!) gross++
    }
    expect(drip.probBeatsBaseline).toBe(net / base.length)
    // The investment costs money, so some years that beat gross no longer beat net.
    expect(net).toBeLessThan(gross)
  })
})

describe('crop insurance', () => {
  it('the co-op pays its share of the premium as a cost, and an indemnity tops income up to the cover', () => {
    const p = insuranceParams({
      'insurance.participation': 1,
      'insurance.premiumYuanPerHa': 405,
      'insurance.farmerShare': 0.2,
      'insurance.coverLevel': 0.8,
    })
    expect(farmerPremiumYuan(10, p)).toBeCloseTo(810, 9)
    expect(indemnityYuan(8000, 6000, 1)).toBe(2000)
    expect(indemnityYuan(8000, 9000, 1)).toBe(0)
    // Half the area insured: half the cover against half the income.
    expect(indemnityYuan(4000, 6000, 0.5)).toBe(1000)

    const plan = PlanSchema.parse(onePlan({}, []))
    const money = evaluatePlan(plan).scenarios[0]!.fields[0]!.money
    const premium = def('insurance.premiumYuanPerHa').value * def('insurance.farmerShare').value * 10
    expect(money.insurancePremiumYuan).toBeCloseTo(premium, 9)
    const off = PlanSchema.parse(onePlan({}, [], { assumptions: [pin('insurance.participation', 0, 0, 1)] }))
    const uninsured = evaluatePlan(off).scenarios[0]!.fields[0]!.money
    expect(uninsured.insurancePremiumYuan).toBe(0)
    expect(uninsured.grossMarginYuan - money.grossMarginYuan).toBeCloseTo(premium, 9)
  })

  it('raises the margin’s P10 in a drought-heavy setting (western rainfed, wide spread)', () => {
    const drought = [pin('cv.rainfedWest', 0.3, 0.2, 0.3), pin('risk.catastropheProb', 0.05, 0.03, 0.05)]
    const run = (participation: number) =>
      simulateRisk(
        withOverrides(PlanSchema.parse(onePlan({ region: 'west' }, [])), [
          ...drought,
          pin('insurance.participation', participation, 0, 1),
        ]),
        { draws: 20_000, seed: 13 },
      ).baseline.grossMarginYuan
    const insured = run(1)
    const uninsured = run(0)
    expect(insured.p10).toBeGreaterThan(uninsured.p10)
    // It narrows the spread of bad years; the premium lowers the best years a little.
    expect(insured.p90).toBeLessThan(uninsured.p90)
  })
})

describe('the risk screen says what the draws include, in both languages', () => {
  it('names the scenario’s water regime and insured indemnities, and that "beats" is net of the investment', async () => {
    const zh = (await import('../../../engine/i18n/locales/zh-CN.json')).default as {
      risk: Record<string, string>
    }
    const en = (await import('../../../engine/i18n/locales/en.json')).default as {
      risk: Record<string, string>
    }
    expect(zh.risk.includes).toMatch(/水分条件.*保险赔款/)
    expect(en.risk.includes).toMatch(/water regime.*indemnit/)
    expect(zh.risk.beats).toContain('投资年成本')
    expect(en.risk.beats).toContain('yearly cost')
    for (const text of [zh.risk.includes, en.risk.includes, zh.risk.beatsHelp, en.risk.beatsHelp])
      expect(text).not.toMatch(/§|AGRONOMY/)
  })
})
