import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { buildDemoPlan } from '../../engine/demo-plan'
import { type Problem, ProblemSchema } from '../../engine/optimiser/problem'
import type { OptimiseResult } from '../../engine/optimiser/types'
import { OptimiserResult } from '../../renderer/src/features/optimiser/OptimiserResult'
import type { OptimiserRun } from '../../renderer/src/features/optimiser/useOptimiserRun'
import { renderWithApp, workspace } from './render'

const plan = buildDemoPlan()
// Two fields of different villages, picked from the demo so names and areas are real.
const a = plan.fields[0]!
const b = plan.fields.find((f) => f.village !== a.village)!

const problem: Problem = ProblemSchema.parse({
  years: [2025, 2026, 2027].map((year) => ({ year, coopBudgetYuan: 500_000 })),
  loanLimitYuan: 2_000_000,
})

const solved: OptimiseResult = {
  status: 'optimal',
  objective: 1_234_000,
  gapPct: 0,
  schedule: [
    { year: 2025, fieldId: a.id, action: 'hsf' },
    { year: 2026, fieldId: a.id, action: 'drip' },
    { year: 2026, fieldId: b.id, action: 'hsf' },
  ],
  years: [
    {
      year: 2025,
      spendYuan: 480_000,
      loanYuan: 200_000,
      ownYuan: 280_000,
      governmentYuan: 720_000,
      hsfHa: 40,
      fields: 1,
      productionKg: 1_050_000,
      marginYuan: 2_150_000,
      npvYuan: 600_000,
    },
    {
      year: 2026,
      spendYuan: 495_000,
      loanYuan: 0,
      ownYuan: 495_000,
      governmentYuan: 300_000,
      hsfHa: 20,
      fields: 2,
      productionKg: 1_120_000,
      marginYuan: 2_260_000,
      npvYuan: 634_000,
    },
    {
      year: 2027,
      spendYuan: 0,
      loanYuan: 0,
      ownYuan: 0,
      governmentYuan: 0,
      hsfHa: 0,
      fields: 0,
      productionKg: 1_120_000,
      marginYuan: 2_260_000,
      npvYuan: 0,
    },
  ],
  npvYuan: 1_234_000,
  binding: [
    { family: 'budget', year: 2025, shadowPrice: 0 },
    { family: 'budget', year: 2026, shadowPrice: 0.230_41 },
    { family: 'hsfQuota', year: 2026, shadowPrice: 1_500 },
    { family: 'minProduction', year: 2027, shadowPrice: -0.8 },
  ],
  shortfalls: [],
  greedy: { objective: 1_100_000, npvYuan: 1_100_000, schedule: [] },
}

const run = (result: OptimiseResult): OptimiserRun => ({
  result,
  problem,
  plan,
  baseline: { productionKg: 1_000_000, marginYuan: 2_000_000 },
  seconds: 0.8,
  runId: 1,
})

