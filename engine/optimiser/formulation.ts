import type { ConstraintFamily, OptimiserInput } from './types'

/** A column of the MIP: what it stands for, in the order HiGHS numbers them. */
export type Column =
  | { kind: 'start'; candidate: number; k: number }
  | { kind: 'loan'; k: number }
  | { kind: 'fieldUsed'; fieldId: number; k: number }
  | { kind: 'slack'; family: ConstraintFamily; k: number | null }

/** A row whose dual or slack the caller reads back: which family, which roll-out year. */
export type NamedRow = { name: string; family: ConstraintFamily; k: number | null }

export type Formulation = { lp: string; columns: Column[]; rows: NamedRow[] }

/**
 * Objective coefficient of starting candidate c in roll-out year k: its discounted NPV, the extra
 * production it brings over the remaining roll-out seasons (start year included), or a mix.
 */
export function startValue(input: OptimiserInput, c: number, k: number): number | null {
  const cand = input.candidates[c]!
  const npv = cand.npvByStart[k]
  if (npv === null || npv === undefined) return null
  const seasons = input.years.length - k
  switch (input.objective.kind) {
    case 'npv':
      return npv
    case 'production':
      return cand.productionGainKg * seasons
    case 'weighted':
      return npv + input.objective.yuanPerKg * cand.productionGainKg * seasons
  }
}

/** Relative weight of one unit of shortfall in the elastic re-solve: money gives before output. */
const ELASTIC_WEIGHT: Record<ConstraintFamily, number> = {
  budget: 1,
  loanLimit: 1,
  govQuota: 1,
  hsfQuota: 1,
  maxFields: 1,
  minProduction: 1_000,
}

type Term = [number, string]

/** The size of a row: its limit, or everything that could count against it, whichever is larger. */
function scaleOf(terms: readonly Term[], rhs: number): number {
  return Math.max(
    Math.abs(rhs),
    terms.reduce((sum, [coef]) => sum + Math.abs(coef), 0),
  )
}

/** A number as the LP reader wants it: finite, no locale, full precision. */
function num(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`non-finite coefficient ${v}`)
  return String(v)
}

function expr(terms: readonly Term[]): string {
  // An empty side still needs a term: the first loan column, which every model has.
  if (terms.length === 0) return '0 l0'
  const parts: string[] = []
  terms.forEach(([coef, name], i) => {
    const sign = coef < 0 ? '-' : '+'
    const abs = num(Math.abs(coef))
    parts.push(i === 0 && coef >= 0 ? `${abs} ${name}` : `${sign} ${abs} ${name}`)
  })
  // The reader takes long rows, but a line per few terms keeps the text readable when exported.
  const lines: string[] = []
  for (let i = 0; i < parts.length; i += 8) lines.push(parts.slice(i, i + 8).join(' '))
  return lines.join('\n   ')
}

/**
 * Candidates no optimal schedule needs: never worth anything in any year, using only resources
 * (co-op capital, of which a loanable part, government money, HSF area), adding no production a
 * minimum asks for, and waited for by nothing. Dropping one from any feasible schedule keeps it
 * feasible and no worse, so they get no column (a third of them on the demo co-op).
 */
function dominated(input: OptimiserInput): Set<number> {
  const hasMinimum = input.years.some((y) => y.minProductionKg !== null)
  const waitedFor = new Set(
    input.candidates.filter((c) => c.requires !== null).map((c) => `${c.fieldId}:${c.requires}`),
  )
  const out = new Set<number>()
  input.candidates.forEach((cand, c) => {
    if (waitedFor.has(`${cand.fieldId}:${cand.action}`)) return
    if (cand.coopYuan < 0 || cand.governmentYuan < 0 || cand.areaHa < 0) return
    if (cand.loanableYuan < 0 || cand.loanableYuan > cand.coopYuan) return
    if (hasMinimum && cand.productionGainKg > 0) return
    for (let k = 0; k < input.years.length; k++) {
      const v = startValue(input, c, k)
      if (v !== null && v > 0) return
    }
    out.add(c)
  })
  return out
}

