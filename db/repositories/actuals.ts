import type {
  ActualEntry,
  ActualSource,
  ActualsWritten,
  HistoryConflict,
  OnHistoryConflict,
} from '../../engine/actuals/entry'
import type { ActualRecord, SeasonRecord } from '../../engine/actuals/types'
import { AppError, type Issue } from '../../engine/errors'
import type { DB } from '../connection'
import { recordAudit } from './audit'
import type { WriteContext } from './context'

type Row = {
  field_id: number
  season_year: number
  yield_kg_per_ha: number
  price_yuan_per_kg: number | null
  cost_yuan_per_ha: number | null
  source: ActualSource
  recorded_at: string
}

const toEntry = (r: Row): ActualEntry => ({
  fieldId: r.field_id,
  seasonYear: r.season_year,
  yieldKgPerHa: r.yield_kg_per_ha,
  priceYuanPerKg: r.price_yuan_per_kg,
  costYuanPerHa: r.cost_yuan_per_ha,
  source: r.source,
  recordedAt: r.recorded_at,
})

const SELECT = `SELECT field_id, season_year, yield_kg_per_ha, price_yuan_per_kg, cost_yuan_per_ha, source,
  recorded_at FROM actual_yield`

/** The actuals of one season, or of every season, by field. */
export function listActuals(db: DB, seasonYear?: number): ActualEntry[] {
  const rows =
    seasonYear === undefined
      ? (db.prepare(`${SELECT} ORDER BY season_year, field_id`).all() as Row[])
      : (db.prepare(`${SELECT} WHERE season_year = ? ORDER BY field_id`).all(seasonYear) as Row[])
  return rows.map(toEntry)
}

/** The seasons with any actual or a recorded scenario, newest first. */
export function actualSeasons(db: DB): number[] {
  const rows = db
    .prepare(
      `SELECT season_year AS y FROM actual_yield UNION SELECT season_year AS y FROM season_record ORDER BY y DESC`,
    )
    .all() as { y: number }[]
  return rows.map((r) => r.y)
}

/** Which scenario was carried out in each recorded season. */
export function listSeasonRecords(db: DB): SeasonRecord[] {
  const rows = db
    .prepare('SELECT season_year, scenario_id FROM season_record ORDER BY season_year')
    .all() as { season_year: number; scenario_id: number | null }[]
  return rows.map((r) => ({ seasonYear: r.season_year, scenarioId: r.scenario_id }))
}

/** The season's record, or none recorded (null scenario: read as the baseline). */
export function seasonRecord(db: DB, seasonYear: number): SeasonRecord {
  const row = db.prepare('SELECT scenario_id FROM season_record WHERE season_year = ?').get(seasonYear) as
    | { scenario_id: number | null }
    | undefined
  return { seasonYear, scenarioId: row?.scenario_id ?? null }
}

/** Records which scenario the co-op carried out in a season (null: none, current practice); audited. */
export function setSeasonScenario(
  db: DB,
  ctx: WriteContext,
  seasonYear: number,
  scenarioId: number | null,
): SeasonRecord {
  db.transaction(() => {
    if (scenarioId !== null && !db.prepare('SELECT 1 FROM scenario WHERE id = ?').get(scenarioId))
      throw new AppError('VALIDATION', 'No such scenario', {
        issues: [{ path: ['scenarioId'], rule: 'unknown_reference' }],
      })
    const before = seasonRecord(db, seasonYear).scenarioId
    db.prepare(
      `INSERT INTO season_record (season_year, scenario_id, recorded_at) VALUES (?, ?, ?)
       ON CONFLICT (season_year) DO UPDATE SET scenario_id = excluded.scenario_id, recorded_at = excluded.recorded_at`,
    ).run(seasonYear, scenarioId, ctx.now().toISOString())
    recordAudit(db, ctx, {
      action: 'update',
      entity: 'season',
      entityId: seasonYear,
      summary: String(seasonYear),
      detail: { seasonYear, from: before, to: scenarioId },
    })
  })()
  return { seasonYear, scenarioId }
}

