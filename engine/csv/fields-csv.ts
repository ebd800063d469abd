import Papa from 'papaparse'
import { parseStrictNumber } from '../csv-numbers'
import { AppError, type Issue, type Rule } from '../errors'
import {
  CROPS,
  type Crop,
  type FieldInput,
  FieldInputSchema,
  SALINE_CLASSES,
  WATER_REGIMES,
} from '../schemas/field'
import type { AreaUnit, MassUnit } from '../units'
import { toHa, toPerHa, yieldToKgPerHa } from '../units'
import { toIssues } from '../validation'

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
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text
}

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ')

function lookup<K extends string>(table: Record<K, string[]>, raw: string): K | null {
  const v = norm(raw)
  for (const [k, words] of Object.entries(table) as [K, string[]][])
    if (words.some((w) => norm(w) === v)) return k
  return null
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
  groupId: (name: string) => number | null
}

/** One parsed row, ready to write: the field, and a group name the import must create first. */
export type CsvRow = { field: FieldInput; newGroup: string | null }

export type CsvProblem = {
  row: number
  column: string
  rule: Rule
  params?: Record<string, string | number>
}

export const CSV_MAX_ROWS = 20_000
export const CSV_MAX_CHARS = 16 * 1024 * 1024

export function readTable(text: string): { headers: string[]; rows: string[][] } {
  if (text.length > CSV_MAX_CHARS)
    throw new AppError('VALIDATION', 'CSV too large', { issues: [{ path: [], rule: 'file_too_large' }] })
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' })
  const [headers = [], ...rows] = parsed.data
  if (headers.length === 0)
    throw new AppError('VALIDATION', 'CSV has no header', { issues: [{ path: [], rule: 'csv_empty' }] })
  if (rows.length > CSV_MAX_ROWS) {
    throw new AppError('VALIDATION', 'Too many rows', {
      issues: [{ path: [], rule: 'too_many_rows', params: { limit: CSV_MAX_ROWS } }],
    })
  }
  return { headers, rows }
}

/**
 * Turns CSV rows into fields in canonical units, or lists every problem by row (1 = first data
 * row, as a spreadsheet shows it after the header) and column (the header text). Strict: an empty
 * required cell is not 0, "12.5亩" is not 12.5.
 */
export function parseFieldRows(
  headers: string[],
  rows: string[][],
  mapping: ColumnTarget[],
  units: CsvUnits,
  lookups: CsvLookups,
): { rows: CsvRow[]; problems: CsvProblem[] } {
  const out: CsvRow[] = []
  const problems: CsvProblem[] = []
  const index = (c: FieldColumn) => mapping.indexOf(c)
  const missing = (['name', 'area', 'crop'] as const).filter((c) => index(c) === -1)
  for (const c of missing) problems.push({ row: 0, column: c, rule: 'missing_column' })
  if (missing.length > 0) return { rows: out, problems }

  rows.forEach((cells, r) => {
    const rowNo = r + 1
    const rowProblems: CsvProblem[] = []
    const cell = (c: FieldColumn) => (index(c) === -1 ? '' : unescapeCell(cells[index(c)] ?? ''))
    const header = (c: FieldColumn) => headers[index(c)] ?? c
    const bad = (c: FieldColumn | string, rule: Rule, params?: Record<string, string | number>) =>
      rowProblems.push({
        row: rowNo,
        column: typeof c === 'string' && c in HEADER_ALIASES ? header(c as FieldColumn) : c,
        rule,
        ...(params ? { params } : {}),
      })
    const number = (c: FieldColumn, required: boolean): number | null => {
      const raw = cell(c)
      if (raw === '') {
        if (required) bad(c, 'required')
        return null
      }
      const n = parseStrictNumber(raw)
      if (n === null) bad(c, 'not_a_number', { value: raw })
      return n
    }
    const crop = lookup(WORDS.crop, cell('crop'))
    if (!crop) bad('crop', 'unknown_option', { value: cell('crop') })
    const area = number('area', true)
    const density = number('density', false)
    const waterRaw = cell('water')
    const water = waterRaw === '' ? (crop === 'rice' ? 'paddy' : 'rainfed') : lookup(WORDS.water, waterRaw)
    if (!water) bad('water', 'unknown_option', { value: waterRaw })
    const hsfRaw = cell('hsf')
    const hasHsf = WORDS.yes.some((w) => norm(w) === norm(hsfRaw))
      ? true
      : WORDS.no.some((w) => norm(w) === norm(hsfRaw))
        ? false
        : null
    if (hasHsf === null) bad('hsf', 'unknown_option', { value: hsfRaw })
    const saline = lookup(WORDS.saline, cell('saline'))
    if (!saline) bad('saline', 'unknown_option', { value: cell('saline') })
    const heat = number('heatSum', false)
    const grade = number('grade', false)
    const hsfYear = number('hsfYear', false)
    let varietyId: number | null = null
    if (cell('variety') !== '' && crop) {
      varietyId = lookups.varietyId(crop, cell('variety'))
      if (varietyId === null) bad('variety', 'unknown_variety', { value: cell('variety') })
    }
    const groupName = cell('group')
    const groupId = groupName === '' ? null : lookups.groupId(groupName)
    const history: { year: number; yieldKgPerHa: number }[] = []
    mapping.forEach((target, i) => {
      if (!target.startsWith('yield:')) return
      const raw = unescapeCell(cells[i] ?? '')
      if (raw === '') return
      const n = parseStrictNumber(raw)
      if (n === null) bad(headers[i] ?? target, 'not_a_number', { value: raw })
      else
        history.push({
          year: Number(target.slice(6)),
          yieldKgPerHa: snap(yieldToKgPerHa(n, units.yieldMass, units.yieldArea)),
        })
    })
    if (rowProblems.length > 0 || !crop || !water || hasHsf === null || !saline) {
      problems.push(...rowProblems)
      return
    }
    const input = {
      name: cell('name'),
      village: cell('village'),
      township: cell('township'),
      areaHa: area === null ? undefined : toHa(area, units.area),
      crop,
      varietyId,
      densityPlantsPerHa: density === null ? null : snap(toPerHa(density, units.densityArea)),
      waterRegime: water,
      hasHsf,
      hsfYearBuilt: hasHsf ? hsfYear : null,
      salineClass: saline,
      heatSumCd: heat ?? 2700,
      qualityGrade: grade ?? 5,
      groupId,
      note: cell('note'),
      history,
    }
    const parsed = FieldInputSchema.safeParse(input)
    if (!parsed.success) {
      for (const issue of toIssues(parsed.error, input)) problems.push(problemOf(rowNo, issue, header))
      return
    }
    out.push({ field: parsed.data, newGroup: groupName !== '' && groupId === null ? groupName : null })
  })
  const seen = new Map<string, number>()
  out.forEach((r, i) => {
    const first = seen.get(r.field.name)
    if (first !== undefined)
      problems.push({ row: i + 1, column: headers[index('name')] ?? 'name', rule: 'duplicate_name' })
    else seen.set(r.field.name, i)
  })
  return { rows: out, problems }
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

function problemOf(row: number, issue: Issue, header: (c: FieldColumn) => string): CsvProblem {
  const key = String(issue.path[0] ?? '')
  const column = FIELD_OF_KEY[key] ? header(FIELD_OF_KEY[key]) : key
  return { row, column, rule: issue.rule, ...(issue.params ? { params: issue.params } : {}) }
}

export { CROPS, SALINE_CLASSES, WATER_REGIMES }
