import { parseStrictNumber } from '../csv-numbers'
import { CROPS, type Crop, type WaterRegime } from '../schemas/field'
import { LEVELS, type VarietyInput, VarietyInputSchema } from '../schemas/variety'
import { type AreaUnit, toPerHa } from '../units'
import { toIssues } from '../validation'
import type { CsvProblem, CsvTable } from './read-csv'

/**
 * A variety list as an agronomist keeps it in Excel: one row per variety; density ranges as
 * "雨养最低/雨养最适/雨养上限" (or "rainfed min/opt/max") columns per water regime.
 */
const COLUMN_ALIASES = {
  crop: ['作物', 'crop'],
  name: ['品种', '品种名称', 'variety', 'name'],
  maturityDays: ['熟期', '熟期天数', '生育期', 'maturity', 'maturity days'],
  heatSumNeededCd: ['积温', '需要积温', 'heat sum', 'heat'],
  yieldPotentialPct: ['产量潜力', '相对产量', '比对照', 'yield potential', 'potential'],
  checkVariety: ['对照', '对照品种', 'check', 'check variety'],
  densityTolerance: ['耐密性', 'density tolerance'],
  lodgingRisk: ['倒伏风险', 'lodging', 'lodging risk'],
  saltTolerance: ['耐盐性', 'salt tolerance'],
  oilPct: ['含油', '含油率', 'oil'],
  proteinPct: ['蛋白', '蛋白质', 'protein'],
  seedPriceYuanPerKg: ['种子价格', 'seed price'],
  source: ['来源', 'source'],
} as const
type Column = keyof typeof COLUMN_ALIASES

const REGIME_WORDS: Record<WaterRegime, string[]> = {
  rainfed: ['雨养', 'rainfed'],
  furrow: ['沟灌', 'furrow'],
  sprinkler: ['喷灌', 'sprinkler'],
  drip: ['滴灌', 'drip'],
  paddy: ['水田', 'paddy'],
}
const BOUND_WORDS = {
  min: ['最低', '下限', 'min'],
  opt: ['最适', '最优', 'opt', 'optimum'],
  max: ['上限', '最高', 'max'],
} as const
const CROP_WORDS = {
  maize: ['玉米', 'maize', 'corn'],
  soybean: ['大豆', 'soybean'],
  rice: ['水稻', 'rice'],
} as const
const LEVEL_WORDS = { low: ['低', 'low'], medium: ['中', 'medium'], high: ['高', 'high'] } as const

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[（(].*?[）)]/g, '')
    .replace(/\s+/g, ' ')
    .trim()

function find<K extends string>(table: Record<K, readonly string[]>, raw: string): K | null {
  const v = norm(raw)
  for (const [k, words] of Object.entries(table) as [K, readonly string[]][])
    if (words.some((w) => norm(w) === v)) return k
  return null
}

type Target =
  | { kind: 'column'; column: Column }
  | { kind: 'density'; regime: WaterRegime; bound: 'min' | 'opt' | 'max' }
  | null

function targetOf(header: string): Target {
  const h = norm(header)
  for (const [column, aliases] of Object.entries(COLUMN_ALIASES) as [Column, readonly string[]][]) {
    if (aliases.some((a) => norm(a) === h)) return { kind: 'column', column }
  }
  for (const [regime, words] of Object.entries(REGIME_WORDS) as [WaterRegime, string[]][]) {
    for (const w of words) {
      if (!h.startsWith(norm(w))) continue
      const rest = h.slice(norm(w).length).replace(/^[\s_-]*(密度)?[\s_-]*/, '')
      for (const [bound, bw] of Object.entries(BOUND_WORDS) as ['min' | 'opt' | 'max', readonly string[]][]) {
        if (bw.some((b) => norm(b) === rest)) return { kind: 'density', regime, bound }
      }
    }
  }
  return null
}

export type VarietyLookups = {
  /** Whether the workspace already has a variety of this crop and name. */
  nameTaken: (crop: Crop, name: string) => boolean
}

const DENSITY_KEYS = { minPlantsPerHa: 'min', optimumPlantsPerHa: 'opt', maxPlantsPerHa: 'max' } as const

/**
 * A read variety CSV → variety inputs (densities per ha), or every problem by spreadsheet row and
 * the header as written: unreadable numbers, unknown words, density ranges out of order, a column
 * mapped twice, and a name already used in the file or the workspace. Dry run and import both run
 * exactly this.
 */
