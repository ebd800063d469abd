import { hardBoundsOf } from '../../engine/assumptions/bounds'
import { decodeText, parseDensityCsv } from '../../engine/csv-numbers'
import { buildDemoPlan } from '../../engine/demo-plan'
import { AppError, type Issue } from '../../engine/errors'
import { type Locale, lookup, translate } from '../../engine/i18n/translate'
import { agronomicOptimum, economicOptimum, evalQuadratic, fitQuadratic } from '../../engine/model/density'
import { evaluatePlan } from '../../engine/model/evaluate'
import { FACTORS } from '../../engine/model/types'
import type { Solver } from '../../engine/optimiser/solve'
import { sensitivity } from '../../engine/risk/sensitivity'
import { simulateRisk } from '../../engine/risk/simulate'
import { FIELD_LIMITS } from '../../engine/schemas/field'
import type { Plan } from '../../engine/schemas/plan'
import { type AreaUnit, fromHa, perHaTo } from '../../engine/units'
import { PLAN_FILE_MAX_BYTES, parsePlanFile, toPlanFile } from '../use-cases/plan-file'
import { actualsCommand } from './actuals'
import { type CommandSpec, numberFlag, type Parsed, UsageError, wholeFlag } from './args'
import { checkJsonDepth } from './json-depth'
import { optimiseCommand } from './optimise'

export type Io = {
  /**
   * The bytes of a file, refused (UsageError) when it is missing, unreadable, not a regular file
   * or larger than `maxBytes`: checked before anything is read, so /dev/zero or a pipe never is.
   */
  readFile: (path: string, maxBytes: number) => Uint8Array
  now: () => Date
  /** HiGHS for `optimise`, loaded by the entry point (its loader is asynchronous) */
  highs?: Solver
}
/** What a command prints; `code` 3 and a line for stderr when a roll-out is infeasible. */
export type Output = { stdout: string; code?: 0 | 3; stderr?: string }

/** A trial-points CSV: 10,000 points of ~30 characters is 300 kB; 4 MB leaves room for any real one. */
export const DENSITY_CSV_MAX_BYTES = 4 * 1024 * 1024

/** What each command accepts; anything else is refused before any work starts. */
export const COMMANDS = {
  demo: { switches: [], options: [], positional: 0 },
  evaluate: { switches: ['json'], options: ['scenario', 'units'], positional: 1 },
  'fit-density': {
    switches: ['json'],
    options: ['seed-price-yuan-per-1000', 'grain-price-yuan-per-kg', 'at'],
    positional: 1,
  },
  risk: { switches: ['json'], options: ['scenario', 'draws', 'seed'], positional: 1 },
  sensitivity: { switches: ['json'], options: ['scenario'], positional: 1 },
  optimise: { switches: ['json'], options: ['problem'], positional: 1 },
  actuals: { switches: ['json'], options: ['scenario', 'units'], positional: 2 },
} as const satisfies Record<string, CommandSpec>

export type CommandName = keyof typeof COMMANDS

export function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name)
}

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits

/** `demo`: the demo workspace (示例数据) as a plan file on stdout. */
export function demoCommand(io: Io): Output {
  return { stdout: `${JSON.stringify(toPlanFile(buildDemoPlan(), io.now()), null, 2)}\n` }
}

/** `optimise <plan.json> --problem <problem.json> [--json]` (see optimise.ts) */
export function optimiseOnPlan(io: Io, args: Parsed, locale: Locale): Output {
  return optimiseCommand(io, args, loadPlan(io, args.positional[0], 'optimise'), locale)
}

/** `actuals <plan.json> <actuals.csv> [--scenario ID|NAME] [--units …] [--json]` (see actuals.ts) */
export function actualsOnPlan(io: Io, args: Parsed, locale: Locale): Output {
  return actualsCommand(io, args, loadPlan(io, args.positional[0], 'actuals'), locale)
}

function loadPlan(io: Io, path: string | undefined, command: CommandName): Plan {
  if (!path) throw new UsageError('cli.needsFile', { command, file: 'plan.json' })
  const bytes = io.readFile(path, PLAN_FILE_MAX_BYTES)
  const text = new TextDecoder('utf-8').decode(bytes)
  // Deep nesting would overflow the stack while the file is checked; refuse it before parsing.
  checkJsonDepth(text)
  const plan = parsePlanFile(text)
  if (plan.scenarios.length === 0) throw new UsageError('cli.noScenarios', { path })
  return plan
}

