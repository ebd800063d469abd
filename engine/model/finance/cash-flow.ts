import type { LoanInput } from '../../schemas/loan'
import { type Asset, assetFlows } from './capital'
import { irr, npv } from './irr'
import { loanSchedule } from './loans'

/** One year of a scenario's cash flow to the co-op, yuan. Year 0 is the year of the investment. */
export type CashFlowYear = {
  year: number
  /** the co-op's capital paid out: purchase at year 0, replacements later */
  investmentYuan: number
  /** gross margin over today's, with the HSF uplift ramping in */
  marginGainYuan: number
  loanDrawYuan: number
  /** principal repaid */
  principalYuan: number
  /** interest the co-op pays, after the government's share (贴息) */
  interestYuan: number
  interestSubsidyYuan: number
  /** principal + the co-op's interest */
  debtServiceYuan: number
  /** marginGain + loanDraw − investment − debtService: the cash that moves this year */
  netYuan: number
  /** the co-op's cash balance from the scenario so far (Σ net) */
  balanceYuan: number
  /** straight-line value left in the assets at the horizon: counted in NPV, not in cash */
  salvageYuan: number
}

export type Financing = {
  loanYuan: number
  /** debt service in the first year of repayment, after 贴息 */
  annualPaymentYuan: number
  /** interest the co-op pays over the loans' lives, after 贴息 */
  totalInterestYuan: number
  interestSubsidyYuan: number
}

export type FinanceResult = {
  cashFlow: CashFlowYear[]
  financing: Financing
  /** NPV of the project: capital, margin gain and salvage, without the loans */
  npvYuan: number
  /** NPV to the co-op with the loans: draws in, debt service out */
  npvFinancedYuan: number
  irr: number | null
  irrFinanced: number | null
  /** first year the undiscounted project cash (without loans or salvage) is back at zero */
  paybackYears: number | null
  lowestBalanceYear: number
  lowestBalanceYuan: number
}

export type ScenarioMoney = {
  /** Σ over fields of the change in gross margin at full effect, yuan/year */
  deltaMarginFullYuan: number
  /** Σ of the revenue that depends on the HSF uplift at full effect, yuan/year */
  hsfRevenueYuan: number
  /** the co-op's share of each piece of capital */
  assets: Asset[]
}

export type FinanceParams = { discountRate: number; horizonYears: number; hsfRampYears: number }

/**
 * A scenario's money year by year over the horizon, with and without its loans: the co-op's
 * capital (replaced at the end of each life, salvage at the horizon), the margin gain (HSF ramping
 * in), and each loan drawn at year 0 and repaid on its schedule. Pure; H + 1 rows.
 */
export function scenarioFinance(
  s: ScenarioMoney,
  loans: readonly LoanInput[],
  m: FinanceParams,
): FinanceResult {
  const H = m.horizonYears
  const investment = new Array<number>(H + 1).fill(0)
  let salvage = 0
  for (const a of s.assets) {
    const f = assetFlows(a, H)
    for (let t = 0; t <= H; t++) investment[t]! += f.outlays[t]!
    salvage += f.salvageYuan
  }
  const rows: CashFlowYear[] = []
  const financing: Financing = {
    loanYuan: 0,
    annualPaymentYuan: 0,
    totalInterestYuan: 0,
    interestSubsidyYuan: 0,
  }
  const schedules = loans.map((l) => loanSchedule(l, H))
  let balance = 0
  for (let t = 0; t <= H; t++) {
    // A ramp of 0 years: full effect from the first season (当年完工当年见效).
    const ramp = t === 0 ? 0 : m.hsfRampYears === 0 ? 1 : Math.min(1, t / m.hsfRampYears)
    const marginGain = t === 0 ? 0 : s.deltaMarginFullYuan - s.hsfRevenueYuan * (1 - ramp)
    let draw = 0
    let principal = 0
    let interest = 0
    let subsidy = 0
    for (const rowsOfLoan of schedules) {
      const y = rowsOfLoan[t]!
      draw += y.drawYuan
      principal += y.principalYuan
      interest += y.interestYuan - y.interestSubsidyYuan
      subsidy += y.interestSubsidyYuan
    }
    const debtService = principal + interest
    const net = marginGain + draw - investment[t]! - debtService
    balance += net
    rows.push({
      year: t,
      investmentYuan: investment[t]!,
      marginGainYuan: marginGain,
      loanDrawYuan: draw,
      principalYuan: principal,
      interestYuan: interest,
      interestSubsidyYuan: subsidy,
      debtServiceYuan: debtService,
      netYuan: net,
      balanceYuan: balance,
      salvageYuan: t === H ? salvage : 0,
    })
    financing.loanYuan += draw
    financing.totalInterestYuan += interest
    financing.interestSubsidyYuan += subsidy
  }
  financing.annualPaymentYuan = rows[1]?.debtServiceYuan ?? 0
  const project = rows.map((r) => r.marginGainYuan - r.investmentYuan + r.salvageYuan)
  const financed = rows.map((r, t) => project[t]! + r.loanDrawYuan - r.debtServiceYuan)
  let payback: number | null = null
  let cumulative = 0
  for (const r of rows) {
    cumulative += r.marginGainYuan - r.investmentYuan
    if (payback === null && investment[0]! > 0 && r.year > 0 && cumulative >= 0) payback = r.year
  }
  let lowest = rows[0]!
  for (const r of rows) if (r.balanceYuan < lowest.balanceYuan) lowest = r
  return {
    cashFlow: rows,
    financing,
    npvYuan: npv(project, m.discountRate),
    npvFinancedYuan: npv(financed, m.discountRate),
    irr: irr(project),
    irrFinanced: irr(financed),
    paybackYears: payback,
    lowestBalanceYear: lowest.year,
    lowestBalanceYuan: lowest.balanceYuan,
  }
}
