import type { Values } from '../assumptions/resolve'
import { type DensityRange, densityRange } from '../model/density'
import type { Crop, WaterRegime } from '../schemas/enums'
import type { VarietyDensity } from '../schemas/variety'
import { MU_PER_HA } from '../units'
import { isDensityModelled } from './edit-rules'

/**
 * How far beyond every range the catalogue knows a density must lie to be called far from all of
 * them: a quarter below the lowest minimum or above the highest maximum of each.
 */
export const FAR_FROM_RANGES = 0.25

/**
 * What a density set on a field means against its variety:
 * - `within`: inside the variety's safe range for the field's water regime;
 * - `below` / `above`: outside that range (the model warns and, above it, counts lodging);
 * - `far`: the variety has no range for this water regime (or there is no variety), and the
 *   density is far from every range known for the crop — the nearest one is named;
 * - `near`: no range of its own, but close to a known range;
 * - `unknown`: nothing to compare with (rice, or a crop with no ranges at all).
 * `unitSlip` says that the same number read per mu instead of per ha (or the other way round)
 * would lie in the range: the usual way such a density is typed.
 */
export type DensityCheck =
  | { verdict: 'within'; range: DensityRange }
  | { verdict: 'below' | 'above'; range: DensityRange; unitSlip: boolean }
  | { verdict: 'far'; nearest: DensityRange; unitSlip: boolean }
  | { verdict: 'near' }
  | { verdict: 'unknown' }

export type DensityCheckInput = {
  densityPlantsPerHa: number
  crop: Crop
  waterRegime: WaterRegime
  /** The variety's density records; null when the field has no variety. */
  varietyDensities: readonly VarietyDensity[] | null
  /** Every variety the co-op knows, for "far from every range". */
  catalogue: readonly { crop: Crop; densities: readonly VarietyDensity[] }[]
  /** The plan's assumptions: with them a maize variety without records gets the model's default range. */
  values?: Values
}

/**
 * The variety's safe range for a water regime, exactly as the yield model reads it (so a density
 * this check lets through is one the model does not warn about), or null when there is none. The
 * model's default maize range needs the assumptions; without them only the variety's own records
 * count.
 */
export function safeDensityRange(
  crop: Crop,
  densities: readonly VarietyDensity[],
  regime: WaterRegime,
  values?: Values,
): DensityRange | null {
  if (!isDensityModelled(crop)) return null
  const ownRecords = densities.some((d) => d.waterRegime === regime || d.waterRegime === 'rainfed')
  if (!ownRecords && !values) return null
  return densityRange(crop, densities, regime, values ?? {})
}

const inside = (d: number, r: DensityRange, margin = 0) =>
  d >= r.minPlantsPerHa * (1 - margin) && d <= r.maxPlantsPerHa * (1 + margin)

/** Same number per mu read per ha, or per ha read per mu. */
const slips = (d: number) => [d * MU_PER_HA, d / MU_PER_HA]

/** Relative distance of a density from a range (0 inside it). */
const distance = (d: number, r: DensityRange) =>
  d < r.minPlantsPerHa
    ? (r.minPlantsPerHa - d) / r.minPlantsPerHa
    : d > r.maxPlantsPerHa
      ? (d - r.maxPlantsPerHa) / r.maxPlantsPerHa
      : 0

/** Is this density within the variety's safe range for the water regime, or near any known range? */
export function checkDensityAgainstVariety(input: DensityCheckInput): DensityCheck {
  const d = input.densityPlantsPerHa
  if (!isDensityModelled(input.crop) || !(d > 0)) return { verdict: 'unknown' }
  const range = safeDensityRange(input.crop, input.varietyDensities ?? [], input.waterRegime, input.values)
  if (range) {
    if (inside(d, range)) return { verdict: 'within', range }
    return {
      verdict: d < range.minPlantsPerHa ? 'below' : 'above',
      range,
      unitSlip: slips(d).some((x) => inside(x, range)),
    }
  }
  const known: DensityRange[] = [
    ...(input.varietyDensities ?? []),
    ...input.catalogue.filter((v) => v.crop === input.crop).flatMap((v) => v.densities),
  ]
  if (known.length === 0) return { verdict: 'unknown' }
  if (known.some((r) => inside(d, r, FAR_FROM_RANGES))) return { verdict: 'near' }
  let nearest = known[0]!
  for (const r of known) if (distance(d, r) < distance(d, nearest)) nearest = r
  return {
    verdict: 'far',
    nearest: {
      minPlantsPerHa: nearest.minPlantsPerHa,
      optimumPlantsPerHa: nearest.optimumPlantsPerHa,
      maxPlantsPerHa: nearest.maxPlantsPerHa,
    },
    unitSlip: slips(d).some((x) => known.some((r) => inside(x, r))),
  }
}

/** True when the check's answer is one a user should confirm before it is saved. */
export function needsDensityConfirmation(check: DensityCheck): boolean {
  return check.verdict === 'below' || check.verdict === 'above' || check.verdict === 'far'
}
