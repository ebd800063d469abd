import { describe, expect, it } from 'vitest'
import { parseArgs, UsageError } from '../../app/cli/args'
import {
  COMMANDS,
  demoCommand,
  EVALUATE_MAX_ROWS,
  evaluateCommand,
  fitDensityCommand,
  type Io,
} from '../../app/cli/commands'
import { checkJsonDepth, MAX_JSON_DEPTH } from '../../app/cli/json-depth'
import { run } from '../../app/cli/run'
import { toPlanFile } from '../../app/use-cases/plan-file'
import { buildDemoPlan } from '../../engine/demo-plan'
import { AppError } from '../../engine/errors'
import { MAX_FIT_POINTS } from '../../engine/model/density'
import { scalePlan } from '../../engine/scale-plan'

const files = new Map<string, string>()
const io: Io = {
  readFile: (p, maxBytes) => {
    const t = files.get(p)
    if (t === undefined) throw new UsageError('cli.fileMissing', { path: p })
    const bytes = new TextEncoder().encode(t)
    if (bytes.length > maxBytes) throw new UsageError('cli.fileTooLarge', { path: p, limit: maxBytes })
    return bytes
  },
  now: () => new Date('2026-03-01T00:00:00Z'),
}

const args = (command: keyof typeof COMMANDS, argv: string[]) => parseArgs(argv, COMMANDS[command])

/** A run that must fail: exit code 2, nothing on stdout, one line on stderr; returns that line. */
function failure(argv: string[], locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const r = run(argv, locale, io)
  expect(r.code, argv.join(' ')).toBe(2)
  expect(r.stdout).toBe('')
  expect(r.stderr).not.toContain('\n')
  expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/)
  return r.stderr
}

function planFileWith(mutate: (plan: ReturnType<typeof buildDemoPlan>) => void): string {
  const plan = buildDemoPlan()
  mutate(plan)
  return JSON.stringify(toPlanFile(plan, new Date('2026-03-01T00:00:00Z')))
}

