import { renameSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Plan } from '../engine/schemas/plan'
import { type DB, type OpenOptions, openDatabase } from './connection'
import { mapSqliteError } from './errors'
import { fsyncDir, fsyncFile, removeDatabaseFiles } from './files'
import { writePlan } from './plan-store'
import type { WriteContext } from './repositories/context'
import { getWorkspace } from './repositories/workspace'

/** A new, empty file gets the demo plan (示例数据) so the first start shows a working planner. */
export function ensureWorkspace(db: DB, ctx: WriteContext, demo: () => Plan): void {
  if (getWorkspace(db)) return
  const plan = demo()
  // The audit log says how the workspace began: as the demo, or as the co-op's own.
  writePlan(db, ctx, plan, plan.workspace.isDemo ? 'demo' : 'workspace')
}

/**
 * Creates a workspace file holding the demo plan, all or nothing. It is built under a temporary
 * name beside the target, closed (which folds the WAL into the file), flushed and renamed into
 * place. A full disk or any other failure leaves nothing behind: never a 0-byte or half-written
 * workspace that the next start would open.
 */
export function createWorkspaceFile(
  file: string,
  ctx: WriteContext,
  demo: () => Plan,
  options: OpenOptions = {},
  /** more to write into the new file (a plan file's versions), before it is put in place */
  fill?: (db: DB) => void,
): void {
  const temp = `${file}.creating`
  removeDatabaseFiles(temp)
  try {
    const { db } = openDatabase(temp, options)
    try {
      ensureWorkspace(db, ctx, demo)
      if (fill) db.transaction(() => fill(db))()
    } finally {
      db.close()
    }
    fsyncFile(temp)
    renameSync(temp, file)
    fsyncDir(dirname(file))
  } catch (error) {
    removeDatabaseFiles(temp)
    throw mapSqliteError(error)
  }
}
