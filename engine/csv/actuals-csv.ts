import type { ActualRecord } from '../actuals/types'
import { parseStrictNumber } from '../csv-numbers'
import type { Rule } from '../errors'
import { FIELD_LIMITS } from '../schemas/field'
import type { AreaUnit, MassUnit } from '../units'
import { toKg, toPerHa, yieldFromKgPerHa, yieldToKgPerHa } from '../units'
import { unescapeCell } from './cells'
import { readUnitText } from './field-headers'
import { type CsvProblem, readCsv } from './read-csv'
import { futureYear } from './season'

/** The units an actuals CSV's numbers are read in, when its headers do not say. */
export type ActualsCsvUnits = {
  yieldMass: MassUnit
  yieldArea: AreaUnit
  priceMass: MassUnit
  costArea: AreaUnit
}

export type ParsedActuals = {
  /** canonical records (kg/ha, yuan/kg, yuan/ha), one per row without problems */
  records: ActualRecord[]
  problems: CsvProblem[]
  /** rows read, header excluded */
  rows: number
  encoding: 'utf-8' | 'gb18030'
}

/** The columns of an actuals CSV: the first three are required. */
export const ACTUALS_COLUMNS = ['name', 'season', 'yield', 'price', 'cost'] as const
export type ActualsColumn = (typeof ACTUALS_COLUMNS)[number]
const REQUIRED: readonly ActualsColumn[] = ['name', 'season', 'yield']

/** Headers we recognise (after their bracketed unit is taken off), in Chinese and English. */
const ALIASES: Record<ActualsColumn, string[]> = {
  name: ['地块名称', '地块', '名称', '地块名', 'name', 'field', 'field name'],
  season: ['年份', '季', '年度', '收获年份', 'season', 'year'],
  yield: ['实收单产', '单产', '实际单产', '实收亩产', '亩产', 'yield', 'actual yield'],
  price: ['售价', '实际售价', '销售价格', '价格', 'price', 'sale price'],
  cost: ['成本', '实际成本', '总成本', 'cost', 'actual cost'],
}

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ')
let columnOf: Map<string, ActualsColumn> | null = null
/** Built on first use, not when the module loads (the command line loads it for every command). */
function columnWords(): Map<string, ActualsColumn> {
  if (columnOf) return columnOf
  const map = new Map<string, ActualsColumn>()
  for (const c of ACTUALS_COLUMNS) for (const a of ALIASES[c]) map.set(norm(a), c)
  columnOf = map
  return map
}

/** 亩产 is yield per mu: the word carries its area when the header names none. */
const PER_MU_WORDS = new Set(['亩产', '实收亩产'])

type HeaderRead = { column: ActualsColumn | null; unitText: string | null }

/** A header's column and the text of its bracketed unit: 实收单产（斤/亩）, 售价(元/斤), yield (kg/ha). */
function readActualsHeader(header: string): HeaderRead {
  const units: string[] = []
  const words = norm(header)
    .replace(/[([【]([^)\]】]*)[)\]】]/g, (_, inner: string) => {
      units.push(inner.trim())
      return ' '
    })
    .trim()
  return { column: columnWords().get(words) ?? null, unitText: units[0] ?? null }
}

/** Money units are written 元/斤, 元/亩, yuan/kg: the currency is taken off, the rest read as a unit. */
function moneyUnit(text: string): ReturnType<typeof readUnitText> {
  const rest = norm(text)
    .replace(/\s+/g, '')
    .replace(/^(元|人民币|yuan|rmb|cny|¥)(\/|每|per)?/, '')
  return rest === '' ? 'unknown' : readUnitText(rest)
}

type ColumnReading = { index: number; header: string; mass: MassUnit; area: AreaUnit; readable: boolean }

/**
 * An actuals CSV (实收) in UTF-8 or GB18030: field name, season, actual yield, and optionally the
 * sale price and the cost, in the units its headers name or the workspace's. Fields are matched by
 * name (trimmed, exactly as in the field list). Refuses, as readCsv does, a file that cannot be a
 * list at all (too large, UTF-16, binary, empty: a VALIDATION error); everything else comes back
 * with every problem named by spreadsheet row and header, the same shape as the fields CSV:
 * - the file: a missing required column (row 0), a column given twice, a unit that cannot be read;
 * - a row: an empty required cell, an unknown field, a season that is not a whole year or is after
 *   `currentYear`, a number that is not a number, a negative yield, price or cost, a yield above
 *   FIELD_LIMITS.yieldMaxKgPerHa, a second row for the same field and season.
 * Records are in canonical units (kg/ha, yuan/kg, yuan/ha), converted and never rounded; only rows
 * without problems become records, so a caller imports all or nothing by checking `problems`.
 */
