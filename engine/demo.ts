import type { Crop, FieldInput, SalineClass, WaterRegime } from './schemas/field'
import type { VarietyInput } from './schemas/variety'
import type { Region } from './schemas/workspace'
import { toHa } from './units'

/**
 * The demo workspace (示例数据): a made-up co-op of 24 fields in three villages, so a new user
 * sees every screen working. Nothing here is a real farm. Yield histories run 2019–2024 and 2021
 * is the demo's drought year. Variety records cite their sources; where no source supports a
 * value the record says it is an example value.
 */
export type DemoField = Omit<FieldInput, 'varietyId' | 'groupId'> & {
  varietyName: string | null
  groupName: string | null
}

export type DemoWorkspace = {
  name: string
  county: string
  region: Region
  varieties: VarietyInput[]
  groups: { name: string; color: 'blue' | 'green' | 'gold' }[]
  fields: DemoField[]
}

export const DEMO_DROUGHT_YEAR = 2021
export const DEMO_HISTORY_YEARS = [2019, 2020, 2021, 2022, 2023, 2024] as const

const NONE = {
  maturityDays: null,
  heatSumNeededCd: null,
  checkVariety: null,
  densityTolerance: null,
  lodgingRisk: null,
  saltTolerance: null,
  oilPct: null,
  proteinPct: null,
  seedPriceYuanPerKg: null,
} as const

export const DEMO_VARIETIES: VarietyInput[] = [
  {
    ...NONE,
    crop: 'maize',
    name: '先玉335',
    yieldPotentialRel: 1,
    densityTolerance: 'medium',
    lodgingRisk: 'medium',
    source:
      'Older widely grown hybrid compared with Fumin 985 at 45k/65k/85k plants/ha, Sci. Rep. 2022 (AGRONOMY.md §1.2); density range is an example value',
    isExample: true,
    densities: [
      { waterRegime: 'rainfed', minPlantsPerHa: 50_000, optimumPlantsPerHa: 60_000, maxPlantsPerHa: 67_500 },
      { waterRegime: 'drip', minPlantsPerHa: 55_000, optimumPlantsPerHa: 67_500, maxPlantsPerHa: 75_000 },
    ],
  },
  {
    ...NONE,
    crop: 'maize',
    name: '富民985',
    yieldPotentialRel: 1,
    densityTolerance: 'high',
    lodgingRisk: 'low',
    source:
      'Newer density-tolerant hybrid: higher yield and less lodging at 85k plants/ha, Sci. Rep. 2022 (AGRONOMY.md §1.2); density ranges follow the working numbers of AGRONOMY.md §1.2',
    isExample: true,
    densities: [
      { waterRegime: 'rainfed', minPlantsPerHa: 60_000, optimumPlantsPerHa: 72_500, maxPlantsPerHa: 80_000 },
      { waterRegime: 'drip', minPlantsPerHa: 70_000, optimumPlantsPerHa: 82_500, maxPlantsPerHa: 90_000 },
    ],
  },
  {
    ...NONE,
    crop: 'soybean',
    name: '吉育86',
    maturityDays: 125,
    yieldPotentialRel: 1,
    source:
      'Check variety of the Jilin regional trials of 东生118 (AGRONOMY.md §6, chinaseed114.com/seed/16/seed_77648.html)',
    isExample: true,
    densities: [
      {
        waterRegime: 'rainfed',
        minPlantsPerHa: 150_000,
        optimumPlantsPerHa: 180_000,
        maxPlantsPerHa: 210_000,
      },
    ],
  },
  {
    ...NONE,
    crop: 'soybean',
    name: '东生118',
    maturityDays: 125,
    yieldPotentialRel: 1.071,
    checkVariety: '吉育86',
    oilPct: 22.59,
    proteinPct: 38.53,
    source:
      'Jilin approval record: regional trials 2019–2020 2,977.4 kg/ha, +7.1 % vs 吉育86; about 180,000 plants/ha (AGRONOMY.md §6, chinaseed114.com/seed/16/seed_77648.html)',
    isExample: true,
    densities: [
      {
        waterRegime: 'rainfed',
        minPlantsPerHa: 150_000,
        optimumPlantsPerHa: 180_000,
        maxPlantsPerHa: 200_000,
      },
    ],
  },
  {
    ...NONE,
    crop: 'rice',
    name: '示例粳稻',
    yieldPotentialRel: 1,
    source:
      'Example japonica rice entry; no sourced variety data yet — every value is an editable example value',
    isExample: true,
    densities: [],
  },
]

