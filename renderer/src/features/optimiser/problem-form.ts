import type { Problem, ProblemInput } from '../../../../engine/optimiser/problem'
import type { Action } from '../../../../engine/optimiser/types'
import type { Quantity } from '../../lib/format'

/**
 * The problem as the form holds it: every quantity canonical (yuan, ha, kg, plants/ha), whatever
 * the workspace shows. An empty limit is null: it does not bind; an empty budget is 0.
 */
export type ProblemForm = {
  years: {
    year: number
    coopBudgetYuan: number | null
    govQuotaYuan: number | null
    hsfQuotaHa: number | null
    minProductionKg: number | null
    maxFields: number | null
  }[]
  loanLimitYuan: number | null
  actions: Action[]
  dripAfterHsf: boolean
  keepFieldIds: number[]
  objective: 'npv' | 'production' | 'weighted'
  yuanPerKg: number | null
  densityPlantsPerHa: { maize: number | null; soybean: number | null }
  varietyIds: { maize: number | null; soybean: number | null; rice: number | null }
}

const emptyYear = (year: number): ProblemForm['years'][number] => ({
  year,
  coopBudgetYuan: null,
  govQuotaYuan: null,
  hsfQuotaHa: null,
  minProductionKg: null,
  maxFields: null,
})

/** 2025–2027, the province's "all basic farmland HSF by 2027"; no money until the co-op types it. */
export function defaultForm(firstYear = 2025, count = 3): ProblemForm {
  return {
    years: Array.from({ length: count }, (_, i) => emptyYear(firstYear + i)),
    loanLimitYuan: null,
    actions: ['hsf', 'drip'],
    dripAfterHsf: true,
    keepFieldIds: [],
    objective: 'npv',
    yuanPerKg: null,
    densityPlantsPerHa: { maize: null, soybean: null },
    varietyIds: { maize: null, soybean: null, rice: null },
  }
}

/** Consecutive years from `firstYear`, keeping what was typed for the years that stay. */
export function withYears(form: ProblemForm, firstYear: number, count: number): ProblemForm {
  const byYear = new Map(form.years.map((y) => [y.year, y]))
  return {
    ...form,
    years: Array.from({ length: count }, (_, i) => byYear.get(firstYear + i) ?? emptyYear(firstYear + i)),
  }
}

function defined<T extends Record<string, number | null>>(values: T): Partial<Record<keyof T, number>> {
  const out: Partial<Record<keyof T, number>> = {}
  for (const [key, value] of Object.entries(values)) if (value !== null) out[key as keyof T] = value
  return out
}

/** The engine's problem (ProblemSchema validates it): only the edges convert, and they already did. */
export function toProblem(form: ProblemForm): ProblemInput {
  const has = (a: Action) => form.actions.includes(a)
  return {
    years: form.years.map((y) => ({ ...y, coopBudgetYuan: y.coopBudgetYuan ?? 0 })),
    loanLimitYuan: form.loanLimitYuan ?? 0,
    objective:
      form.objective === 'weighted'
        ? { kind: 'weighted', yuanPerKg: form.yuanPerKg ?? 0 }
        : { kind: form.objective },
    actions: form.actions,
    precedence: form.dripAfterHsf && has('hsf') && has('drip') ? [{ action: 'drip', after: 'hsf' }] : [],
    keepFieldIds: form.keepFieldIds,
    densityPlantsPerHa: has('density') ? defined(form.densityPlantsPerHa) : {},
    varietyIds: has('variety') ? defined(form.varietyIds) : {},
  }
}

/**
 * The form for a problem saved earlier: the same quantities, back where they were typed. Kept
 * fields the plan no longer has are left out, and returned so the screen can say so.
 */
export function fromProblem(
  problem: Problem,
  fieldIds: ReadonlySet<number>,
): { form: ProblemForm; missingFieldIds: number[] } {
  const hasDripAfterHsf = problem.precedence.some((r) => r.action === 'drip' && r.after === 'hsf')
  return {
    form: {
      years: problem.years.map((y) => ({ ...y })),
      loanLimitYuan: problem.loanLimitYuan,
      actions: [...problem.actions],
      // Without both actions there is no order to keep; the form's default then stands.
      dripAfterHsf:
        problem.actions.includes('hsf') && problem.actions.includes('drip') ? hasDripAfterHsf : true,
      keepFieldIds: problem.keepFieldIds.filter((id) => fieldIds.has(id)),
      objective: problem.objective.kind,
      yuanPerKg: problem.objective.kind === 'weighted' ? problem.objective.yuanPerKg : null,
      densityPlantsPerHa: {
        maize: problem.densityPlantsPerHa.maize ?? null,
        soybean: problem.densityPlantsPerHa.soybean ?? null,
      },
      varietyIds: {
        maize: problem.varietyIds.maize ?? null,
        soybean: problem.varietyIds.soybean ?? null,
        rice: problem.varietyIds.rice ?? null,
      },
    },
    missingFieldIds: problem.keepFieldIds.filter((id) => !fieldIds.has(id)),
  }
}

/** Money is typed in 万元 (ten thousand yuan) and held in yuan. */
export function wanQuantity(label: string): Quantity {
  return {
    toDisplay: (yuan) => yuan / 10_000,
    fromDisplay: (wan) => wan * 10_000,
    inputDigits: 2,
    step: 1,
    unitLabel: label,
  }
}
