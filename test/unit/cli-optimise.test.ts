import highsLoader from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { UsageError } from '../../app/cli/args'
import type { Io } from '../../app/cli/commands'
import { run } from '../../app/cli/run'
import { toPlanFile } from '../../app/use-cases/plan-file'
import { buildDemoPlan } from '../../engine/demo-plan'
import type { Solver } from '../../engine/optimiser/solve'

const files = new Map<string, string>()
let io: Io
beforeAll(async () => {
  const highs: Solver = await highsLoader()
  io = {
    readFile: (p, maxBytes) => {
      const t = files.get(p)
      if (t === undefined) throw new UsageError('cli.fileMissing', { path: p })
      const bytes = new TextEncoder().encode(t)
      if (bytes.length > maxBytes) throw new UsageError('cli.fileTooLarge', { path: p, limit: maxBytes })
      return bytes
    },
    now: () => new Date('2026-03-01T00:00:00Z'),
    highs,
  }
  files.set('plan.json', JSON.stringify(toPlanFile(buildDemoPlan(), new Date('2026-03-01T00:00:00Z'))))
  files.set(
    'problem.json',
    JSON.stringify({
      years: [2025, 2026, 2027].map((year) => ({ year, coopBudgetYuan: 200_000 })),
      loanLimitYuan: 2_000_000,
      actions: ['hsf', 'drip', 'density'],
    }),
  )
  files.set(
    'short.json',
    JSON.stringify({
      years: [
        { year: 2025, coopBudgetYuan: 0 },
        { year: 2026, coopBudgetYuan: 0, minProductionKg: 1e9 },
      ],
    }),
  )
  files.set('bad.json', JSON.stringify({ years: [{ year: 2025, coopBudgetYuan: -1 }] }))
  files.set('notjson.json', '{years')
})

describe('npm run cli -- optimise', () => {
  it('prints the schedule, the figures per year and the binding limits as JSON, and exits 0', () => {
    const r = run(['optimise', 'plan.json', '--problem', 'problem.json', '--json'], 'en', io)
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.status).toBe('optimal')
    expect(out.gapPct).toBeLessThanOrEqual(1e-4)
    expect(out.schedule.length).toBeGreaterThan(0)
    for (const s of out.schedule) expect(Object.keys(s).sort()).toEqual(['action', 'fieldId', 'year'])
    expect(out.years.map((y: { year: number }) => y.year)).toEqual([2025, 2026, 2027])
    for (const y of out.years) expect(y.spendYuan - y.loanYuan).toBeLessThanOrEqual(200_000 + 1e-6)
    expect(out.binding.some((b: { family: string }) => b.family === 'budget')).toBe(true)
    expect(out.greedy.objective).toBeLessThanOrEqual(out.objective + 1e-6)
  })

  it('exits 3 when no roll-out meets every limit, naming the limit on stderr in the user’s language', () => {
    const zh = run(['optimise', 'plan.json', '--problem', 'short.json'], 'zh-CN', io)
    expect(zh.code).toBe(3)
    expect(zh.stderr).toMatch(/^没有满足全部限制的实施方案：.*2026 年最低总产差 [\d,.]+ 公斤/)
    const en = run(['optimise', 'plan.json', '--problem', 'short.json', '--json'], 'en', io)
    expect(en.code).toBe(3)
    expect(en.stderr).toContain('the 2026 minimum production is')
    expect(JSON.parse(en.stdout).shortfalls).toContainEqual(
      expect.objectContaining({ family: 'minProduction', year: 2026 }),
    )
  })

  it('exits 2 with one translated line for a bad or missing problem file', () => {
    const bad = run(['optimise', 'plan.json', '--problem', 'bad.json'], 'en', io)
    expect(bad).toEqual({ code: 2, stdout: '', stderr: expect.stringContaining('years.0.coopBudgetYuan') })
    expect(run(['optimise', 'plan.json', '--problem', 'notjson.json'], 'en', io).code).toBe(2)
    const missing = run(['optimise', 'plan.json'], 'zh-CN', io)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--problem')
  })
})
