import { AppError } from '../engine/errors'

type SqliteError = Error & { code?: string }

function isSqliteError(error: unknown): error is SqliteError {
  return error instanceof Error && typeof (error as SqliteError).code === 'string'
}

/** A file system that has run out of room (Node's errno codes): nothing was saved. */
function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG'
}

/**
 * Maps a better-sqlite3 or file-system error to our closed set of codes. Constraint failures
 * that a user can cause are mapped by the repositories themselves, where the input is known.
 */
export function mapSqliteError(error: unknown): AppError {
  if (error instanceof AppError) return error
  if (isDiskFull(error)) return new AppError('DISK_FULL', 'The disk is full; nothing was saved')
  if (isSqliteError(error)) {
    const code = error.code ?? ''
    // SHMSIZE: the WAL index beside the file could not grow, which a full disk causes.
    if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE')
      return new AppError('DISK_FULL', 'The disk or database is full; nothing was saved')
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
      return new AppError('DB_CORRUPT', 'The workspace file is damaged or not a workspace')
    }
    return new AppError('INTERNAL', `Database error ${code}`)
  }
  return new AppError('INTERNAL', 'Unexpected error')
}

export function sqliteCode(error: unknown): string {
  return isSqliteError(error) ? (error.code ?? '') : ''
}
