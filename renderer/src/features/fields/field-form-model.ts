import type { Issue } from '../../../../engine/errors'
import { type Field, type FieldInput, FieldInputSchema } from '../../../../engine/schemas/field'
import type { Region } from '../../../../engine/schemas/workspace'
import { toIssues } from '../../../../engine/validation'
import type { Format } from '../../lib/format'

/**
 * What the form holds: the same field, in CANONICAL units (ha, plants/ha, kg/ha). The inputs show
 * these in the plan's units (QuantityInput), so switching 亩 ↔ 公顷 while the form is open shows the
 * same quantities in the new unit, and a value the user did not touch is saved unchanged.
 */
export type FieldFormValues = {
  name: string
  village: string
  township: string
  areaHa: number | null
  crop: FieldInput['crop']
  varietyId: number | null
  densityPlantsPerHa: number | null
  waterRegime: FieldInput['waterRegime']
  hasHsf: boolean
  hsfYearBuilt: number | null
  salineClass: FieldInput['salineClass']
  heatSumCd: number | null
  qualityGrade: number | null
  /** the field's farming region; null until the form is opened (a new field takes the workspace's) */
  region: Region | null
  groupId: number | null
  note: string
  history: { year: number | null; yieldKgPerHa: number | null }[]
}

export const EMPTY_FIELD_FORM: FieldFormValues = {
  name: '',
  village: '',
  township: '',
  areaHa: null,
  crop: 'maize',
  varietyId: null,
  densityPlantsPerHa: null,
  waterRegime: 'rainfed',
  hasHsf: false,
  hsfYearBuilt: null,
  salineClass: 'none',
  heatSumCd: 2700,
  qualityGrade: 5,
  region: null,
  groupId: null,
  note: '',
  history: [],
}

export function fieldToForm(field: Field): FieldFormValues {
  return {
    name: field.name,
    village: field.village,
    township: field.township,
    areaHa: field.areaHa,
    crop: field.crop,
    varietyId: field.varietyId,
    densityPlantsPerHa: field.densityPlantsPerHa,
    waterRegime: field.waterRegime,
    hasHsf: field.hasHsf,
    hsfYearBuilt: field.hsfYearBuilt,
    salineClass: field.salineClass,
    heatSumCd: field.heatSumCd,
    qualityGrade: field.qualityGrade,
    region: field.region ?? null,
    groupId: field.groupId,
    note: field.note,
    history: field.history.map((h) => ({ year: h.year, yieldKgPerHa: h.yieldKgPerHa })),
  }
}

/** The input the back end takes; empty inputs stay undefined so validation says "required". */
export function formToInput(values: FieldFormValues): Record<string, unknown> {
  const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
  return {
    name: values.name ?? '',
    village: values.village ?? '',
    township: values.township ?? '',
    areaHa: num(values.areaHa),
    crop: values.crop,
    varietyId: values.varietyId ?? null,
    densityPlantsPerHa: num(values.densityPlantsPerHa) ?? null,
    waterRegime: values.waterRegime,
    hasHsf: Boolean(values.hasHsf),
    hsfYearBuilt: num(values.hsfYearBuilt) ?? null,
    salineClass: values.salineClass,
    heatSumCd: num(values.heatSumCd),
    qualityGrade: num(values.qualityGrade),
    ...(values.region ? { region: values.region } : {}),
    groupId: values.groupId ?? null,
    note: values.note ?? '',
    history: (values.history ?? []).map((h) => ({
      year: num(h?.year),
      yieldKgPerHa: num(h?.yieldKgPerHa),
    })),
  }
}

/** The form field an issue belongs under: the form holds the input's own names. */
export function formPath(path: Issue['path']): (string | number)[] {
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
export function checkFieldForm(values: FieldFormValues): FormCheck {
  const raw = formToInput(values)
  const parsed = FieldInputSchema.safeParse(raw)
  if (parsed.success) return { ok: true, input: parsed.data }
  return { ok: false, issues: toIssues(parsed.error, raw) }
}
