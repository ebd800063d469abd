import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import highsLoader from 'highs'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { buildDemoPlan } from '../../engine/demo-plan'
import { buildInput } from '../../engine/optimiser/candidates'
import { budgetFrontier, FRONTIER_SCALES } from '../../engine/optimiser/frontier'
import { type Problem, ProblemSchema } from '../../engine/optimiser/problem'
import { optimise } from '../../engine/optimiser/solve'
import type { FromOptimiser, ToOptimiser } from '../../renderer/src/features/optimiser/optimiser-protocol'
import { renderWithApp, workspace } from './render'

const api = vi.hoisted(() => {
  const fns = {
    planGet: vi.fn(),
    optimiserToScenarios: vi.fn(),
    optimiserGetProblem: vi.fn(),
    optimiserSaveProblem: vi.fn(),
  }
  window.fengshou = fns as never
  return fns
})

const { OptimiserScreen } = await import('../../renderer/src/features/optimiser/OptimiserScreen')

const plan = buildDemoPlan()
const highs = await highsLoader()

/**
 * A stand-in for the worker: the same engine calls the worker makes, on HiGHS loaded in Node,
 * answered asynchronously as a worker would. `answers: false` never answers (a long solve).
 */
function fakeWorker(sent: ToOptimiser[], options: { answers: boolean } = { answers: true }) {
  const terminated = { count: 0 }
  const make = () => {
    const w = {
      onmessage: null as ((e: MessageEvent<FromOptimiser>) => void) | null,
      onerror: null,
      postMessage(message: ToOptimiser) {
        sent.push(message)
        if (!options.answers) return
        setTimeout(() => {
          const input = buildInput(message.plan, message.problem)
          if (message.type === 'frontier') {
            budgetFrontier(highs, input, {
              onPoint: (point) =>
                w.onmessage?.({
                  data: { type: 'frontierPoint', point, total: FRONTIER_SCALES.length },
                } as MessageEvent<FromOptimiser>),
            })
            w.onmessage?.({ data: { type: 'frontierDone' } } as MessageEvent<FromOptimiser>)
            return
          }
          const result = optimise(highs, input)
          w.onmessage?.({
            data: {
              type: 'result',
              result,
              baseline: { productionKg: input.baselineProductionKg, marginYuan: input.baselineMarginYuan },
            },
          } as MessageEvent<FromOptimiser>)
        }, 0)
      },
      terminate: () => {
        terminated.count += 1
      },
    }
    return w as unknown as Worker
  }
  return { make, terminated }
}

const type = (label: string, value: string) => {
  const input = screen.getByLabelText(label)
  fireEvent.change(input, { target: { value } })
  fireEvent.blur(input)
}

beforeEach(() => {
  vi.clearAllMocks()
  api.planGet.mockResolvedValue({ ok: true, value: plan })
  api.optimiserToScenarios.mockResolvedValue({
    ok: true,
    value: [2025, 2026, 2027].map((y, i) => ({ id: 40 + i, name: `投资优化 ${y}` })),
  })
  api.optimiserGetProblem.mockResolvedValue({ ok: true, value: { saved: null, unreadable: false } })
  api.optimiserSaveProblem.mockResolvedValue({ ok: true, value: { savedAt: '2026-12-03T02:30:00Z' } })
  window.location.hash = '#/optimiser'
})

