import { buildDemoWorkspace } from './demo'
import type { Plan, Scenario, ScenarioChange } from './schemas/plan'

/** Demo scenarios: current practice, the report's density-with-drip move, HSF, and a soybean switch. */
export const DEMO_SCENARIO_NAMES = {
  baseline: '当前做法（基准）',
  densityDrip: '密植+水肥一体化',
  hsf: '建设高标准农田',
  soybean: '大豆换东生118',
} as const

const SEASON = 2025

function change(fieldId: number, patch: Partial<Omit<ScenarioChange, 'fieldId'>>): ScenarioChange {
  return { fieldId, buildHsf: null, varietyId: null, densityPlantsPerHa: null, waterRegime: null, ...patch }
}

/**
 * The demo workspace as a plan (the exchange format's content), with ids in insertion order so
 * that a fresh workspace and `npm run cli -- demo` describe the very same plan.
 */
export function buildDemoPlan(): Plan {
  const demo = buildDemoWorkspace()
  const varieties = demo.varieties.map((v, i) => ({ ...v, id: i + 1 }))
  const groups = demo.groups.map((g, i) => ({ ...g, id: i + 1 }))
  const varietyId = (name: string | null) =>
    name === null ? null : (varieties.find((v) => v.name === name)?.id ?? null)
  const groupId = (name: string | null) =>
    name === null ? null : (groups.find((g) => g.name === name)?.id ?? null)
  const fields = demo.fields.map(({ varietyName, groupName, ...f }, i) => ({
    ...f,
    id: i + 1,
    // Each village lies in its own part of Jilin (central, west, east).
    region: f.region ?? demo.region,
    varietyId: varietyId(varietyName),
    groupId: groupId(groupName),
  }))
  const tolerant = varietyId('富民985')!
  const TOLERANT_HEAT_CD = varieties.find((v) => v.id === tolerant)?.heatSumNeededCd ?? 0
  const dongsheng = varietyId('东生118')!
  const scenario = (
    id: number,
    name: string,
    isBaseline: boolean,
    note: string,
    changes: ScenarioChange[],
  ): Scenario => ({
    id,
    name,
    seasonYear: SEASON,
    isBaseline,
    note,
    changes,
  })
  return {
    workspace: {
      name: demo.name,
      county: demo.county,
      region: demo.region,
      isDemo: true,
      locale: 'zh-CN',
      areaUnit: 'mu',
      massUnit: 'jin',
    },
    varieties,
    groups,
    fields,
    scenarios: [
      scenario(1, DEMO_SCENARIO_NAMES.baseline, true, '', []),
      scenario(
        2,
        DEMO_SCENARIO_NAMES.densityDrip,
        false,
        '玉米地换耐密品种，每公顷 7 万株，配滴灌水肥一体化',
        fields
          .filter((f) => f.crop === 'maize' && f.waterRegime !== 'drip')
          .map((f) =>
            change(f.id, {
              // The density-tolerant hybrid only where it ripens (its heat sum plus the safety margin).
              varietyId: f.heatSumCd >= TOLERANT_HEAT_CD + 150 ? tolerant : null,
              densityPlantsPerHa: 70_000,
              waterRegime: 'drip',
            }),
          ),
      ),
      scenario(
        3,
        DEMO_SCENARIO_NAMES.hsf,
        false,
        '未建高标准农田的地块全部建设',
        fields.filter((f) => !f.hasHsf).map((f) => change(f.id, { buildHsf: true })),
      ),
      scenario(
        4,
        DEMO_SCENARIO_NAMES.soybean,
        false,
        '大豆地由吉育86换为东生118',
        fields
          .filter((f) => f.crop === 'soybean' && f.varietyId !== dongsheng)
          .map((f) => change(f.id, { varietyId: dongsheng })),
      ),
    ],
    assumptions: [],
    loans: [],
  }
}
