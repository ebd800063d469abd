import { need, type Values } from '../assumptions/resolve'
import { AppError } from '../errors'
import type { Crop, WaterRegime } from '../schemas/field'
import type { Level, VarietyDensity } from '../schemas/variety'

/** A variety's density range under one water regime, in plants/ha. */
export type DensityRange = { minPlantsPerHa: number; optimumPlantsPerHa: number; maxPlantsPerHa: number }

/** Share of the way from the rainfed to the drip optimum a regime moves the optimum. */
const OPTIMUM_SHIFT: Record<WaterRegime, number> = {
  rainfed: 0,
  furrow: 0.5,
  sprinkler: 0.5,
  drip: 1,
  paddy: 0,
}

const LODGING_WEIGHT: Record<Level, number> = { low: 0.5, medium: 1, high: 1.5 }

/**
 * The density range of a variety for a water regime: its own record when it has one, otherwise
 * interpolated between its rainfed and drip records (or the maize defaults) by how much water the
 * regime brings.
 */
export function densityRange(
  crop: Crop,
  densities: readonly VarietyDensity[],
  regime: WaterRegime,
  values: Values,
): DensityRange | null {
  const own = densities.find((d) => d.waterRegime === regime)
  if (own) return own
  const rainfed = densities.find((d) => d.waterRegime === 'rainfed')
  const drip = densities.find((d) => d.waterRegime === 'drip')
  if (rainfed && drip) {
    const s = OPTIMUM_SHIFT[regime]
    const mix = (a: number, b: number) => a + (b - a) * s
    return {
      minPlantsPerHa: mix(rainfed.minPlantsPerHa, drip.minPlantsPerHa),
      optimumPlantsPerHa: mix(rainfed.optimumPlantsPerHa, drip.optimumPlantsPerHa),
      maxPlantsPerHa: mix(rainfed.maxPlantsPerHa, drip.maxPlantsPerHa),
    }
  }
  if (rainfed) return rainfed
  if (crop !== 'maize') return null
  const opt =
    need(values, 'density.maize.optimum.rainfed') +
    (need(values, 'density.maize.optimum.drip') - need(values, 'density.maize.optimum.rainfed')) *
      OPTIMUM_SHIFT[regime]
  return { minPlantsPerHa: opt * 0.8, optimumPlantsPerHa: opt, maxPlantsPerHa: opt * 1.15 }
}

export function curvature(crop: Crop, values: Values): number {
  if (crop === 'maize') return need(values, 'density.curvature.maize')
  if (crop === 'soybean') return need(values, 'density.curvature.soybean')
  return 0
}

/**
 * Relative yield at a density (1 at the optimum): Y/Ymax = 1 − q·((D − Dopt)/Dopt)², and beyond the
 * safe maximum an extra lodging loss proportional to the excess. Never below 5 % of the maximum.
 */
export function relativeYield(
  densityPlantsPerHa: number,
  range: DensityRange,
  q: number,
  lodgingPenalty: number,
  lodgingRisk: Level | null,
): number {
  const x = (densityPlantsPerHa - range.optimumPlantsPerHa) / range.optimumPlantsPerHa
  let r = 1 - q * x * x
  if (densityPlantsPerHa > range.maxPlantsPerHa) {
    const excess = (densityPlantsPerHa - range.maxPlantsPerHa) / range.maxPlantsPerHa
    r -= lodgingPenalty * LODGING_WEIGHT[lodgingRisk ?? 'medium'] * excess
  }
  return Math.max(0.05, r)
}

/** Y = b0 + b1·D + b2·D², yield in kg/ha and density in plants/ha. */
export type Quadratic = { b0: number; b1: number; b2: number }

/** The quadratic of a relative curve scaled to a yield level at the optimum. */
export function quadraticFromCurve(
  yieldAtOptimumKgPerHa: number,
  optimumPlantsPerHa: number,
  q: number,
): Quadratic {
  const y = yieldAtOptimumKgPerHa
  const d = optimumPlantsPerHa
  return { b0: y * (1 - q), b1: (2 * y * q) / d, b2: (-y * q) / (d * d) }
}

export function evalQuadratic(c: Quadratic, densityPlantsPerHa: number): number {
  return c.b0 + c.b1 * densityPlantsPerHa + c.b2 * densityPlantsPerHa * densityPlantsPerHa
}

/** Agronomic optimum (highest yield), −b1/(2·b2); null when the curve does not bend down. */
export function agronomicOptimum(c: Quadratic): number | null {
  return c.b2 < 0 ? -c.b1 / (2 * c.b2) : null
}

/**
 * Economic optimum, (Ps/Pg − b1)/(2·b2) (AGRONOMY §2): where the grain from one more plant pays
 * for its seed. Ps in yuan per plant, Pg in yuan per kg.
 */
