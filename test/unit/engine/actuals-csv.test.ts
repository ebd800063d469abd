import { describe, expect, it } from 'vitest'
import { type ActualsCsvUnits, parseActualsCsv } from '../../../engine/csv/actuals-csv'
import { gb18030 } from '../../helpers/csv'

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))
const FIELDS = [
  { id: 1, name: '东岗一号地' },
  { id: 2, name: '西洼地' },
  { id: 3, name: 'North field' },
]
const JIN_MU: ActualsCsvUnits = { yieldMass: 'jin', yieldArea: 'mu', priceMass: 'jin', costArea: 'mu' }
const KG_HA: ActualsCsvUnits = { yieldMass: 'kg', yieldArea: 'ha', priceMass: 'kg', costArea: 'ha' }

describe('actuals CSV: reading', () => {
  it('reads name, season, yield, price and cost in the units of the headers, to kg/ha, yuan/kg and yuan/ha unrounded', () => {
    const csv = [
      '地块名称,年份,实收单产（斤/亩）,售价（元/斤）,成本（元/亩）',
      '东岗一号地,2025,1400,1.05,820',
      ' 西洼地 ,2025年,1333,,',
    ].join('\n')
    const parsed = parseActualsCsv(utf8(csv), FIELDS, KG_HA, 2025)
    expect(parsed.problems).toEqual([])
    expect(parsed.rows).toBe(2)
    expect(parsed.encoding).toBe('utf-8')
    expect(parsed.records).toEqual([
      // 1400 斤/亩 = 700 kg/mu = 10,500 kg/ha; 1.05 元/斤 = 2.1 元/kg; 820 元/亩 = 12,300 元/ha
      { fieldId: 1, seasonYear: 2025, yieldKgPerHa: 10_500, priceYuanPerKg: 2.1, costYuanPerHa: 12_300 },
      // 1333 斤/亩 × 15 / 2 = 9997.5 kg/ha: nothing rounded
      { fieldId: 2, seasonYear: 2025, yieldKgPerHa: 9997.5, priceYuanPerKg: null, costYuanPerHa: null },
    ])
  })

  it('takes the given units when the headers name none, and 亩产 is per mu by its word', () => {
    const plain = parseActualsCsv(
      utf8('地块,季,单产,售价,成本\n西洼地,2024,650,2.2,9000\n'),
      FIELDS,
      JIN_MU,
      2025,
    )
    expect(plain.problems).toEqual([])
    expect(plain.records[0]).toEqual({
      fieldId: 2,
      seasonYear: 2024,
      yieldKgPerHa: 650 * 7.5,
      priceYuanPerKg: 4.4,
      costYuanPerHa: 135_000,
    })
    const perMu = parseActualsCsv(
      utf8('name,season,亩产（公斤）\nNorth field,2023,700\n'),
      FIELDS,
      KG_HA,
      2025,
    )
    expect(perMu.records[0]!.yieldKgPerHa).toBe(10_500)
    const english = parseActualsCsv(
      utf8('field,year,yield (t/ha),price (yuan/t),cost (yuan/ha)\nNorth field,2025,11.2,2300,14000\n'),
      FIELDS,
      JIN_MU,
      2025,
    )
    expect(english.problems).toEqual([])
    expect(english.records[0]).toEqual({
      fieldId: 3,
      seasonYear: 2025,
      yieldKgPerHa: 11_200,
      priceYuanPerKg: 2.3,
      costYuanPerHa: 14_000,
    })
  })

  it('reads a GB18030 file as Excel on Chinese Windows saves it', () => {
    const csv = '地块名称,年份,实收单产（公斤/亩）\r\n东岗一号地,2025,712.5\r\n西洼地,2024,640\r\n'
    const parsed = parseActualsCsv(new Uint8Array(gb18030(csv)), FIELDS, JIN_MU, 2025)
    expect(parsed.encoding).toBe('gb18030')
    expect(parsed.problems).toEqual([])
    expect(parsed.records.map((r) => [r.fieldId, r.seasonYear, r.yieldKgPerHa])).toEqual([
      [1, 2025, 10_687.5],
      [2, 2024, 9600],
    ])
  })
})

