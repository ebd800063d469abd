import { rmSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import type { CsvPreview, CsvRequest } from '../../../app/contract/contract'
import { importCsv, previewCsv as previewAt } from '../../../app/use-cases/field-csv-import'
import { type DB, openDatabase } from '../../../db/connection'
import { writePlan } from '../../../db/plan-store'
import { countFields, importFieldRows, listFields } from '../../../db/repositories/fields'
import { createGroup, listGroups } from '../../../db/repositories/groups'
import { listVarieties } from '../../../db/repositories/varieties'
import { getWorkspace, updateWorkspaceSettings } from '../../../db/repositories/workspace'
import { fieldsToCsv, safeCell } from '../../../engine/csv/fields-export'
import type { CsvProblem } from '../../../engine/csv/read-csv'
import { buildDemoPlan } from '../../../engine/demo-plan'
import { AppError } from '../../../engine/errors'
import { REGION_DEFAULTS } from '../../../engine/regions'
import { CSV_UNITS, FIELDS_CSV_HEADER, fieldsCsv, gb18030, utf16 } from '../../helpers/csv'
import { tempDir, testContext } from '../../helpers/db'
import { refusal } from '../../helpers/errors'

const open: { db: DB; dir: string }[] = []

afterEach(() => {
  for (const { db, dir } of open.splice(0)) {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

/** A workspace with the demo plan (24 fields, 3 groups), removed after each test. */
function demoDb(plan = buildDemoPlan()): DB {
  const dir = tempDir('fengshou-csv-')
  const { db } = openDatabase(join(dir, 'c.sqlite'))
  open.push({ db, dir })
  writePlan(db, testContext, plan, 'demo')
  return db
}

/** The preview as the app runs it, in the test's season (January 2026). */
const previewCsv = (db: DB, r: CsvRequest) => previewAt(db, r, testContext.now())

const request = (bytes: Buffer | string): CsvRequest => ({
  base64: (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64'),
  mapping: null,
  units: CSV_UNITS,
})

/** What the workspace holds, to prove a refused import wrote nothing at all. */
function contents(db: DB) {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  return {
    fields: count('field'),
    groups: count('field_group'),
    yields: count('field_yield'),
    audit: count('audit_log'),
  }
}

/** The preview's problems and the refused import's problems, after checking nothing was written. */
function previewAndImport(db: DB, bytes: Buffer | string): { preview: CsvPreview; refused: CsvProblem[] } {
  const before = contents(db)
  const preview = previewCsv(db, request(bytes))
  const error = refusal(() => importCsv(db, testContext, request(bytes)))
  expect(error.code).toBe('VALIDATION')
  expect(contents(db)).toEqual(before)
  return { preview, refused: error.details.problems as CsvProblem[] }
}

/** A refusal of the whole file: the same rule in the preview and the import, and nothing written. */
function refusedWhole(db: DB, bytes: Buffer | string) {
  const before = contents(db)
  const preview = refusal(() => previewCsv(db, request(bytes)))
  const imported = refusal(() => importCsv(db, testContext, request(bytes)))
  expect(preview.code).toBe('VALIDATION')
  expect(imported.details.issues).toEqual(preview.details.issues)
  expect(contents(db)).toEqual(before)
  return preview.details.issues?.[0]
}

const HEADER = '地块名称,村,面积（亩）,作物,高标准农田,建成年份,分组,备注'
const line = (name: string, rest: Partial<Record<'area' | 'hsf' | 'year' | 'group' | 'note', string>> = {}) =>
  [
    name,
    '东岗村',
    rest.area ?? '100',
    '玉米',
    rest.hsf ?? '是',
    rest.year ?? '',
    rest.group ?? '',
    rest.note ?? '',
  ].join(',')

const WORDS = {
  headers: {
    name: '地块名称',
    village: '村',
    township: '乡镇',
    area: '面积（亩）',
    crop: '作物',
    variety: '品种',
    density: '密度（株/亩）',
    water: '水分管理',
    hsf: '高标准农田',
    hsfYear: '建成年份',
    saline: '盐碱',
    heatSum: '积温',
    grade: '地力等级',
    group: '分组',
    note: '备注',
  },
  crop: { maize: '玉米', soybean: '大豆', rice: '水稻' },
  water: { rainfed: '雨养', furrow: '沟灌', sprinkler: '喷灌', drip: '滴灌水肥一体化', paddy: '水田' },
  saline: { none: '无', light: '轻度', moderate: '中度', severe: '重度' },
  yes: '是',
  no: '否',
  yieldYear: (y: number) => `单产${y}`,
}

describe('field CSV import: a good file', () => {
  it('a GB18030 file with one bad row is refused at the row a spreadsheet shows, and nothing is written', () => {
    const db = demoDb()
    const { preview, refused } = previewAndImport(db, gb18030(fieldsCsv(50, 17)))
    expect(preview.encoding).toBe('gb18030')
    expect(preview.rowCount).toBe(50)
    const expected = [{ row: 17, column: '面积（亩）', rule: 'not_a_number', params: { value: '12.5亩' } }]
    expect(preview.problems).toEqual(expected)
    expect(refused).toEqual(expected)
    expect(countFields(db)).toBe(24)
  })

  it('after the fix all 50 rows import, in canonical units', () => {
    const db = demoDb()
    expect(importCsv(db, testContext, request(gb18030(fieldsCsv(50))))).toEqual({ imported: 50 })
    expect(countFields(db)).toBe(74)
    const first = listFields(db).find((f) => f.name === '导入地1')!
    expect(first.areaHa).toBeCloseTo(260 / 15, 12)
    expect(first.densityPlantsPerHa).toBe(60_000)
    expect(first.history).toEqual([
      { year: 2023, yieldKgPerHa: 9000 },
      { year: 2024, yieldKgPerHa: 9450 },
    ])
  })

  it('an exported CSV re-imports to identical fields', () => {
    const source = demoDb()
    const fields = listFields(source)
    const csv = fieldsToCsv(fields, listVarieties(source), listGroups(source), CSV_UNITS, WORDS)
    const target = demoDb({ ...buildDemoPlan(), fields: [], scenarios: [], groups: [] })
    importCsv(target, testContext, request(Buffer.from(csv, 'utf8')))
    const strip = (f: (typeof fields)[number], groups: Map<number | null, string>) => ({
      ...f,
      id: 0,
      groupId: groups.get(f.groupId) ?? null,
      createdAt: '',
      updatedAt: '',
    })
    const sourceGroups = new Map<number | null, string>(listGroups(source).map((g) => [g.id, g.name]))
    const targetGroups = new Map<number | null, string>(listGroups(target).map((g) => [g.id, g.name]))
    expect(listFields(target).map((f) => strip(f, targetGroups))).toEqual(
      fields.map((f) => strip(f, sourceGroups)),
    )
  })

  it('a note with a line break inside balanced quotes is one row, and later rows keep their numbers', () => {
    const db = demoDb()
    const csv = [HEADER, line('甲地', { note: '"第一行\n第二行"' }), line('乙地', { area: '十亩' })].join(
      '\n',
    )
    const preview = previewCsv(db, request(csv))
    expect(preview.problems).toEqual([
      { row: 3, column: '面积（亩）', rule: 'not_a_number', params: { value: '十亩' } },
    ])
    expect(preview.preview[0]?.note).toBe('第一行\n第二行')
  })
})

describe('field CSV import: what the security review found', () => {
  it('an unbalanced quote is named at its row and column in preview and import, not swallowed into a note', () => {
    const db = demoDb()
    const csv = [
      HEADER,
      line('甲地'),
      line('乙地', { note: '"没有结尾的引号' }),
      line('丙地'),
      line('丁地'),
    ].join('\r\n')
    const { preview, refused } = previewAndImport(db, csv)
    const expected = { row: 3, column: '备注', rule: 'csv_quote_unclosed' }
    expect(preview.problems).toEqual([expected])
    expect(refused).toEqual([expected])
  })

  it('a damaged GB18030 byte is named at its row and column, never imported as replacement characters', () => {
    const db = demoDb()
    const bytes = gb18030(fieldsCsv(10))
    // The village of 导入地5 (spreadsheet row 6) gets a byte that is no GB18030 character.
    const at = bytes.indexOf(gb18030('导入地5,'))
    bytes[at + gb18030('导入地5,').length] = 0xff
    const { preview, refused } = previewAndImport(db, bytes)
    const expected = { row: 6, column: '村', rule: 'encoding_invalid' }
    expect(preview.encoding).toBe('gb18030')
    expect(preview.problems).toEqual([expected])
    expect(refused).toEqual([expected])
    expect(listFields(db).some((f) => JSON.stringify(f).includes('\uFFFD'))).toBe(false)
  })

  it('a UTF-16 file (Excel "Unicode text": little-endian, a mark, tabs) is named as UTF-16, not as missing columns', () => {
    const db = demoDb()
    const text = fieldsCsv(5).replaceAll(',', '\t')
    expect(refusedWhole(db, utf16(text))).toEqual({ path: [], rule: 'encoding_utf16' })
    expect(refusedWhole(db, utf16(text, 'be', false))).toEqual({ path: [], rule: 'encoding_utf16' })
  })

  it('a UTF-8 mark before GB18030 bytes is a mixed encoding at row 1', () => {
    const db = demoDb()
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), gb18030(fieldsCsv(3))])
    const { preview, refused } = previewAndImport(db, bytes)
    const expected = { row: 1, column: '地块名称', rule: 'encoding_mixed' }
    expect(preview.problems).toEqual([expected])
    expect(refused).toEqual([expected])
  })

  it('a group name over 60 characters is named at its row and the group column in the preview already', () => {
    const db = demoDb()
    const csv = [HEADER, line('甲地', { group: '东岗片' }), line('乙地', { group: '长'.repeat(61) })].join(
      '\n',
    )
    const { preview, refused } = previewAndImport(db, csv)
    const expected = { row: 3, column: '分组', rule: 'max_string', params: { limit: 60 } }
    expect(preview.problems).toEqual([expected])
    expect(refused).toEqual([expected])
    // 60 characters, even outside the Basic Multilingual Plane, is allowed.
    expect(
      importCsv(db, testContext, request([HEADER, line('乙地', { group: '𠀀'.repeat(60) })].join('\n'))),
    ).toEqual({
      imported: 1,
    })
  })

  it('a build year on a field without high-standard farmland is named, not dropped', () => {
    const db = demoDb()
    const csv = [
      HEADER,
      line('甲地', { hsf: '是', year: '2019' }),
      line('乙地', { hsf: '否', year: '2020' }),
    ].join('\n')
    const { preview, refused } = previewAndImport(db, csv)
    const expected = { row: 3, column: '建成年份', rule: 'hsf_year_without_hsf' }
    expect(preview.problems).toEqual([expected])
    expect(refused).toEqual([expected])
  })

  it('Ａb, ab and AB make one group, named by the first spelling; an existing group is matched the same way', () => {
    const db = demoDb()
    const groups = listGroups(db).length
    const csv = [
      HEADER,
      line('甲地', { group: 'Ａb' }),
      line('乙地', { group: 'ab' }),
      line('丙地', { group: 'AB' }),
      line('丁地', { group: ' ａB ' }),
    ].join('\n')
    expect(importCsv(db, testContext, request(csv))).toEqual({ imported: 4 })
    expect(listGroups(db)).toHaveLength(groups + 1)
    const group = listGroups(db).at(-1)!
    expect(group.name).toBe('Ab')
    const imported = listFields(db).filter((f) => ['甲地', '乙地', '丙地', '丁地'].includes(f.name))
    expect(imported.map((f) => f.groupId)).toEqual([group.id, group.id, group.id, group.id])

    const again = [HEADER, line('戊地', { group: 'ＡＢ' })].join('\n')
    expect(importCsv(db, testContext, request(again))).toEqual({ imported: 1 })
    expect(listGroups(db)).toHaveLength(groups + 1)
    expect(listFields(db).find((f) => f.name === '戊地')?.groupId).toBe(group.id)
  })

  it('the repository refuses a group equal to an existing one under the same normalisation', () => {
    const db = demoDb()
    createGroup(db, testContext, { name: 'North Block', color: 'blue' })
    const error = refusal(() => createGroup(db, testContext, { name: 'ｎｏｒｔｈ  block', color: 'green' }))
    expect(error.code).toBe('CONFLICT')
    expect(error.details.issues).toEqual([{ path: ['name'], rule: 'duplicate_group_name' }])
  })

  it('duplicate names are named at their own row, however many rows before them have problems', () => {
    const db = demoDb()
    const csv = [
      HEADER,
      line('甲地', { area: 'x' }),
      line('乙地', { area: 'y' }),
      line('丙地'),
      line('甲地'),
      line('东岗一号地'),
    ].join('\n')
    const { preview, refused } = previewAndImport(db, csv)
    const expected = [
      { row: 2, column: '面积（亩）', rule: 'not_a_number', params: { value: 'x' } },
      { row: 3, column: '面积（亩）', rule: 'not_a_number', params: { value: 'y' } },
      { row: 5, column: '地块名称', rule: 'duplicate_name', params: { value: '甲地', first: 2 } },
      { row: 6, column: '地块名称', rule: 'duplicate_name', params: { value: '东岗一号地' } },
    ]
    expect(preview.problems).toEqual(expected)
    expect(refused).toEqual(expected)
  })

  it('row numbers count blank rows, as the spreadsheet shows them', () => {
    const db = demoDb()
    const csv = [HEADER, '', line('甲地'), ',,,,,,,', line('乙地', { area: '-1' })].join('\n')
    const { preview } = previewAndImport(db, csv)
    expect(preview.rowCount).toBe(2)
    expect(preview.problems).toEqual([
      { row: 5, column: '面积（亩）', rule: 'greater_than_number', params: { limit: 0 } },
    ])
  })

  it('a CSV 400,000 columns wide is refused with too_many_columns in well under a second', () => {
    const db = demoDb()
    const wide = `${'列,'.repeat(399_999)}列\r\n${'1,'.repeat(399_999)}1\r\n`
    const started = performance.now()
    const issue = refusedWhole(db, wide)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(issue).toEqual({ path: [], rule: 'too_many_columns', params: { limit: 500, count: 400_000 } })
  })

  it('more than 20,000 rows is refused with too_many_rows', () => {
    const db = demoDb()
    expect(refusedWhole(db, fieldsCsv(20_001))).toEqual({
      path: [],
      rule: 'too_many_rows',
      params: { limit: 20_000 },
    })
  })

  it('a column mapped twice is named at the header, not half read', () => {
    const db = demoDb()
    const csv = `地块名称,名称,面积,作物\n甲地,乙地,10,玉米\n`
    const { preview } = previewAndImport(db, csv)
    expect(preview.problems).toEqual([
      { row: 1, column: '名称', rule: 'duplicate_column', params: { other: '地块名称' } },
    ])
  })

  it('rows narrower or wider than the header are named at their rows', () => {
    const db = demoDb()
    const csv = [HEADER, line('甲地'), '乙地,东岗村,100', `${line('丙地')},多出来的`].join('\n')
    const { preview } = previewAndImport(db, csv)
    expect(preview.problems).toEqual([
      { row: 3, column: '作物', rule: 'csv_too_few_cells', params: { count: 3, expected: 8 } },
      { row: 4, column: '', rule: 'csv_too_many_cells', params: { count: 9, expected: 8 } },
    ])
  })

  it('a write that fails half way leaves nothing behind: no field, no group, no audit line', () => {
    const db = demoDb()
    db.exec(
      "CREATE TEMP TRIGGER fail_fifth BEFORE INSERT ON field WHEN NEW.name = '导入地5' BEGIN SELECT RAISE(ABORT, 'full'); END",
    )
    const [header, ...rows] = fieldsCsv(8).trimEnd().split('\r\n')
    expect(header).toBe(FIELDS_CSV_HEADER)
    const csv = [`${header},分组`, ...rows.map((r) => `${r},新片`)].join('\r\n')
    const before = contents(db)
    expect(previewCsv(db, request(csv)).problems).toEqual([])
    expect(() => importCsv(db, testContext, request(csv))).toThrow(AppError)
    expect(contents(db)).toEqual(before)
    db.exec('DROP TRIGGER fail_fifth')
    expect(importCsv(db, testContext, request(csv))).toEqual({ imported: 8 })
    expect(contents(db).groups).toBe(before.groups + 1)
  })
})

describe('field CSV import: defaults are shown, never silent', () => {
  it("names the rows that take the region's heat sum and grade (central plains), and the plain water, HSF and saline class", () => {
    const db = demoDb()
    const csv = [
      '地块名称,面积,作物,积温,地力等级',
      '甲地,10,玉米,2800,6',
      '乙地,10,玉米,,6',
      '丙地,10,水稻,2600,',
    ].join('\n')
    const preview = previewCsv(db, request(csv))
    expect(preview.problems).toEqual([])
    expect(preview.defaults).toEqual(
      expect.arrayContaining([
        { column: 'heatSum', header: '积温', value: 2700, source: 'region', count: 1, rows: [3] },
        { column: 'grade', header: '地力等级', value: 4, source: 'region', count: 1, rows: [4] },
        { column: 'water', header: null, value: 'rainfed', source: 'rule', count: 2, rows: [2, 3] },
        { column: 'water', header: null, value: 'paddy', source: 'rule', count: 1, rows: [4] },
        { column: 'hsf', header: null, value: false, source: 'rule', count: 3, rows: [2, 3, 4] },
        { column: 'saline', header: null, value: 'none', source: 'rule', count: 3, rows: [2, 3, 4] },
        // The field's farming region: the workspace's, when the file has no region column.
        { column: 'region', header: null, value: 'central', source: 'region', count: 3, rows: [2, 3, 4] },
      ]),
    )
    expect(preview.defaults).toHaveLength(7)
  })

  it('a file that fills every column reports no defaults', () => {
    const db = demoDb()
    const preview = previewCsv(db, request(gb18030(fieldsCsv(5))))
    expect(preview.defaults).toEqual([])
  })
})

describe('field CSV import: properties', () => {
  it('arbitrary bytes give a VALIDATION error or a list of problems, never a crash, a hang or a write', () => {
    const db = demoDb()
    const before = contents(db)
    const started = performance.now()
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        try {
          previewCsv(db, request(Buffer.from(bytes)))
        } catch (error) {
          expect(error).toBeInstanceOf(AppError)
          expect((error as AppError).code).toBe('VALIDATION')
        }
      }),
      { numRuns: 300 },
    )
    expect(performance.now() - started).toBeLessThan(30_000)
    expect(contents(db)).toEqual(before)
  })

  it('CSV-shaped noise (quotes, delimiters, line breaks, Chinese, damaged bytes) never crashes and names real rows', () => {
    const db = demoDb()
    const before = contents(db)
    const piece = fc.constantFrom(
      ',',
      '"',
      '""',
      '\n',
      '\r\n',
      '\r',
      '\t',
      ';',
      '地块名称',
      '面积',
      '作物',
      '玉米',
      '10',
      ' ',
      'x',
    )
    const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, fc.boolean(), fc.boolean(), (t, asGb, damage) => {
        const csv = `地块名称,面积,作物\n${t}`
        const bytes = asGb ? gb18030(csv) : Buffer.from(csv, 'utf8')
        if (damage) bytes[bytes.length - 1] = 0xff
        const lines = csv.split(/\r\n|\n|\r/).length
        try {
          const p = previewCsv(db, request(bytes))
          for (const problem of p.problems) expect(problem.row).toBeLessThanOrEqual(lines)
          try {
            importCsv(db, testContext, request(bytes))
          } catch (error) {
            expect((error as AppError).code).toBe('VALIDATION')
          }
        } catch (error) {
          expect((error as AppError).code).toBe('VALIDATION')
        }
        db.prepare('DELETE FROM field WHERE name NOT IN (SELECT name FROM field WHERE id <= 24)').run()
      }),
      { numRuns: 300 },
    )
    expect(contents(db).fields).toBe(before.fields)
  })

  it('names and notes with commas, quotes and line breaks come back exactly from an export', () => {
    const db = demoDb()
    const base = listFields(db)[0]!
    // Text is read as NFKC and trimmed. The export puts one apostrophe before = + - @ (also before
    // apostrophes already there), and the import takes exactly one away.
    const text = (max: number) =>
      fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: max })
        .map((s) => s.normalize('NFKC').trim().replaceAll('\u0000', ''))
        .filter((s) => s.length > 0 && s.length <= max && !s.includes('\uFEFF'))
    const typed = fc.constantFrom("'=SUM(A1)", "''+1", "'-", "'@x", "'备注")
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(text(60), typed), { minLength: 1, maxLength: 4 }),
        fc.oneof(text(500), typed),
        (names, note) => {
          const fields = names.map((name, i) => ({ ...base, id: 1000 + i, name, note, groupId: null }))
          const csv = fieldsToCsv(fields, listVarieties(db), [], CSV_UNITS, WORDS)
          const preview = previewCsv(db, request(Buffer.from(csv, 'utf8')))
          const clash = names.filter((n) => listFields(db).some((f) => f.name === n))
          if (clash.length > 0) return
          expect(preview.problems).toEqual([])
          expect(preview.preview.map((f) => [f.name, f.note])).toEqual(names.map((n) => [n, note]))
        },
      ),
      { numRuns: 100 },
    )
  })
})

