import type { AssumptionRecord, Source } from './types'

const MU = 15 // yuan/mu × 15 = yuan/ha

/**
 * Sources for the drip-capital and loan assumptions. No 2024 Jilin figure was found for any of
 * them, so each is UNVERIFIED with a wide range until the co-op has a supplier's quote or a
 * bank's offer.
 */
const S = {
  dripLives: ['nongzi-drip', 'drip-cost-2017'],
  dripSplit: ['fengshou-example'],
  dripIrrigated: ['fengshou-example'],
  fertiliserSaving: ['nongzi-drip'],
  loanTerms: ['fengshou-example'],
} satisfies Record<string, Source>

/**
 * The drip-capital and loan assumptions, spread into DEFAULT_ASSUMPTIONS. How drip capital is
 * modelled: `drip.investmentYuanPerHa` is the fixed capital of a new system on a rainfed field,
 * the head unit plus the buried mains; `drip.headShare` splits it; the head unit lives
 * `drip.lifetimeYears` and the mains `drip.mainsLifetimeYears`, each replaced within the horizon
 * and valued straight-line at its end. Drip tape lasts about two seasons, so it is a running cost
 * in `drip.annualCostYuanPerHa` with power and water, not capital.
 */
export const FINANCE_ASSUMPTIONS: readonly AssumptionRecord[] = [
  {
    key: 'drip.headShare',
    value: 0.4,
    low: 0.2,
    high: 0.6,
    min: 0,
    max: 1,
    unit: 'ratio',
    source: S.dripSplit,
    confidence: 'UNVERIFIED',
    note: 'Share of the drip system’s fixed capital in the head unit; the rest is the buried mains.',
  },
  {
    key: 'drip.mainsLifetimeYears',
    value: 30,
    low: 20,
    high: 40,
    // Whole years: the cash flow replaces the mains at each multiple of their life.
    min: 1,
    max: 50,
    integer: true,
    unit: 'years',
    source: S.dripLives,
    confidence: 'UNVERIFIED',
    note: 'Buried mains and sub-mains; whatever life is left at the horizon counts as salvage.',
  },
  {
    key: 'drip.capitalShareIfIrrigated',
    value: 0.6,
    low: 0.3,
    high: 0.9,
    min: 0,
    max: 1,
    unit: 'ratio',
    source: S.dripIrrigated,
    confidence: 'UNVERIFIED',
    note: 'Share of the drip capital still needed on a field already under furrow or sprinkler.',
  },
  {
    key: 'drip.fertiliserSavingYuanPerHa',
    value: 15 * MU,
    low: 5 * MU,
    high: 30 * MU,
    // A saving larger than a whole season's fertiliser (≈ 300 yuan/mu) is a typing mistake.
    min: 0,
    max: 300 * MU,
    unit: 'yuan/ha',
    source: S.fertiliserSaving,
    confidence: 'UNVERIFIED',
    note: 'Fertiliser and top-dressing work saved each season by feeding through the drip.',
  },
  {
    key: 'finance.loanTermYears',
    value: 5,
    low: 3,
    high: 10,
    min: 1,
    max: 30,
    integer: true,
    unit: 'years',
    source: S.loanTerms,
    confidence: 'UNVERIFIED',
    note: 'Term offered when a loan is added to a scenario.',
  },
  {
    key: 'finance.interestSubsidyShare',
    value: 0,
    low: 0,
    high: 0.5,
    min: 0,
    max: 1,
    unit: 'ratio',
    source: S.loanTerms,
    confidence: 'UNVERIFIED',
    note: 'Share of the interest paid by government (贴息) offered when a loan is added.',
  },
]
