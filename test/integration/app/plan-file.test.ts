import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parsePlanFile, toPlanFile } from '../../../app/use-cases/plan-file'
import { readPlan, writePlan } from '../../../db/plan-store'
import { listOverrides, resetOverride, setOverride } from '../../../db/repositories/assumptions'
import { countFields } from '../../../db/repositories/fields'
import { buildDemoPlan } from '../../../engine/demo-plan'
import { AppError } from '../../../engine/errors'
import { openTestDatabase, tempDir, testContext } from '../../helpers/db'

function ruleOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return (error as AppError).details.issues?.[0]?.rule ?? (error as AppError).code
  }
  throw new Error('expected a refusal')
}

describe('plan files', () => {
  const file = JSON.stringify(toPlanFile(buildDemoPlan(), new Date('2026-03-01T00:00:00Z')))

  it('round-trip: a plan written to a file reads back identical', () => {
    expect(parsePlanFile(file)).toEqual(buildDemoPlan())
  })

  it('refuses a file changed after saving, one from a newer version, and one that is not JSON', () => {
    expect(ruleOf(() => parsePlanFile(file.replace('东岗一号地', '东岗1号地')))).toBe('checksum_mismatch')
    const future = JSON.parse(file)
    future.version = 9
    expect(ruleOf(() => parsePlanFile(JSON.stringify(future)))).toBe('unsupported_version')
    expect(ruleOf(() => parsePlanFile('{"format":'))).toBe('not_json')
  })

  it('refuses a plan whose references dangle, naming the place', () => {
    const plan = buildDemoPlan()
    plan.scenarios[1]!.changes[0]!.fieldId = 999
    const text = JSON.stringify(toPlanFile(plan, new Date()))
    try {
      parsePlanFile(text)
    } catch (error) {
      expect((error as AppError).details.issues?.[0]).toMatchObject({
        path: ['plan', 'scenarios', 1, 'changes', 0, 'fieldId'],
        rule: 'unknown_reference',
      })
    }
  })

  it('arbitrary text never crashes or hangs: it is a typed error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.constant(file.slice(0, 5000))), (text) => {
        expect(() => parsePlanFile(text)).toThrow(AppError)
      }),
      { numRuns: 300 },
    )
  })
})

describe('plan store and assumption overrides', () => {
  it('a workspace written from a plan reads back as the same plan', () => {
    const { db } = openTestDatabase(join(tempDir(), 'p.sqlite'))
    writePlan(db, testContext, buildDemoPlan(), 'demo')
    expect(readPlan(db)).toEqual(buildDemoPlan())
  })

  it('writing a plan is all-or-nothing', () => {
    const { db } = openTestDatabase(join(tempDir(), 'p.sqlite'))
    const plan = buildDemoPlan()
    plan.fields[10]!.name = plan.fields[3]!.name
    expect(() => writePlan(db, testContext, plan, 'import')).toThrow()
    expect(countFields(db)).toBe(0)
  })

  it('overrides are stored with their reason and date, refused out of range, and reset', () => {
    const { db } = openTestDatabase(join(tempDir(), 'p.sqlite'))
    writePlan(db, testContext, buildDemoPlan(), 'demo')
    setOverride(db, testContext, {
      key: 'hsf.uplift',
      value: 0.12,
      low: 0.08,
      high: 0.16,
      note: '县农技站 2025',
    })
    expect(listOverrides(db)).toEqual([
      {
        key: 'hsf.uplift',
        value: 0.12,
        low: 0.08,
        high: 0.16,
        note: '县农技站 2025',
        changedAt: '2026-01-15T08:00:00.000Z',
      },
    ])
    expect(
      ruleOf(() =>
        setOverride(db, testContext, { key: 'hsf.uplift', value: 0.3, low: 0.1, high: 0.2, note: '' }),
      ),
    ).toBe('value_outside_range')
    expect(
      ruleOf(() => setOverride(db, testContext, { key: 'no.such', value: 1, low: 0, high: 2, note: '' })),
    ).toBe('unknown_assumption')
    resetOverride(db, testContext, 'hsf.uplift')
    expect(listOverrides(db)).toEqual([])
  })
})

describe('a plan file nested far too deeply', () => {
  it('is refused as too deep before parsing or hashing, not with a stack overflow', () => {
    const deep = `{"format":"fengshou-plan","version":1,"savedAt":"x","checksum":"sha256:${'0'.repeat(64)}","plan":${'['.repeat(200_000)}${']'.repeat(200_000)}}`
    let caught: unknown
    try {
      parsePlanFile(deep)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(AppError)
    expect((caught as AppError).details.issues?.[0]).toMatchObject({
      rule: 'too_deep',
      params: { limit: 64 },
    })
  })
})
