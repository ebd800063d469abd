import { z } from 'zod'
import { ACTUAL_SOURCES, ACTUAL_LIMITS as L } from '../../engine/actuals/entry'
import { AppError, type Rule } from '../../engine/errors'
import type { Plan } from '../../engine/schemas/plan'
import { toIssues } from '../../engine/validation'

/**
 * The season after (实收) as a whole-plan file carries it: every actual the co-op recorded (field
 * by the plan's field id, season, yield kg/ha, price yuan/kg, cost yuan/ha, how and when entered)
 * and, for each season recorded, the scenario it carried out (null: none, read as the baseline).
 * Values are carried exactly as stored, never rounded. Only a whole-plan export carries it; a
 * version's or a set of scenarios' file does not (a version is a frozen plan, not the co-op's
 * harvest records). A merge never takes it: importing as a new workspace does.
 */

/** Most seasons a file may carry, and fields per season (the plan's own limit). */
export const FILE_SEASONS_MAX = 100
export const FILE_ACTUALS_PER_SEASON_MAX = 50_000

const Year = z.number().int().min(L.firstYear).max(L.lastYear)
const Id = z.number().int().positive()
const Time = z.string().min(1).max(40)

export const FileActualSchema = z
  .object({
    fieldId: Id,
    seasonYear: Year,
    yieldKgPerHa: z.number().min(0).max(L.yieldMaxKgPerHa),
    priceYuanPerKg: z.number().min(0).max(L.priceMaxYuanPerKg).nullable(),
    costYuanPerHa: z.number().min(0).max(L.costMaxYuanPerHa).nullable(),
    source: z.enum(ACTUAL_SOURCES),
    recordedAt: Time,
  })
  .strict()

export const FileSeasonRecordSchema = z
  .object({ seasonYear: Year, scenarioId: Id.nullable(), recordedAt: Time })
  .strict()

export const FileSeasonsSchema = z
  .object({
    actuals: z.array(FileActualSchema).max(FILE_SEASONS_MAX * FILE_ACTUALS_PER_SEASON_MAX),
    carriedOut: z.array(FileSeasonRecordSchema).max(FILE_SEASONS_MAX),
  })
  .strict()

export type FileSeasons = z.infer<typeof FileSeasonsSchema>
export type FileSeasonRecord = z.infer<typeof FileSeasonRecordSchema>

function refused(rule: Rule, path: (string | number)[], params: Record<string, string | number>): AppError {
  return new AppError('VALIDATION', 'The season records inside the plan file do not hold together', {
    issues: [{ path, rule, params }],
  })
}

/**
 * Checks a file's seasons against its (checked) plan: the shape and ranges, at most 100 seasons,
 * one actual per field and season, one record per season, and every field and scenario named is
 * one the plan holds. Any problem refuses the file, naming the place.
 */
export function checkFileSeasons(raw: unknown, plan: Plan): FileSeasons {
  const parsed = FileSeasonsSchema.safeParse(raw)
  if (!parsed.success)
    throw new AppError('VALIDATION', 'The season records inside the plan file are invalid', {
      issues: toIssues(parsed.error, raw).map((i) => ({ ...i, path: ['seasons', ...i.path] })),
    })
  const seasons = parsed.data
  const years = new Set([...seasons.actuals, ...seasons.carriedOut].map((r) => r.seasonYear))
  if (years.size > FILE_SEASONS_MAX)
    throw refused('file_too_many_seasons', ['seasons'], { count: years.size, limit: FILE_SEASONS_MAX })
  const fields = new Set(plan.fields.map((f) => f.id))
  const scenarios = new Set(plan.scenarios.map((s) => s.id))
  const seen = new Set<string>()
  seasons.actuals.forEach((a, i) => {
    const path = ['seasons', 'actuals', i, 'fieldId']
    if (!fields.has(a.fieldId))
      throw refused('file_actual_unknown_field', path, { id: a.fieldId, year: a.seasonYear, row: i + 1 })
    const key = `${a.fieldId}:${a.seasonYear}`
    if (seen.has(key))
      throw refused('file_actual_duplicate', path, { id: a.fieldId, year: a.seasonYear, row: i + 1 })
    seen.add(key)
  })
  const recorded = new Set<number>()
  seasons.carriedOut.forEach((s, i) => {
    if (recorded.has(s.seasonYear))
      throw refused('file_season_duplicate', ['seasons', 'carriedOut', i, 'seasonYear'], {
        year: s.seasonYear,
      })
    recorded.add(s.seasonYear)
    if (s.scenarioId !== null && !scenarios.has(s.scenarioId))
      throw refused('file_season_unknown_scenario', ['seasons', 'carriedOut', i, 'scenarioId'], {
        id: s.scenarioId,
        year: s.seasonYear,
      })
  })
  return seasons
}
