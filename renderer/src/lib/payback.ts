import type { TFunction } from 'i18next'
import type { Totals } from '../../../engine/model/types'

/** Payback as a user reads it: years, "not within the horizon", or "—" when nothing is invested. */
export function paybackText(t: TFunction, totals: Pick<Totals, 'investmentYuan' | 'paybackYears'>): string {
  if (totals.investmentYuan === 0) return t('scenarios.notApplicable')
  return totals.paybackYears === null
    ? t('scenarios.paybackNone')
    : t('scenarios.paybackYears', { years: totals.paybackYears })
}