describe('field CSV export', () => {
  it('never starts a cell with = + - @ or a tab, CR or LF, even in full-width forms', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(safeCell(s).normalize('NFKC')).not.toMatch(/^[=+\-@\t\r\n]/)
      }),
    )
    expect(safeCell('＝SUM(A1)')).toBe("'＝SUM(A1)")
    expect(safeCell('东岗')).toBe('东岗')
  })
})

const requestWith = (text: string | Buffer, more: Partial<CsvRequest>): CsvRequest => ({
  ...request(text),
  ...more,
})

/** The stored history of one field by name, as year → kg/ha. */
function historyOf(db: DB, name: string): Record<number, number> {
  const field = listFields(db).find((f) => f.name === name)
  if (!field) throw new Error(`no field ${name}`)
  return Object.fromEntries(field.history.map((h) => [h.year, h.yieldKgPerHa]))
}

describe('field CSV import: yield history columns keep their year and their unit', () => {
  // Every header shape a co-op's WPS file uses, one year each; the dialog says 斤/亩.
  const SHAPES: [header: string, year: number, cell: string, kgPerHa: number][] = [
    ['单产2019', 2019, '1200', 9000],
    ['2020年单产（斤/亩）', 2020, '1100', 8250],
    ['2021', 2021, '1000', 7500],
    ['2022年', 2022, '1300', 9750],
    ['2018单产', 2018, '1240', 9300],
    ['2017年亩产', 2017, '1160', 8700],
    ['亩产2016（公斤）', 2016, '600', 9000],
    ['yield_2015', 2015, '1000', 7500],
    ['2014 yield (kg/ha)', 2014, '8800', 8800],
    ['2013年单产（t/ha）', 2013, '9.5', 9500],
    ['2012年单产（吨/公顷）', 2012, '9.1', 9100],
    ['2011年单产(公斤/公顷)', 2011, '8600', 8600],
    ['2010年单产（kg/亩）', 2010, '560', 8400],
    ['2009年单产（公斤/亩）', 2009, '550', 8250],
  ]
  const csv = [
    ['地块名称', '面积（亩）', '作物', ...SHAPES.map((s) => s[0])].join(','),
    ['史地', '30', '玉米', ...SHAPES.map((s) => s[2])].join(','),
  ].join('\r\n')

  it('every header shape is recognised as the yield of its year, and each value is stored in kg/ha', () => {
    const db = demoDb()
    const preview = previewCsv(db, request(gb18030(csv)))
    expect(preview.problems).toEqual([])
    expect(preview.guessed).toEqual(['name', 'area', 'crop', ...SHAPES.map((s) => `yield:${s[1]}`)])
    expect(importCsv(db, testContext, request(gb18030(csv)))).toEqual({ imported: 1 })
    const stored = historyOf(db, '史地')
    expect(Object.keys(stored).map(Number).sort()).toEqual(SHAPES.map((s) => s[1]).sort())
    for (const [header, year, , kgPerHa] of SHAPES) expect(stored[year], header).toBeCloseTo(kgPerHa, 6)
  })

  it('a unit in the header wins over the dialog, and the preview says which columns it overrides', () => {
    const db = demoDb()
    const preview = previewCsv(db, request(csv))
    const unitOf = (header: string) => preview.columnUnits[preview.headers.indexOf(header)]
    // The dialog says 斤/亩: a header without a unit uses it, a header with 斤/亩 agrees with it.
    expect(unitOf('单产2019')).toEqual({
      kind: 'yield',
      mass: 'jin',
      area: 'mu',
      fromHeader: false,
      overrides: false,
    })
    expect(unitOf('2020年单产（斤/亩）')).toMatchObject({ fromHeader: true, overrides: false })
    expect(unitOf('2017年亩产')).toMatchObject({
      mass: 'jin',
      area: 'mu',
      fromHeader: true,
      overrides: false,
    })
    expect(unitOf('亩产2016（公斤）')).toMatchObject({ mass: 'kg', area: 'mu', overrides: true })
    expect(unitOf('2014 yield (kg/ha)')).toMatchObject({ mass: 'kg', area: 'ha', overrides: true })
    expect(unitOf('2013年单产（t/ha）')).toMatchObject({ mass: 't', area: 'ha', overrides: true })
    expect(unitOf('面积（亩）')).toEqual({
      kind: 'area',
      mass: null,
      area: 'mu',
      fromHeader: true,
      overrides: false,
    })
    expect(unitOf('作物')).toBeNull()
  })

  it('with the dialog in kg/ha, only the columns without a unit change meaning', () => {
    const db = demoDb()
    const units = { ...CSV_UNITS, yieldMass: 'kg', yieldArea: 'ha' } as const
    importCsv(db, testContext, requestWith(csv, { units }))
    const stored = historyOf(db, '史地')
    expect(stored[2019]).toBe(1200) // 单产2019: no unit, so the dialog's kg/ha
    expect(stored[2020]).toBe(8250) // 斤/亩 in the header
    expect(stored[2017]).toBe(1160 * 15) // 亩产: per mu, the mass from the dialog (kg)
    expect(stored[2014]).toBe(8800)
  })

  it('area and density read the unit their header names, against the dialog', () => {
    const db = demoDb()
    const text = ['地块名称,面积(公顷),作物,密度（株/亩）', '公顷地,2,玉米,4500'].join('\n')
    const units = { ...CSV_UNITS, area: 'mu', densityArea: 'ha' } as const
    const preview = previewCsv(db, requestWith(text, { units }))
    expect(preview.problems).toEqual([])
    expect(preview.columnUnits[1]).toEqual({
      kind: 'area',
      mass: null,
      area: 'ha',
      fromHeader: true,
      overrides: true,
    })
    expect(preview.columnUnits[3]).toEqual({
      kind: 'density',
      mass: null,
      area: 'mu',
      fromHeader: true,
      overrides: true,
    })
    importCsv(db, testContext, requestWith(text, { units }))
    const field = listFields(db).find((f) => f.name === '公顷地')!
    expect(field.areaHa).toBe(2)
    expect(field.densityPlantsPerHa).toBe(67_500)
  })

  it('a unit the header names but nobody can read is named at row 1, never guessed', () => {
    const db = demoDb()
    const text = ['地块名称,面积（平方米）,作物,密度（万株/公顷）', '甲地,2000,玉米,6.5'].join('\n')
    const { preview, refused } = previewAndImport(db, text)
    const expected = [
      { row: 1, column: '面积（平方米）', rule: 'unit_unknown', params: { value: '平方米' } },
      { row: 1, column: '密度（万株/公顷）', rule: 'unit_unknown', params: { value: '万株/公顷' } },
    ]
    expect(preview.problems).toEqual(expected)
    expect(refused).toEqual(expected)
  })

  it('a yield for a year after the current season is refused at the header row; this season and empty later columns are fine', () => {
    const db = demoDb()
    // The tests' season is 2026.
    const text = [
      '地块名称,面积,作物,2026年单产,2027年单产,2028年单产',
      '甲地,10,玉米,1200,1250,',
      '乙地,10,玉米,1100,,',
    ].join('\n')
    const { preview } = previewAndImport(db, text)
    expect(preview.problems).toEqual([
      { row: 1, column: '2027年单产', rule: 'year_in_future', params: { year: 2027, limit: 2026 } },
    ])
    const fixed = text.replace(',1250,', ',,')
    expect(importCsv(db, testContext, request(fixed))).toEqual({ imported: 2 })
    expect(historyOf(db, '甲地')).toEqual({ 2026: 9000 })
  })

  it('the mapping dialog can send any year, and a column mapped by the user reads its header unit', () => {
    const db = demoDb()
    const text = ['地块名称,面积,作物,旧产量（公斤/亩）', '甲地,10,玉米,600'].join('\n')
    expect(previewCsv(db, request(text)).guessed[3]).toBe('ignore')
    const mapping = ['name', 'area', 'crop', 'yield:2008'] as const
    expect(importCsv(db, testContext, requestWith(text, { mapping: [...mapping] }))).toEqual({ imported: 1 })
    expect(historyOf(db, '甲地')).toEqual({ 2008: 9000 })
  })
})

