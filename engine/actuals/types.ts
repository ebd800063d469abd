import type { Crop } from '../schemas/field'

/**
 * The season after (issue 13): what a field actually gave, as the co-op recorded it. Canonical
 * units as everywhere in the engine: kg/ha, yuan/kg, yuan/ha. A null is "not known", never 0.
 */
export type ActualRecord = {
  fieldId: number
  seasonYear: number
  yieldKgPerHa: number
  /** the price the crop actually sold at */
  priceYuanPerKg: number | null
  /** the season's actual cost per ha, all items, where the co-op knows it */
  costYuanPerHa: number | null
}

/** Which scenario the co-op carried out in a season (null: none recorded, read as the baseline). */
export type SeasonRecord = { seasonYear: number; scenarioId: number | null }

/** Where an actual yield fell against the forecast's P10–P90 band for that field. */
export type BandPosition = 'below' | 'inside' | 'above'

/** One field's forecast and actual for one season. Money in yuan for the whole field. */
export type FieldComparison = {
  fieldId: number
  fieldName: string
  village: string
  groupId: number | null
  crop: Crop
  areaHa: number
  forecastKgPerHa: number
  actualKgPerHa: number
  /** actual − forecast, kg/ha (its sign is the error's sign) */
  errorKgPerHa: number
  /** (actual − forecast) / forecast × 100 */
  errorPct: number
  p10KgPerHa: number
  p90KgPerHa: number
  band: BandPosition
  forecastMarginYuan: number
  /** with the actual price and cost where recorded, the forecast's otherwise */
  actualMarginYuan: number
}

/** A sum over fields (a group, a crop, or all), area-weighted. */
export type ComparisonRollup = {
  key: string
  /** what the key names, for showing: the group's name (byGroup; '' for fields in no group) */
  name?: string
  fields: number
  areaHa: number
  forecastProductionKg: number
  actualProductionKg: number
  errorPct: number
  forecastMarginYuan: number
  actualMarginYuan: number
  outsideBand: number
}

export type PlanVsActual = {
  seasonYear: number
  /** the scenario carried out (the baseline when none was recorded) */
  scenarioId: number
  scenarioName: string
  fields: FieldComparison[]
  byGroup: ComparisonRollup[]
  byCrop: ComparisonRollup[]
  total: ComparisonRollup
  /** actuals of fields the plan no longer has, or of crops other than the plan's: counted, not used */
  skipped: number
  /** set when the forecast is a frozen version's (the plan as the board saw it), not today's plan */
  basis?: { versionId: number; versionNumber: number; versionTitle: string }
  /** the plan's fields with no actual for this season (not compared) */
  unrecorded?: number
}

/** The factors calibration estimates: each maps to the assumption it would change. */
export const CALIBRATION_FACTORS = ['hsf', 'drip', 'density', 'variety'] as const
export type CalibrationFactor = (typeof CALIBRATION_FACTORS)[number]

/**
 * How far a factor's assumed uplift was off on the co-op's own fields, and the assumption change
 * that would correct it. `proposedValue` is null when the evidence is within the noise (no change
 * proposed); the estimate and its evidence are still shown.
 */
export type CalibrationProposal = {
  factor: CalibrationFactor
  /** the assumption key the proposal changes, e.g. 'water.factor.drip' or 'hsf.uplift' */
  assumptionKey: string
  currentValue: number
  proposedValue: number | null
  /** fields with this factor did (estimate) % better (+) or worse (−) than forecast, after shrinkage */
  biasPct: number
  /** the least-squares estimate before shrinkage, % */
  rawBiasPct: number
  standardErrorPct: number
  /** weight of the co-op's evidence against the default (0 = none, 1 = all the co-op's own) */
  evidenceWeight: number
  fields: number
  seasons: number
  /** seasons the evidence came from, ascending */
  seasonYears: number[]
  /** why there is or is not a proposal (see CalibrationStatus) */
  status?: CalibrationStatus
  /** with 'no_evidence': the factors that changed on exactly the same fields, so cannot be told apart */
  confoundedWith?: CalibrationFactor[]
}

/**
 * - 'proposed': the estimate is clear of the noise and proposedValue holds the corrected value;
 * - 'within_noise': there is evidence, but too little to tell the factor's error from chance;
 * - 'no_evidence': no field with actuals changed this factor, or its fields cannot be told apart
 *   from the seasons' weather (every field of its seasons changed it) or from other changes (it
 *   always came together with another factor, see confoundedWith): no estimate, and rawBiasPct,
 *   standardErrorPct and evidenceWeight are 0;
 * - 'no_single_assumption': the estimate is clear, but no one assumption carries the factor's
 *   effect (density, variety), so nothing is proposed; the estimate is shown as evidence.
 */
export type CalibrationStatus = 'proposed' | 'within_noise' | 'no_evidence' | 'no_single_assumption'

/** The weather of one season as calibration read it: how far all fields together were off, %. */
export type SeasonEffect = { seasonYear: number; effectPct: number; fields: number }

/** What calibration read from the actuals: a proposal per factor, and each season's weather. */
export type CalibrationFit = {
  /** one per factor, in CALIBRATION_FACTORS order */
  proposals: CalibrationProposal[]
  /** one per season with actuals, ascending */
  seasons: SeasonEffect[]
  /** field-seasons used (a field's actual for a season the plan forecast, both above zero) */
  observations: number
  /** actuals left out: fields the plan does not have, or a yield or forecast of zero (no ratio) */
  skipped: number
}
