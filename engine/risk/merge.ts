import type { RiskMeta } from './kernel'

/** A contiguous range of blocks: `first` and the `count` after it. */
export type BlockRange = { first: number; count: number }

export type RiskOptions = {
  draws: number
  seed: number
  /** 'common': one weather shock per year for every field (the model); 'independent' is for tests */
  weather?: 'common' | 'independent'
  /** only these blocks of the run (one worker's share); all of them when absent */
  blocks?: BlockRange
}

/**
 * The raw years of one share of a run: production and margin per scenario (evaluation order) for
 * draws `firstDraw` … `firstDraw + done − 1`. Shares merge back into the run with `mergeRisk`.
 */
export type RiskPart = {
  firstDraw: number
  done: number
  production: Float64Array[]
  margin: Float64Array[]
}

export type Percentiles = { p10: number; p50: number; p90: number; mean: number; sd: number }

export type ScenarioRisk = {
  scenarioId: number | null
  name: string
  isBaseline: boolean
  productionKg: Percentiles
  /** gross margin of the season, insurance indemnities included (the premium is a cost) */
  grossMarginYuan: Percentiles
  /** the co-op's share of the one-off investment as a yearly cost (annuity), yuan */
  yearlyInvestmentCostYuan: number
  /**
   * share of years in which the scenario's gross margin, less the yearly cost of its investment,
   * beats current practice's in the same year (same draws)
   */
  probBeatsBaseline: number | null
  /** gross margin by draw, for histograms (yuan) */
  marginSamples: Float64Array
}

export type RiskResult = {
  draws: number
  seed: number
  completedDraws: number
  baseline: ScenarioRisk
  scenarios: ScenarioRisk[]
}

function percentiles(samples: Float64Array, n: number): Percentiles {
  // Sorted first, so the sums below run in the same order whichever way the draws were split.
  const sorted = Float64Array.from(samples.subarray(0, n)).sort()
  const at = (q: number) => sorted[Math.min(n - 1, Math.max(0, Math.round(q * (n - 1))))]!
  let sum = 0
  for (let i = 0; i < n; i++) sum += sorted[i]!
  const mean = sum / n
  let ss = 0
  for (let i = 0; i < n; i++) ss += (sorted[i]! - mean) ** 2
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9), mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0 }
}

/**
 * One run's result from its shares, in any order: the years are put back in draw order, so the
 * percentiles, the chance of beating the baseline and the samples are the same however the blocks
 * were shared out. A share that stopped early (cancel) contributes the years it finished.
 */
export function mergeRisk(
  meta: RiskMeta,
  options: Pick<RiskOptions, 'draws' | 'seed'>,
  parts: readonly RiskPart[],
): RiskResult {
  const ordered = [...parts].sort((a, b) => a.firstDraw - b.firstDraw)
  const done = ordered.reduce((sum, p) => sum + p.done, 0)
  const n = Math.max(1, done)
  const nS = meta.scenarios.length
  const production = Array.from({ length: nS }, () => new Float64Array(n))
  const margin = Array.from({ length: nS }, () => new Float64Array(n))
  let at = 0
  for (const p of ordered) {
    for (let si = 0; si < nS; si++) {
      production[si]!.set(p.production[si]!.subarray(0, p.done), at)
      margin[si]!.set(p.margin[si]!.subarray(0, p.done), at)
    }
    at += p.done
  }
  const baselineIndex = meta.scenarios.findIndex((s) => s.isBaseline)
  const summary = (si: number): ScenarioRisk => {
    const s = meta.scenarios[si]!
    let beats = 0
    if (baselineIndex >= 0 && si !== baselineIndex) {
      const base = margin[baselineIndex]!
      const mine = margin[si]!
      // Each side net of its own investment's yearly cost: what the upgrade must earn back.
      const edge = s.yearlyInvestmentCostYuan - meta.scenarios[baselineIndex]!.yearlyInvestmentCostYuan
      for (let d = 0; d < n; d++) if (mine[d]! - edge > base[d]!) beats++
    }
    return {
      scenarioId: s.scenarioId,
      name: s.name,
      isBaseline: s.isBaseline,
      productionKg: percentiles(production[si]!, n),
      grossMarginYuan: percentiles(margin[si]!, n),
      yearlyInvestmentCostYuan: s.yearlyInvestmentCostYuan,
      probBeatsBaseline: baselineIndex >= 0 && si !== baselineIndex ? beats / n : null,
      marginSamples: margin[si]!,
    }
  }
  const all = meta.scenarios.map((_, si) => summary(si))
  return {
    draws: options.draws,
    seed: options.seed,
    completedDraws: done,
    baseline: all[Math.max(baselineIndex, 0)]!,
    scenarios: all.filter((_, si) => si !== baselineIndex),
  }
}
