import { z } from 'zod'
import type { Rule } from '../errors'
import { ACTIONS } from './types'

/** Sizes a problem may have: beyond them it is a typing mistake or a file meant to hurt. */
export const PROBLEM_LIMITS = {
  maxYears: 10,
  maxYuan: 10_000_000_000,
  maxHa: 10_000_000,
  maxKg: 1e13,
  maxKeep: 50_000,
  maxFieldsPerYear: 50_000,
  maxYuanPerKg: 1_000,
} as const

const L = PROBLEM_LIMITS
const Yuan = z.number().min(0).max(L.maxYuan)
const Id = z.number().int().positive()

const YearSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    coopBudgetYuan: Yuan,
    govQuotaYuan: Yuan.nullable().default(null),
    hsfQuotaHa: z.number().min(0).max(L.maxHa).nullable().default(null),
    minProductionKg: z.number().min(0).max(L.maxKg).nullable().default(null),
    maxFields: z.number().int().min(0).max(L.maxFieldsPerYear).nullable().default(null),
  })
  .strict()

const ObjectiveSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('npv') }).strict(),
  z.object({ kind: z.literal('production') }).strict(),
  z.object({ kind: z.literal('weighted'), yuanPerKg: z.number().min(0).max(L.maxYuanPerKg) }).strict(),
])

/**
 * A roll-out problem as a co-op states it (issue 12): the years with their budgets and quotas, the
 * loan limit, what may be done, what must wait for what, which fields stay as they are, and what
 * counts as better. Every size is bounded; every rule it can break has a translated sentence.
 */
export const ProblemSchema = z
  .object({
    years: z.array(YearSchema).min(1).max(L.maxYears),
    loanLimitYuan: Yuan.default(0),
    objective: ObjectiveSchema.default({ kind: 'npv' }),
    actions: z.array(z.enum(ACTIONS)).min(1).max(ACTIONS.length).default(['hsf', 'drip']),
    /** an action that starts only in the year of another on the same field or later */
    precedence: z
      .array(z.object({ action: z.enum(ACTIONS), after: z.enum(ACTIONS) }).strict())
      .max(ACTIONS.length)
      .default([{ action: 'drip', after: 'hsf' }]),
    keepFieldIds: z.array(Id).max(L.maxKeep).default([]),
    /** the density the density action sets, per crop; absent: the variety's optimum for the field's water */
    densityPlantsPerHa: z
      .object({
        maize: z.number().min(1_000).max(1_500_000).optional(),
        soybean: z.number().min(1_000).max(1_500_000).optional(),
      })
      .strict()
      .default({}),
    /** the variety the variety action sows, per crop; without one for a crop, no variety action there */
    varietyIds: z
      .object({ maize: Id.optional(), soybean: Id.optional(), rice: Id.optional() })
      .strict()
      .default({}),
  })
  .strict()
  .superRefine((p, ctx) => {
    const issue = (path: (string | number)[], rule: Rule, params: Record<string, string | number> = {}) =>
      ctx.addIssue({ code: 'custom', path, params: { rule, ...params } })
    // zod runs this even when a part above failed: an empty list is already refused there.
    if (p.years.length === 0) return
    const first = p.years[0]!.year
    const last = first + p.years.length - 1
    // The roll-out is consecutive years in order: a year's budget means that year.
    const seen = new Set<number>()
    p.years.forEach((y, i) => {
      if (seen.has(y.year)) issue(['years', i, 'year'], 'duplicate_year', { year: y.year })
      else if (y.year !== first + i)
        issue(['years', i, 'year'], 'year_outside_rollout', { year: y.year, first, last })
      seen.add(y.year)
    })
    const waits = new Set<string>()
    p.precedence.forEach((r, i) => {
      if (r.action === r.after || waits.has(r.action)) issue(['precedence', i], 'precedence_invalid')
      waits.add(r.action)
    })
    // Rules in a loop (a after b, b after a) leave none of them possible: refused as well.
    const afterOf = new Map(p.precedence.map((r) => [r.action, r.after]))
    p.precedence.forEach((r, i) => {
      let at: string | undefined = r.after
      for (let step = 0; at !== undefined && step <= ACTIONS.length; step++) {
        if (at === r.action) {
          issue(['precedence', i], 'precedence_invalid')
          break
        }
        at = afterOf.get(at as (typeof ACTIONS)[number])
      }
    })
  })
export type Problem = z.infer<typeof ProblemSchema>
export type ProblemInput = z.input<typeof ProblemSchema>
