import { encodeRefs } from './references'
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

const maize = (rainfed: [number, number, number], drip?: [number, number, number]) => [
  {
    waterRegime: 'rainfed' as const,
    minPlantsPerHa: rainfed[0],
    optimumPlantsPerHa: rainfed[1],
    maxPlantsPerHa: rainfed[2],
  },
  ...(drip
    ? [
        {
          waterRegime: 'drip' as const,
          minPlantsPerHa: drip[0],
          optimumPlantsPerHa: drip[1],
          maxPlantsPerHa: drip[2],
        },
      ]
    : []),
]

/**
 * The demo's varieties. Sources are records of the references catalogue; heat sums come from the
 * approval records where one was found (先玉335 ≥2,900 °C·d under 蒙认玉2008023; 富友968 about
 * 2,650 under 吉审玉2012023; 凤田807 in Jilin's mid-early zone, about 2,400). No approval record
 * of 富民985 was found: its 2,700 is the late class's lower edge and is cited as an example value.
 */
export const DEMO_VARIETIES: VarietyInput[] = [
  {
    ...NONE,
    crop: 'maize',
    name: '先玉335',
    heatSumNeededCd: 2900,
    maturityDays: 130,
    yieldPotentialRel: 1,
    densityTolerance: 'medium',
    lodgingRisk: 'medium',
    source: encodeRefs(['approval-xianyu335', 'scirep-2022-density', 'fengshou-example']),
    isExample: true,
    densities: maize([50_000, 60_000, 67_500], [55_000, 67_500, 75_000]),
  },
  {
    ...NONE,
    crop: 'maize',
    name: '富民985',
    heatSumNeededCd: 2700,
    yieldPotentialRel: 1,
    densityTolerance: 'high',
    lodgingRisk: 'low',
    source: encodeRefs([
      'scirep-2022-density',
      'ne-density-synthesis',
      'maize-climate-zones',
      'fengshou-example',
    ]),
    isExample: true,
    densities: maize([60_000, 72_500, 80_000], [70_000, 82_500, 90_000]),
  },
  {
    ...NONE,
    crop: 'soybean',
    name: '吉育86',
    maturityDays: 125,
    yieldPotentialRel: 1,
    source: encodeRefs(['approval-dongsheng118']),
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
    saltTolerance: 'high',
    oilPct: 22.59,
    proteinPct: 38.53,
    source: encodeRefs(['approval-dongsheng118', 'iga-cas-dongsheng118', 'gmw-dongsheng118']),
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
    source: encodeRefs(['fengshou-example', 'rice-minimum-price-2024']),
    isExample: true,
    densities: [],
  },
  {
    ...NONE,
    crop: 'maize',
    name: '富友968',
    heatSumNeededCd: 2650,
    maturityDays: 126,
    yieldPotentialRel: 1,
    densityTolerance: 'medium',
    lodgingRisk: 'medium',
    source: encodeRefs(['approval-fuyou968']),
    isExample: true,
    densities: maize([52_500, 60_000, 67_500]),
  },
  {
    ...NONE,
    crop: 'maize',
    name: '凤田807',
    heatSumNeededCd: 2400,
    maturityDays: 122,
    yieldPotentialRel: 1,
    densityTolerance: 'medium',
    lodgingRisk: 'medium',
    source: encodeRefs(['approval-fengtian807', 'jilin-registrations-2024', 'fengshou-example']),
    isExample: true,
    // The approval gives 55–60 k plants/ha rainfed; the drip range is an example value.
    densities: maize([50_000, 57_500, 65_000], [55_000, 67_500, 75_000]),
  },
]

type VillagePlan = {
  village: string
  township: string
  heatSumCd: number
  /** the part of Jilin it lies in: its rainfed weather spread in risk */
  region: Region
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
    region: 'central',
    salineClass: 'none',
    qualityGrade: 3,
    yieldFactor: 1.05,
  },
  {
    village: '太平村',
    township: '太平镇',
    // The west is Jilin's warmest part; this village sits in its warm end.
    heatSumCd: 3050,
    region: 'west',
    salineClass: 'light',
    qualityGrade: 5,
    yieldFactor: 0.85,
  },
  {
    village: '永安村',
    township: '永安乡',
    // Cool and wetter: the eastern hills' edge.
    heatSumCd: 2550,
    region: 'east',
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
    varietyName: '富友968',
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
    varietyName: '富友968',
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
    varietyName: '富友968',
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
    varietyName: '凤田807',
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
    varietyName: '凤田807',
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
    varietyName: '凤田807',
    densityPlantsPerHa: 60_000,
    waterRegime: 'rainfed',
    hsfYearBuilt: 2024,
    groupName: null,
  },
]

/** Typical demo yields in kg/ha before village, water and year effects. */
// Maize 640 kg/mu: between Jilin's 2023 grain average (479 kg/mu) and surveyed household maize (750 kg/mu).
const BASE_YIELD_KG_PER_HA: Record<Crop, number> = { maize: 9_600, soybean: 2_700, rice: 8_600 }

/** How hard the demo drought year hits each water regime (share of yield kept). */
const DROUGHT_KEEPS: Record<WaterRegime, number> = {
  // Jilin's 2009 drought cost 13 % of the province's maize, Liaoning's 19 %.
  rainfed: 0.8,
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

/** Share of yield kept on saline land, as the default losses have it; a tolerant variety keeps half the loss back. */
const SALINE_LOSS: Record<SalineClass, number> = { none: 0, light: 0.07, moderate: 0.2, severe: 0.5 }
const TOLERANT = new Set(DEMO_VARIETIES.filter((v) => v.saltTolerance === 'high').map((v) => v.name))

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
    (1 - SALINE_LOSS[saline] * (plan.varietyName !== null && TOLERANT.has(plan.varietyName) ? 0.5 : 1))
  return DEMO_HISTORY_YEARS.map((year, k) => {
    // About 0.3 %/yr: the trend of a long irrigated series is about 0.2 %/yr.
    const trend = 1 + 0.003 * (k - 2.5)
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
      region: village.region,
      qualityGrade: Math.max(1, village.qualityGrade - (plan.hsfYearBuilt !== null ? 1 : 0)),
      groupName: plan.groupName,
      note: '',
      history: history(plan, index, village, salineClass),
    }
  })
  return {
    name: '丰收示范合作社',
    // A made-up co-op in a made-up county; its villages span the central plain, the west and the
    // eastern hills' edge.
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