const fieldNames = (db: DB) =>
  new Map(
    (db.prepare('SELECT id, name FROM field').all() as { id: number; name: string }[]).map((f) => [
      f.id,
      f.name,
    ]),
  )

/**
 * The same yield, whatever binary noise a unit conversion left (1,100 斤/亩 read twice is 8,250
 * kg/ha both times, but 8,250.000000000001 must not read as another figure and ask the user).
 */
const sameYield = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))

/** Where the fields' yield histories hold another figure for a season the records name. */
export function historyConflicts(db: DB, records: readonly ActualRecord[]): HistoryConflict[] {
  const names = fieldNames(db)
  const get = db.prepare('SELECT yield_kg_per_ha AS y FROM field_yield WHERE field_id = ? AND year = ?')
  const conflicts: HistoryConflict[] = []
  for (const r of records) {
    const h = get.get(r.fieldId, r.seasonYear) as { y: number } | undefined
    if (h && !sameYield(h.y, r.yieldKgPerHa))
      conflicts.push({
        fieldId: r.fieldId,
        fieldName: names.get(r.fieldId) ?? '',
        year: r.seasonYear,
        historyKgPerHa: h.y,
        actualKgPerHa: r.yieldKgPerHa,
      })
  }
  return conflicts
}

/** The refusal of a write whose history conflicts the user has not decided: each one named. */
export function conflictsRefused(
  conflicts: readonly HistoryConflict[],
  path: (r: HistoryConflict) => Issue['path'],
) {
  return new AppError('VALIDATION', 'The yield history already has another figure for this season', {
    conflicts,
    issues: conflicts.map((c) => ({
      path: path(c),
      rule: 'history_conflict' as const,
      params: { field: c.fieldName, year: c.year, history: c.historyKgPerHa, actual: c.actualKgPerHa },
    })),
  })
}

const same = (a: ActualEntry, r: ActualRecord) =>
  a.yieldKgPerHa === r.yieldKgPerHa &&
  a.priceYuanPerKg === r.priceYuanPerKg &&
  a.costYuanPerHa === r.costYuanPerHa

/**
 * Writes a season's actuals, all of them or none, and grows each field's yield history by the
 * season: a year the history lacks is added; a year it holds with the same figure is left; a year
 * it holds with another figure is a conflict, decided by `onConflict` (see HistoryConflict). A
 * field whose history changes gets a new revision, so a field form loaded before cannot write
 * its old history back. One audit entry names every record changed and every conflict decided.
 */