export function economicOptimum(
  c: Quadratic,
  seedYuanPerPlant: number,
  grainYuanPerKg: number,
): number | null {
  if (!(c.b2 < 0) || !(grainYuanPerKg > 0) || !(seedYuanPerPlant >= 0)) return null
  const d = (seedYuanPerPlant / grainYuanPerKg - c.b1) / (2 * c.b2)
  return d > 0 ? d : null
}

export type DensityPoint = { densityPlantsPerHa: number; yieldKgPerHa: number }

export type QuadraticFit = Quadratic & {
  family: 'quadratic'
  n: number
  distinctDensities: number
  rmseKgPerHa: number
  r2: number
}

function solve3(a: number[][], b: number[]): number[] {
  const m = a.map((row, i) => [...row, b[i]!])
  for (let c = 0; c < 3; c++) {
    let pivot = c
    for (let r = c + 1; r < 3; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r
    ;[m[c], m[pivot]] = [m[pivot]!, m[c]!]
    const p = m[c]![c]!
    if (Math.abs(p) < 1e-12)
      throw new AppError('VALIDATION', 'The trial points do not determine a curve', {
        issues: [{ path: [], rule: 'singular_fit' }],
      })
    for (let r = 0; r < 3; r++) {
      if (r === c) continue
      const f = m[r]![c]! / p
      for (let k = c; k < 4; k++) m[r]![k]! -= f * m[c]![k]!
    }
  }
  return [m[0]![3]! / m[0]![0]!, m[1]![3]! / m[1]![1]!, m[2]![3]! / m[2]![2]!]
}

/**
 * Most trial points one fit takes. A trial has tens of plots, a co-op's records a few thousand;
 * more is a wrong file, and parsing or fitting it would only hold the user up.
 */
export const MAX_FIT_POINTS = 10_000

/** The refusal of too many trial points, the same wherever they come from. */
export function tooManyPoints(): AppError {
  return new AppError('VALIDATION', `More than ${MAX_FIT_POINTS} trial points`, {
    issues: [{ path: [], rule: 'too_many_points', params: { limit: MAX_FIT_POINTS } }],
  })
}

/**
 * Least-squares quadratic through trial points (replicates allowed). Densities are centred and
 * scaled before solving, because D² in plants/ha is ~10⁹ and the raw normal equations lose digits.
 */
export function fitQuadratic(points: readonly DensityPoint[]): QuadraticFit {
  if (points.length > MAX_FIT_POINTS) throw tooManyPoints()
  const ok = points.filter((p) => Number.isFinite(p.densityPlantsPerHa) && Number.isFinite(p.yieldKgPerHa))
  const distinct = new Set(ok.map((p) => p.densityPlantsPerHa)).size
  if (ok.length !== points.length || distinct < 3) {
    throw new AppError('VALIDATION', 'A density curve needs points at three or more different densities', {
      issues: [{ path: [], rule: 'too_few_densities', params: { distinct } }],
    })
  }
  const n = ok.length
  const mean = ok.reduce((s, p) => s + p.densityPlantsPerHa, 0) / n
  let scale = 0
  for (const p of ok) scale = Math.max(scale, Math.abs(p.densityPlantsPerHa - mean))
  scale ||= 1
  const s = [0, 0, 0, 0, 0]
  const t = [0, 0, 0]
  for (const p of ok) {
    const x = (p.densityPlantsPerHa - mean) / scale
    let xp = 1
    for (let k = 0; k < 5; k++) {
      s[k]! += xp
      if (k < 3) t[k]! += xp * p.yieldKgPerHa
      xp *= x
    }
  }
  const [a0, a1, a2] = solve3(
    [
      [s[0]!, s[1]!, s[2]!],
      [s[1]!, s[2]!, s[3]!],
      [s[2]!, s[3]!, s[4]!],
    ],
    t,
  ) as [number, number, number]
  // Back to plants/ha: x = (D − m)/k.
  const b2 = a2 / (scale * scale)
  const b1 = a1 / scale - (2 * a2 * mean) / (scale * scale)
  const b0 = a0 - (a1 * mean) / scale + (a2 * mean * mean) / (scale * scale)
  const fit = { b0, b1, b2 }
  const meanY = ok.reduce((sum, p) => sum + p.yieldKgPerHa, 0) / n
  let ssRes = 0
  let ssTot = 0
  for (const p of ok) {
    ssRes += (p.yieldKgPerHa - evalQuadratic(fit, p.densityPlantsPerHa)) ** 2
    ssTot += (p.yieldKgPerHa - meanY) ** 2
  }
  return {
    family: 'quadratic',
    ...fit,
    n,
    distinctDensities: distinct,
    rmseKgPerHa: Math.sqrt(ssRes / n),
    r2: ssTot > 0 ? 1 - ssRes / ssTot : 1,
  }
}
