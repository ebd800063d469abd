import { describe, expect, it } from 'vitest'
import { evaluatePlan } from '../../../engine/model/evaluate'
import { PlanSchema } from '../../../engine/schemas/plan'
import { onePlan } from '../../helpers/plan'

/**
 * One field end to end, the money side: 10 ha (150 mu) of rainfed maize turned to drip
 * fertigation at 70,000 plants/ha, with a 30,000-yuan bank loan. The money assumptions are set
 * here, so every figure below can be checked with a calculator.
 */
const set = (key: string, value: number) => ({ key, value, low: value, high: value, note: '', changedAt: '' })
const assumptions = [
  set('drip.investmentYuanPerHa', 6_000), // 400 yuan/mu: head unit + buried mains
  set('drip.govShare', 0.3),
  set('drip.headShare', 0.4),
  set('drip.lifetimeYears', 15), // head unit
  set('drip.mainsLifetimeYears', 30),
  set('drip.annualCostYuanPerHa', 1_500), // 100 yuan/mu: tape, power, water
  set('drip.fertiliserSavingYuanPerHa', 225), // 15 yuan/mu
  set('finance.discountRate', 0.05),
  set('finance.horizonYears', 10),
]
const loans = [
  {
    id: 1,
    scenarioId: 2,
    name: '农商行',
    amountYuan: 30_000,
    annualRate: 0.0435,
    termYears: 5,
    repayment: 'annuity' as const,
    interestSubsidyShare: 0.5,
  },
]

