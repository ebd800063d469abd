import { decodeText, parseDensityCsv } from '../../engine/csv-numbers'
import { buildDemoPlan } from '../../engine/demo-plan'
import { AppError } from '../../engine/errors'
import { agronomicOptimum, economicOptimum, evalQuadratic, fitQuadratic } from '../../engine/model/density'
import { evaluatePlan } from '../../engine/model/evaluate'
import { FACTORS } from '../../engine/model/types'
import { sensitivity } from '../../engine/risk/sensitivity'
import { simulateRisk } from '../../engine/risk/simulate'
import type { Plan } from '../../engine/schemas/plan'
import { type AreaUnit, fromHa, perHaTo } from '../../engine/units'
import { parsePlanFile, toPlanFile } from '../use-cases/plan-file'
import { type Parsed, positiveNumber, UsageError } from './args'

export type Io = {
  readText: (path: string) => string
  readBytes: (path: string) => Uint8Array
  now: () => Date
}
export type Output = { stdout: string }

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits

/** `demo`: the demo workspace (示例数据) as a plan file on stdout. */
export function demoCommand(io: Io): Output {
  return { stdout: `${JSON.stringify(toPlanFile(buildDemoPlan(), io.now()), null, 2)}\n` }
}

function loadPlan(io: Io, path: string | undefined): Plan {
  if (!path) throw new UsageError('evaluate needs a plan file: npm run cli -- evaluate <plan.json>')
  let text: string
  try {
    text = io.readText(path)
  } catch {
    throw new UsageError(`cannot read ${path}`)
  }
  return parsePlanFile(text)
}

