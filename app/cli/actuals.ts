import { fitCalibration } from '../../engine/actuals/calibrate'
import { comparePlanToActual } from '../../engine/actuals/compare'
import type { CalibrationFit, ComparisonRollup, PlanVsActual, SeasonRecord } from '../../engine/actuals/types'
import { type ActualsCsvUnits, parseActualsCsv } from '../../engine/csv/actuals-csv'
import { CSV_MAX_BYTES, type CsvProblem } from '../../engine/csv/read-csv'
import { AppError } from '../../engine/errors'
import { type Locale, lookup, translate } from '../../engine/i18n/translate'
import type { Plan } from '../../engine/schemas/plan'
import {
  AREA_UNITS,
  type AreaUnit,
  fromKg,
  MASS_UNITS,
  type MassUnit,
  yieldFromKgPerHa,
} from '../../engine/units'
import { type Parsed, UsageError } from './args'

export type ActualsIo = {
  readFile: (path: string, maxBytes: number) => Uint8Array
  now: () => Date
}

/** How many of a CSV's problems the one failure line names before it says how many more there are. */
const PROBLEMS_LISTED = 10

type Units = { mass: MassUnit; area: AreaUnit }

/** `--units mu|ha|jin/mu|kg/ha|…`: the yield unit; the plan's own units when not given. */
function unitsOf(flag: string | true | undefined, plan: Plan): Units {
  const own = { mass: plan.workspace.massUnit, area: plan.workspace.areaUnit }
  if (flag === undefined) return own
  const text = String(flag).trim().toLowerCase()
  if ((AREA_UNITS as readonly string[]).includes(text)) return { ...own, area: text as AreaUnit }
  const [mass, area, extra] = text.split('/')
  if (
    extra === undefined &&
    (MASS_UNITS as readonly string[]).includes(mass ?? '') &&
    (AREA_UNITS as readonly string[]).includes(area ?? '')
  )
    return { mass: mass as MassUnit, area: area as AreaUnit }
  throw new UsageError('cli.actuals.units')
}

/** The scenario carried out, by name or by id; the baseline when none is given. */
function scenarioOf(plan: Plan, flag: string | true | undefined): number | null {
  if (typeof flag !== 'string') return null
  const found =
    plan.scenarios.find((s) => s.name === flag) ??
    (/^\d{1,9}$/.test(flag) ? plan.scenarios.find((s) => s.id === Number(flag)) : undefined)
  if (!found)
    throw new AppError('VALIDATION', `The plan has no scenario ${flag}`, {
      issues: [{ path: [], rule: 'unknown_scenario', params: { value: flag } }],
    })
  return found.id
}

/** Every problem of the CSV in one line (the first PROBLEMS_LISTED of them), in the user's language. */
function problemsLine(locale: Locale, problems: readonly CsvProblem[]): string {
  const listed = problems.slice(0, PROBLEMS_LISTED).map((p) => {
    const ruleKey = `errors.rule.${p.rule}`
    const message = lookup(locale, ruleKey) ? translate(locale, ruleKey, p.params ?? {}) : p.rule
    if (p.row === 0) {
      const columnKey = `cli.actuals.column.${p.column}`
      const column = lookup(locale, columnKey) ? translate(locale, columnKey) : p.column
      return translate(locale, 'cli.actuals.problemFile', { message, column })
    }
    return translate(locale, 'cli.actuals.problemAt', { row: p.row, column: p.column, message })
  })
  if (problems.length > PROBLEMS_LISTED)
    listed.push(translate(locale, 'cli.actuals.moreProblems', { count: problems.length - PROBLEMS_LISTED }))
  return listed.join(locale === 'zh-CN' ? '；' : '; ')
}

/**
 * `actuals <plan.json> <actuals.csv> [--scenario ID|NAME] [--units mu|ha|jin/mu|…] [--json]`: each
 * season of the CSV against the forecast of the scenario carried out (the baseline unless
 * --scenario names one; the same scenario for every season of the file), then the calibration
 * proposals from all of them. The CSV's numbers are read in the units its headers name, else in
 * --units (price per its mass, cost per its area), else in the plan's own units. Exit 2 with every
 * problem listed (up to ten) when the CSV has any: nothing is compared from a half-read file.
 */