type VillagePlan = {
  village: string
  township: string
  heatSumCd: number
  salineClass: SalineClass
  qualityGrade: number
  /** how this village's yields sit against the district (soil, water) */
  yieldFactor: number
}

const VILLAGES: VillagePlan[] = [
  {
    village: '兴隆村',
    township: '兴隆镇',
    heatSumCd: 2850,
    salineClass: 'none',
    qualityGrade: 3,
    yieldFactor: 1.05,
  },
  {
    village: '太平村',
    township: '太平镇',
    heatSumCd: 2950,
    salineClass: 'light',
    qualityGrade: 5,
    yieldFactor: 0.85,
  },
  {
    village: '永安村',
    township: '永安乡',
    heatSumCd: 2550,
    salineClass: 'none',
    qualityGrade: 4,
    yieldFactor: 0.95,
  },
]

type FieldPlan = {
  name: string
  villageIndex: number
  areaMu: number
  crop: Crop
  varietyName: string | null
  densityPlantsPerHa: number | null
  waterRegime: WaterRegime
  hsfYearBuilt: number | null
  salineClass?: SalineClass
  groupName: string | null
}

// Twenty-four fields, 20–300 mu, named the way co-op ledgers name them.
const FIELD_PLANS: FieldPlan[] = [
  {
    name: '东岗一号地',
    villageIndex: 0,
    areaMu: 260,
    crop: 'maize',
    varietyName: '富民985',
    densityPlantsPerHa: 60_000,
    waterRegime: 'rainfed',
    hsfYearBuilt: null,
    groupName: '东片',
  },
  {
    name: '东岗二号地',
    villageIndex: 0,
    areaMu: 185,
    crop: 'maize',
    varietyName: '富民985',
    densityPlantsPerHa: 60_000,
    waterRegime: 'rainfed',
    hsfYearBuilt: null,
    groupName: '东片',
  },
  {
    name: '东岗三号地',
    villageIndex: 0,
    areaMu: 120,
    crop: 'maize',
    varietyName: '先玉335',
    densityPlantsPerHa: 60_000,
    waterRegime: 'rainfed',
    hsfYearBuilt: 2020,
    groupName: '东片',
  },
  {
    name: '河套地',
    villageIndex: 0,
    areaMu: 300,
    crop: 'maize',
    varietyName: '富民985',
    densityPlantsPerHa: 70_000,
    waterRegime: 'drip',
    hsfYearBuilt: 2021,
    groupName: '东片',
  },
  {
    name: '北大地',
    villageIndex: 0,
    areaMu: 240,
    crop: 'maize',
    varietyName: '先玉335',
    densityPlantsPerHa: 62_500,
    waterRegime: 'rainfed',
    hsfYearBuilt: null,
    groupName: null,
  },
  {
    name: '前坨子',
    villageIndex: 0,
    areaMu: 75,
    crop: 'soybean',
    varietyName: '吉育86',
    densityPlantsPerHa: 180_000,
    waterRegime: 'rainfed',
    hsfYearBuilt: null,
    groupName: null,
  },
  {
    name: '后坨子',
    villageIndex: 0,
    areaMu: 60,
    crop: 'soybean',
    varietyName: '东生118',
    densityPlantsPerHa: 180_000,
    waterRegime: 'rainfed',
    hsfYearBuilt: null,
    groupName: null,
  },
  {
    name: '井边地',
    villageIndex: 0,
    areaMu: 45,
    crop: 'maize',
    varietyName: '先玉335',
    densityPlantsPerHa: 60_000,
    waterRegime: 'furrow',
    hsfYearBuilt: 2019,
    groupName: null,
  },
  {
    name: '碱巴拉一号',
    villageIndex: 1,
    areaMu: 210,
    crop: 'maize',
    varietyName: '先玉335',
    densityPlantsPerHa: 55_000,
    waterRegime: 'rainfed',
    hsfYearBuilt: null,
    salineClass: 'moderate',
    groupName: '西片',
  },
  {
    name: '碱巴拉二号',
    villageIndex: 1,
    areaMu: 150,
    crop: 'soybean',
    varietyName: '吉育86',
    densityPlantsPerHa: 180_000,
    waterRegime: 'rainfed',
    hsfYearBuilt: null,
    salineClass: 'moderate',
    groupName: '西片',
  },
  {
    name: '西甸子',
    villageIndex: 1,
    areaMu: 280,
    crop: 'maize',
    varietyName: '富民985',
    densityPlantsPerHa: 60_000,
    waterRegime: 'rainfed',
    hsfYearBuilt: null,
    groupName: '西片',
  },
  {
    name: '沙岗地',
    villageIndex: 1,
    areaMu: 95,
    crop: 'maize',
    varietyName: '先玉335',
    densityPlantsPerHa: 57_500,
    waterRegime: 'rainfed',
    hsfYearBuilt: null,
    groupName: '西片',
  },
  {
    name: '泡子沿',
    villageIndex: 1,
    areaMu: 130,
    crop: 'rice',
    varietyName: '示例粳稻',
    densityPlantsPerHa: null,
    waterRegime: 'paddy',
    hsfYearBuilt: 2022,
    salineClass: 'light',
    groupName: null,
  },
  {
    name: '新开地',
    villageIndex: 1,
    areaMu: 40,
    crop: 'soybean',
    varietyName: '东生118',
    densityPlantsPerHa: 180_000,
    waterRegime: 'rainfed',
    hsfYearBuilt: null,
    salineClass: 'severe',
    groupName: null,
  },
  {
    name: '机井地',
    villageIndex: 1,
    areaMu: 175,
    crop: 'maize',
    varietyName: '富民985',
    densityPlantsPerHa: 67_500,
    waterRegime: 'sprinkler',
    hsfYearBuilt: 2023,
    groupName: null,
  },
  {
    name: '南洼地',
    villageIndex: 1,
    areaMu: 65,
    crop: 'maize',
    varietyName: '先玉335',
    densityPlantsPerHa: 60_000,
    waterRegime: 'rainfed',
    hsfYearBuilt: null,
    salineClass: 'moderate',
    groupName: null,
  },
  {
    name: '稻田一号',
    villageIndex: 2,
    areaMu: 220,
    crop: 'rice',
    varietyName: '示例粳稻',
    densityPlantsPerHa: null,
    waterRegime: 'paddy',
    hsfYearBuilt: 2020,
    groupName: '稻区',
  },
  {
    name: '稻田二号',
    villageIndex: 2,
    areaMu: 160,
    crop: 'rice',
    varietyName: '示例粳稻',
    densityPlantsPerHa: null,
    waterRegime: 'paddy',
    hsfYearBuilt: null,
    groupName: '稻区',
  },
  {
    name: '稻田三号',
    villageIndex: 2,
    areaMu: 90,
    crop: 'rice',
    varietyName: '示例粳稻',
    densityPlantsPerHa: null,
    waterRegime: 'paddy',
    hsfYearBuilt: null,
    groupName: '稻区',
  },
  {
    name: '山根地',
    villageIndex: 2,
    areaMu: 35,
    crop: 'soybean',
    varietyName: '吉育86',
    densityPlantsPerHa: 180_000,
    waterRegime: 'rainfed',
    hsfYearBuilt: null,
    groupName: null,
  },
  {
    name: '坡耕地',
    villageIndex: 2,
    areaMu: 20,
    crop: 'soybean',
    varietyName: '东生118',
    densityPlantsPerHa: 170_000,
    waterRegime: 'rainfed',
    hsfYearBuilt: null,
    groupName: null,
  },
  {
    name: '大场院地',
    villageIndex: 2,
    areaMu: 140,
    crop: 'maize',
    varietyName: '先玉335',
    densityPlantsPerHa: 60_000,
    waterRegime: 'rainfed',
    hsfYearBuilt: null,
    groupName: null,
  },
  {
    name: '林边地',
    villageIndex: 2,
    areaMu: 110,
    crop: 'maize',
    varietyName: '先玉335',
    densityPlantsPerHa: 57_500,
    waterRegime: 'rainfed',
    hsfYearBuilt: null,
    groupName: null,
  },
  {
    name: '老场地',
    villageIndex: 2,
    areaMu: 85,
    crop: 'maize',
    varietyName: '富民985',
    densityPlantsPerHa: 65_000,
    waterRegime: 'rainfed',
    hsfYearBuilt: 2024,
    groupName: null,
  },
]

