import { COST_ASSUMPTIONS, irrigationKey } from '../assumptions/cost-defaults'
import { checkOverrides, effectiveAssumptions, need, valuesOf } from '../assumptions/resolve'
import { AppError } from '../errors'
import { evaluatePlan } from '../model/evaluate'
import { CROPS, type Crop, type WaterRegime } from '../schemas/field'
import type { Plan } from '../schemas/plan'
import { Random } from './random'

/**
 * Draws come in fixed blocks of this many years. Each block has its own random stream, derived
 * from the seed and the block's number, so a run gives the same numbers however its blocks are
 * shared out among workers, cores or machines.
 */
export const BLOCK_DRAWS = 250

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

/** How many blocks a run of `draws` years has (the last one may be short). */
export function blockCount(draws: number): number {
  return Math.ceil(draws / BLOCK_DRAWS)
}

/**
 * The blocks of a run shared out into at most `parts` contiguous ranges of near-equal size, one
 * per worker. Never more ranges than blocks, never an empty one.
 */
export function splitBlocks(draws: number, parts: number): BlockRange[] {
  const n = blockCount(draws)
  const k = Math.max(1, Math.min(Math.floor(parts), n))
  const ranges: BlockRange[] = []
  for (let i = 0; i < k; i++) {
    const first = Math.floor((i * n) / k)
    ranges.push({ first, count: Math.floor(((i + 1) * n) / k) - first })
  }
  return ranges
}

