import { parseStrictNumber } from '../csv-numbers'
import type { Issue, Rule } from '../errors'
import { GROUP_NAME_MAX_CHARS, groupNameKey, groupNameLength } from '../group-name'
import {
  CROPS,
  type Crop,
  type FieldInput,
  FieldInputSchema,
  SALINE_CLASSES,
  WATER_REGIMES,
  type WaterRegime,
} from '../schemas/field'
import type { AreaUnit, MassUnit } from '../units'
import { toHa, toPerHa, yieldToKgPerHa } from '../units'
import { toIssues } from '../validation'
import { CSV_MAX_BYTES, CSV_MAX_COLUMNS, CSV_MAX_ROWS, type CsvProblem, type CsvTable } from './read-csv'

/** The columns a field CSV can carry; `history` columns are "单产2023" / "yield_2023". */
export const FIELD_COLUMNS = [
  'name',
  'village',
  'township',
  'area',
  'crop',
  'variety',
  'density',
  'water',
  'hsf',
  'hsfYear',
  'saline',
  'heatSum',
  'grade',
  'group',
  'note',
] as const
export type FieldColumn = (typeof FIELD_COLUMNS)[number]
export type ColumnTarget = FieldColumn | `yield:${number}` | 'ignore'

/** Headers we recognise, in Chinese and English, as Excel and WPS users write them. */
const HEADER_ALIASES: Record<FieldColumn, string[]> = {
  name: ['名称', '地块', '地块名称', 'name', 'field'],
  village: ['村', '村庄', 'village'],
  township: ['乡镇', '镇', '乡', 'township'],
  area: ['面积', 'area'],
  crop: ['作物', 'crop'],
  variety: ['品种', 'variety'],
  density: ['密度', '种植密度', 'density'],
  water: ['水分管理', '灌溉', '水分', 'water', 'water regime'],
  hsf: ['高标准农田', 'hsf', 'high-standard farmland'],
  hsfYear: ['建成年份', 'hsf year', 'year built'],
  saline: ['盐碱', '盐碱程度', 'salinity', 'saline'],
  heatSum: ['积温', '≥10°c积温', '≥10 °c 积温', 'heat sum', 'heat'],
  grade: ['地力等级', '耕地质量等级', '等级', 'grade', 'quality grade'],
  group: ['分组', 'group'],
  note: ['备注', 'note'],
}

const WORDS = {
  crop: {
    maize: ['玉米', 'maize', 'corn'],
    soybean: ['大豆', 'soybean', 'soy'],
    rice: ['水稻', 'rice', '稻'],
  },
  water: {
    rainfed: ['雨养', '旱作', '雨养（旱作）', 'rainfed'],
    furrow: ['沟灌', 'furrow', 'furrow irrigation'],
    sprinkler: ['喷灌', 'sprinkler'],
    drip: ['滴灌', '滴灌水肥一体化', '水肥一体化', 'drip', 'drip fertigation'],
    paddy: ['水田', 'paddy'],
  },
  saline: {
    none: ['', '无', '否', '非盐碱', 'none', 'no', 'not saline'],
    light: ['轻', '轻度', '轻度盐碱', 'light', 'slight', 'slightly saline'],
    moderate: ['中', '中度', '中度盐碱', 'moderate', 'moderately saline'],
    severe: ['重', '重度', '重度盐碱', 'severe', 'severely saline'],
  },
  yes: ['是', '有', '已建', 'yes', 'y', 'true', '1'],
  no: ['', '否', '无', '未建', 'no', 'n', 'false', '0'],
}

/**
 * Per-mu figures times 15 carry float noise (4166.666666666667 × 15 = 62500.00000000001). Yields
 * and densities are stored to a millionth of a kg or plant per ha, far below any measurement.
 */
function snap(x: number): number {
  return Math.round(x * 1e6) / 1e6
}

/** Undoes our own export's guard: an apostrophe put before = + - @ to stop formulas. */
function unescapeCell(raw: string): string {
  const text = raw.normalize('NFKC').trim()
  return /^''*[=+\-@]/.test(text) ? text.slice(1) : text
}

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ')

