import { describe, expect, it } from 'vitest'
import { DEFAULT_ASSUMPTIONS } from '../../../engine/assumptions/defaults'
import { valuesOf } from '../../../engine/assumptions/resolve'
import { DEMO_VARIETIES } from '../../../engine/demo'
import { densityRange } from '../../../engine/model/density'
import { checkDensityAgainstVariety, needsDensityConfirmation } from '../../../engine/rules/density-check'

const fumin = DEMO_VARIETIES.find((v) => v.name === '富民985')!
const soy = DEMO_VARIETIES.find((v) => v.name === '东生118')!
const values = valuesOf(DEFAULT_ASSUMPTIONS)

const check = (density: number, extra: Partial<Parameters<typeof checkDensityAgainstVariety>[0]> = {}) =>
  checkDensityAgainstVariety({
    densityPlantsPerHa: density,
    crop: 'maize',
    waterRegime: 'drip',
    varietyDensities: fumin.densities,
    catalogue: DEMO_VARIETIES,
    ...extra,
  })

describe('is this density within the variety’s safe range for the water regime?', () => {
  it('inside 富民985’s drip range (70,000–90,000) it is within, at both ends', () => {
    expect(check(70_000).verdict).toBe('within')
    expect(check(90_000).verdict).toBe('within')
    expect(needsDensityConfirmation(check(80_000))).toBe(false)
  })

  it('4,667 per ha (a per-mu number read per ha) is below the range and named as a unit slip', () => {
    const found = check(4_667)
    expect(found).toEqual({ verdict: 'below', range: fumin.densities[1], unitSlip: true })
    expect(needsDensityConfirmation(found)).toBe(true)
  })

  it('just above the safe maximum is above, without a unit slip', () => {
    expect(check(95_000)).toMatchObject({ verdict: 'above', unitSlip: false })
  })

  it('uses the same range the yield model warns with (furrow is between rainfed and drip)', () => {
    const found = check(62_000, { waterRegime: 'furrow' })
    const model = densityRange('maize', fumin.densities, 'furrow', values)!
    expect(found).toMatchObject({ verdict: 'below', range: model })
    expect(model.minPlantsPerHa).toBe(65_000)
  })

  it('without a variety, compares with every range of the crop: near one is fine, far from all is asked', () => {
    expect(check(66_000, { varietyDensities: null }).verdict).toBe('near')
    expect(check(4_400, { varietyDensities: null })).toMatchObject({
      verdict: 'far',
      nearest: { minPlantsPerHa: 50_000, maxPlantsPerHa: 67_500 },
      unitSlip: true,
    })
  })

  it('a maize variety without records takes the model’s default range when the assumptions are given', () => {
    expect(check(40_000, { varietyDensities: [], values }).verdict).toBe('below')
    // without them only the catalogue's ranges: 40,000 is within a quarter of 先玉335's 50,000
    expect(check(40_000, { varietyDensities: [] }).verdict).toBe('near')
    expect(check(30_000, { varietyDensities: [] }).verdict).toBe('far')
  })

  it('soybean at 180,000 per ha is within; rice is never checked', () => {
    expect(
      check(180_000, { crop: 'soybean', waterRegime: 'rainfed', varietyDensities: soy.densities }).verdict,
    ).toBe('within')
    expect(
      check(12_000, { crop: 'soybean', waterRegime: 'rainfed', varietyDensities: soy.densities }),
    ).toMatchObject({ verdict: 'below', unitSlip: true })
    expect(check(300_000, { crop: 'rice', waterRegime: 'paddy', varietyDensities: null }).verdict).toBe(
      'unknown',
    )
  })
})
