import { hardBoundsOf } from '../assumptions/bounds'
import { effectiveAssumptions, need, valuesOf } from '../assumptions/resolve'
import { AppError } from '../errors'
import type { Plan } from '../schemas/plan'
import { forecastSeason } from './compare'
import {
  type ActualRecord,
  CALIBRATION_FACTORS,
  type CalibrationFactor,
  type CalibrationFit,
  type CalibrationProposal,
  type SeasonEffect,
  type SeasonRecord,
} from './types'

/**
 * How far each factor's assumed effect is likely off before any of the co-op's own evidence, as a
 * standard deviation on the log scale (0.05 ≈ 5 %). The prior of the empirical-Bayes shrinkage:
 * - hsf 0.05: reports of the HSF uplift run 10–20 % (AGRONOMY §3), the default is 15 %, so a co-op's
 *   own uplift plausibly sits ±5 points from it;
 * - drip 0.08: trials against furrow give +11 to +28 %, fertigation reviews +6 to +40 % (AGRONOMY
 *   §4, V12); the default 1.15 (range 1.10–1.28) may be off by about 8 %;
 * - density 0.04: moving 60 k → 70 k → 80 k plants/ha gains a few per cent (AGRONOMY §1.3); the
 *   curve's error at a given change is a fraction of that gain;
 * - variety 0.05: approval trials state relative yield potential to a few per cent of the check
 *   variety, and on-farm results commonly differ from approval trials by about that much.
 */
export const PRIOR_SPREAD: Record<CalibrationFactor, number> = {
  hsf: 0.05,
  drip: 0.08,
  density: 0.04,
  variety: 0.05,
}

/**
 * A proposal is made only when the estimate is at least this many standard errors from zero. Four
 * factors are tested at once, season after season; at 3 SE the chance that pure noise proposes a
 * change to any of them is under 1 % (2 SE would give about 1 in 5).
 */
export const CLEAR_OF_NOISE_SE = 3

/** Below this many residual degrees of freedom the residual spread is not estimated but cv.field. */
const MIN_RESIDUAL_DF = 2

type Observation = {
  seasonIndex: number
  fieldId: number
  /** weight: the field's area over the mean area */
  weight: number
  areaHa: number
  /** ln(actual / forecast) */
  y: number
  changed: Record<CalibrationFactor, boolean>
  /** the forecast's multiplier of the factor (HSF: 1 + uplift × share; variety: new / old potential) */
  hsfMultiplier: number
  varietyMultiplier: number
}

/** Solves A x = b for a symmetric positive definite A by Cholesky; also returns A⁻¹. Null if singular. */
function choleskySolve(a: number[][], b: number[]): { x: number[]; inverse: number[][] } | null {
  const n = a.length
  const l = a.map(() => new Array<number>(n).fill(0))
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]![j]!
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!
      if (i === j) {
        // A pivot lost to rounding: this column is a combination of the ones before it.
        if (!(sum > 1e-10 * Math.max(1, a[i]![i]!))) return null
        l[i]![i] = Math.sqrt(sum)
      } else l[i]![j] = sum / l[j]![j]!
    }
  }
  const solve = (rhs: number[]) => {
    const z = new Array<number>(n).fill(0)
    for (let i = 0; i < n; i++) {
      let s = rhs[i]!
      for (let k = 0; k < i; k++) s -= l[i]![k]! * z[k]!
      z[i] = s / l[i]![i]!
    }
    const x = new Array<number>(n).fill(0)
    for (let i = n - 1; i >= 0; i--) {
      let s = z[i]!
      for (let k = i + 1; k < n; k++) s -= l[k]![i]! * x[k]!
      x[i] = s / l[i]![i]!
    }
    return x
  }
  const inverse = a.map((_, j) => solve(a.map((__, i) => (i === j ? 1 : 0))))
  return { x: solve(b), inverse }
}

/** Weighted normal equations of the chosen columns. */
function normalEquations(rows: readonly number[][], weights: readonly number[], y: readonly number[]) {
  const p = rows[0]?.length ?? 0
  const a = Array.from({ length: p }, () => new Array<number>(p).fill(0))
  const b = new Array<number>(p).fill(0)
  rows.forEach((row, i) => {
    const w = weights[i]!
    for (let j = 0; j < p; j++) {
      if (row[j] === 0) continue
      b[j]! += w * row[j]! * y[i]!
      for (let k = 0; k < p; k++) a[j]![k]! += w * row[j]! * row[k]!
    }
  })
  return { a, b }
}

