import { describe, expect, it } from 'vitest'
import { buildDemoWorkspace, DEMO_DROUGHT_YEAR } from '../../../engine/demo'
import { FieldInputSchema } from '../../../engine/schemas/field'
import { VarietyInputSchema } from '../../../engine/schemas/variety'
import { fromHa } from '../../../engine/units'

describe('demo workspace (示例数据)', () => {
  const demo = buildDemoWorkspace()

  it('has about 24 fields in three villages growing maize, soybean and rice', () => {
    expect(demo.fields).toHaveLength(24)
    expect(new Set(demo.fields.map((f) => f.village)).size).toBe(3)
    expect(new Set(demo.fields.map((f) => f.crop))).toEqual(new Set(['maize', 'soybean', 'rice']))
  })

  it('keeps every field between 20 and 300 mu with a 2019–2024 history', () => {
    for (const f of demo.fields) {
      const mu = fromHa(f.areaHa, 'mu')
      expect(mu).toBeGreaterThanOrEqual(20 - 1e-9)
      expect(mu).toBeLessThanOrEqual(300 + 1e-9)
      expect(f.history.map((h) => h.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024])
    }
  })

  it('shows the drought year as the worst year of every rainfed field', () => {
    for (const f of demo.fields.filter((x) => x.waterRegime === 'rainfed')) {
      const worst = f.history.reduce((a, b) => (b.yieldKgPerHa < a.yieldKgPerHa ? b : a))
      expect(worst.year).toBe(DEMO_DROUGHT_YEAR)
    }
  })

  it('is valid input for the same schemas users are held to', () => {
    for (const { varietyName: _v, groupName: _g, ...f } of demo.fields) {
      expect(FieldInputSchema.safeParse({ ...f, varietyId: null, groupId: null }).success).toBe(true)
    }
    for (const v of demo.varieties) {
      expect(VarietyInputSchema.safeParse(v).success).toBe(true)
      expect(v.isExample).toBe(true)
      expect(v.source.length).toBeGreaterThan(10)
    }
  })

  it('is identical every time it is built', () => {
    expect(buildDemoWorkspace()).toEqual(demo)
  })
})