/** A word table normalised once: normalised word → the option it means. */
function table<K extends string>(words: Record<K, string[]>): Map<string, K> {
  const map = new Map<string, K>()
  for (const [k, list] of Object.entries(words) as [K, string[]][])
    for (const w of list) if (!map.has(norm(w))) map.set(norm(w), k)
  return map
}

const CROP_OF = table(WORDS.crop)
const WATER_OF = table(WORDS.water)
const SALINE_OF = table(WORDS.saline)
const HSF_OF = table({ yes: WORDS.yes, no: WORDS.no })

function lookup<K extends string>(map: Map<string, K>, raw: string): K | null {
  return map.get(norm(raw)) ?? null
}

/** The column each header maps to, guessed from the header text; "ignore" when unknown. */
export function guessMapping(headers: string[]): ColumnTarget[] {
  return headers.map((h) => {
    const n = norm(h)
      .replace(/[（(].*?[）)]/g, '')
      .trim()
    const year = /^(?:单产|yield)[\s_-]*(\d{4})$/.exec(n)
    if (year) return `yield:${Number(year[1])}` as const
    for (const c of FIELD_COLUMNS) if (HEADER_ALIASES[c].some((a) => norm(a) === n)) return c
    return 'ignore'
  })
}

export type CsvUnits = { area: AreaUnit; yieldMass: MassUnit; yieldArea: AreaUnit; densityArea: AreaUnit }

export type CsvLookups = {
  varietyId: (crop: Crop, name: string) => number | null
  /** The existing group with this key (groupNameKey), if any. */
  groupIdByKey: (key: string) => number | null
  /** Whether the workspace already has a field of this name. */
  fieldNameTaken: (name: string) => boolean
}

/**
 * One parsed row, ready to write: its spreadsheet row, the field, and the name of a group the
 * import must create first (the first spelling the file used for that group).
 */
export type CsvRow = { row: number; field: FieldInput; newGroup: string | null }

/**
 * A value the import fills in because a row left the cell empty or the file has no such column:
 * shown before importing, so nobody takes 2,700 °C·d or grade 5 for a measured value.
 */
export type CsvDefault = {
  column: FieldColumn
  /** The file's header of that column, or null when the file has no such column. */
  header: string | null
  /** The value used, in canonical form (°C·d, grade, water regime, HSF yes/no, saline class). */
  value: string | number | boolean
  /** How many rows took it. */
  count: number
  /** The first of those rows (spreadsheet row numbers), at most DEFAULT_ROWS_LISTED. */
  rows: number[]
}

export const DEFAULT_HEAT_SUM_CD = 2700
export const DEFAULT_QUALITY_GRADE = 5
const DEFAULT_ROWS_LISTED = 50

export type { CsvProblem }
export { CSV_MAX_BYTES, CSV_MAX_COLUMNS, CSV_MAX_ROWS }

/** Problems in spreadsheet order; a row's problems keep the order they were found in. */
function inRowOrder(problems: CsvProblem[]): CsvProblem[] {
  return problems.sort((a, b) => a.row - b.row)
}

/**
 * Turns a read CSV into fields in canonical units, or lists every problem by spreadsheet row and
 * column (the header text). Strict: an empty required cell is not 0, "12.5亩" is not 12.5, a build
 * year without high-standard farmland is named rather than dropped, a column mapped twice is named
 * rather than half read, and a name already used (in the file or the workspace) is named at its
 * own row. The preview and the import both run exactly this; the import then writes.
 */
