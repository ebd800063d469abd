import type { AssumptionRecord, Source } from './types'

/**
 * The assumptions of the risk model that the default set did not have: crop insurance and the
 * rainfed spread of eastern Jilin. Spread into DEFAULT_ASSUMPTIONS by defaults.ts, so they are
 * edited, sourced and audited like every other coefficient.
 *
 * Insurance follows the policy products 三大粮食作物完全成本保险 and 种植收入保险, which cover
 * every major grain county from 2024: the co-op pays its share of the premium each season, and
 * is paid an indemnity in a year when a field's income (yield × price) falls below the cover, a
 * share of the field's expected income (its baseline yield at the price assumed).
 */
const MU = 15 // yuan/mu × 15 = yuan/ha

const S = {
  countyInsuranceTable: ['county-insurance-table', 'full-cost-insurance-2024'],
  fullCostPolicy: ['full-cost-insurance-2024'],
  jilinGradient: ['jin-zhou-2012'],
} satisfies Record<string, Source>

export const RISK_ASSUMPTIONS: readonly AssumptionRecord[] = [
  {
    key: 'insurance.participation',
    value: 1,
    low: 1,
    high: 1,
    min: 0,
    max: 1,
    unit: 'ratio',
    source: S.fullCostPolicy,
    confidence: 'M',
    note: 'Share of the co-op’s area that is insured. Full-cost and income insurance cover every major grain county from 2024; set 0 to see the plan without insurance.',
  },
  {
    key: 'insurance.premiumYuanPerHa',
    value: 27 * MU,
    low: 15 * MU,
    high: 45 * MU,
    min: 0,
    max: 1_000 * MU,
    unit: 'yuan/ha',
    source: S.countyInsuranceTable,
    confidence: 'UNVERIFIED',
    note: 'Whole premium per season, all payers together. 27 yuan/mu is an example figure; one county’s table gives 36 yuan/mu for maize full-cost cover. Jilin’s own 2024 rates were not found: the range is wide.',
  },
  {
    key: 'insurance.farmerShare',
    value: 0.2,
    low: 0.1,
    high: 0.3,
    min: 0,
    max: 1,
    unit: 'ratio',
    source: S.countyInsuranceTable,
    confidence: 'UNVERIFIED',
    note: 'Share of the premium the grower pays; central, provincial and county budgets pay the rest. One county’s table gives 25 %; 20 % is an example figure.',
  },
  {
    key: 'insurance.coverLevel',
    value: 0.8,
    low: 0.6,
    high: 0.85,
    min: 0,
    max: 1,
    unit: 'ratio',
    source: S.fullCostPolicy,
    confidence: 'UNVERIFIED',
    note: 'Cover as a share of a field’s expected income (its baseline yield at the price assumed): an indemnity is paid when yield × price falls below it. Income insurance covers up to 80 %; full-cost cover (800 yuan/mu in one county) is nearer 60 % of a maize income.',
  },
  {
    key: 'cv.rainfedEast',
    value: 0.15,
    low: 0.1,
    high: 0.2,
    min: 0,
    max: 1,
    unit: 'ratio',
    source: S.jilinGradient,
    confidence: 'UNVERIFIED',
    note: 'Year-to-year yield spread of rainfed fields in the eastern hills. Rain rises from west to east, so drought matters less than in the centre, but a cold, short season adds its own risk; no county series was found, so the range is wide.',
  },
]
