import type { SensitivityRow } from '../../../../engine/risk/sensitivity'
import type { BlockRange, RiskKernel, RiskMeta, RiskPart } from '../../../../engine/risk/simulate'
import type { Plan } from '../../../../engine/schemas/plan'

/**
 * Messages between the Risk screen and its workers. The first worker prepares the run's kernel from
 * the plan and shares it (the others start from it instead of evaluating the plan again); each
 * worker runs its share of the run's blocks and sends the raw years back; one of them then merges
 * the shares into the summary, so the window's thread never sorts a million years.
 */
export type ToWorker =
  | {
      type: 'run'
      source: { plan: Plan } | { kernel: RiskKernel }
      /** post the kernel back before running (for the other workers) */
      shareKernel: boolean
      draws: number
      seed: number
      blocks: BlockRange
    }
  | { type: 'merge'; meta: RiskMeta; draws: number; seed: number; parts: RiskPart[] }
  | { type: 'cancel' }

export type RiskSummary = {
  scenarioId: number | null
  name: string
  isBaseline: boolean
  productionKg: { p10: number; p50: number; p90: number; mean: number }
  grossMarginYuan: { p10: number; p50: number; p90: number; mean: number }
  yearlyInvestmentCostYuan: number
  probBeatsBaseline: number | null
  /** gross margin histogram: bin lower edges (yuan) and counts, on bins shared by all scenarios */
  histogram: { from: number; count: number }[]
}

export type FromWorker =
  /** years done in this worker's share, of `total` in the share */
  | { type: 'progress'; done: number; total: number }
  | { type: 'kernel'; kernel: RiskKernel }
  | { type: 'part'; meta: RiskMeta; part: RiskPart }
  | { type: 'result'; draws: number; seed: number; scenarios: RiskSummary[] }
  | { type: 'cancelled'; done: number }
  | { type: 'error'; code: string }

/** The tornado's worker: one scenario's sensitivities, asked for and answered. */
export type ToTornadoWorker = { plan: Plan; scenarioId: number }
export type FromTornadoWorker =
  | { type: 'tornado'; scenarioId: number; rows: SensitivityRow[] }
  | { type: 'error'; scenarioId: number; code: string }
