import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assetFlows } from '../../../engine/model/finance/capital'
import { scenarioFinance } from '../../../engine/model/finance/cash-flow'
import { irr, npv } from '../../../engine/model/finance/irr'
import { annuityInstalment, loanSchedule } from '../../../engine/model/finance/loans'
import { suggestedLoan } from '../../../engine/model/finance/suggested-loan'
import type { LoanInput } from '../../../engine/schemas/loan'
import { LoanInputSchema } from '../../../engine/schemas/loan'

const loan = (over: Partial<LoanInput> = {}): LoanInput => ({
  name: '',
  amountYuan: 2_000_000,
  annualRate: 0.0435,
  termYears: 5,
  repayment: 'annuity',
  interestSubsidyShare: 0,
  ...over,
})

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

describe('loans', () => {
  it('2,000,000 yuan at 4.35 % over 5 years in equal instalments: the textbook 453,681 yuan a year', () => {
    // A = P·r / (1 − (1 + r)^−n)
    //   = 2,000,000 × 0.0435 / (1 − 1.0435^−5)
    //   = 87,000 / (1 − 0.808235148)
    //   = 87,000 / 0.191764852 = 453,680.64 yuan
    expect(Math.round(annuityInstalment(2_000_000, 0.0435, 5))).toBe(453_681)
    const rows = loanSchedule(loan(), 10)
    expect(rows[0]!.drawYuan).toBe(2_000_000)
    for (let t = 1; t <= 5; t++)
      expect(Math.round(rows[t]!.principalYuan + rows[t]!.interestYuan)).toBe(453_681)
    // first year: interest 2,000,000 × 4.35 % = 87,000; principal 453,680.64 − 87,000
    expect(rows[1]!.interestYuan).toBeCloseTo(87_000, 6)
    expect(rows[1]!.principalYuan).toBeCloseTo(366_680.64, 1)
    // the totals reconcile: Σ repayments = principal; Σ instalments = principal + interest
    const principal = sum(rows.map((r) => r.principalYuan))
    const interest = sum(rows.map((r) => r.interestYuan))
    expect(principal).toBeCloseTo(2_000_000, 6)
    // 5 × 453,680.64 − 2,000,000 = 268,403.18 yuan of interest
    expect(interest).toBeCloseTo(268_403.18, 1)
    expect(sum(rows.map((r) => r.principalYuan + r.interestYuan))).toBeCloseTo(2_000_000 + interest, 6)
    expect(rows.slice(6).every((r) => r.principalYuan === 0 && r.interestYuan === 0)).toBe(true)
  })

  it('interest-only: the interest each year, all the principal in the last; 贴息 halves what the co-op pays', () => {
    const rows = loanSchedule(loan({ repayment: 'interest_only', interestSubsidyShare: 0.5 }), 10)
    for (let t = 1; t <= 5; t++) {
      expect(rows[t]!.interestYuan).toBeCloseTo(87_000, 6)
      expect(rows[t]!.interestSubsidyYuan).toBeCloseTo(43_500, 6)
      expect(rows[t]!.principalYuan).toBe(t === 5 ? 2_000_000 : 0)
    }
  })

  it('a term longer than the horizon is settled in full in the horizon’s last year', () => {
    const rows = loanSchedule(loan({ termYears: 20 }), 10)
    expect(sum(rows.map((r) => r.principalYuan))).toBeCloseTo(2_000_000, 6)
    expect(rows[10]!.principalYuan).toBeGreaterThan(1_000_000)
  })

  it('at any rate, term and form, repayments add up to the principal exactly', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 0.36, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom('annuity' as const, 'interest_only' as const),
        fc.integer({ min: 1, max: 50 }),
        (amountYuan, annualRate, termYears, repayment, horizon) => {
          const rows = loanSchedule(loan({ amountYuan, annualRate, termYears, repayment }), horizon)
          expect(Math.abs(sum(rows.map((r) => r.principalYuan)) - amountYuan)).toBeLessThan(amountYuan * 1e-9)
        },
      ),
    )
  })

  it('refuses a loan it cannot model, naming the field', () => {
    const r = LoanInputSchema.safeParse(loan({ amountYuan: -1, termYears: 2.5, annualRate: 0.5 }))
    expect(r.success).toBe(false)
    expect(r.error!.issues.map((i) => i.path[0]).sort()).toEqual(['amountYuan', 'annualRate', 'termYears'])
  })
})