function observationsOf(plan: Plan, actuals: readonly ActualRecord[], seasons: readonly SeasonRecord[]) {
  const recorded = new Map<number, SeasonRecord>()
  for (const s of seasons) {
    if (recorded.has(s.seasonYear))
      throw new AppError('VALIDATION', `Season ${s.seasonYear} is recorded twice`, {
        issues: [{ path: ['seasons', s.seasonYear], rule: 'duplicate_year', params: { year: s.seasonYear } }],
      })
    recorded.set(s.seasonYear, s)
  }
  // A season with actuals but no record of what was carried out is read as the baseline.
  const years = [...new Set(actuals.map((a) => a.seasonYear))].sort((a, b) => a - b)
  const meanArea = plan.fields.reduce((s, f) => s + f.areaHa, 0) / Math.max(1, plan.fields.length)
  const observations: Observation[] = []
  const seasonYears: number[] = []
  let skipped = 0
  for (const year of years) {
    const season = recorded.get(year) ?? { seasonYear: year, scenarioId: null }
    const { scenario, result, fields } = forecastSeason(plan, season)
    const index = new Map(fields.map((f, i) => [f.id, i]))
    const changes = new Map((scenario.isBaseline ? [] : scenario.changes).map((c) => [c.fieldId, c]))
    const seen = new Set<number>()
    const seasonIndex = seasonYears.length
    let used = 0
    for (const a of actuals) {
      if (a.seasonYear !== year) continue
      const i = index.get(a.fieldId)
      if (i === undefined) {
        skipped++
        continue
      }
      if (seen.has(a.fieldId))
        throw new AppError('VALIDATION', `Field ${a.fieldId} has two actuals for ${year}`, {
          issues: [{ path: ['actuals', a.fieldId, 'seasonYear'], rule: 'duplicate_year', params: { year } }],
        })
      seen.add(a.fieldId)
      const field = fields[i]!
      const r = result.fields[i]!
      // A ratio needs two yields above zero: a total loss is a catastrophe, not a factor's error.
      if (!(a.yieldKgPerHa > 0 && r.yieldKgPerHa > 0)) {
        skipped++
        continue
      }
      const change = changes.get(field.id)
      used++
      observations.push({
        seasonIndex,
        fieldId: field.id,
        weight: field.areaHa / meanArea,
        areaHa: field.areaHa,
        y: Math.log(a.yieldKgPerHa / r.yieldKgPerHa),
        changed: {
          hsf: r.multipliers.hsf !== 1,
          // The water factor moves only maize yields (field-model.ts): a soybean field on drip is
          // no evidence about it.
          drip: field.crop === 'maize' && r.waterRegime === 'drip' && field.waterRegime !== 'drip',
          density:
            field.crop !== 'rice' &&
            change?.densityPlantsPerHa != null &&
            change.densityPlantsPerHa !== field.densityPlantsPerHa,
          variety: r.varietyId !== field.varietyId,
        },
        hsfMultiplier: r.multipliers.hsf,
        varietyMultiplier: r.multipliers.variety,
      })
    }
    if (used > 0) seasonYears.push(year)
  }
  return { observations, seasonYears, skipped }
}

/**
 * Calibration from the co-op's own results (issue 13), the method in full:
 *
 * 1. Each field-season with an actual gives y = ln(actual / forecast), the forecast being that of
 *    the scenario carried out that season from the history before it (forecastSeason).
 * 2. y is regressed, weighted by area, on one intercept per season (that season's weather: a good
 *    year lifts every field and is not credited to any factor) and one indicator per factor that
 *    the carried-out scenario changed on that field (HSF built; a maize field moved to drip; the
 *    density changed; the variety changed). A factor's coefficient b is then how far fields with
 *    that change did better (+) or worse (−) than forecast, beyond the season's weather, on the
 *    log scale. A factor whose indicator no field has, or that cannot be told from the seasons'
 *    weather (every field of its seasons changed it) or from the other factors (it always came
 *    with another change on the same fields), gets no estimate ('no_evidence'); the others are
 *    estimated without it, its effect left in the residual.
 * 3. Its standard error SE comes from the residual spread (weights scaled to a mean of 1; with
 *    fewer than two residual degrees of freedom the model's own field noise cv.field is used).
 * 4. The estimate is shrunk towards 0 (the default is right) by the empirical-Bayes weight
 *    w = τ² / (τ² + SE²), τ the factor's prior spread (PRIOR_SPREAD): much evidence keeps nearly all
 *    of b, little keeps little.
 * 5. A change is proposed only when |b| ≥ CLEAR_OF_NOISE_SE × SE, and only for a factor one
 *    assumption carries (proposalFor); the proposed value is within the assumption's hard bounds.
 */