export function parseActualsCsv(
  bytes: Uint8Array,
  fields: readonly { id: number; name: string }[],
  units: ActualsCsvUnits,
  currentYear: number,
): ParsedActuals {
  const table = readCsv(bytes)
  const problems: CsvProblem[] = [...table.problems]
  const records: ActualRecord[] = []
  const done = () => ({
    records,
    problems: problems.sort((a, b) => a.row - b.row),
    rows: table.dataRows,
    encoding: table.encoding,
  })
  if (!table.decoded) return done()

  const { headers, headerRow } = table
  const columns = new Map<ActualsColumn, ColumnReading>()
  headers.forEach((header, index) => {
    const { column, unitText } = readActualsHeader(header)
    if (!column) return
    const first = columns.get(column)
    if (first) {
      problems.push({
        row: headerRow,
        column: header,
        rule: 'duplicate_column',
        params: { other: first.header },
      })
      return
    }
    const reading: ColumnReading = { index, header, mass: 'kg', area: 'ha', readable: true }
    const unknown = (rule: Rule) => {
      reading.readable = false
      problems.push({ row: headerRow, column: header, rule, params: { value: unitText ?? '' } })
    }
    if (column === 'yield') {
      const unit = unitText === null ? null : readUnitText(unitText)
      if (unit === 'unknown') unknown('unit_unknown')
      const perMu = PER_MU_WORDS.has(
        norm(header)
          .replace(/[([【].*$/, '')
          .trim(),
      )
      reading.mass = (unit !== 'unknown' && unit?.mass) || units.yieldMass
      reading.area = (unit !== 'unknown' && unit?.area) || (perMu ? 'mu' : units.yieldArea)
    } else if (column === 'price') {
      const unit = unitText === null ? null : moneyUnit(unitText)
      // A price is per mass: 元/亩 in a price column is a cost, not something to guess around.
      if (unit === 'unknown' || unit?.area !== undefined) unknown('money_unit_unknown')
      reading.mass = (unit !== 'unknown' && unit?.mass) || units.priceMass
    } else if (column === 'cost') {
      const unit = unitText === null ? null : moneyUnit(unitText)
      if (unit === 'unknown' || unit?.mass !== undefined) unknown('money_unit_unknown')
      reading.area = (unit !== 'unknown' && unit?.area) || units.costArea
    }
    columns.set(column, reading)
  })
  const missing = REQUIRED.filter((c) => !columns.has(c))
  for (const c of missing) problems.push({ row: 0, column: c, rule: 'missing_column' })
  if (missing.length > 0) return done()

  const idOf = new Map<string, number>()
  for (const f of fields) idOf.set(f.name.trim(), f.id)
  const firstRowOf = new Map<string, number>()
  const yieldCol = columns.get('yield')!
  // The cap in the column's own unit, so the message speaks the user's numbers.
  const yieldLimit = yieldFromKgPerHa(FIELD_LIMITS.yieldMaxKgPerHa, yieldCol.mass, yieldCol.area)

  for (const { row, cells } of table.records) {
    const rowProblems: CsvProblem[] = []
    const bad = (c: ColumnReading, rule: Rule, params?: Record<string, string | number>) =>
      rowProblems.push({ row, column: c.header, rule, ...(params ? { params } : {}) })
    const cell = (c: ColumnReading) => unescapeCell(cells[c.index] ?? '')
    /** A number ≥ 0 from a cell: null when empty, undefined when it is named as a problem. */
    const amount = (c: ColumnReading | undefined, required: boolean): number | null | undefined => {
      if (!c) return null
      const raw = cell(c)
      if (raw === '') {
        if (required) bad(c, 'required')
        return required ? undefined : null
      }
      if (!c.readable) return undefined
      const n = parseStrictNumber(raw)
      if (n === null) {
        bad(c, 'not_a_number', { value: raw })
        return undefined
      }
      if (n < 0) {
        bad(c, 'min_number', { limit: 0 })
        return undefined
      }
      return n
    }

    const nameCol = columns.get('name')!
    const name = cell(nameCol)
    let fieldId: number | undefined
    if (name === '') bad(nameCol, 'required')
    else {
      fieldId = idOf.get(name)
      if (fieldId === undefined) bad(nameCol, 'unknown_field_name', { value: name })
    }

    const seasonCol = columns.get('season')!
    const seasonRaw = cell(seasonCol)
    let season: number | undefined
    if (seasonRaw === '') bad(seasonCol, 'required')
    else {
      // 2025年 and 2025 are the same season; anything else must be a plain whole year.
      const n = parseStrictNumber(seasonRaw.replace(/年$/, ''))
      if (n === null) bad(seasonCol, 'not_a_number', { value: seasonRaw })
      else if (!Number.isInteger(n)) bad(seasonCol, 'integer')
      else if (n < FIELD_LIMITS.firstYear) bad(seasonCol, 'min_number', { limit: FIELD_LIMITS.firstYear })
      else if (futureYear(n, currentYear)) bad(seasonCol, 'year_in_future', { year: n, limit: currentYear })
      else season = n
    }

    let yieldKgPerHa: number | undefined
    const y = amount(yieldCol, true)
    if (y !== null && y !== undefined) {
      if (y > yieldLimit) bad(yieldCol, 'yield_implausible', { value: cell(yieldCol), limit: yieldLimit })
      else yieldKgPerHa = yieldToKgPerHa(y, yieldCol.mass, yieldCol.area)
    }
    const priceCol = columns.get('price')
    const price = amount(priceCol, false)
    // yuan per (mass unit) → yuan/kg: the price of one kg is the price of 1 kg expressed in that unit.
    const priceYuanPerKg = price == null || !priceCol ? price : price / toKg(1, priceCol.mass)
    const costCol = columns.get('cost')
    const cost = amount(costCol, false)
    const costYuanPerHa = cost == null || !costCol ? cost : toPerHa(cost, costCol.area)

    if (name !== '' && season !== undefined) {
      const key = `${name}\u0000${season}`
      const first = firstRowOf.get(key)
      if (first !== undefined) bad(nameCol, 'duplicate_actual', { value: name, year: season, first })
      else firstRowOf.set(key, row)
    }
    problems.push(...rowProblems)
    if (
      rowProblems.length > 0 ||
      fieldId === undefined ||
      season === undefined ||
      yieldKgPerHa === undefined ||
      priceYuanPerKg === undefined ||
      costYuanPerHa === undefined
    )
      continue
    records.push({ fieldId, seasonYear: season, yieldKgPerHa, priceYuanPerKg, costYuanPerHa })
  }
  return done()
}
