import { describe, expect, it } from 'vitest'
import { effectiveAssumptions, valuesOf } from '../../engine/assumptions/resolve'
import { buildDemoPlan } from '../../engine/demo-plan'
import { evaluateBaseline } from '../../engine/model/evaluate'
import { fieldBaselines } from '../../renderer/src/features/fields/field-baselines'
import {
  filterAndSort,
  isFiltered,
  NO_FILTER,
  searchKeys,
} from '../../renderer/src/features/fields/field-filters'

const plan = buildDemoPlan()
const values = valuesOf(effectiveAssumptions(plan.assumptions))
const baselines = fieldBaselines(plan.fields, values)
const keys = searchKeys(plan.fields)
const run = (filter: Partial<typeof NO_FILTER>, sort: Parameters<typeof filterAndSort>[2] = null) =>
  filterAndSort(plan.fields, { ...NO_FILTER, ...filter }, sort, baselines, keys, 'zh-CN')

describe('finding fields among many', () => {
  it('gives each field the baseline the engine measures every scenario against', () => {
    const engine = evaluateBaseline(plan)
    for (const r of engine.fields) expect(baselines.get(r.fieldId)).toBeCloseTo(r.baselineYieldKgPerHa, 9)
  })

  it('narrows by text, crop, water, group, village and a baseline below a yield, all together', () => {
    expect(run({}).map((f) => f.id)).toEqual(plan.fields.map((f) => f.id))
    expect(isFiltered(NO_FILTER)).toBe(false)
    expect(run({ text: ' 东岗 ' }).map((f) => f.name)).toEqual(['东岗一号地', '东岗二号地', '东岗三号地'])
    const soy = run({ crops: ['soybean'] })
    expect(soy.length).toBeGreaterThan(0)
    expect(soy.every((f) => f.crop === 'soybean')).toBe(true)
    const village = plan.fields[0]!.village
    expect(run({ villages: [village] }).every((f) => f.village === village)).toBe(true)
    const group = plan.fields.find((f) => f.groupId !== null)!.groupId!
    expect(run({ groups: [group] }).every((f) => f.groupId === group)).toBe(true)
    const drip = run({ waters: ['drip'], crops: ['maize'] })
    expect(drip.every((f) => f.waterRegime === 'drip' && f.crop === 'maize')).toBe(true)
    const below = 5_000
    const low = run({ baselineBelowKgPerHa: below })
    expect(low.length).toBeGreaterThan(0)
    expect(low.length).toBeLessThan(plan.fields.length)
    expect(low.every((f) => baselines.get(f.id)! < below)).toBe(true)
    expect(plan.fields.filter((f) => baselines.get(f.id)! < below)).toHaveLength(low.length)
    expect(isFiltered({ ...NO_FILTER, baselineBelowKgPerHa: below })).toBe(true)
  })

  it('sorts by baseline (worst first), last yield and area; a field without a figure sorts last either way', () => {
    const worst = run({}, { key: 'baseline', order: 'ascend' }).map((f) => baselines.get(f.id)!)
    expect(worst).toEqual([...worst].sort((a, b) => a - b))
    const best = run({}, { key: 'baseline', order: 'descend' }).map((f) => baselines.get(f.id)!)
    expect(best).toEqual([...best].sort((a, b) => b - a))
    const areas = run({}, { key: 'areaHa', order: 'descend' }).map((f) => f.areaHa)
    expect(areas).toEqual([...areas].sort((a, b) => b - a))

    const noHistory = { ...plan.fields[0]!, id: 999, name: '新开地', history: [] }
    const fields = [noHistory, ...plan.fields]
    for (const order of ['ascend', 'descend'] as const) {
      const sorted = filterAndSort(
        fields,
        NO_FILTER,
        { key: 'lastYield', order },
        baselines,
        searchKeys(fields),
        'zh-CN',
      )
      expect(sorted.at(-1)!.id).toBe(999)
    }
  })
})
