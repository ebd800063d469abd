import type { Candidate, OptimiserInput, ScheduleItem, YearFigures } from './types'

export type Violation = {
  kind:
    | 'unknown_candidate'
    | 'outside_rollout'
    | 'twice'
    | 'past_horizon'
    | 'keep'
    | 'precedence'
    | 'budget'
    | 'loanLimit'
    | 'govQuota'
    | 'hsfQuota'
    | 'maxFields'
    | 'minProduction'
  year: number | null
  fieldId: number | null
  /** how far over (or under) the limit, in its unit */
  amount: number
}

export type Check = {
  violations: Violation[]
  years: YearFigures[]
  objective: number
  npvYuan: number
}

export type Limits = Omit<OptimiserInput, 'candidates'>

/** Over a limit by more than rounding: a millionth of the limit, at least a thousandth of a unit. */
function over(value: number, limit: number): number {
  const excess = value - limit
  return excess > Math.max(1e-3, Math.abs(limit) * 1e-6) ? excess : 0
}

/**
 * An independent check of a roll-out schedule, written without the MIP's formulation: it
 * re-derives each year's co-op capital, the least loan it needs, government money, HSF area,
 * fields touched, production and NPV from the schedule alone, and lists every rule broken.
 */
export function checkSchedule(
  limits: Limits,
  candidates: readonly Candidate[],
  schedule: readonly ScheduleItem[],
): Check {
  const violations: Violation[] = []
  const first = limits.years[0]?.year ?? 0
  const find = new Map<string, Candidate>()
  for (const c of candidates) find.set(`${c.fieldId}/${c.action}`, c)
  const startOf = new Map<string, number>()
  const keep = new Set(limits.keepFieldIds)
  const started: { c: Candidate; k: number }[] = []
  for (const item of schedule) {
    const key = `${item.fieldId}/${item.action}`
    const c = find.get(key)
    const k = item.year - first
    if (!c) {
      violations.push({ kind: 'unknown_candidate', year: item.year, fieldId: item.fieldId, amount: 1 })
      continue
    }
    if (k < 0 || k >= limits.years.length) {
      violations.push({ kind: 'outside_rollout', year: item.year, fieldId: item.fieldId, amount: 1 })
      continue
    }
    if (startOf.has(key))
      violations.push({ kind: 'twice', year: item.year, fieldId: item.fieldId, amount: 1 })
    if (c.npvByStart[k] == null)
      violations.push({ kind: 'past_horizon', year: item.year, fieldId: item.fieldId, amount: 1 })
    if (keep.has(item.fieldId))
      violations.push({ kind: 'keep', year: item.year, fieldId: item.fieldId, amount: 1 })
    startOf.set(key, k)
    started.push({ c, k })
  }
  for (const { c, k } of started) {
    if (c.requires === null) continue
    const before = startOf.get(`${c.fieldId}/${c.requires}`)
    if (before === undefined || before > k)
      violations.push({ kind: 'precedence', year: first + k, fieldId: c.fieldId, amount: 1 })
  }

  const years: YearFigures[] = []
  let loanTotal = 0
  let objective = 0
  let npvTotal = 0
  let gained = 0
  let marginGained = 0
  limits.years.forEach((y, k) => {
    const now = started.filter((s) => s.k === k)
    let spend = 0
    let loanable = 0
    let government = 0
    let hsfHa = 0
    let npv = 0
    const fields = new Set<number>()
    for (const { c } of now) {
      spend += c.coopYuan
      loanable += c.loanableYuan
      government += c.governmentYuan
      if (c.action === 'hsf') hsfHa += c.areaHa
      npv += c.npvByStart[k] ?? 0
      fields.add(c.fieldId)
      gained += c.productionGainKg
      marginGained += c.marginGainYuan
      const seasons = limits.years.length - k
      const extraKg = c.productionGainKg * seasons
      const o = limits.objective
      objective +=
        o.kind === 'npv'
          ? (c.npvByStart[k] ?? 0)
          : o.kind === 'production'
            ? extraKg
            : (c.npvByStart[k] ?? 0) + o.yuanPerKg * extraKg
    }
    // The co-op borrows only what its own money does not cover, and only the loanable part.
    const loan = Math.max(0, spend - y.coopBudgetYuan)
    const budgetOver = over(loan, loanable)
    if (budgetOver > 0) violations.push({ kind: 'budget', year: y.year, fieldId: null, amount: budgetOver })
    if (y.govQuotaYuan !== null && over(government, y.govQuotaYuan) > 0)
      violations.push({
        kind: 'govQuota',
        year: y.year,
        fieldId: null,
        amount: over(government, y.govQuotaYuan),
      })
    if (y.hsfQuotaHa !== null && over(hsfHa, y.hsfQuotaHa) > 0)
      violations.push({ kind: 'hsfQuota', year: y.year, fieldId: null, amount: over(hsfHa, y.hsfQuotaHa) })
    if (y.maxFields !== null && fields.size > y.maxFields)
      violations.push({ kind: 'maxFields', year: y.year, fieldId: null, amount: fields.size - y.maxFields })
    const productionKg = limits.baselineProductionKg + gained
    if (y.minProductionKg !== null && over(y.minProductionKg, productionKg) > 0)
      violations.push({
        kind: 'minProduction',
        year: y.year,
        fieldId: null,
        amount: y.minProductionKg - productionKg,
      })
    const borrowed = Math.min(loan, loanable)
    loanTotal += borrowed
    npvTotal += npv
    years.push({
      year: y.year,
      spendYuan: spend,
      loanYuan: borrowed,
      ownYuan: spend - borrowed,
      governmentYuan: government,
      hsfHa,
      fields: fields.size,
      productionKg,
      marginYuan: limits.baselineMarginYuan + marginGained,
      npvYuan: npv,
    })
  })
  if (over(loanTotal, limits.loanLimitYuan) > 0)
    violations.push({
      kind: 'loanLimit',
      year: null,
      fieldId: null,
      amount: over(loanTotal, limits.loanLimitYuan),
    })
  return { violations, years, objective, npvYuan: npvTotal }
}
