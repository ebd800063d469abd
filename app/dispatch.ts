import { AppError } from '../engine/errors'
import { toIssues } from '../engine/validation'
import { type Channel, isChannel, isHostChannel, type WorkspaceChannel } from './contract/channels'
import { contract, type Handlers } from './contract/contract'
import type { ApiError, Result } from './contract/result'

/** Any failure as an ApiError: our own errors keep their code; anything else is INTERNAL. */
export function toApiError(error: unknown, onInternal?: (error: unknown) => void): ApiError {
  if (error instanceof AppError) return { code: error.code, message: error.message, details: error.details }
  onInternal?.(error)
  return { code: 'INTERNAL', message: 'Unexpected error', details: {} }
}

/** Checks the channel and validates the input against the contract, running nothing. */
export function validateCall(
  channel: unknown,
  rawInput: unknown,
): Result<{ channel: Channel; input: unknown }> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown channel', details: {} } }
  }
  const parsed = contract[channel].input.safeParse(rawInput ?? {})
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
  return { ok: true, value: { channel, input: parsed.data } }
}

/**
 * The one entry point of every transport: checks the channel, validates the input against the
 * contract, runs the handler, and turns every outcome into a Result.
 */
export function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawInput: unknown,
  onInternal?: (error: unknown) => void,
): Result<unknown> {
  const checked = validateCall(channel, rawInput)
  if (!checked.ok) return checked
  // Choosing the workspace is the host's own business (app/workspaces), never a workspace's.
  if (isHostChannel(checked.value.channel)) {
    return {
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: 'Answered by the host only', details: {} },
    }
  }
  try {
    const handler = handlers[checked.value.channel as WorkspaceChannel] as (input: unknown) => unknown
    return { ok: true, value: handler(checked.value.input) }
  } catch (error) {
    return { ok: false, error: toApiError(error, onInternal) }
  }
}

export type { Channel }