export function parseVarietyRows(
  table: CsvTable,
  densityArea: AreaUnit,
  lookups: VarietyLookups,
): { varieties: VarietyInput[]; problems: CsvProblem[] } {
  const { headers } = table
  const problems: CsvProblem[] = [...table.problems]
  const varieties: VarietyInput[] = []
  const done = () => ({ varieties, problems: problems.sort((a, b) => a.row - b.row) })
  if (!table.decoded) return done()

  const targets = headers.map(targetOf)
  const seenTarget = new Map<string, number>()
  targets.forEach((t, i) => {
    if (!t) return
    const key = t.kind === 'column' ? t.column : `${t.regime}:${t.bound}`
    const first = seenTarget.get(key)
    if (first === undefined) seenTarget.set(key, i)
    else
      problems.push({
        row: table.headerRow,
        column: headers[i] ?? key,
        rule: 'duplicate_column',
        params: { other: headers[first] ?? key },
      })
  })
  for (const c of ['crop', 'name'] as const) {
    if (!seenTarget.has(c)) problems.push({ row: 0, column: COLUMN_ALIASES[c][0], rule: 'missing_column' })
  }
  if (problems.some((p) => p.rule === 'missing_column')) return done()
  const header = (c: Column) => {
    const i = seenTarget.get(c)
    return i === undefined ? c : (headers[i] ?? c)
  }
  const densityHeader = (regime: WaterRegime, bound: 'min' | 'opt' | 'max') => {
    const i = seenTarget.get(`${regime}:${bound}`)
    return i === undefined ? undefined : headers[i]
  }
  const firstRowOf = new Map<string, number>()

  for (const { row, cells } of table.records) {
    const before = problems.length
    const text: Partial<Record<Column, string>> = {}
    const densities = new Map<WaterRegime, { min?: number; opt?: number; max?: number }>()
    targets.forEach((target, i) => {
      if (!target) return
      const key = target.kind === 'column' ? target.column : `${target.regime}:${target.bound}`
      if (seenTarget.get(key) !== i) return
      const raw = (cells[i] ?? '').normalize('NFKC').trim()
      if (target.kind === 'column') {
        text[target.column] = raw
        return
      }
      if (raw === '') return
      const n = parseStrictNumber(raw)
      if (n === null) {
        problems.push({ row, column: headers[i] ?? '', rule: 'not_a_number', params: { value: raw } })
        return
      }
      const d = densities.get(target.regime) ?? {}
      d[target.bound] = toPerHa(n, densityArea)
      densities.set(target.regime, d)
    })
    const num = (c: Column) => {
      const raw = text[c] ?? ''
      if (raw === '') return null
      const n = parseStrictNumber(raw)
      if (n === null) problems.push({ row, column: header(c), rule: 'not_a_number', params: { value: raw } })
      return n
    }
    const level = (c: Column) => {
      const raw = text[c] ?? ''
      if (raw === '') return null
      const l = find(LEVEL_WORDS, raw)
      if (!l) problems.push({ row, column: header(c), rule: 'unknown_option', params: { value: raw } })
      return l
    }
    const crop = find(CROP_WORDS, text.crop ?? '')
    if (!crop)
      problems.push({
        row,
        column: header('crop'),
        rule: 'unknown_option',
        params: { value: text.crop ?? '' },
      })
    const potential = num('yieldPotentialPct')
    const regimes = [...densities.keys()]
    const input = {
      crop: crop ?? 'maize',
      name: text.name ?? '',
      maturityDays: num('maturityDays'),
      heatSumNeededCd: num('heatSumNeededCd'),
      yieldPotentialRel: potential === null ? 1 : potential / 100,
      checkVariety: text.checkVariety ? text.checkVariety : null,
      densityTolerance: level('densityTolerance'),
      lodgingRisk: level('lodgingRisk'),
      saltTolerance: level('saltTolerance'),
      oilPct: num('oilPct'),
      proteinPct: num('proteinPct'),
      seedPriceYuanPerKg: num('seedPriceYuanPerKg'),
      source: text.source ?? '',
      isExample: false,
      densities: [...densities].map(([waterRegime, d]) => ({
        waterRegime,
        minPlantsPerHa: d.min,
        optimumPlantsPerHa: d.opt,
        maxPlantsPerHa: d.max,
      })),
    }
    const name = input.name
    if (crop && name !== '') {
      const key = `${crop}:${name}`
      const first = firstRowOf.get(key)
      if (first !== undefined)
        problems.push({
          row,
          column: header('name'),
          rule: 'duplicate_variety_name',
          params: { value: name, first },
        })
      else {
        firstRowOf.set(key, row)
        if (lookups.nameTaken(crop, name))
          problems.push({
            row,
            column: header('name'),
            rule: 'duplicate_variety_name',
            params: { value: name },
          })
      }
    }
    if (problems.length > before) continue
    const parsed = VarietyInputSchema.safeParse(input)
    if (!parsed.success) {
      for (const issue of toIssues(parsed.error, input)) {
        const [key, index, bound] = issue.path
        let column = String(key ?? '')
        if (key === 'densities' && typeof index === 'number') {
          const regime = regimes[index]
          const b = DENSITY_KEYS[String(bound) as keyof typeof DENSITY_KEYS]
          column =
            (regime &&
              (densityHeader(regime, b ?? 'opt') ??
                densityHeader(regime, 'opt') ??
                densityHeader(regime, 'min'))) ??
            column
        } else if (key === 'yieldPotentialRel') column = header('yieldPotentialPct')
        else if (typeof key === 'string' && key in COLUMN_ALIASES) column = header(key as Column)
        const params = issue.params && Object.keys(issue.params).length > 0 ? { params: issue.params } : {}
        problems.push({ row, column, rule: issue.rule, ...params })
      }
      continue
    }
    varieties.push(parsed.data)
  }
  return done()
}

export { CROPS, LEVELS }