export const EVALUATE_MAX_ROWS = 500_000

/** `evaluate <plan.json> [--scenario NAME] [--units mu|ha] [--json]` */
export function evaluateCommand(io: Io, args: Parsed): Output {
  const units = (args.flags.get('units') ?? 'mu') as AreaUnit
  if (units !== 'mu' && units !== 'ha') throw new UsageError('cli.units')
  const plan = loadPlan(io, args.positional[0], 'evaluate')
  const chosen = pickScenarios(plan, args.flags.get('scenario'))
  const json = args.flags.get('json') === true
  // Every field of every scenario is one row of the JSON output (about 450 bytes): beyond the
  // limit the output would run to hundreds of megabytes, so ask for one scenario at a time.
  if (json && plan.fields.length * chosen.length > EVALUATE_MAX_ROWS)
    throw new UsageError('cli.outputTooLarge', {
      fields: plan.fields.length,
      scenarios: chosen.length,
      limit: EVALUATE_MAX_ROWS,
    })
  const result = evaluatePlan(plan, { scenarioIds: chosen.map((s) => s.id) })
  const names = new Map(plan.fields.map((f) => [f.id, f.name]))
  const scenarios = result.scenarios.map((s) => ({
    name: s.name,
    isBaseline: s.isBaseline,
    totals: {
      areaHa: s.totals.areaHa,
      productionKg: s.totals.productionKg,
      baselineProductionKg: s.totals.baselineProductionKg,
      upliftPct: s.totals.upliftPct,
      grossMarginYuan: s.totals.money.grossMarginYuan,
      baselineGrossMarginYuan: s.totals.baselineMoney.grossMarginYuan,
      investmentYuan: s.totals.investmentYuan,
      funding: s.totals.funding,
      npvYuan: s.totals.npvYuan,
      paybackYears: s.totals.paybackYears,
      contributionsKg: s.totals.contributionsKg,
      warningCount: s.warningCount,
      npvFinancedYuan: s.finance.npvFinancedYuan,
      irr: s.finance.irr,
      irrFinanced: s.finance.irrFinanced,
      lowestBalanceYear: s.finance.lowestBalanceYear,
    },
    financing: {
      loanYuan: s.finance.financing.loanYuan,
      annualPaymentYuan: s.finance.financing.annualPaymentYuan,
      totalInterestYuan: s.finance.financing.totalInterestYuan,
      interestSubsidyYuan: s.finance.financing.interestSubsidyYuan,
    },
    // Year 0 is the investment year; net = margin gain + loan draw − investment − debt service.
    cashFlow: s.finance.cashFlow.map((r) => ({
      year: r.year,
      investmentYuan: r.investmentYuan,
      marginGainYuan: r.marginGainYuan,
      loanDrawYuan: r.loanDrawYuan,
      debtServiceYuan: r.debtServiceYuan,
      interestYuan: r.interestYuan,
      netYuan: r.netYuan,
      balanceYuan: r.balanceYuan,
      salvageYuan: r.salvageYuan,
    })),
    // Only the JSON output lists fields; the text shows totals.
    fields: (json ? s.fields : []).map((f) => ({
      fieldId: f.fieldId,
      name: names.get(f.fieldId) ?? '',
      yieldKgPerHa: f.yieldKgPerHa,
      baselineYieldKgPerHa: f.baselineYieldKgPerHa,
      yieldKgPerArea: perHaTo(f.yieldKgPerHa, units),
      upliftPct: f.upliftPct,
      contributions: f.contributions,
      warnings: f.warnings,
    })),
  }))
  if (json) return { stdout: `${JSON.stringify({ units, scenarios }, null, 2)}\n` }

  const fmt = (x: number, d = 0) => x.toLocaleString('zh-CN', { maximumFractionDigits: d })
  const lines: string[] = []
  for (const s of scenarios) {
    const t = s.totals
    lines.push(`${s.name}${s.isBaseline ? '（基准 baseline）' : ''}`)
    lines.push(`  面积 area            ${fmt(fromHa(t.areaHa, units), 1)} ${units}`)
    lines.push(
      `  总产 production      ${fmt(t.productionKg / 1000, 1)} t  (基准 ${fmt(t.baselineProductionKg / 1000, 1)} t)`,
    )
    lines.push(`  增产 uplift          ${fmt(t.upliftPct, 2)} %`)
    lines.push(`  毛利 gross margin    ${fmt(t.grossMarginYuan)} 元 yuan`)
    lines.push(`  投资 investment      ${fmt(t.investmentYuan)} 元 yuan`)
    lines.push(`  净现值 NPV           ${fmt(t.npvYuan)} 元 yuan`)
    lines.push(`  回收期 payback       ${t.paybackYears === null ? '—' : `${t.paybackYears} 年 years`}`)
    const pct = (r: number | null) => (r === null ? '—' : `${fmt(r * 100, 1)} %`)
    lines.push(`  贷款 loans           ${fmt(s.financing.loanYuan)} 元 yuan`)
    lines.push(`  首年还款 payment     ${fmt(s.financing.annualPaymentYuan)} 元 yuan`)
    lines.push(`  利息 interest        ${fmt(s.financing.totalInterestYuan)} 元 yuan`)
    lines.push(`  含贷款净现值 NPV     ${fmt(t.npvFinancedYuan)} 元 yuan`)
    lines.push(`  内部收益率 IRR       ${pct(t.irr)} / ${pct(t.irrFinanced)}`)
    lines.push(`  最低余额年 low year  ${t.lowestBalanceYear}`)
    lines.push(`  提示 warnings        ${t.warningCount}`)
    for (const f of FACTORS) lines.push(`    ${f.padEnd(14)} ${fmt(t.contributionsKg[f] / 1000, 2)} t`)
  }
  return { stdout: `${lines.join('\n')}\n` }
}

