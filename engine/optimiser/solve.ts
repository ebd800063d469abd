import type { Highs } from 'highs'
import { checkSchedule } from './check'
import { type Column, type Formulation, formulate } from './formulation'
import { greedySchedule } from './greedy'
import type { Binding, OptimiseResult, OptimiserInput, ScheduleItem, Shortfall } from './types'
import { ACTIONS } from './types'

/**
 * The HiGHS module the caller loaded (`await highsLoader()` in Node, with `locateFile` in the
 * renderer): passed in, so the engine itself loads no WebAssembly and stays pure.
 */
export type Solver = Pick<Highs, 'solve' | 'withModel' | 'constants'>

export type OptimiseOptions = {
  /** stop at this relative gap between the best schedule and the proven bound (HiGHS mip_rel_gap) */
  mipRelGap?: number
  timeLimitSeconds?: number
  /** price the limits with the LP relaxation's duals (one more LP solve) */
  withShadowPrices?: boolean
  /** run the greedy rule beside it, for comparison */
  withGreedy?: boolean
}

type Run = {
  status: 'optimal' | 'time_limit' | 'infeasible' | 'error'
  objective: number
  gap: number
  values: Float64Array | null
}

function run(highs: Solver, f: Formulation, options: OptimiseOptions): Run {
  const codes = highs.constants.modelStatus
  return highs.withModel({ format: 'lp', data: f.lp }, (model): Run => {
    model.options.set({
      output_flag: false,
      mip_rel_gap: options.mipRelGap ?? 1e-6,
      ...(options.timeLimitSeconds ? { time_limit: options.timeLimitSeconds } : {}),
    })
    const status = model.run().modelStatus
    const hasSolution = model.info.get('primal_solution_status') === 2
    const values = hasSolution ? model.getSolution().colValue : null
    // The LP reader numbers columns as it first meets them: the objective lists every one in order.
    if (values && values.length !== f.columns.length)
      throw new Error(`HiGHS read ${values.length} columns, the formulation has ${f.columns.length}`)
    let gap = 0
    try {
      const g = model.info.get('mip_gap')
      gap = typeof g === 'number' && Number.isFinite(g) ? g : 0
    } catch {
      gap = 0
    }
    const objective = hasSolution ? model.getObjectiveValue() : Number.NaN
    if (status === codes.optimal) return { status: 'optimal', objective, gap, values }
    if (status === codes.infeasible || status === codes.unboundedOrInfeasible)
      return { status: 'infeasible', objective, gap, values: null }
    if (status === codes.timeLimit && values) return { status: 'time_limit', objective, gap, values }
    return { status: 'error', objective, gap, values: null }
  })
}

function scheduleOf(input: OptimiserInput, columns: readonly Column[], values: Float64Array): ScheduleItem[] {
  const first = input.years[0]!.year
  const out: ScheduleItem[] = []
  columns.forEach((col, i) => {
    if (col.kind !== 'start' || values[i]! < 0.5) return
    const cand = input.candidates[col.candidate]!
    out.push({ year: first + col.k, fieldId: cand.fieldId, action: cand.action })
  })
  return out.sort(
    (a, b) =>
      a.year - b.year || a.fieldId - b.fieldId || ACTIONS.indexOf(a.action) - ACTIONS.indexOf(b.action),
  )
}

/**
 * The limits the LP relaxation prices: objective per unit more of each (its row dual, which
 * HiGHS gives as ∂objective/∂limit: positive for a budget that binds, negative for a minimum).
 */
function shadowPrices(highs: Solver, input: OptimiserInput): Binding[] {
  const f = formulate(input, { relaxed: true })
  const r = highs.solve(f.lp, { output_flag: false })
  if (r.Status !== 'Optimal') return []
  const byName = new Map(f.rows.map((row) => [row.name, row]))
  const first = input.years[0]!.year
  const out: Binding[] = []
  for (const row of r.Rows) {
    const named = 'Name' in row && typeof row.Name === 'string' ? byName.get(row.Name) : undefined
    const dual = 'Dual' in row && typeof row.Dual === 'number' ? row.Dual : 0
    // Every year's budget is reported (its marginal value, 0 where money is not what limits);
    // the other limits only where they bind.
    if (!named || (named.family !== 'budget' && Math.abs(dual) < 1e-9)) continue
    out.push({ family: named.family, year: named.k === null ? null : first + named.k, shadowPrice: dual })
  }
  return out
}

/** What would have to give: the elastic re-solve's non-zero slacks, each in its limit's unit. */
function diagnose(highs: Solver, input: OptimiserInput, options: OptimiseOptions): Shortfall[] {
  const f = formulate(input, { elastic: true })
  const r = run(highs, f, options)
  if (!r.values) return []
  const first = input.years[0]!.year
  const out: Shortfall[] = []
  f.columns.forEach((col, i) => {
    const v = r.values![i]!
    if (col.kind !== 'slack' || v < 1e-6) return
    out.push({ family: col.family, year: col.k === null ? null : first + col.k, amount: v })
  })
  return out
}

/**
 * Solves a roll-out exactly with HiGHS (issue 12): which action on which field in which year,
 * within the budgets, quotas, loan limit, field counts, precedence, kept fields and minimum
 * production, for the best NPV, production or mix. Reports the status and gap; per year the
 * co-op's spend, loan, production and NPV; the limits that bind with their shadow prices; when
 * infeasible, the shortfall that makes it so; and the greedy rule's schedule beside it.
 */
export function optimise(
  highs: Solver,
  input: OptimiserInput,
  options: OptimiseOptions = {},
): OptimiseResult {
  const f = formulate(input)
  const r = run(highs, f, options)
  const greedy = () => {
    if (options.withGreedy === false) return null
    const schedule = greedySchedule(input)
    const c = checkSchedule(input, input.candidates, schedule)
    return { objective: c.objective, npvYuan: c.npvYuan, schedule }
  }
  if (r.status === 'infeasible' || r.status === 'error' || !r.values) {
    return {
      status: r.status === 'time_limit' ? 'error' : r.status,
      objective: null,
      gapPct: null,
      schedule: [],
      years: [],
      npvYuan: 0,
      binding: [],
      shortfalls: r.status === 'infeasible' ? diagnose(highs, input, options) : [],
      greedy: greedy(),
    }
  }
  const schedule = scheduleOf(input, f.columns, r.values)
  const c = checkSchedule(input, input.candidates, schedule)
  return {
    status: r.status,
    objective: r.objective,
    gapPct: r.gap * 100,
    schedule,
    years: c.years,
    npvYuan: c.npvYuan,
    binding: options.withShadowPrices === false ? [] : shadowPrices(highs, input),
    shortfalls: [],
    greedy: greedy(),
  }
}
