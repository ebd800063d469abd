import { forecastSeason } from '../../engine/actuals/compare'
import type { ActualRecord, SeasonRecord } from '../../engine/actuals/types'
import { buildDemoPlan } from '../../engine/demo-plan'
import { Random } from '../../engine/risk/random'
import type { Plan, PlanField, ScenarioChange } from '../../engine/schemas/plan'
import { validField } from './fields'

export const CARRIED_OUT = 2

/**
 * A co-op of `n` maize fields (areas 3–20 ha, central and west, histories before 2020) and the
 * scenario it carried out: of every eight fields, three go to drip, one to drip at a higher
 * density, one only to a higher density, one builds HSF, two change nothing. No variety changes.
 */
export function calibrationPlan(n: number, seed = 1): Plan {
  const demo = buildDemoPlan()
  const random = Random.stream(seed, 0)
  const fields: PlanField[] = []
  const changes: ScenarioChange[] = []
  for (let i = 0; i < n; i++) {
    const id = i + 1
    const level = 8500 + 3000 * random.uniform()
    fields.push({
      ...validField,
      id,
      name: `地块${id}`,
      areaHa: 3 + 17 * random.uniform(),
      region: i % 3 === 0 ? 'west' : 'central',
      densityPlantsPerHa: 65_000,
      history: [2015, 2016, 2017, 2018, 2019].map((year) => ({
        year,
        yieldKgPerHa: level * (1 + 0.1 * random.normal()),
      })),
    })
    const none = { fieldId: id, buildHsf: null, varietyId: null, densityPlantsPerHa: null, waterRegime: null }
    const kind = i % 8
    if (kind <= 2) changes.push({ ...none, waterRegime: 'drip' })
    else if (kind === 3) changes.push({ ...none, waterRegime: 'drip', densityPlantsPerHa: 80_000 })
    else if (kind === 4) changes.push({ ...none, densityPlantsPerHa: 75_000 })
    else if (kind === 5) changes.push({ ...none, buildHsf: true })
  }
  return {
    ...demo,
    groups: [],
    fields,
    loans: [],
    scenarios: [
      { id: 1, name: '基准', seasonYear: 2024, isBaseline: true, note: '', changes: [] },
      { id: CARRIED_OUT, name: '实施方案', seasonYear: 2024, isBaseline: false, note: '', changes },
    ],
  }
}

/** The plan with one assumption's value set (its range widened to hold it). */
export function withAssumption(plan: Plan, key: string, value: number): Plan {
  return {
    ...plan,
    assumptions: [
      ...plan.assumptions.filter((a) => a.key !== key),
      { key, value, low: value, high: value, note: '', changedAt: '' },
    ],
  }
}

export type Truth = {
  /** the plan the actuals come from (the real world: e.g. drip 5 % better than assumed) */
  world: Plan
  seasons: SeasonRecord[]
  /** each season's weather, a multiplier of every field's yield */
  weather: number[]
  /** field-to-field noise, CV */
  fieldCv: number
  seed: number
}

/** Actuals drawn from the world's forecast: × the season's weather × (1 + fieldCv·n) per field. */
export function drawActuals(t: Truth): ActualRecord[] {
  const random = Random.stream(t.seed, 1)
  return t.seasons.flatMap((season, s) =>
    forecastSeason(t.world, season).result.fields.map((r) => ({
      fieldId: r.fieldId,
      seasonYear: season.seasonYear,
      yieldKgPerHa: r.yieldKgPerHa * t.weather[s]! * Math.max(1 + t.fieldCv * random.normal(), 0.05),
      priceYuanPerKg: null,
      costYuanPerHa: null,
    })),
  )
}
