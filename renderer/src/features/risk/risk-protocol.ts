import type { Plan } from '../../../../engine/schemas/plan'

/** Messages between the Risk screen and its worker. */
export type ToWorker = { type: 'run'; plan: Plan; draws: number; seed: number } | { type: 'cancel' }

export type RiskSummary = {
  scenarioId: number | null
  name: string
  isBaseline: boolean
  productionKg: { p10: number; p50: number; p90: number; mean: number }
  grossMarginYuan: { p10: number; p50: number; p90: number; mean: number }
  probBeatsBaseline: number | null
  /** gross margin histogram: bin lower edges (yuan) and counts, on bins shared by all scenarios */
  histogram: { from: number; count: number }[]
}

export type FromWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; draws: number; seed: number; scenarios: RiskSummary[] }
  | { type: 'cancelled'; done: number }
  | { type: 'error'; code: string }
