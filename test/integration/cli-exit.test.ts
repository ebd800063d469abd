import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_FIT_POINTS } from '../../engine/model/density'

// The real entry, as a user or a job scheduler runs it: `node out/main/cli.js …` (built by the
// integration set-up). Every failure exits 2 with exactly one translated line on stderr.
const CLI = join(import.meta.dirname, '../../out/main/cli.js')

type Run = { status: number | null; stdout: string; stderr: string; ms: number }

function cli(args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): Run {
  const t0 = performance.now()
  const r = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8', ...env },
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t0 }
}

/** Exit 2, nothing on stdout, one line on stderr and no stack trace: returns the line. */
function refused(r: Run): string {
  expect(r.status, r.stderr).toBe(2)
  expect(r.stdout).toBe('')
  expect(r.stderr.endsWith('\n')).toBe(true)
  const lines = r.stderr.slice(0, -1).split('\n')
  expect(lines, r.stderr).toHaveLength(1)
  expect(r.stderr).not.toMatch(/\n\s+at |node:internal|\.js:\d+/)
  return lines[0]!
}

describe('command line: every failure is exit code 2 and one translated line', () => {
  let dir: string
  let demo: { plan: Record<string, unknown> } & Record<string, unknown>
  const file = (name: string) => join(dir, name)
  /** A plan file with a changed plan and a checksum that matches it. */
  const planFile = (name: string, change: (plan: Record<string, unknown>) => void) => {
    const f = structuredClone(demo)
    change(f.plan)
    // written as a version 1 file, whose checksum covers the plan alone (version 1 still reads)
    f.version = 1
    f.checksum = `sha256:${createHash('sha256').update(JSON.stringify(f.plan)).digest('hex')}`
    writeFileSync(file(name), JSON.stringify(f))
    return file(name)
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fengshou-cli-'))
    const text = execFileSync(process.execPath, [CLI, 'demo'], { encoding: 'utf8' })
    writeFileSync(file('demo.json'), text)
    demo = JSON.parse(text)
  })

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('a documented success still prints on stdout and exits 0', () => {
    const r = cli(['evaluate', file('demo.json'), '--json'])
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout).scenarios).toHaveLength(4)
  })

  it('refuses /dev/zero, a folder and a missing file before reading anything, in Chinese by default', () => {
    if (process.platform !== 'win32') {
      const zero = cli(['evaluate', '/dev/zero'])
      expect(refused(zero)).toBe('丰收规划 evaluate：/dev/zero 不是普通文件（不能读取文件夹、设备或管道）。')
      expect(zero.ms).toBeLessThan(10_000)
    }
    expect(refused(cli(['fit-density', dir]))).toBe(
      `丰收规划 fit-density：${dir} 不是普通文件（不能读取文件夹、设备或管道）。`,
    )
    expect(refused(cli(['risk', file('missing.json')], { LANG: 'en_US.UTF-8' }))).toBe(
      `Fengshou Planner risk: The file ${file('missing.json')} does not exist.`,
    )
  })

  it.skipIf(process.platform === 'win32')('refuses a named pipe without waiting for a writer', () => {
    execFileSync('mkfifo', [file('pipe')])
    const r = cli(['evaluate', file('pipe')])
    expect(refused(r)).toBe(`丰收规划 evaluate：${file('pipe')} 不是普通文件（不能读取文件夹、设备或管道）。`)
  })

  it('refuses a plan holding 1e300 in an assumption, though its checksum is valid', () => {
    const huge = planFile('huge.json', (plan) => {
      plan.assumptions = [
        { key: 'finance.horizonYears', value: 1e300, low: 1, high: 20, note: '', changedAt: '' },
      ]
    })
    for (const command of ['evaluate', 'risk', 'sensitivity']) {
      const r = cli([command, huge])
      expect(refused(r)).toBe(
        `丰收规划 ${command}：必须在 1 到 50 之间（模型允许的界限）（位置：plan.assumptions.0.value [finance.horizonYears]）`,
      )
      expect(r.ms).toBeLessThan(20_000)
    }
    expect(refused(cli(['evaluate', huge], { LC_ALL: 'en_US.UTF-8' }))).toBe(
      'Fengshou Planner evaluate: Must be between 1 and 50 (the limits the model allows) (at plan.assumptions.0.value [finance.horizonYears])',
    )
  })

  it('refuses a plan with no scenarios and one nested a million levels deep', () => {
    const empty = planFile('empty.json', (plan) => {
      plan.scenarios = []
    })
    expect(refused(cli(['risk', empty]))).toBe(
      `丰收规划 risk：方案文件 ${empty} 里没有任何方案，没有可计算的内容。`,
    )
    writeFileSync(file('deep.json'), `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`)
    expect(refused(cli(['evaluate', file('deep.json')]))).toBe(
      '丰收规划 evaluate：文件嵌套超过 64 层，不是丰收规划的方案文件。',
    )
  })

  it('refuses 2,000,000 fit points by size, and 10,001 by count', () => {
    const row = (i: number) => `${50_000 + (i % 50) * 1000},${9000 + (i % 977)}`
    const csv = (n: number) =>
      `density_plants_per_ha,yield_kg_per_ha\n${Array.from({ length: n }, (_, i) => row(i)).join('\n')}\n`
    writeFileSync(file('2m.csv'), csv(2_000_000))
    expect(refused(cli(['fit-density', file('2m.csv')]))).toBe(
      `丰收规划 fit-density：${file('2m.csv')} 太大，最大 4 MB。`,
    )
    writeFileSync(file('many.csv'), csv(MAX_FIT_POINTS + 1))
    expect(refused(cli(['fit-density', file('many.csv')]))).toBe('丰收规划 fit-density：试验点最多 10000 个')
  })

  it('refuses an unknown flag, an unknown command and no command at all', () => {
    expect(refused(cli(['evaluate', file('demo.json'), '--draws', '5']))).toBe(
      '丰收规划 evaluate：不认识的选项 --draws。运行 npm run cli -- help 查看用法。',
    )
    expect(refused(cli(['bogus']))).toBe(
      '丰收规划：没有“bogus”这个命令。运行 npm run cli -- help 查看可用的命令。',
    )
    expect(refused(cli([], { LANG: 'en_US.UTF-8' }))).toBe(
      'Fengshou Planner: No command given. Run npm run cli -- help to see how to use it.',
    )
  })

  it('an unexpected error, thrown inside a command or later, is the INTERNAL sentence and exit 2', () => {
    // Stand-ins for a bug: a built-in that throws where nothing expects it, and an error thrown
    // after the command has finished.
    writeFileSync(
      file('throws-in-command.cjs'),
      'String.prototype.normalize = () => { throw new TypeError("Cannot read properties of undefined") }\n',
    )
    writeFileSync(
      file('throws-later.cjs'),
      'setTimeout(() => { throw new RangeError("Maximum call stack size exceeded") }, 300)\n',
    )
    writeFileSync(file('p.csv'), 'density_plants_per_ha,yield_kg_per_ha\n60000,1\n')
    expect(
      refused(cli(['fit-density', file('p.csv')], {}, ['--require', file('throws-in-command.cjs')])),
    ).toBe('丰收规划 fit-density：发生了意外错误，修改没有保存。请重试；如果反复出现，请联系技术支持。')
    const later = cli(['help'], { LANG: 'en_US.UTF-8' }, ['--require', file('throws-later.cjs')])
    expect(later.status).toBe(2)
    expect(later.stderr).toBe(
      'Fengshou Planner: Something unexpected happened and the change was not saved. Try again; if it keeps happening, contact support.\n',
    )
  })
})

