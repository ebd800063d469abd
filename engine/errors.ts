/**
 * Errors are values with codes. The set of codes is closed: the renderer maps each one to a
 * translated message, and no raw exception text ever reaches a user.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNKNOWN_CHANNEL',
  'DB_NEWER_VERSION',
  'DB_FOREIGN_FILE',
  'DB_CORRUPT',
  'DB_MIGRATION_FAILED',
  'DISK_FULL',
  'BACKEND_UNAVAILABLE',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** One problem with one input value: `path` names the field, `rule` the broken rule. */
export type Issue = {
  path: (string | number)[]
  rule: string
  params?: Record<string, string | number>
}

export type ErrorDetails = { issues?: Issue[]; [key: string]: unknown }

export class AppError extends Error {
  readonly code: ErrorCode
  readonly details: ErrorDetails

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError
}
