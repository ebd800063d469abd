import fc from 'fast-check'
import type { Action, Candidate, Objective, OptimiserInput, ScheduleItem } from '../../engine/optimiser/types'

/** A small random roll-out problem in numbers: up to 12 fields × 2 actions × 3 years. */
export const smallInput: fc.Arbitrary<OptimiserInput> = fc
  .record({
    years: fc.integer({ min: 1, max: 3 }),
    fields: fc.array(
      fc.record({
        area: fc.integer({ min: 1, max: 100 }),
        hasSecond: fc.boolean(),
        secondWaits: fc.boolean(),
        costs: fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 })),
        gov: fc.tuple(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 50_000 })),
        gains: fc.tuple(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 50_000 })),
        npv: fc.tuple(fc.integer({ min: -40_000, max: 200_000 }), fc.integer({ min: -40_000, max: 200_000 })),
        decay: fc.double({ min: 0.6, max: 1, noNaN: true }),
        lastYearPossible: fc.boolean(),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    budgetShare: fc.double({ min: 0, max: 0.6, noNaN: true }),
    loanShare: fc.double({ min: 0, max: 1, noNaN: true }),
    loanLimit: fc.integer({ min: 0, max: 200_000 }),
    govQuota: fc.option(fc.integer({ min: 0, max: 600_000 }), { nil: null }),
    hsfQuota: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
    maxFields: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
    minProductionShare: fc.option(fc.double({ min: 0, max: 1.1, noNaN: true }), { nil: null }),
    objective: fc.oneof(
      fc.constant<Objective>({ kind: 'npv' }),
      fc.constant<Objective>({ kind: 'production' }),
      fc.double({ min: 0, max: 3, noNaN: true }).map((w): Objective => ({ kind: 'weighted', yuanPerKg: w })),
    ),
  })
  .map((g): OptimiserInput => {
    const candidates: Candidate[] = []
    g.fields.forEach((f, i) => {
      const actions: Action[] = f.hasSecond ? ['hsf', 'drip'] : ['hsf']
      actions.forEach((action, a) => {
        const npvByStart: (number | null)[] = []
        for (let k = 0; k < g.years; k++)
          npvByStart.push(k === g.years - 1 && k > 0 && !f.lastYearPossible ? null : f.npv[a]! * f.decay ** k)
        candidates.push({
          fieldId: i + 1,
          action,
          areaHa: f.area,
          coopYuan: f.costs[a]!,
          governmentYuan: f.gov[a]!,
          loanableYuan: f.costs[a]! * g.loanShare,
          productionGainKg: f.gains[a]!,
          marginGainYuan: 0,
          npvByStart,
          requires: action === 'drip' && f.secondWaits ? 'hsf' : null,
        })
      })
    })
    const totalCost = candidates.reduce((s, c) => s + c.coopYuan, 0)
    const totalGain = candidates.reduce((s, c) => s + c.productionGainKg, 0)
    const baseline = 1_000_000
    return {
      years: Array.from({ length: g.years }, (_, k) => ({
        year: 2025 + k,
        coopBudgetYuan: Math.round((totalCost * g.budgetShare) / g.years),
        govQuotaYuan: g.govQuota,
        hsfQuotaHa: g.hsfQuota,
        minProductionKg:
          g.minProductionShare === null
            ? null
            : baseline + (totalGain * g.minProductionShare * (k + 1)) / g.years,
        maxFields: g.maxFields,
      })),
      loanLimitYuan: g.loanLimit,
      objective: g.objective,
      baselineProductionKg: baseline,
      baselineMarginYuan: 0,
      candidates,
      keepFieldIds: g.fields.length > 3 ? [3] : [],
    }
  })

/**
 * The best objective by exhaustive search over every field's start years (depth first, pruned
 * only by limits that can only get worse as actions are added, and by an optimistic bound). It
 * shares no code with the MIP or the checker. Null when nothing is feasible.
 */
