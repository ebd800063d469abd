import type { TFunction } from 'i18next'
import type { ApiError } from '../../../../app/contract/result'
import { issueMessage } from '../../lib/errors'

/**
 * Why the back end refused, in the user's language: each rule it names (版本已锁定, 出席不足…) with
 * its own sentence, else the error code's. Never the raw message.
 */
export function refusal(t: TFunction, error: ApiError): string {
  const issues = error.details.issues ?? []
  if (issues.length === 0) return t(`errors.code.${error.code}`)
  return [...new Set(issues.map((i) => issueMessage(t, i)))].join(t('board.sentenceSeparator'))
}
