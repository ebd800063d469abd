import { AppError } from '../errors'
import { CROPS } from '../schemas/field'
import type { Plan } from '../schemas/plan'
import { isKernel, prepareRisk, REGIMES, type RiskKernel } from './kernel'
import { type BlockRange, mergeRisk, type RiskOptions, type RiskPart, type RiskResult } from './merge'
import { Random } from './random'

export { prepareRisk, type RiskKernel, type RiskMeta } from './kernel'
export {
  type BlockRange,
  mergeRisk,
  type Percentiles,
  type RiskOptions,
  type RiskPart,
  type RiskResult,
  type ScenarioRisk,
} from './merge'

/**
 * Draws come in fixed blocks of this many years. Each block has its own random stream, derived
 * from the seed and the block's number, so a run gives the same numbers however its blocks are
 * shared out among workers, cores or machines.
 */
export const BLOCK_DRAWS = 250

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

const MAX_DRAWS = 1_000_000

/** At most this many samples per series (scenarios × draws): 2 × 160 MB of Float64. */
export const MAX_SAMPLES_PER_SERIES = 20_000_000

/**
 * A Monte Carlo run over weather years, stepped in chunks so a worker can report progress and stop.
 * Every scenario and current practice share each year's draws (common random numbers): the weather
 * shock, the catastrophe, prices, the HSF and irrigation coefficients, and each field's own noise.
 * A field's weather spread is that of its water regime under each scenario (drip narrows a drought
 * year), and an insured field is paid when its income falls below the cover.
 *
 * Ranges are drawn so their mean is the assumption's value (Random.meanPreserving): where the model
 * is linear in a coefficient, the mean of the draws is the deterministic answer.
 * It starts from the plan, or from a kernel prepareRisk made of it (in another worker, say).
 */
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
  const { cvSF, cropIdx, curRegime, y0Area, builds, newRegime, fixedMargin } = kernel
  const { participation, insured } = kernel
  const insuring = participation > 0

  const production = Array.from({ length: nS }, () => new Float64Array(draws))
  const margin = Array.from({ length: nS }, () => new Float64Array(draws))
  // Stream 0 fills the table of field normals; block b draws from stream 1 + b.
  const tableRandom = Random.stream(options.seed, 0)
  let random = tableRandom
  const waterNow = new Float64Array(REGIMES.length)
  const water0 = REGIMES.map((_, i) => water[i]?.value ?? 1)
  const priceNow = new Float64Array(CROPS.length)
  const independent = options.weather === 'independent'
  // Per field and year: its weather shock (z), and its own noise times the catastrophe.
  const shock = new Float64Array(nF)
  const rest = new Float64Array(nF)
  const thetaDelta = new Float64Array(linear.length)
  // Field noise draws from 65,536 seeded normals: one random integer per field-year instead of a
  // logarithm and a square root, which keeps 10,000 years × 2,000 fields near a second. The year's
  // weather shock and everything common to the co-op still use exact normals.
  const normals = new Float64Array(65_536)
  for (let i = 0; i < normals.length; i++) normals[i] = tableRandom.normal()
  // The scenario's fields that differ from current practice's in anything drawn on.
  const bi = Math.max(
    0,
    kernel.meta.scenarios.findIndex((s) => s.isBaseline),
  )
  const changed = Array.from({ length: nS }, (_, si) => {
    const list: number[] = []
    for (let f = 0; f < nF; f++) {
      const k = si * nF + f
      const b = bi * nF + f
      if (
        y0Area[k] !== y0Area[b] ||
        builds[k] !== builds[b] ||
        newRegime[k] !== newRegime[b] ||
        cvSF[k] !== cvSF[b]
      )
        list.push(f)
    }
    return Int32Array.from(list)
  })
  const fieldProd = new Float64Array(nF)
  const fieldMoney = new Float64Array(nF)
  // What multiplies a field's grain besides the weather, as a code into a table filled once a
  // year: whether the scenario builds HSF (× the year's HSF draw over its value), and which water
  // regime a maize field moves from and to (× the year's ratio of the two over its value).
  const R = REGIMES.length
  const code = new Uint8Array(nS * nF)
  for (let k = 0; k < nS * nF; k++) {
    const f = k % nF
    const nr = newRegime[k]!
    const cr = curRegime[f]!
    const moves = nr !== cr && cropIdx[f] === 0 ? 1 + nr * R + cr : 0
    code[k] = builds[k]! * (1 + R * R) + moves
  }
  // Three blocks: no HSF build, a build at the full uplift, a build on a field irrigated under
  // the scenario (which keeps only hsf.upliftShareIrrigated of the uplift).
  const factor = new Float64Array(3 * (1 + R * R))
  const sIrr = kernel.hsfIrrigatedShare
  let done = 0

  /** Runs up to `count` more draws; returns true when all are done. */
  function step(count: number): boolean {
    const end = Math.min(draws, done + count)
    for (let d = done; d < end; d++) {
      const year = firstDraw + d
      if (year % BLOCK_DRAWS === 0) random = Random.stream(options.seed, 1 + year / BLOCK_DRAWS)
      const z = random.normal()
      const cat = random.uniform() < catProb ? lossLow + (lossHigh - lossLow) * random.uniform() : 0
      const u = random.meanPreserving(hsf.low, hsf.value, hsf.high)
      for (let r = 0; r < REGIMES.length; r++) {
        const w = water[r]
        waterNow[r] = w ? random.meanPreserving(w.low, w.value, w.high) : 1
      }
      for (let c = 0; c < CROPS.length; c++)
        priceNow[c] = random.meanPreserving(prices[c]!.low, prices[c]!.value, prices[c]!.high)
      const hsfAdj = (1 + u) / (1 + hsf.value)
      const hsfAdjIrrigated = (1 + u * sIrr) / (1 + hsf.value * sIrr)
      for (let b = 0; b < 3; b++) {
        const base = b * (1 + R * R)
        const adj = b === 0 ? 1 : b === 1 ? hsfAdj : hsfAdjIrrigated
        factor[base] = adj
        for (let nr = 0; nr < R; nr++)
          for (let cr = 0; cr < R; cr++)
            factor[base + 1 + nr * R + cr] =
              adj * (waterNow[nr]! / waterNow[cr]! / (water0[nr]! / water0[cr]!))
      }
      for (let k = 0; k < linear.length; k++) {
        const a = linear[k]!
        thetaDelta[k] = random.meanPreserving(a.low, a.value, a.high) - a.value
      }
      // Each field's weather, own noise and the catastrophe are drawn once per year and shared by
      // every scenario (common random numbers), so "beats the baseline" is not luck.
      for (let f = 0; f < nF; f++) {
        shock[f] = independent ? random.normal() : z
        rest[f] = Math.max(1 + fieldCv * normals[random.bits16()]!, 0) * (1 - cat)
      }
      // Current practice first, field by field; then each scenario from it, recomputing only the
      // fields it changes (the same numbers, a fraction of the work on a large co-op).
      let baseProd = 0
      let baseMoney = 0
      const b0 = bi * nF
      for (let f = 0; f < nF; f++) {
        const k = b0 + f
        const kg = y0Area[k]! * Math.max(1 + cvSF[k]! * shock[f]!, 0) * rest[f]! * factor[code[k]!]!
        const income = kg * priceNow[cropIdx[f]!]!
        // Insured: paid what the insured part's income falls short of its cover.
        const money = insuring ? income + Math.max(insured[f]! - income * participation, 0) : income
        fieldProd[f] = kg
        fieldMoney[f] = money
        baseProd += kg
        baseMoney += money
      }
      for (let si = 0; si < nS; si++) {
        let prod = baseProd
        let money = baseMoney
        if (si !== bi) {
          const list = changed[si]!
          const s0 = si * nF
          for (let i = 0; i < list.length; i++) {
            const f = list[i]!
            const k = s0 + f
            const kg = y0Area[k]! * Math.max(1 + cvSF[k]! * shock[f]!, 0) * rest[f]! * factor[code[k]!]!
            const income = kg * priceNow[cropIdx[f]!]!
            prod += kg - fieldProd[f]!
            money +=
              (insuring ? income + Math.max(insured[f]! - income * participation, 0) : income) -
              fieldMoney[f]!
          }
        }
        let dMargin = 0
        let dProduction = 0
        for (let k = 0; k < linear.length; k++) {
          const slope = linearSlopes[k]![si]!
          dMargin += slope.margin * thetaDelta[k]!
          dProduction += slope.production * thetaDelta[k]!
        }
        production[si]![d] = Math.max(0, prod + dProduction)
        margin[si]![d] = money + fixedMargin[si]! + dMargin
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

/** The whole run at once (command line, tests). */
export function simulateRisk(plan: Plan, options: RiskOptions): RiskResult {
  const sim = createSimulation(plan, options)
  while (!sim.step(1000)) {
    // keep stepping
  }
  return sim.result()
}
