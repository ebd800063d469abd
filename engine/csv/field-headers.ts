import { FIELD_LIMITS } from '../schemas/field'
import type { AreaUnit, MassUnit } from '../units'

/** The columns a field CSV can carry; a yield column is "yield of year N" (`yield:2023`). */
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
  'region',
] as const
export type FieldColumn = (typeof FIELD_COLUMNS)[number]
export type ColumnTarget = FieldColumn | `yield:${number}` | 'ignore'

/** The targets whose numbers carry a unit, and so read one from the header. */
export type UnitKind = 'area' | 'density' | 'yield'

export function unitKindOf(target: ColumnTarget): UnitKind | null {
  if (target === 'area' || target === 'density') return target
  return target.startsWith('yield:') ? 'yield' : null
}

/** Headers we recognise, in Chinese and English, as Excel and WPS users write them. */
const HEADER_ALIASES: Record<FieldColumn, string[]> = {
  name: ['名称', '地块', '地块名称', '地块名', 'name', 'field', 'field name'],
  village: ['村', '村庄', '所在村', 'village'],
  township: ['乡镇', '镇', '乡', 'township'],
  area: ['面积', '地块面积', '种植面积', 'area'],
  crop: ['作物', '种植作物', 'crop'],
  variety: ['品种', '种植品种', 'variety'],
  density: ['密度', '种植密度', '株数', 'density', 'plant density'],
  water: ['水分管理', '灌溉', '灌溉方式', '水分', 'water', 'water regime'],
  hsf: ['高标准农田', '是否高标准农田', '高标准', 'hsf', 'high-standard farmland'],
  hsfYear: ['建成年份', '高标准农田建成年份', '建设年份', 'hsf year', 'year built'],
  saline: ['盐碱', '盐碱程度', '盐碱化', '盐碱地', 'salinity', 'saline'],
  heatSum: ['积温', '≥10°c积温', '≥10 °c 积温', '活动积温', '有效积温', 'heat sum', 'heat'],
  grade: ['地力等级', '耕地质量等级', '质量等级', '等级', 'grade', 'quality grade'],
  group: ['分组', '片区', 'group'],
  note: ['备注', '说明', 'note', 'notes'],
  region: ['区域', '所属区域', '地区', '所在区域', '分区', 'region', 'jilin region'],
}

/** Words that carry their own unit: 亩产 is per mu, 亩数 is in mu, 每亩株数 is plants per mu. */
const UNIT_WORDS: Record<string, { target: FieldColumn; area: AreaUnit }> = {
  亩数: { target: 'area', area: 'mu' },
  公顷数: { target: 'area', area: 'ha' },
  每亩株数: { target: 'density', area: 'mu' },
  亩株数: { target: 'density', area: 'mu' },
  亩保苗: { target: 'density', area: 'mu' },
}

/** What a yield column's header may say besides its year and unit (after 年 and separators go). */
const YIELD_WORDS = new Set([
  '',
  '单产',
  '亩产',
  '产量',
  '亩产量',
  '单产量',
  '平均单产',
  '实收单产',
  '实际单产',
  'yield',
  'yields',
])

const MASS_WORDS: [string, MassUnit][] = [
  ['公斤', 'kg'],
  ['千克', 'kg'],
  ['kg', 'kg'],
  ['斤', 'jin'],
  ['市斤', 'jin'],
  ['jin', 'jin'],
  ['吨', 't'],
  ['t', 't'],
  ['tonnes', 't'],
  ['tons', 't'],
]
const AREA_WORDS: [string, AreaUnit][] = [
  ['亩', 'mu'],
  ['mu', 'mu'],
  ['公顷', 'ha'],
  ['ha', 'ha'],
  ['hm2', 'ha'],
]
const PLANT_WORDS = new Set(['株', 'plants', 'plant'])
const massOf = new Map(MASS_WORDS)
const areaOf = new Map(AREA_WORDS)

/** A unit read from a header: any part it names; a part it does not name comes from the dialog. */
export type HeaderUnit = { mass?: MassUnit; area?: AreaUnit }

export type HeaderReading = {
  /** The column the header names, or 'ignore' when we do not know it. */
  target: ColumnTarget
  /** The unit the header names, or null when it names none. */
  unit: HeaderUnit | null
  /** Unit text the header holds but we cannot read (平方米, 万株/公顷, 垧…): never guessed. */
  unknownUnit: string | null
}

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ')

/** Text that means to be a unit (so one we cannot read is named, not ignored). */
const UNIT_LIKE = /[亩顷斤克吨株垧米/]|\b(?:ha|kg|mu|jin|m2|acres?|t)\b/

/**
 * Reads a unit such as 斤/亩, 公斤/公顷, kg/ha, t/ha, 吨/公顷, 株/亩, 亩, 公斤, plants/ha. Returns
 * null when the text names no unit at all, and 'unknown' when it looks like one we cannot read.
 */
