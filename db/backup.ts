import {
  accessSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
} from 'node:fs'
import { basename, dirname, isAbsolute, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { AppError, type Rule } from '../engine/errors'
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

/** Refuses to copy a workspace that fails its own checks: a backup must be worth restoring. */
function checkBeforeCopy(db: DB): void {
  if (
    db.pragma('integrity_check', { simple: true }) !== 'ok' ||
    (db.pragma('foreign_key_check') as unknown[]).length > 0
  ) {
    throw new AppError('DB_CORRUPT', 'The workspace failed its integrity check; no backup was written')
  }
}

/** Removes a half-written copy; a failure here (a stick pulled out) must not hide the first one. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true })
  } catch {
    // nothing more can be done about a file that cannot be reached
  }
}

/**
 * Writes a consistent copy of the live workspace into `dir` as `<prefix>-<stamp>.fengshou.sqlite`.
 * VACUUM INTO does not fsync its output, so the copy is written under a temporary name, fsynced,
 * checked with quick_check, then renamed into place: the folder only ever holds whole, checked
 * copies. The temporary file is created first (exclusively), so a folder nobody may write to is
 * named as such before SQLite is asked anything.
 */
function writeCheckedCopy(db: DB, dir: string, prefix: string, now: Date): BackupInfo {
  checkBeforeCopy(db)
  let temp: string | null = null
  try {
    let name = `${prefix}-${stamp(now)}.fengshou.sqlite`
    for (let n = 2; existsSync(join(dir, name)); n++) name = `${prefix}-${stamp(now)}-${n}.fengshou.sqlite`
    const target = join(dir, name)
    // Our own temporary name: one left by a copy that was cut off may go.
    rmSync(`${target}.tmp`, { force: true })
    closeSync(openSync(`${target}.tmp`, 'wx'))
    temp = `${target}.tmp`
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
    if (temp !== null) removeQuietly(temp)
    throw isReadOnly(error) ? folderIssue('folder_read_only', dir) : mapSqliteError(error)
  }
}

/** A consistent, checked copy of the live workspace in backups/ beside it. */
export function backupWorkspace(db: DB, dataFile: string, now: Date): BackupInfo {
  const dir = backupDir(dataFile)
  try {
    mkdirSync(dir, { recursive: true })
  } catch (error) {
    throw mapSqliteError(error)
  }
  return writeCheckedCopy(db, dir, 'workspace', now)
}

/** A copy written outside the workspace's folder (a USB stick): where it went, too. */
export type FolderBackupInfo = BackupInfo & { folder: string }

function isReadOnly(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
}

function folderIssue(rule: Rule, folder: string): AppError {
  return new AppError('VALIDATION', 'The folder cannot take a backup', {
    issues: [{ path: ['folder'], rule, params: { folder } }],
  })
}

/**
 * The folder a user typed, pasted or chose, checked before anything is written: a full path (as
 * Explorer's "copy as path" gives it, quotes and all), of a folder that exists and may be written
 * to. Anything else is refused with the rule it breaks, and nothing is created.
 */
export function checkBackupFolder(typed: string): string {
  const folder = typed
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim()
  if (folder === '' || !isAbsolute(folder)) throw folderIssue('folder_not_absolute', folder)
  let stats: Stats
  try {
    stats = statSync(folder)
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code
    if (code === 'ENOENT' || code === 'ENOTDIR') throw folderIssue('folder_not_found', folder)
    if (isReadOnly(error)) throw folderIssue('folder_read_only', folder)
    throw mapSqliteError(error)
  }
  if (!stats.isDirectory()) throw folderIssue('not_a_folder', folder)
  try {
    accessSync(folder, constants.W_OK)
  } catch {
    throw folderIssue('folder_read_only', folder)
  }
  return resolve(folder)
}

/** A file name from the co-op's name that every file system takes (Windows is the strictest). */
function filePrefix(workspaceName: string): string {
  const cleaned = workspaceName
    .normalize('NFKC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 60)
  return cleaned === '' ? 'workspace' : cleaned
}

/**
 * The same checked copy as backupWorkspace, written into a folder the user chose (a USB stick, a
 * shared drive), named after the co-op so that one stick can hold the copies of several.
 */
export function backupWorkspaceTo(
  db: DB,
  typedFolder: string,
  workspaceName: string,
  now: Date,
): FolderBackupInfo {
  const folder = checkBackupFolder(typedFolder)
  return { ...writeCheckedCopy(db, folder, filePrefix(workspaceName), now), folder }
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
    .sort((a, b) => b.at.localeCompare(a.at) || copyNumber(b.file) - copyNumber(a.file))
}

/** Two copies in one second are -2, -3…: the later copy is listed first. */
function copyNumber(file: string): number {
  return Number(/-(\d+)\.fengshou\.sqlite$/.exec(file)?.[1] ?? 1)
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
