import highsLoader from 'highs'
import { localeFromEnv } from '../../engine/i18n/translate'
import { defaultIo, failureLine, run } from './run'

// The command line's entry: one run, its output, and an exit code (0 done, 3 an infeasible roll-out, 2 anything else). A
// failure is always one translated line on stderr, whatever happened, never a stack trace.
const locale = localeFromEnv(process.env)

function fail(error: unknown): void {
  process.stderr.write(`${failureLine(error, locale)}\n`)
  process.exit(2)
}

process.on('uncaughtException', fail)
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // The reader went away (`… | head`): it has what it wanted; stop quietly.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  else fail(error)
})

const argv = process.argv.slice(2)
// HiGHS loads asynchronously (WebAssembly): only the optimiser needs it.
const highs = argv[0] === 'optimise' ? await highsLoader().catch(() => undefined) : undefined
const result = run(argv, locale, { ...defaultIo, highs })
if (result.stdout) process.stdout.write(result.stdout)
if (result.stderr) process.stderr.write(`${result.stderr}\n`)
process.exitCode = result.code