export function readUnitText(text: string): HeaderUnit | 'unknown' | null {
  const t = norm(text).replace(/\s+/g, '').replace(/^每/, '/').replace(/per/g, '/')
  if (t === '') return null
  const parts = t.split('/')
  if (parts.length > 2) return UNIT_LIKE.test(t) ? 'unknown' : null
  const [top = '', bottom] = parts
  const unit: HeaderUnit = {}
  if (bottom !== undefined) {
    const area = areaOf.get(bottom)
    if (!area) return UNIT_LIKE.test(t) ? 'unknown' : null
    unit.area = area
    if (top === '' || PLANT_WORDS.has(top)) return unit
    const mass = massOf.get(top)
    if (!mass) return 'unknown'
    unit.mass = mass
    return unit
  }
  const mass = massOf.get(top)
  if (mass) return { mass }
  const area = areaOf.get(top)
  if (area) return { area }
  return UNIT_LIKE.test(t) ? 'unknown' : null
}

const TRAILING_SLASH_UNIT = /(公斤|千克|kg|斤|jin|吨|t|株|plants?)?\s*\/\s*(亩|公顷|ha|hm2|mu)\s*$/
const UNIT_TOKENS = new Set([...massOf.keys(), ...areaOf.keys(), ...PLANT_WORDS])

/**
 * Splits a normalised header into its words and the unit text it carries: every bracketed part
 * (（斤/亩）, (kg/ha), 【亩】), a trailing slash unit (单产2019 斤/亩), and trailing unit words
 * after a separator (yield_2019_kg_ha, area mu).
 */
function split(header: string): { words: string; unitTexts: string[] } {
  const unitTexts: string[] = []
  let base = header.replace(/[([【]([^)\]】]*)[)\]】]/g, (_, inner: string) => {
    unitTexts.push(inner)
    return ' '
  })
  const slash = TRAILING_SLASH_UNIT.exec(base)
  if (slash) {
    unitTexts.push(slash[0])
    base = base.slice(0, slash.index)
  }
  const tokens = base.split(/[\s_\-:：,，·]+/).filter((w) => w !== '')
  const trailing: string[] = []
  while (tokens.length > 1 && UNIT_TOKENS.has(tokens.at(-1)!)) trailing.unshift(tokens.pop()!)
  if (trailing.length > 0) unitTexts.push(trailing.join('/'))
  return { words: tokens.join(' '), unitTexts }
}

/** The unit of a header from all its unit texts: the first one that reads, else the first that does not. */
function unitOf(unitTexts: string[]): { unit: HeaderUnit | null; unknownUnit: string | null } {
  let unknownUnit: string | null = null
  for (const text of unitTexts) {
    const read = readUnitText(text)
    if (read === 'unknown') unknownUnit ??= text.trim()
    else if (read) return { unit: read, unknownUnit: null }
  }
  return { unit: null, unknownUnit }
}

const YEAR = /(?<!\d)(\d{4})(?!\d)/

/** Every alias by the words it leaves after the same splitting a header gets. */
let aliasOf: Map<string, FieldColumn> | null = null
/** Built on first use, not when the module loads: a command that never reads a header never builds it. */
function aliases(): Map<string, FieldColumn> {
  if (aliasOf) return aliasOf
  const map = new Map<string, FieldColumn>()
  for (const c of FIELD_COLUMNS)
    for (const a of HEADER_ALIASES[c]) {
      const key = split(norm(a)).words
      if (!map.has(key)) map.set(key, c)
    }
  aliasOf = map
  return map
}

/**
 * What a header names, with the year and unit it carries: 单产2019, 2019年单产（斤/亩）, 2019,
 * 2019年, 2019单产, 2019年亩产, 亩产2019（公斤）, yield_2019, 2019 yield (kg/ha) are all "yield of
 * 2019"; 面积（亩）, 面积(公顷), 密度（株/亩） name their unit. A year outside the range a field's
 * history can hold is not taken for a year (a column "1234" is not a yield).
 */
export function readHeader(header: string): HeaderReading {
  const n = norm(header)
  const { words, unitTexts } = split(n)
  const year = YEAR.exec(words)
  if (year) {
    const y = Number(year[1])
    const rest = words
      .replace(year[0], ' ')
      .replace(/年|\byear\b/g, ' ')
      .replace(/[\s_\-:：,，·]+/g, '')
    if (y >= FIELD_LIMITS.firstYear && y <= FIELD_LIMITS.lastYear && YIELD_WORDS.has(rest)) {
      const { unit, unknownUnit } = unitOf(unitTexts)
      // 亩产 is "yield per mu": the area is in the word itself when the header names none.
      const perMu = rest.startsWith('亩产') ? { area: 'mu' as const } : null
      const merged = perMu || unit ? { ...perMu, ...unit } : null
      return { target: `yield:${y}`, unit: merged, unknownUnit }
    }
  }
  const word = words.trim()
  const special = UNIT_WORDS[word]
  if (special) {
    const { unit, unknownUnit } = unitOf(unitTexts)
    return { target: special.target, unit: unit ?? { area: special.area }, unknownUnit }
  }
  const c = aliases().get(word)
  if (c && !unitKindOf(c)) return { target: c, unit: null, unknownUnit: null }
  // A header we do not know keeps its unit: the user may map the column by hand.
  return { target: c ?? 'ignore', ...unitOf(unitTexts) }
}

/** The column each header maps to, guessed from the header text; "ignore" when unknown. */
export function guessMapping(headers: string[]): ColumnTarget[] {
  return headers.map((h) => readHeader(h).target)
}
