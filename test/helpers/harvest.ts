import { forecastSeason } from '../../engine/actuals/compare'
import type { ActualRecord, SeasonRecord } from '../../engine/actuals/types'
import type { Plan } from '../../engine/schemas/plan'
import { yieldFromKgPerHa } from '../../engine/units'

/** A small, fixed spread from field to field (±2 %), the same on every run. */
const wobble = (i: number) => (((i * 7919) % 11) - 5) * 0.004

/**
 * A season's actuals drawn from the plan's own forecast of the scenario carried out, with the
 * fields that scenario moved to drip doing `dripBias` better than forecast (0.1: 10 % better) and
 * every field ±2 % of noise: what a co-op whose drip beat the assumption would record.
 */
export function dripBiasedActuals(plan: Plan, season: SeasonRecord, dripBias: number): ActualRecord[] {
  const scenario = plan.scenarios.find((s) => s.id === season.scenarioId)
  const drip = new Set(scenario?.changes.filter((c) => c.waterRegime === 'drip').map((c) => c.fieldId))
  return forecastSeason(plan, season).result.fields.map((r, i) => ({
    fieldId: r.fieldId,
    seasonYear: season.seasonYear,
    yieldKgPerHa: r.yieldKgPerHa * (drip.has(r.fieldId) ? 1 + dripBias : 1) * (1 + wobble(i)),
    priceYuanPerKg: null,
    costYuanPerHa: null,
  }))
}

/**
 * The actuals as a co-op's CSV (实收): field name, year and yield in 斤/亩 with one decimal, and a
 * sale price in 元/斤 where given. `bad` puts a word where row `bad`'s yield should be.
 */
export function actualsCsv(plan: Plan, records: readonly ActualRecord[], bad?: number): string {
  const names = new Map(plan.fields.map((f) => [f.id, f.name]))
  const rows = records.map((r, i) => {
    const y = Math.round(yieldFromKgPerHa(r.yieldKgPerHa, 'jin', 'mu') * 10) / 10
    const price = r.priceYuanPerKg === null ? '' : String(r.priceYuanPerKg / 2)
    return [names.get(r.fieldId), r.seasonYear, i + 2 === bad ? '一千一' : y, price].join(',')
  })
  return ['地块名称,年份,实收单产（斤/亩）,售价（元/斤）', ...rows].join('\n')
}
