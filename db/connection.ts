import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '../engine/errors'
import { mapSqliteError } from './errors'
import { fsyncDir, fsyncFile } from './files'
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations'

export type DB = Database.Database

/** 'FSHP' — marks a file as a Fengshou Planner workspace (PRAGMA application_id). */
export const APPLICATION_ID = 0x46534850

const SQLITE_MAGIC = 'SQLite format 3\u0000'

export type OpenOptions = {
  /** Path of a better_sqlite3.node built for the running runtime (Electron uses its own ABI). */
  nativeBinding?: string
  migrations?: readonly Migration[]
  now?: () => Date
}

export type OpenedDatabase = {
  db: DB
  /** The schema version the file had before opening (0 for a new file). */
  previousVersion: number
  /** Where the pre-migration copy was written, when a migration ran on existing data. */
  backupPath: string | null
}

type Header = { applicationId: number; userVersion: number }

/**
 * Reads the 100-byte SQLite header without opening the database, so that a foreign or newer
 * file is refused before SQLite could touch a byte of it.
 */
function readHeader(file: string): Header | null {
  if (!existsSync(file) || statSync(file).size === 0) return null
  const buffer = Buffer.alloc(100)
  const fd = openSync(file, 'r')
  let bytesRead = 0
  try {
    bytesRead = readSync(fd, buffer, 0, 100, 0)
  } finally {
    closeSync(fd)
  }
  if (bytesRead < 100 || buffer.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new AppError('DB_CORRUPT', 'The file is not a Fengshou Planner workspace', { file })
  }
  return { userVersion: buffer.readInt32BE(60), applicationId: buffer.readInt32BE(68) }
}

function checkHeader(header: Header, latest: number, file: string): void {
  if (header.applicationId !== 0 && header.applicationId !== APPLICATION_ID) {
    throw new AppError('DB_FOREIGN_FILE', 'The file belongs to another program', { file })
  }
  if (header.userVersion > latest) {
    throw new AppError('DB_NEWER_VERSION', 'The workspace was saved by a newer version of Fengshou Planner', {
      file,
      fileVersion: header.userVersion,
      supportedVersion: latest,
    })
  }
}

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
}

/**
 * Copies the database beside itself before a migration. The copy is written to a temporary
 * name, fsynced, then renamed, so a crash never leaves a half backup with the final name.
 */
function backupBeforeMigration(db: DB, file: string, fromVersion: number, now: Date): string {
  db.pragma('wal_checkpoint(TRUNCATE)')
  const target = `${file}.v${fromVersion}-${stamp(now)}.bak`
  const temp = `${target}.tmp`
  try {
    writeFileSync(temp, readFileSync(file))
    fsyncFile(temp)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
  renameSync(temp, target)
  fsyncDir(dirname(file))
  return target
}

function runMigrations(db: DB, pending: readonly Migration[], latest: number): void {
  db.transaction(() => {
    for (const migration of pending) db.exec(migration.sql)
    const broken = db.pragma('foreign_key_check') as unknown[]
    if (broken.length > 0) throw new Error(`foreign_key_check found ${broken.length} rows`)
    db.pragma(`application_id = ${APPLICATION_ID}`)
    db.pragma(`user_version = ${latest}`)
  })()
}

/**
 * Opens (or creates) a workspace file: refuses foreign, damaged and newer files untouched,
 * backs up and migrates older ones in one transaction, then switches to WAL.
 */
export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? MIGRATIONS
  const latest = migrations.length
  const now = options.now ?? (() => new Date())

  const header = readHeader(file)
  if (header) checkHeader(header, latest, file)

  let db: DB
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  } catch (error) {
    throw mapSqliteError(error)
  }

  try {
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok')
      throw new AppError('DB_CORRUPT', 'The workspace file failed its integrity check', { file })
    // The header may lag behind a WAL file; ask SQLite itself before writing anything.
    const version = Number(db.pragma('user_version', { simple: true }))
    checkHeader(
      { userVersion: version, applicationId: Number(db.pragma('application_id', { simple: true })) },
      latest,
      file,
    )

    db.pragma('foreign_keys = ON')
    // synchronous=FULL: a saved plan must survive a power cut (better-sqlite3 defaults WAL to NORMAL).
    db.pragma('synchronous = FULL')
    db.pragma('busy_timeout = 5000')

    let backupPath: string | null = null
    if (version < latest) {
      if (version > 0) backupPath = backupBeforeMigration(db, file, version, now())
      try {
        runMigrations(db, migrations.slice(version), latest)
      } catch (error) {
        // A full disk is said as such: the file is as it was, and freeing space is the fix.
        if (mapSqliteError(error).code === 'DISK_FULL') throw mapSqliteError(error)
        throw new AppError('DB_MIGRATION_FAILED', 'Updating the workspace to the new version failed', {
          file,
          fromVersion: version,
          backupPath,
          cause: error instanceof Error ? error.message : String(error),
        })
      }
    }
    // WAL only after migrating: a failed migration must leave the file exactly as it was.
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    return { db, previousVersion: version, backupPath }
  } catch (error) {
    db.close()
    throw mapSqliteError(error)
  }
}

export { LATEST_SCHEMA_VERSION }
