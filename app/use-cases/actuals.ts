import type { DB } from '../../db/connection'
import {
  actualSeasons,
  listActuals,
  seasonRecord,
  setSeasonScenario,
  writeActuals,
} from '../../db/repositories/actuals'
import type { WriteContext } from '../../db/repositories/context'
import type { ActualsWritten, OnHistoryConflict } from '../../engine/actuals/entry'
import type { ActualRecord, SeasonRecord } from '../../engine/actuals/types'
import { futureYear } from '../../engine/csv/season'
import { AppError, type Issue } from '../../engine/errors'
import type { ActualsSeason } from '../contract/contract'

/** One season's actuals, the scenario carried out, and which seasons have any record. */
export function actualsOfSeason(db: DB, seasonYear: number): ActualsSeason {
  return {
    seasonYear,
    scenarioId: seasonRecord(db, seasonYear).scenarioId,
    records: listActuals(db, seasonYear),
    seasons: actualSeasons(db),
  }
}

/** A season after the current one has no harvest yet: refused by rule, nothing written. */
export function checkSeasonYear(seasonYear: number, now: Date, path: Issue['path'] = ['seasonYear']): void {
  const limit = now.getFullYear()
  if (futureYear(seasonYear, limit))
    throw new AppError('VALIDATION', 'That harvest has not happened yet', {
      issues: [{ path, rule: 'year_in_future', params: { year: seasonYear, limit } }],
    })
}

export type HandRow = Omit<ActualRecord, 'seasonYear'>

/**
 * Actuals typed by hand for one season, several fields at once: every row is checked first, and
 * one refusal means nothing is written. The fields' yield histories grow by the season (see
 * writeActuals); a history figure the actual differs from is named, by row, until the user says
 * whether the actual replaces it or is kept beside it.
 */
export function setActualsByHand(
  db: DB,
  ctx: WriteContext,
  input: { seasonYear: number; rows: HandRow[]; onHistoryConflict?: OnHistoryConflict | undefined },
): ActualsWritten {
  checkSeasonYear(input.seasonYear, ctx.now())
  const seen = new Map<number, number>()
  const issues: Issue[] = []
  input.rows.forEach((r, i) => {
    if (seen.has(r.fieldId)) issues.push({ path: ['rows', i, 'fieldId'], rule: 'duplicate_id' })
    seen.set(r.fieldId, i)
  })
  if (issues.length > 0) throw new AppError('VALIDATION', 'A field is named twice', { issues })
  const records = input.rows.map((r) => ({ ...r, seasonYear: input.seasonYear }))
  return writeActuals(db, ctx, records, 'hand', input.onHistoryConflict ?? 'stop', (c) => [
    'rows',
    seen.get(c.fieldId) ?? 0,
    'yieldKgPerHa',
  ])
}

/** Records the scenario the co-op carried out in a season (null: current practice). */
export function setScenarioCarriedOut(
  db: DB,
  ctx: WriteContext,
  input: { seasonYear: number; scenarioId: number | null },
): SeasonRecord {
  checkSeasonYear(input.seasonYear, ctx.now())
  return setSeasonScenario(db, ctx, input.seasonYear, input.scenarioId)
}
