import { describe, expect, it } from 'vitest'
import { DEFAULT_BY_KEY } from '../../../engine/assumptions/defaults'
import { migrateOverrides } from '../../../engine/assumptions/retired'
import { buildDemoPlan } from '../../../engine/demo-plan'
import { evaluatePlan } from '../../../engine/model/evaluate'
import { PlanSchema } from '../../../engine/schemas/plan'

const old = {
  key: 'cost.maize.inputsYuanPerHa',
  value: 400 * 15,
  low: 350 * 15,
  high: 450 * 15,
  note: '本社 2024 年账目',
  changedAt: '2025-03-01T00:00:00.000Z',
}
const parts = ['fertiliser', 'pesticide', 'tillage', 'sowing'].map((i) => `cost.maize.${i}YuanPerHa`)

describe('an override of a key this version retired', () => {
  it('the old inputs cost splits over fertiliser, pesticide, tillage and sowing, adding up to it', () => {
    const migrated = migrateOverrides([old])
    expect(migrated.map((o) => o.key)).toEqual(parts)
    for (const part of ['value', 'low', 'high'] as const)
      expect(migrated.reduce((s, o) => s + o[part], 0)).toBeCloseTo(old[part], 9)
    const fert = DEFAULT_BY_KEY.get(parts[0]!)!.value
    const sum = parts.reduce((s, k) => s + DEFAULT_BY_KEY.get(k)!.value, 0)
    expect(migrated[0]!.value).toBeCloseTo((fert / sum) * old.value, 9)
    expect(migrated.every((o) => o.note === old.note)).toBe(true)
  })

  it('an item the co-op set itself keeps its figure', () => {
    const own = {
      ...old,
      key: 'cost.maize.fertiliserYuanPerHa',
      value: 200 * 15,
      low: 150 * 15,
      high: 250 * 15,
    }
    const migrated = migrateOverrides([old, own])
    expect(migrated.filter((o) => o.key === own.key)).toEqual([own])
    expect(migrated).toHaveLength(4)
  })

  it('an old plan file with such an override still parses and evaluates', () => {
    const plan = PlanSchema.parse({ ...buildDemoPlan(), assumptions: [old] })
    expect(plan.assumptions.map((o) => o.key)).toEqual(parts)
    const [baseline] = evaluatePlan(plan).scenarios
    const maize = baseline!.fields.filter((f) => f.crop === 'maize')
    const area = maize.reduce((s, f) => s + f.areaHa, 0)
    const items = maize.reduce(
      (s, f) => s + f.money.fertiliserYuan + f.money.pesticideYuan + f.money.tillageYuan + f.money.sowingYuan,
      0,
    )
    expect(items / area).toBeCloseTo(old.value, 6)
  })
})
