import type { ErrorCode, ErrorDetails } from '../../engine/errors'

export type ApiError = { code: ErrorCode; message: string; details: ErrorDetails }

/** What crosses the boundary: a value, or an error with a code. Never a raw exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }
