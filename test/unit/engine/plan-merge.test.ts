import { describe, expect, it } from 'vitest'
import { mergePlans } from '../../../engine/exchange/merge'
import { type Plan, PlanSchema } from '../../../engine/schemas/plan'
import { onePlan } from '../../helpers/plan'

// Two workspaces number the same things differently: the merge matches fields and varieties by
// name and gives what it adds the workspace's next free ids.
describe('merging plans', () => {
  const fuMin = (p: Plan) => p.varieties.find((v) => v.name === '富民985')!

  it('maps varieties by name, and a renamed copy of a field carries the scenario’s changes', () => {
    const mine = onePlan({}, [])
    // theirs: the same catalogue in another order (other ids), the field 2 ha larger, one scenario
    const base = onePlan({ areaHa: 12 }, [{ buildHsf: true }])
    const reversed = [...base.varieties].reverse().map((v, i) => ({ ...v, id: 100 + i }))
    const idOf = new Map(base.varieties.map((v) => [v.id, reversed.find((r) => r.name === v.name)!.id]))
    const theirs: Plan = {
      ...base,
      varieties: reversed,
      fields: base.fields.map((f) => ({ ...f, varietyId: f.varietyId && idOf.get(f.varietyId)! })),
      loans: [
        {
          id: 7,
          scenarioId: 2,
          name: '农商行贷款',
          amountYuan: 100_000,
          annualRate: 0.04,
          termYears: 3,
          repayment: 'annuity',
          interestSubsidyShare: 0,
        },
      ],
    }
    const listed = mergePlans(mine, theirs, null)
    expect(listed.conflicts).toEqual([
      {
        id: 'field:试验田',
        kind: 'field',
        name: '试验田',
        differences: ['areaHa'],
        choices: ['mine', 'theirs', 'copy'],
      },
    ])
    expect(listed.unresolved).toEqual(['field:试验田'])

    const { writes, merged, unresolved } = mergePlans(mine, theirs, { 'field:试验田': 'copy' })
    expect(unresolved).toEqual([])
    expect(writes.varieties).toEqual([])
    expect(writes.newFields).toHaveLength(1)
    const copy = writes.newFields[0]!
    expect(copy).toMatchObject({
      id: 2,
      name: '试验田 (2)',
      areaHa: 12,
      varietyId: fuMin(mine).id,
      groupId: null,
    })
    expect(writes.newScenarios).toEqual([
      expect.objectContaining({
        id: 2,
        name: '方案2',
        changes: [expect.objectContaining({ fieldId: 2, buildHsf: true })],
      }),
    ])
    expect(writes.loans).toEqual([expect.objectContaining({ id: 1, scenarioId: 2, name: '农商行贷款' })])
    expect(PlanSchema.safeParse(merged).error?.issues ?? []).toEqual([])
  })

  it('a variety the workspace lacks comes along with the field that names it', () => {
    const mine = onePlan({}, [])
    const theirs = onePlan({ name: '新地' }, [{ buildHsf: true }])
    const extra = { ...fuMin(theirs), id: 500, name: '县站推荐1号' }
    theirs.varieties.push(extra)
    theirs.fields[0]!.varietyId = 500
    const { conflicts } = mergePlans(mine, theirs, null)
    expect(conflicts.map((c) => c.id)).toEqual(['missingField:新地'])
    const { writes } = mergePlans(mine, theirs, { 'missingField:新地': 'theirs' })
    const nextVariety = Math.max(...mine.varieties.map((v) => v.id)) + 1
    expect(writes.varieties).toEqual([{ ...extra, id: nextVariety }])
    expect(writes.newFields[0]).toMatchObject({ name: '新地', varietyId: nextVariety })
    // 'mine' leaves the field out, and the scenario's change on it
    const without = mergePlans(mine, theirs, { 'missingField:新地': 'mine' }).writes
    expect(without.newFields).toEqual([])
    expect(without.newScenarios[0]!.changes).toEqual([])
  })
})
