import { describe, expect, it } from 'vitest'
import { comparePlanToActual, planBefore } from '../../../engine/actuals/compare'
import type { ActualRecord } from '../../../engine/actuals/types'
import { effectiveAssumptions, valuesOf } from '../../../engine/assumptions/resolve'
import { buildDemoPlan } from '../../../engine/demo-plan'
import { evaluateBaseline, evaluatePlan } from '../../../engine/model/evaluate'
import { Random } from '../../../engine/risk/random'
import { type FieldSpread, fieldSpread, yieldQuantiles, yieldSpreadParams } from '../../../engine/risk/spread'
import { refusal } from '../../helpers/errors'

const plan = buildDemoPlan()
const baseline = evaluateBaseline(plan)
const SEASON = 2025
const actual = (fieldId: number, yieldKgPerHa: number, more: Partial<ActualRecord> = {}): ActualRecord => ({
  fieldId,
  seasonYear: SEASON,
  yieldKgPerHa,
  priceYuanPerKg: null,
  costYuanPerHa: null,
  ...more,
})

describe('the P10–P90 band: the risk model’s own spread', () => {
  /** The same year the simulation draws, many times: the band must hold 80 % of them. */
  function drawn(s: FieldSpread, n: number, seed: number): number[] {
    const random = Random.stream(seed, 1)
    const out: number[] = []
    for (let i = 0; i < n; i++) {
      const z = random.normal()
      const cat =
        random.uniform() < s.catastropheProb ? s.lossLow + (s.lossHigh - s.lossLow) * random.uniform() : 0
      const noise = random.normal()
      out.push(Math.max(1 + s.weatherCv * z, 0) * Math.max(1 + s.fieldCv * noise, 0) * (1 - cat))
    }
    return out.sort((a, b) => a - b)
  }

  it('matches the simulated years of a rainfed field in the west and of a drip field', () => {
    const params = yieldSpreadParams(valuesOf(effectiveAssumptions([])))
    for (const [regime, region] of [
      ['rainfed', 'west'],
      ['drip', 'central'],
    ] as const) {
      const s = fieldSpread(regime, region, params)
      const [p10, p90] = yieldQuantiles(s, [0.1, 0.9])
      const years = drawn(s, 200_000, 7)
      expect(p10).toBeCloseTo(years[20_000]!, 2)
      expect(p90).toBeCloseTo(years[180_000]!, 2)
    }
    // West rainfed: CV 25 % weather, 5 % field, 4 % catastrophe — about 0.64–1.32 of the forecast.
    const west = yieldQuantiles(fieldSpread('rainfed', 'west', params), [0.1, 0.9])
    expect(west[0]).toBeGreaterThan(0.6)
    expect(west[0]).toBeLessThan(0.7)
    expect(west[1]).toBeGreaterThan(1.28)
    expect(west[1]).toBeLessThan(1.36)
  })
})

