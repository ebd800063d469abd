/**
 * A problem with how the command was called or with a file it was given. It carries a catalogue
 * key under `cli.` and its parameters, so the one line a user reads is in their language.
 */
export class UsageError extends Error {
  readonly key: string
  readonly params: Record<string, string | number>

  constructor(key: string, params: Record<string, string | number> = {}) {
    super(key)
    this.name = 'UsageError'
    this.key = key
    this.params = params
  }
}

export type Parsed = { positional: string[]; flags: Map<string, string | true> }

/** What a command accepts: flags without a value (`switches`), flags with one (`options`), and how many files. */
export type CommandSpec = { switches: readonly string[]; options: readonly string[]; positional: number }

/**
 * `--name value`, `--name=value` and bare `--switch`. Anything the command does not know is
 * refused: an unknown flag, a value given to a switch, a flag without its value, a dash
 * argument that is not a flag, or more files than the command reads.
 */
export function parseArgs(argv: readonly string[], spec: CommandSpec): Parsed {
  const positional: string[] = []
  const flags = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (!arg.startsWith('-') || arg === '-') {
      if (positional.length >= spec.positional) throw new UsageError('cli.extraArgument', { value: arg })
      positional.push(arg)
      continue
    }
    if (!arg.startsWith('--')) throw new UsageError('cli.unknownFlag', { flag: arg })
    const eq = arg.indexOf('=')
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq)
    if (spec.switches.includes(name)) {
      if (eq !== -1) throw new UsageError('cli.switchTakesNoValue', { flag: `--${name}` })
      flags.set(name, true)
      continue
    }
    if (!spec.options.includes(name)) throw new UsageError('cli.unknownFlag', { flag: `--${name}` })
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1)
    if (value === undefined || value === '') throw new UsageError('cli.needsValue', { flag: `--${name}` })
    flags.set(name, value)
  }
  return { positional, flags }
}

/** A number flag within [min, max] (exclusive of min when `aboveMin`); undefined when not given. */
export function numberFlag(
  flags: Parsed['flags'],
  name: string,
  min: number,
  max: number,
  aboveMin = false,
): number | undefined {
  const v = flags.get(name)
  if (v === undefined) return undefined
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN
  if (!Number.isFinite(n) || (aboveMin ? n <= min : n < min) || n > max)
    throw new UsageError(aboveMin ? 'cli.numberAbove' : 'cli.numberWithin', { flag: `--${name}`, min, max })
  return n
}

/** A whole-number flag from 1 to `max`, or `fallback` when not given. */
export function wholeFlag(flags: Parsed['flags'], name: string, fallback: number, max: number): number {
  const v = flags.get(name)
  if (v === undefined) return fallback
  const n = typeof v === 'string' && /^\d{1,16}$/.test(v) ? Number(v) : Number.NaN
  if (!Number.isSafeInteger(n) || n < 1 || n > max)
    throw new UsageError('cli.wholeNumber', { flag: `--${name}`, max })
  return n
}