// Prices and densities on the command line stay within the bounds the model itself accepts.
const SEED_PRICE_MAX = Math.max(
  hardBoundsOf('seed.maize.yuanPer1000')!.max,
  hardBoundsOf('seed.soybean.yuanPer1000')!.max,
)
const GRAIN_PRICE_MAX = hardBoundsOf('price.maize')!.max
const MAX_AT = 1_000

/** `--at 60000,70000`: densities in plants/ha where the fit is read, at most MAX_AT of them. */
function densitiesAt(flag: string | true | undefined): number[] {
  if (typeof flag !== 'string') return []
  const parts = flag.split(',')
  if (parts.length > MAX_AT) throw new UsageError('cli.atTooMany', { limit: MAX_AT })
  return parts.map((s) => {
    const t = s.trim()
    const n = t === '' ? Number.NaN : Number(t)
    if (
      !Number.isFinite(n) ||
      n < FIELD_LIMITS.densityMinPlantsPerHa ||
      n > FIELD_LIMITS.densityMaxPlantsPerHa
    )
      throw new UsageError('cli.atDensities', {
        min: FIELD_LIMITS.densityMinPlantsPerHa,
        max: FIELD_LIMITS.densityMaxPlantsPerHa,
      })
    return n
  })
}

/** `fit-density <points.csv> [--seed-price-yuan-per-1000 P] [--grain-price-yuan-per-kg G] [--at D1,D2] [--json]` */
export function fitDensityCommand(io: Io, args: Parsed): Output {
  const path = args.positional[0]
  if (!path) throw new UsageError('cli.needsFile', { command: 'fit-density', file: 'points.csv' })
  const seed = numberFlag(args.flags, 'seed-price-yuan-per-1000', 0, SEED_PRICE_MAX, true)
  const grain = numberFlag(args.flags, 'grain-price-yuan-per-kg', 0, GRAIN_PRICE_MAX, true)
  const at = densitiesAt(args.flags.get('at'))
  const bytes = io.readFile(path, DENSITY_CSV_MAX_BYTES)
  const points = parseDensityCsv(decodeText(bytes).text)
  const fit = fitQuadratic(points)
  const aopd = agronomicOptimum(fit)
  const eosr =
    seed !== undefined && grain !== undefined ? economicOptimum(fit, seed / 1000, grain) : undefined
  const out = {
    family: fit.family,
    params: { b0: fit.b0, b1: fit.b1, b2: fit.b2 },
    n: fit.n,
    distinctDensities: fit.distinctDensities,
    aopdPlantsPerHa: aopd,
    ...(eosr !== undefined ? { eosrPlantsPerHa: eosr } : {}),
    rmseKgPerHa: fit.rmseKgPerHa,
    r2: fit.r2,
    predictions: at.map((d) => ({ densityPlantsPerHa: d, yieldKgPerHa: evalQuadratic(fit, d) })),
  }
  if (args.flags.get('json') === true) return { stdout: `${JSON.stringify(out, null, 2)}\n` }
  const lines = [
    `拟合 fit: Y = ${round(fit.b0, 3)} + ${round(fit.b1, 8)}·D + ${fit.b2.toExponential(6)}·D²  (kg/ha, plants/ha)`,
    `点数 points ${fit.n}, 密度 densities ${fit.distinctDensities}, RMSE ${round(fit.rmseKgPerHa, 1)} kg/ha, R² ${round(fit.r2, 4)}`,
    `农艺最优 agronomic optimum: ${aopd === null ? '— (曲线不下弯 the curve does not bend down)' : `${Math.round(aopd)} plants/ha`}`,
    ...(eosr !== undefined
      ? [`经济最优 economic optimum: ${eosr === null ? '—' : `${Math.round(eosr)} plants/ha`}`]
      : []),
    ...out.predictions.map(
      (p) => `  ${p.densityPlantsPerHa} plants/ha → ${Math.round(p.yieldKgPerHa)} kg/ha`,
    ),
  ]
  return { stdout: `${lines.join('\n')}\n` }
}

