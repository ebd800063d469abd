import { AppError } from '../engine/errors'
import { toIssues } from '../engine/validation'
import { type Channel, isChannel } from './contract/channels'
import { contract, type Handlers } from './contract/contract'
import type { ApiError, Result } from './contract/result'

function toApiError(error: unknown, onInternal?: (error: unknown) => void): ApiError {
  if (error instanceof AppError) return { code: error.code, message: error.message, details: error.details }
  onInternal?.(error)
  return { code: 'INTERNAL', message: 'Unexpected error', details: {} }
}

/**
 * The one entry point of both transports: checks the channel, validates the input against the
 * contract, runs the handler, and turns every outcome into a Result.
 */
export function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawInput: unknown,
  onInternal?: (error: unknown) => void,
): Result<unknown> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown channel', details: {} } }
  }
  const schema = contract[channel].input
  const parsed = schema.safeParse(rawInput ?? {})
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Input failed validation',
        details: { issues: toIssues(parsed.error, rawInput) },
      },
    }
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown
    return { ok: true, value: handler(parsed.data) }
  } catch (error) {
    return { ok: false, error: toApiError(error, onInternal) }
  }
}

export type { Channel }
