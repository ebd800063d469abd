import type { DB } from '../../db/connection'
import type { WriteContext } from '../../db/repositories/context'
import { getOptimiserProblem, saveOptimiserProblem } from '../../db/repositories/optimiser'
import { type Problem, ProblemSchema } from '../../engine/optimiser/problem'
import type { SavedProblem } from '../contract/contract'

/**
 * The roll-out problem the co-op stated last, for the optimiser's form. A stored problem this
 * version cannot read (written by a later one) is not shown as if it were: the form starts afresh
 * and says so (`unreadable`).
 */
export function readOptimiserProblem(db: DB): { saved: SavedProblem | null; unreadable: boolean } {
  const stored = getOptimiserProblem(db)
  if (!stored) return { saved: null, unreadable: false }
  const parsed = ProblemSchema.safeParse(stored.problem)
  return parsed.success
    ? { saved: { problem: parsed.data, savedAt: stored.savedAt }, unreadable: false }
    : { saved: null, unreadable: true }
}

/** Keeps the problem (validated by the contract) for the next time the optimiser opens. */
export function writeOptimiserProblem(db: DB, ctx: WriteContext, problem: Problem): { savedAt: string } {
  return saveOptimiserProblem(db, ctx, problem)
}