/** Typical demo yields in kg/ha before village, water and year effects. */
const BASE_YIELD_KG_PER_HA: Record<Crop, number> = { maize: 10_500, soybean: 2_900, rice: 8_600 }

/** How hard the demo drought year hits each water regime (share of yield kept). */
const DROUGHT_KEEPS: Record<WaterRegime, number> = {
  rainfed: 0.72,
  furrow: 0.86,
  sprinkler: 0.9,
  drip: 0.94,
  paddy: 0.96,
}

const WATER_FACTOR: Record<WaterRegime, number> = {
  rainfed: 1,
  furrow: 1.04,
  sprinkler: 1.08,
  drip: 1.15,
  paddy: 1,
}

const SALINE_FACTOR: Record<SalineClass, number> = { none: 1, light: 0.93, moderate: 0.82, severe: 0.65 }

/** A small deterministic hash → [-1, 1), so the demo is identical on every machine. */
function wobble(a: number, b: number): number {
  let h = Math.imul(a + 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x27d4eb2f, 0xc2b2ae35)
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  h ^= h >>> 12
  return ((h >>> 0) / 0x1_0000_0000) * 2 - 1
}

function history(plan: FieldPlan, index: number, village: VillagePlan, saline: SalineClass) {
  const base =
    BASE_YIELD_KG_PER_HA[plan.crop] *
    village.yieldFactor *
    WATER_FACTOR[plan.waterRegime] *
    SALINE_FACTOR[saline]
  return DEMO_HISTORY_YEARS.map((year, k) => {
    const trend = 1 + 0.012 * (k - 2.5)
    const drought = year === DEMO_DROUGHT_YEAR ? DROUGHT_KEEPS[plan.waterRegime] : 1
    const hsf = plan.hsfYearBuilt !== null && year > plan.hsfYearBuilt ? 1.1 : 1
    const noise = 1 + 0.05 * wobble(index, year)
    return { year, yieldKgPerHa: Math.round(base * trend * drought * hsf * noise) }
  })
}