export function fitCalibration(plan: Plan, actuals: ActualRecord[], seasons: SeasonRecord[]): CalibrationFit {
  const values = valuesOf(effectiveAssumptions(plan.assumptions))
  const { observations, seasonYears, skipped } = observationsOf(plan, actuals, seasons)
  const nS = seasonYears.length
  const weights = observations.map((o) => o.weight)
  const y = observations.map((o) => o.y)

  const design = (factors: readonly CalibrationFactor[]) =>
    observations.map((o) => [
      ...seasonYears.map((_, s) => (o.seasonIndex === s ? 1 : 0)),
      ...factors.map((f) => (o.changed[f] ? 1 : 0)),
    ])
  const independent = (factors: readonly CalibrationFactor[]) => {
    const { a, b } = normalEquations(design(factors), weights, y)
    return choleskySolve(a, b) !== null
  }
  // A factor can be estimated only if its fields are not a combination of the seasons and the other
  // factors' fields: not when every field of its seasons changed it (it is then the weather), nor
  // when it always came together with another change (drip with a new density on every field).
  const withEvidence = CALIBRATION_FACTORS.filter((f) => observations.some((o) => o.changed[f]))
  const included = withEvidence.filter((factor) => {
    let basis: CalibrationFactor[] = []
    for (const other of withEvidence)
      if (other !== factor && independent([...basis, other])) basis = [...basis, other]
    return independent([...basis, factor])
  })
  const confounded = (factor: CalibrationFactor) =>
    withEvidence.filter(
      (other) => other !== factor && observations.every((o) => o.changed[other] === o.changed[factor]),
    )
  const rows = design(included)
  const equations = normalEquations(rows, weights, y)
  const solved = nS > 0 ? choleskySolve(equations.a, equations.b) : null
  const beta = solved?.x ?? []
  const p = nS + included.length
  const df = observations.length - p
  let rss = 0
  rows.forEach((row, i) => {
    let fit = 0
    for (let j = 0; j < p; j++) fit += row[j]! * beta[j]!
    rss += weights[i]! * (y[i]! - fit) ** 2
  })
  const sigma2 = df >= MIN_RESIDUAL_DF ? rss / df : need(values, 'cv.field') ** 2

  const proposals = CALIBRATION_FACTORS.map((factor): CalibrationProposal => {
    const evidence = observations.filter((o) => o.changed[factor])
    const column = included.indexOf(factor)
    const base = proposalBase(factor, values, evidence)
    if (column === -1 || !solved)
      return {
        ...base,
        proposedValue: null,
        biasPct: 0,
        rawBiasPct: 0,
        standardErrorPct: 0,
        evidenceWeight: 0,
        fields: 0,
        seasons: 0,
        seasonYears: [],
        status: 'no_evidence',
        ...(confounded(factor).length > 0 ? { confoundedWith: confounded(factor) } : {}),
      }
    const raw = beta[nS + column]!
    const se = Math.sqrt(sigma2 * solved.inverse[nS + column]![nS + column]!)
    const tau = PRIOR_SPREAD[factor]
    const weight = (tau * tau) / (tau * tau + se * se)
    const shrunk = weight * raw
    const clear = Math.abs(raw) >= CLEAR_OF_NOISE_SE * se
    const proposedValue = clear ? proposalFor(factor, base.currentValue, shrunk, evidence) : null
    const years = [...new Set(evidence.map((o) => seasonYears[o.seasonIndex]!))].sort((a, b) => a - b)
    return {
      ...base,
      proposedValue,
      biasPct: (Math.exp(shrunk) - 1) * 100,
      rawBiasPct: (Math.exp(raw) - 1) * 100,
      // On the log scale × 100: the standard error in per cent, to first order.
      standardErrorPct: se * 100,
      evidenceWeight: weight,
      fields: new Set(evidence.map((o) => o.fieldId)).size,
      seasons: years.length,
      seasonYears: years,
      status: !clear ? 'within_noise' : proposedValue === null ? 'no_single_assumption' : 'proposed',
    }
  })

  const seasonsOut: SeasonEffect[] = seasonYears.map((seasonYear, s) => ({
    seasonYear,
    effectPct: solved ? (Math.exp(beta[s]!) - 1) * 100 : 0,
    fields: observations.filter((o) => o.seasonIndex === s).length,
  }))
  return { proposals, seasons: seasonsOut, observations: observations.length, skipped }
}

