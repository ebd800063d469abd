import { describe, expect, it } from 'vitest'
import { DEFAULT_BY_KEY } from '../../../engine/assumptions/defaults'
import { evaluatePlan } from '../../../engine/model/evaluate'
import { PlanSchema } from '../../../engine/schemas/plan'
import { onePlan, varietyId } from '../../helpers/plan'

/**
 * One field worked by hand, every figure written out so a reader can redo it with a calculator.
 *
 * 10 ha (150 mu) of rainfed maize, 富民985 at 60,000 plants/ha, no HSF, no salinity, five years of
 * 9,750 kg/ha (650 kg/mu). Scenario: build high-standard farmland. Default assumptions 吉林 2024,
 * per mu: price 2.1 yuan/kg; subsidy 1,407 yuan/ha; seed 12.5 yuan per 1,000 seeds; fertiliser 180,
 * pesticide 45, tillage 50, sowing 35, harvest 80, drying 30, hired labour 50, insurance 5.4, rent
 * 700; HSF +15 %, cost saving 45 yuan/mu, investment 2,000 yuan/mu of which the government pays 90 %.
 */
const v = (key: string) => DEFAULT_BY_KEY.get(key)!.value

const plan = PlanSchema.parse(
  onePlan(
    {
      areaHa: 10,
      crop: 'maize',
      varietyId: varietyId('富民985'),
      densityPlantsPerHa: 60_000,
      waterRegime: 'rainfed',
      hasHsf: false,
      hsfYearBuilt: null,
      salineClass: 'none',
      heatSumCd: 2850,
      history: [2020, 2021, 2022, 2023, 2024].map((year) => ({ year, yieldKgPerHa: 9_750 })),
    },
    [{ buildHsf: true }],
  ),
)
const [baseline, hsf] = evaluatePlan(plan).scenarios.map((s) => s.fields[0]!)

describe('hand-checkable case: one maize field, end to end', () => {
  it('uses the defaults the hand calculation assumes', () => {
    expect(v('price.maize')).toBe(2.1)
    expect(v('subsidy.maize')).toBe(1407)
    expect(v('seed.maize.yuanPer1000')).toBe(12.5)
    expect(v('cost.landRentYuanPerHa')).toBe(700 * 15)
    expect(v('hsf.uplift')).toBe(0.15)
    expect(v('hsf.govShare')).toBe(0.9)
  })

  it('today: yield, revenue, each cost item and the margin', () => {
    const m = baseline!.money
    expect(baseline!.baselineYieldKgPerHa).toBe(9_750) // flat history: no trend
    expect(baseline!.yieldKgPerHa).toBe(9_750)
    expect(m.revenueYuan).toBeCloseTo(9_750 * 10 * 2.1, 6) // 204,750
    expect(m.subsidyYuan).toBeCloseTo(14_070, 6) // 1,407 × 10
    expect(m.seedYuan).toBeCloseTo(7_500, 6) // 60 × 12.5 × 10
    expect(m.fertiliserYuan).toBeCloseTo(27_000, 6) // 180 × 150 mu
    expect(m.pesticideYuan).toBeCloseTo(6_750, 6) // 45 × 150
    expect(m.tillageYuan).toBeCloseTo(7_500, 6) // 50 × 150
    expect(m.sowingYuan).toBeCloseTo(5_250, 6) // 35 × 150
    expect(m.harvestYuan).toBeCloseTo(12_000, 6) // 80 × 150
    expect(m.dryingYuan).toBeCloseTo(4_500, 6) // 30 × 150
    expect(m.labourYuan).toBeCloseTo(7_500, 6) // 50 × 150
    expect(m.insurancePremiumYuan).toBeCloseTo(810, 6) // 27 yuan/mu premium × 20 % grower's share × 150 mu
    expect(m.irrigationYuan).toBe(0) // rainfed
    expect(m.dripOperatingYuan).toBe(0)
    expect(m.landRentYuan).toBeCloseTo(105_000, 6) // 700 × 150
    expect(m.hsfSavingYuan).toBe(0)
    expect(m.costYuan).toBeCloseTo(183_810, 6)
    expect(m.grossMarginYuan).toBeCloseTo(35_010, 6) // 204,750 + 14,070 − 183,810
    expect(m.grossMarginYuan / 150).toBeCloseTo(233.4, 6) // yuan/mu after rent
    expect(baseline!.investmentYuan).toBe(0)
  })

  it('with HSF built: yield +15 %, the cost saving, the margin, and who pays the investment', () => {
    const m = hsf!.money
    expect(hsf!.multipliers.hsf).toBeCloseTo(1.15, 12)
    expect(hsf!.yieldKgPerHa).toBeCloseTo(11_212.5, 6) // 9,750 × 1.15
    expect(hsf!.productionKg).toBeCloseTo(112_125, 6)
    expect(hsf!.upliftPct).toBeCloseTo(15, 9)
    expect(m.revenueYuan).toBeCloseTo(235_462.5, 6) // 11,212.5 × 10 × 2.1
    expect(m.hsfSavingYuan).toBeCloseTo(6_750, 6) // 45 × 150
    expect(m.costYuan).toBeCloseTo(177_060, 6) // 183,810 − 6,750
    expect(m.grossMarginYuan).toBeCloseTo(72_472.5, 6) // 235,462.5 + 14,070 − 177,060
    expect(m.grossMarginYuan - baseline!.money.grossMarginYuan).toBeCloseTo(37_462.5, 6)
    expect(hsf!.investmentYuan).toBeCloseTo(300_000, 6) // 2,000 × 150
    expect(hsf!.funding.governmentYuan).toBeCloseTo(270_000, 6) // 90 %
    expect(hsf!.funding.coopYuan).toBeCloseTo(30_000, 6)
  })
})
