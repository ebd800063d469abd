import type { TFunction } from 'i18next'
import {
  checkDecision,
  type DecisionCheck,
  type DecisionRules,
  LAW_RULES,
  type MeetingKind,
  type Share,
  smallestMeeting,
  type Vote,
  voteInputProblems,
} from '../../../../engine/board/decision-rules'
import type { Format } from '../../lib/format'

/**
 * The decision form's vote as typed: a count left empty is null. Extra votes (附加表决权) count
 * only at a members' meeting whose charter grants them, and only when the user says so.
 */
export type VoteDraft = {
  kind: MeetingKind
  members: number | null
  attending: number | null
  votesFor: number | null
  votesAgainst: number | null
  abstaining: number | null
  hasExtraVotes: boolean
  extraVotesTotal: number | null
  extraVotesFor: number | null
}

export const EMPTY_VOTE: VoteDraft = {
  kind: 'members',
  members: null,
  attending: null,
  votesFor: null,
  votesAgainst: null,
  abstaining: null,
  hasExtraVotes: false,
  extraVotesTotal: null,
  extraVotesFor: null,
}

/** The vote the back end is sent, or null while a count the check needs is still empty. */
export function voteOf(d: VoteDraft): Vote | null {
  if (d.members === null || d.attending === null || d.votesFor === null) return null
  const extra = d.kind === 'members' && d.hasExtraVotes
  return {
    kind: d.kind,
    members: d.members,
    attending: d.attending,
    votesFor: d.votesFor,
    // against and abstaining left empty are none: many minutes only say how many voted for
    votesAgainst: d.votesAgainst ?? 0,
    abstaining: d.abstaining ?? 0,
    extraVotesTotal: extra ? (d.extraVotesTotal ?? 0) : 0,
    extraVotesFor: extra ? (d.extraVotesFor ?? 0) : 0,
  }
}

/**
 * What the form says about the vote while it is typed: not yet checkable, counts that cannot be
 * (more attending than members), or valid / not valid with one plain sentence per rule.
 */
export type Verdict =
  | { state: 'incomplete' }
  | { state: 'impossible'; lines: string[] }
  | {
      state: 'valid' | 'invalid'
      /** one sentence per rule: attendance, then votes for */
      lines: string[]
      /** why it fails, in the order the rules are listed (empty when valid) */
      reasons: string[]
      /** notes that hold either way (extra votes beyond the cap not counted) */
      notes: string[]
      check: DecisionCheck
    }

/** A share as a co-op reads it: 2/3, 半数 for one half; the extra-vote cap as a percentage. */
export function shareText(t: TFunction, format: Format, share: Share, asPercent = false): string {
  if (asPercent) return `${format.number((share.num / share.den) * 100, 1)}%`
  if (share.num * 2 === share.den) return t('board.share.half')
  return `${share.num}/${share.den}`
}

/** Whether two sets of rules are the same, so a sentence can say "the law's" or "the charter's". */
export function sameRules(a: DecisionRules, b: DecisionRules): boolean {
  const same = (x: Share, y: Share) => x.num * y.den === y.num * x.den && x.strict === y.strict
  return (
    same(a.attendance, b.attendance) && same(a.majority, b.majority) && same(a.extraVotesCap, b.extraVotesCap)
  )
}

export function isLawRules(rules: DecisionRules): boolean {
  return sameRules(rules, LAW_RULES)
}

function impossibleLines(t: TFunction, v: Vote): string[] {
  return voteInputProblems(v).map((p) => {
    switch (p.code) {
      case 'noMembers':
        return t('errors.rule.no_members')
      case 'attendingOverMembers':
        return t('errors.rule.attending_over_members', { attending: v.attending, members: v.members })
      case 'votesOverAttending':
        return t('errors.rule.votes_over_attending', {
          votes: v.votesFor + v.votesAgainst + v.abstaining,
          attending: v.attending,
        })
      case 'extraForOverExtraTotal':
        return t('errors.rule.extra_for_over_total', {
          extraFor: v.extraVotesFor,
          extraTotal: v.extraVotesTotal,
        })
      default:
        return t('board.check.wholeNumbers')
    }
  })
}

/** The form's live verdict on a vote under the rules of its kind of meeting. */
export function judgeVote(t: TFunction, format: Format, draft: VoteDraft, rules: DecisionRules): Verdict {
  const vote = voteOf(draft)
  if (!vote) return { state: 'incomplete' }
  const impossible = impossibleLines(t, vote)
  if (impossible.length > 0) return { state: 'impossible', lines: impossible }
  const check = checkDecision(vote, rules)
  const who = t(`board.check.who.${vote.kind}`)
  const n = (x: number) => format.number(x, 0)

  const attendanceOk = vote.attending >= check.attendanceNeeded
  const attendance = t(
    `board.check.attendance${attendanceOk ? 'Ok' : 'Short'}${rules.attendance.strict ? 'Strict' : ''}`,
    {
      attending: n(vote.attending),
      members: n(vote.members),
      who,
      share: shareText(t, format, rules.attendance),
      needed: n(check.attendanceNeeded),
    },
  )

  const majorityOk = check.votesForCounted >= check.votesForNeeded
  const extraFor = check.votesForCounted - vote.votesFor
  const extraRights = check.votingRights - vote.members
  const majority = t(
    `board.check.majority${majorityOk ? 'Ok' : 'Short'}${rules.majority.strict ? 'Strict' : ''}`,
    {
      votesFor: n(check.votesForCounted),
      votingRights: n(check.votingRights),
      share: shareText(t, format, rules.majority),
      needed: n(check.votesForNeeded),
    },
  )
  const parts =
    extraRights > 0
      ? [
          t('board.check.extraCounted', {
            basicFor: n(vote.votesFor),
            extraFor: n(extraFor),
            members: n(vote.members),
            extra: n(extraRights),
          }),
        ]
      : []

  const reasons: string[] = []
  if (!attendanceOk) reasons.push(attendance)
  if (!majorityOk) {
    reasons.push(majority)
    // The most common mistake: counting against those present (or those who voted), not against
    // all voting rights. Say so where it is the reason.
    const presentNeeded = smallestMeeting(rules.majority, vote.attending)
    if (vote.attending < vote.members && check.votesForCounted >= presentNeeded)
      reasons.push(t('board.check.presentOnly', { attending: n(vote.attending), who }))
  }

  const notes = check.problems.flatMap((p) =>
    p.code === 'extraVotesCapped'
      ? [
          t('board.check.extraCapped', {
            granted: n(p.granted),
            counted: n(p.counted),
            members: n(vote.members),
            share: shareText(t, format, rules.extraVotesCap, true),
          }),
        ]
      : [],
  )

  return {
    state: check.valid ? 'valid' : 'invalid',
    lines: [attendance, majority, ...parts],
    reasons,
    notes,
    check,
  }
}
