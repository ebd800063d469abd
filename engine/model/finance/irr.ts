/** Net present value of yearly flows (flows[t] at the end of year t; year 0 undiscounted). */
export function npv(flows: readonly number[], rate: number): number {
  let sum = 0
  let factor = 1
  for (let t = 0; t < flows.length; t++) {
    sum += flows[t]! / factor
    factor *= 1 + rate
  }
  return sum
}

const LOW = -0.99
const HIGH = 10

/**
 * The internal rate of return: the rate at which NPV = 0, by bisection between −99 % and
 * 1,000 %. Null when nothing is paid in first, or no rate there solves it (never paid back). Where several rates do (flows that change sign more than once), the lowest
 * one found scanning upwards.
 */
export function irr(flows: readonly number[]): number | null {
  // A return on money put in: the first flow that is not zero must be an outlay. Borrowing more
  // than is invested (cash in first, out later) has a root too, but it is no rate of return.
  const first = flows.find((f) => f !== 0)
  if (first === undefined || first > 0 || !flows.some((f) => f > 0)) return null
  // Scan for the first bracket with a sign change, then bisect inside it.
  const steps = 200
  let a = LOW
  let fa = npv(flows, a)
  for (let i = 1; i <= steps; i++) {
    const b = LOW + ((HIGH - LOW) * i) / steps
    const fb = npv(flows, b)
    if (fa === 0) return a
    if (fa * fb < 0) return bisect(flows, a, b, fa)
    a = b
    fa = fb
  }
  return fa === 0 ? a : null
}

function bisect(flows: readonly number[], lo: number, hi: number, fLo: number): number {
  let a = lo
  let fa = fLo
  let b = hi
  for (let i = 0; i < 200 && b - a > 1e-12; i++) {
    const mid = (a + b) / 2
    const fm = npv(flows, mid)
    if (fm === 0) return mid
    if (fa * fm < 0) b = mid
    else {
      a = mid
      fa = fm
    }
  }
  return (a + b) / 2
}
