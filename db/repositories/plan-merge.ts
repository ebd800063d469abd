import type { MergeWrites } from '../../engine/exchange/merge'
import type { DB } from '../connection'
import { mapSqliteError } from '../errors'
import { insertOverrides } from './assumptions'
import { recordAudit } from './audit'
import type { WriteContext } from './context'
import { insertFieldRow, updateFieldRow } from './fields'
import { insertLoanRow } from './loans'
import { insertScenario } from './scenarios'
import { insertVarietyRow } from './varieties'

/**
 * Writes a merged plan file (engine/exchange/merge.ts) into the open workspace in one
 * transaction, logged as one entry that says what came in and from which co-op: all of it or
 * nothing.
 */
export function writeMerge(db: DB, ctx: WriteContext, writes: MergeWrites, from: string): void {
  try {
    db.transaction(() => {
      const at = ctx.now().toISOString()
      for (const { id, ...v } of writes.varieties) insertVarietyRow(db, v, id)
      for (const { id, ...f } of writes.newFields) insertFieldRow(db, f, at, id)
      for (const { id, ...f } of writes.updatedFields) updateFieldRow(db, id, f, at)
      for (const s of writes.replacedScenarios) {
        db.prepare('DELETE FROM loan WHERE scenario_id = ?').run(s.id)
        db.prepare('DELETE FROM scenario_change WHERE scenario_id = ?').run(s.id)
        db.prepare('DELETE FROM scenario WHERE id = ?').run(s.id)
        insertScenario(db, s, at)
      }
      for (const s of writes.newScenarios) insertScenario(db, s, at)
      for (const l of writes.loans) insertLoanRow(db, l, at)
      insertOverrides(db, writes.overrides)
      recordAudit(db, ctx, {
        action: 'import',
        entity: 'plan',
        entityId: null,
        summary: 'merge',
        detail: {
          merge: true,
          from,
          scenarios: [...writes.newScenarios, ...writes.replacedScenarios].map((s) => s.name),
          newFields: writes.newFields.length,
          updatedFields: writes.updatedFields.length,
          assumptions: writes.overrides.map((o) => o.key),
          loans: writes.loans.length,
        },
      })
    })()
  } catch (error) {
    throw mapSqliteError(error)
  }
}
