/**
 * Whether a meeting's vote makes a valid decision, by the rules of the 农民专业合作社法 (Farmers'
 * Professional Cooperatives Law of the PRC, as revised 2017) or a co-op's stricter charter (章程):
 * - 成员大会 needs at least two thirds of the members present;
 * - a decision needs more than half of ALL voting rights, not of those present;
 * - one member one basic vote; extra votes (附加表决权) for members with large capital or trade
 *   may not exceed 20 % of the basic votes in total;
 * - a charter may set higher thresholds (never lower ones).
 * A 理事会 meeting's rules are the charter's; by default the same thresholds are applied.
 * Every comparison is done in whole numbers (a share is numerator/denominator), so "two thirds"
 * never turns on a rounding.
 */

/** A share written as a fraction: at least (or, if strict, more than) num/den. */
export type Share = { num: number; den: number; strict: boolean }

export type MeetingKind = 'board' | 'members'

export type DecisionRules = {
  /** attendance needed, as a share of all members */
  attendance: Share
  /** votes for needed, as a share of all voting rights (basic and extra) */
  majority: Share
  /** extra votes allowed, as a share of the basic votes */
  extraVotesCap: Share
}

/** The law's rules for a 成员大会; a charter may only make them stricter. */
export const LAW_RULES: DecisionRules = {
  attendance: { num: 2, den: 3, strict: false },
  majority: { num: 1, den: 2, strict: true },
  extraVotesCap: { num: 1, den: 5, strict: false },
}

export type Vote = {
  kind: MeetingKind
  /** members in total: each holds one basic vote */
  members: number
  /** members present (or represented) */
  attending: number
  /** basic votes cast */
  votesFor: number
  votesAgainst: number
  abstaining: number
  /** extra votes the charter grants in total, and how many of them were cast for the decision */
  extraVotesTotal: number
  extraVotesFor: number
}

export type DecisionProblem =
  | { code: 'attendance'; attending: number; needed: number }
  | { code: 'majority'; votesFor: number; needed: number; votingRights: number }
  | { code: 'extraVotesCapped'; granted: number; counted: number }

export type VoteInputProblem =
  | { code: 'notWholeNumber'; field: keyof Vote }
  | { code: 'attendingOverMembers' }
  | { code: 'votesOverAttending' }
  | { code: 'extraForOverExtraTotal' }
  | { code: 'noMembers' }

export type DecisionCheck = {
  valid: boolean
  /** why it is not valid, and notes (an extra-vote cap applied) that hold either way */
  problems: DecisionProblem[]
  /** all voting rights counted: basic plus extra up to the cap */
  votingRights: number
  /** votes for counted: basic plus extra up to the cap */
  votesForCounted: number
  /** the fewest members present and the fewest votes for that the rules need */
  attendanceNeeded: number
  votesForNeeded: number
}

/** The smallest whole n with n ≥ share × total (or n > share × total when strict). */
export function smallestMeeting(share: Share, total: number): number {
  // n·den ≥ num·total  ⇔  n ≥ ceil(num·total / den); strict: n·den > num·total.
  const product = share.num * total
  const n = Math.ceil(product / share.den)
  return share.strict && n * share.den === product ? n + 1 : n
}

/** The largest whole n with n ≤ share × total (the cap of extra votes). */
function largestWithin(share: Share, total: number): number {
  const n = Math.floor((share.num * total) / share.den)
  return share.strict && n * share.den === share.num * total ? n - 1 : n
}

/** Counts that cannot describe a meeting; an empty list means the vote can be checked. */
export function voteInputProblems(v: Vote): VoteInputProblem[] {
  const whole: (keyof Vote)[] = [
    'members',
    'attending',
    'votesFor',
    'votesAgainst',
    'abstaining',
    'extraVotesTotal',
    'extraVotesFor',
  ]
  const problems: VoteInputProblem[] = whole
    .filter((k) => !Number.isSafeInteger(v[k]) || (v[k] as number) < 0)
    .map((field) => ({ code: 'notWholeNumber', field }))
  if (problems.length > 0) return problems
  if (v.members === 0) problems.push({ code: 'noMembers' })
  if (v.attending > v.members) problems.push({ code: 'attendingOverMembers' })
  if (v.votesFor + v.votesAgainst + v.abstaining > v.attending) problems.push({ code: 'votesOverAttending' })
  if (v.extraVotesFor > v.extraVotesTotal) problems.push({ code: 'extraForOverExtraTotal' })
  return problems
}

/**
 * Checks a vote against the rules. The caller has made sure voteInputProblems(v) is empty.
 * Extra votes beyond the cap are not counted (the law does not allow them), and that is said.
 */
export function checkDecision(v: Vote, rules: DecisionRules = LAW_RULES): DecisionCheck {
  const problems: DecisionProblem[] = []
  const cap = largestWithin(rules.extraVotesCap, v.members)
  const extraCounted = Math.min(v.extraVotesTotal, cap)
  if (extraCounted < v.extraVotesTotal)
    problems.push({ code: 'extraVotesCapped', granted: v.extraVotesTotal, counted: extraCounted })
  // Extra votes cast for the decision count in the same proportion as the extra votes counted.
  const extraForCounted =
    v.extraVotesTotal === 0 ? 0 : Math.floor((v.extraVotesFor * extraCounted) / v.extraVotesTotal)
  const votingRights = v.members + extraCounted
  const votesForCounted = v.votesFor + extraForCounted
  const attendanceNeeded = smallestMeeting(rules.attendance, v.members)
  const votesForNeeded = smallestMeeting(rules.majority, votingRights)
  let valid = true
  if (v.attending < attendanceNeeded) {
    valid = false
    problems.push({ code: 'attendance', attending: v.attending, needed: attendanceNeeded })
  }
  if (votesForCounted < votesForNeeded) {
    valid = false
    problems.push({ code: 'majority', votesFor: votesForCounted, needed: votesForNeeded, votingRights })
  }
  return { valid, problems, votingRights, votesForCounted, attendanceNeeded, votesForNeeded }
}

/** Whether a charter's rules are at least as strict as the law's (a charter may not loosen them). */
export function isAtLeastLaw(rules: DecisionRules): boolean {
  const atLeast = (a: Share, b: Share) =>
    a.num * b.den > b.num * a.den || (a.num * b.den === b.num * a.den && (a.strict || !b.strict))
  const atMost = (a: Share, b: Share) =>
    a.num * b.den < b.num * a.den || (a.num * b.den === b.num * a.den && (!a.strict || b.strict))
  return (
    atLeast(rules.attendance, LAW_RULES.attendance) &&
    atLeast(rules.majority, LAW_RULES.majority) &&
    atMost(rules.extraVotesCap, LAW_RULES.extraVotesCap)
  )
}