/**
 * The roll-out as a mixed-integer programme in CPLEX LP text (issue 12):
 *
 * - x[c,k] ∈ {0,1}: candidate c (a field × action) starts in roll-out year k; at most once;
 * - precedence: Σ_{s≤k} x[c,s] ≤ Σ_{s≤k} x[p,s] for the action p it waits for on the same field;
 * - kept fields and years past the horizon have no column at all;
 * - budget: co-op capital of year k − loan[k] ≤ own budget[k];
 *   loan[k] ≤ the loanable part of year k's capital; Σ loan[k] ≤ loan limit;
 * - government money and HSF area per year ≤ their quotas;
 * - fields per year: Σ_a x[f,a,k] ≤ n_f·used[f,k], Σ_f used[f,k] ≤ N[k];
 * - candidates no optimal schedule needs get no column (dominated);
 * - production of year k: baseline + Σ gains of actions started in or before k ≥ the minimum;
 * - maximise Σ value(c,k)·x[c,k] (startValue).
 *
 * With `elastic`, every limit gets a slack column and the objective becomes the weighted
 * shortfall to minimise: what would have to give for the problem to be feasible. With
 * `relaxed`, integrality is dropped (the LP relaxation whose duals price the limits).
 */
export function formulate(
  input: OptimiserInput,
  options: { elastic?: boolean; relaxed?: boolean } = {},
): Formulation {
  const elastic = options.elastic === true
  const K = input.years.length
  const kept = new Set(input.keepFieldIds)
  const columns: Column[] = []
  const objective: Term[] = []
  const rows: string[] = []
  const named: NamedRow[] = []
  const integers: string[] = []
  const bounded: string[] = []

  // Columns first, each entered in the objective (coefficient 0 where it has none): HiGHS numbers
  // columns in the order it first meets them, and the solution is read back by that number.
  const xName = new Map<string, string>()
  const xOf = (c: number, k: number) => xName.get(`${c}:${k}`)
  const useless = dominated(input)
  input.candidates.forEach((cand, c) => {
    if (kept.has(cand.fieldId) || useless.has(c)) return
    for (let k = 0; k < K; k++) {
      const value = startValue(input, c, k)
      if (value === null) continue
      const name = `x${c}_${k}`
      xName.set(`${c}:${k}`, name)
      columns.push({ kind: 'start', candidate: c, k })
      objective.push([elastic ? 0 : value, name])
      integers.push(name)
      bounded.push(name)
    }
  })
  for (let k = 0; k < K; k++) {
    columns.push({ kind: 'loan', k })
    objective.push([0, `l${k}`])
  }
  const slack = (family: ConstraintFamily, k: number | null, scale: number): string | null => {
    if (!elastic) return null
    const name = `s_${family}${k === null ? '' : `_${k}`}`
    columns.push({ kind: 'slack', family, k })
    // Shortfalls are compared relative to the scale of their row (the limit, or all that could
    // ever count against it when that is larger), so yuan, ha and kg weigh alike.
    objective.push([-ELASTIC_WEIGHT[family] / Math.max(1, scale), name])
    return name
  }
  const row = (
    name: string,
    terms: Term[],
    sense: '<=' | '>=',
    rhs: number,
    family?: ConstraintFamily,
    k?: number | null,
  ) => {
    rows.push(` ${name}: ${expr(terms)} ${sense} ${num(rhs)}`)
    if (family) named.push({ name, family, k: k ?? null })
  }

  // Which candidates sit on which field, and which of them a start would make "used".
  const byField = new Map<number, number[]>()
  input.candidates.forEach((cand, c) => {
    if (kept.has(cand.fieldId)) return
    const list = byField.get(cand.fieldId) ?? []
    list.push(c)
    byField.set(cand.fieldId, list)
  })

  // At most once per field and action.
  input.candidates.forEach((_, c) => {
    const terms: Term[] = []
    for (let k = 0; k < K; k++) {
      const x = xOf(c, k)
      if (x) terms.push([1, x])
    }
    if (terms.length > 1) row(`once${c}`, terms, '<=', 1)
  })

  // Precedence on the same field: started no earlier than what it waits for.
  const indexOf = new Map(input.candidates.map((cand, c) => [`${cand.fieldId}:${cand.action}`, c]))
  input.candidates.forEach((cand, c) => {
    if (cand.requires === null || kept.has(cand.fieldId)) return
    const p = indexOf.get(`${cand.fieldId}:${cand.requires}`)
    const terms: Term[] = []
    for (let k = 0; k < K; k++) {
      const x = xOf(c, k)
      if (x) terms.push([1, x])
      const xp = p === undefined ? undefined : xOf(p, k)
      if (xp) terms.push([-1, xp])
      // Nothing of c can start by year k (or nothing to wait for): no row is needed.
      if (terms.some(([coef]) => coef > 0)) row(`prec${c}_${k}`, [...terms], '<=', 0)
    }
  })

  for (let k = 0; k < K; k++) {
    const y = input.years[k]!
    const capital: Term[] = []
    const loanable: Term[] = []
    const gov: Term[] = []
    const hsfHa: Term[] = []
    input.candidates.forEach((cand, c) => {
      const x = xOf(c, k)
      if (!x) return
      if (cand.coopYuan !== 0) capital.push([cand.coopYuan, x])
      if (cand.loanableYuan !== 0) loanable.push([-cand.loanableYuan, x])
      if (cand.governmentYuan !== 0) gov.push([cand.governmentYuan, x])
      if (cand.action === 'hsf') hsfHa.push([cand.areaHa, x])
    })
    const sb = slack('budget', k, scaleOf(capital, y.coopBudgetYuan))
    row(
      `budget_${k}`,
      [...capital, [-1, `l${k}`], ...(sb ? ([[-1, sb]] as Term[]) : [])],
      '<=',
      y.coopBudgetYuan,
      'budget',
      k,
    )
    row(`loanable_${k}`, [[1, `l${k}`], ...loanable], '<=', 0)
    if (y.govQuotaYuan !== null) {
      const s = slack('govQuota', k, scaleOf(gov, y.govQuotaYuan))
      row(`gov_${k}`, [...gov, ...(s ? ([[-1, s]] as Term[]) : [])], '<=', y.govQuotaYuan, 'govQuota', k)
    }
    if (y.hsfQuotaHa !== null) {
      const s = slack('hsfQuota', k, scaleOf(hsfHa, y.hsfQuotaHa))
      row(`hsfha_${k}`, [...hsfHa, ...(s ? ([[-1, s]] as Term[]) : [])], '<=', y.hsfQuotaHa, 'hsfQuota', k)
    }
    if (y.maxFields !== null) {
      const count: Term[] = []
      for (const [fieldId, list] of byField) {
        const starts = list.map((c) => xOf(c, k)).filter((x): x is string => x !== undefined)
        if (starts.length === 0) continue
        if (starts.length === 1) {
          count.push([1, starts[0]!])
          continue
        }
        const name = `y${fieldId}_${k}`
        // One row per field and year (Σ starts ≤ n·used) rather than one per start: a weaker
        // relaxation, but half the rows, and HiGHS closes the gap at the root faster this way.
        columns.push({ kind: 'fieldUsed', fieldId, k })
        objective.push([0, name])
        integers.push(name)
        bounded.push(name)
        row(`use${fieldId}_${k}`, [...starts.map((x): Term => [1, x]), [-starts.length, name]], '<=', 0)
        count.push([1, name])
      }
      const s = slack('maxFields', k, scaleOf(count, y.maxFields))
      row(`cap_${k}`, [...count, ...(s ? ([[-1, s]] as Term[]) : [])], '<=', y.maxFields, 'maxFields', k)
    }
    if (y.minProductionKg !== null) {
      const gain: Term[] = []
      input.candidates.forEach((cand, c) => {
        if (cand.productionGainKg === 0) return
        for (let s = 0; s <= k; s++) {
          const x = xOf(c, s)
          if (x) gain.push([cand.productionGainKg, x])
        }
      })
      const s = slack('minProduction', k, scaleOf(gain, y.minProductionKg - input.baselineProductionKg))
      row(
        `prod_${k}`,
        [...gain, ...(s ? ([[1, s]] as Term[]) : [])],
        '>=',
        y.minProductionKg - input.baselineProductionKg,
        'minProduction',
        k,
      )
    }
  }
  const allLoanable = input.candidates.reduce((sum, c) => sum + Math.abs(c.loanableYuan), 0)
  const sl = slack('loanLimit', null, Math.max(input.loanLimitYuan, allLoanable))
  const loans: Term[] = []
  for (let k = 0; k < K; k++) loans.push([1, `l${k}`])
  row('loan', [...loans, ...(sl ? ([[-1, sl]] as Term[]) : [])], '<=', input.loanLimitYuan, 'loanLimit', null)

  const lp = [
    'Maximize',
    ` obj: ${expr(objective)}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...bounded.map((name) => ` 0 <= ${name} <= 1`),
    ...(options.relaxed || integers.length === 0 ? [] : ['General', ` ${integers.join('\n ')}`]),
    'End',
    '',
  ].join('\n')
  return { lp, columns, rows: named }
}
