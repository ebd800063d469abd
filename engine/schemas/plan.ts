import { z } from 'zod'
import { migrateOverrides } from '../assumptions/retired'
import { AssumptionChangeSchema, AssumptionOverrideSchema } from '../assumptions/schema'
import type { Rule } from '../errors'
import { changeIssues, fieldIssues } from '../rules/edit-rules'
import { checkFieldConsistency, fieldShape, WATER_REGIMES } from './field'
import { LOAN_LIMITS, PlanLoanSchema } from './loan'
import { VarietyInputSchema } from './variety'
import { REGIONS } from './workspace'

export { AssumptionChangeSchema, AssumptionOverrideSchema }

const Id = z.number().int().positive()

/** What a scenario changes on one field; null means "as today". */
export const ScenarioChangeSchema = z
  .object({
    fieldId: Id,
    buildHsf: z.boolean().nullable(),
    varietyId: Id.nullable(),
    densityPlantsPerHa: z.number().min(1_000).max(1_500_000).nullable(),
    waterRegime: z.enum(WATER_REGIMES).nullable(),
  })
  .strict()
export type ScenarioChange = z.infer<typeof ScenarioChangeSchema>

export const ScenarioSchema = z
  .object({
    id: Id,
    name: z.string().trim().min(1).max(60),
    seasonYear: z.number().int().min(2000).max(2100),
    isBaseline: z.boolean(),
    note: z.string().max(500),
    changes: z.array(ScenarioChangeSchema).max(100_000),
  })
  .strict()
export type Scenario = z.infer<typeof ScenarioSchema>

export const PlanFieldSchema = z
  .object({ ...fieldShape, id: Id })
  .strict()
  .superRefine(checkFieldConsistency)
export type PlanField = z.infer<typeof PlanFieldSchema>

export const PlanVarietySchema = VarietyInputSchema.extend({ id: Id })
export type PlanVariety = z.infer<typeof PlanVarietySchema>

export const PlanWorkspaceSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    // Plan files written before the co-op's details existed read as an unnamed county, central Jilin.
    county: z.string().trim().max(60).default(''),
    region: z.enum(REGIONS).default('central'),
    isDemo: z.boolean(),
    locale: z.enum(['zh-CN', 'en']),
    areaUnit: z.enum(['mu', 'ha']),
    massUnit: z.enum(['jin', 'kg', 't']),
  })
  .strict()

function duplicates<T>(items: T[], key: (item: T) => unknown): number[] {
  const seen = new Set<unknown>()
  const dup: number[] = []
  items.forEach((item, index) => {
    const k = key(item)
    if (seen.has(k)) dup.push(index)
    seen.add(k)
  })
  return dup
}

/**
 * A whole plan as the engine evaluates it and as plan files carry it: the workspace, its
 * varieties, groups and fields, the scenarios, and the workspace's assumption overrides. Every
 * reference is checked, so the engine never meets a dangling id.
 */
export const PlanSchema = z
  .object({
    workspace: PlanWorkspaceSchema,
    varieties: z.array(PlanVarietySchema).max(5_000),
    groups: z
      .array(z.object({ id: Id, name: z.string().min(1).max(60), color: z.string().max(20) }).strict())
      .max(1_000),
    fields: z.array(PlanFieldSchema).max(50_000),
    scenarios: z.array(ScenarioSchema).max(200),
    // An override of a key an earlier version had becomes the current keys' (see retired.ts).
    assumptions: z.preprocess(
      (x) => (Array.isArray(x) ? migrateOverrides(x) : x),
      z.array(AssumptionOverrideSchema).max(1_000),
    ),
    // Plan files written before loans existed carry none.
    loans: z
      .array(PlanLoanSchema)
      .max(200 * LOAN_LIMITS.perScenarioMax)
      .default([]),
  })
  .strict()
  .superRefine((plan, ctx) => {
    const varieties = new Map(plan.varieties.map((v) => [v.id, v]))
    const groups = new Set(plan.groups.map((g) => g.id))
    const fields = new Map(plan.fields.map((f) => [f.id, f]))
    const issue = (path: (string | number)[], rule: Rule) =>
      ctx.addIssue({ code: 'custom', path, params: { rule } })
    for (const i of duplicates(plan.fields, (f) => f.id)) issue(['fields', i, 'id'], 'duplicate_id')
    for (const i of duplicates(plan.fields, (f) => f.name)) issue(['fields', i, 'name'], 'duplicate_name')
    for (const i of duplicates(plan.varieties, (v) => v.id)) issue(['varieties', i, 'id'], 'duplicate_id')
    for (const i of duplicates(plan.scenarios, (s) => s.id)) issue(['scenarios', i, 'id'], 'duplicate_id')
    for (const i of duplicates(plan.scenarios, (s) => s.name))
      issue(['scenarios', i, 'name'], 'duplicate_name')
    const cropOfVariety = (id: number) => varieties.get(id)?.crop
    plan.fields.forEach((f, i) => {
      // The field's own rules ran in PlanFieldSchema; here only what needs the catalogue.
      for (const found of fieldIssues({ crop: f.crop, varietyId: f.varietyId }, cropOfVariety))
        issue(['fields', i, ...found.path], found.rule)
      if (f.groupId !== null && !groups.has(f.groupId)) issue(['fields', i, 'groupId'], 'unknown_reference')
    })
    const scenarios = new Map(plan.scenarios.map((s) => [s.id, s]))
    for (const i of duplicates(plan.loans, (l) => l.id)) issue(['loans', i, 'id'], 'duplicate_id')
    const perScenario = new Map<number, number>()
    plan.loans.forEach((l, i) => {
      const s = scenarios.get(l.scenarioId)
      if (!s) issue(['loans', i, 'scenarioId'], 'unknown_reference')
      else if (s.isBaseline) issue(['loans', i, 'scenarioId'], 'baseline_fixed')
      const n = (perScenario.get(l.scenarioId) ?? 0) + 1
      perScenario.set(l.scenarioId, n)
      if (n > LOAN_LIMITS.perScenarioMax) issue(['loans', i], 'max_array')
    })
    plan.scenarios.forEach((s, i) => {
      for (const j of duplicates(s.changes, (c) => c.fieldId))
        issue(['scenarios', i, 'changes', j, 'fieldId'], 'duplicate_id')
      s.changes.forEach((c, j) => {
        const field = fields.get(c.fieldId)
        if (!field) {
          issue(['scenarios', i, 'changes', j, 'fieldId'], 'unknown_reference')
          return
        }
        for (const found of changeIssues(field, c, cropOfVariety))
          issue(['scenarios', i, 'changes', j, ...found.path], found.rule)
      })
    })
  })
export type Plan = z.infer<typeof PlanSchema>
