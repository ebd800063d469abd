import { type Locale, translate } from '../../engine/i18n/translate'
import { parseArgs, UsageError } from './args'
import {
  actualsOnPlan,
  COMMANDS,
  demoCommand,
  describeError,
  evaluateCommand,
  fitDensityCommand,
  type Io,
  isCommand,
  type Output,
  optimiseOnPlan,
  riskCommand,
  sensitivityCommand,
} from './commands'
import { readCheckedFile } from './read-file'

export const HELP = `丰收规划 命令行 / Fengshou Planner command line

  npm run cli -- demo
      示例方案文件（示例数据）输出到 stdout / the demo plan file to stdout
  npm run cli -- evaluate <plan.json> [--scenario NAME] [--units mu|ha] [--json]
      逐方案评估 / evaluate every scenario (or one) of a plan file
  npm run cli -- fit-density <points.csv> [--seed-price-yuan-per-1000 P] [--grain-price-yuan-per-kg G] [--at D1,D2] [--json]
      拟合产量—密度曲线 / fit a yield–density curve to trial points
  npm run cli -- risk <plan.json> [--scenario NAME] [--draws N] [--seed S] [--json]
      蒙特卡洛风险：P10/P50/P90 与跑赢基准的概率 / Monte Carlo percentiles and chance of beating the baseline
  npm run cli -- sensitivity <plan.json> [--scenario NAME] [--json]
      敏感性龙卷风图数据 / the sensitivity tornado
  npm run cli -- optimise <plan.json> --problem <problem.json> [--json]
      投资优化：哪年在哪块地做什么（HiGHS 精确求解）/ the roll-out HiGHS proves best
  npm run cli -- actuals <plan.json> <actuals.csv> [--scenario ID|NAME] [--units mu|ha|jin/mu|kg/ha|t/ha] [--json]
      实收对比与校准：预测误差、P10–P90 区间、假设校准建议 / plan against actual, and calibration proposals

Exit codes: 0 done, 3 no roll-out meets every limit (optimise), 2 not done (one line on stderr says why, in Chinese, or in English when LANG=en…).`

export const defaultIo: Io = { readFile: readCheckedFile, now: () => new Date() }

export type RunResult = { code: 0 | 2 | 3; stdout: string; stderr: string }

/** A line as a terminal shows it: no line breaks or control characters from file names or plans. */
function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim()
  return flat.length > 1000 ? `${flat.slice(0, 999)}…` : flat
}

/** The single stderr line of a failed run: the command (when there is one) and what went wrong. */
export function failureLine(error: unknown, locale: Locale, command?: string): string {
  const message = describeError(error, locale)
  return oneLine(
    command !== undefined && isCommand(command)
      ? translate(locale, 'cli.failed', { command, message })
      : translate(locale, 'cli.failedNoCommand', { message }),
  )
}

/**
 * One run of the command line: what goes to stdout, the one line for stderr when it failed, and
 * the exit code — 0 when done, 2 for anything else (bad arguments, a refused file or plan, or an
 * unexpected error).
 */
export function run(argv: readonly string[], locale: Locale, io: Io = defaultIo): RunResult {
  const [command, ...rest] = argv
  try {
    if (command === 'help' || command === '--help' || command === '-h')
      return { code: 0, stdout: `${HELP}\n`, stderr: '' }
    if (command === undefined) throw new UsageError('cli.noCommand')
    if (!isCommand(command)) throw new UsageError('cli.unknownCommand', { command })
    const args = parseArgs(rest, COMMANDS[command])
    const commands: Record<typeof command, () => Output> = {
      demo: () => demoCommand(io),
      evaluate: () => evaluateCommand(io, args),
      'fit-density': () => fitDensityCommand(io, args),
      risk: () => riskCommand(io, args),
      sensitivity: () => sensitivityCommand(io, args),
      optimise: () => optimiseOnPlan(io, args, locale),
      actuals: () => actualsOnPlan(io, args, locale),
    }
    const out = commands[command]()
    return { code: out.code ?? 0, stdout: out.stdout, stderr: out.stderr ?? '' }
  } catch (error) {
    return { code: 2, stdout: '', stderr: failureLine(error, locale, command) }
  }
}
