import type { DB } from '../connection'
import { recordAudit } from './audit'
import type { WriteContext } from './context'

/** The stored roll-out problem, unparsed (the caller validates it), and when it was saved. */
export function getOptimiserProblem(db: DB): { problem: unknown; savedAt: string } | null {
  const r = db.prepare('SELECT problem_json, saved_at FROM optimiser_problem WHERE id = 1').get() as
    | { problem_json: string; saved_at: string }
    | undefined
  return r ? { problem: JSON.parse(r.problem_json) as unknown, savedAt: r.saved_at } : null
}

/**
 * Stores the roll-out problem in place of the last one. A problem equal to the stored one changes
 * nothing (solving the same problem twice is not a change); a different one is audited.
 */
export function saveOptimiserProblem(db: DB, ctx: WriteContext, problem: object): { savedAt: string } {
  return db.transaction(() => {
    const current = getOptimiserProblem(db)
    const json = JSON.stringify(problem)
    if (current && JSON.stringify(current.problem) === json) return { savedAt: current.savedAt }
    const at = ctx.now().toISOString()
    db.prepare(
      `INSERT INTO optimiser_problem (id, problem_json, saved_at) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET problem_json = excluded.problem_json, saved_at = excluded.saved_at`,
    ).run(json, at)
    recordAudit(db, ctx, {
      action: 'settings',
      entity: 'optimiser',
      entityId: null,
      summary: 'optimiser problem',
      detail: { from: current?.problem ?? null, to: problem },
    })
    return { savedAt: at }
  })()
}
