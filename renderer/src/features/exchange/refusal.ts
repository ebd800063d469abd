import type { TFunction } from 'i18next'
import type { ApiError } from '../../../../app/contract/result'
import { issueMessage } from '../../lib/errors'

/**
 * A refused plan file in one sentence: the rule's own (checksum, newer version, too large, not a
 * plan file, a dangling reference…), with where in the file when the rule names a place.
 */
export function refusalMessage(t: TFunction, error: ApiError): string {
  const issue = error.details.issues?.[0]
  if (!issue) return t(`errors.code.${error.code}`)
  const sentence = issueMessage(t, issue)
  const where = issue.path.filter((p) => typeof p === 'string' || typeof p === 'number').join('.')
  return where && !where.startsWith('choices') ? t('exchange.refusedAt', { sentence, where }) : sentence
}
