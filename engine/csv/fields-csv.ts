import { parseStrictNumber } from '../csv-numbers'
import type { Issue, Rule } from '../errors'
import { GROUP_NAME_MAX_CHARS, groupNameKey, groupNameLength } from '../group-name'
import { regionDefaults } from '../regions'
import { defaultWaterFor, varietyRule } from '../rules/edit-rules'
import {
  CROPS,
  type Crop,
  type FieldInput,
  FieldInputSchema,
  SALINE_CLASSES,
  type SalineClass,
  WATER_REGIMES,
  type WaterRegime,
  type YieldRecord,
} from '../schemas/field'
import { REGIONS, type Region } from '../schemas/workspace'
import type { AreaUnit, MassUnit } from '../units'
import { toHa, toPerHa, yieldToKgPerHa } from '../units'
import { toIssues } from '../validation'
import { unescapeCell } from './cells'
import {
  type ColumnTarget,
  FIELD_COLUMNS,
  type FieldColumn,
  guessMapping,
  type HeaderUnit,
  readHeader,
  type UnitKind,
  unitKindOf,
} from './field-headers'
import { CSV_MAX_BYTES, CSV_MAX_COLUMNS, CSV_MAX_ROWS, type CsvProblem, type CsvTable } from './read-csv'
import { futureYear } from './season'

export type { ColumnTarget, FieldColumn, HeaderUnit, UnitKind }
export { FIELD_COLUMNS, guessMapping, readHeader }

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
  region: {
    central: ['中部', '吉林中部', '中部平原', '中', 'central', 'centre', 'center'],
    east: ['东部', '吉林东部', '东部山区', '东部山区半山区', '东', 'east', 'eastern'],
    west: ['西部', '吉林西部', '西部半干旱', '西部平原', '西', 'west', 'western'],
  } satisfies Record<Region, string[]>,
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
const REGION_OF = table(WORDS.region)
const HSF_OF = table({ yes: WORDS.yes, no: WORDS.no })

function lookup<K extends string>(map: Map<string, K>, raw: string): K | null {
  return map.get(norm(raw)) ?? null
}

export type CsvUnits = { area: AreaUnit; yieldMass: MassUnit; yieldArea: AreaUnit; densityArea: AreaUnit }

/** What an import does with a row that names a field the workspace already has. */
export const ON_EXISTING = ['stop', 'skip', 'update'] as const
export type OnExisting = (typeof ON_EXISTING)[number]

/** A field already in the workspace, as an import may update it. */
export type ExistingField = FieldInput & { id: number; revision: number }

export type CsvLookups = {
  varietyId: (crop: Crop, name: string) => number | null
  /** The crop of a variety in the catalogue; undefined when there is no such variety. */
  cropOfVariety: (id: number) => Crop | undefined
  /** The existing group with this key (groupNameKey), if any. */
  groupIdByKey: (key: string) => number | null
  /** The workspace's field of this name, if any. */
  existingField: (name: string) => ExistingField | null
}

export type CsvOptions = {
  /** stop: a row naming an existing field is a problem; skip: left out; update: that field is updated. */
  onExisting: OnExisting
  /** The workspace's farming region: its defaults fill what the file leaves empty. */
  region: Region
  /** The current season's year: a yield for a later year is refused. */
  currentYear: number
}

/**
 * One parsed row, ready to write: its spreadsheet row, the field, the name of a group the import
 * must create first (the first spelling the file used for that group), and the existing field it
 * updates (with the revision it was read at), or null for a new field.
 */
export type CsvRow = {
  row: number
  field: FieldInput
  newGroup: string | null
  existing: { id: number; revision: number } | null
}

/**
 * A value the import fills in because a row left the cell empty or the file has no such column:
 * shown before importing, so nobody takes a region's 2,700 °C·d or grade 4 for a measured value.
 * `source` says where the value comes from: the workspace's region (heat sum, grade, see
 * engine/regions.ts), or the plain reading of an empty cell (a crop's usual water, no HSF, no
 * salinity). Only new fields take defaults; an updated field keeps its own value.
 */
