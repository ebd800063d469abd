import type { Issue } from '../../../../engine/errors'
import type { FrontierPoint } from '../../../../engine/optimiser/frontier'
import type { Problem } from '../../../../engine/optimiser/problem'
import type { OptimiseResult } from '../../../../engine/optimiser/types'
import type { Plan } from '../../../../engine/schemas/plan'

/**
 * The page asks the worker to solve one roll-out on the plan it read (api.planGet), or to draw
 * the budget-versus-gain frontier of one (the same roll-out at several scales of the money).
 */
export type ToOptimiser = { type: 'run' | 'frontier'; plan: Plan; problem: Problem }

/**
 * The worker's answer: the result, with the plan's production as it is today (kg per season), so
 * the page can show each year's production against doing nothing; or an error code with issues.
 */
export type FromOptimiser =
  | { type: 'result'; result: OptimiseResult; baseline: Baseline }
  | { type: 'frontierPoint'; point: FrontierPoint; total: number }
  | { type: 'frontierDone' }
  | { type: 'error'; code: string; issues: Issue[] }

/** The plan as it is today, per season: what the roll-out's years are set against. */
export type Baseline = { productionKg: number; marginYuan: number }
