import { need, type Values } from '../../assumptions/resolve'
import type { LoanInput } from '../../schemas/loan'

/**
 * What the loan form offers when a loan is added: the borrowed share (finance.loanShare) of the
 * co-op's own part of the scenario's investment, at finance.loanRate over finance.loanTermYears, in
 * equal instalments, with finance.interestSubsidyShare of the interest paid by government. The
 * user changes any of it before saving; with nothing to invest the amount is left for them.
 */
export function suggestedLoan(
  values: Values,
  coopInvestmentYuan: number,
): Omit<LoanInput, 'amountYuan'> & {
  amountYuan: number | null
} {
  const amount = Math.round(coopInvestmentYuan * need(values, 'finance.loanShare'))
  return {
    name: '',
    amountYuan: amount > 0 ? amount : null,
    annualRate: need(values, 'finance.loanRate'),
    termYears: need(values, 'finance.loanTermYears'),
    repayment: 'annuity',
    interestSubsidyShare: need(values, 'finance.interestSubsidyShare'),
  }
}
