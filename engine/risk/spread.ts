import { need, type Values } from '../assumptions/resolve'
import type { WaterRegime } from '../schemas/field'
import type { Region } from '../schemas/workspace'

/**
 * How a field's yield varies from year to year, as the risk model draws it (one rule for the
 * simulation and for the forecast bands of the season after). A year's yield is
 *   forecast × max(1 + weatherCv·z, 0) × max(1 + fieldCv·n, 0) × (1 − catastrophe loss)
 * with z the year's weather shock (shared by the co-op's fields), n the field's own noise, both
 * standard normal, and a catastrophe (flood, lodging, hail) in `catastropheProb` of the years,
 * taking a share drawn uniformly in [lossLow, lossHigh].
 */
export type YieldSpreadParams = {
  weatherCv: Record<Region, number> & { irrigated: number; paddy: number }
  fieldCv: number
  catastropheProb: number
  lossLow: number
  lossHigh: number
}

export function yieldSpreadParams(values: Values): YieldSpreadParams {
  return {
    weatherCv: {
      central: need(values, 'cv.rainfedCentral'),
      west: need(values, 'cv.rainfedWest'),
      east: need(values, 'cv.rainfedEast'),
      irrigated: need(values, 'cv.drip'),
      paddy: need(values, 'cv.paddy'),
    },
    fieldCv: need(values, 'cv.field'),
    catastropheProb: need(values, 'risk.catastropheProb'),
    lossLow: need(values, 'risk.catastropheLossLow'),
    lossHigh: need(values, 'risk.catastropheLossHigh'),
  }
}

/**
 * Which weather CV a field gets in a water regime: a rainfed field its region's (the west is
 * drought-prone, the east wetter but cooler), an irrigated field the irrigated one, a paddy its own.
 * The regime is the scenario's, so a field converted to drip loses most of its drought spread.
 */
export function weatherCvOf(regime: WaterRegime, region: Region, p: YieldSpreadParams): number {
  if (regime === 'paddy') return p.weatherCv.paddy
  if (regime === 'rainfed') return p.weatherCv[region]
  return p.weatherCv.irrigated
}

/** One field's spread in one water regime: the numbers yieldQuantiles needs. */
export type FieldSpread = {
  weatherCv: number
  fieldCv: number
  catastropheProb: number
  lossLow: number
  lossHigh: number
}

export function fieldSpread(regime: WaterRegime, region: Region, p: YieldSpreadParams): FieldSpread {
  return {
    weatherCv: weatherCvOf(regime, region, p),
    fieldCv: p.fieldCv,
    catastropheProb: p.catastropheProb,
    lossLow: p.lossLow,
    lossHigh: p.lossHigh,
  }
}

/** Standard normal distribution function (Abramowitz–Stegun 7.1.26 via erf, error below 1.5e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2)
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  const erf = 1 - poly * Math.exp((-x * x) / 2)
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf)
}

const Z_STEPS = 400
const Z_LIMIT = 8
const LOSS_STEPS = 16

/**
 * P(yield ≤ r × forecast) under the spread: the field noise integrated exactly (a normal
 * distribution function), the weather shock and the catastrophe loss by quadrature (midpoints over
 * ±8 σ and over the loss range). Deterministic: the same spread gives the same band every time.
 */
function cdfRatio(r: number, s: FieldSpread): number {
  const noise = (scale: number) => {
    // P(max(1 + fieldCv·n, 0) × scale ≤ r)
    if (scale <= 0) return 1
    if (s.fieldCv <= 0) return r / scale >= 1 ? 1 : 0
    return normalCdf((r / scale - 1) / s.fieldCv)
  }
  const overWeather = (loss: number) => {
    if (s.weatherCv <= 0) return noise(1 - loss)
    let sum = 0
    let weight = 0
    const dz = (2 * Z_LIMIT) / Z_STEPS
    for (let i = 0; i < Z_STEPS; i++) {
      const z = -Z_LIMIT + (i + 0.5) * dz
      const w = Math.exp((-z * z) / 2)
      sum += w * noise(Math.max(1 + s.weatherCv * z, 0) * (1 - loss))
      weight += w
    }
    return sum / weight
  }
  const calm = overWeather(0)
  if (s.catastropheProb <= 0) return calm
  let bad = 0
  for (let k = 0; k < LOSS_STEPS; k++)
    bad += overWeather(s.lossLow + ((k + 0.5) / LOSS_STEPS) * (s.lossHigh - s.lossLow))
  return (1 - s.catastropheProb) * calm + s.catastropheProb * (bad / LOSS_STEPS)
}

/**
 * The yields below which a share `q` of years fall (each q in (0, 1)), as multiples of the
 * forecast: 0.1 and 0.9 give the P10–P90 band. Found by bisection on the distribution function.
 */
export function yieldQuantiles(s: FieldSpread, qs: readonly number[]): number[] {
  return qs.map((q) => {
    let lo = 0
    let hi = 1 + 12 * (s.weatherCv + s.fieldCv) + 1
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2
      if (cdfRatio(mid, s) < q) lo = mid
      else hi = mid
    }
    return (lo + hi) / 2
  })
}
