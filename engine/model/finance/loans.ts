import type { LoanInput } from '../../schemas/loan'

/** One year of a loan: drawn, principal repaid, interest due, and the government's part of it. */
export type LoanYear = {
  drawYuan: number
  principalYuan: number
  interestYuan: number
  interestSubsidyYuan: number
}

/**
 * The equal yearly instalment that repays P over n years at rate r: A = P·r / (1 − (1 + r)^−n),
 * P/n at a rate of zero. (1 + r)^−n is taken as exp(−n·log1p(r)) so a tiny rate stays exact.
 */
export function annuityInstalment(principal: number, rate: number, years: number): number {
  if (rate === 0) return principal / years
  return (principal * rate) / -Math.expm1(-years * Math.log1p(rate))
}

/**
 * A loan year by year, indexed by year 0…horizonYears: drawn in full at year 0, interest on the
 * balance owed at the start of each year, repaid by annuity or interest-only with the principal
 * in the last year. A term longer than the horizon is settled in full in the horizon's last year,
 * so no debt is left out of the cash flow.
 */
export function loanSchedule(loan: LoanInput, horizonYears: number): LoanYear[] {
  const rows: LoanYear[] = []
  for (let t = 0; t <= horizonYears; t++)
    rows.push({ drawYuan: 0, principalYuan: 0, interestYuan: 0, interestSubsidyYuan: 0 })
  rows[0]!.drawYuan = loan.amountYuan
  const n = loan.termYears
  const instalment = annuityInstalment(loan.amountYuan, loan.annualRate, n)
  let owed = loan.amountYuan
  for (let t = 1; t <= Math.min(n, horizonYears) && owed > 0; t++) {
    const interest = owed * loan.annualRate
    let principal = loan.repayment === 'annuity' ? Math.min(owed, instalment - interest) : t === n ? owed : 0
    // The last year of the term, or of the horizon, repays whatever is still owed.
    if (t === n || t === horizonYears) principal = owed
    owed -= principal
    const row = rows[t]!
    row.principalYuan = principal
    row.interestYuan = interest
    row.interestSubsidyYuan = interest * loan.interestSubsidyShare
  }
  return rows
}
