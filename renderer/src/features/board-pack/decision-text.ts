import type { TFunction } from 'i18next'
import { checkDecision, type Share } from '../../../../engine/board/decision-rules'
import type { DecisionRecord } from '../../../../engine/board/version'

/** "不少于成员总数的 2/3" / "at least 2/3 of the members"; "超过全部表决权的 1/2" / "more than 1/2 of all voting rights". */
export function shareText(t: TFunction, share: Share, of: 'members' | 'rights'): string {
  return t(share.strict ? 'pack.decision.shareMoreThan' : 'pack.decision.shareAtLeast', {
    num: share.num,
    den: share.den,
    of: t(`pack.decision.of.${of}`),
  })
}

export type DecisionReasoning = {
  valid: boolean
  /** one sentence per rule: attendance, then the votes for, then (if any) the extra-vote cap */
  lines: string[]
  conclusion: string
}

/**
 * Why the recorded vote is (or is not) a valid decision, worked out again from the counts and the
 * rules stored with it (the law's or the charter's), in whole numbers as engine/board does.
 */
export function decisionReasoning(t: TFunction, d: DecisionRecord): DecisionReasoning {
  const v = d.vote
  const check = checkDecision(v, d.rules)
  const ok = (passed: boolean) => t(passed ? 'pack.decision.met' : 'pack.decision.notMet')
  const lines = [
    t('pack.decision.attendanceLine', {
      members: v.members,
      attending: v.attending,
      rule: shareText(t, d.rules.attendance, 'members'),
      needed: check.attendanceNeeded,
      result: ok(v.attending >= check.attendanceNeeded),
    }),
    t('pack.decision.majorityLine', {
      rights: check.votingRights,
      votesFor: check.votesForCounted,
      against: v.votesAgainst,
      abstaining: v.abstaining,
      rule: shareText(t, d.rules.majority, 'rights'),
      needed: check.votesForNeeded,
      result: ok(check.votesForCounted >= check.votesForNeeded),
    }),
  ]
  if (v.extraVotesTotal > 0) {
    const capped = check.problems.find((p) => p.code === 'extraVotesCapped')
    lines.push(
      capped
        ? t('pack.decision.extraCapped', {
            granted: capped.granted,
            counted: capped.counted,
            num: d.rules.extraVotesCap.num,
            den: d.rules.extraVotesCap.den,
          })
        : t('pack.decision.extraCounted', {
            total: v.extraVotesTotal,
            votesFor: v.extraVotesFor,
            num: d.rules.extraVotesCap.num,
            den: d.rules.extraVotesCap.den,
          }),
    )
  }
  // A rejection needs no majority (it is the want of one); an approval the rules must carry.
  const conclusion =
    d.outcome === 'rejected'
      ? t('pack.decision.conclusionRejected', {
          votesFor: check.votesForCounted,
          needed: check.votesForNeeded,
        })
      : check.valid
        ? t('pack.decision.conclusionApproved', { scenario: d.scenarioName ?? '' })
        : t('pack.decision.conclusionInvalid')
  return { valid: check.valid, lines, conclusion }
}
