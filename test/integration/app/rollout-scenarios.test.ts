import { afterAll, describe, expect, it } from 'vitest'
import type { Field } from '../../../engine/schemas/field'
import type { Plan, Scenario } from '../../../engine/schemas/plan'
import { demoWorkspace } from '../../helpers/demo-workspace'

// An optimised roll-out becomes one scenario per year, each with every action started by then.
describe('a roll-out made into scenarios (optimiser:toScenarios)', () => {
  const { ws, ok, refusedRule } = demoWorkspace()
  afterAll(() => ws.close())
  const problem = {
    years: [
      { year: 2025, coopBudgetYuan: 200_000 },
      { year: 2026, coopBudgetYuan: 200_000 },
      { year: 2027, coopBudgetYuan: 200_000 },
    ],
  }

  it('makes one scenario per year, cumulative, with drip on top of HSF', () => {
    const maize = ok<Field[]>('fields:list').filter(
      (f) => f.crop === 'maize' && !f.hasHsf && f.waterRegime !== 'drip',
    )
    const [a, b] = [maize[0]!, maize[1]!]
    const made = ok<Scenario[]>('optimiser:toScenarios', {
      problem,
      schedule: [
        { year: 2025, fieldId: a.id, action: 'hsf' },
        { year: 2026, fieldId: a.id, action: 'drip' },
        { year: 2027, fieldId: b.id, action: 'hsf' },
      ],
      name: '投资优化',
      note: '由投资优化生成',
    })
    expect(made.map((s) => [s.name, s.seasonYear])).toEqual([
      ['投资优化 2025', 2025],
      ['投资优化 2026', 2026],
      ['投资优化 2027', 2027],
    ])
    const change = (s: Scenario, id: number) => s.changes.find((c) => c.fieldId === id)
    expect(made[0]!.changes).toHaveLength(1)
    expect(change(made[0]!, a.id)).toMatchObject({ buildHsf: true, waterRegime: null })
    expect(change(made[1]!, a.id)).toMatchObject({ buildHsf: true, waterRegime: 'drip' })
    expect(change(made[1]!, b.id)).toBeUndefined()
    expect(made[2]!.changes.map((c) => c.fieldId).sort((x, y) => x - y)).toEqual(
      [a.id, b.id].sort((x, y) => x - y),
    )
    // the plan carries them like any other scenario
    const plan = ok<Plan>('plan:get')
    expect(plan.scenarios.filter((s) => s.name.startsWith('投资优化'))).toHaveLength(3)
  })

  it('writes none of them when one cannot be made (a name taken), or a field is unknown', () => {
    const before = ok<Plan>('plan:get').scenarios.length
    const field = ok<Field[]>('fields:list').find((f) => f.crop === 'maize' && !f.hasHsf)!
    // "投资优化 2025" exists already: the whole roll-out is refused, 2026 and 2027 too
    expect(
      refusedRule('optimiser:toScenarios', {
        problem,
        schedule: [{ year: 2025, fieldId: field.id, action: 'hsf' }],
        name: '投资优化',
        note: '',
      }),
    ).toBe('duplicate_scenario_name')
    expect(
      refusedRule('optimiser:toScenarios', {
        problem,
        schedule: [{ year: 2025, fieldId: 999_999, action: 'hsf' }],
        name: '第二轮',
        note: '',
      }),
    ).toBe('unknown_reference')
    expect(ok<Plan>('plan:get').scenarios.length).toBe(before)
  })
})