/** Builds the demo workspace. Pure and deterministic. */
export function buildDemoWorkspace(): DemoWorkspace {
  const fields = FIELD_PLANS.map((plan, index): DemoField => {
    const village = VILLAGES[plan.villageIndex]!
    const salineClass = plan.salineClass ?? village.salineClass
    return {
      name: plan.name,
      village: village.village,
      township: village.township,
      areaHa: toHa(plan.areaMu, 'mu'),
      crop: plan.crop,
      varietyName: plan.varietyName,
      densityPlantsPerHa: plan.densityPlantsPerHa,
      waterRegime: plan.waterRegime,
      hasHsf: plan.hsfYearBuilt !== null,
      hsfYearBuilt: plan.hsfYearBuilt,
      salineClass,
      heatSumCd: village.heatSumCd,
      qualityGrade: Math.max(1, village.qualityGrade - (plan.hsfYearBuilt !== null ? 1 : 0)),
      groupName: plan.groupName,
      note: '',
      history: history(plan, index, village, salineClass),
    }
  })
  return {
    name: '丰收示范合作社',
    // A made-up co-op in a made-up county; its villages span the central plain and the west.
    county: '示例县',
    region: 'central',
    varieties: DEMO_VARIETIES,
    groups: [
      { name: '东片', color: 'blue' },
      { name: '西片', color: 'gold' },
      { name: '稻区', color: 'green' },
    ],
    fields,
  }
}
