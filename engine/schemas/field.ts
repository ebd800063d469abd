import { z } from 'zod'

import { fieldIssues } from '../rules/edit-rules'
import { CROPS, SALINE_CLASSES, WATER_REGIMES } from './enums'
import { REGIONS } from './workspace'

export type { Crop, SalineClass, WaterRegime } from './enums'
export { CROPS, SALINE_CLASSES, WATER_REGIMES }

export const FIELD_LIMITS = {
  nameMaxChars: 60,
  placeMaxChars: 60,
  noteMaxChars: 500,
  /** 10,000 ha is far above any single field; larger values are typing mistakes. */
  areaMaxHa: 10_000,
  densityMinPlantsPerHa: 1_000,
  densityMaxPlantsPerHa: 1_500_000,
  /** ≥10 °C accumulated temperature, °C·d: Jilin spans roughly 2,000–3,200 (AGRONOMY §8). */
  heatSumMinCd: 1_500,
  heatSumMaxCd: 4_000,
  yieldMaxKgPerHa: 30_000,
  firstYear: 1950,
  lastYear: 2100,
  historyMaxYears: 100,
} as const

const L = FIELD_LIMITS

export const YieldRecordSchema = z.object({
  year: z.number().int().min(L.firstYear).max(L.lastYear),
  yieldKgPerHa: z.number().min(0).max(L.yieldMaxKgPerHa),
})
export type YieldRecord = z.infer<typeof YieldRecordSchema>

export const fieldShape = {
  name: z.string().trim().min(1).max(L.nameMaxChars),
  village: z.string().trim().max(L.placeMaxChars),
  township: z.string().trim().max(L.placeMaxChars),
  areaHa: z.number().gt(0).max(L.areaMaxHa),
  crop: z.enum(CROPS),
  varietyId: z.number().int().positive().nullable(),
  densityPlantsPerHa: z.number().min(L.densityMinPlantsPerHa).max(L.densityMaxPlantsPerHa).nullable(),
  waterRegime: z.enum(WATER_REGIMES),
  hasHsf: z.boolean(),
  hsfYearBuilt: z.number().int().min(L.firstYear).max(L.lastYear).nullable(),
  salineClass: z.enum(SALINE_CLASSES),
  heatSumCd: z.number().int().min(L.heatSumMinCd).max(L.heatSumMaxCd),
  /**
   * Jilin region of the field (central plains, eastern hills, western semi-arid plains): its
   * rainfed weather spread in risk. Absent means the workspace's region (older plan files and
   * callers that predate the column); the database always stores one.
   */
  region: z.enum(REGIONS).optional(),
  qualityGrade: z.number().int().min(1).max(10),
  groupId: z.number().int().positive().nullable(),
  note: z.string().max(L.noteMaxChars),
  history: z.array(YieldRecordSchema).max(L.historyMaxYears),
}

export type FieldShape = z.infer<z.ZodObject<typeof fieldShape>>

/** Rules that span several inputs (engine/rules), each naming the input the user must change. */
export function checkFieldConsistency(field: Partial<FieldShape>, ctx: z.RefinementCtx): void {
  for (const issue of fieldIssues(field)) {
    ctx.addIssue({ code: 'custom', path: issue.path, params: { rule: issue.rule, ...issue.params } })
  }
}

/** A field as the user enters it (canonical units: ha, plants/ha, kg/ha). */
export const FieldInputSchema = z.object(fieldShape).strict().superRefine(checkFieldConsistency)
export type FieldInput = z.infer<typeof FieldInputSchema>

export type Field = FieldInput & {
  id: number
  createdAt: string
  updatedAt: string
  /** bumped by every save; a save from an older revision is refused (STALE) */
  revision: number
}
