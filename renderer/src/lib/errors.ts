import type { TFunction } from 'i18next'
import type { ApiError } from '../../../app/contract/result'
import type { Issue } from '../../../engine/errors'
import { ApiCallError } from '../api'

/** The translated sentence for an error code: what happened and what to do. */
export function errorMessage(t: TFunction, error: unknown): string {
  const code = error instanceof ApiCallError ? error.error.code : 'INTERNAL'
  return t(`errors.code.${code}`)
}

export function apiErrorOf(error: unknown): ApiError | null {
  return error instanceof ApiCallError ? error.error : null
}

/** The translated message for one validation issue; `convertLimit` shows limits in the plan's units. */
export function issueMessage(t: TFunction, issue: Issue, convertLimit?: (limit: number) => string): string {
  const params: Record<string, string | number> = { ...(issue.params ?? {}) }
  if (typeof params.limit === 'number' && convertLimit) params.limit = convertLimit(params.limit)
  // Every rule has a sentence in both catalogues (test/unit/catalogues.test.ts walks RULES).
  return t(`errors.rule.${issue.rule}`, params)
}
