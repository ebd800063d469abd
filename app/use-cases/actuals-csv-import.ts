import type { DB } from '../../db/connection'
import { historyConflicts, listActuals, writeActuals } from '../../db/repositories/actuals'
import type { WriteContext } from '../../db/repositories/context'
import { listFields } from '../../db/repositories/fields'
import type { ActualsWritten } from '../../engine/actuals/entry'
import type { ActualRecord } from '../../engine/actuals/types'
import { parseActualsCsv } from '../../engine/csv/actuals-csv'
import type { ActualsCsvPreview, ActualsCsvRequest } from '../contract/contract'
import { bytesOf, PROBLEMS_LISTED, refused } from './csv-request'

/** How many rows the preview shows. */
const PREVIEW_ROWS = 20

/** The one reading of an actuals CSV that the preview and the import share. */
function parse(db: DB, request: ActualsCsvRequest, now: Date) {
  const fields = listFields(db)
  const parsed = parseActualsCsv(
    bytesOf(request.base64),
    fields.map((f) => ({ id: f.id, name: f.name })),
    request.units,
    now.getFullYear(),
  )
  const names = new Map(fields.map((f) => [f.id, f.name]))
  return { ...parsed, names }
}

const same = (a: ActualRecord, b: ActualRecord) =>
  a.yieldKgPerHa === b.yieldKgPerHa &&
  a.priceYuanPerKg === b.priceYuanPerKg &&
  a.costYuanPerHa === b.costYuanPerHa

/**
 * What an import would write: the first rows as read (canonical units), how many are new, change
 * a recorded actual or repeat it, every problem by row and column, and every field whose yield
 * history holds another figure for the season (both numbers named). Writes nothing.
 */
export function previewActualsCsv(db: DB, request: ActualsCsvRequest, now: Date): ActualsCsvPreview {
  const p = parse(db, request, now)
  const stored = new Map(listActuals(db).map((a) => [`${a.fieldId}:${a.seasonYear}`, a]))
  const counts = { new: 0, update: 0, unchanged: 0 }
  for (const r of p.records) {
    const s = stored.get(`${r.fieldId}:${r.seasonYear}`)
    if (!s) counts.new++
    else if (same(s, r)) counts.unchanged++
    else counts.update++
  }
  return {
    encoding: p.encoding,
    rowCount: p.rows,
    preview: p.records.slice(0, PREVIEW_ROWS).map((r) => ({ ...r, fieldName: p.names.get(r.fieldId) ?? '' })),
    problems: p.problems.slice(0, PROBLEMS_LISTED),
    seasons: [...new Set(p.records.map((r) => r.seasonYear))].sort((a, b) => a - b),
    counts,
    conflicts: historyConflicts(db, p.records),
  }
}

/**
 * All rows or none: the preview's checks, and one problem anywhere means nothing is written. A
 * history conflict the request has not decided (onHistoryConflict absent or 'stop') refuses the
 * whole file too, naming each field, season and both figures.
 */
export function importActualsCsv(
  db: DB,
  ctx: WriteContext,
  request: ActualsCsvRequest,
): ActualsWritten & { imported: number } {
  const p = parse(db, request, ctx.now())
  if (p.problems.length > 0) throw refused(p.problems)
  if (p.records.length === 0) throw refused([{ row: 0, column: '', rule: 'csv_empty' }])
  const written = writeActuals(db, ctx, p.records, 'csv', request.onHistoryConflict ?? 'stop', (c) => [
    c.fieldName,
    c.year,
  ])
  return { ...written, imported: written.created + written.updated }
}
