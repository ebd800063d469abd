import type { DB } from '../../db/connection'
import type { WriteContext } from '../../db/repositories/context'
import { importFieldRows } from '../../db/repositories/fields'
import { listGroups } from '../../db/repositories/groups'
import { listVarieties } from '../../db/repositories/varieties'
import { guessMapping, parseFieldRows, readTable } from '../../engine/csv/fields-csv'
import { decodeText } from '../../engine/csv-numbers'
import { AppError } from '../../engine/errors'
import type { CsvPreview, CsvRequest } from '../contract/contract'

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase()

function parse(db: DB, request: CsvRequest) {
  const { text, encoding } = decodeText(new Uint8Array(Buffer.from(request.base64, 'base64')))
  const { headers, rows } = readTable(text)
  const mapping =
    request.mapping && request.mapping.length === headers.length ? request.mapping : guessMapping(headers)
  const varieties = listVarieties(db)
  const groups = listGroups(db)
  const parsed = parseFieldRows(headers, rows, mapping, request.units, {
    varietyId: (crop, name) =>
      varieties.find((v) => v.crop === crop && norm(v.name) === norm(name))?.id ?? null,
    groupId: (name) => groups.find((g) => norm(g.name) === norm(name))?.id ?? null,
  })
  return { encoding, headers, mapping, rowCount: rows.length, ...parsed }
}

/** What an import would write, and every problem by row and column; writes nothing. */
export function previewCsv(db: DB, request: CsvRequest): CsvPreview {
  const p = parse(db, request)
  return {
    encoding: p.encoding,
    headers: p.headers,
    mapping: p.mapping,
    rowCount: p.rowCount,
    preview: p.rows.slice(0, 20).map((r) => r.field),
    problems: p.problems.slice(0, 200),
  }
}

/** All rows or none: one problem anywhere and nothing is written. */
export function importCsv(db: DB, ctx: WriteContext, request: CsvRequest): { imported: number } {
  const p = parse(db, request)
  if (p.problems.length > 0) {
    throw new AppError('VALIDATION', 'The CSV has problems; nothing was imported', {
      problems: p.problems.slice(0, 200),
    })
  }
  return { imported: importFieldRows(db, ctx, p.rows, 'csv') }
}