/** `evaluate <plan.json> [--scenario NAME] [--units mu|ha] [--json]` */
export function evaluateCommand(io: Io, args: Parsed): Output {
  const plan = loadPlan(io, args.positional[0])
  const units = (args.flags.get('units') ?? 'mu') as AreaUnit
  if (units !== 'mu' && units !== 'ha') throw new UsageError('--units must be mu or ha')
  const name = args.flags.get('scenario')
  const chosen = typeof name === 'string' ? plan.scenarios.filter((s) => s.name === name) : plan.scenarios
  if (typeof name === 'string' && chosen.length === 0) {
    throw new UsageError(
      `no scenario named "${name}"; the plan has: ${plan.scenarios.map((s) => s.name).join(', ')}`,
    )
  }
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
    },
    fields: s.fields.map((f) => ({
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
  if (args.flags.get('json') === true) return { stdout: `${JSON.stringify({ units, scenarios }, null, 2)}\n` }

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
    lines.push(`  提示 warnings        ${t.warningCount}`)
    for (const f of FACTORS) lines.push(`    ${f.padEnd(14)} ${fmt(t.contributionsKg[f] / 1000, 2)} t`)
  }
  return { stdout: `${lines.join('\n')}\n` }
}

/** `fit-density <points.csv> [--seed-price-yuan-per-1000 P] [--grain-price-yuan-per-kg G] [--at D1,D2] [--json]` */
export function fitDensityCommand(io: Io, args: Parsed): Output {
  const path = args.positional[0]
  if (!path) throw new UsageError('fit-density needs a CSV file: npm run cli -- fit-density <points.csv>')
  let bytes: Uint8Array
  try {
    bytes = io.readBytes(path)
  } catch {
    throw new UsageError(`cannot read ${path}`)
  }
  const points = parseDensityCsv(decodeText(bytes).text)
  const fit = fitQuadratic(points)
  const seed = positiveNumber(args.flags, 'seed-price-yuan-per-1000')
  const grain = positiveNumber(args.flags, 'grain-price-yuan-per-kg')
  const atFlag = args.flags.get('at')
  const at =
    typeof atFlag === 'string'
      ? atFlag.split(',').map((s) => {
          const n = Number(s.trim())
          if (!Number.isFinite(n) || n <= 0)
            throw new UsageError('--at takes densities in plants/ha, e.g. 60000,70000')
          return n
        })
      : []
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

/** A clear, bilingual sentence for a failed command. */
export function describeError(error: unknown): string {
  if (error instanceof UsageError) return error.message
  if (error instanceof AppError) {
    const issue = error.details.issues?.[0]
    const where =
      issue && issue.path.length > 0
        ? ` (at ${issue.path.join('.')}: ${issue.rule})`
        : issue
          ? ` (${issue.rule})`
          : ''
    return `${error.message}${where}`
  }
  return error instanceof Error ? error.message : String(error)
}

function positiveInt(flags: Parsed['flags'], name: string, fallback: number, max: number): number {
  const v = flags.get(name)
  if (v === undefined) return fallback
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : Number.NaN
  if (!Number.isSafeInteger(n) || n < 1 || n > max)
    throw new UsageError(`--${name} must be a whole number from 1 to ${max}`)
  return n
}

function pickScenarios(plan: Plan, name: string | true | undefined) {
  if (typeof name !== 'string') return plan.scenarios
  const chosen = plan.scenarios.filter((s) => s.name === name)
  if (chosen.length === 0)
    throw new UsageError(
      `no scenario named "${name}"; the plan has: ${plan.scenarios.map((s) => s.name).join(', ')}`,
    )
  return chosen
}

/** `risk <plan.json> [--scenario NAME] [--draws N] [--seed S] [--json]` */
export function riskCommand(io: Io, args: Parsed): Output {
  const plan = loadPlan(io, args.positional[0])
  const draws = positiveInt(args.flags, 'draws', 10_000, 1_000_000)
  const seedFlag = args.flags.get('seed')
  const seed = seedFlag === undefined ? 1 : Number(seedFlag)
  if (!Number.isSafeInteger(seed)) throw new UsageError('--seed must be a whole number')
  const wanted = new Set(pickScenarios(plan, args.flags.get('scenario')).map((s) => s.id))
  const result = simulateRisk(plan, { draws, seed })
  const pct = (p: { p10: number; p50: number; p90: number }) => ({ p10: p.p10, p50: p.p50, p90: p.p90 })
  const scenarios = [result.baseline, ...result.scenarios]
    .filter((s) => s.scenarioId !== null && wanted.has(s.scenarioId))
    .map((s) => ({
      name: s.name,
      isBaseline: s.isBaseline,
      productionKg: pct(s.productionKg),
      grossMarginYuan: pct(s.grossMarginYuan),
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
    if (s.probBeatsBaseline !== null)
      lines.push(`  跑赢基准 beats baseline       ${(s.probBeatsBaseline * 100).toFixed(1)} %`)
  }
  return { stdout: `${lines.join('\n')}\n` }
}

/** `sensitivity <plan.json> [--scenario NAME] [--json]`: the tornado for one scenario. */
export function sensitivityCommand(io: Io, args: Parsed): Output {
  const plan = loadPlan(io, args.positional[0])
  const scenario =
    typeof args.flags.get('scenario') === 'string'
      ? pickScenarios(plan, args.flags.get('scenario'))[0]!
      : (plan.scenarios.find((s) => !s.isBaseline) ?? plan.scenarios[0])
  if (!scenario) throw new UsageError('the plan has no scenario')
  const rows = sensitivity(plan, scenario.id)
  if (args.flags.get('json') === true)
    return { stdout: `${JSON.stringify({ scenario: scenario.name, rows }, null, 2)}\n` }
  const fmt = (x: number) => x.toLocaleString('zh-CN', { maximumFractionDigits: 0 })
  return {
    stdout: `${[`${scenario.name}`, ...rows.slice(0, 15).map((r) => `  ${r.key.padEnd(32)} ±${fmt(r.swingMarginYuan / 2)} 元  (${fmt(r.grossMarginAtLowYuan)} … ${fmt(r.grossMarginAtHighYuan)})`)].join('\n')}\n`,
  }
}
