import { describe, expect, it } from 'vitest'
import { evaluatePlan } from '../../../engine/model/evaluate'
import { FACTORS } from '../../../engine/model/types'
import { PlanSchema } from '../../../engine/schemas/plan'
import { onePlan, varietyId } from '../../helpers/plan'

function uplift(plan: ReturnType<typeof onePlan>, scenarioIndex = 1) {
  return evaluatePlan(PlanSchema.parse(plan)).scenarios[scenarioIndex]!.fields[0]!
}

describe('the newspaper report’s cases on the default assumptions', () => {
  it('density-tolerant maize, 60,000 rainfed → 70,000 plants/ha with drip fertigation: +10 % to +25 %', () => {
    const r = uplift(onePlan({}, [{ densityPlantsPerHa: 70_000, waterRegime: 'drip' }]))
    expect(r.upliftPct).toBeGreaterThanOrEqual(10)
    expect(r.upliftPct).toBeLessThanOrEqual(25)
    expect(r.contributions.densityWater).toBeGreaterThan(0)
    expect(r.contributions.hsf).toBe(0)
  })

  it('building HSF on a field without it, at full effect: inside 10–20 %', () => {
    const r = uplift(onePlan({}, [{ buildHsf: true }]))
    expect(r.upliftPct).toBeGreaterThanOrEqual(10)
    expect(r.upliftPct).toBeLessThanOrEqual(20)
  })

  it('东生118 against 吉育86 on the same field: +7.1 % ± 0.5', () => {
    const plan = onePlan(
      {
        crop: 'soybean',
        varietyId: varietyId('吉育86'),
        densityPlantsPerHa: 180_000,
        history: [{ year: 2024, yieldKgPerHa: 2800 }],
      },
      [{ varietyId: varietyId('东生118') }],
    )
    const r = uplift(plan)
    expect(Math.abs(r.upliftPct - 7.1)).toBeLessThanOrEqual(0.5)
  })

  it('东生118 against 吉育86 on moderately saline land: more than the +7.1 % of good land', () => {
    const plan = onePlan(
      {
        crop: 'soybean',
        varietyId: varietyId('吉育86'),
        densityPlantsPerHa: 180_000,
        salineClass: 'moderate',
        history: [{ year: 2024, yieldKgPerHa: 2200 }],
      },
      [{ varietyId: varietyId('东生118') }],
    )
    const r = uplift(plan)
    expect(r.upliftPct).toBeGreaterThan(7.1 + 1)
    expect(r.contributions.salinity).toBeGreaterThan(0)
    // 1.071 × (1 − 0.2 × (1 − 0.5)) / (1 − 0.2) = 1.2049 on the defaults
    expect(r.upliftPct).toBeCloseTo(20.49, 1)
  })

  it('current practice reproduces the baseline exactly, and contributions sum to the uplift', () => {
    const plan = PlanSchema.parse(
      onePlan({}, [
        { densityPlantsPerHa: 70_000, waterRegime: 'drip', buildHsf: true, varietyId: varietyId('先玉335') },
      ]),
    )
    const [baseline, scenario] = evaluatePlan(plan).scenarios
    const b = baseline!.fields[0]!
    expect(b.yieldKgPerHa).toBe(b.baselineYieldKgPerHa)
    expect(b.money).toEqual(b.baselineMoney)
    expect(baseline!.totals.upliftKg).toBe(0)
    const f = scenario!.fields[0]!
    const sum = FACTORS.reduce((s, k) => s + f.contributions[k], 0)
    const total = f.yieldKgPerHa - f.baselineYieldKgPerHa
    expect(Math.abs(sum - total) / Math.abs(total)).toBeLessThan(1e-9)
  })
})