export type CsvDefault = {
  column: FieldColumn
  /** The file's header of that column, or null when the file has no such column. */
  header: string | null
  /** The value used, in canonical form (°C·d, grade, water regime, HSF yes/no, saline class). */
  value: string | number | boolean
  source: 'region' | 'rule'
  /** How many rows took it. */
  count: number
  /** The first of those rows (spreadsheet row numbers), at most DEFAULT_ROWS_LISTED. */
  rows: number[]
}

/**
 * The unit a column's numbers are read in: from its header when the header names one (the header
 * wins over the dialog's choice, and `overrides` says they differ), otherwise the dialog's.
 */
export type ColumnUnit = {
  kind: UnitKind
  /** yield columns only */
  mass: MassUnit | null
  area: AreaUnit
  fromHeader: boolean
  overrides: boolean
}

/**
 * How the file's rows would land: new fields, updated fields, fields the file names but does not
 * change (nothing written), skipped rows; `existing` counts the rows that name a field the
 * workspace has, whatever is done with them.
 */
export type CsvCounts = { new: number; update: number; unchanged: number; skip: number; existing: number }

const DEFAULT_ROWS_LISTED = 50

export type { CsvProblem }
export { CSV_MAX_BYTES, CSV_MAX_COLUMNS, CSV_MAX_ROWS }

/** Problems in spreadsheet order; a row's problems keep the order they were found in. */
function inRowOrder(problems: CsvProblem[]): CsvProblem[] {
  return problems.sort((a, b) => a.row - b.row)
}

/** The unit of one mapped column: the header's parts where it names them, the dialog's otherwise. */
function columnUnit(target: ColumnTarget, header: HeaderUnit | null, units: CsvUnits): ColumnUnit | null {
  const kind = unitKindOf(target)
  if (!kind) return null
  if (kind === 'yield') {
    const mass = header?.mass ?? units.yieldMass
    const area = header?.area ?? units.yieldArea
    return {
      kind,
      mass,
      area,
      fromHeader: header?.mass !== undefined || header?.area !== undefined,
      overrides: mass !== units.yieldMass || area !== units.yieldArea,
    }
  }
  const chosen = kind === 'area' ? units.area : units.densityArea
  const area = header?.area ?? chosen
  return { kind, mass: null, area, fromHeader: header?.area !== undefined, overrides: area !== chosen }
}

export type ParsedFieldRows = {
  rows: CsvRow[]
  problems: CsvProblem[]
  defaults: CsvDefault[]
  /** Per header: the unit its numbers are read in (null for columns without a unit or not imported). */
  columnUnits: (ColumnUnit | null)[]
  counts: CsvCounts
}

/**
 * Turns a read CSV into fields in canonical units, or lists every problem by spreadsheet row and
 * column (the header text). Strict: an empty required cell is not 0, "12.5亩" is not 12.5, a build
 * year without high-standard farmland is named rather than dropped, a column mapped twice is named
 * rather than half read, a unit in a header that cannot be read is named rather than guessed, a
 * yield for a year after the current season is refused, and a name used twice in the file is named
 * at its own row. A name the workspace already has is a problem, a skipped row or an update, as
 * `options.onExisting` says. The preview and the import both run exactly this; the import then writes.
 */
