export type ServeArgs = { port: number; dataDir: string | null; open: boolean; demo: boolean }

export class ArgsError extends Error {}

/**
 * `--port N` (0 = any free port), `--data-dir DIR`, `--open` (open the default browser), `--demo`
 * (with no workspace open yet, make and open the demo instead of showing the welcome page).
 */
export function parseServeArgs(argv: string[]): ServeArgs {
  const args: ServeArgs = { port: 0, dataDir: null, open: false, demo: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [flag, inline] =
      arg?.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined]
    const value = () => {
      const v = inline ?? argv[++i]
      if (v === undefined || v === '') throw new ArgsError(`${flag} needs a value`)
      return v
    }
    if (flag === '--port') {
      const port = Number(value())
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ArgsError('--port must be 0–65535')
      args.port = port
    } else if (flag === '--data-dir') {
      args.dataDir = value()
    } else if (flag === '--open') {
      args.open = true
    } else if (flag === '--demo') {
      args.demo = true
    } else {
      throw new ArgsError(`Unknown option ${arg}`)
    }
  }
  return args
}
