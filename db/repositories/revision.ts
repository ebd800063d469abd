import { AppError } from '../../engine/errors'

/**
 * Refuses a save from a form loaded at another revision than the record has now: someone (another
 * window, another laptop on the same file) saved it in between. `expected` undefined means the
 * caller edits without a form (an import, the command line) and takes the record as it is.
 */
export function checkRevision(
  entity: 'field' | 'variety' | 'assumption' | 'workspace' | 'loan' | 'charter',
  id: number | string,
  current: number | null,
  expected: number | null | undefined,
): void {
  if (expected === undefined || expected === current) return
  throw new AppError('STALE', `The ${entity} was changed elsewhere since it was loaded`, {
    entity,
    id,
    expectedRevision: expected,
    currentRevision: current,
  })
}
