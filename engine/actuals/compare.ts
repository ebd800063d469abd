import { effectiveAssumptions, valuesOf } from '../assumptions/resolve'
import { AppError } from '../errors'
import { moneyParams } from '../model/economics'
import { evaluatePlan } from '../model/evaluate'
import type { FieldResult, ScenarioResult } from '../model/types'
import { fieldSpread, yieldQuantiles, yieldSpreadParams } from '../risk/spread'
import { CROPS } from '../schemas/field'
import type { Plan, PlanField, Scenario } from '../schemas/plan'
import type {
  ActualRecord,
  BandPosition,
  ComparisonRollup,
  FieldComparison,
  PlanVsActual,
  SeasonRecord,
} from './types'

/** The share of years below the band's low and high edges: P10 and P90. */
const BAND = [0.1, 0.9] as const

/** The scenario a season carried out: the recorded one, or the baseline when none was recorded. */
export function scenarioCarriedOut(plan: Plan, season: SeasonRecord): Scenario {
  const scenario =
    season.scenarioId === null
      ? plan.scenarios.find((s) => s.isBaseline)
      : plan.scenarios.find((s) => s.id === season.scenarioId)
  if (!scenario)
    throw new AppError('VALIDATION', `The plan has no scenario ${season.scenarioId ?? 'baseline'}`, {
      issues: [
        {
          path: ['scenarioId'],
          rule: 'unknown_scenario',
          params: { value: String(season.scenarioId ?? '') },
        },
      ],
    })
  return scenario
}

/**
 * The plan as it stood before the season: each field's history without the season itself or any
 * later one. A yield the co-op has since typed into the field's history is the actual, not part of
 * the forecast; left in, it would pull the baseline towards the answer.
 */
export function planBefore(plan: Plan, seasonYear: number): Plan {
  if (!plan.fields.some((f) => f.history.some((h) => h.year >= seasonYear))) return plan
  return {
    ...plan,
    fields: plan.fields.map((f) =>
      f.history.some((h) => h.year >= seasonYear)
        ? { ...f, history: f.history.filter((h) => h.year < seasonYear) }
        : f,
    ),
  }
}

/** One season's forecast: the scenario carried out, evaluated with the plan's own assumptions. */
export type SeasonForecast = {
  scenario: Scenario
  result: ScenarioResult
  /** plan.fields, in the order of result.fields */
  fields: readonly PlanField[]
}

export function forecastSeason(plan: Plan, season: SeasonRecord): SeasonForecast {
  const scenario = scenarioCarriedOut(plan, season)
  const before = planBefore(plan, season.seasonYear)
  const result = evaluatePlan(before, { scenarioIds: [scenario.id] }).scenarios[0]!
  return { scenario, result, fields: before.fields }
}

/**
 * The margin the field would have made with the actual yield, yuan for the whole field:
 *   actual yield × area × price + subsidy − cost
 * where price is the recorded sale price (else the forecast's price assumption for the crop), cost
 * is the recorded cost per ha × area (all items: it replaces the forecast's whole cost, including
 * seed, irrigation or drip running cost, rent, the insurance premium and the HSF saving), else the
 * forecast's cost, and the subsidy is always the forecast's (area-based, known before the season).
 * An insurance indemnity is not counted, on either side: the forecast's margin has none either.
 */
function actualMargin(r: FieldResult, actual: ActualRecord, forecastPrice: number): number {
  const price = actual.priceYuanPerKg ?? forecastPrice
  const cost = actual.costYuanPerHa === null ? r.money.costYuan : actual.costYuanPerHa * r.areaHa
  return actual.yieldKgPerHa * r.areaHa * price + r.money.subsidyYuan - cost
}

function band(actual: number, p10: number, p90: number): BandPosition {
  if (actual < p10) return 'below'
  if (actual > p90) return 'above'
  return 'inside'
}

function rollup(key: string, rows: readonly FieldComparison[], name?: string): ComparisonRollup {
  let areaHa = 0
  let forecastProductionKg = 0
  let actualProductionKg = 0
  let forecastMarginYuan = 0
  let actualMarginYuan = 0
  let outsideBand = 0
  for (const c of rows) {
    areaHa += c.areaHa
    forecastProductionKg += c.forecastKgPerHa * c.areaHa
    actualProductionKg += c.actualKgPerHa * c.areaHa
    forecastMarginYuan += c.forecastMarginYuan
    actualMarginYuan += c.actualMarginYuan
    if (c.band !== 'inside') outsideBand++
  }
  return {
    key,
    ...(name === undefined ? {} : { name }),
    fields: rows.length,
    areaHa,
    forecastProductionKg,
    actualProductionKg,
    // Production-weighted: the error of the summed grain, i.e. of the area-weighted mean yield.
    errorPct:
      forecastProductionKg > 0
        ? ((actualProductionKg - forecastProductionKg) / forecastProductionKg) * 100
        : 0,
    forecastMarginYuan,
    actualMarginYuan,
    outsideBand,
  }
}

