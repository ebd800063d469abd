import { existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { type DB, openDatabase } from '../db/connection'
import { mapSqliteError } from '../db/errors'
import type { WriteContext } from '../db/repositories/context'
import { createWorkspaceFile, ensureWorkspace } from '../db/seed'
import { buildDemoPlan } from '../engine/demo-plan'
import type { AppInfo, Handlers } from './contract/contract'
import { createHandlers } from './handlers'

export { resolveDataFile, WORKSPACE_FILE_NAME } from './paths'

export type OpenWorkspaceOptions = {
  dataFile: string
  mode: AppInfo['mode']
  version: string
  nativeBinding?: string
  actor?: string
  now?: () => Date
  /**
   * false for a second connection to a workspace that already exists (the back-end host's job
   * worker): it never creates or seeds the file.
   */
  create?: boolean
}

export type OpenedWorkspace = {
  readonly db: DB
  handlers: Handlers
  /** where the pre-migration copy went, when opening migrated the file */
  backupPath: string | null
  close: () => void
  /** Closes the connection so that another one may replace the file (a restore). */
  suspend: () => void
  /** Opens the file again after suspend(). */
  resume: () => void
}

function isMissingOrEmpty(file: string): boolean {
  return !existsSync(file) || statSync(file).size === 0
}

/**
 * Opens the workspace file and builds the contract's handlers over it. On first start the file
 * is created with the demo (示例数据), all or nothing, so a full disk leaves no empty workspace.
 */
export function openWorkspace(options: OpenWorkspaceOptions): OpenedWorkspace {
  const file = options.dataFile
  const openOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
  const ctx: WriteContext = { actor: options.actor ?? 'local-user', now: options.now ?? (() => new Date()) }
  const create = options.create !== false
  if (create) {
    try {
      mkdirSync(dirname(file), { recursive: true })
    } catch (error) {
      throw mapSqliteError(error)
    }
    if (isMissingOrEmpty(file)) createWorkspaceFile(file, ctx, buildDemoPlan, openOptions)
  }
  const opened = openDatabase(file, openOptions)
  const holder = { db: opened.db }
  // A file from a start that stopped between creating the schema and writing the demo.
  if (create) ensureWorkspace(opened.db, ctx, buildDemoPlan)
  const handlers = createHandlers({
    holder,
    reopen: () => openDatabase(file, openOptions).db,
    ctx,
    dataFile: file,
    version: options.version,
    mode: options.mode,
  })
  return {
    get db(): DB {
      return holder.db
    },
    handlers,
    backupPath: opened.backupPath,
    close: () => holder.db.close(),
    suspend: () => holder.db.close(),
    resume: () => {
      holder.db = openDatabase(file, openOptions).db
    },
  }
}
