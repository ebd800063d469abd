import { AppError } from '../../engine/errors'
import { type Locale, translate } from '../../engine/i18n/translate'
import { buildInput } from '../../engine/optimiser/candidates'
import { ProblemSchema } from '../../engine/optimiser/problem'
import { optimise, type Solver } from '../../engine/optimiser/solve'
import type { OptimiseResult, OptimiserInput, Shortfall } from '../../engine/optimiser/types'
import type { Plan } from '../../engine/schemas/plan'
import { parseOrThrow } from '../../engine/validation'
import { type Parsed, UsageError } from './args'
import { checkJsonDepth } from './json-depth'

/** A problem file is a few years of limits and a list of kept fields: 4 MB is far beyond any. */
export const PROBLEM_FILE_MAX_BYTES = 4 * 1024 * 1024

/**
 * A batch job must end: past this the best schedule found so far is printed with status
 * time_limit and its gap (1,000 fields × 3 years take about a second).
 */
export const OPTIMISE_TIME_LIMIT_SECONDS = 120

export type OptimiseIo = {
  readFile: (path: string, maxBytes: number) => Uint8Array
  /** HiGHS, loaded by the entry point before the run (its loader is asynchronous) */
  highs?: Solver
}

export type OptimiseOutput = { stdout: string; code: 0 | 3; stderr: string }

function readProblem(io: OptimiseIo, path: string) {
  const text = new TextDecoder('utf-8').decode(io.readFile(path, PROBLEM_FILE_MAX_BYTES))
  checkJsonDepth(text)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new AppError('VALIDATION', 'The problem file is not JSON', {
      issues: [{ path: ['problem'], rule: 'not_json' }],
    })
  }
  return parseOrThrow(ProblemSchema, json)
}

/** The shortfalls as one sentence: "the 2026 budget is 380,000 yuan short; …". */
export function shortfallText(locale: Locale, shortfalls: readonly Shortfall[]): string {
  if (shortfalls.length === 0) return translate(locale, 'cli.infeasibleUnknown')
  const fmt = (x: number) => x.toLocaleString(locale, { maximumFractionDigits: 1 })
  const reasons = shortfalls
    .map((s) => translate(locale, `cli.shortfall.${s.family}`, { year: s.year ?? '', amount: fmt(s.amount) }))
    .join(locale === 'zh-CN' ? '；' : '; ')
  return translate(locale, 'cli.infeasible', { reasons })
}

function view(r: OptimiseResult, input: OptimiserInput) {
  return {
    status: r.status,
    objective: r.objective,
    gapPct: r.gapPct,
    npvYuan: r.npvYuan,
    baseline: { productionKg: input.baselineProductionKg, marginYuan: input.baselineMarginYuan },
    schedule: r.schedule,
    years: r.years.map((y) => ({
      year: y.year,
      spendYuan: y.spendYuan,
      loanYuan: y.loanYuan,
      governmentYuan: y.governmentYuan,
      fields: y.fields,
      productionKg: y.productionKg,
      marginYuan: y.marginYuan,
      npvYuan: y.npvYuan,
    })),
    binding: r.binding,
    shortfalls: r.shortfalls,
    greedy: r.greedy && {
      objective: r.greedy.objective,
      npvYuan: r.greedy.npvYuan,
      actions: r.greedy.schedule.length,
    },
  }
}

/**
 * `optimise <plan.json> --problem <problem.json> [--json]`: the roll-out that HiGHS proves best.
 * Exit 0 with the schedule; 3 when no schedule meets every limit (stdout still carries the
 * result with its shortfalls, stderr says which limit gives); 2 for bad input, as every command.
 */
export function optimiseCommand(io: OptimiseIo, args: Parsed, plan: Plan, locale: Locale): OptimiseOutput {
  const problemPath = args.flags.get('problem')
  if (typeof problemPath !== 'string') throw new UsageError('cli.needsProblem')
  const problem = readProblem(io, problemPath)
  if (!io.highs) throw new UsageError('cli.solverMissing')
  const input = buildInput(plan, problem)
  const r = optimise(io.highs, input, { timeLimitSeconds: OPTIMISE_TIME_LIMIT_SECONDS })
  const out = view(r, input)
  const code = r.status === 'infeasible' ? 3 : 0
  const stderr = code === 3 ? shortfallText(locale, r.shortfalls) : ''
  if (r.status === 'error') throw new AppError('INTERNAL', 'HiGHS did not finish the roll-out')
  if (args.flags.get('json') === true) return { stdout: `${JSON.stringify(out, null, 2)}\n`, code, stderr }

  const names = new Map(plan.fields.map((f) => [f.id, f.name]))
  const fmt = (x: number, d = 0) => x.toLocaleString('zh-CN', { maximumFractionDigits: d })
  const lines = [
    `状态 status          ${out.status}`,
    `目标 objective       ${out.objective === null ? '—' : fmt(out.objective)}`,
    `间隙 gap             ${out.gapPct === null ? '—' : `${fmt(out.gapPct, 4)} %`}`,
    `净现值 NPV           ${fmt(out.npvYuan)} 元 yuan`,
    '安排 schedule',
    ...out.schedule.map((s) => `  ${s.year}  ${names.get(s.fieldId) ?? s.fieldId}  ${s.action}`),
    `不改造 doing nothing  总产 production ${fmt(out.baseline.productionKg / 1000, 1)} t  毛利 margin ${fmt(out.baseline.marginYuan)} 元`,
    '逐年 by year',
    ...out.years.map(
      (y) =>
        `  ${y.year}  投入 spend ${fmt(y.spendYuan)} 元  贷款 loan ${fmt(y.loanYuan)} 元  总产 production ${fmt(y.productionKg / 1000, 1)} t  毛利 margin ${fmt(y.marginYuan)} 元  NPV ${fmt(y.npvYuan)} 元`,
    ),
    '约束影子价格 binding limits (LP relaxation)',
    ...out.binding.map(
      (b) => `  ${b.family}${b.year === null ? '' : ` ${b.year}`}  ${fmt(b.shadowPrice, 4)}`,
    ),
    ...(out.greedy ? [`贪心法 greedy (best gain per yuan first)  ${fmt(out.greedy.objective)}`] : []),
    ...(code === 3 ? [stderr] : []),
  ]
  return { stdout: `${lines.join('\n')}\n`, code, stderr }
}
