import type { DB } from '../../db/connection'
import type { WriteContext } from '../../db/repositories/context'
import { importFieldRows, listFields } from '../../db/repositories/fields'
import { groupIdsByKey } from '../../db/repositories/groups'
import { cropOfVarietyLookup, listVarieties } from '../../db/repositories/varieties'
import { getWorkspace } from '../../db/repositories/workspace'
import { type ExistingField, guessMapping, parseFieldRows } from '../../engine/csv/fields-csv'
import { readCsv } from '../../engine/csv/read-csv'
import type { CsvImportResult, CsvPreview, CsvRequest } from '../contract/contract'
import { bytesOf, PROBLEMS_LISTED, refused } from './csv-request'

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase()

/** How many rows the preview shows. */
const PREVIEW_ROWS = 20

/**
 * The one reading of a field CSV that both the preview and the import use: decode, parse, check
 * every rule against the workspace as it is, with the workspace's region giving the defaults and
 * `now` the current season. Refuses (throws VALIDATION) what cannot be a field list at all; names
 * everything else by spreadsheet row and column.
 */
function parse(db: DB, request: CsvRequest, now: Date) {
  const table = readCsv(bytesOf(request.base64))
  const guessed = guessMapping(table.headers)
  const mapping =
    request.mapping && request.mapping.length === table.headers.length ? request.mapping : guessed
  const varieties = new Map<string, number>()
  for (const v of listVarieties(db)) {
    const key = `${v.crop}:${norm(v.name)}`
    if (!varieties.has(key)) varieties.set(key, v.id)
  }
  const groups = groupIdsByKey(db)
  const fields = new Map<string, ExistingField>()
  if (table.decoded)
    for (const { createdAt: _c, updatedAt: _u, ...f } of listFields(db)) fields.set(f.name, f)
  const region = getWorkspace(db)?.region ?? 'central'
  const onExisting = request.onExisting ?? 'stop'
  const parsed = parseFieldRows(
    table,
    mapping,
    request.units,
    {
      varietyId: (crop, name) => varieties.get(`${crop}:${norm(name)}`) ?? null,
      cropOfVariety: cropOfVarietyLookup(db),
      groupIdByKey: (key) => groups.get(key) ?? null,
      existingField: (name) => fields.get(name) ?? null,
    },
    { onExisting, region, currentYear: now.getFullYear() },
  )
  return { table, guessed, mapping, region, onExisting, ...parsed }
}

/**
 * What an import would write (new, updated and skipped rows), every problem by row and column,
 * the unit each column is read in, and every default it would fill in; writes nothing.
 */
export function previewCsv(db: DB, request: CsvRequest, now: Date): CsvPreview {
  const p = parse(db, request, now)
  const shown = p.rows.slice(0, PREVIEW_ROWS)
  return {
    encoding: p.table.encoding,
    headers: p.table.headers,
    guessed: p.guessed,
    mapping: p.mapping,
    columnUnits: p.columnUnits,
    rowCount: p.table.dataRows,
    preview: shown.map((r) => r.field),
    previewRows: shown.map((r) => ({ row: r.row, action: r.existing ? 'update' : 'new' })),
    problems: p.problems.slice(0, PROBLEMS_LISTED),
    defaults: p.defaults,
    region: p.region,
    onExisting: p.onExisting,
    counts: p.counts,
  }
}

/**
 * All rows or none: the same checks as the preview, and one problem anywhere means nothing is
 * written. New fields are added and, with onExisting 'update', the fields the file names are
 * updated in the same transaction (each one's revision bumped, each change in the audit log).
 */
export function importCsv(db: DB, ctx: WriteContext, request: CsvRequest): CsvImportResult {
  const p = parse(db, request, ctx.now())
  if (p.problems.length > 0) throw refused(p.problems)
  const { update, unchanged, skip } = p.counts
  if (p.rows.length === 0 && skip === 0 && unchanged === 0)
    throw refused([{ row: 0, column: '', rule: 'csv_empty' }])
  const written = p.rows.length === 0 ? 0 : importFieldRows(db, ctx, p.rows, 'csv')
  // Absent counts are none: an import of new fields answers { imported } alone.
  return {
    imported: written,
    ...(update > 0 ? { updated: update } : {}),
    ...(unchanged > 0 ? { unchanged } : {}),
    ...(skip > 0 ? { skipped: skip } : {}),
  }
}
