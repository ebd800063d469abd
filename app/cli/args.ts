export class UsageError extends Error {}

export type Parsed = { positional: string[]; flags: Map<string, string | true> }

/** `--name value`, `--name=value` and bare `--flag`; booleans listed in `switches`. */
export function parseArgs(argv: string[], switches: readonly string[]): Parsed {
  const positional: string[] = []
  const flags = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (!arg.startsWith('--')) {
      positional.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq)
    if (switches.includes(name)) {
      flags.set(name, true)
      continue
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1)
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`)
    flags.set(name, value)
  }
  return { positional, flags }
}

export function positiveNumber(flags: Parsed['flags'], name: string): number | undefined {
  const v = flags.get(name)
  if (v === undefined) return undefined
  const n = typeof v === 'string' ? Number(v) : Number.NaN
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number`)
  return n
}