describe('optimiser screen', () => {
  it('states money in 万元, area in 亩 and production in 斤, and sends the engine yuan, ha and kg', async () => {
    const sent: ToOptimiser[] = []
    renderWithApp(<OptimiserScreen makeWorker={fakeWorker(sent).make} />)
    await screen.findByLabelText('2025 年自有资金（万元）')
    type('2025 年自有资金（万元）', '38')
    type('2026 年自有资金（万元）', '12.5')
    type('2026 年高标准农田面积指标', '150')
    type('2027 年政府资金额度（万元）', '100')
    type('2025 年最低总产', '10000')
    type('贷款额度合计', '200')
    fireEvent.click(screen.getByRole('button', { name: /求\s*解/ }))
    await waitFor(() => expect(sent).toHaveLength(1))
    const problem: Problem = sent[0]!.problem
    expect(problem.years.map((y) => y.year)).toEqual([2025, 2026, 2027])
    expect(problem.years.map((y) => y.coopBudgetYuan)).toEqual([380_000, 125_000, 0])
    expect(problem.years[1]!.hsfQuotaHa).toBe(10)
    expect(problem.years[0]!.hsfQuotaHa).toBeNull()
    expect(problem.years[2]!.govQuotaYuan).toBe(1_000_000)
    expect(problem.years[0]!.minProductionKg).toBe(5_000)
    expect(problem.loanLimitYuan).toBe(2_000_000)
    expect(problem.precedence).toEqual([{ action: 'drip', after: 'hsf' }])
    expect(problem.objective).toEqual({ kind: 'npv' })
  })

  it('reads the same typed numbers per hectare and per tonne in a workspace that uses them', async () => {
    const sent: ToOptimiser[] = []
    renderWithApp(
      <OptimiserScreen makeWorker={fakeWorker(sent).make} />,
      workspace({ areaUnit: 'ha', massUnit: 't' }),
    )
    await screen.findByLabelText('2025 年自有资金（万元）')
    expect(screen.getByTestId('optimiser-years').textContent).toContain('高标准农田面积指标（公顷）')
    type('2026 年高标准农田面积指标', '150')
    type('2025 年最低总产', '2.5')
    fireEvent.click(screen.getByRole('button', { name: /求\s*解/ }))
    await waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0]!.problem.years[1]!.hsfQuotaHa).toBe(150)
    expect(sent[0]!.problem.years[0]!.minProductionKg).toBe(2_500)
  })

  it('solves the demo with HiGHS, shows the roll-out and its money, and makes scenarios for Compare', async () => {
    const sent: ToOptimiser[] = []
    renderWithApp(<OptimiserScreen makeWorker={fakeWorker(sent).make} />)
    await screen.findByLabelText('2025 年自有资金（万元）')
    for (const year of [2025, 2026, 2027]) type(`${year} 年自有资金（万元）`, '50')
    type('贷款额度合计', '200')
    fireEvent.click(screen.getByRole('button', { name: /求\s*解/ }))
    const status = await screen.findByTestId('optimiser-status', {}, { timeout: 20_000 })
    expect(status.textContent).toContain('已求得最优解')
    // What the screen shows is what the engine found for the problem it was sent.
    const expected = optimise(highs, buildInput(plan, sent[0]!.problem))
    expect(expected.schedule.length).toBeGreaterThan(0)
    const fieldsInPlan = new Set(expected.schedule.map((s) => s.fieldId)).size
    expect(screen.getByTestId('optimiser-schedule').textContent).toContain(`逐年安排（${fieldsInPlan} 块地）`)
    const rows = within(screen.getByTestId('optimiser-years-result')).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(3)
    expected.years.forEach((y, i) => {
      const spend = within(rows[i]!).getAllByRole('cell')[1]!.textContent
      expect(spend).toBe(
        y.spendYuan >= 10_000
          ? `${(y.spendYuan / 10_000).toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} 万元`
          : `${Math.round(y.spendYuan).toLocaleString('zh-CN')} 元`,
      )
      // never more than the year's own money plus what the loan can cover
      expect(y.spendYuan).toBeLessThanOrEqual(500_000 + y.loanYuan + 1e-6)
    })
    expect(screen.getByTestId('optimiser-greedy').textContent).toMatch(/万元$/)

    fireEvent.click(screen.getByRole('button', { name: /生成方案/ }))
    await screen.findByTestId('optimiser-made')
    expect(api.optimiserToScenarios).toHaveBeenCalledWith({
      problem: sent[0]!.problem,
      schedule: expected.schedule,
      name: '投资优化',
      note: '由投资优化生成的逐年实施方案',
    })
    expect(screen.getByTestId('optimiser-made').textContent).toContain(
      '已生成 3 个方案：投资优化 2025、投资优化 2026、投资优化 2027',
    )
    fireEvent.click(screen.getByRole('button', { name: '在方案对比中查看' }))
    // Compare opens on today beside the roll-out's three years.
    const baseline = plan.scenarios.find((s) => s.isBaseline)!.id
    expect(window.location.hash).toBe(`#/compare?ids=${baseline},40,41,42`)
  })

  it('shows the time spent while solving, and Cancel stops the worker and shows no result', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    try {
      const sent: ToOptimiser[] = []
      const worker = fakeWorker(sent, { answers: false })
      renderWithApp(<OptimiserScreen makeWorker={worker.make} />)
      await screen.findByLabelText('2025 年自有资金（万元）')
      fireEvent.click(screen.getByRole('button', { name: /求\s*解/ }))
      expect(screen.getByTestId('optimiser-busy').textContent).toBe('正在求解，已用 0 秒……')
      await act(async () => {
        vi.advanceTimersByTime(3_100)
      })
      expect(screen.getByTestId('optimiser-busy').textContent).toBe('正在求解，已用 3 秒……')
      fireEvent.click(screen.getByRole('button', { name: /取\s*消/ }))
      expect(worker.terminated.count).toBe(1)
      expect(screen.getByText('已取消求解，没有结果。')).toBeTruthy()
      expect(screen.queryByTestId('optimiser-result')).toBeNull()
    } finally {
      vi.useRealTimers()
    }
  })

  it('draws the budget-versus-gain frontier on request: at the typed budget, the roll-out found', async () => {
    const sent: ToOptimiser[] = []
    renderWithApp(<OptimiserScreen makeWorker={fakeWorker(sent).make} />)
    await screen.findByLabelText('2025 年自有资金（万元）')
    for (const year of [2025, 2026, 2027]) type(`${year} 年自有资金（万元）`, '5')
    type('贷款额度合计', '5')
    fireEvent.click(screen.getByRole('button', { name: /求\s*解/ }))
    const npv = await screen.findByTestId('optimiser-npv', {}, { timeout: 20_000 })
    fireEvent.click(screen.getByTestId('frontier-run'))
    const summary = await screen.findByTestId('frontier-summary', {}, { timeout: 30_000 })
    expect(sent.map((m) => m.type)).toEqual(['run', 'frontier'])
    expect(sent[1]!.problem).toEqual(sent[0]!.problem)
    const rows = within(screen.getByTestId('frontier-table')).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(FRONTIER_SCALES.length)
    const cells = (i: number) =>
      within(rows[i]!)
        .getAllByRole('cell')
        .map((c) => c.textContent)
    // ×1: 15 万元 of own money over three years, and the NPV the roll-out above found
    expect(cells(4).slice(0, 3)).toEqual(['1 倍', '15.0 万元', '5.0 万元'])
    expect(cells(4)[4]).toBe(npv.textContent)
    // ×0: nothing spent
    expect(cells(0)[3]).toBe('0 元')
    expect(screen.getByTestId('frontier-chart').querySelectorAll('circle')).toHaveLength(
      FRONTIER_SCALES.length,
    )
    expect(summary.textContent).toMatch(/^把自有资金和贷款额度都加一倍（自有资金合计 30\.0 万元）/)
  })

  it('opens with the problem saved last time, and saves the one it solves', async () => {
    const kept = plan.fields[1]!
    api.optimiserGetProblem.mockResolvedValue({
      ok: true,
      value: {
        saved: {
          problem: ProblemSchema.parse({
            years: [2026, 2027].map((year) => ({ year, coopBudgetYuan: 380_000, hsfQuotaHa: 10 })),
            loanLimitYuan: 1_500_000,
            keepFieldIds: [kept.id, 9_999],
          }),
          savedAt: '2026-12-01T02:30:00Z',
        },
        unreadable: false,
      },
    })
    const sent: ToOptimiser[] = []
    renderWithApp(<OptimiserScreen makeWorker={fakeWorker(sent).make} />)
    const budget = (await screen.findByLabelText('2026 年自有资金（万元）')) as HTMLInputElement
    // The same quantities as saved, in the units typed: 380,000 yuan is 38 万元, 10 ha is 150 亩.
    expect(budget.value).toBe('38')
    expect((screen.getByLabelText('2027 年高标准农田面积指标') as HTMLInputElement).value).toBe('150')
    expect((screen.getByLabelText('贷款额度合计') as HTMLInputElement).value).toBe('150')
    expect(screen.queryByLabelText('2025 年自有资金（万元）')).toBeNull()
    expect(screen.getByTestId('optimiser-stored').textContent).toMatch(
      /^已填入上次保存的条件（2026-12-01 \d\d:30）/,
    )
    expect(
      screen.getByText('上次列为“保持不动”的地块中有 1 块已不在地块表里，已从这一项中去掉。'),
    ).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: /求\s*解/ }))
    await waitFor(() => expect(api.optimiserSaveProblem).toHaveBeenCalledTimes(1))
    const saved = api.optimiserSaveProblem.mock.calls[0]![0].problem as Problem
    expect(saved).toEqual(sent[0]!.problem)
    expect(saved.keepFieldIds).toEqual([kept.id])
    expect(saved.years.map((y) => [y.year, y.coopBudgetYuan, y.hsfQuotaHa])).toEqual([
      [2026, 380_000, 10],
      [2027, 380_000, 10],
    ])
    await waitFor(() => expect(screen.getByTestId('optimiser-stored').textContent).toMatch(/^条件已保存/))
  })

  it('names a problem the engine refuses before anything is solved', async () => {
    const sent: ToOptimiser[] = []
    renderWithApp(<OptimiserScreen makeWorker={fakeWorker(sent).make} />)
    await screen.findByLabelText('2025 年自有资金（万元）')
    // 2,000,000 万元 is 20 billion yuan, beyond any co-op's budget (PROBLEM_LIMITS.maxYuan)
    type('2025 年自有资金（万元）', '2000000')
    fireEvent.click(screen.getByRole('button', { name: /求\s*解/ }))
    const issues = await screen.findByTestId('optimiser-issues')
    expect(issues.textContent).not.toMatch(/errors\.|\{\{/)
    expect(sent).toHaveLength(0)
  })
})
