import { expect } from 'vitest'
import { AppError } from '../../engine/errors'

/** The AppError a call throws; a call that does not refuse, or throws anything else, fails the test. */
export function refusal(fn: () => unknown): AppError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }
  throw new Error('expected the call to be refused')
}
