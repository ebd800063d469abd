// The season after on a 2,000-field co-op: setting a season's actuals against the plan, and the
// calibration over two seasons. Both run as jobs on the back-end host when the harvest screen opens
// a tab; the bars are what a manager waits for after a click.

import { proposeCalibration } from '../../engine/actuals/calibrate'
import { comparePlanToActual, forecastSeason } from '../../engine/actuals/compare'
import type { ActualRecord, SeasonRecord } from '../../engine/actuals/types'
import type { Plan } from '../../engine/schemas/plan'
import { benchPlan } from './engine'
import { report, time } from './measure'

/** A season's actuals: the forecast with a fixed ±3 % spread from field to field. */
function actualsOf(plan: Plan, season: SeasonRecord): ActualRecord[] {
  return forecastSeason(plan, season).result.fields.map((r, i) => ({
    fieldId: r.fieldId,
    seasonYear: season.seasonYear,
    yieldKgPerHa: r.yieldKgPerHa * (1 + (((i * 7919) % 13) - 6) * 0.005),
    priceYuanPerKg: null,
    costYuanPerHa: null,
  }))
}

export function benchSeason(): void {
  const plan = benchPlan()
  const scenario = plan.scenarios.find((s) => !s.isBaseline && s.changes.length > 0)
  if (!scenario) throw new Error('bench fixture has no scenario with changes')
  const seasons: SeasonRecord[] = [
    { seasonYear: 2025, scenarioId: null },
    { seasonYear: 2026, scenarioId: scenario.id },
  ]
  const actuals = seasons.flatMap((s) => actualsOf(plan, s))
  report(
    'plan_vs_actual_2000_fields',
    time(() => comparePlanToActual(plan, actuals, seasons[1]!), 11, 2),
    'ms',
    { max: 1000 },
    'forecast, P10–P90 band per field, roll-ups',
  )
  // The figure is only worth having if the fit has factors to estimate on these fields.
  const estimated = proposeCalibration(plan, actuals, seasons).filter((p) => p.fields > 0)
  if (estimated.length === 0) throw new Error('bench fixture gives calibration nothing to estimate')
  report(
    'calibration_2000_fields_x_2_seasons',
    time(() => proposeCalibration(plan, actuals, seasons), 7, 2),
    'ms',
    { max: 2000 },
  )
}
