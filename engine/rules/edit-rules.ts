import type { Issue, Rule } from '../errors'
import { type Crop, WATER_REGIMES, type WaterRegime } from '../schemas/enums'

/**
 * The rules that tie a field's inputs together, and a scenario's changes to the field they
 * change. They live here once; the schemas (single fields, plan files), the use-cases (create,
 * edit, bulk edit, CSV import), the repositories and the forms all call them, so the same input
 * is accepted or refused the same way everywhere.
 */

/** The water regimes a crop can have: rice grows only in paddy, and only rice does. */
export function waterRegimesFor(crop: Crop): readonly WaterRegime[] {
  return WATER_REGIMES.filter((w) => (crop === 'rice') === (w === 'paddy'))
}

/** The density response is modelled for maize and soybean; rice is planted by seedling count. */
export function isDensityModelled(crop: Crop): boolean {
  return crop !== 'rice'
}

/** What a new field of this crop starts with when no water regime is given. */
export function defaultWaterFor(crop: Crop): WaterRegime {
  return crop === 'rice' ? 'paddy' : 'rainfed'
}

export function waterRule(crop: Crop, water: WaterRegime): Rule | null {
  if (crop === 'rice' && water !== 'paddy') return 'rice_needs_paddy'
  if (crop !== 'rice' && water === 'paddy') return 'paddy_only_rice'
  return null
}

/**
 * A variety must exist and be of the field's crop. `cropOfVariety` answers for the catalogue at
 * hand (the workspace's, or a plan file's); undefined means there is no such variety.
 */
export function varietyRule(
  crop: Crop,
  varietyId: number,
  cropOfVariety: (id: number) => Crop | undefined,
): Rule | null {
  const varietyCrop = cropOfVariety(varietyId)
  if (varietyCrop === undefined) return 'unknown_reference'
  return varietyCrop === crop ? null : 'variety_crop_mismatch'
}

export type FieldFacts = {
  crop?: Crop
  waterRegime?: WaterRegime
  varietyId?: number | null
  hasHsf?: boolean
  hsfYearBuilt?: number | null
  history?: readonly { year: number }[]
}

/**
 * Every rule a field's own inputs break, each naming the input to change. Without a catalogue
 * (`cropOfVariety`), the variety is not checked: a schema alone cannot know the varieties.
 */
export function fieldIssues(field: FieldFacts, cropOfVariety?: (id: number) => Crop | undefined): Issue[] {
  const issues: Issue[] = []
  if (field.hasHsf === false && field.hsfYearBuilt != null) {
    issues.push({ path: ['hsfYearBuilt'], rule: 'hsf_year_without_hsf' })
  }
  if (field.crop !== undefined && field.waterRegime !== undefined) {
    const rule = waterRule(field.crop, field.waterRegime)
    if (rule) issues.push({ path: ['waterRegime'], rule })
  }
  if (cropOfVariety && field.crop !== undefined && field.varietyId != null) {
    const rule = varietyRule(field.crop, field.varietyId, cropOfVariety)
    if (rule) issues.push({ path: ['varietyId'], rule })
  }
  const seen = new Set<number>()
  field.history?.forEach((record, index) => {
    if (seen.has(record.year)) {
      issues.push({ path: ['history', index, 'year'], rule: 'duplicate_year', params: { year: record.year } })
    }
    seen.add(record.year)
  })
  return issues
}

/** What a scenario may change on a field; null or absent keeps today's value. */
export type ChangeFacts = {
  varietyId?: number | null
  densityPlantsPerHa?: number | null
  waterRegime?: WaterRegime | null
}

/** Every rule a scenario change breaks on this field, each naming the change to make. */
export function changeIssues(
  field: { crop: Crop; waterRegime: WaterRegime },
  change: ChangeFacts,
  cropOfVariety: (id: number) => Crop | undefined,
): Issue[] {
  const issues: Issue[] = []
  if (change.varietyId != null) {
    const rule = varietyRule(field.crop, change.varietyId, cropOfVariety)
    if (rule) issues.push({ path: ['varietyId'], rule })
  }
  const water = waterRule(field.crop, change.waterRegime ?? field.waterRegime)
  if (water) issues.push({ path: ['waterRegime'], rule: water })
  if (change.densityPlantsPerHa != null && !isDensityModelled(field.crop)) {
    issues.push({ path: ['densityPlantsPerHa'], rule: 'rice_density_not_modelled' })
  }
  return issues
}