describe('command line: optimise loads HiGHS in the built entry', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fengshou-cli-opt-'))
    writeFileSync(join(dir, 'demo.json'), execFileSync(process.execPath, [CLI, 'demo'], { encoding: 'utf8' }))
    const years = (minProductionKg: number | null) =>
      [2025, 2026, 2027].map((year) => ({ year, coopBudgetYuan: 200_000, minProductionKg }))
    writeFileSync(join(dir, 'ok.json'), JSON.stringify({ years: years(null), loanLimitYuan: 2_000_000 }))
    writeFileSync(join(dir, 'short.json'), JSON.stringify({ years: years(1e9) }))
  })
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('exits 0 with a proven schedule, and 3 with one line naming the limit when none meets every limit', () => {
    const ok = cli(['optimise', join(dir, 'demo.json'), '--problem', join(dir, 'ok.json'), '--json'])
    expect(ok.status, ok.stderr).toBe(0)
    const out = JSON.parse(ok.stdout)
    expect(out.status).toBe('optimal')
    expect(out.schedule.length).toBeGreaterThan(0)
    const short = cli(['optimise', join(dir, 'demo.json'), '--problem', join(dir, 'short.json')], {
      LANG: 'en_US.UTF-8',
    })
    expect(short.status).toBe(3)
    expect(short.stderr).toMatch(
      /^No roll-out meets every limit: .*the 2025 minimum production is [\d,.]+ kg beyond reach/,
    )
    expect(short.stderr.trimEnd().split('\n')).toHaveLength(1)
  })
})

describe('command line: actuals in the built entry', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fengshou-cli-actuals-'))
    writeFileSync(join(dir, 'demo.json'), execFileSync(process.execPath, [CLI, 'demo'], { encoding: 'utf8' }))
    writeFileSync(
      join(dir, 'ok.csv'),
      '地块名称,年份,实收单产（斤/亩）,售价（元/斤）\n东岗一号地,2025,1400,1.05\n东岗二号地,2025,1300,\n',
    )
    writeFileSync(
      join(dir, 'bad.csv'),
      '地块名称,年份,实收单产（斤/亩）\n东岗一号地,2025,1400\n东岗一号地,2025,1380\n',
    )
  })
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('exits 0 with the comparison as JSON, and 2 with one line listing the problems of a bad CSV', () => {
    const ok = cli(['actuals', join(dir, 'demo.json'), join(dir, 'ok.csv'), '--json'])
    expect(ok.status, ok.stderr).toBe(0)
    const out = JSON.parse(ok.stdout)
    expect(out.seasons[0].fields.map((f: { fieldName: string }) => f.fieldName)).toEqual([
      '东岗一号地',
      '东岗二号地',
    ])
    // 1,400 斤/亩 = 10,500 kg/ha
    expect(out.seasons[0].fields[0].actualKgPerHa).toBe(10_500)
    expect(refused(cli(['actuals', join(dir, 'demo.json'), join(dir, 'bad.csv')]))).toBe(
      '丰收规划 actuals：实收 CSV 有 1 处问题，没有做任何对比：第 3 行「地块名称」：「东岗一号地」2025 年的实收已在第 2 行填过，同一地块同一年只能有一行。',
    )
  })
})