describe('field CSV import: a file naming fields the workspace already has', () => {
  /** Two fields of the demo and one new one, with the columns a yearly yield update carries. */
  function updateFile(db: DB, options: { badRow?: boolean } = {}) {
    const [a, b] = listFields(db)
    const text = [
      '地块名称,面积（亩）,2024年单产（斤/亩）,2025年单产（斤/亩）,备注',
      `${a!.name},200,1300,1400,今年改种`,
      `${b!.name},${options.badRow ? '二百' : '150'},,1350,`,
      '今春新垦地,40,,1200,新开垦',
    ].join('\r\n')
    return { a: a!, b: b!, text }
  }
  const everything = (db: DB) => ({ list: listFields(db), ...contents(db) })

  it('"stop" (the default) names each existing field at its row, counts them, and writes nothing', () => {
    const db = demoDb()
    const { a, b, text } = updateFile(db)
    const withCrop = text
      .split('\r\n')
      .map((l, i) => `${l},${i === 0 ? '作物' : '玉米'}`)
      .join('\r\n')
    const before = everything(db)
    const preview = previewCsv(db, request(withCrop))
    expect(preview.onExisting).toBe('stop')
    expect(preview.counts).toEqual({ new: 1, update: 0, unchanged: 0, skip: 0, existing: 2 })
    expect(preview.problems).toEqual([
      { row: 2, column: '地块名称', rule: 'duplicate_name', params: { value: a.name } },
      { row: 3, column: '地块名称', rule: 'duplicate_name', params: { value: b.name } },
    ])
    expect(refusal(() => importCsv(db, testContext, request(withCrop))).code).toBe('VALIDATION')
    expect(everything(db)).toEqual(before)
  })

  it('"skip" leaves the existing fields exactly as they were and adds the new one', () => {
    const db = demoDb()
    const { a, b, text } = updateFile(db)
    const withCrop = text
      .split('\r\n')
      .map((l, i) => `${l},${i === 0 ? '作物' : '玉米'}`)
      .join('\r\n')
    const before = listFields(db)
    const preview = previewCsv(db, requestWith(withCrop, { onExisting: 'skip' }))
    expect(preview.problems).toEqual([])
    expect(preview.counts).toEqual({ new: 1, update: 0, unchanged: 0, skip: 2, existing: 2 })
    expect(importCsv(db, testContext, requestWith(withCrop, { onExisting: 'skip' }))).toEqual({
      imported: 1,
      skipped: 2,
    })
    const after = listFields(db)
    expect(after.filter((f) => f.name !== '今春新垦地')).toEqual(before)
    expect(after.find((f) => f.name === a.name)).toEqual(a)
    expect(after.find((f) => f.name === b.name)).toEqual(b)
  })

  it('"update" changes exactly the named fields and columns: years given replace, years not given stay, revisions bump, audited', () => {
    const db = demoDb()
    const { a, b, text } = updateFile(db)
    // The new field needs a crop; the file has no crop column, so it is named at its row.
    const missingCrop = previewCsv(db, requestWith(text, { onExisting: 'update' }))
    expect(missingCrop.problems).toEqual([{ row: 4, column: 'crop', rule: 'required' }])
    const onlyUpdates = text.split('\r\n').slice(0, 3).join('\r\n')
    const others = listFields(db).filter((f) => f.name !== a.name && f.name !== b.name)
    const auditBefore = contents(db).audit

    const preview = previewCsv(db, requestWith(onlyUpdates, { onExisting: 'update' }))
    expect(preview.problems).toEqual([])
    expect(preview.counts).toEqual({ new: 0, update: 2, unchanged: 0, skip: 0, existing: 2 })
    expect(preview.previewRows).toEqual([
      { row: 2, action: 'update' },
      { row: 3, action: 'update' },
    ])
    // Updated fields keep their own heat sum and grade: no default is listed for them.
    expect(preview.defaults).toEqual([])
    expect(importCsv(db, testContext, requestWith(onlyUpdates, { onExisting: 'update' }))).toEqual({
      imported: 2,
      updated: 2,
    })

    const after = listFields(db)
    const newA = after.find((f) => f.id === a.id)!
    const newB = after.find((f) => f.id === b.id)!
    const same = ({ updatedAt: _u, revision: _r, ...rest }: (typeof after)[number]) => rest
    expect(same(newA)).toEqual(
      same({
        ...a,
        areaHa: 200 / 15,
        note: '今年改种',
        history: [
          ...a.history.filter((h) => h.year < 2024),
          { year: 2024, yieldKgPerHa: 9750 },
          { year: 2025, yieldKgPerHa: 10_500 },
        ],
      }),
    )
    // An empty 2024 cell keeps the field's 2024; an empty note cell clears the note.
    expect(same(newB)).toEqual(
      same({
        ...b,
        areaHa: 10,
        note: '',
        history: [...b.history, { year: 2025, yieldKgPerHa: 10_125 }],
      }),
    )
    expect(newA.revision).toBe(a.revision + 1)
    expect(newB.revision).toBe(b.revision + 1)
    expect(after.filter((f) => f.id !== a.id && f.id !== b.id)).toEqual(others)
    const audit = db
      .prepare(
        'SELECT action, entity_id AS entityId, summary, detail_json AS detail FROM audit_log ORDER BY id DESC LIMIT 3',
      )
      .all() as { action: string; entityId: number | null; summary: string; detail: string }[]
    expect(contents(db).audit).toBe(auditBefore + 3)
    expect(audit.map(({ detail: _d, ...entry }) => entry)).toEqual([
      { action: 'import', entityId: null, summary: 'csv' },
      { action: 'update', entityId: b.id, summary: b.name },
      { action: 'update', entityId: a.id, summary: a.name },
    ])
    // Each field's entry names what changed, from and to; nothing else.
    expect(Object.keys(JSON.parse(audit[2]!.detail).changes).sort()).toEqual(['areaHa', 'history', 'note'])
    expect(JSON.parse(audit[0]!.detail)).toEqual({ count: 2, created: 0, updated: [a.id, b.id] })
  })

  it('an exported list edited in WPS and re-imported with "update" rewrites only the field whose cell changed', () => {
    const db = demoDb()
    const fields = listFields(db)
    const csv = fieldsToCsv(fields, listVarieties(db), listGroups(db), CSV_UNITS, WORDS)
    const before = everything(db)
    const same = previewCsv(db, requestWith(csv, { onExisting: 'update' }))
    expect(same.problems).toEqual([])
    expect(same.counts).toMatchObject({ new: 0, update: 0, unchanged: fields.length })
    expect(importCsv(db, testContext, requestWith(csv, { onExisting: 'update' }))).toEqual({
      imported: 0,
      unchanged: fields.length,
    })
    // Nothing changed, so nothing was written: no revision, no audit line.
    expect(everything(db)).toEqual(before)

    const target = fields[3]!
    const lines = csv.split('\r\n')
    const at = lines.findIndex((l) => l.startsWith(`${target.name},`))
    const edited = lines.map((l, i) => (i === at ? l.replace(/,[^,]*$/, ',999') : l)).join('\r\n')
    expect(importCsv(db, testContext, requestWith(edited, { onExisting: 'update' }))).toEqual({
      imported: 1,
      updated: 1,
      unchanged: fields.length - 1,
    })
    const after = listFields(db)
    // The last column is the latest year's yield: 999 jin/mu is 7,492.5 kg/ha; other years stay.
    const changed = after.find((f) => f.id === target.id)!
    expect(changed.revision).toBe(target.revision + 1)
    expect(changed.history.at(-1)?.yieldKgPerHa).toBe(7492.5)
    expect(changed.history.slice(0, -1)).toEqual(target.history.slice(0, -1))
    expect(after.filter((f) => f.id !== target.id)).toEqual(fields.filter((f) => f.id !== target.id))
  })

  it('"update" with one bad row changes nothing at all: not the good rows, not the new field', () => {
    const db = demoDb()
    const { text } = updateFile(db, { badRow: true })
    const withCrop = text
      .split('\r\n')
      .map((l, i) => `${l},${i === 0 ? '作物' : '玉米'}`)
      .join('\r\n')
    const before = everything(db)
    const preview = previewCsv(db, requestWith(withCrop, { onExisting: 'update' }))
    expect(preview.problems).toEqual([
      { row: 3, column: '面积（亩）', rule: 'not_a_number', params: { value: '二百' } },
    ])
    const error = refusal(() => importCsv(db, testContext, requestWith(withCrop, { onExisting: 'update' })))
    expect(error.code).toBe('VALIDATION')
    expect(everything(db)).toEqual(before)
  })

  it('"update" that fails while writing leaves every field as it was', () => {
    const db = demoDb()
    const { b, text } = updateFile(db)
    const onlyUpdates = text.split('\r\n').slice(0, 3).join('\r\n')
    db.exec(
      `CREATE TEMP TRIGGER fail_second BEFORE UPDATE ON field WHEN NEW.id = ${b.id} BEGIN SELECT RAISE(ABORT, 'full'); END`,
    )
    const before = everything(db)
    expect(() => importCsv(db, testContext, requestWith(onlyUpdates, { onExisting: 'update' }))).toThrow(
      AppError,
    )
    expect(everything(db)).toEqual(before)
  })

  it('a field saved elsewhere after the file was read is not written over (STALE), and nothing is written', () => {
    const db = demoDb()
    const [a] = listFields(db)
    const before = everything(db)
    const { id, revision, createdAt: _c, updatedAt: _u, ...input } = a!
    const error = refusal(() =>
      importFieldRows(
        db,
        testContext,
        [
          { field: { ...input, name: '另一块' }, newGroup: null, row: 2, existing: null },
          {
            field: { ...input, note: '导入' },
            newGroup: null,
            row: 3,
            existing: { id, revision: revision + 1 },
          },
        ],
        'csv',
      ),
    )
    expect(error.code).toBe('STALE')
    expect(everything(db)).toEqual(before)
  })
})

