import { z } from 'zod'
import { assumptionIssues } from './bounds'

export function checkSetting(
  a: { key: string; value: number; low: number; high: number },
  ctx: z.RefinementCtx,
): void {
  for (const issue of assumptionIssues(a)) {
    // The key travels with the issue, so a refused plan file can say which assumption it was.
    ctx.addIssue({
      code: 'custom',
      path: issue.path,
      params: { rule: issue.rule, ...issue.params, key: a.key },
    })
  }
}

export const overrideShape = {
  key: z.string().min(1).max(80),
  value: z.number(),
  low: z.number(),
  high: z.number(),
  note: z.string().max(500),
}

/** What a user sends to change an assumption: value, range and the reason; within the hard bounds. */
export const AssumptionChangeSchema = z.object(overrideShape).strict().superRefine(checkSetting)

/** A workspace's override as plan files carry it. */
export const AssumptionOverrideSchema = z
  .object({ ...overrideShape, changedAt: z.string().max(40) })
  .strict()
  .superRefine(checkSetting)
