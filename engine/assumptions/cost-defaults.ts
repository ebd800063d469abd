import type { Crop, WaterRegime } from '../schemas/field'
import type { AssumptionRecord, Confidence, Source } from './types'

const MU = 15 // yuan/mu × 15 = yuan/ha

/**
 * The season's cost items per crop, in the categories of the national cost–return survey
 * (全国农产品成本收益资料汇编): fertiliser, pesticide, machinery (tillage, sowing, harvest), drying,
 * hired labour. The farmer's share of the insurance premium is insurance.* (risk-defaults.ts). Seed (seed.*), land rent
 * (cost.landRentYuanPerHa) and irrigation (below; drip's running cost is drip.annualCostYuanPerHa)
 * are the other categories. Figures are yuan/mu converted to yuan/ha; where no figure was found
 * the record says UNVERIFIED and its range is wide.
 */
export const COST_ITEMS = [
  'fertiliser',
  'pesticide',
  'tillage',
  'sowing',
  'harvest',
  'drying',
  'labour',
] as const
export type CostItem = (typeof COST_ITEMS)[number]

/** Regimes with a water-and-power cost of their own here; drip's is drip.annualCostYuanPerHa. */
export const IRRIGATION_COST_REGIMES = ['furrow', 'sprinkler', 'paddy'] as const

export const costKey = (crop: Crop, item: CostItem) => `cost.${crop}.${item}YuanPerHa`

/** The key of a water regime's water-and-power cost; null for rainfed and drip (drip.annualCostYuanPerHa). */
export function irrigationKey(regime: WaterRegime): string | null {
  return regime === 'rainfed' || regime === 'drip' ? null : `cost.irrigation.${regime}YuanPerHa`
}

const NDRC = 'ndrc-cost-survey'
const QNW = 'qnwtop-maize-cost-2020'
const AGT = 'agtoday-costs-2025'
const EX = 'fengshou-example'

/** [value, low, high] in yuan/mu, the sources, the confidence, and a note (English, for the CLI). */
type Row = [number, number, number, Source, Confidence, string]

const ROWS: Record<Crop, Record<CostItem, Row>> = {
  maize: {
    fertiliser: [
      180,
      130,
      235,
      [QNW, AGT, NDRC],
      'L',
      'Compound fertiliser and urea; national 2020 ≈235, 2025 reports 130–220.',
    ],
    pesticide: [45, 30, 80, [QNW, AGT, NDRC], 'L', 'Herbicide, insecticide and seed dressing.'],
    tillage: [50, 40, 80, [QNW, NDRC], 'L', 'Machine tillage or stubble work, hired.'],
    sowing: [35, 30, 50, [QNW, NDRC], 'L', 'Machine sowing, hired.'],
    harvest: [
      80,
      60,
      110,
      [AGT, NDRC],
      'L',
      'Combine harvest; machinery in all 150–240 yuan/mu less tillage and sowing.',
    ],
    drying: [
      30,
      0,
      60,
      [EX, 'maize-price-2024', NDRC],
      'UNVERIFIED',
      'Drying to 14 % moisture; wet grain sells 0.3 yuan/jin below dry, so drying is a real cost.',
    ],
    labour: [50, 0, 120, [EX, NDRC], 'UNVERIFIED', 'Hired labour only; members’ own work is not costed.'],
  },
  soybean: {
    fertiliser: [90, 60, 130, [EX, NDRC], 'UNVERIFIED', 'DAP at sowing; about half of maize.'],
    pesticide: [35, 20, 60, [EX, NDRC], 'UNVERIFIED', 'Herbicide and insecticide.'],
    tillage: [45, 35, 70, [EX, NDRC], 'UNVERIFIED', 'As for maize, slightly less.'],
    sowing: [30, 25, 45, [EX, NDRC], 'UNVERIFIED', 'Machine sowing, hired.'],
    harvest: [50, 40, 80, [EX, NDRC], 'UNVERIFIED', 'Combine harvest.'],
    drying: [0, 0, 15, [EX, NDRC], 'UNVERIFIED', 'Soybean is usually harvested dry.'],
    labour: [40, 0, 100, [EX, NDRC], 'UNVERIFIED', 'Hired labour only.'],
  },
  rice: {
    fertiliser: [
      190,
      140,
      260,
      [AGT, NDRC],
      'L',
      'Compound fertiliser and urea, 2025 reports 140–260 yuan/mu.',
    ],
    pesticide: [
      100,
      60,
      200,
      [AGT, NDRC],
      'L',
      'Reports give 100–200 yuan/mu; NE japonica often needs less.',
    ],
    tillage: [70, 50, 100, [AGT, NDRC], 'L', 'Ploughing and puddling; machinery in all 230–350 yuan/mu.'],
    sowing: [130, 90, 180, [AGT, NDRC], 'L', 'Seedling raising and machine transplanting.'],
    harvest: [90, 70, 120, [AGT, NDRC], 'L', 'Combine harvest.'],
    drying: [30, 0, 60, [EX, NDRC], 'UNVERIFIED', 'Drying paddy.'],
    labour: [90, 40, 250, [EX, NDRC], 'UNVERIFIED', 'Hired labour; rice needs more than maize.'],
  },
}

const IRRIGATION: Record<(typeof IRRIGATION_COST_REGIMES)[number], Row> = {
  furrow: [40, 30, 80, [AGT, NDRC], 'L', 'Pumping power and water fee; reports give 30–80 yuan/mu.'],
  sprinkler: [
    55,
    35,
    100,
    [EX, NDRC],
    'UNVERIFIED',
    'Power and water for sprinkler rounds; no figure found.',
  ],
  paddy: [60, 50, 200, [AGT, NDRC], 'L', 'Paddy water fee and pumping; reports give 50–200 yuan/mu.'],
}

function record(key: string, [value, low, high, source, confidence, note]: Row): AssumptionRecord {
  // No season's item costs more than 5,000 yuan/mu: several times the dearest national total.
  return {
    key,
    value: value * MU,
    low: low * MU,
    high: high * MU,
    min: 0,
    max: 5_000 * MU,
    unit: 'yuan/ha',
    source,
    confidence,
    note,
  }
}

export const COST_ASSUMPTIONS: readonly AssumptionRecord[] = [
  ...(Object.keys(ROWS) as Crop[]).flatMap((crop) =>
    COST_ITEMS.map((item) => record(costKey(crop, item), ROWS[crop][item])),
  ),
  ...IRRIGATION_COST_REGIMES.map((r) => record(`cost.irrigation.${r}YuanPerHa`, IRRIGATION[r])),
]
