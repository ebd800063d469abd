import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus'

/** murmur3's 32-bit finaliser: a bijection that spreads every input bit over the output. */
function mix32(x: number): number {
  let h = x | 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h | 0
}

/**
 * The simulation's random numbers: xoroshiro128+ (pure-rand) seeded by the user's seed, so the
 * same seed gives the same numbers on any machine. Normals by Box–Muller, two per pair of uniforms.
 */
export class Random {
  private readonly rng
  private spare = Number.NaN

  constructor(seed: number, state?: readonly [number, number, number, number]) {
    this.rng = state ? xoroshiro128plusFromState(state) : xoroshiro128plus(seed | 0)
  }

  /**
   * Stream number `stream` of a seed: its own full 128-bit state, hashed from the seed and the
   * stream number, so a run split into blocks draws the same numbers whichever machine, worker
   * or order computes each block.
   */
  static stream(seed: number, stream: number): Random {
    const key = mix32(mix32((seed | 0) ^ 0x9e3779b9) ^ Math.imul((stream | 0) + 1, 0x85ebca6b))
    const words = [1, 2, 3, 4].map((i) => mix32(key + Math.imul(i, 0x9e3779b9))) as [
      number,
      number,
      number,
      number,
    ]
    // xoroshiro's all-zero state never leaves zero; a hash landing there is moved off it.
    if (words.every((w) => w === 0)) words[0] = 1
    return new Random(seed, words)
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

  /**
   * A draw from [low, high] whose MEAN is `value` (not its mode): a split triangle. Each side of
   * `value` is a right triangle peaking at `value`; the lower side is taken with probability
   * (high − value)/(high − low), the weight at which the two sides' pulls on the mean cancel. A
   * symmetric range gives the ordinary triangular distribution; a lopsided one (rent 300–400–900)
   * keeps its mean at 400, where a triangular would move it to 533. A value at an end of its range
   * (0–0–500) can only have that mean by staying there, so it is returned as it is. One uniform per
   * draw, as triangular().
   */
  meanPreserving(low: number, value: number, high: number): number {
    if (!(high > low)) return value
    const u = this.uniform()
    const p = (high - value) / (high - low)
    if (u < p) return low + (value - low) * Math.sqrt(u / p)
    return high - (high - value) * Math.sqrt((1 - u) / (1 - p))
  }
}
