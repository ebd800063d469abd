import type { Issue } from '../../../../engine/errors'
import { type Field, type FieldInput, FieldInputSchema } from '../../../../engine/schemas/field'
import { toHa, toPerHa, yieldToKgPerHa } from '../../../../engine/units'
import { toIssues } from '../../../../engine/validation'
import type { DisplayUnits, Format } from '../../lib/format'

/** What the form holds: the same field, in the plan's display units (mu or ha, jin/kg/t). */
export type FieldFormValues = {
  name: string
  village: string
  township: string
  area: number | null
  crop: FieldInput['crop']
  varietyId: number | null
  density: number | null
  waterRegime: FieldInput['waterRegime']
  hasHsf: boolean
  hsfYearBuilt: number | null
  salineClass: FieldInput['salineClass']
  heatSumCd: number | null
  qualityGrade: number | null
  groupId: number | null
  note: string
  history: { year: number | null; yield: number | null }[]
}

export const EMPTY_FIELD_FORM: FieldFormValues = {
  name: '',
  village: '',
  township: '',
  area: null,
  crop: 'maize',
  varietyId: null,
  density: null,
  waterRegime: 'rainfed',
  hasHsf: false,
  hsfYearBuilt: null,
  salineClass: 'none',
  heatSumCd: 2700,
  qualityGrade: 5,
  groupId: null,
  note: '',
  history: [],
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits

export function fieldToForm(field: Field, format: Format): FieldFormValues {
  return {
    name: field.name,
    village: field.village,
    township: field.township,
    area: round(format.areaValue(field.areaHa), 4),
    crop: field.crop,
    varietyId: field.varietyId,
    density:
      field.densityPlantsPerHa === null ? null : round(format.densityValue(field.densityPlantsPerHa), 2),
    waterRegime: field.waterRegime,
    hasHsf: field.hasHsf,
    hsfYearBuilt: field.hsfYearBuilt,
    salineClass: field.salineClass,
    heatSumCd: field.heatSumCd,
    qualityGrade: field.qualityGrade,
    groupId: field.groupId,
    note: field.note,
    history: field.history.map((h) => ({ year: h.year, yield: round(format.yieldValue(h.yieldKgPerHa), 3) })),
  }
}

/** Converts to canonical units; empty inputs stay undefined so validation says "required". */
export function formToInput(values: FieldFormValues, units: DisplayUnits): Record<string, unknown> {
  const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
  const area = num(values.area)
  const density = num(values.density)
  return {
    name: values.name ?? '',
    village: values.village ?? '',
    township: values.township ?? '',
    areaHa: area === undefined ? undefined : toHa(area, units.areaUnit),
    crop: values.crop,
    varietyId: values.varietyId ?? null,
    densityPlantsPerHa: density === undefined ? null : toPerHa(density, units.areaUnit),
    waterRegime: values.waterRegime,
    hasHsf: Boolean(values.hasHsf),
    hsfYearBuilt: num(values.hsfYearBuilt) ?? null,
    salineClass: values.salineClass,
    heatSumCd: num(values.heatSumCd),
    qualityGrade: num(values.qualityGrade),
    groupId: values.groupId ?? null,
    note: values.note ?? '',
    history: (values.history ?? []).map((h) => ({
      year: num(h?.year),
      yieldKgPerHa:
        num(h?.yield) === undefined
          ? undefined
          : yieldToKgPerHa(h.yield as number, units.massUnit, units.areaUnit),
    })),
  }
}

/** Canonical input → form field name, so an issue lands under the input the user typed into. */
export function formPath(path: Issue['path']): (string | number)[] {
  const [head, ...rest] = path
  if (head === 'areaHa') return ['area']
  if (head === 'densityPlantsPerHa') return ['density']
  if (head === 'history' && rest[1] === 'yieldKgPerHa') return ['history', rest[0] ?? 0, 'yield']
  return path
}

/** Shows a canonical limit (ha, plants/ha, kg/ha) in the unit of the input it belongs to. */
export function limitConverter(path: Issue['path'], format: Format): ((limit: number) => string) | undefined {
  const [head, , leaf] = path
  if (head === 'areaHa') return (limit) => format.number(format.areaValue(limit), 2)
  if (head === 'densityPlantsPerHa') return (limit) => format.number(format.densityValue(limit), 0)
  if (head === 'history' && leaf === 'yieldKgPerHa')
    return (limit) => format.number(format.yieldValue(limit), 1)
  return (limit) => format.number(limit, 2)
}

export type FormCheck = { ok: true; input: FieldInput } | { ok: false; issues: Issue[] }

/** Validates with the same schema the back end uses, so both give the same answer. */
export function checkFieldForm(values: FieldFormValues, units: DisplayUnits): FormCheck {
  const raw = formToInput(values, units)
  const parsed = FieldInputSchema.safeParse(raw)
  if (parsed.success) return { ok: true, input: parsed.data }
  return { ok: false, issues: toIssues(parsed.error, raw) }
}
