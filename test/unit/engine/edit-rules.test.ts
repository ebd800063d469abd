import { describe, expect, it } from 'vitest'
import { buildDemoPlan } from '../../../engine/demo-plan'
import { changeIssues, defaultWaterFor, fieldIssues, waterRegimesFor } from '../../../engine/rules/edit-rules'
import { FieldInputSchema } from '../../../engine/schemas/field'
import { PlanSchema } from '../../../engine/schemas/plan'
import { validField } from '../../helpers/fields'

const crops = { 1: 'maize', 2: 'soybean', 3: 'rice' } as const
const cropOf = (id: number) => crops[id as 1 | 2 | 3]

describe('edit rules', () => {
  it('offers paddy only to rice, and only paddy to rice', () => {
    expect(waterRegimesFor('rice')).toEqual(['paddy'])
    expect(waterRegimesFor('maize')).toEqual(['rainfed', 'furrow', 'sprinkler', 'drip'])
    expect(defaultWaterFor('rice')).toBe('paddy')
    expect(defaultWaterFor('soybean')).toBe('rainfed')
  })

  it('names each broken rule at the input to change', () => {
    expect(
      fieldIssues(
        {
          crop: 'maize',
          waterRegime: 'paddy',
          varietyId: 2,
          hasHsf: false,
          hsfYearBuilt: 2020,
          history: [{ year: 2023 }, { year: 2023 }],
        },
        cropOf,
      ),
    ).toEqual([
      { path: ['hsfYearBuilt'], rule: 'hsf_year_without_hsf' },
      { path: ['waterRegime'], rule: 'paddy_only_rice' },
      { path: ['varietyId'], rule: 'variety_crop_mismatch' },
      { path: ['history', 1, 'year'], rule: 'duplicate_year', params: { year: 2023 } },
    ])
    expect(fieldIssues({ crop: 'maize', varietyId: 9 }, cropOf)).toEqual([
      { path: ['varietyId'], rule: 'unknown_reference' },
    ])
  })

  it('checks a scenario change against the field it changes', () => {
    const rice = { crop: 'rice' as const, waterRegime: 'paddy' as const }
    expect(changeIssues(rice, { densityPlantsPerHa: 300_000 }, cropOf)).toEqual([
      { path: ['densityPlantsPerHa'], rule: 'rice_density_not_modelled' },
    ])
    expect(changeIssues(rice, { waterRegime: 'drip', varietyId: 1 }, cropOf).map((i) => i.rule)).toEqual([
      'variety_crop_mismatch',
      'rice_needs_paddy',
    ])
    expect(
      changeIssues({ crop: 'maize', waterRegime: 'rainfed' }, { waterRegime: 'drip', varietyId: 1 }, cropOf),
    ).toEqual([])
  })

  it('is what the field schema and the plan schema enforce', () => {
    const field = FieldInputSchema.safeParse({ ...validField, crop: 'rice', waterRegime: 'drip' })
    expect(field.success).toBe(false)
    const plan = buildDemoPlan()
    const maize = plan.fields.find((f) => f.crop === 'maize')!
    const rice = plan.fields.find((f) => f.crop === 'rice')!
    const soybeanVariety = plan.varieties.find((v) => v.crop === 'soybean')!.id
    const broken = {
      ...plan,
      fields: plan.fields.map((f) => (f.id === maize.id ? { ...f, varietyId: soybeanVariety } : f)),
      scenarios: plan.scenarios.map((s, i) =>
        i === 1
          ? {
              ...s,
              changes: [
                {
                  fieldId: rice.id,
                  buildHsf: null,
                  varietyId: null,
                  densityPlantsPerHa: 250_000,
                  waterRegime: null,
                },
              ],
            }
          : s,
      ),
    }
    const parsed = PlanSchema.safeParse(broken)
    expect(parsed.success).toBe(false)
    const rules = parsed.error!.issues.map((i) => (i as { params?: { rule?: string } }).params?.rule)
    expect(rules).toContain('variety_crop_mismatch')
    expect(rules).toContain('rice_density_not_modelled')
  })
})

describe('what a scenario already changes on chosen fields', () => {
  it('gives each setting the fields share, or says they differ', async () => {
    const { commonChange } = await import('../../../engine/scenario-edit')
    const scenario = {
      id: 2,
      name: 's',
      seasonYear: 2025,
      isBaseline: false,
      note: '',
      changes: [
        {
          fieldId: 1,
          buildHsf: true,
          varietyId: 3,
          densityPlantsPerHa: 70_000,
          waterRegime: 'drip' as const,
        },
        { fieldId: 2, buildHsf: true, varietyId: 3, densityPlantsPerHa: 75_000, waterRegime: null },
      ],
    }
    expect(commonChange(scenario, [1, 2])).toEqual({
      buildHsf: true,
      varietyId: 3,
      densityPlantsPerHa: 'mixed',
      waterRegime: 'mixed',
    })
    // A field the scenario leaves as today differs from one it changes.
    expect(commonChange(scenario, [1, 9]).buildHsf).toBe('mixed')
    expect(commonChange(scenario, [9])).toEqual({
      buildHsf: null,
      varietyId: null,
      densityPlantsPerHa: null,
      waterRegime: null,
    })
  })
})
