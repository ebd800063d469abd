import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importCsv, previewCsv } from '../../../app/use-cases/field-csv-import'
import { openDatabase } from '../../../db/connection'
import { writePlan } from '../../../db/plan-store'
import { countFields, listFields } from '../../../db/repositories/fields'
import { listGroups } from '../../../db/repositories/groups'
import { listVarieties } from '../../../db/repositories/varieties'
import { fieldsToCsv, safeCell } from '../../../engine/csv/fields-export'
import { buildDemoPlan } from '../../../engine/demo-plan'
import { AppError } from '../../../engine/errors'
import { CSV_UNITS, fieldsCsv, gb18030 } from '../../helpers/csv'
import { tempDir, testContext } from '../../helpers/db'

function demoDb() {
  const { db } = openDatabase(join(tempDir(), 'c.sqlite'))
  writePlan(db, testContext, buildDemoPlan(), 'demo')
  return db
}

const request = (bytes: Buffer) => ({ base64: bytes.toString('base64'), mapping: null, units: CSV_UNITS })

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

describe('field CSV import', () => {
  it('a GB18030 file with one bad row is refused, naming the row and column, and nothing is written', () => {
    const db = demoDb()
    const bytes = gb18030(fieldsCsv(50, 17))
    const preview = previewCsv(db, request(bytes))
    expect(preview.encoding).toBe('gb18030')
    expect(preview.rowCount).toBe(50)
    expect(preview.problems).toEqual([
      { row: 17, column: '面积（亩）', rule: 'not_a_number', params: { value: '12.5亩' } },
    ])
    let error: AppError | null = null
    try {
      importCsv(db, testContext, request(bytes))
    } catch (e) {
      error = e as AppError
    }
    expect(error?.code).toBe('VALIDATION')
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
    const target = openDatabase(join(tempDir(), 't.sqlite')).db
    writePlan(target, testContext, { ...buildDemoPlan(), fields: [], scenarios: [], groups: [] }, 'empty')
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

  it('a duplicate of an existing field name is refused with the row, and nothing is written', () => {
    const db = demoDb()
    const csv = fieldsCsv(3).replace('导入地2', '东岗一号地')
    expect(() => importCsv(db, testContext, request(Buffer.from(csv)))).toThrow(AppError)
    expect(countFields(db)).toBe(24)
  })

  it('arbitrary bytes give a typed error or a list of problems, never a crash', () => {
    const db = demoDb()
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        try {
          previewCsv(db, request(Buffer.from(bytes)))
        } catch (error) {
          expect(error).toBeInstanceOf(AppError)
        }
      }),
      { numRuns: 200 },
    )
    expect(countFields(db)).toBe(24)
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