/**
 * The assumption each factor maps to, and its value now:
 * - drip → 'water.factor.drip', the maize yield on drip relative to rainfed;
 * - hsf → 'hsf.uplift', the yield uplift of a new build;
 * - density → 'density.curvature.maize' is named as the nearest key, but no proposal is made: a
 *   density change acts through the whole response curve (its curvature, the optimum of the
 *   variety's range or of density.maize.optimum.*, the lodging penalty above the safe maximum), so
 *   a single error across fields cannot be put on one of them honestly;
 * - variety → 'variety.yieldPotentialRel', which is not an assumption but each variety's own
 *   catalogue figure; no proposal is made (the evidence is shown, and the agronomist corrects the
 *   varieties concerned). Its currentValue is the area-weighted mean multiplier the forecast gave
 *   the fields that changed variety (new potential over old; 1 with none).
 */
function proposalBase(
  factor: CalibrationFactor,
  values: Readonly<Record<string, number>>,
  evidence: readonly Observation[],
): { factor: CalibrationFactor; assumptionKey: string; currentValue: number } {
  if (factor === 'drip')
    return { factor, assumptionKey: 'water.factor.drip', currentValue: need(values, 'water.factor.drip') }
  if (factor === 'hsf')
    return { factor, assumptionKey: 'hsf.uplift', currentValue: need(values, 'hsf.uplift') }
  if (factor === 'density')
    return {
      factor,
      assumptionKey: 'density.curvature.maize',
      currentValue: need(values, 'density.curvature.maize'),
    }
  const area = evidence.reduce((s, o) => s + o.areaHa, 0)
  const mean = area > 0 ? evidence.reduce((s, o) => s + o.areaHa * o.varietyMultiplier, 0) / area : 1
  return { factor, assumptionKey: 'variety.yieldPotentialRel', currentValue: mean }
}

function clampToBounds(key: string, value: number): number {
  const bounds = hardBoundsOf(key)
  return bounds ? Math.min(bounds.max, Math.max(bounds.min, value)) : value
}

/**
 * The corrected value of the factor's assumption, given the (shrunk) log error b of its fields:
 * - drip: the drip fields' yield is forecast × factor, so the factor becomes factor × e^b (the same
 *   whether a field came from rainfed or furrow, the other regime's factor being kept);
 * - hsf: a build's multiplier is m = 1 + u·s (s = 1, or hsf.upliftShareIrrigated on an irrigated
 *   maize field); m·e^b = 1 + u'·s gives u' = u·(m·e^b − 1)/(m − 1) per field, averaged by area;
 * - density and variety: null (see proposalBase).
 * Always within the assumption's hard bounds; the assumption's low–high range may need widening to
 * hold it, which is the user's step when accepting.
 */
function proposalFor(
  factor: CalibrationFactor,
  current: number,
  b: number,
  evidence: readonly Observation[],
): number | null {
  if (factor === 'drip') return clampToBounds('water.factor.drip', current * Math.exp(b))
  if (factor === 'hsf') {
    let area = 0
    let sum = 0
    for (const o of evidence) {
      if (o.hsfMultiplier === 1) continue
      area += o.areaHa
      sum += o.areaHa * ((current * (o.hsfMultiplier * Math.exp(b) - 1)) / (o.hsfMultiplier - 1))
    }
    return area > 0 ? clampToBounds('hsf.uplift', sum / area) : null
  }
  return null
}

/**
 * Calibration from the co-op's own data (issue 13): how far each factor's assumed uplift was off,
 * shrunk towards the defaults by the amount of evidence; see fitCalibration for the method.
 */
export function proposeCalibration(
  plan: Plan,
  actuals: ActualRecord[],
  seasons: SeasonRecord[],
): CalibrationProposal[] {
  return fitCalibration(plan, actuals, seasons).proposals
}