describe("field CSV import: what the file leaves out comes from the co-op's region, and says so", () => {
  it("a western co-op gets the west's heat sum and grade on every row, listed with the region", () => {
    const db = demoDb()
    const workspace = getWorkspace(db)!
    updateWorkspaceSettings(db, testContext, { region: 'west' }, workspace.revision)
    const rows = Array.from({ length: 60 }, (_, i) => `西地${i + 1},20,玉米`)
    const text = ['地块名称,面积,作物', ...rows].join('\r\n')
    const preview = previewCsv(db, request(gb18030(text)))
    expect(preview.region).toBe('west')
    const heat = preview.defaults?.find((d) => d.column === 'heatSum')
    const grade = preview.defaults?.find((d) => d.column === 'grade')
    expect(heat).toMatchObject({ value: REGION_DEFAULTS.west.heatSumCd.value, source: 'region', count: 60 })
    expect(grade).toMatchObject({
      value: REGION_DEFAULTS.west.qualityGrade.value,
      source: 'region',
      count: 60,
    })
    expect(heat?.rows.slice(0, 3)).toEqual([2, 3, 4])
    importCsv(db, testContext, request(gb18030(text)))
    const imported = listFields(db).filter((f) => f.name.startsWith('西地'))
    expect(imported).toHaveLength(60)
    expect(new Set(imported.map((f) => f.heatSumCd))).toEqual(new Set([2900]))
    expect(new Set(imported.map((f) => f.qualityGrade))).toEqual(new Set([6]))
  })

  it('the east fills its own heat sum, and a value in the file is never replaced', () => {
    const db = demoDb()
    updateWorkspaceSettings(db, testContext, { region: 'east' }, getWorkspace(db)!.revision)
    const text = ['地块名称,面积,作物,积温', '东甲,20,玉米,', '东乙,20,玉米,2550'].join('\n')
    const preview = previewCsv(db, request(text))
    expect(preview.defaults?.find((d) => d.column === 'heatSum')).toEqual({
      column: 'heatSum',
      header: '积温',
      value: 2400,
      source: 'region',
      count: 1,
      rows: [2],
    })
    importCsv(db, testContext, request(text))
    const byName = new Map(listFields(db).map((f) => [f.name, f]))
    expect(byName.get('东甲')?.heatSumCd).toBe(2400)
    expect(byName.get('东乙')?.heatSumCd).toBe(2550)
  })
})
