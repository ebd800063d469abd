import type { DB } from '../../db/connection'
import type { WriteContext } from '../../db/repositories/context'
import { importFieldRows, listFields } from '../../db/repositories/fields'
import { groupIdsByKey } from '../../db/repositories/groups'
import { listVarieties } from '../../db/repositories/varieties'
import { guessMapping, parseFieldRows } from '../../engine/csv/fields-csv'
import { readCsv } from '../../engine/csv/read-csv'
import type { CsvPreview, CsvRequest } from '../contract/contract'
import { bytesOf, PROBLEMS_LISTED, refused } from './csv-request'

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase()

/**
 * The one reading of a field CSV that both the preview and the import use: decode, parse, check
 * every rule against the workspace as it is. Refuses (throws VALIDATION) what cannot be a field
 * list at all; names everything else by spreadsheet row and column.
 */
function parse(db: DB, request: CsvRequest) {
  const table = readCsv(bytesOf(request.base64))
  const mapping =
    request.mapping && request.mapping.length === table.headers.length
      ? request.mapping
      : guessMapping(table.headers)
  const varieties = new Map<string, number>()
  for (const v of listVarieties(db)) {
    const key = `${v.crop}:${norm(v.name)}`
    if (!varieties.has(key)) varieties.set(key, v.id)
  }
  const groups = groupIdsByKey(db)
  const names = new Set(table.decoded ? listFields(db).map((f) => f.name) : [])
  const parsed = parseFieldRows(table, mapping, request.units, {
    varietyId: (crop, name) => varieties.get(`${crop}:${norm(name)}`) ?? null,
    groupIdByKey: (key) => groups.get(key) ?? null,
    fieldNameTaken: (name) => names.has(name),
  })
  return { table, mapping, ...parsed }
}

/** What an import would write, every problem by row and column, and every default it would fill in; writes nothing. */
export function previewCsv(db: DB, request: CsvRequest): CsvPreview {
  const p = parse(db, request)
  return {
    encoding: p.table.encoding,
    headers: p.table.headers,
    mapping: p.mapping,
    rowCount: p.table.dataRows,
    preview: p.rows.slice(0, 20).map((r) => r.field),
    problems: p.problems.slice(0, PROBLEMS_LISTED),
    defaults: p.defaults,
  }
}

/** All rows or none: the same checks as the preview, and one problem anywhere means nothing is written. */
export function importCsv(db: DB, ctx: WriteContext, request: CsvRequest): { imported: number } {
  const p = parse(db, request)
  if (p.problems.length > 0) throw refused(p.problems)
  if (p.rows.length === 0) throw refused([{ row: 0, column: '', rule: 'csv_empty' }])
  return { imported: importFieldRows(db, ctx, p.rows, 'csv') }
}