export function actualsCommand(io: ActualsIo, args: Parsed, plan: Plan, locale: Locale): { stdout: string } {
  const csvPath = args.positional[1]
  if (!csvPath) throw new UsageError('cli.needsFile', { command: 'actuals', file: 'actuals.csv' })
  const units = unitsOf(args.flags.get('units'), plan)
  const scenarioId = scenarioOf(plan, args.flags.get('scenario'))
  const csvUnits: ActualsCsvUnits = {
    yieldMass: units.mass,
    yieldArea: units.area,
    priceMass: units.mass,
    costArea: units.area,
  }
  const parsed = parseActualsCsv(
    io.readFile(csvPath, CSV_MAX_BYTES),
    plan.fields,
    csvUnits,
    io.now().getUTCFullYear(),
  )
  if (parsed.problems.length > 0)
    throw new UsageError('cli.actuals.badCsv', {
      count: parsed.problems.length,
      problems: problemsLine(locale, parsed.problems),
    })
  if (parsed.records.length === 0) throw new UsageError('cli.actuals.noActuals')

  const years = [...new Set(parsed.records.map((r) => r.seasonYear))].sort((a, b) => a - b)
  const seasons: SeasonRecord[] = years.map((seasonYear) => ({ seasonYear, scenarioId }))
  const comparisons = seasons.map((s) => comparePlanToActual(plan, parsed.records, s))
  const calibration = fitCalibration(plan, parsed.records, seasons)
  if (args.flags.get('json') === true)
    return {
      stdout: `${JSON.stringify({ units: 'kg/ha, yuan/kg, yuan/ha, yuan', encoding: parsed.encoding, seasons: comparisons, calibration }, null, 2)}\n`,
    }
  return { stdout: `${text(locale, units, comparisons, calibration).join('\n')}\n` }
}

function text(locale: Locale, units: Units, comparisons: PlanVsActual[], fit: CalibrationFit): string[] {
  const t = (key: string, params: Record<string, unknown> = {}) =>
    translate(locale, `cli.actuals.${key}`, params)
  const fmt = (x: number, d = 0) =>
    x.toLocaleString(locale, { maximumFractionDigits: d, minimumFractionDigits: d })
  const pct = (x: number, d = 1) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${fmt(Math.abs(x), d)} %`
  const unit = translate(locale, 'units.perArea', {
    unit: translate(locale, `units.${units.mass}`),
    area: translate(locale, `units.${units.area}`),
  })
  const y = (kgPerHa: number) => fmt(yieldFromKgPerHa(kgPerHa, units.mass, units.area))
  const tonnes = (kg: number) => fmt(fromKg(kg, 't'), 1)
  const rollupLine = (r: ComparisonRollup, name: string) =>
    t('rollup', {
      name,
      fields: r.fields,
      error: pct(r.errorPct),
      forecastMargin: fmt(r.forecastMarginYuan),
      actualMargin: fmt(r.actualMarginYuan),
      outside: r.outsideBand,
    })
  const lines: string[] = []
  for (const c of comparisons) {
    lines.push(t('season', { year: c.seasonYear, scenario: c.scenarioName }))
    lines.push(t('header', { unit }))
    for (const f of c.fields)
      lines.push(
        [
          f.fieldName,
          y(f.forecastKgPerHa),
          y(f.actualKgPerHa),
          pct(f.errorPct),
          `${y(f.p10KgPerHa)}–${y(f.p90KgPerHa)} ${t(`band.${f.band}`)}`,
          `${fmt(f.forecastMarginYuan)} → ${fmt(f.actualMarginYuan)}`,
        ].join(' | '),
      )
    const total = c.total
    lines.push(
      t('total', {
        fields: total.fields,
        forecast: tonnes(total.forecastProductionKg),
        actual: tonnes(total.actualProductionKg),
        error: pct(total.errorPct),
        forecastMargin: fmt(total.forecastMarginYuan),
        actualMargin: fmt(total.actualMarginYuan),
        outside: total.outsideBand,
      }),
    )
    lines.push(t('byCrop'))
    for (const r of c.byCrop) lines.push(rollupLine(r, translate(locale, `crop.${r.key}`)))
    lines.push(t('byGroup'))
    for (const r of c.byGroup) lines.push(rollupLine(r, r.key === 'none' ? t('noGroup') : (r.name ?? r.key)))
    if (c.skipped > 0) lines.push(t('skipped', { count: c.skipped }))
    if ((c.unrecorded ?? 0) > 0) lines.push(t('unrecorded', { count: c.unrecorded }))
    lines.push('')
  }
  const seasonText = fit.seasons
    .map((s) => t('seasonEffect', { year: s.seasonYear, effect: pct(s.effectPct) }))
    .join(locale === 'zh-CN' ? '，' : ', ')
  lines.push(t('calibration', { observations: fit.observations, seasons: seasonText }))
  for (const p of fit.proposals) {
    const factor = t(`factor.${p.factor}`)
    if (p.status === 'no_evidence') {
      lines.push(t('status.no_evidence', { factor, key: p.assumptionKey }))
      continue
    }
    lines.push(
      t('proposal', {
        factor,
        key: p.assumptionKey,
        bias: pct(p.biasPct),
        raw: pct(p.rawBiasPct),
        se: `${fmt(p.standardErrorPct, 1)} %`,
        weight: fmt(p.evidenceWeight, 2),
        fields: p.fields,
        seasons: p.seasons,
      }),
    )
    lines.push(
      t(`status.${p.status ?? 'within_noise'}`, {
        key: p.assumptionKey,
        current: fmt(p.currentValue, 4),
        proposed: p.proposedValue === null ? '' : fmt(p.proposedValue, 4),
      }),
    )
  }
  return lines
}
