import { z } from 'zod'

/** How a loan is paid back: equal yearly instalments (annuity), or interest only then all the principal. */
export const REPAYMENTS = ['annuity', 'interest_only'] as const
export type Repayment = (typeof REPAYMENTS)[number]

export const LOAN_LIMITS = {
  nameMaxChars: 60,
  /** 1,000,000,000 yuan is far beyond any co-op's borrowing; larger values are typing mistakes. */
  amountMaxYuan: 1_000_000_000,
  /** Courts do not protect interest above four times the LPR (≈ 15 %); 36 % was the old ceiling. */
  rateMax: 0.36,
  termMaxYears: 30,
  perScenarioMax: 20,
} as const

const L = LOAN_LIMITS

/**
 * One loan as a user enters it: amount drawn at the start (year 0), yearly rate, term in whole
 * years, repayment form, and the share of the interest the government pays (贴息).
 */
export const loanShape = {
  name: z.string().trim().max(L.nameMaxChars),
  amountYuan: z.number().positive().max(L.amountMaxYuan),
  annualRate: z.number().min(0).max(L.rateMax),
  termYears: z.number().int().min(1).max(L.termMaxYears),
  repayment: z.enum(REPAYMENTS),
  interestSubsidyShare: z.number().min(0).max(1),
}

export const LoanInputSchema = z.object(loanShape).strict()
export type LoanInput = z.infer<typeof LoanInputSchema>

/** A loan as plan files carry it: which scenario borrows it. */
export const PlanLoanSchema = z
  .object({ ...loanShape, id: z.number().int().positive(), scenarioId: z.number().int().positive() })
  .strict()
export type PlanLoan = z.infer<typeof PlanLoanSchema>

/** A stored loan as the contract hands it out: with the revision its form saves against. */
export type LoanRecord = PlanLoan & { revision: number }
