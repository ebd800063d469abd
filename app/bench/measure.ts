// Helpers shared by every benchmark: timing medians, and the one JSON line per figure.

export type Bar = { max: number } | { min: number } | null

export type Figure = { bench: string; value: number; unit: string; bar: string; max?: number; min?: number }

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

const gc = (globalThis as { gc?: () => void }).gc

/** Collects garbage when the bench runs with --expose-gc, so a sample measures only its own work. */
export function collect(): void {
  gc?.()
}

/**
 * Median of `runs` timings in ms after `warmup` untimed runs. Each run starts after a collection,
 * so it measures its own work, not the garbage the previous run left behind.
 */
export function time(fn: () => unknown, runs: number, warmup = 5): number {
  for (let i = 0; i < warmup; i++) fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    collect()
    const t0 = performance.now()
    fn()
    samples.push(performance.now() - t0)
  }
  return median(samples)
}

/** The same for work that awaits (a worker, a child process, a socket). */
export async function timeAsync(fn: () => Promise<unknown>, runs: number, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    collect()
    const t0 = performance.now()
    await fn()
    samples.push(performance.now() - t0)
  }
  return median(samples)
}

function barText(bar: Bar, unit: string): string {
  if (bar === null) return 'informational'
  return 'max' in bar ? `<= ${bar.max} ${unit}` : `>= ${bar.min} ${unit}`
}

/** Prints one figure as a JSON line: {"bench", "value", "unit", "bar", and "max" or "min"}. */
export function report(bench: string, value: number, unit: string, bar: Bar, note?: string): Figure {
  const figure: Figure = {
    bench,
    value: Math.round(value * 100) / 100,
    unit,
    bar: note ? `${barText(bar, unit)}, ${note}` : barText(bar, unit),
    ...(bar ?? {}),
  }
  process.stdout.write(`${JSON.stringify(figure)}\n`)
  return figure
}
