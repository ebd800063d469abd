import { optimise, type Solver } from './solve'
import type { OptimiserInput, OptimiseStatus } from './types'

/** The money scales the budget-versus-gain frontier is drawn at: from a quarter to twice the budget. */
export const FRONTIER_SCALES = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2] as const

/**
 * One point of the frontier: the roll-out's best value when every year's own money and the loan
 * limit are `scale` times what the co-op typed (quotas, minimums and field counts as typed).
 */
export type FrontierPoint = {
  scale: number
  /** own money over the roll-out at this scale, yuan */
  budgetYuan: number
  loanLimitYuan: number
  status: OptimiseStatus
  /** null where no roll-out meets the other limits at this much money */
  objective: number | null
  npvYuan: number | null
  /** production in the last roll-out year over doing nothing, kg */
  productionGainKg: number | null
  /** co-op capital the roll-out spends (own money and loans), yuan */
  spendYuan: number | null
}

/**
 * The budget-versus-gain frontier (DESIGN §2.10): the same roll-out solved exactly at each scale
 * of the co-op's money. It shows where more money stops paying: the curve flattens where the
 * worthwhile fields are all done, or where a quota, not money, is what limits. `onPoint` reports
 * each point as it is solved (the screen draws the curve as it grows).
 */
export function budgetFrontier(
  highs: Solver,
  input: OptimiserInput,
  options: {
    scales?: readonly number[]
    timeLimitSeconds?: number
    onPoint?: (p: FrontierPoint) => void
  } = {},
): FrontierPoint[] {
  const scales = options.scales ?? FRONTIER_SCALES
  const last = input.years.length - 1
  return scales.map((scale) => {
    const scaled: OptimiserInput = {
      ...input,
      years: input.years.map((y) => ({ ...y, coopBudgetYuan: y.coopBudgetYuan * scale })),
      loanLimitYuan: input.loanLimitYuan * scale,
    }
    const r = optimise(highs, scaled, {
      withGreedy: false,
      withShadowPrices: false,
      ...(options.timeLimitSeconds ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
    })
    const solved = r.status === 'optimal' || r.status === 'time_limit'
    const point: FrontierPoint = {
      scale,
      budgetYuan: scaled.years.reduce((sum, y) => sum + y.coopBudgetYuan, 0),
      loanLimitYuan: scaled.loanLimitYuan,
      status: r.status,
      objective: solved ? r.objective : null,
      npvYuan: solved ? r.npvYuan : null,
      productionGainKg: solved ? (r.years[last]?.productionKg ?? 0) - input.baselineProductionKg : null,
      spendYuan: solved ? r.years.reduce((sum, y) => sum + y.spendYuan, 0) : null,
    }
    options.onPoint?.(point)
    return point
  })
}
