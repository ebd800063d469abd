import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '../engine/errors'
import type { BackupInfo } from '../engine/schemas/workspace'
import { APPLICATION_ID, type DB } from './connection'
import { mapSqliteError } from './errors'
import { fsyncDir, fsyncFile } from './files'
import { LATEST_SCHEMA_VERSION } from './migrations'

const NAME = /^workspace-(\d{8}T\d{6}Z)(?:-\d+)?\.fengshou\.sqlite$/

/**
 * Each workspace keeps its backups in a folder of its own, so that the list and a restore can
 * never offer one co-op's copy to another. The single workspace file of earlier versions
 * (workspace.fengshou.sqlite) keeps the backups/ folder beside it, where its copies already are.
 */
export function backupDir(dataFile: string): string {
  const name = basename(dataFile)
  if (name === 'workspace.fengshou.sqlite') return join(dirname(dataFile), 'backups')
  return join(dirname(dataFile), 'backups', name.replace(/\.fengshou\.sqlite$|\.sqlite$/, ''))
}

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
}

/**
 * A consistent copy of the live workspace in backups/. VACUUM INTO does not fsync its output, so
 * the copy is written under a temporary name, fsynced, checked, then renamed into place.
 */
export function backupWorkspace(db: DB, dataFile: string, now: Date): BackupInfo {
  if (
    db.pragma('integrity_check', { simple: true }) !== 'ok' ||
    (db.pragma('foreign_key_check') as unknown[]).length > 0
  ) {
    throw new AppError('DB_CORRUPT', 'The workspace failed its integrity check; no backup was written')
  }
  const dir = backupDir(dataFile)
  let temp: string | null = null
  try {
    mkdirSync(dir, { recursive: true })
    let name = `workspace-${stamp(now)}.fengshou.sqlite`
    for (let n = 2; existsSync(join(dir, name)); n++) name = `workspace-${stamp(now)}-${n}.fengshou.sqlite`
    const target = join(dir, name)
    temp = `${target}.tmp`
    rmSync(temp, { force: true })
    db.prepare('VACUUM INTO ?').run(temp)
    fsyncFile(temp)
    const check = new Database(temp, { readonly: true })
    try {
      if (check.pragma('quick_check', { simple: true }) !== 'ok')
        throw new AppError('DB_CORRUPT', 'The backup copy failed its check')
    } finally {
      check.close()
    }
    renameSync(temp, target)
    temp = null
    fsyncDir(dir)
    return { file: name, at: now.toISOString(), sizeBytes: statSync(target).size }
  } catch (error) {
    // A full disk (or any failure) leaves no half copy behind: not even an empty .tmp file.
    if (temp !== null) rmSync(temp, { force: true })
    throw mapSqliteError(error)
  }
}

export function listBackups(dataFile: string): BackupInfo[] {
  const dir = backupDir(dataFile)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => NAME.test(f))
    .map((file) => {
      const m = NAME.exec(file)!
      const s = m[1]!
      const at = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`
      return { file, at, sizeBytes: statSync(join(dir, file)).size }
    })
    .sort((a, b) => b.file.localeCompare(a.file))
}

/** The path of a backup by its listed name; anything else (paths, other files) is refused. */
export function backupPath(dataFile: string, file: string): string {
  if (basename(file) !== file || !NAME.test(file)) {
    throw new AppError('VALIDATION', 'Not a backup of this workspace', {
      issues: [{ path: ['file'], rule: 'not_a_backup' }],
    })
  }
  const path = join(backupDir(dataFile), file)
  if (!existsSync(path)) throw new AppError('NOT_FOUND', 'The backup no longer exists', { file })
  let probe: DB
  try {
    probe = new Database(path, { readonly: true })
  } catch (error) {
    throw mapSqliteError(error)
  }
  try {
    const ok =
      probe.pragma('quick_check', { simple: true }) === 'ok' &&
      probe.pragma('application_id', { simple: true }) === APPLICATION_ID &&
      Number(probe.pragma('user_version', { simple: true })) <= LATEST_SCHEMA_VERSION
    if (!ok) throw new AppError('DB_CORRUPT', 'The backup is damaged or from a newer version')
  } catch (error) {
    throw mapSqliteError(error)
  } finally {
    probe.close()
  }
  return path
}

/**
 * Puts a backup in place of the (closed) workspace file: copy to a temporary name, fsync, rename.
 * The -wal and -shm files of the old workspace are removed so they cannot be replayed onto it.
 */
export function replaceWorkspaceFile(dataFile: string, source: string): void {
  const temp = `${dataFile}.restore.tmp`
  try {
    copyFileSync(source, temp)
    fsyncFile(temp)
  } catch (error) {
    rmSync(temp, { force: true })
    throw mapSqliteError(error)
  }
  rmSync(`${dataFile}-wal`, { force: true })
  rmSync(`${dataFile}-shm`, { force: true })
  renameSync(temp, dataFile)
  fsyncDir(dirname(dataFile))
}