describe('hand-checkable case: one field, drip capital, a loan and NPV', () => {
  const plan = PlanSchema.parse(
    onePlan(
      { waterRegime: 'rainfed', densityPlantsPerHa: 60_000 },
      [{ densityPlantsPerHa: 70_000, waterRegime: 'drip' }],
      {
        assumptions,
        loans,
      },
    ),
  )
  const [baseline, drip] = evaluatePlan(plan).scenarios
  const f = drip!.fields[0]!
  const b = baseline!.fields[0]!

  it('yield, revenue, running cost and margin gain', () => {
    expect(f.yieldKgPerHa).toBeGreaterThan(b.yieldKgPerHa)
    // revenue = yield × 10 ha × price, the same price on both sides
    expect(f.money.revenueYuan / b.money.revenueYuan).toBeCloseTo(f.yieldKgPerHa / b.yieldKgPerHa, 9)
    // running cost net of the fertiliser saving: (1,500 − 225) × 10 ha = 12,750 yuan a year
    expect(f.money.dripOperatingYuan).toBeCloseTo(12_750, 6)
    expect(b.money.dripOperatingYuan).toBe(0)
    // the margin gain the cash flow carries each year is the field's margin change
    const gain = f.money.grossMarginYuan - b.money.grossMarginYuan
    expect(drip!.finance.cashFlow[1]!.marginGainYuan).toBeCloseTo(gain, 6)
    expect(drip!.finance.cashFlow[10]!.marginGainYuan).toBeCloseTo(gain, 6)
  })

  it('capital: 60,000 yuan, government 18,000, co-op 42,000 (head 16,800, mains 25,200)', () => {
    // 6,000 yuan/ha × 10 ha = 60,000; 30 % government = 18,000; the co-op pays 42,000
    expect(f.investmentYuan).toBeCloseTo(60_000, 6)
    expect(drip!.totals.funding.governmentYuan).toBeCloseTo(18_000, 6)
    expect(drip!.totals.funding.coopYuan).toBeCloseTo(42_000, 6)
    const rows = drip!.finance.cashFlow
    expect(rows[0]!.investmentYuan).toBeCloseTo(42_000, 6)
    // neither the 15-year head nor the 30-year mains is replaced within 10 years
    expect(rows.slice(1).every((r) => r.investmentYuan === 0)).toBe(true)
    // salvage: head 16,800 × 5/15 = 5,600; mains 25,200 × 20/30 = 16,800; together 22,400
    expect(rows[10]!.salvageYuan).toBeCloseTo(22_400, 6)
  })

  it('the loan: 6,805.21 a year before 贴息; the co-op pays 6,152.71 in year 1', () => {
    // A = 30,000 × 0.0435 / (1 − 1.0435^−5) = 1,305 / 0.191764852 = 6,805.21
    // year 1: interest 30,000 × 4.35 % = 1,305, half paid by government; principal 5,500.21
    //         the co-op pays 5,500.21 + 652.50 = 6,152.71
    const fin = drip!.finance.financing
    expect(fin.loanYuan).toBe(30_000)
    expect(drip!.totals.funding.loanYuan).toBe(30_000)
    expect(fin.annualPaymentYuan).toBeCloseTo(6_152.71, 2)
    // interest over 5 years: 5 × 6,805.21 − 30,000 = 4,026.05; the co-op pays half, 2,013.02
    expect(fin.totalInterestYuan).toBeCloseTo(2_013.02, 2)
    expect(fin.interestSubsidyYuan).toBeCloseTo(2_013.02, 2)
    const rows = drip!.finance.cashFlow
    expect(rows[0]!.loanDrawYuan).toBe(30_000)
    expect(rows.reduce((s, r) => s + r.principalYuan, 0)).toBeCloseTo(30_000, 6)
  })

  it('NPV without and with the loan', () => {
    const gain = f.money.grossMarginYuan - b.money.grossMarginYuan
    let annuity10 = 0
    for (let t = 1; t <= 10; t++) annuity10 += 1 / 1.05 ** t // 7.721735
    expect(annuity10).toBeCloseTo(7.721735, 6)
    // NPV = −42,000 + gain × 7.721735 + 22,400 / 1.05^10 (= 13,751.66)
    const npv = -42_000 + gain * annuity10 + 22_400 / 1.05 ** 10
    expect(22_400 / 1.05 ** 10).toBeCloseTo(13_751.66, 2)
    expect(drip!.totals.npvYuan).toBeCloseTo(npv, 4)
    expect(drip!.finance.npvYuan).toBeCloseTo(npv, 4)
    // with the loan: + 30,000 drawn − the co-op's payments discounted (27,666.10)
    expect(drip!.finance.npvFinancedYuan).toBeCloseTo(npv + 30_000 - 27_666.1, 1)
    // the lowest balance is year 0: 30,000 − 42,000 = −12,000 (the gain then covers the payment)
    expect(gain).toBeGreaterThan(6_700)
    expect(drip!.finance.lowestBalanceYear).toBe(0)
    expect(drip!.finance.lowestBalanceYuan).toBeCloseTo(-12_000, 6)
  })

  it('current practice borrows nothing and has no cash flow but its own', () => {
    expect(baseline!.finance.financing.loanYuan).toBe(0)
    expect(baseline!.finance.cashFlow.every((r) => r.netYuan === 0)).toBe(true)
  })
})

describe('drip on a field that is already irrigated pays only for what it lacks', () => {
  it('furrow → drip: 60 % of the capital (drip.capitalShareIfIrrigated), rainfed → drip: all of it', () => {
    const capital = (waterRegime: 'furrow' | 'sprinkler' | 'rainfed') => {
      const plan = PlanSchema.parse(
        onePlan({ waterRegime, densityPlantsPerHa: 60_000 }, [{ waterRegime: 'drip' }], {
          assumptions: [...assumptions, set('drip.capitalShareIfIrrigated', 0.6)],
        }),
      )
      return evaluatePlan(plan).scenarios[1]!
    }
    // 6,000 yuan/ha × 10 ha × 60 % = 36,000 yuan; the co-op pays 70 % of it, 25,200
    expect(capital('furrow').totals.investmentYuan).toBeCloseTo(36_000, 6)
    expect(capital('sprinkler').totals.funding.coopYuan).toBeCloseTo(25_200, 6)
    expect(capital('rainfed').totals.investmentYuan).toBeCloseTo(60_000, 6)
    // salvage follows the capital: 25,200 × (0.4 × 5/15 + 0.6 × 20/30) = 13,440
    expect(capital('furrow').finance.cashFlow[10]!.salvageYuan).toBeCloseTo(13_440, 6)
  })
})