function pickScenarios(plan: Plan, name: string | true | undefined) {
  if (typeof name !== 'string') return plan.scenarios
  const chosen = plan.scenarios.filter((s) => s.name === name)
  if (chosen.length === 0) {
    const names = plan.scenarios.map((s) => s.name)
    throw new UsageError('cli.noSuchScenario', {
      name,
      names: names.length > 10 ? `${names.slice(0, 10).join('、')}…` : names.join('、'),
    })
  }
  return chosen
}

/**
 * The Monte Carlo visits every field of every scenario in every draw, keeps every scenario's
 * draws in memory, and before it starts evaluates the whole plan once per uncertain coefficient
 * (about forty times). Beyond these limits a run would take hours or exhaust memory, so it is
 * refused before it starts: field-draws (≈ 4 min at 40 million a second), samples kept (320 MB),
 * and fields × scenarios per evaluation (≈ 10 s of set-up).
 */
export const RISK_MAX_FIELD_DRAWS = 10_000_000_000
export const RISK_MAX_SAMPLES = 20_000_000
export const RISK_MAX_FIELD_RUNS = 2_000_000

/** `risk <plan.json> [--scenario NAME] [--draws N] [--seed S] [--json]` */
export function riskCommand(io: Io, args: Parsed): Output {
  const draws = wholeFlag(args.flags, 'draws', 10_000, 1_000_000)
  const seedFlag = args.flags.get('seed')
  const seed =
    seedFlag === undefined ? 1 : /^-?\d{1,16}$/.test(String(seedFlag)) ? Number(seedFlag) : Number.NaN
  if (!Number.isSafeInteger(seed)) throw new UsageError('cli.seed')
  const plan = loadPlan(io, args.positional[0], 'risk')
  const wanted = new Set(pickScenarios(plan, args.flags.get('scenario')).map((s) => s.id))
  const runs = plan.scenarios.length + 1
  if (
    draws * plan.fields.length * runs > RISK_MAX_FIELD_DRAWS ||
    draws * runs > RISK_MAX_SAMPLES ||
    plan.fields.length * runs > RISK_MAX_FIELD_RUNS
  )
    throw new UsageError('cli.riskTooLarge', {
      draws,
      fields: plan.fields.length,
      scenarios: plan.scenarios.length,
    })
  const result = simulateRisk(plan, { draws, seed })
  const pct = (p: { p10: number; p50: number; p90: number }) => ({ p10: p.p10, p50: p.p50, p90: p.p90 })
  const scenarios = [result.baseline, ...result.scenarios]
    .filter((s) => s.scenarioId !== null && wanted.has(s.scenarioId))
    .map((s) => ({
      name: s.name,
      isBaseline: s.isBaseline,
      productionKg: pct(s.productionKg),
      grossMarginYuan: pct(s.grossMarginYuan),
      yearlyInvestmentCostYuan: s.yearlyInvestmentCostYuan,
      probBeatsBaseline: s.probBeatsBaseline,
    }))
  if (args.flags.get('json') === true)
    return { stdout: `${JSON.stringify({ draws, seed, scenarios }, null, 2)}\n` }
  const fmt = (x: number) => x.toLocaleString('zh-CN', { maximumFractionDigits: 0 })
  const lines = [`抽样 draws ${draws}, 种子 seed ${seed}`]
  for (const s of scenarios) {
    lines.push(`${s.name}${s.isBaseline ? '（基准 baseline）' : ''}`)
    lines.push(
      `  总产 production P10/P50/P90   ${fmt(s.productionKg.p10 / 1000)} / ${fmt(s.productionKg.p50 / 1000)} / ${fmt(s.productionKg.p90 / 1000)} t`,
    )
    lines.push(
      `  毛利 margin P10/P50/P90       ${fmt(s.grossMarginYuan.p10)} / ${fmt(s.grossMarginYuan.p50)} / ${fmt(s.grossMarginYuan.p90)} 元`,
    )
    if (s.probBeatsBaseline !== null) {
      lines.push(`  投资年成本 yearly investment  ${fmt(s.yearlyInvestmentCostYuan)} 元`)
      lines.push(`  跑赢基准 beats baseline       ${(s.probBeatsBaseline * 100).toFixed(1)} %`)
    }
  }
  return { stdout: `${lines.join('\n')}\n` }
}