export function writeActuals(
  db: DB,
  ctx: WriteContext,
  records: readonly ActualRecord[],
  source: ActualSource,
  onConflict: OnHistoryConflict,
  conflictPath: (r: HistoryConflict) => Issue['path'],
): ActualsWritten {
  return db.transaction(() => {
    const missing = records.filter((r) => !db.prepare('SELECT 1 FROM field WHERE id = ?').get(r.fieldId))
    if (missing.length > 0)
      throw new AppError('VALIDATION', 'No such field', {
        issues: missing.map((r) => ({ path: ['fieldId', r.fieldId], rule: 'unknown_field' as const })),
      })
    const conflicts = historyConflicts(db, records)
    if (conflicts.length > 0 && onConflict === 'stop') throw conflictsRefused(conflicts, conflictPath)
    const at = ctx.now().toISOString()
    const names = fieldNames(db)
    const existing = new Map(
      records.length === 0
        ? []
        : listActuals(db)
            .filter((a) => records.some((r) => r.seasonYear === a.seasonYear))
            .map((a) => [`${a.fieldId}:${a.seasonYear}`, a] as const),
    )
    const upsert = db.prepare(
      `INSERT INTO actual_yield (field_id, season_year, yield_kg_per_ha, price_yuan_per_kg, cost_yuan_per_ha, source, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (field_id, season_year) DO UPDATE SET yield_kg_per_ha = excluded.yield_kg_per_ha,
         price_yuan_per_kg = excluded.price_yuan_per_kg, cost_yuan_per_ha = excluded.cost_yuan_per_ha,
         source = excluded.source, recorded_at = excluded.recorded_at`,
    )
    const history = db.prepare('SELECT yield_kg_per_ha AS y FROM field_yield WHERE field_id = ? AND year = ?')
    const putHistory = db.prepare(
      `INSERT INTO field_yield (field_id, year, yield_kg_per_ha) VALUES (?, ?, ?)
       ON CONFLICT (field_id, year) DO UPDATE SET yield_kg_per_ha = excluded.yield_kg_per_ha`,
    )
    const bump = db.prepare('UPDATE field SET revision = revision + 1, updated_at = ? WHERE id = ?')
    const written: ActualsWritten = {
      created: 0,
      updated: 0,
      unchanged: 0,
      historyAdded: 0,
      historyReplaced: 0,
      historyKept: 0,
    }
    const changes: { field: string; year: number; from: ActualRecord | null; to: ActualRecord }[] = []
    for (const r of records) {
      const before = existing.get(`${r.fieldId}:${r.seasonYear}`)
      if (before && same(before, r)) written.unchanged++
      else {
        upsert.run(r.fieldId, r.seasonYear, r.yieldKgPerHa, r.priceYuanPerKg, r.costYuanPerHa, source, at)
        if (before) written.updated++
        else written.created++
        const { source: _s, recordedAt: _a, ...from } = before ?? { source: null, recordedAt: null }
        changes.push({
          field: names.get(r.fieldId) ?? '',
          year: r.seasonYear,
          from: before ? (from as ActualRecord) : null,
          to: r,
        })
      }
      const h = history.get(r.fieldId, r.seasonYear) as { y: number } | undefined
      if (h && sameYield(h.y, r.yieldKgPerHa)) continue
      if (h && onConflict === 'keep') {
        written.historyKept++
        continue
      }
      putHistory.run(r.fieldId, r.seasonYear, r.yieldKgPerHa)
      bump.run(at, r.fieldId)
      if (h) written.historyReplaced++
      else written.historyAdded++
    }
    const seasons = [...new Set(records.map((r) => r.seasonYear))].sort((a, b) => a - b)
    recordAudit(db, ctx, {
      action: source === 'csv' ? 'import' : 'update',
      entity: 'actual',
      entityId: null,
      summary: seasons.join(', '),
      detail: { source, seasons, ...written, changes: changes.slice(0, 500), conflicts, onConflict },
    })
    return written
  })()
}

/** A season's record as stored, with when it was recorded (what a plan file carries). */
export type SeasonRecordRow = SeasonRecord & { recordedAt: string }

/** Every season record as stored, oldest season first. */
export function listSeasonRecordRows(db: DB): SeasonRecordRow[] {
  const rows = db
    .prepare('SELECT season_year, scenario_id, recorded_at FROM season_record ORDER BY season_year')
    .all() as { season_year: number; scenario_id: number | null; recorded_at: string }[]
  return rows.map((r) => ({
    seasonYear: r.season_year,
    scenarioId: r.scenario_id,
    recordedAt: r.recorded_at,
  }))
}

/**
 * Inserts a plan file's actuals and season records as they were (values, how and when entered),
 * into a new workspace whose plan keeps the file's field and scenario ids; inside the transaction
 * that writes its versions. The yield histories came with the plan's fields, so they are not grown
 * here; nothing is audited beyond the plan's import.
 */
export function insertSeasonTransfer(
  db: DB,
  actuals: readonly ActualEntry[],
  carriedOut: readonly SeasonRecordRow[],
): void {
  const actual = db.prepare(
    `INSERT INTO actual_yield (field_id, season_year, yield_kg_per_ha, price_yuan_per_kg, cost_yuan_per_ha, source, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const a of actuals)
    actual.run(
      a.fieldId,
      a.seasonYear,
      a.yieldKgPerHa,
      a.priceYuanPerKg,
      a.costYuanPerHa,
      a.source,
      a.recordedAt,
    )
  const season = db.prepare(
    'INSERT INTO season_record (season_year, scenario_id, recorded_at) VALUES (?, ?, ?)',
  )
  for (const s of carriedOut) season.run(s.seasonYear, s.scenarioId, s.recordedAt)
}
