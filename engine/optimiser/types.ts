/** What the optimiser can do to a field; each only where it makes sense (candidates.ts). */
export const ACTIONS = ['hsf', 'drip', 'density', 'variety'] as const
export type Action = (typeof ACTIONS)[number]

/**
 * One action on one field, valued by the engine. Money in yuan, production in kg per season at
 * full effect. `npvByStart[k]` is the NPV to the co-op (capital, margin gain, salvage; without
 * loans) of starting the action in roll-out year k, discounted to the first roll-out year; null
 * where it cannot start that year (the plan's horizon has ended).
 */
export type Candidate = {
  fieldId: number
  action: Action
  areaHa: number
  /** the co-op's share of the capital, paid in the start year */
  coopYuan: number
  /** the government's share of the capital, counted against the year's quota */
  governmentYuan: number
  /** the part of coopYuan a loan may pay (finance.loanShare) */
  loanableYuan: number
  productionGainKg: number
  marginGainYuan: number
  npvByStart: (number | null)[]
  /** another action on the same field that must start in the same year or earlier */
  requires: Action | null
}

/** Limits of one roll-out year. A null limit does not bind. */
export type YearLimits = {
  year: number
  /** the co-op's own money for capital this year, yuan */
  coopBudgetYuan: number
  /** government money for this year's actions (HSF and drip shares), yuan */
  govQuotaYuan: number | null
  /** government-funded HSF area this year, ha */
  hsfQuotaHa: number | null
  /** total production this year, kg (baseline plus the gains of actions started so far) */
  minProductionKg: number | null
  maxFields: number | null
}

export type Objective =
  | { kind: 'npv' }
  | { kind: 'production' }
  /** NPV plus yuanPerKg × the extra production over the roll-out years */
  | { kind: 'weighted'; yuanPerKg: number }

/** Everything the solver, the greedy rule and the checker need: no plan, only numbers. */
export type OptimiserInput = {
  years: YearLimits[]
  /** total the co-op may borrow over the roll-out, yuan */
  loanLimitYuan: number
  objective: Objective
  /** production of the plan as it is today, kg per season */
  baselineProductionKg: number
  /** gross margin of the plan as it is today, yuan per season */
  baselineMarginYuan: number
  candidates: Candidate[]
  /** fields to leave as they are: no action may start on them */
  keepFieldIds: number[]
}

export type ScheduleItem = { year: number; fieldId: number; action: Action }

export type YearFigures = {
  year: number
  /** co-op capital paid this year (own money + loan), yuan */
  spendYuan: number
  loanYuan: number
  ownYuan: number
  governmentYuan: number
  hsfHa: number
  fields: number
  productionKg: number
  /**
   * the plan's gross margin in this year's season, yuan: today's plus the full effect of every
   * action started by then, as the year's generated scenario shows it in Compare (the NPV counts
   * HSF's uplift ramping in over its first seasons; this figure does not)
   */
  marginYuan: number
  /** NPV of the actions started this year, discounted to the first roll-out year */
  npvYuan: number
}

/** A constraint family of the roll-out, named in results and in the infeasibility diagnosis. */
export type ConstraintFamily =
  | 'budget'
  | 'govQuota'
  | 'hsfQuota'
  | 'loanLimit'
  | 'maxFields'
  | 'minProduction'

export type Binding = {
  family: ConstraintFamily
  /** null for the roll-out's single loan limit */
  year: number | null
  /** objective per unit of the limit (yuan per yuan, per ha, per field or per kg) in the LP relaxation */
  shadowPrice: number
}

/** A constraint that cannot be met, and by how much (yuan, ha, fields or kg). */
export type Shortfall = { family: ConstraintFamily; year: number | null; amount: number }

export type OptimiseStatus = 'optimal' | 'time_limit' | 'infeasible' | 'error'

export type OptimiseResult = {
  status: OptimiseStatus
  objective: number | null
  /** relative MIP gap in percent (0 when proven optimal within HiGHS' tolerance) */
  gapPct: number | null
  schedule: ScheduleItem[]
  years: YearFigures[]
  npvYuan: number
  /** every year's budget, and the other limits whose dual in the LP relaxation is not zero */
  binding: Binding[]
  /** when infeasible: what would have to give, found by an elastic re-solve */
  shortfalls: Shortfall[]
  greedy: { objective: number; npvYuan: number; schedule: ScheduleItem[] } | null
}