/** `sensitivity <plan.json> [--scenario NAME] [--json]`: the tornado for one scenario. */
export function sensitivityCommand(io: Io, args: Parsed): Output {
  const plan = loadPlan(io, args.positional[0], 'sensitivity')
  const scenario =
    typeof args.flags.get('scenario') === 'string'
      ? pickScenarios(plan, args.flags.get('scenario'))[0]!
      : (plan.scenarios.find((s) => !s.isBaseline) ?? plan.scenarios[0]!)
  const rows = sensitivity(plan, scenario.id)
  if (args.flags.get('json') === true)
    return { stdout: `${JSON.stringify({ scenario: scenario.name, rows }, null, 2)}\n` }
  const fmt = (x: number) => x.toLocaleString('zh-CN', { maximumFractionDigits: 0 })
  return {
    stdout: `${[`${scenario.name}`, ...rows.slice(0, 15).map((r) => `  ${r.key.padEnd(32)} ±${fmt(r.swingMarginYuan / 2)} 元  (${fmt(r.grossMarginAtLowYuan)} … ${fmt(r.grossMarginAtHighYuan)})`)].join('\n')}\n`,
  }
}

/** Where an issue is, as a user reads it: plan.assumptions.0.value [finance.horizonYears]. */
function pathText(issue: Issue): string {
  const key = issue.params?.key
  return `${issue.path.map(String).join('.')}${typeof key === 'string' ? ` [${key}]` : ''}`
}

/**
 * The one line a failed command prints, in the user's language: a usage problem in its own words,
 * a refused input as its rule (and where it is), anything else as the error code's sentence.
 * Never raw exception text, never a stack trace.
 */
export function describeError(error: unknown, locale: Locale): string {
  if (error instanceof UsageError) return translate(locale, error.key, error.params)
  if (error instanceof AppError) {
    const issues = error.details.issues ?? []
    const issue = issues[0]
    if (!issue) return translate(locale, `errors.code.${error.code}`)
    const ruleKey = `errors.rule.${issue.rule}`
    const rule = lookup(locale, ruleKey)
      ? translate(locale, ruleKey, issue.params ?? {})
      : translate(locale, `errors.code.${error.code}`)
    // A line-numbered rule says where it is itself.
    const where =
      issue.path.length > 0 && issue.params?.line === undefined
        ? translate(locale, 'cli.issueAt', { message: rule, path: pathText(issue) })
        : rule
    return issues.length > 1
      ? translate(locale, 'cli.andMore', { message: where, count: issues.length - 1 })
      : where
  }
  return translate(locale, 'errors.code.INTERNAL')
}