describe('optimiser result', () => {
  it('lays the roll-out out as fields by village × year, each action a tag in its year', () => {
    renderWithApp(<OptimiserResult run={run(solved)} />)
    const table = within(screen.getByTestId('optimiser-schedule'))
    expect(screen.getByTestId('optimiser-status').textContent).toContain('已求得最优解')
    const header = table.getAllByRole('columnheader').map((c) => c.textContent)
    expect(header).toEqual(['村', '地块', '面积（亩）', '2025 年', '2026 年', '2027 年'])
    const rowOf = (name: string) =>
      table.getAllByRole('row').find((r) => within(r).queryByText(name) !== null)!
    const cells = (name: string) =>
      within(rowOf(name))
        .getAllByRole('cell')
        .map((c) => c.textContent)
    // a gets HSF in 2025 and drip in 2026; b HSF in 2026; nothing in 2027.
    expect(cells(a.name)).toEqual([
      a.village,
      a.name,
      new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(a.areaHa * 15),
      '高标准农田',
      '滴灌水肥一体化',
      '',
    ])
    expect(cells(b.name).slice(3)).toEqual(['', '高标准农田', ''])
  })

  it('shows each year’s money in 万元 and production in 斤 against doing nothing', () => {
    renderWithApp(<OptimiserResult run={run(solved)} />)
    const rows = within(screen.getByTestId('optimiser-years-result')).getAllByRole('row')
    const y2025 = within(rows[1]!)
      .getAllByRole('cell')
      .map((c) => c.textContent)
    // spend, loan, own, government, new HSF (40 ha = 600 亩), fields, production, gain, margin,
    // margin over doing nothing (2,150,000 − 2,000,000 yuan), NPV
    expect(y2025).toEqual([
      '2025',
      '48.0 万元',
      '20.0 万元',
      '28.0 万元',
      '72.0 万元',
      '600 亩',
      '1 块',
      '2,100,000 斤',
      '+100,000 斤',
      '215.0 万元',
      '+15.0 万元',
      '60.0 万元',
    ])
  })

  it('words the shadow prices per 10 万元 and per 亩, and says where money does not limit', () => {
    renderWithApp(<OptimiserResult run={run(solved)} />)
    const items = within(screen.getByTestId('optimiser-shadow'))
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(items).toEqual([
      '2025 年资金不是限制：再多给钱也不会多做',
      '2026 年自有资金每多 10 万元，净现值约增加 2.3 万元',
      // 1,500 yuan per ha is 100 yuan per mu
      '2026 年高标准农田面积指标每多 1 亩，净现值约增加 100 元',
      // a minimum's dual is negative: asking 10,000 斤 (5,000 kg) less gives 0.8 × 5,000 yuan
      '2027 年最低总产每少要求 10,000 斤，净现值约增加 4,000 元',
    ])
  })

  it('warns that government money was counted on when no quota was typed, and not once one is', () => {
    const { unmount } = renderWithApp(<OptimiserResult run={run(solved)} />)
    expect(screen.getByTestId('optimiser-open-quota').textContent).toContain(
      '没有填写政府资金额度或高标准农田面积指标',
    )
    unmount()
    const withQuota = ProblemSchema.parse({
      ...problem,
      years: problem.years.map((y, i) => ({ ...y, hsfQuotaHa: i === 0 ? 40 : null })),
    })
    renderWithApp(<OptimiserResult run={{ ...run(solved), problem: withQuota }} />)
    expect(screen.queryByTestId('optimiser-open-quota')).toBeNull()
  })

  it('puts the simple rule’s NPV beside the optimum, with the difference', () => {
    renderWithApp(<OptimiserResult run={run(solved)} />)
    expect(screen.getByTestId('optimiser-npv').textContent).toBe('123.4 万元')
    expect(screen.getByTestId('optimiser-greedy').textContent).toBe('110.0 万元')
    expect(screen.getByTestId('optimiser-difference').textContent).toBe('+13.4 万元')
  })

  it('calls an optimum equal to the simple rule’s the same, never “−0 元”', () => {
    renderWithApp(
      <OptimiserResult
        run={run({ ...solved, greedy: { objective: 1_234_000, npvYuan: 1_234_000.000_000_1, schedule: [] } })}
      />,
    )
    expect(screen.getByTestId('optimiser-difference').textContent).toBe('与简单规则的结果相同')
  })

  it('when nothing meets the minimum production, says in plain Chinese what is short and by how much', () => {
    const infeasible: OptimiseResult = {
      ...solved,
      status: 'infeasible',
      objective: null,
      gapPct: null,
      schedule: [],
      years: [],
      npvYuan: 0,
      binding: [],
      shortfalls: [
        { family: 'budget', year: 2026, amount: 380_000 },
        { family: 'hsfQuota', year: 2027, amount: 10 },
        { family: 'minProduction', year: 2025, amount: 5_000 },
      ],
    }
    renderWithApp(<OptimiserResult run={run(infeasible)} />)
    expect(screen.getByTestId('optimiser-status').textContent).toContain('在这些限制下没有可行的实施方案')
    const items = within(screen.getByTestId('optimiser-shortfalls'))
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(items).toEqual([
      '2026 年自有资金预算还差 38.0 万元才能达到最低总产',
      '2027 年高标准农田面积指标还差 150 亩才能达到最低总产',
      '2025 年即使做完所有可做的改造，总产仍比最低要求少 10,000 斤',
    ])
    expect(screen.queryByTestId('optimiser-schedule')).toBeNull()
  })

  it('states a run stopped by the time limit with its gap, and words it in hectares and kg for an English workspace', () => {
    renderWithApp(
      <OptimiserResult run={run({ ...solved, status: 'time_limit', gapPct: 0.4321 })} />,
      workspace({ locale: 'en', areaUnit: 'ha', massUnit: 'kg' }),
    )
    expect(screen.getByTestId('optimiser-status').textContent).toContain(
      'Time limit reached; optimality gap 0.43 %',
    )
    const items = within(screen.getByTestId('optimiser-shadow'))
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(items[2]).toBe('For every 1 ha more HSF quota in 2026, NPV rises by about 1,500 yuan')
    // an estimate keeps three significant digits: 0.23 per yuan is 23,000 per 100,000
    expect(items[1]).toBe('For every 100,000 yuan more own money in 2026, NPV rises by about 23,000 yuan')
    expect(items[3]).toBe(
      'For every 10,000 kg less minimum production in 2027, NPV rises by about 8,000 yuan',
    )
  })
})

describe('optimiser result for another objective', () => {
  it('compares what was maximised — extra production in 斤 — beside the NPV', () => {
    const production: Problem = { ...problem, objective: { kind: 'production' } }
    renderWithApp(
      <OptimiserResult
        run={{
          ...run({
            ...solved,
            objective: 900_000,
            greedy: { objective: 850_000, npvYuan: 1_300_000, schedule: [] },
          }),
          problem: production,
        }}
      />,
    )
    const cells = within(screen.getByTestId('optimiser-objective'))
      .getAllByRole('cell')
      .map((c) => c.textContent)
    // 900,000 kg = 1,800,000 斤; the simple rule's 850,000 kg = 1,700,000 斤
    expect(cells).toEqual(['1,800,000 斤', '1,700,000 斤', '+100,000 斤'])
    // the optimum's NPV is lower than the rule's here, and says so
    expect(screen.getByTestId('optimiser-difference').textContent).toBe('−6.6 万元')
  })
})