/** Which scenario each sample column is, in the engine's evaluation order (the baseline among them). */
export type RiskMeta = {
  scenarios: { scenarioId: number | null; name: string; isBaseline: boolean }[]
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
  grossMarginYuan: Percentiles
  /** share of years in which the scenario's gross margin beats current practice's, same draws */
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

const MAX_DRAWS = 1_000_000
const REGIMES: readonly WaterRegime[] = ['rainfed', 'furrow', 'sprinkler', 'drip', 'paddy']

/** Which weather CV a field gets: rainfed west (salt-affected, drought-prone), rainfed central, irrigated, paddy. */
function cvOf(
  regime: WaterRegime,
  saline: string,
  cv: { central: number; west: number; drip: number; paddy: number },
): number {
  if (regime === 'paddy') return cv.paddy
  if (regime === 'rainfed') return saline === 'none' ? cv.central : cv.west
  return cv.drip
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

type Range = { low: number; value: number; high: number }

/**
 * What a run needs from the plan, computed once: the deterministic evaluation, each field's
 * weather CV and crop, each scenario's yields and fixed money, and the slopes of the coefficients
 * drawn to first order. Plain data (typed arrays and numbers), so one worker can prepare it and
 * send it to the others instead of every worker evaluating the plan again.
 */
export type RiskKernel = {
  kind: 'risk-kernel'
  meta: RiskMeta
  nS: number
  nF: number
  fieldCv: number
  catProb: number
  lossLow: number
  lossHigh: number
  hsf: Range
  /** share of the HSF uplift a maize field irrigated under the scenario keeps (builds code 2) */
  hsfIrrigatedShare: number
  water: (Range | null)[]
  prices: Range[]
  linear: Range[]
  linearSlopes: { margin: number; production: number }[][]
  fieldCvArr: Float64Array
  cropIdx: Uint8Array
  curRegime: Uint8Array
  y0Area: Float64Array
  /** 0 no HSF build, 1 a build at the full uplift, 2 a build on a field irrigated under the scenario */
  builds: Uint8Array
  newRegime: Uint8Array
  fixedMargin: Float64Array
}

function isKernel(source: Plan | RiskKernel): source is RiskKernel {
  return (source as RiskKernel).kind === 'risk-kernel'
}

/** The kernel of a risk run on this plan (see RiskKernel); the same plan gives the same kernel. */
export function prepareRisk(plan: Plan): RiskKernel {
  checkOverrides(plan.assumptions)
  const assumptions = effectiveAssumptions(plan.assumptions)
  const values = valuesOf(assumptions)
  const full = (key: string) => assumptions.find((a) => a.key === key)!
  const range = (key: string): Range => {
    const a = full(key)
    return { low: a.low, value: a.value, high: a.high }
  }
  const deterministic = evaluatePlan(plan)
  const results = deterministic.scenarios
  // Risk is read against current practice: with no scenario there is nothing to draw for.
  if (results.length === 0 || !results.some((r) => r.isBaseline)) {
    throw new AppError('VALIDATION', 'The plan has no baseline scenario', {
      issues: [{ path: ['scenarios'], rule: 'min_array', params: { limit: 1 } }],
    })
  }
  const nS = results.length
  const nF = plan.fields.length
  const cv = {
    central: need(values, 'cv.rainfedCentral'),
    west: need(values, 'cv.rainfedWest'),
    drip: need(values, 'cv.drip'),
    paddy: need(values, 'cv.paddy'),
  }
  const fieldCv = need(values, 'cv.field')
  const catProb = need(values, 'risk.catastropheProb')
  const lossLow = need(values, 'risk.catastropheLossLow')
  const lossHigh = need(values, 'risk.catastropheLossHigh')
  const hsf = range('hsf.uplift')
  const water = REGIMES.map((r) => (r === 'rainfed' || r === 'paddy' ? null : range(`water.factor.${r}`)))
  const prices = CROPS.map((c) => range(`price.${c}`))

  // Every other coefficient with a range is drawn each year as well and enters to first order.
  // Money coefficients (costs, seed, subsidies, drip running cost, HSF saving) move the margin
  // linearly, so their slopes come straight from the evaluated fields. The remaining yield
  // coefficients (density response, salinity, maturity, baseline) get a finite-difference slope
  // over their range, per scenario, on margin and production — one pair of evaluations each.
  const moneyKeys = new Set([
    ...COST_ASSUMPTIONS.map((a) => a.key),
    'cost.landRentYuanPerHa',
    ...CROPS.map((c) => `subsidy.${c}`),
    'seed.maize.yuanPer1000',
    'seed.soybean.yuanPer1000',
    'seed.rice.yuanPerHa',
    'drip.annualCostYuanPerHa',
    'hsf.costSavingYuanPerHa',
  ])
  const sampledExactly = new Set([
    'hsf.uplift',
    ...REGIMES.map((r) => `water.factor.${r}`),
    ...CROPS.map((c) => `price.${c}`),
  ])
  const linear = assumptions.filter(
    (a) =>
      a.high > a.low &&
      !sampledExactly.has(a.key) &&
      ![
        'cv.',
        'risk.',
        'finance.',
        'hsf.investment',
        'hsf.govShare',
        'hsf.lifetime',
        'hsf.ramp',
        'drip.investment',
        'drip.govShare',
        'drip.lifetime',
      ].some((p) => a.key.startsWith(p)),
  )
  const evaluateAt = (key: string, value: number, low: number, high: number) =>
    evaluatePlan(
      {
        ...plan,
        assumptions: [
          ...plan.assumptions.filter((o) => o.key !== key),
          { key, value, low, high, note: '', changedAt: '' },
        ],
      },
      { checkFinite: false },
    ).scenarios
  // A coefficient no field reads has no slope; skipping it saves an evaluation of the whole plan.
  const anyVarietyHeat = plan.varieties.some((v) => v.heatSumNeededCd !== null)
  const anySaline = plan.fields.some((f) => f.salineClass !== 'none')
  const anyWithoutHistory = plan.fields.some((f) => f.history.length === 0)
  const isRead = (key: string) =>
    !(
      (key.startsWith('maturity.') && !anyVarietyHeat) ||
      (key.startsWith('saline.') && !anySaline) ||
      ((key.startsWith('baseline.default.') || key === 'baseline.gradeStep') && !anyWithoutHistory)
    )
  const zero = results.map(() => ({ margin: 0, production: 0 }))
  const linearSlopes = linear.map((a) => {
    if (!isRead(a.key)) return zero
    if (moneyKeys.has(a.key)) {
      return results.map((s) => {
        let margin = 0
        for (const r of s.fields) {
          const k = a.key
          if (k === 'cost.landRentYuanPerHa' || k === irrigationKey(r.waterRegime)) margin -= r.areaHa
          else if (k.startsWith(`cost.${r.crop}.`)) margin -= r.areaHa
          else if (k === `subsidy.${r.crop}`) margin += r.areaHa
          else if (k === `seed.${r.crop}.yuanPer1000` || k === `seed.${r.crop}.yuanPerHa`)
            margin -= r.money.seedYuan / a.value
          else if (k === 'drip.annualCostYuanPerHa' && r.waterRegime === 'drip') margin -= r.areaHa
          else if (k === 'hsf.costSavingYuanPerHa' && r.hasHsf) margin += r.areaHa
        }
        return { margin, production: 0 }
      })
    }
    // One-sided difference from the value already evaluated, towards the wider side of the range.
    const to = a.high - a.value >= a.value - a.low ? a.high : a.low
    const moved = evaluateAt(a.key, to, a.low, a.high)
    return results.map((s, si) => ({
      margin: (moved[si]!.totals.money.grossMarginYuan - s.totals.money.grossMarginYuan) / (to - a.value),
      production: (moved[si]!.totals.productionKg - s.totals.productionKg) / (to - a.value),
    }))
  })

  // Per field, flat typed arrays: what does not change from draw to draw is computed once.
  const fieldCvArr = new Float64Array(nF)
  const cropIdx = new Uint8Array(nF)
  const curRegime = new Uint8Array(nF)
  for (let f = 0; f < nF; f++) {
    const field = plan.fields[f]!
    fieldCvArr[f] = cvOf(field.waterRegime, field.salineClass, cv)
    cropIdx[f] = CROPS.indexOf(field.crop as Crop)
    curRegime[f] = REGIMES.indexOf(field.waterRegime)
  }
  const y0Area = new Float64Array(nS * nF) // kg: deterministic yield × area
  const builds = new Uint8Array(nS * nF)
  const newRegime = new Uint8Array(nS * nF)
  const fixedMargin = new Float64Array(nS) // subsidies − costs, which do not move with the draws
  results.forEach((s, si) => {
    s.fields.forEach((r, f) => {
      y0Area[si * nF + f] = r.yieldKgPerHa * r.areaHa
      builds[si * nF + f] =
        r.multipliers.hsf === 1 ? 0 : r.assumptionKeys.includes('hsf.upliftShareIrrigated') ? 2 : 1
      newRegime[si * nF + f] = REGIMES.indexOf(r.waterRegime)
      fixedMargin[si] = fixedMargin[si]! + r.money.subsidyYuan - r.money.costYuan
    })
  })

  return {
    kind: 'risk-kernel',
    meta: {
      scenarios: results.map((s) => ({ scenarioId: s.scenarioId, name: s.name, isBaseline: s.isBaseline })),
    },
    nS,
    nF,
    fieldCv,
    catProb,
    lossLow,
    lossHigh,
    hsf,
    hsfIrrigatedShare: need(values, 'hsf.upliftShareIrrigated'),
    water,
    prices,
    linear: linear.map((a) => ({ low: a.low, value: a.value, high: a.high })),
    linearSlopes,
    fieldCvArr,
    cropIdx,
    curRegime,
    y0Area,
    builds,
    newRegime,
    fixedMargin,
  }
}

/**
 * A Monte Carlo run over weather years, stepped in chunks so a worker can report progress and stop.
 * Every scenario and current practice share each year's draws (common random numbers): the weather
 * shock, the catastrophe, prices, the HSF and irrigation coefficients, and each field's own noise.
 * It starts from the plan, or from a kernel prepareRisk made of it (in another worker, say).
 */
/** At most this many samples per series (scenarios × draws): 2 × 160 MB of Float64. */
export const MAX_SAMPLES_PER_SERIES = 20_000_000

export function createSimulation(source: Plan | RiskKernel, options: RiskOptions) {
  if (!Number.isInteger(options.draws) || options.draws < 1 || options.draws > MAX_DRAWS) {
    throw new AppError('VALIDATION', 'Draws must be 1–1,000,000', {
      issues: [{ path: ['draws'], rule: 'max_number', params: { limit: MAX_DRAWS } }],
    })
  }
  const totalBlocks = blockCount(options.draws)
  const blocks = options.blocks ?? { first: 0, count: totalBlocks }
  if (
    !Number.isInteger(blocks.first) ||
    !Number.isInteger(blocks.count) ||
    blocks.first < 0 ||
    blocks.count < 1 ||
    blocks.first + blocks.count > totalBlocks
  ) {
    throw new AppError('VALIDATION', 'Blocks outside the run', {
      issues: [{ path: ['blocks'], rule: 'max_number', params: { limit: totalBlocks } }],
    })
  }
  // This simulation's share of the run: draws firstDraw … endDraw − 1.
  const firstDraw = blocks.first * BLOCK_DRAWS
  const endDraw = Math.min(options.draws, (blocks.first + blocks.count) * BLOCK_DRAWS)
  const draws = endDraw - firstDraw
  // Two samples (production, margin) per scenario and draw are kept for the percentiles of the
  // whole run: bounded here, in the engine, before any work, so no caller can ask for gigabytes.
  const scenarioCount = isKernel(source) ? source.nS : source.scenarios.length
  if (scenarioCount * options.draws > MAX_SAMPLES_PER_SERIES) {
    throw new AppError('VALIDATION', 'Too many scenario-draws for one run', {
      issues: [
        {
          path: ['draws'],
          rule: 'max_number',
          params: { limit: Math.floor(MAX_SAMPLES_PER_SERIES / scenarioCount) },
        },
      ],
    })
  }
  const kernel = isKernel(source) ? source : prepareRisk(source)
  const { nS, nF, fieldCv, catProb, lossLow, lossHigh, hsf, water, prices, linear, linearSlopes } = kernel
  const { fieldCvArr, cropIdx, curRegime, y0Area, builds, newRegime, fixedMargin } = kernel
  const sIrr = kernel.hsfIrrigatedShare

  const production = Array.from({ length: nS }, () => new Float64Array(draws))
  const margin = Array.from({ length: nS }, () => new Float64Array(draws))
  // Stream 0 fills the table of field normals; block b draws from stream 1 + b.
  const tableRandom = Random.stream(options.seed, 0)
  let random = tableRandom
  const waterNow = new Float64Array(REGIMES.length)
  const water0 = REGIMES.map((_, i) => water[i]?.value ?? 1)
  const priceNow = new Float64Array(CROPS.length)
  const revenueByCrop = new Float64Array(CROPS.length)
  const independent = options.weather === 'independent'
  const weather = new Float64Array(nF)
  const thetaDelta = new Float64Array(linear.length)
  // Field noise draws from 65,536 seeded normals: one random integer per field-year instead of a
  // logarithm and a square root, which keeps 10,000 years × 2,000 fields near a second. The year's
  // weather shock and everything common to the co-op still use exact normals.
  const normals = new Float64Array(65_536)
  for (let i = 0; i < normals.length; i++) normals[i] = tableRandom.normal()
  let done = 0

  /** Runs up to `count` more draws; returns true when all are done. */
  function step(count: number): boolean {
    const end = Math.min(draws, done + count)
    for (let d = done; d < end; d++) {
      const year = firstDraw + d
      if (year % BLOCK_DRAWS === 0) random = Random.stream(options.seed, 1 + year / BLOCK_DRAWS)
      const z = random.normal()
      const cat = random.uniform() < catProb ? lossLow + (lossHigh - lossLow) * random.uniform() : 0
      const u = random.triangular(hsf.low, hsf.value, hsf.high)
      for (let r = 0; r < REGIMES.length; r++) {
        const w = water[r]
        waterNow[r] = w ? random.triangular(w.low, w.value, w.high) : 1
      }
      for (let c = 0; c < CROPS.length; c++)
        priceNow[c] = random.triangular(prices[c]!.low, prices[c]!.value, prices[c]!.high)
      const hsfAdj = (1 + u) / (1 + hsf.value)
      const hsfAdjIrrigated = (1 + u * sIrr) / (1 + hsf.value * sIrr)
      for (let k = 0; k < linear.length; k++) {
        const a = linear[k]!
        thetaDelta[k] = random.triangular(a.low, a.value, a.high) - a.value
      }
      // Each field's weather, own noise and the catastrophe are drawn once per year and shared by
      // every scenario (common random numbers), so "beats the baseline" is not luck.
      for (let f = 0; f < nF; f++) {
        const zf = independent ? random.normal() : z
        const w = 1 + fieldCvArr[f]! * zf
        weather[f] = Math.max(w, 0) * (1 + fieldCv * normals[random.bits16()]!) * (1 - cat)
      }
      for (let si = 0; si < nS; si++) {
        revenueByCrop.fill(0)
        let prod = 0
        const base = si * nF
        for (let f = 0; f < nF; f++) {
          const k = base + f
          let kg = y0Area[k]! * weather[f]!
          const b = builds[k]
          if (b === 1) kg *= hsfAdj
          else if (b === 2) kg *= hsfAdjIrrigated
          const nr = newRegime[k]!
          const cr = curRegime[f]!
          if (nr !== cr && cropIdx[f] === 0) kg *= waterNow[nr]! / waterNow[cr]! / (water0[nr]! / water0[cr]!)
          if (kg < 0) kg = 0
          prod += kg
          const c = cropIdx[f]!
          revenueByCrop[c] = revenueByCrop[c]! + kg
        }
        let revenue = 0
        for (let c = 0; c < CROPS.length; c++) revenue += revenueByCrop[c]! * priceNow[c]!
        let dMargin = 0
        let dProduction = 0
        for (let k = 0; k < linear.length; k++) {
          const slope = linearSlopes[k]![si]!
          dMargin += slope.margin * thetaDelta[k]!
          dProduction += slope.production * thetaDelta[k]!
        }
        production[si]![d] = Math.max(0, prod + dProduction)
        margin[si]![d] = revenue + fixedMargin[si]! + dMargin
      }
    }
    done = end
    return done >= draws
  }
  const meta = kernel.meta
  /** The raw years done so far (views on the run's arrays, not copies). */
  function part(): RiskPart {
    return {
      firstDraw,
      done,
      production: production.map((p) => p.subarray(0, done)),
      margin: margin.map((m) => m.subarray(0, done)),
    }
  }

  return {
    step,
    /** the draws this simulation runs (its share of the run) */
    draws,
    get completedDraws() {
      return done
    },
    meta,
    part,
    /** The summary of the draws done so far (all of them once step() has returned true). */
    result(): RiskResult {
      return mergeRisk(meta, options, [part()])
    },
  }
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
      for (let d = 0; d < n; d++) if (mine[d]! > base[d]!) beats++
    }
    return {
      scenarioId: s.scenarioId,
      name: s.name,
      isBaseline: s.isBaseline,
      productionKg: percentiles(production[si]!, n),
      grossMarginYuan: percentiles(margin[si]!, n),
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

/** The whole run at once (command line, tests). */
export function simulateRisk(plan: Plan, options: RiskOptions): RiskResult {
  const sim = createSimulation(plan, options)
  while (!sim.step(1000)) {
    // keep stepping
  }
  return sim.result()
}