export function bruteForce(input: OptimiserInput): { objective: number; schedule: ScheduleItem[] } | null {
  const K = input.years.length
  const kept = new Set(input.keepFieldIds)
  const value = (c: Candidate, k: number): number | null => {
    const npv = c.npvByStart[k]
    if (npv == null) return null
    const kg = c.productionGainKg * (K - k)
    const o = input.objective
    return o.kind === 'npv' ? npv : o.kind === 'production' ? kg : npv + o.yuanPerKg * kg
  }
  type Option = { starts: { c: Candidate; k: number }[]; value: number }
  const fieldIds = [...new Set(input.candidates.map((c) => c.fieldId))]
  const perField = fieldIds.map((id) => {
    const cands = input.candidates.filter((c) => c.fieldId === id)
    let options: Option[] = [{ starts: [], value: 0 }]
    if (!kept.has(id)) {
      for (const c of cands) {
        const next: Option[] = []
        for (const o of options) {
          next.push(o)
          for (let k = 0; k < K; k++) {
            const v = value(c, k)
            if (v !== null) next.push({ starts: [...o.starts, { c, k }], value: o.value + v })
          }
        }
        options = next
      }
      // Drop options that break a precedence on this field.
      options = options.filter((o) =>
        o.starts.every(({ c, k }) => {
          if (c.requires === null) return true
          const p = o.starts.find((s) => s.c.action === c.requires)
          return p !== undefined && p.k <= k
        }),
      )
    }
    options.sort((a, b) => b.value - a.value)
    return options
  })
  const order = perField.map((_, i) => i).sort((a, b) => perField[b]![0]!.value - perField[a]![0]!.value)
  const bestRest = new Array<number>(order.length + 1).fill(0)
  for (let i = order.length - 1; i >= 0; i--)
    bestRest[i] = bestRest[i + 1]! + Math.max(0, perField[order[i]!]![0]!.value)
  // The most production each remaining field could still add by year k.
  const gainRest = Array.from({ length: order.length + 1 }, () => new Array<number>(K).fill(0))
  for (let i = order.length - 1; i >= 0; i--)
    for (let k = 0; k < K; k++) {
      let most = 0
      for (const o of perField[order[i]!]!)
        most = Math.max(
          most,
          o.starts.filter((s) => s.k <= k).reduce((sum, s) => sum + s.c.productionGainKg, 0),
        )
      gainRest[i]![k] = gainRest[i + 1]![k]! + most
    }
  const spend = new Array<number>(K).fill(0)
  const loanable = new Array<number>(K).fill(0)
  const gov = new Array<number>(K).fill(0)
  const ha = new Array<number>(K).fill(0)
  const fields = new Array<number>(K).fill(0)
  const gained = new Array<number>(K).fill(0)
  const tol = (limit: number) => Math.max(1e-6, Math.abs(limit) * 1e-9)
  let best: { objective: number; schedule: ScheduleItem[] } | null = null
  const chosen: Option[] = []
  const fits = (): boolean => {
    let loan = 0
    for (let k = 0; k < K; k++) {
      const y = input.years[k]!
      const need = Math.max(0, spend[k]! - y.coopBudgetYuan)
      if (need > loanable[k]! + tol(need)) return false
      loan += need
      if (y.govQuotaYuan !== null && gov[k]! > y.govQuotaYuan + tol(y.govQuotaYuan)) return false
      if (y.hsfQuotaHa !== null && ha[k]! > y.hsfQuotaHa + tol(y.hsfQuotaHa)) return false
      if (y.maxFields !== null && fields[k]! > y.maxFields) return false
    }
    return loan <= input.loanLimitYuan + tol(input.loanLimitYuan)
  }
  const apply = (o: Option, sign: 1 | -1) => {
    const years = new Set<number>()
    for (const { c, k } of o.starts) {
      spend[k]! += sign * c.coopYuan
      loanable[k]! += sign * c.loanableYuan
      gov[k]! += sign * c.governmentYuan
      if (c.action === 'hsf') ha[k]! += sign * c.areaHa
      for (let t = k; t < K; t++) gained[t]! += sign * c.productionGainKg
      years.add(k)
    }
    for (const k of years) fields[k]! += sign
  }
  const dfs = (i: number, value: number) => {
    if (
      best !== null &&
      value + bestRest[i]! <= best.objective + 1e-9 * Math.max(1, Math.abs(best.objective))
    )
      return
    for (let k = 0; k < K; k++) {
      const min = input.years[k]!.minProductionKg
      if (min !== null && input.baselineProductionKg + gained[k]! + gainRest[i]![k]! < min - tol(min)) return
    }
    if (i === order.length) {
      best = {
        objective: value,
        schedule: chosen.flatMap((o) =>
          o.starts.map(({ c, k }) => ({ year: input.years[k]!.year, fieldId: c.fieldId, action: c.action })),
        ),
      }
      return
    }
    for (const o of perField[order[i]!]!) {
      apply(o, 1)
      if (fits()) {
        chosen.push(o)
        dfs(i + 1, value + o.value)
        chosen.pop()
      }
      apply(o, -1)
    }
  }
  dfs(0, 0)
  return best
}