describe('plan against actual, one season', () => {
  it('sets each field’s actual against the baseline’s forecast when no scenario was recorded', () => {
    const f1 = baseline.fields[0]!
    const f2 = baseline.fields[1]!
    const result = comparePlanToActual(
      plan,
      [actual(f1.fieldId, f1.yieldKgPerHa * 1.1), actual(f2.fieldId, f2.yieldKgPerHa * 0.5)],
      { seasonYear: SEASON, scenarioId: null },
    )
    expect(result.scenarioId).toBe(plan.scenarios.find((s) => s.isBaseline)!.id)
    expect(result.fields.map((c) => c.fieldId)).toEqual([f1.fieldId, f2.fieldId])
    const [c1, c2] = result.fields
    expect(c1!.forecastKgPerHa).toBe(f1.yieldKgPerHa)
    expect(c1!.errorKgPerHa).toBeCloseTo(f1.yieldKgPerHa * 0.1, 6)
    expect(c1!.errorPct).toBeCloseTo(10, 9)
    expect(c1!.band).toBe('inside')
    expect(c2!.errorPct).toBeCloseTo(-50, 9)
    expect(c2!.band).toBe('below')
    expect(c1!.p10KgPerHa).toBeLessThan(c1!.forecastKgPerHa)
    expect(c1!.p90KgPerHa).toBeGreaterThan(c1!.forecastKgPerHa)
    expect(result.unrecorded).toBe(plan.fields.length - 2)
    expect(result.skipped).toBe(0)
  })

  it('margins: the actual yield at the forecast’s price and cost, or the recorded ones, with the forecast’s subsidy', () => {
    const r = baseline.fields[0]!
    const price = 2.1 // price.maize
    const plain = comparePlanToActual(plan, [actual(r.fieldId, 9000)], {
      seasonYear: SEASON,
      scenarioId: null,
    })
    const c = plain.fields[0]!
    expect(c.forecastMarginYuan).toBe(r.money.grossMarginYuan)
    expect(c.actualMarginYuan - c.forecastMarginYuan).toBeCloseTo(
      (9000 - r.yieldKgPerHa) * r.areaHa * price,
      4,
    )
    const recorded = comparePlanToActual(
      plan,
      [actual(r.fieldId, 9000, { priceYuanPerKg: 2.3, costYuanPerHa: 12_000 })],
      { seasonYear: SEASON, scenarioId: null },
    )
    expect(recorded.fields[0]!.actualMarginYuan).toBeCloseTo(
      9000 * r.areaHa * 2.3 + r.money.subsidyYuan - 12_000 * r.areaHa,
      4,
    )
  })

  it('evaluates the scenario carried out, and rolls up by group, crop and total on production sums', () => {
    const drip = plan.scenarios.find((s) => s.name === '密植+水肥一体化')!
    const evaluated = evaluatePlan(plan, { scenarioIds: [drip.id] }).scenarios[0]!
    // every field 5 % under its forecast except the first, 20 % over
    const actuals = evaluated.fields.map((r, i) => actual(r.fieldId, r.yieldKgPerHa * (i === 0 ? 1.2 : 0.95)))
    const result = comparePlanToActual(
      plan,
      [...actuals, actual(999, 5000), { ...actual(1, 1), seasonYear: 2024 }],
      {
        seasonYear: SEASON,
        scenarioId: drip.id,
      },
    )
    expect(result.scenarioName).toBe('密植+水肥一体化')
    expect(result.skipped).toBe(1)
    expect(result.unrecorded).toBe(0)
    expect(result.fields.map((c) => c.forecastKgPerHa)).toEqual(evaluated.fields.map((r) => r.yieldKgPerHa))
    const forecastKg = evaluated.totals.productionKg
    const first = evaluated.fields[0]!
    const actualKg = forecastKg * 0.95 + first.productionKg * 0.25
    expect(result.total.forecastProductionKg).toBeCloseTo(forecastKg, 3)
    expect(result.total.actualProductionKg).toBeCloseTo(actualKg, 3)
    expect(result.total.errorPct).toBeCloseTo(((actualKg - forecastKg) / forecastKg) * 100, 9)
    expect(result.total.fields).toBe(plan.fields.length)
    expect(result.total.forecastMarginYuan).toBeCloseTo(evaluated.totals.money.grossMarginYuan, 3)
    // by crop: soybean and rice fields were all 5 % under
    expect(result.byCrop.map((r) => r.key)).toEqual(['maize', 'soybean', 'rice'])
    expect(result.byCrop.find((r) => r.key === 'soybean')!.errorPct).toBeCloseTo(-5, 9)
    // by group: the plan's groups by name, in order, then the fields in no group; summing to the total
    expect(plan.fields.some((f) => f.groupId === null)).toBe(true)
    expect(result.byGroup.map((g) => g.name)).toEqual([...plan.groups.map((g) => g.name), ''])
    expect(result.byGroup.at(-1)!.key).toBe('none')
    expect(result.byGroup.reduce((s, g) => s + g.fields, 0)).toBe(plan.fields.length)
    expect(result.byGroup.reduce((s, g) => s + g.areaHa, 0)).toBeCloseTo(result.total.areaHa, 9)
    expect(result.total.outsideBand).toBe(result.fields.filter((c) => c.band !== 'inside').length)
  })

  it('forecasts from the history before the season: a yield typed in since is not part of the forecast', () => {
    const field = plan.fields[0]!
    const withActual = {
      ...plan,
      fields: plan.fields.map((f, i) =>
        i === 0 ? { ...f, history: [...f.history, { year: SEASON, yieldKgPerHa: 14_000 }] } : f,
      ),
    }
    expect(evaluateBaseline(withActual).fields[0]!.yieldKgPerHa).not.toBe(baseline.fields[0]!.yieldKgPerHa)
    const result = comparePlanToActual(withActual, [actual(field.id, 14_000)], {
      seasonYear: SEASON,
      scenarioId: null,
    })
    expect(result.fields[0]!.forecastKgPerHa).toBe(baseline.fields[0]!.yieldKgPerHa)
    expect(planBefore(withActual, SEASON).fields[0]!.history).toEqual(field.history)
  })

  it('refuses a scenario the plan does not have, and two actuals of one field for the season', () => {
    const unknown = refusal(() => comparePlanToActual(plan, [], { seasonYear: SEASON, scenarioId: 77 }))
    expect(unknown.details.issues?.[0]?.rule).toBe('unknown_scenario')
    const twice = refusal(() =>
      comparePlanToActual(plan, [actual(1, 9000), actual(1, 9100)], { seasonYear: SEASON, scenarioId: null }),
    )
    expect(twice.details.issues?.[0]).toMatchObject({ rule: 'duplicate_year', params: { year: SEASON } })
  })
})