describe('NPV and IRR', () => {
  it('IRR solves NPV = 0', () => {
    const flows = [-100_000, 30_000, 30_000, 30_000, 30_000, 30_000]
    const r = irr(flows)!
    // 30,000 × annuity factor(5, r) = 100,000 → r ≈ 15.24 %
    expect(r).toBeCloseTo(0.15238, 4)
    expect(Math.abs(npv(flows, r))).toBeLessThan(1e-4)
    expect(npv([-100, 110], 0.1)).toBeCloseTo(0, 10)
  })

  it('no IRR when the flows never change sign', () => {
    expect(irr([0, 10, 10])).toBeNull()
    expect(irr([-10, -10])).toBeNull()
  })
})

describe('capital over the horizon', () => {
  it('replaced at each multiple of its life, salvage straight-line on the last purchase', () => {
    // tape-like 2-year life over 10 years: bought at 0, 2, 4, 6, 8; nothing left at 10
    expect(assetFlows({ yuan: 100, lifeYears: 2 }, 10)).toEqual({
      outlays: [100, 0, 100, 0, 100, 0, 100, 0, 100, 0, 0],
      salvageYuan: 0,
    })
    // 15-year head unit over 10 years: 5 of 15 years left
    expect(assetFlows({ yuan: 1500, lifeYears: 15 }, 10).salvageYuan).toBeCloseTo(500, 9)
    // 3-year life: bought at 0, 3, 6, 9; two of three years left at 10
    const three = assetFlows({ yuan: 300, lifeYears: 3 }, 10)
    expect(three.outlays.filter((x) => x > 0)).toHaveLength(4)
    expect(three.salvageYuan).toBeCloseTo(200, 9)
  })

  it('a scenario’s cash flow reconciles and names its lowest year', () => {
    const f = scenarioFinance(
      { deltaMarginFullYuan: 100_000, hsfRevenueYuan: 0, assets: [{ yuan: 300_000, lifeYears: 15 }] },
      [loan({ amountYuan: 200_000, termYears: 5 })],
      { discountRate: 0.05, horizonYears: 10, hsfRampYears: 1 },
    )
    const rows = f.cashFlow
    expect(rows).toHaveLength(11)
    for (const r of rows)
      expect(r.netYuan).toBeCloseTo(
        r.marginGainYuan + r.loanDrawYuan - r.investmentYuan - r.debtServiceYuan,
        6,
      )
    expect(rows[10]!.balanceYuan).toBeCloseTo(sum(rows.map((r) => r.netYuan)), 6)
    expect(sum(rows.map((r) => r.principalYuan))).toBeCloseTo(200_000, 6)
    expect(f.financing.totalInterestYuan).toBeCloseTo(sum(rows.map((r) => r.interestYuan)), 6)
    // year 0: −300,000 + 200,000 drawn; year 1 earns 100,000 and repays ≈ 45,368: the low is year 0
    expect(f.lowestBalanceYear).toBe(0)
    expect(f.lowestBalanceYuan).toBeCloseTo(-100_000, 6)
    // project: −300,000, then 100,000 a year; back at zero in year 3
    expect(f.paybackYears).toBe(3)
    // salvage 300,000 × 5/15 = 100,000 at year 10, in NPV only
    expect(rows[10]!.salvageYuan).toBeCloseTo(100_000, 6)
    const expected =
      -300_000 + sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((t) => 100_000 / 1.05 ** t)) + 100_000 / 1.05 ** 10
    expect(f.npvYuan).toBeCloseTo(expected, 4)
    expect(
      Math.abs(
        npv(
          rows.map((r) => r.marginGainYuan - r.investmentYuan + r.salvageYuan),
          f.irr!,
        ),
      ),
    ).toBeLessThan(1e-3)
  })
})

describe('the loan a form offers', () => {
  it('borrows finance.loanShare of the co-op’s part at finance.loanRate over finance.loanTermYears', () => {
    const values = {
      'finance.loanShare': 0.5,
      'finance.loanRate': 0.045,
      'finance.loanTermYears': 5,
      'finance.interestSubsidyShare': 0.25,
    }
    expect(suggestedLoan(values, 420_000)).toEqual({
      name: '',
      amountYuan: 210_000,
      annualRate: 0.045,
      termYears: 5,
      repayment: 'annuity',
      interestSubsidyShare: 0.25,
    })
    expect(suggestedLoan(values, 0).amountYuan).toBeNull()
  })
})

describe('IRR is a return on money put in', () => {
  it('none when the loan brings in more than is invested (cash in first)', () => {
    expect(irr([1_000, -300, -300, -300, -300])).toBeNull()
    expect(irr([0, -100, 60, 60])).not.toBeNull()
  })
})