describe('command-line tool', () => {
  it('demo → evaluate --json round-trips and carries every documented figure', () => {
    files.set('demo.json', demoCommand(io).stdout)
    const out = JSON.parse(evaluateCommand(io, args('evaluate', ['demo.json', '--json'])).stdout)
    expect(out.scenarios.map((s: { name: string }) => s.name)).toEqual([
      '当前做法（基准）',
      '密植+水肥一体化',
      '建设高标准农田',
      '大豆换东生118',
    ])
    const t = out.scenarios[1].totals
    for (const k of [
      'productionKg',
      'upliftPct',
      'grossMarginYuan',
      'investmentYuan',
      'npvYuan',
      'paybackYears',
    ])
      expect(t).toHaveProperty(k)
    expect(t.upliftPct).toBeGreaterThan(0)
    // financing and the year-by-year cash flow (the demo scenario borrows nothing)
    expect(out.scenarios[1].financing).toEqual({
      loanYuan: 0,
      annualPaymentYuan: 0,
      totalInterestYuan: 0,
      interestSubsidyYuan: 0,
    })
    const flow = out.scenarios[1].cashFlow
    expect(flow[0]).toMatchObject({ year: 0, loanDrawYuan: 0, debtServiceYuan: 0 })
    expect(flow[0].investmentYuan).toBeGreaterThan(0)
    for (const r of flow)
      expect(r.netYuan).toBeCloseTo(
        r.marginGainYuan + r.loanDrawYuan - r.investmentYuan - r.debtServiceYuan,
        6,
      )
    const f = out.scenarios[1].fields[0]
    expect(Object.keys(f.contributions).sort()).toEqual([
      'densityWater',
      'hsf',
      'maturity',
      'salinity',
      'variety',
    ])
    expect(Array.isArray(f.warnings)).toBe(true)
  })

  it('a plan file with a loan gives its financing and debt service; one without loans still loads', () => {
    files.set(
      'loan.json',
      planFileWith((plan) => {
        plan.loans = [
          {
            id: 1,
            scenarioId: plan.scenarios[1]!.id,
            name: '农商行',
            amountYuan: 2_000_000,
            annualRate: 0.0435,
            termYears: 5,
            repayment: 'annuity',
            interestSubsidyShare: 0,
          },
        ]
      }),
    )
    const out = JSON.parse(evaluateCommand(io, args('evaluate', ['loan.json', '--json'])).stdout)
    const s = out.scenarios[1]
    // A = 2,000,000 × 0.0435 / (1 − 1.0435^−5) = 453,680.64 yuan
    expect(Math.round(s.financing.annualPaymentYuan)).toBe(453_681)
    expect(s.financing.loanYuan).toBe(2_000_000)
    expect(s.financing.totalInterestYuan).toBeCloseTo(268_403.18, 1)
    expect(s.cashFlow[0].loanDrawYuan).toBe(2_000_000)
    expect(Math.round(s.cashFlow[1].debtServiceYuan)).toBe(453_681)
    const repaid = s.cashFlow.reduce((a: number, r: { debtServiceYuan: number }) => a + r.debtServiceYuan, 0)
    expect(repaid).toBeCloseTo(2_000_000 + 268_403.18, 1)
    // the text output names the loan
    expect(evaluateCommand(io, args('evaluate', ['loan.json'])).stdout).toContain(
      '贷款 loans           2,000,000 元',
    )
    // a plan file written before loans existed has no "loans" key and still evaluates
    const { loans: _none, ...old } = buildDemoPlan()
    const oldFile = toPlanFile(old as ReturnType<typeof buildDemoPlan>, new Date('2026-03-01T00:00:00Z'))
    expect(JSON.stringify(oldFile)).not.toContain('"loans"')
    files.set('old.json', JSON.stringify(oldFile))
    expect(
      JSON.parse(evaluateCommand(io, args('evaluate', ['old.json', '--json'])).stdout).scenarios,
    ).toHaveLength(4)
  })

  it('--scenario picks one scenario, and an unknown name is a usage error that lists the names', () => {
    files.set('demo.json', demoCommand(io).stdout)
    const one = JSON.parse(
      evaluateCommand(io, args('evaluate', ['demo.json', '--scenario', '建设高标准农田', '--json'])).stdout,
    )
    expect(one.scenarios).toHaveLength(1)
    expect(() => evaluateCommand(io, args('evaluate', ['demo.json', '--scenario', '无此方案']))).toThrow(
      UsageError,
    )
    expect(failure(['evaluate', 'demo.json', '--scenario', '无此方案'])).toBe(
      '丰收规划 evaluate：没有名为“无此方案”的方案。现有方案：当前做法（基准）、密植+水肥一体化、建设高标准农田、大豆换东生118',
    )
  })

  it('fit-density reports the fit, optima and predictions; refuses two densities', () => {
    const rows = [50, 60, 70, 80, 90, 100].map((k) => {
      const d = k * 1000
      return `${d},${Math.round(-976 + 0.30894 * d - 0.0016061e-3 * d * d)}`
    })
    files.set('pts.csv', ['density_plants_per_ha,yield_kg_per_ha', ...rows].join('\n'))
    const out = JSON.parse(
      fitDensityCommand(
        io,
        args('fit-density', [
          'pts.csv',
          '--seed-price-yuan-per-1000',
          '12.5',
          '--grain-price-yuan-per-kg',
          '2.2',
          '--at',
          '60000,70000',
          '--json',
        ]),
      ).stdout,
    )
    expect(out.family).toBe('quadratic')
    expect(out.aopdPlantsPerHa).toBeCloseTo(96_177, -2)
    expect(out.eosrPlantsPerHa).toBeLessThan(out.aopdPlantsPerHa)
    expect(out.r2).toBeGreaterThan(0.999)
    expect(out.predictions).toHaveLength(2)
    files.set('two.csv', 'density_plants_per_ha,yield_kg_per_ha\n60000,10000\n70000,11000\n60000,10100\n')
    expect(() => fitDensityCommand(io, args('fit-density', ['two.csv']))).toThrow(/three or more/)
    expect(failure(['fit-density', 'two.csv'])).toBe(
      '丰收规划 fit-density：至少需要三个不同的密度（现有 2 个）',
    )
    files.set('bad.csv', 'density_plants_per_ha,yield_kg_per_ha\n60000,10000亩\n')
    expect(failure(['fit-density', 'bad.csv'])).toBe('丰收规划 fit-density：第 2 行格式不对')
  })
})

