import { buildDemoPlan } from '../../engine/demo-plan'
import type { Plan, PlanField, ScenarioChange } from '../../engine/schemas/plan'
import { validField } from './fields'

/** The demo plan's varieties, and a single field to put under scenarios. */
export function onePlan(
  field: Partial<PlanField>,
  changes: Partial<ScenarioChange>[],
  extra: Partial<Plan> = {},
): Plan {
  const demo = buildDemoPlan()
  const base: PlanField = {
    ...validField,
    id: 1,
    name: '试验田',
    areaHa: 10,
    varietyId: demo.varieties.find((v) => v.name === '富民985')!.id,
    history: [2020, 2021, 2022, 2023, 2024].map((year) => ({ year, yieldKgPerHa: 10_000 })),
    ...field,
  }
  return {
    ...demo,
    groups: [],
    fields: [base],
    scenarios: [
      { id: 1, name: '基准', seasonYear: 2025, isBaseline: true, note: '', changes: [] },
      ...changes.map((c, i) => ({
        id: i + 2,
        name: `方案${i + 2}`,
        seasonYear: 2025,
        isBaseline: false,
        note: '',
        changes: [
          { fieldId: 1, buildHsf: null, varietyId: null, densityPlantsPerHa: null, waterRegime: null, ...c },
        ],
      })),
    ],
    ...extra,
  }
}

export function varietyId(name: string): number {
  return buildDemoPlan().varieties.find((v) => v.name === name)!.id
}
