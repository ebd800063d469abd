import type { DB } from '../../db/connection'
import type { WriteContext } from '../../db/repositories/context'
import { importVarieties, listVarieties } from '../../db/repositories/varieties'
import { readCsv } from '../../engine/csv/read-csv'
import { parseVarietyRows } from '../../engine/csv/varieties-csv'
import type { AreaUnit } from '../../engine/units'
import type { VarietyCsvResult } from '../contract/contract'
import { bytesOf, PROBLEMS_LISTED, refused } from './csv-request'

/**
 * Checks a variety CSV and, unless it is a dry run and only when nothing is wrong, adds every row.
 * The dry run and the import read and check the file the same way; what cannot be a variety list
 * at all (UTF-16, binary, too wide, too long, empty) is refused with a VALIDATION error.
 */
export function importVarietyCsv(
  db: DB,
  ctx: WriteContext,
  request: { base64: string; densityArea: AreaUnit; dryRun: boolean },
): VarietyCsvResult {
  const table = readCsv(bytesOf(request.base64))
  const existing = new Set(listVarieties(db).map((v) => `${v.crop}:${v.name}`))
  const { varieties, problems } = parseVarietyRows(table, request.densityArea, {
    nameTaken: (crop, name) => existing.has(`${crop}:${name}`),
  })
  const names = varieties.map((v) => v.name)
  if (request.dryRun)
    return { encoding: table.encoding, names, problems: problems.slice(0, PROBLEMS_LISTED), imported: 0 }
  if (problems.length > 0) throw refused(problems)
  if (varieties.length === 0) throw refused([{ row: 0, column: '', rule: 'csv_empty' }])
  return { encoding: table.encoding, names, problems: [], imported: importVarieties(db, ctx, varieties) }
}
