import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import highsLoader from 'highs'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { buildDemoPlan } from '../../engine/demo-plan'
import { buildInput } from '../../engine/optimiser/candidates'
import type { Problem } from '../../engine/optimiser/problem'
import { optimise } from '../../engine/optimiser/solve'
import type { FromOptimiser, ToOptimiser } from '../../renderer/src/features/optimiser/optimiser-protocol'
import { renderWithApp, workspace } from './render'

const api = vi.hoisted(() => {
  const fns = { planGet: vi.fn(), optimiserToScenarios: vi.fn() }
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
  api.planGet.mockResolvedValue({ ok: true, value: plan })
  api.optimiserToScenarios.mockResolvedValue({
    ok: true,
    value: [2025, 2026, 2027].map((y) => ({ name: `投资优化 ${y}` })),
  })
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
    expect(window.location.hash).toBe('#/compare')
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
