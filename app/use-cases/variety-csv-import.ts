import type { DB } from '../../db/connection'
import type { WriteContext } from '../../db/repositories/context'
import { importVarieties } from '../../db/repositories/varieties'
import { readTable } from '../../engine/csv/fields-csv'
import { parseVarietyRows } from '../../engine/csv/varieties-csv'
import { decodeText } from '../../engine/csv-numbers'
import { AppError } from '../../engine/errors'
import type { AreaUnit } from '../../engine/units'
import type { VarietyCsvResult } from '../contract/contract'

/** Checks a variety CSV and, unless it is a dry run and only when nothing is wrong, adds every row. */
export function importVarietyCsv(
  db: DB,
  ctx: WriteContext,
  request: { base64: string; densityArea: AreaUnit; dryRun: boolean },
): VarietyCsvResult {
  const { text, encoding } = decodeText(new Uint8Array(Buffer.from(request.base64, 'base64')))
  const { headers, rows } = readTable(text)
  const { varieties, problems } = parseVarietyRows(headers, rows, request.densityArea)
  const names = varieties.map((v) => v.name)
  if (request.dryRun) return { encoding, names, problems: problems.slice(0, 200), imported: 0 }
  if (problems.length > 0) {
    throw new AppError('VALIDATION', 'The CSV has problems; nothing was imported', {
      problems: problems.slice(0, 200),
    })
  }
  return { encoding, names, problems: [], imported: importVarieties(db, ctx, varieties) }
}
