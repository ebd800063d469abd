import fc from 'fast-check'
import highsLoader from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkSchedule } from '../../../../engine/optimiser/check'
import { optimise, type Solver } from '../../../../engine/optimiser/solve'
import { bruteForce, smallInput } from '../../../helpers/optimiser'

let highs: Solver
beforeAll(async () => {
  highs = await highsLoader()
})

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b))

describe('the roll-out MIP against exhaustive search', () => {
  it('finds the same best objective as trying every schedule, and its schedule passes the independent checker', () => {
    let feasible = 0
    let infeasible = 0
    fc.assert(
      fc.property(smallInput, (input) => {
        const exact = bruteForce(input)
        const r = optimise(highs, input, { mipRelGap: 0, withShadowPrices: false })
        if (exact === null) {
          infeasible++
          expect(r.status).toBe('infeasible')
          expect(r.shortfalls.length).toBeGreaterThan(0)
          return
        }
        feasible++
        expect(r.status).toBe('optimal')
        expect(rel(r.objective!, exact.objective)).toBeLessThan(1e-6)
        const check = checkSchedule(input, input.candidates, r.schedule)
        expect(check.violations).toEqual([])
        expect(rel(check.objective, r.objective!)).toBeLessThan(1e-6)
        // The rule of thumb is a feasible schedule too (when no minimum production asks more of
        // it), and never beats the optimum.
        const g = r.greedy!
        const gc = checkSchedule(input, input.candidates, g.schedule)
        if (gc.violations.length === 0)
          expect(g.objective).toBeLessThanOrEqual(r.objective! + 1e-6 * Math.max(1, Math.abs(r.objective!)))
      }),
      { seed: 20261203, numRuns: 150 },
    )
    // The generator must exercise both outcomes, or the property proves less than it says.
    expect(feasible).toBeGreaterThan(50)
    expect(infeasible).toBeGreaterThan(3)
  })
})