export function parseFieldRows(
  table: CsvTable,
  mapping: ColumnTarget[],
  units: CsvUnits,
  lookups: CsvLookups,
): { rows: CsvRow[]; problems: CsvProblem[]; defaults: CsvDefault[] } {
  const { headers } = table
  const out: CsvRow[] = []
  const problems: CsvProblem[] = [...table.problems]
  if (!table.decoded) return { rows: out, problems: inRowOrder(problems), defaults: [] }

  const columnOf = new Map<ColumnTarget, number>()
  mapping.forEach((target, i) => {
    if (target === 'ignore') return
    const first = columnOf.get(target)
    if (first === undefined) columnOf.set(target, i)
    else
      problems.push({
        row: table.headerRow,
        column: headers[i] ?? target,
        rule: 'duplicate_column',
        params: { other: headers[first] ?? target },
      })
  })
  const missing = (['name', 'area', 'crop'] as const).filter((c) => !columnOf.has(c))
  for (const c of missing) problems.push({ row: 0, column: c, rule: 'missing_column' })
  if (missing.length > 0) return { rows: out, problems: inRowOrder(problems), defaults: [] }

  const header = (c: FieldColumn) => {
    const i = columnOf.get(c)
    return i === undefined ? c : (headers[i] ?? c)
  }
  const yieldColumns = [...columnOf]
    .filter(([target]) => target.startsWith('yield:'))
    .map(([target, index]) => ({ year: Number(target.slice(6)), index }))
  const newGroups = new Map<string, string>()
  const firstRowOf = new Map<string, number>()
  const tally = new Map<string, CsvDefault>()

  for (const { row, cells } of table.records) {
    const rowProblems: CsvProblem[] = []
    const taken: { column: FieldColumn; value: string | number | boolean }[] = []
    const cell = (c: FieldColumn) => {
      const i = columnOf.get(c)
      return i === undefined ? '' : unescapeCell(cells[i] ?? '')
    }
    const bad = (column: string, rule: Rule, params?: Record<string, string | number>) =>
      rowProblems.push({ row, column, rule, ...(params ? { params } : {}) })
    const number = (c: FieldColumn, required: boolean): number | null => {
      const raw = cell(c)
      if (raw === '') {
        if (required) bad(header(c), 'required')
        return null
      }
      const n = parseStrictNumber(raw)
      if (n === null) bad(header(c), 'not_a_number', { value: raw })
      return n
    }

    const name = cell('name')
    const crop = lookup(CROP_OF, cell('crop'))
    if (!crop) bad(header('crop'), 'unknown_option', { value: cell('crop') })
    const area = number('area', true)
    const density = number('density', false)
    const waterRaw = cell('water')
    let water: WaterRegime | null
    if (waterRaw === '') {
      water = crop === 'rice' ? 'paddy' : 'rainfed'
      taken.push({ column: 'water', value: water })
    } else {
      water = lookup(WATER_OF, waterRaw)
      if (!water) bad(header('water'), 'unknown_option', { value: waterRaw })
    }
    const hsfRaw = cell('hsf')
    let hasHsf: boolean | null = null
    if (hsfRaw === '') {
      hasHsf = false
      taken.push({ column: 'hsf', value: false })
    } else {
      const word = lookup(HSF_OF, hsfRaw)
      if (word === null) bad(header('hsf'), 'unknown_option', { value: hsfRaw })
      else hasHsf = word === 'yes'
    }
    const salineRaw = cell('saline')
    const saline = lookup(SALINE_OF, salineRaw)
    if (!saline) bad(header('saline'), 'unknown_option', { value: salineRaw })
    else if (salineRaw === '') taken.push({ column: 'saline', value: saline })
    const heat = number('heatSum', false)
    if (heat === null && cell('heatSum') === '') taken.push({ column: 'heatSum', value: DEFAULT_HEAT_SUM_CD })
    const grade = number('grade', false)
    if (grade === null && cell('grade') === '') taken.push({ column: 'grade', value: DEFAULT_QUALITY_GRADE })
    const hsfYear = number('hsfYear', false)
    let varietyId: number | null = null
    if (cell('variety') !== '' && crop) {
      varietyId = lookups.varietyId(crop, cell('variety'))
      if (varietyId === null) bad(header('variety'), 'unknown_variety', { value: cell('variety') })
    }

    const groupName = cell('group')
    let groupId: number | null = null
    let newGroup: string | null = null
    if (groupName !== '') {
      if (groupNameLength(groupName) > GROUP_NAME_MAX_CHARS)
        bad(header('group'), 'max_string', { limit: GROUP_NAME_MAX_CHARS })
      const key = groupNameKey(groupName)
      groupId = lookups.groupIdByKey(key)
      if (groupId === null) {
        newGroup = newGroups.get(key) ?? groupName
        newGroups.set(key, newGroup)
      }
    }

    const history: { year: number; yieldKgPerHa: number }[] = []
    const historyHeaders: string[] = []
    for (const { year, index } of yieldColumns) {
      const raw = unescapeCell(cells[index] ?? '')
      if (raw === '') continue
      const n = parseStrictNumber(raw)
      const column = headers[index] ?? `yield:${year}`
      if (n === null) bad(column, 'not_a_number', { value: raw })
      else {
        history.push({ year, yieldKgPerHa: snap(yieldToKgPerHa(n, units.yieldMass, units.yieldArea)) })
        historyHeaders.push(column)
      }
    }

    const input = {
      name,
      village: cell('village'),
      township: cell('township'),
      areaHa: area === null ? undefined : toHa(area, units.area),
      crop: crop ?? undefined,
      varietyId,
      densityPlantsPerHa: density === null ? null : snap(toPerHa(density, units.densityArea)),
      waterRegime: water ?? undefined,
      hasHsf: hasHsf ?? undefined,
      // Never dropped: a year with "no HSF" is a contradiction the user must resolve.
      hsfYearBuilt: hsfYear,
      salineClass: saline ?? undefined,
      heatSumCd: heat ?? DEFAULT_HEAT_SUM_CD,
      qualityGrade: grade ?? DEFAULT_QUALITY_GRADE,
      groupId,
      note: cell('note'),
      history,
    }
    const parsed = FieldInputSchema.safeParse(input)
    if (!parsed.success) {
      // A cell already named (an unreadable number, an unknown word) is not named twice.
      const named = new Set(rowProblems.map((p) => p.column))
      for (const issue of toIssues(parsed.error, input)) {
        const p = problemOf(row, issue, header, historyHeaders)
        if (!named.has(p.column)) rowProblems.push(p)
      }
    }
    problems.push(...rowProblems)

    if (name !== '') {
      const first = firstRowOf.get(name)
      if (first !== undefined)
        problems.push({ row, column: header('name'), rule: 'duplicate_name', params: { value: name, first } })
      else {
        firstRowOf.set(name, row)
        if (lookups.fieldNameTaken(name))
          problems.push({ row, column: header('name'), rule: 'duplicate_name', params: { value: name } })
      }
    }
    if (!parsed.success || rowProblems.length > 0) continue
    out.push({ row, field: parsed.data, newGroup })
    for (const t of taken) {
      const key = `${t.column}:${String(t.value)}`
      let d = tally.get(key)
      if (!d) {
        d = {
          column: t.column,
          header: columnOf.has(t.column) ? header(t.column) : null,
          value: t.value,
          count: 0,
          rows: [],
        }
        tally.set(key, d)
      }
      d.count++
      if (d.rows.length < DEFAULT_ROWS_LISTED) d.rows.push(row)
    }
  }
  return { rows: out, problems: inRowOrder(problems), defaults: [...tally.values()] }
}

const FIELD_OF_KEY: Record<string, FieldColumn> = {
  name: 'name',
  village: 'village',
  township: 'township',
  areaHa: 'area',
  crop: 'crop',
  varietyId: 'variety',
  densityPlantsPerHa: 'density',
  waterRegime: 'water',
  hasHsf: 'hsf',
  hsfYearBuilt: 'hsfYear',
  salineClass: 'saline',
  heatSumCd: 'heatSum',
  qualityGrade: 'grade',
  groupId: 'group',
  note: 'note',
}

function problemOf(
  row: number,
  issue: Issue,
  header: (c: FieldColumn) => string,
  historyHeaders: string[],
): CsvProblem {
  const key = String(issue.path[0] ?? '')
  const at = issue.path[1]
  const column =
    key === 'history' && typeof at === 'number'
      ? (historyHeaders[at] ?? key)
      : FIELD_OF_KEY[key]
        ? header(FIELD_OF_KEY[key])
        : key
  const params = issue.params && Object.keys(issue.params).length > 0 ? { params: issue.params } : {}
  return { row, column, rule: issue.rule, ...params }
}

export { CROPS, SALINE_CLASSES, WATER_REGIMES }
