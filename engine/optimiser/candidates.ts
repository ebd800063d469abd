import type { Values } from '../assumptions/resolve'
import { AppError, type Issue } from '../errors'
import { densityRange } from '../model/density'
import { financeFor } from '../model/economics'
import { type FieldOutcome, fieldEvaluator } from '../model/evaluate'
import { varietyRule } from '../rules/edit-rules'
import { asToday, changesNothing } from '../scenario-edit'
import type { Plan, PlanField, ScenarioChange } from '../schemas/plan'
import type { Problem } from './problem'
import type { Action, Candidate, OptimiserInput } from './types'

export type Fit =
  | { kind: 'candidate'; apply: (c: ScenarioChange) => ScenarioChange }
  | { kind: 'in_place' }
  | { kind: 'impossible' }

/** References the problem makes into the plan: kept fields and the varieties it would sow. */
function checkReferences(plan: Plan, problem: Problem): void {
  const issues: Issue[] = []
  const fieldIds = new Set(plan.fields.map((f) => f.id))
  problem.keepFieldIds.forEach((id, i) => {
    if (!fieldIds.has(id)) issues.push({ path: ['keepFieldIds', i], rule: 'unknown_field', params: { id } })
  })
  const cropOf = new Map(plan.varieties.map((v) => [v.id, v.crop]))
  for (const crop of ['maize', 'soybean', 'rice'] as const) {
    const id = problem.varietyIds[crop]
    if (id === undefined) continue
    const rule = varietyRule(crop, id, (v) => cropOf.get(v))
    if (rule) issues.push({ path: ['varietyIds', crop], rule })
  }
  if (issues.length > 0) throw new AppError('VALIDATION', 'The problem names what the plan lacks', { issues })
}

/**
 * The roll-out problem of a (validated) plan as numbers: one candidate per field and action where
 * the action makes sense, each valued with the engine's own field model, money and cash flow.
 * An action that must wait for another is valued on top of it (drip on a field with HSF), so the
 * pair adds up to what the engine gives for both together. Actions that do not wait for each other
 * are valued each from today's field; where both are chosen on one field their interaction is not
 * counted (the engine's evaluation of the chosen scenario is the figure to trust).
 */
export function buildInput(plan: Plan, problem: Problem): OptimiserInput {
  checkReferences(plan, problem)
  const ev = fieldEvaluator(plan)
  const mp = ev.moneyParams
  const optimumOf = densityOptimum(plan, mp.values)
  const afterOf = new Map(problem.precedence.map((r) => [r.action, r.after]))
  const H = mp.horizonYears
  const years = problem.years.length
  const candidates: Candidate[] = []
  let baselineProductionKg = 0
  let baselineMarginYuan = 0

  plan.fields.forEach((field, index) => {
    const today = ev.outcome(index, undefined)
    baselineProductionKg += today.result.productionKg
    baselineMarginYuan += today.result.money.grossMarginYuan
    const fitOf = (action: Action, water: ScenarioChange['waterRegime'], varietyId: number | null): Fit =>
      actionFit(field, action, water, varietyId, problem, optimumOf(field.crop))
    for (const action of problem.actions) {
      // The chain of actions this one waits for, nearest first; each must be possible on the field.
      const chain: Action[] = []
      for (let a = afterOf.get(action); a !== undefined; a = afterOf.get(a)) chain.push(a)
      let before = asToday(field.id)
      let requires: Action | null = null
      let possible = true
      for (const a of [...chain].reverse()) {
        const f = fitOf(a, before.waterRegime, before.varietyId ?? field.varietyId)
        if (f.kind === 'impossible' || (f.kind === 'candidate' && !problem.actions.includes(a)))
          possible = false
        else if (f.kind === 'candidate') before = f.apply(before)
      }
      if (!possible) continue
      const own = fitOf(action, before.waterRegime, before.varietyId ?? field.varietyId)
      if (own.kind !== 'candidate') continue
      // The nearest prerequisite that is still to be done on this field.
      for (const a of chain) {
        if (fitOf(a, null, field.varietyId).kind === 'candidate') {
          requires = a
          break
        }
      }
      const from: FieldOutcome = changesNothing(before) ? today : ev.outcome(index, before)
      const to = ev.outcome(index, own.apply(before))
      candidates.push(valued(field, action, requires, from, to, H, years, mp))
    }
  })
  return {
    years: problem.years.map((y) => ({ ...y })),
    loanLimitYuan: problem.loanLimitYuan,
    objective: problem.objective,
    baselineProductionKg,
    baselineMarginYuan,
    candidates,
    keepFieldIds: [...problem.keepFieldIds],
  }
}

