import { describe, expect, it } from 'vitest'
import { DEFAULT_ASSUMPTIONS } from '../../../engine/assumptions/defaults'
import { REGION_DEFAULTS, regionDefaults } from '../../../engine/regions'
import { FIELD_LIMITS, FieldInputSchema } from '../../../engine/schemas/field'
import { REGIONS } from '../../../engine/schemas/workspace'
import { validField } from '../../helpers/fields'

describe('region defaults for what an import leaves out', () => {
  it('every region has a heat sum and a grade a field can hold, each with a source, a confidence and a note', () => {
    for (const region of REGIONS) {
      const d = regionDefaults(region)
      const field = { ...validField, heatSumCd: d.heatSumCd.value, qualityGrade: d.qualityGrade.value }
      expect(FieldInputSchema.safeParse(field).success, region).toBe(true)
      for (const value of [d.heatSumCd, d.qualityGrade]) {
        expect(value.source.length, region).toBeGreaterThan(0)
        expect(['H', 'M', 'L', 'UNVERIFIED']).toContain(value.confidence)
        expect(value.note.length, region).toBeGreaterThan(20)
      }
      expect(d.heatSumCd.unit).toBe('°C·d')
      expect(d.qualityGrade.unit).toBe('grade')
    }
  })

  it('heat falls from west to east, and the centre is the NE centre’s ≈2,700 °C·d', () => {
    const heat = (r: keyof typeof REGION_DEFAULTS) => REGION_DEFAULTS[r].heatSumCd.value
    expect(heat('west')).toBeGreaterThan(heat('central'))
    expect(heat('central')).toBeGreaterThan(heat('east'))
    expect(heat('central')).toBe(2700)
    for (const r of REGIONS) {
      expect(heat(r)).toBeGreaterThanOrEqual(2000)
      expect(heat(r)).toBeLessThanOrEqual(3200)
      expect(heat(r)).toBeGreaterThanOrEqual(FIELD_LIMITS.heatSumMinCd)
    }
  })

  it('says UNVERIFIED wherever no source gives the number: only the centre’s heat sum is sourced', () => {
    const marks = REGIONS.flatMap((r) => [
      [`${r}.heat`, REGION_DEFAULTS[r].heatSumCd.confidence],
      [`${r}.grade`, REGION_DEFAULTS[r].qualityGrade.confidence],
    ])
    expect(Object.fromEntries(marks)).toEqual({
      'central.heat': 'M',
      'central.grade': 'UNVERIFIED',
      'east.heat': 'UNVERIFIED',
      'east.grade': 'UNVERIFIED',
      'west.heat': 'UNVERIFIED',
      'west.grade': 'UNVERIFIED',
    })
  })

  it('the west, drier and with saline soils, is given a poorer grade than the centre (1 is best)', () => {
    expect(REGION_DEFAULTS.west.qualityGrade.value).toBeGreaterThan(
      REGION_DEFAULTS.central.qualityGrade.value,
    )
    // The defaults are planning values like the assumptions', cited the same way.
    expect(DEFAULT_ASSUMPTIONS.length).toBeGreaterThan(0)
  })
})
