import { rmSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import type { VarietyCsvResult } from '../../../app/contract/contract'
import { importVarietyCsv } from '../../../app/use-cases/variety-csv-import'
import { type DB, openDatabase } from '../../../db/connection'
import { writePlan } from '../../../db/plan-store'
import { listVarieties } from '../../../db/repositories/varieties'
import type { CsvProblem } from '../../../engine/csv/read-csv'
import { buildDemoPlan } from '../../../engine/demo-plan'
import type { AppError } from '../../../engine/errors'
import { gb18030, utf16, VARIETY_CSV_HEADER, VARIETY_CSV_ROWS } from '../../helpers/csv'
import { tempDir, testContext } from '../../helpers/db'
import { refusal } from '../../helpers/errors'

const HEADER = VARIETY_CSV_HEADER
const ROWS = VARIETY_CSV_ROWS
const open: { db: DB; dir: string }[] = []

afterEach(() => {
  for (const { db, dir } of open.splice(0)) {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

/** A workspace with the demo plan (5 varieties), removed after each test. */
function demoDb(): DB {
  const dir = tempDir('fengshou-variety-csv-')
  const { db } = openDatabase(join(dir, 'v.sqlite'))
  open.push({ db, dir })
  writePlan(db, testContext, buildDemoPlan(), 'demo')
  return db
}

const request = (bytes: Buffer, dryRun: boolean) => ({
  base64: bytes.toString('base64'),
  densityArea: 'mu' as const,
  dryRun,
})
const count = (db: DB) => listVarieties(db).length

/** The dry run's problems and the refused import's problems, after checking nothing was written. */
function checkAndImport(db: DB, bytes: Buffer): { check: VarietyCsvResult; refused: CsvProblem[] } {
  const before = count(db)
  const check = importVarietyCsv(db, testContext, request(bytes, true))
  const error = refusal(() => importVarietyCsv(db, testContext, request(bytes, false)))
  expect(error.code).toBe('VALIDATION')
  expect(count(db)).toBe(before)
  return { check, refused: error.details.problems as CsvProblem[] }
}

describe('variety CSV import', () => {
  it('names a row whose density range is out of order at its spreadsheet row and column, and writes nothing', () => {
    const db = demoDb()
    const bad = [HEADER, ROWS[0]!.replace('4000,4800,5300', '5000,4800,5300'), ROWS[1]!].join('\n')
    const { check, refused } = checkAndImport(db, gb18030(bad))
    expect(check.encoding).toBe('gb18030')
    const expected = [{ row: 2, column: '雨养最适', rule: 'density_order' }]
    expect(check.problems).toEqual(expected)
    expect(refused).toEqual(expected)
    expect(count(db)).toBe(7)
  })

  it('imports every row of a good file with densities stored per ha', () => {
    const db = demoDb()
    const result = importVarietyCsv(db, testContext, request(gb18030([HEADER, ...ROWS].join('\n')), false))
    expect(result).toMatchObject({ imported: 2, names: ['吉单试1号', '吉育试2号'] })
    const maize = listVarieties(db).find((v) => v.name === '吉单试1号')!
    expect(maize.yieldPotentialRel).toBeCloseTo(1.045, 12)
    expect(maize.densities).toEqual([
      { waterRegime: 'rainfed', minPlantsPerHa: 60_000, optimumPlantsPerHa: 72_000, maxPlantsPerHa: 79_500 },
      { waterRegime: 'drip', minPlantsPerHa: 70_500, optimumPlantsPerHa: 82_500, maxPlantsPerHa: 90_000 },
    ])
  })

  it('names already in the workspace are named at their rows in the dry run, and the import is refused whole', () => {
    const db = demoDb()
    const file = gb18030([HEADER, ...ROWS].join('\n'))
    importVarietyCsv(db, testContext, request(file, false))
    const { check, refused } = checkAndImport(db, file)
    const expected = [
      { row: 2, column: '品种', rule: 'duplicate_variety_name', params: { value: '吉单试1号' } },
      { row: 3, column: '品种', rule: 'duplicate_variety_name', params: { value: '吉育试2号' } },
    ]
    expect(check.problems).toEqual(expected)
    expect(refused).toEqual(expected)
    expect(count(db)).toBe(9)
  })

  it('a name repeated in the file is named at the repeat', () => {
    const db = demoDb()
    const { check } = checkAndImport(db, gb18030([HEADER, ROWS[0]!, ROWS[1]!, ROWS[0]!].join('\n')))
    expect(check.problems).toEqual([
      { row: 4, column: '品种', rule: 'duplicate_variety_name', params: { value: '吉单试1号', first: 2 } },
    ])
  })

  it('an unbalanced quote is named at its row and column, not swallowed into the source', () => {
    const db = demoDb()
    const file = [HEADER, ROWS[0]!.replace('2024 年本社对比试验', '"2024 年本社对比试验'), ROWS[1]!].join(
      '\r\n',
    )
    const { check, refused } = checkAndImport(db, gb18030(file))
    const expected = [{ row: 2, column: '来源', rule: 'csv_quote_unclosed' }]
    expect(check.problems).toEqual(expected)
    expect(refused).toEqual(expected)
  })

  it('a damaged GB18030 byte is named at its row and column', () => {
    const db = demoDb()
    const bytes = gb18030([HEADER, ...ROWS].join('\n'))
    // A lead byte followed by a space: no GB18030 character, in the source of the second variety.
    const at = bytes.indexOf(gb18030('县农技站'))
    bytes[at] = 0x81
    bytes[at + 1] = 0x20
    const { check, refused } = checkAndImport(db, bytes)
    const expected = [{ row: 3, column: '来源', rule: 'encoding_invalid' }]
    expect(check.problems).toEqual(expected)
    expect(refused).toEqual(expected)
  })

  it('UTF-16 and over-wide files are refused whole, before anything is written', () => {
    const db = demoDb()
    const utf16File = utf16([HEADER, ...ROWS].join('\r\n').replaceAll(',', '\t'))
    for (const dryRun of [true, false]) {
      expect(
        refusal(() => importVarietyCsv(db, testContext, request(utf16File, dryRun))).details.issues,
      ).toEqual([{ path: [], rule: 'encoding_utf16' }])
    }
    const wide = Buffer.from(`${HEADER}${',x'.repeat(600)}\n${ROWS[0]}\n`)
    expect(refusal(() => importVarietyCsv(db, testContext, request(wide, true))).details.issues).toEqual([
      { path: [], rule: 'too_many_columns', params: { limit: 500, count: 616 } },
    ])
    expect(count(db)).toBe(7)
  })

  it('arbitrary bytes give a VALIDATION error or problems, never a crash or a write', () => {
    const db = demoDb()
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (bytes, dryRun) => {
        try {
          importVarietyCsv(db, testContext, request(Buffer.from(bytes), dryRun))
        } catch (error) {
          expect((error as AppError).code).toBe('VALIDATION')
        }
      }),
      { numRuns: 200 },
    )
    expect(count(db)).toBe(7)
  })
})
