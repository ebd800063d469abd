import type { Field } from '../schemas/field'
import type { PlanVariety } from '../schemas/plan'
import type { FieldGroup } from '../schemas/workspace'
import type { AreaUnit, MassUnit } from '../units'
import { fromHa, perHaTo, toHa, toPerHa, yieldFromKgPerHa, yieldToKgPerHa } from '../units'
import { FIELD_COLUMNS } from './fields-csv'

/**
 * A cell that a spreadsheet would run as a formula (= + - @, or a leading tab/CR/LF, also after
 * NFKC folds full-width forms) gets a leading apostrophe. OWASP's CSV-injection advice.
 */
export function safeCell(text: string): string {
  // A value that already starts with apostrophes before such a sign gets one more, so that the
  // import, which removes exactly one, gives back what was typed.
  return /^'*[=+\-@\t\r\n]/.test(text.normalize('NFKC')) ? `'${text}` : text
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** Whole numbers and plain values print as they are. */
function num(x: number | null): string {
  return x === null ? '' : String(x)
}

/**
 * A converted value (mu, jin/mu, plants/mu) printed as short as possible while reading back to
 * exactly the stored canonical value: 260 rather than 259.99999999999997, but every digit that
 * matters is kept, so an exported file re-imports to identical fields.
 */
function converted(
  canonical: number | null,
  toDisplay: (v: number) => number,
  fromDisplay: (v: number) => number,
): string {
  if (canonical === null) return ''
  const display = toDisplay(canonical)
  for (let digits = 6; digits <= 17; digits++) {
    const candidate = Number(display.toPrecision(digits))
    if (fromDisplay(candidate) === canonical) return String(candidate)
  }
  return String(display)
}

export type ExportWords = {
  headers: Record<string, string>
  crop: Record<string, string>
  water: Record<string, string>
  saline: Record<string, string>
  /** the farming region's word (中部 / 西部 / 东部); the region's code when absent */
  region?: Record<string, string>
  yes: string
  no: string
  yieldYear: (year: number) => string
}

/** The fields as CSV (UTF-8 with BOM for Excel/WPS), in the given units and words. */
export function fieldsToCsv(
  fields: readonly Field[],
  varieties: readonly PlanVariety[] | readonly { id: number; name: string }[],
  groups: readonly FieldGroup[],
  units: { area: AreaUnit; yieldMass: MassUnit; yieldArea: AreaUnit; densityArea: AreaUnit },
  words: ExportWords,
): string {
  const years = [...new Set(fields.flatMap((f) => f.history.map((h) => h.year)))].sort((a, b) => a - b)
  const variety = new Map(varieties.map((v) => [v.id, v.name]))
  const group = new Map(groups.map((g) => [g.id, g.name]))
  const header = [...FIELD_COLUMNS.map((k) => words.headers[k] ?? k), ...years.map(words.yieldYear)]
  const lines = [header.map((h) => quote(safeCell(h))).join(',')]
  for (const f of fields) {
    const byYear = new Map(f.history.map((h) => [h.year, h.yieldKgPerHa]))
    const cells = [
      safeCell(f.name),
      safeCell(f.village),
      safeCell(f.township),
      converted(
        f.areaHa,
        (v) => fromHa(v, units.area),
        (v) => toHa(v, units.area),
      ),
      words.crop[f.crop] ?? f.crop,
      safeCell(f.varietyId === null ? '' : (variety.get(f.varietyId) ?? '')),
      converted(
        f.densityPlantsPerHa,
        (v) => perHaTo(v, units.densityArea),
        (v) => toPerHa(v, units.densityArea),
      ),
      words.water[f.waterRegime] ?? f.waterRegime,
      f.hasHsf ? words.yes : words.no,
      num(f.hsfYearBuilt),
      words.saline[f.salineClass] ?? f.salineClass,
      num(f.heatSumCd),
      num(f.qualityGrade),
      safeCell(f.groupId === null ? '' : (group.get(f.groupId) ?? '')),
      safeCell(f.note),
      f.region === undefined ? '' : (words.region?.[f.region] ?? f.region),
      ...years.map((y) => {
        const v = byYear.get(y)
        return v === undefined
          ? ''
          : converted(
              v,
              (x) => yieldFromKgPerHa(x, units.yieldMass, units.yieldArea),
              (x) => yieldToKgPerHa(x, units.yieldMass, units.yieldArea),
            )
      }),
    ]
    lines.push(cells.map(quote).join(','))
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
