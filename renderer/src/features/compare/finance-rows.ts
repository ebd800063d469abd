import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import type { ScenarioResult } from '../../../../engine/model/types'
import type { Format } from '../../lib/format'

type Row = { key: string; label: ReactNode; cells: ReactNode[] }

/**
 * Compare's financing rows: each scenario's loans and what they cost, and NPV and IRR with them
 * (the NPV row above is without them). Money in yuan, as the other rows; current practice has none.
 */
export function financeRows(t: TFunction, format: Format, chosen: readonly ScenarioResult[]): Row[] {
  const yuan = (v: number) => format.money(v)
  const na = t('scenarios.notApplicable')
  const pct = (r: number | null) => (r === null ? t('finance.irrNone') : `${format.number(r * 100, 1)} %`)
  const row = (key: string, pick: (s: ScenarioResult) => string): Row => ({
    key,
    label: t(`compare.row.${key}`),
    cells: chosen.map((s) => (s.isBaseline ? na : pick(s))),
  })
  return [
    row('npvFinanced', (s) => yuan(s.finance.npvFinancedYuan)),
    row('irr', (s) => pct(s.finance.irr)),
    row('irrFinanced', (s) => pct(s.finance.irrFinanced)),
    row('loan', (s) => yuan(s.finance.financing.loanYuan)),
    row('annualPayment', (s) => yuan(s.finance.financing.annualPaymentYuan)),
    row('totalInterest', (s) => yuan(s.finance.financing.totalInterestYuan)),
    row(
      'lowestBalance',
      (s) =>
        `${yuan(s.finance.lowestBalanceYuan)}（${t('finance.yearN', { n: s.finance.lowestBalanceYear })}）`,
    ),
  ]
}