/**
 * The optimum density of a crop for a water regime and variety (the variety's own trials where it
 * has them), as the density action sets it when the problem names no density.
 */
export function densityOptimum(plan: Plan, values: Values) {
  const varieties = new Map(plan.varieties.map((v) => [v.id, v]))
  return (crop: PlanField['crop']) =>
    (regime: PlanField['waterRegime'], varietyId: number | null): number | null => {
      const v = varietyId === null ? null : (varieties.get(varietyId) ?? null)
      return densityRange(crop, v?.densities ?? [], regime, values)?.optimumPlantsPerHa ?? null
    }
}

/** Whether an action is still to be done on a field, already in place, or makes no sense there. */
export function actionFit(
  field: PlanField,
  action: Action,
  water: ScenarioChange['waterRegime'],
  varietyId: number | null,
  problem: Problem,
  optimumOf: (regime: PlanField['waterRegime'], varietyId: number | null) => number | null,
): Fit {
  switch (action) {
    case 'hsf':
      return field.hasHsf
        ? { kind: 'in_place' }
        : { kind: 'candidate', apply: (c) => ({ ...c, buildHsf: true }) }
    case 'drip':
      // Drip's yield effect is modelled for maize only; rice stays in paddy.
      if (field.crop !== 'maize') return { kind: 'impossible' }
      return field.waterRegime === 'drip'
        ? { kind: 'in_place' }
        : { kind: 'candidate', apply: (c) => ({ ...c, waterRegime: 'drip' }) }
    case 'density': {
      if (field.crop === 'rice') return { kind: 'impossible' }
      const target =
        problem.densityPlantsPerHa[field.crop] ?? optimumOf(water ?? field.waterRegime, varietyId)
      if (target === null) return { kind: 'impossible' }
      if (field.densityPlantsPerHa !== null && Math.abs(target - field.densityPlantsPerHa) < 1)
        return { kind: 'in_place' }
      return { kind: 'candidate', apply: (c) => ({ ...c, densityPlantsPerHa: target }) }
    }
    case 'variety': {
      const target = problem.varietyIds[field.crop]
      if (target === undefined) return { kind: 'impossible' }
      if (target === field.varietyId) return { kind: 'in_place' }
      return { kind: 'candidate', apply: (c) => ({ ...c, varietyId: target }) }
    }
  }
}

function valued(
  field: PlanField,
  action: Action,
  requires: Action | null,
  from: FieldOutcome,
  to: FieldOutcome,
  horizonYears: number,
  years: number,
  mp: ReturnType<typeof fieldEvaluator>['moneyParams'],
): Candidate {
  const coopYuan = to.result.funding.coopYuan - from.result.funding.coopYuan
  const flows = {
    deltaMarginFullYuan: to.result.money.grossMarginYuan - from.result.money.grossMarginYuan,
    hsfRevenueYuan: to.hsfRevenueYuan - from.hsfRevenueYuan,
    coopHsfYuan: to.coopHsfYuan - from.coopHsfYuan,
    coopDripYuan: to.coopDripYuan - from.coopDripYuan,
  }
  // Every start year runs to the same end (the plan's horizon from the first roll-out year), so a
  // later start has fewer seasons to earn in, and its money is discounted back to the first year.
  const npvByStart: (number | null)[] = []
  for (let k = 0; k < years; k++) {
    if (horizonYears - k < 1) {
      npvByStart.push(null)
      continue
    }
    const f = financeFor(flows, [], { ...mp, horizonYears: horizonYears - k })
    npvByStart.push(f.npvYuan / (1 + mp.discountRate) ** k)
  }
  return {
    fieldId: field.id,
    action,
    areaHa: field.areaHa,
    coopYuan,
    governmentYuan: to.result.funding.governmentYuan - from.result.funding.governmentYuan,
    loanableYuan: coopYuan * mp.loanShare,
    productionGainKg: to.result.productionKg - from.result.productionKg,
    marginGainYuan: flows.deltaMarginFullYuan,
    npvByStart,
    requires,
  }
}
