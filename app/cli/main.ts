import { readFileSync } from 'node:fs'
import { parseArgs, UsageError } from './args'
import {
  demoCommand,
  describeError,
  evaluateCommand,
  fitDensityCommand,
  type Io,
  riskCommand,
  sensitivityCommand,
} from './commands'

const HELP = `丰收规划 命令行 / Fengshou Planner command line

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

Exit codes: 0 done, 2 bad input (the message says what).`

const io: Io = {
  readText: (path) => readFileSync(path, 'utf8'),
  readBytes: (path) => readFileSync(path),
  now: () => new Date(),
}

function run(argv: string[]): number {
  const [command, ...rest] = argv
  try {
    if (command === undefined || command === 'help' || command === '--help') {
      process.stdout.write(`${HELP}\n`)
      return command === undefined ? 2 : 0
    }
    const args = parseArgs(rest, ['json'])
    const output =
      command === 'demo'
        ? demoCommand(io)
        : command === 'evaluate'
          ? evaluateCommand(io, args)
          : command === 'fit-density'
            ? fitDensityCommand(io, args)
            : command === 'risk'
              ? riskCommand(io, args)
              : command === 'sensitivity'
                ? sensitivityCommand(io, args)
                : null
    if (!output) throw new UsageError(`unknown command "${command}"; try: npm run cli -- help`)
    process.stdout.write(output.stdout)
    return 0
  } catch (error) {
    process.stderr.write(`fengshou ${command ?? ''}: ${describeError(error)}\n`)
    return error instanceof UsageError || (error as { code?: string }).code === 'VALIDATION' ? 2 : 1
  }
}

process.exitCode = run(process.argv.slice(2))