describe('command-line failures: exit 2 and one translated line', () => {
  files.set('demo.json', JSON.stringify(toPlanFile(buildDemoPlan(), new Date('2026-03-01T00:00:00Z'))))

  it('a plan with no scenarios is refused by every command that reads one, in Chinese and in English', () => {
    files.set(
      'empty.json',
      planFileWith((p) => (p.scenarios = [])),
    )
    for (const command of ['evaluate', 'risk', 'sensitivity'])
      expect(failure([command, 'empty.json'])).toBe(
        `丰收规划 ${command}：方案文件 empty.json 里没有任何方案，没有可计算的内容。`,
      )
    expect(failure(['risk', 'empty.json'], 'en')).toBe(
      'Fengshou Planner risk: The plan file empty.json has no scenarios; there is nothing to evaluate.',
    )
  })

  it('a plan file holding 1e300 in an assumption (valid checksum) is refused, naming the place and the bounds', () => {
    files.set(
      'huge.json',
      planFileWith((p) => {
        p.assumptions = [
          { key: 'finance.horizonYears', value: 1e300, low: 1, high: 1e300, note: '', changedAt: '' },
        ]
      }),
    )
    expect(failure(['evaluate', 'huge.json'])).toBe(
      '丰收规划 evaluate：必须在 1 到 50 之间（模型允许的界限）（位置：plan.assumptions.0.value [finance.horizonYears]）；另有 1 处问题',
    )
    expect(failure(['evaluate', 'huge.json'], 'en')).toBe(
      'Fengshou Planner evaluate: Must be between 1 and 50 (the limits the model allows) (at plan.assumptions.0.value [finance.horizonYears]); and 1 more problems',
    )
  })

  it('deep nesting is refused before parsing, and the scan ignores brackets inside strings', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    files.set('deep.json', deep)
    expect(failure(['evaluate', 'deep.json'])).toBe(
      `丰收规划 evaluate：文件嵌套超过 ${MAX_JSON_DEPTH} 层，不是丰收规划的方案文件。`,
    )
    expect(() => checkJsonDepth(JSON.stringify({ a: '['.repeat(1000) }))).not.toThrow()
    expect(() => checkJsonDepth(JSON.stringify({ a: 'x\\"[[[[' }), 2)).not.toThrow()
    expect(() => checkJsonDepth('[[[]]]', 2)).toThrow(UsageError)
  })

  it('more than 10,000 fit points are refused with a named rule, not a stack overflow', () => {
    const rows = Array.from(
      { length: MAX_FIT_POINTS + 1 },
      (_, i) => `${50_000 + (i % 50) * 1000},${9000 + i}`,
    )
    files.set('many.csv', ['density_plants_per_ha,yield_kg_per_ha', ...rows].join('\n'))
    expect(failure(['fit-density', 'many.csv'])).toBe('丰收规划 fit-density：试验点最多 10000 个')
    expect(failure(['fit-density', 'many.csv'], 'en')).toBe(
      'Fengshou Planner fit-density: At most 10000 trial points',
    )
    files.set(
      'ok.csv',
      ['density_plants_per_ha,yield_kg_per_ha', ...rows.slice(0, MAX_FIT_POINTS)].join('\n'),
    )
    expect(run(['fit-density', 'ok.csv', '--json'], 'zh-CN', io).code).toBe(0)
  })

  it('unknown commands and flags, missing values and files, extra arguments and bad numbers', () => {
    expect(failure([])).toBe('丰收规划：缺少命令。运行 npm run cli -- help 查看用法。')
    expect(failure(['frobnicate'])).toBe(
      '丰收规划：没有“frobnicate”这个命令。运行 npm run cli -- help 查看可用的命令。',
    )
    expect(failure(['evaluate', 'demo.json', '--colour', 'red'])).toBe(
      '丰收规划 evaluate：不认识的选项 --colour。运行 npm run cli -- help 查看用法。',
    )
    expect(failure(['evaluate', 'demo.json', '-v'])).toContain('不认识的选项 -v')
    expect(failure(['evaluate', 'demo.json', '--json=yes'])).toBe('丰收规划 evaluate：选项 --json 不带值。')
    expect(failure(['evaluate', 'demo.json', '--scenario'])).toBe(
      '丰收规划 evaluate：选项 --scenario 后面需要一个值。',
    )
    expect(failure(['evaluate', 'demo.json', 'other.json'])).toBe(
      '丰收规划 evaluate：多余的参数“other.json”。每条命令只读一个文件。',
    )
    expect(failure(['demo', '--json'])).toContain('不认识的选项 --json')
    expect(failure(['evaluate'])).toBe(
      '丰收规划 evaluate：evaluate 需要一个文件：npm run cli -- evaluate <plan.json>',
    )
    expect(failure(['evaluate', 'nowhere.json'])).toBe('丰收规划 evaluate：找不到文件 nowhere.json。')
    expect(failure(['evaluate', 'nowhere.json'], 'en')).toBe(
      'Fengshou Planner evaluate: The file nowhere.json does not exist.',
    )
    expect(failure(['evaluate', 'demo.json', '--units', 'acre'])).toBe(
      '丰收规划 evaluate：--units 只能是 mu（亩）或 ha（公顷）。',
    )
    expect(failure(['risk', 'demo.json', '--draws', '1e9'])).toBe(
      '丰收规划 risk：--draws 必须是 1 到 1000000 之间的整数。',
    )
    expect(failure(['risk', 'demo.json', '--seed', '1.5'])).toBe('丰收规划 risk：--seed 必须是整数。')
    expect(failure(['fit-density', 'pts.csv', '--at', '60000,1e308'])).toContain('--at 填以逗号分隔的密度')
    expect(failure(['fit-density', 'pts.csv', '--grain-price-yuan-per-kg', 'Infinity'])).toBe(
      '丰收规划 fit-density：--grain-price-yuan-per-kg 必须是大于 0、不超过 50 的数。',
    )
  })

  it('a refused plan file and a file over the size limit are one line each', () => {
    files.set('tampered.json', (files.get('demo.json') ?? '').replace('东岗一号地', '东岗1号地'))
    expect(failure(['evaluate', 'tampered.json'])).toBe(
      '丰收规划 evaluate：文件保存后被改动过或已损坏（校验和不符）',
    )
    files.set('notjson.json', '{"format":')
    expect(failure(['evaluate', 'notjson.json'], 'en')).toBe(
      'Fengshou Planner evaluate: The file is not JSON',
    )
    files.set('big.csv', `density_plants_per_ha,yield_kg_per_ha\n${'60000,1\n'.repeat(600_000)}`)
    expect(failure(['fit-density', 'big.csv'])).toMatch(/^丰收规划 fit-density：big\.csv 太大，最大 /)
  })

  it('work that would run for hours or fill memory is refused before it starts', () => {
    const plan = scalePlan(buildDemoPlan(), 50_000)
    for (let k = 0; k < 8; k++)
      plan.scenarios.push({ ...plan.scenarios[0]!, id: 100 + k, name: `S${k}`, isBaseline: false })
    files.set('large.json', JSON.stringify(toPlanFile(plan, new Date('2026-03-01T00:00:00Z'))))
    expect(plan.fields.length * plan.scenarios.length).toBeGreaterThan(EVALUATE_MAX_ROWS)
    expect(failure(['evaluate', 'large.json', '--json'])).toBe(
      '丰收规划 evaluate：输出太大（50000 块地 × 12 个方案，超过 500000 行），请用 --scenario 一次算一个方案，或不加 --json 只看合计。',
    )
    expect(failure(['risk', 'large.json', '--draws', '100000'])).toBe(
      '丰收规划 risk：这次风险计算太大（100000 次抽样 × 50000 块地 × 12 个方案），请减少 --draws，或把方案文件拆小。',
    )
    // one scenario of it is fine as JSON
    const one = run(['evaluate', 'large.json', '--json', '--scenario', 'S0'], 'zh-CN', io)
    expect(one.code).toBe(0)
    expect(JSON.parse(one.stdout).scenarios[0].fields).toHaveLength(50_000)
  }, 60_000)

  it('a name with line breaks in it still gives one line', () => {
    files.set(
      'nl.json',
      planFileWith((p) => (p.scenarios[1]!.name = '第一行\n第二行')),
    )
    const line = failure(['evaluate', 'nl.json', '--scenario', '无'])
    expect(line).toContain('第一行 第二行')
  })

  it('an unexpected error is the INTERNAL sentence, never its raw text', () => {
    const broken: Io = {
      readFile: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')")
      },
      now: () => new Date(),
    }
    const r = run(['evaluate', 'any.json'], 'zh-CN', broken)
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(
      '丰收规划 evaluate：发生了意外错误，修改没有保存。请重试；如果反复出现，请联系技术支持。',
    )
    const e = run(['evaluate', 'any.json'], 'en', broken)
    expect(e.stderr).toMatch(/^Fengshou Planner evaluate: /)
    expect(e.stderr).not.toContain('Cannot read properties')
    expect(new AppError('VALIDATION', 'x')).toBeInstanceOf(Error)
  })

  it('help is a success on stdout', () => {
    const r = run(['help'], 'zh-CN', io)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('npm run cli -- evaluate <plan.json>')
    expect(r.stderr).toBe('')
  })
})
