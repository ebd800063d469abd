import type { FieldInput } from '../../engine/schemas/field'

/** A complete, valid maize field in canonical units; tests change one thing at a time. */
export const validField: FieldInput = {
  name: '东岗一号地',
  village: '兴隆村',
  township: '兴隆镇',
  areaHa: 10,
  crop: 'maize',
  varietyId: null,
  densityPlantsPerHa: 60_000,
  waterRegime: 'rainfed',
  hasHsf: false,
  hsfYearBuilt: null,
  salineClass: 'none',
  heatSumCd: 2800,
  qualityGrade: 4,
  groupId: null,
  note: '',
  history: [{ year: 2024, yieldKgPerHa: 10_500 }],
}
