import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { type DB, openDatabase } from '../db/connection'
import type { WriteContext } from '../db/repositories/context'
import { ensureWorkspace } from '../db/seed'
import { buildDemoPlan } from '../engine/demo-plan'
import type { AppInfo } from './contract/contract'
import { createHandlers } from './handlers'

export const WORKSPACE_FILE_NAME = 'workspace.fengshou.sqlite'

/** DB_PATH (a file) wins over the data folder; tests point either at a temp folder. */
export function resolveDataFile(dataDir: string, env: Record<string, string | undefined>): string {
  return env.DB_PATH && env.DB_PATH.length > 0 ? env.DB_PATH : join(dataDir, WORKSPACE_FILE_NAME)
}

export type OpenWorkspaceOptions = {
  dataFile: string
  mode: AppInfo['mode']
  version: string
  nativeBinding?: string
  actor?: string
  now?: () => Date
}

/** Opens (creating with the demo on first start) the workspace and builds the contract's handlers. */
export function openWorkspace(options: OpenWorkspaceOptions) {
  mkdirSync(dirname(options.dataFile), { recursive: true })
  const openOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
  const opened = openDatabase(options.dataFile, openOptions)
  const holder = { db: opened.db }
  const ctx: WriteContext = { actor: options.actor ?? 'local-user', now: options.now ?? (() => new Date()) }
  ensureWorkspace(opened.db, ctx, buildDemoPlan)
  const handlers = createHandlers({
    holder,
    reopen: () => openDatabase(options.dataFile, openOptions).db,
    ctx,
    dataFile: options.dataFile,
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
  }
}
