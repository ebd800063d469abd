import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'

/**
 * The simulation's random numbers: xoroshiro128+ (pure-rand) seeded by the user's seed, so the
 * same seed gives the same numbers on any machine. Normals by Box–Muller, two per pair of uniforms.
 */
export class Random {
  private readonly rng
  private spare = Number.NaN

  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed | 0)
  }

  /** uniform in (0, 1): never 0, so log() is safe */
  uniform(): number {
    return ((this.rng.next() >>> 0) + 0.5) / 4_294_967_296
  }

  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const z = this.spare
      this.spare = Number.NaN
      return z
    }
    const r = Math.sqrt(-2 * Math.log(this.uniform()))
    const a = 2 * Math.PI * this.uniform()
    this.spare = r * Math.sin(a)
    return r * Math.cos(a)
  }

  /** 16 random bits, for indexing a table */
  bits16(): number {
    return this.rng.next() & 0xffff
  }

  /** triangular on [low, high] with its mode at `mode`: a range with a most likely value */
  triangular(low: number, mode: number, high: number): number {
    if (!(high > low)) return mode
    const u = this.uniform()
    const c = (mode - low) / (high - low)
    return u < c
      ? low + Math.sqrt(u * (high - low) * (mode - low))
      : high - Math.sqrt((1 - u) * (high - low) * (high - mode))
  }
}
