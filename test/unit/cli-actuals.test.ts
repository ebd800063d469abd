import { beforeAll, describe, expect, it } from 'vitest'
import { UsageError } from '../../app/cli/args'
import type { Io } from '../../app/cli/commands'
import { run } from '../../app/cli/run'
import { toPlanFile } from '../../app/use-cases/plan-file'
import { buildDemoPlan } from '../../engine/demo-plan'
import { evaluatePlan } from '../../engine/model/evaluate'
import { gb18030 } from '../helpers/csv'

const plan = buildDemoPlan()
const DRIP = plan.scenarios.find((s) => s.name === '密植+水肥一体化')!
const forecast = evaluatePlan(plan, { scenarioIds: [DRIP.id] }).scenarios[0]!
const files = new Map<string, Uint8Array>()
const io: Io = {
  readFile: (p, maxBytes) => {
    const bytes = files.get(p)
    if (bytes === undefined) throw new UsageError('cli.fileMissing', { path: p })
    if (bytes.length > maxBytes) throw new UsageError('cli.fileTooLarge', { path: p, limit: maxBytes })
    return bytes
  },
  now: () => new Date('2026-03-01T00:00:00Z'),
}
const utf8 = (text: string) => new TextEncoder().encode(text)
/** kg/ha → 斤/亩: × 2 / 15 */
const jinMu = (kgPerHa: number) => (kgPerHa * 2) / 15

beforeAll(() => {
  files.set('plan.json', utf8(JSON.stringify(toPlanFile(plan, new Date('2026-03-01T00:00:00Z')))))
  // Every field 10 % over the drip scenario's forecast in 2025, the first field sold at 1.2 元/斤.
  const rows = plan.fields.map(
    (f, i) => `${f.name},2025,${jinMu(forecast.fields[i]!.yieldKgPerHa) * 1.1},${i === 0 ? '1.2' : ''}`,
  )
  files.set('actuals.csv', utf8(['地块名称,年份,实收单产（斤/亩）,售价（元/斤）', ...rows].join('\n')))
  files.set(
    'actuals-gb.csv',
    new Uint8Array(gb18030(['地块名称,年份,实收单产（斤/亩）,售价（元/斤）', ...rows].join('\r\n'))),
  )
  files.set(
    'bad.csv',
    utf8('地块名称,年份,实收单产（斤/亩）\n无此地,2025,1300\n东岗一号地,2027,1300\n东岗二号地,2025,一千\n'),
  )
  files.set('nocolumn.csv', utf8('地块名称,售价\n东岗一号地,1.1\n'))
})

describe('npm run cli -- actuals', () => {
  it('prints each field’s forecast and actual, the totals and the calibration as JSON, and exits 0', () => {
    const r = run(
      ['actuals', 'plan.json', 'actuals.csv', '--scenario', '密植+水肥一体化', '--json'],
      'zh-CN',
      io,
    )
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.seasons).toHaveLength(1)
    const season = out.seasons[0]
    expect(season.seasonYear).toBe(2025)
    expect(season.scenarioId).toBe(DRIP.id)
    expect(season.fields).toHaveLength(plan.fields.length)
    expect(season.fields[0].forecastKgPerHa).toBe(forecast.fields[0]!.yieldKgPerHa)
    for (const f of season.fields) expect(f.errorPct).toBeCloseTo(10, 6)
    expect(season.total.errorPct).toBeCloseTo(10, 6)
    // 1.2 元/斤 = 2.4 元/kg on the first field
    const first = forecast.fields[0]!
    expect(season.fields[0].actualMarginYuan).toBeCloseTo(
      first.yieldKgPerHa * 1.1 * first.areaHa * 2.4 + first.money.subsidyYuan - first.money.costYuan,
      3,
    )
    // One season, every field 10 % over: the season's weather takes it all, no factor is credited.
    expect(out.calibration.seasons).toEqual([
      { seasonYear: 2025, effectPct: expect.closeTo(10, 6), fields: 24 },
    ])
    expect(out.calibration.proposals.map((p: { proposedValue: number | null }) => p.proposedValue)).toEqual([
      null,
      null,
      null,
      null,
    ])
  })

  it('takes the scenario by id, reads a GB18030 file, and prints text in the user’s language', () => {
    const zh = run(['actuals', 'plan.json', 'actuals-gb.csv', '--scenario', String(DRIP.id)], 'zh-CN', io)
    expect(zh.code, zh.stderr).toBe(0)
    const lines = zh.stdout.split('\n')
    expect(lines[0]).toBe('2025 年实收 对比 方案「密植+水肥一体化」')
    const f = plan.fields[0]!
    const forecastJin = Math.round(jinMu(forecast.fields[0]!.yieldKgPerHa)).toLocaleString('zh-CN')
    expect(lines.find((l) => l.startsWith(`${f.name} |`))).toMatch(
      new RegExp(`^${f.name} \\| ${forecastJin} \\| [\\d,]+ \\| \\+10\\.0 % \\| [\\d,]+–[\\d,]+ 区间内 \\|`),
    )
    expect(zh.stdout).toContain('合计：24 块地')
    expect(zh.stdout).toContain('滴灌（water.factor.drip）：没有证据')
    const en = run(
      ['actuals', 'plan.json', 'actuals.csv', '--scenario', String(DRIP.id), '--units', 'kg/ha'],
      'en',
      io,
    )
    expect(en.code, en.stderr).toBe(0)
    expect(en.stdout.split('\n')[1]).toBe(
      'field | forecast kg/ha | actual kg/ha | error | P10–P90 band kg/ha | margin forecast → actual yuan',
    )
    expect(en.stdout).toContain('Total: 24 fields')
  })

  it('exits 2 listing every problem of the CSV in one line, in the user’s language', () => {
    const r = run(['actuals', 'plan.json', 'bad.csv'], 'zh-CN', io)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(
      '丰收规划 actuals：实收 CSV 有 3 处问题，没有做任何对比：' +
        '第 2 行「地块名称」：地块列表里没有名为「无此地」的地块。请检查名称是否与地块列表完全一致（包括全角、半角和空格）。；' +
        '第 3 行「年份」：2027 年的收获还没到，不能录入这一年的单产（最晚到 2026 年）。请检查年份。；' +
        '第 4 行「实收单产（斤/亩）」：“一千”不是数字（不要带单位或千分位逗号）',
    )
    const missing = run(['actuals', 'plan.json', 'nocolumn.csv'], 'en', io)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe(
      'Fengshou Planner actuals: The actuals CSV has 2 problems; nothing was compared: ' +
        'This column is missing (column “season”); This column is missing (column “actual yield”)',
    )
  })

  it('exits 2 for a scenario the plan does not have, bad units, or a missing CSV', () => {
    const unknown = run(['actuals', 'plan.json', 'actuals.csv', '--scenario', '不存在的方案'], 'zh-CN', io)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toBe(
      '丰收规划 actuals：方案文件里没有方案「不存在的方案」。请写方案的编号或完整名称。',
    )
    const units = run(['actuals', 'plan.json', 'actuals.csv', '--units', '垧'], 'en', io)
    expect(units.code).toBe(2)
    expect(units.stderr).toBe(
      'Fengshou Planner actuals: --units must be mu, ha, or a yield unit such as jin/mu, kg/mu, kg/ha or t/ha.',
    )
    const noCsv = run(['actuals', 'plan.json'], 'en', io)
    expect(noCsv.code).toBe(2)
    expect(noCsv.stderr).toBe(
      'Fengshou Planner actuals: actuals needs a file: npm run cli -- actuals <actuals.csv>',
    )
  })
})