export function parseFieldRows(
  table: CsvTable,
  mapping: ColumnTarget[],
  units: CsvUnits,
  lookups: CsvLookups,
  options: CsvOptions,
): ParsedFieldRows {
  const { headers } = table
  const out: CsvRow[] = []
  const problems: CsvProblem[] = [...table.problems]
  const counts: CsvCounts = { new: 0, update: 0, unchanged: 0, skip: 0, existing: 0 }
  const readings = headers.map((h) => readHeader(h))
  const columnUnits = mapping.map((target, i) =>
    target === 'ignore' ? null : columnUnit(target, readings[i]?.unit ?? null, units),
  )
  const nothing = () => ({ rows: out, problems: inRowOrder(problems), defaults: [], columnUnits, counts })
  if (!table.decoded) return nothing()

  const columnOf = new Map<ColumnTarget, number>()
  // Columns whose header names a unit nobody can read: their numbers are not read at all.
  const unreadable = new Set<number>()
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
    const unknown = readings[i]?.unknownUnit
    if (unknown && unitKindOf(target)) {
      unreadable.add(i)
      problems.push({
        row: table.headerRow,
        column: headers[i] ?? target,
        rule: 'unit_unknown',
        params: { value: unknown },
      })
    }
  })
  const updating = options.onExisting === 'update'
  // An update may name only the columns it changes; new fields need their area and crop.
  const required = updating ? (['name'] as const) : (['name', 'area', 'crop'] as const)
  const missing = required.filter((c) => !columnOf.has(c))
  for (const c of missing) problems.push({ row: 0, column: c, rule: 'missing_column' })
  if (missing.length > 0) {
    // A file of names and yields only is an update: say how many rows name existing fields.
    const at = columnOf.get('name')
    if (at !== undefined)
      for (const r of table.records) {
        const name = unescapeCell(r.cells[at] ?? '')
        if (name !== '' && lookups.existingField(name)) counts.existing++
      }
    return nothing()
  }

  const header = (c: FieldColumn) => {
    const i = columnOf.get(c)
    return i === undefined ? c : (headers[i] ?? c)
  }
  const unitOf = (c: FieldColumn): AreaUnit => {
    const i = columnOf.get(c)
    return (i === undefined ? null : columnUnits[i]?.area) ?? (c === 'area' ? units.area : units.densityArea)
  }
  const yieldColumns = [...columnOf]
    .filter(([target]) => target.startsWith('yield:'))
    .map(([target, index]) => {
      const unit = columnUnits[index]
      return {
        year: Number(target.slice(6)),
        index,
        header: headers[index] ?? target,
        mass: unit?.mass ?? units.yieldMass,
        area: unit?.area ?? units.yieldArea,
      }
    })
  for (const y of yieldColumns) {
    if (!futureYear(y.year, options.currentYear)) continue
    // A template's empty columns for years to come hold nothing; a value in one is a mistake.
    if (table.records.some((r) => unescapeCell(r.cells[y.index] ?? '') !== ''))
      problems.push({
        row: table.headerRow,
        column: y.header,
        rule: 'year_in_future',
        params: { year: y.year, limit: options.currentYear },
      })
  }

  const region = regionDefaults(options.region)
  const newGroups = new Map<string, string>()
  const firstRowOf = new Map<string, number>()
  const tally = new Map<string, CsvDefault>()

  for (const { row, cells } of table.records) {
    const name = unescapeCell(cells[columnOf.get('name')!] ?? '')
    const existing = name === '' ? null : lookups.existingField(name)
    let duplicate: CsvProblem | null = null
    if (name !== '') {
      const first = firstRowOf.get(name)
      if (first !== undefined)
        duplicate = { row, column: header('name'), rule: 'duplicate_name', params: { value: name, first } }
      else firstRowOf.set(name, row)
    }
    if (existing) counts.existing++
    if (existing && options.onExisting === 'skip') {
      counts.skip++
      if (duplicate) problems.push(duplicate)
      continue
    }
    if (existing && options.onExisting === 'stop' && !duplicate)
      duplicate = { row, column: header('name'), rule: 'duplicate_name', params: { value: name } }
    const base = existing && updating ? existing : null
    if (!existing) counts.new++

    const rowProblems: CsvProblem[] = []
    const taken: { column: FieldColumn; value: string | number | boolean; source: CsvDefault['source'] }[] =
      []
    const has = (c: FieldColumn) => columnOf.has(c)
    const cell = (c: FieldColumn) => {
      const i = columnOf.get(c)
      return i === undefined ? '' : unescapeCell(cells[i] ?? '')
    }
    const bad = (column: string, rule: Rule, params?: Record<string, string | number>) =>
      rowProblems.push({ row, column, rule, ...(params ? { params } : {}) })
    const number = (c: FieldColumn): number | null | undefined => {
      const raw = cell(c)
      if (raw === '') return null
      if (unreadable.has(columnOf.get(c)!)) return undefined
      const n = parseStrictNumber(raw)
      if (n === null) {
        bad(header(c), 'not_a_number', { value: raw })
        return undefined
      }
      return n
    }
    /**
     * A value that has a default: the cell's when it holds one; for an updated field an empty or
     * absent cell keeps the field's value; for a new field the default is taken and listed.
     */
    const withDefault = <T extends string | number | boolean>(
      c: FieldColumn,
      read: (raw: string) => T | null | undefined,
      kept: T | undefined,
      fallback: T,
      source: CsvDefault['source'],
    ): T | undefined => {
      const raw = cell(c)
      if (raw !== '') return read(raw) ?? undefined
      if (kept !== undefined) return kept
      taken.push({ column: c, value: fallback, source })
      return fallback
    }
    const word =
      <K extends string>(c: FieldColumn, map: Map<string, K>) =>
      (raw: string) => {
        const k = lookup(map, raw)
        if (!k) bad(header(c), 'unknown_option', { value: raw })
        return k
      }

    // Required values: in the file's row, or (for an update without the column) the field's own.
    let crop: Crop | undefined = base?.crop
    if (!has('crop') && !base) bad(header('crop'), 'required')
    if (has('crop')) {
      const raw = cell('crop')
      crop = undefined
      if (raw === '') bad(header('crop'), 'required')
      else crop = word('crop', CROP_OF)(raw) ?? undefined
    }
    let areaHa: number | undefined = base?.areaHa
    if (!has('area') && !base) bad(header('area'), 'required')
    if (has('area')) {
      const area = number('area')
      areaHa = area === null || area === undefined ? undefined : toHa(area, unitOf('area'))
      if (area === null) bad(header('area'), 'required')
    }

    // Optional values: an empty cell means none; an absent column keeps an updated field's value.
    const optional = <T>(c: FieldColumn, read: () => T, kept: T | undefined, none: T): T =>
      has(c) ? read() : base ? (kept as T) : none
    const densityPlantsPerHa = optional<number | null | undefined>(
      'density',
      () => {
        const d = number('density')
        return d === null || d === undefined ? d : snap(toPerHa(d, unitOf('density')))
      },
      base?.densityPlantsPerHa,
      null,
    )
    const water = withDefault<WaterRegime>(
      'water',
      word('water', WATER_OF),
      base?.waterRegime,
      crop ? defaultWaterFor(crop) : 'rainfed',
      'rule',
    )
    const hasHsf = withDefault<boolean>(
      'hsf',
      (raw) => {
        const w = word('hsf', HSF_OF)(raw)
        return w === null ? undefined : w === 'yes'
      },
      base?.hasHsf,
      false,
      'rule',
    )
    const saline = withDefault<SalineClass>(
      'saline',
      word('saline', SALINE_OF),
      base?.salineClass,
      'none',
      'rule',
    )
    const heatSumCd = withDefault<number>(
      'heatSum',
      () => number('heatSum') ?? undefined,
      base?.heatSumCd,
      region.heatSumCd.value,
      'region',
    )
    const qualityGrade = withDefault<number>(
      'grade',
      () => number('grade') ?? undefined,
      base?.qualityGrade,
      region.qualityGrade.value,
      'region',
    )
    // The field's own farming region: the workspace's when the file does not say.
    const fieldRegion = withDefault<Region>(
      'region',
      word('region', REGION_OF),
      base?.region,
      options.region,
      'region',
    )

    const hsfYearBuilt = optional<number | null | undefined>(
      'hsfYear',
      () => number('hsfYear'),
      base?.hsfYearBuilt,
      null,
    )
    let varietyId: number | null = optional<number | null>('variety', () => null, base?.varietyId, null)
    if (cell('variety') !== '' && crop) {
      varietyId = lookups.varietyId(crop, cell('variety'))
      if (varietyId === null) bad(header('variety'), 'unknown_variety', { value: cell('variety') })
    }
    let groupId: number | null = optional<number | null>('group', () => null, base?.groupId, null)
    let newGroup: string | null = null
    const groupName = cell('group')
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

    // History: the years the file gives replace the field's own; the years it does not give stay.
    const years = new Map<number, { record: YieldRecord; header: string }>()
    for (const h of base?.history ?? []) years.set(h.year, { record: h, header: String(h.year) })
    for (const y of yieldColumns) {
      const raw = unescapeCell(cells[y.index] ?? '')
      if (raw === '' || unreadable.has(y.index)) continue
      const n = parseStrictNumber(raw)
      if (n === null) bad(y.header, 'not_a_number', { value: raw })
      else
        years.set(y.year, {
          record: { year: y.year, yieldKgPerHa: snap(yieldToKgPerHa(n, y.mass, y.area)) },
          header: y.header,
        })
    }
    const history = [...years.values()].sort((a, b) => a.record.year - b.record.year)

    const text = (c: 'village' | 'township' | 'note') => (has(c) ? cell(c) : (base?.[c] ?? ''))
    const input = {
      name,
      village: text('village'),
      township: text('township'),
      areaHa,
      crop,
      varietyId,
      densityPlantsPerHa: densityPlantsPerHa === undefined ? null : densityPlantsPerHa,
      waterRegime: water,
      hasHsf,
      // Never dropped: a year with "no HSF" is a contradiction the user must resolve.
      hsfYearBuilt: hsfYearBuilt === undefined ? null : hsfYearBuilt,
      salineClass: saline,
      heatSumCd,
      qualityGrade,
      region: fieldRegion,
      groupId,
      note: text('note'),
      history: history.map((h) => h.record),
    }
    const parsed = FieldInputSchema.safeParse(input)
    // A cell already named (an unreadable number, an unknown word) is not named twice.
    const named = new Set([...rowProblems.map((p) => p.column), ...[...unreadable].map((i) => headers[i])])
    const historyHeaders = history.map((h) => h.header)
    if (!parsed.success) {
      for (const issue of toIssues(parsed.error, input)) {
        const p = problemOf(row, issue, header, historyHeaders)
        if (!named.has(p.column)) rowProblems.push(p)
      }
    } else if (parsed.data.varietyId !== null && !named.has(header('variety'))) {
      // A variety the file keeps (an update that changes the crop) must still suit the crop.
      const rule = varietyRule(parsed.data.crop, parsed.data.varietyId, lookups.cropOfVariety)
      if (rule) rowProblems.push({ row, column: header('variety'), rule })
    }
    problems.push(...rowProblems)
    if (duplicate) problems.push(duplicate)
    if (base) {
      // A row that says what the field already is writes nothing: no new revision, no audit line.
      if (newGroup === null && sameField(parsed.success ? parsed.data : null, base)) counts.unchanged++
      else counts.update++
    }
    if (!parsed.success || rowProblems.length > 0 || duplicate) continue
    if (base && newGroup === null && sameField(parsed.data, base)) continue
    out.push({
      row,
      field: parsed.data,
      newGroup,
      existing: base ? { id: base.id, revision: base.revision } : null,
    })
    for (const t of taken) {
      const key = `${t.column}:${String(t.value)}`
      let d = tally.get(key)
      if (!d) {
        d = {
          column: t.column,
          header: has(t.column) ? header(t.column) : null,
          value: t.value,
          source: t.source,
          count: 0,
          rows: [],
        }
        tally.set(key, d)
      }
      d.count++
      if (d.rows.length < DEFAULT_ROWS_LISTED) d.rows.push(row)
    }
  }
  // The region's values first: they are the ones a co-op most often has better figures for.
  const defaults = [...tally.values()].sort(
    (x, y) => Number(y.source === 'region') - Number(x.source === 'region'),
  )
  return { rows: out, problems: inRowOrder(problems), defaults, columnUnits, counts }
}

/** Whether a parsed row holds exactly the values the field has now. */
function sameField(row: FieldInput | null, field: ExistingField): boolean {
  if (!row) return false
  return (Object.keys(row) as (keyof FieldInput)[]).every(
    (k) => JSON.stringify(row[k]) === JSON.stringify(field[k]),
  )
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
  region: 'region',
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

export { CROPS, REGIONS, SALINE_CLASSES, WATER_REGIMES }
