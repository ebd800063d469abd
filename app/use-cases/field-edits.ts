import type { DB } from '../../db/connection'
import type { WriteContext } from '../../db/repositories/context'
import { bulkUpdateFields, createField, type FieldPatch, updateField } from '../../db/repositories/fields'
import { cropOfVarietyLookup } from '../../db/repositories/varieties'
import { futureYearIssues } from '../../engine/csv/season'
import { AppError } from '../../engine/errors'
import { fieldIssues } from '../../engine/rules/edit-rules'
import { type Field, type FieldInput, FieldInputSchema } from '../../engine/schemas/field'
import { toIssues } from '../../engine/validation'

/**
 * Adding and editing fields: the schema checks a field on its own; here the same edit rules
 * (engine/rules) also check it against the workspace's catalogue (a variety of another crop is
 * refused) and against the calendar (no yield for a season that has not happened), whether one
 * field is saved, or many in a bulk edit.
 */
function refuseIfBroken(db: DB, ctx: WriteContext, input: FieldInput): void {
  const issues = [
    ...fieldIssues(input, cropOfVarietyLookup(db)),
    ...futureYearIssues(input.history, ctx.now().getFullYear()),
  ]
  if (issues.length > 0) throw new AppError('VALIDATION', 'The field breaks an edit rule', { issues })
}

export function createCheckedField(db: DB, ctx: WriteContext, input: FieldInput): Field {
  refuseIfBroken(db, ctx, input)
  return createField(db, ctx, input)
}

export function updateCheckedField(
  db: DB,
  ctx: WriteContext,
  id: number,
  input: FieldInput,
  revision?: number,
): Field {
  refuseIfBroken(db, ctx, input)
  return updateField(db, ctx, id, input, revision)
}

/** One patch on many fields, each patched field checked exactly as a single edit; all or nothing. */
export function bulkUpdateCheckedFields(db: DB, ctx: WriteContext, ids: number[], patch: FieldPatch): number {
  const cropOfVariety = cropOfVarietyLookup(db)
  const currentYear = ctx.now().getFullYear()
  return bulkUpdateFields(db, ctx, ids, patch, (input) => {
    const parsed = FieldInputSchema.safeParse(input)
    if (!parsed.success) return { ok: false, issues: toIssues(parsed.error, input) }
    const issues = [
      ...fieldIssues(parsed.data, cropOfVariety),
      ...futureYearIssues(parsed.data.history, currentYear),
    ]
    return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data }
  })
}
