import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CsvRequest } from '../../../app/contract/contract'
import { importCsv, previewCsv as previewAt } from '../../../app/use-cases/field-csv-import'
import { type DB, openDatabase } from '../../../db/connection'
import { writePlan } from '../../../db/plan-store'
import { listFields } from '../../../db/repositories/fields'
import { fieldsToCsv } from '../../../engine/csv/fields-export'
import { buildDemoPlan } from '../../../engine/demo-plan'
import { CSV_UNITS } from '../../helpers/csv'
import { tempDir, testContext } from '../../helpers/db'

const open: { db: DB; dir: string }[] = []
afterEach(() => {
  for (const { db, dir } of open.splice(0)) {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

/** A workspace with the demo plan, its fields and the workspace in the given region. */
function demoDb(region: 'central' | 'west' | 'east' = 'central'): DB {
  const dir = tempDir('fengshou-csv-region-')
  const { db } = openDatabase(join(dir, 'c.sqlite'))
  open.push({ db, dir })
  const plan = buildDemoPlan()
  const fields = plan.fields.map((f) => ({ ...f, region }))
  writePlan(db, testContext, { ...plan, fields, workspace: { ...plan.workspace, region } }, 'demo')
  return db
}
const previewCsv = (db: DB, r: CsvRequest) => previewAt(db, r, testContext.now())
const request = (text: string): CsvRequest => ({
  base64: Buffer.from(text, 'utf8').toString('base64'),
  mapping: null,
  units: CSV_UNITS,
})
const regionOf = (db: DB, name: string) => listFields(db).find((f) => f.name === name)?.region

describe('field CSV import: the field’s region', () => {
  it('reads 区域 as 中部 / 西部 / 东部 (or English), and a row without one takes the workspace’s, listed', () => {
    const db = demoDb('west')
    const csv = [
      '地块名称,面积,作物,区域',
      '甲地,10,玉米,中部',
      '乙地,10,玉米,东部',
      '丙地,10,玉米,',
      '丁地,10,大豆,West',
    ].join('\n')
    const preview = previewCsv(db, request(csv))
    expect(preview.problems).toEqual([])
    expect(preview.defaults).toContainEqual({
      column: 'region',
      header: '区域',
      value: 'west',
      source: 'region',
      count: 1,
      rows: [4],
    })
    expect(importCsv(db, testContext, request(csv))).toEqual({ imported: 4 })
    expect(['甲地', '乙地', '丙地', '丁地'].map((n) => regionOf(db, n))).toEqual([
      'central',
      'east',
      'west',
      'west',
    ])
  })

  it('a header like "region" is recognised, and a word it does not know is named, not guessed', () => {
    const db = demoDb()
    const preview = previewCsv(db, request(['name,area,crop,region', 'A,10,maize,北部'].join('\n')))
    expect(preview.problems).toEqual([
      { row: 2, column: 'region', rule: 'unknown_option', params: { value: '北部' } },
    ])
  })

  it('the fields export writes each field’s region and reads back the same', () => {
    const db = demoDb('east')
    const fields = listFields(db).slice(0, 3)
    expect(fields.every((f) => f.region === 'east')).toBe(true)
    const csv = fieldsToCsv(
      fields,
      [],
      [],
      { area: 'mu', yieldMass: 'jin', yieldArea: 'mu', densityArea: 'mu' },
      {
        headers: { region: '区域' },
        crop: { maize: '玉米', soybean: '大豆', rice: '水稻' },
        water: {},
        saline: {},
        region: { central: '中部', east: '东部', west: '西部' },
        yes: '是',
        no: '否',
        yieldYear: (y) => `单产${y}`,
      },
    )
    const [header, first] = csv.replace('\uFEFF', '').split('\r\n')
    const at = header!.split(',').indexOf('区域')
    expect(at).toBeGreaterThan(0)
    expect(first!.split(',')[at]).toBe('东部')
  })
})
