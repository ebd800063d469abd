import { describe, expect, it } from 'vitest'
import {
  checkDecision,
  type DecisionRules,
  isAtLeastLaw,
  LAW_RULES,
  smallestMeeting,
  type Vote,
  voteInputProblems,
} from '../../../engine/board/decision-rules'

const vote = (patch: Partial<Vote>): Vote => ({
  kind: 'members',
  members: 90,
  attending: 60,
  votesFor: 46,
  votesAgainst: 10,
  abstaining: 4,
  extraVotesTotal: 0,
  extraVotesFor: 0,
  ...patch,
})

/** A charter stricter than the law: three quarters present, two thirds of all votes for. */
const STRICT: DecisionRules = {
  attendance: { num: 3, den: 4, strict: false },
  majority: { num: 2, den: 3, strict: false },
  extraVotesCap: { num: 1, den: 10, strict: false },
}

describe('quorum and majority under the 农民专业合作社法', () => {
  it('needs two thirds present and more than half of all votes, exactly at the edges', () => {
    expect(smallestMeeting(LAW_RULES.attendance, 90)).toBe(60) // 2/3 of 90
    expect(smallestMeeting(LAW_RULES.attendance, 91)).toBe(61) // 60.67 → 61
    expect(smallestMeeting(LAW_RULES.majority, 90)).toBe(46) // more than 45
    expect(smallestMeeting(LAW_RULES.majority, 91)).toBe(46) // more than 45.5
  })

  // [what, vote, valid, problem codes]
  const cases: [string, Partial<Vote>, boolean, string[]][] = [
    ['60 of 90 present, 46 for: valid', {}, true, []],
    [
      '59 of 90 present: attendance not met',
      { attending: 59, votesFor: 46, votesAgainst: 9 },
      false,
      ['attendance'],
    ],
    [
      'a majority of those present but not of all voting rights: 40 of 60 present for, 90 members',
      { votesFor: 40, votesAgainst: 16 },
      false,
      ['majority'],
    ],
    ['45 for of 90: half is not more than half', { votesFor: 45, votesAgainst: 11 }, false, ['majority']],
    [
      'extra votes carry a decision that basic votes alone do not',
      { votesFor: 44, votesAgainst: 12, extraVotesTotal: 18, extraVotesFor: 18 },
      true,
      [],
    ],
    [
      'extra votes beyond 20 % of the basic votes are not counted',
      // 30 extra granted, 18 counted (20 % of 90); for: 40 + 18 × 30/30 = 58 of 108 rights, needs 55.
      { votesFor: 40, votesAgainst: 16, extraVotesTotal: 30, extraVotesFor: 30 },
      true,
      ['extraVotesCapped'],
    ],
    [
      'the cap decides: 45 extra votes for would carry it (75 of 135), the lawful 18 do not (48 of 108)',
      { votesFor: 30, votesAgainst: 26, extraVotesTotal: 45, extraVotesFor: 45 },
      false,
      ['extraVotesCapped', 'majority'],
    ],
    [
      'neither quorum nor majority',
      { attending: 30, votesFor: 20, votesAgainst: 10, abstaining: 0 },
      false,
      ['attendance', 'majority'],
    ],
  ]
  it.each(cases)('%s', (_what, patch, valid, codes) => {
    const v = vote(patch)
    expect(voteInputProblems(v)).toEqual([])
    const check = checkDecision(v)
    expect(check.valid).toBe(valid)
    expect(check.problems.map((p) => p.code)).toEqual(codes)
  })

  it('a stricter charter turns a lawful majority into too few votes, and counts fewer extra votes', () => {
    const v = vote({ attending: 68, votesFor: 50, votesAgainst: 18, abstaining: 0 })
    expect(checkDecision(v).valid).toBe(true)
    const strict = checkDecision(v, STRICT)
    expect(strict.attendanceNeeded).toBe(68) // 3/4 of 90 = 67.5 → 68
    expect(strict.votesForNeeded).toBe(60) // 2/3 of 90
    expect(strict.valid).toBe(false)
    expect(strict.problems.map((p) => p.code)).toEqual(['majority'])
    const capped = checkDecision(vote({ extraVotesTotal: 18, extraVotesFor: 18 }), STRICT)
    expect(capped.votingRights).toBe(99) // 90 basic + 9 extra (10 %)
    expect(capped.problems[0]).toEqual({ code: 'extraVotesCapped', granted: 18, counted: 9 })
  })

  it('a charter may be stricter than the law, never looser', () => {
    expect(isAtLeastLaw(LAW_RULES)).toBe(true)
    expect(isAtLeastLaw(STRICT)).toBe(true)
    expect(isAtLeastLaw({ ...LAW_RULES, attendance: { num: 1, den: 2, strict: false } })).toBe(false)
    expect(isAtLeastLaw({ ...LAW_RULES, majority: { num: 1, den: 2, strict: false } })).toBe(false)
    expect(isAtLeastLaw({ ...LAW_RULES, extraVotesCap: { num: 1, den: 4, strict: false } })).toBe(false)
  })

  it('refuses counts that cannot describe a meeting', () => {
    expect(voteInputProblems(vote({ attending: 91 })).map((p) => p.code)).toEqual(['attendingOverMembers'])
    expect(voteInputProblems(vote({ votesFor: 50, votesAgainst: 10 })).map((p) => p.code)).toEqual([
      'votesOverAttending',
    ])
    expect(voteInputProblems(vote({ extraVotesFor: 1 })).map((p) => p.code)).toEqual([
      'extraForOverExtraTotal',
    ])
    expect(
      voteInputProblems(vote({ members: 0, attending: 0, votesFor: 0, votesAgainst: 0, abstaining: 0 })).map(
        (p) => p.code,
      ),
    ).toEqual(['noMembers'])
    expect(voteInputProblems(vote({ votesFor: 2.5 }))).toEqual([
      { code: 'notWholeNumber', field: 'votesFor' },
    ])
    expect(voteInputProblems(vote({ abstaining: -1 }))).toEqual([
      { code: 'notWholeNumber', field: 'abstaining' },
    ])
  })
})
