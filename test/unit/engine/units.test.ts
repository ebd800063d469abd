import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  fromHa,
  fromKg,
  perHaTo,
  toHa,
  toKg,
  toPerHa,
  yieldFromKgPerHa,
  yieldToKgPerHa,
} from '../../../engine/units'

describe('units', () => {
  it('a 15-mu field is exactly 1 ha', () => {
    expect(toHa(15, 'mu')).toBe(1)
    expect(fromHa(1, 'mu')).toBe(15)
  })

  it('60,000 / 70,000 plants per ha are 4,000 / 4,667 plants per mu (AGRONOMY conversions)', () => {
    expect(perHaTo(60_000, 'mu')).toBe(4000)
    expect(Math.round(perHaTo(70_000, 'mu'))).toBe(4667)
  })

  it('10,500 kg/ha is 1,400 jin/mu, and 1 t is 2,000 jin', () => {
    expect(yieldFromKgPerHa(10_500, 'jin', 'mu')).toBeCloseTo(1400, 9)
    expect(fromKg(toKg(1, 't'), 'jin')).toBe(2000)
  })

  it('mu ↔ ha, kg ↔ jin ↔ t and per-area rates round-trip', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e7, noNaN: true }), (x) => {
        expect(toHa(fromHa(x, 'mu'), 'mu')).toBeCloseTo(x, 6)
        expect(fromKg(toKg(x, 'jin'), 'jin')).toBeCloseTo(x, 6)
        expect(fromKg(toKg(x, 't'), 't')).toBeCloseTo(x, 6)
        expect(toPerHa(perHaTo(x, 'mu'), 'mu')).toBeCloseTo(x, 6)
        expect(yieldToKgPerHa(yieldFromKgPerHa(x, 'jin', 'mu'), 'jin', 'mu')).toBeCloseTo(x, 6)
      }),
    )
  })
})
