/** How far a number can be trusted: H official or primary, M secondary, L blog or aggregator. */
export type Confidence = 'H' | 'M' | 'L' | 'UNVERIFIED'

/** Where a number comes from: ids of records in the references catalogue (engine/references). */
export type Source = readonly string[]

/**
 * One coefficient of the model: a value with its plausible low and high, its unit (canonical:
 * ha, kg, plants, yuan, °C·d), and where it comes from. Every number the engine uses is one.
 *
 * `min` and `max` are HARD bounds, not the plausible range: value, low and high must all lie
 * within them, whoever sets them (a user, a plan file, an old database). They keep every loop
 * finite and every figure a number; the user edits low and high freely inside them. `integer`
 * marks a count of years that the money model steps through.
 */
export type AssumptionRecord = {
  key: string
  value: number
  low: number
  high: number
  min: number
  max: number
  integer?: boolean
  unit: string
  source: Source
  confidence: Confidence
  note: string
}

/** A workspace's change to a default: value and range, with the reason and when. */
export type AssumptionOverride = {
  key: string
  value: number
  low: number
  high: number
  note: string
  changedAt: string
}