/**
 * Forecast against actual for one season (issue 13): the scenario carried out (the baseline when
 * season.scenarioId is null) is evaluated with the plan's assumptions, from each field's history
 * before the season (planBefore); each field's actual yield is set against that forecast and its
 * P10–P90 band. The band is the risk model's own spread for the field in the scenario's water
 * regime (engine/risk/spread.ts: the weather CV of its region or regime, the field's own noise and
 * the catastrophe tail), around the forecast; the drawn ranges of the coefficients (HSF uplift,
 * water factors, prices) are not in it, since those are what calibration looks at. Margins as
 * actualMargin says. Group, crop and total rows sum production and margin and count fields outside
 * their band; their error is that of the summed production. Actuals of other seasons are ignored;
 * this season's actuals of fields the plan does not have are counted in `skipped`; a field with two
 * actuals for the season is a VALIDATION error (duplicate_year), never a silent pick.
 */
export function comparePlanToActual(plan: Plan, actuals: ActualRecord[], season: SeasonRecord): PlanVsActual {
  const forecast = forecastSeason(plan, season)
  const { result, fields } = forecast
  const values = valuesOf(effectiveAssumptions(plan.assumptions))
  const price = moneyParams(values).price
  const spreadParams = yieldSpreadParams(values)
  const quantiles = new Map<string, number[]>()

  const indexOf = new Map(fields.map((f, i) => [f.id, i]))
  const actualOf = new Map<number, ActualRecord>()
  let skipped = 0
  for (const a of actuals) {
    if (a.seasonYear !== season.seasonYear) continue
    if (!indexOf.has(a.fieldId)) {
      skipped++
      continue
    }
    if (actualOf.has(a.fieldId)) {
      throw new AppError('VALIDATION', `Field ${a.fieldId} has two actuals for ${season.seasonYear}`, {
        issues: [
          {
            path: ['actuals', a.fieldId, 'seasonYear'],
            rule: 'duplicate_year',
            params: { year: season.seasonYear },
          },
        ],
      })
    }
    actualOf.set(a.fieldId, a)
  }

  const comparisons: FieldComparison[] = []
  fields.forEach((field, i) => {
    const actual = actualOf.get(field.id)
    if (!actual) return
    const r = result.fields[i]!
    const region = field.region ?? plan.workspace.region
    const key = `${r.waterRegime}:${region}`
    let q = quantiles.get(key)
    if (!q) {
      q = yieldQuantiles(fieldSpread(r.waterRegime, region, spreadParams), BAND)
      quantiles.set(key, q)
    }
    const forecastKgPerHa = r.yieldKgPerHa
    const p10KgPerHa = forecastKgPerHa * q[0]!
    const p90KgPerHa = forecastKgPerHa * q[1]!
    const errorKgPerHa = actual.yieldKgPerHa - forecastKgPerHa
    comparisons.push({
      fieldId: field.id,
      fieldName: field.name,
      village: field.village,
      groupId: field.groupId ?? null,
      crop: field.crop,
      areaHa: field.areaHa,
      forecastKgPerHa,
      actualKgPerHa: actual.yieldKgPerHa,
      errorKgPerHa,
      errorPct: forecastKgPerHa > 0 ? (errorKgPerHa / forecastKgPerHa) * 100 : 0,
      p10KgPerHa,
      p90KgPerHa,
      band: band(actual.yieldKgPerHa, p10KgPerHa, p90KgPerHa),
      forecastMarginYuan: r.money.grossMarginYuan,
      actualMarginYuan: actualMargin(r, actual, price[field.crop]),
    })
  })

  const byGroup: ComparisonRollup[] = []
  for (const g of plan.groups) {
    const rows = comparisons.filter((c) => c.groupId === g.id)
    if (rows.length > 0) byGroup.push(rollup(String(g.id), rows, g.name))
  }
  const ungrouped = comparisons.filter(
    (c) => c.groupId === null || !plan.groups.some((g) => g.id === c.groupId),
  )
  if (ungrouped.length > 0) byGroup.push(rollup('none', ungrouped, ''))
  const byCrop = CROPS.flatMap((crop) => {
    const rows = comparisons.filter((c) => c.crop === crop)
    return rows.length > 0 ? [rollup(crop, rows)] : []
  })

  return {
    seasonYear: season.seasonYear,
    scenarioId: forecast.scenario.id,
    scenarioName: forecast.scenario.name,
    fields: comparisons,
    byGroup,
    byCrop,
    total: rollup('total', comparisons),
    skipped,
    unrecorded: fields.length - comparisons.length,
  }
}