describe('actuals CSV: every bad cell is named', () => {
  it('names unknown fields, duplicates, non-numbers, negatives, implausible yields and future seasons by row and header', () => {
    const csv = [
      '地块名称,年份,实收单产（斤/亩）,售价（元/斤）,成本（元/亩）',
      '东岗一号地,2025,1400,1.05,820', // row 2: fine
      '东岗三号地,2025,1400,,', // row 3: unknown field
      '东岗一号地,2025,1380,,', // row 4: same field and season as row 2
      '西洼地,2025,"1,300",,', // row 5: a thousands separator is not read as one
      '西洼地,2021,一千三,,', // row 6: not a number
      '西洼地,2024,-5,,', // row 7: negative
      '西洼地,2023,4100,,', // row 8: 4,100 斤/亩 = 30,750 kg/ha > 30,000
      '西洼地,2026,1300,,', // row 9: season in the future
      '西洼地,2022,1300,-1,abc', // row 10: negative price, cost not a number
      ',,,,', // blank row: skipped, not counted
      '西洼地,,,,', // row 12: season and yield required
      'North field,2025.5,1300,,', // row 13: not a whole year
    ].join('\n')
    const parsed = parseActualsCsv(utf8(csv), FIELDS, JIN_MU, 2025)
    expect(parsed.records.map((r) => [r.fieldId, r.seasonYear])).toEqual([[1, 2025]])
    expect(parsed.problems).toEqual([
      { row: 3, column: '地块名称', rule: 'unknown_field_name', params: { value: '东岗三号地' } },
      {
        row: 4,
        column: '地块名称',
        rule: 'duplicate_actual',
        params: { value: '东岗一号地', year: 2025, first: 2 },
      },
      { row: 5, column: '实收单产（斤/亩）', rule: 'not_a_number', params: { value: '1,300' } },
      { row: 6, column: '实收单产（斤/亩）', rule: 'not_a_number', params: { value: '一千三' } },
      { row: 7, column: '实收单产（斤/亩）', rule: 'min_number', params: { limit: 0 } },
      {
        row: 8,
        column: '实收单产（斤/亩）',
        rule: 'yield_implausible',
        params: { value: '4100', limit: 4000 },
      },
      { row: 9, column: '年份', rule: 'year_in_future', params: { year: 2026, limit: 2025 } },
      { row: 10, column: '售价（元/斤）', rule: 'min_number', params: { limit: 0 } },
      { row: 10, column: '成本（元/亩）', rule: 'not_a_number', params: { value: 'abc' } },
      { row: 12, column: '年份', rule: 'required' },
      { row: 12, column: '实收单产（斤/亩）', rule: 'required' },
      { row: 13, column: '年份', rule: 'integer' },
    ])
  })

  it('names a missing required column at row 0 and reads no row', () => {
    const parsed = parseActualsCsv(utf8('地块名称,售价\n东岗一号地,1.1\n'), FIELDS, JIN_MU, 2025)
    expect(parsed.records).toEqual([])
    expect(parsed.problems).toEqual([
      { row: 0, column: 'season', rule: 'missing_column' },
      { row: 0, column: 'yield', rule: 'missing_column' },
    ])
  })

  it('names units it cannot read and a column given twice, never guessing', () => {
    const csv =
      '地块,年份,单产（斤/垧）,售价（元/亩）,成本（元/斤）,地块名称\n东岗一号地,2025,1400,1,1,东岗一号地\n'
    const parsed = parseActualsCsv(utf8(csv), FIELDS, JIN_MU, 2025)
    expect(parsed.records).toEqual([])
    expect(parsed.problems).toEqual([
      { row: 1, column: '单产（斤/垧）', rule: 'unit_unknown', params: { value: '斤/垧' } },
      { row: 1, column: '售价（元/亩）', rule: 'money_unit_unknown', params: { value: '元/亩' } },
      { row: 1, column: '成本（元/斤）', rule: 'money_unit_unknown', params: { value: '元/斤' } },
      { row: 1, column: '地块名称', rule: 'duplicate_column', params: { other: '地块' } },
    ])
  })

  it('passes on what reading found: bytes that are not text', () => {
    const bytes = new Uint8Array([...Buffer.from('地块名称,年份,单产\n东岗一号地,2025,', 'utf8'), 0xff, 0x0a])
    const parsed = parseActualsCsv(bytes, FIELDS, JIN_MU, 2025)
    expect(parsed.records).toEqual([])
    expect(parsed.problems.map((p) => [p.row, p.rule])).toContainEqual([2, 'encoding_invalid'])
  })
})
