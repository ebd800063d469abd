import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ComparisonRollup, FieldComparison, PlanVsActual } from '../../engine/actuals/types'
import { buildDemoPlan } from '../../engine/demo-plan'
import { renderWithApp } from './render'

const api = vi.hoisted(() => {
  const fns = { actualsCompare: vi.fn(), versionsList: vi.fn() }
  window.fengshou = fns as never
  return fns
})
const { PlanVsActualView } = await import('../../renderer/src/features/harvest/PlanVsActualView')

const plan = buildDemoPlan()

/** Opens an antd Select by its label and clicks the option with that text. */
async function chooseSelectOption(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label))
  const item = await waitFor(() => {
    const found = document.querySelector(`.ant-select-item-option[title="${option}"]`)
    if (!found) throw new Error(`no option ${option}`)
    return found
  })
  fireEvent.click(item)
}
const field = (patch: Partial<FieldComparison>): FieldComparison => ({
  fieldId: 1,
  fieldName: '东岗一号地',
  village: '兴隆村',
  groupId: 1,
  crop: 'maize',
  areaHa: 10,
  forecastKgPerHa: 9000,
  actualKgPerHa: 7500,
  errorKgPerHa: -1500,
  errorPct: -16.67,
  p10KgPerHa: 7800,
  p90KgPerHa: 10_200,
  band: 'below',
  forecastMarginYuan: 30_000,
  actualMarginYuan: 18_000,
  ...patch,
})
const roll = (patch: Partial<ComparisonRollup>): ComparisonRollup => ({
  key: 'total',
  fields: 2,
  areaHa: 20,
  forecastProductionKg: 180_000,
  actualProductionKg: 172_500,
  errorPct: -4.17,
  forecastMarginYuan: 60_000,
  actualMarginYuan: 55_000,
  outsideBand: 2,
  ...patch,
})
const result: PlanVsActual = {
  seasonYear: 2026,
  scenarioId: 2,
  scenarioName: '密植+水肥一体化',
  fields: [
    field({}),
    field({
      fieldId: 2,
      fieldName: '东岗二号地',
      actualKgPerHa: 10_500,
      errorKgPerHa: 1500,
      errorPct: 16.67,
      band: 'above',
      actualMarginYuan: 37_000,
    }),
  ],
  byGroup: [roll({ key: '1', name: '东片' }), roll({ key: 'none', name: '', fields: 0 })],
  byCrop: [roll({ key: 'maize' })],
  total: roll({}),
  skipped: 1,
}

beforeEach(() => {
  api.actualsCompare.mockReset()
  api.actualsCompare.mockResolvedValue({ ok: true, value: result })
  api.versionsList.mockResolvedValue({ ok: true, value: [] })
})

const version = (id: number, number: number, status: string, title: string) => ({
  id,
  number,
  title,
  note: '',
  author: '王经理',
  createdAt: '2026-03-01T00:00:00Z',
  status,
  hash: `sha256:${'0'.repeat(64)}`,
  hashVerified: true,
  fieldCount: 24,
  scenarioCount: 4,
  commentCount: 0,
  submittedAt: null,
  decidedAt: null,
})

describe('plan against actual', () => {
  it('shows every number with its unit and sign, and flags fields outside the P10–P90 band', async () => {
    renderWithApp(<PlanVsActualView seasonYear={2026} plan={plan} refresh={0} />)
    const view = await screen.findByTestId('plan-vs-actual')
    // 180,000 kg = 360,000 斤; the error is negative and says so
    expect(view.textContent).toContain('360,000 斤')
    expect(view.textContent).toContain('345,000 斤')
    expect(screen.getByTestId('total-error').textContent).toBe('比计划 -4.2 %')
    expect(view.textContent).toContain('计划 60,000 元，差 −5,000 元')
    expect(view.textContent).toContain('1 条实收的地块已不在计划里')
    const table = screen.getByTestId('field-comparison')
    const below = within(table).getByText('东岗一号地（兴隆村）').closest('tr')!
    // 9,000 kg/ha = 1,200 斤/亩; −1,500 kg/ha = −200 斤/亩
    expect(below.textContent).toContain('1,200 斤/亩')
    expect(below.textContent).toContain('−200 斤/亩（-16.7 %）')
    expect(below.textContent).toContain('1,040–1,360 斤/亩')
    expect(within(below).getByTestId('band-below').textContent).toBe('低于 P10')
    const above = within(table).getByText('东岗二号地（兴隆村）').closest('tr')!
    expect(above.textContent).toContain('+200 斤/亩（+16.7 %）')
    expect(within(above).getByTestId('band-above').textContent).toBe('高于 P90')
    const groups = screen.getByTestId('rollup-group')
    expect(groups.textContent).toContain('东片')
    expect(groups.textContent).toContain('未分组')
    expect(screen.getByTestId('rollup-crop').textContent).toContain('玉米')
  })

  it('says plainly when the season has no actuals yet', async () => {
    api.actualsCompare.mockResolvedValue({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '',
        details: { issues: [{ path: ['seasonYear'], rule: 'no_actuals', params: { year: 2025 } }] },
      },
    })
    renderWithApp(<PlanVsActualView seasonYear={2025} plan={plan} refresh={0} />)
    await screen.findByText('2025 年还没有录入实收，无法和计划对比。请先手工录入或导入实收。')
  })

  it('sets the actuals against the latest approved version by default, and against today’s plan on request', async () => {
    api.versionsList.mockResolvedValue({
      ok: true,
      value: [
        version(1, 1, 'approved', '去年方案'),
        version(2, 2, 'approved', '春播方案'),
        version(3, 3, 'frozen', '改后'),
      ],
    })
    api.actualsCompare.mockImplementation(async (input: { versionId: number | null }) => ({
      ok: true,
      value:
        input.versionId === null
          ? result
          : { ...result, basis: { versionId: 2, versionNumber: 2, versionTitle: '春播方案' } },
    }))
    renderWithApp(<PlanVsActualView seasonYear={2026} plan={plan} refresh={0} />)
    const intro = await screen.findByTestId('plan-vs-actual-intro')
    expect(api.actualsCompare).toHaveBeenCalledTimes(1)
    expect(api.actualsCompare).toHaveBeenCalledWith({ seasonYear: 2026, versionId: 2 })
    expect(intro.textContent).toMatch(/^2026 年按第 2 版「春播方案」冻结时的方案/)
    await chooseSelectOption('预测依据', '当前方案（按现在的地块和假设）')
    await waitFor(() =>
      expect(api.actualsCompare).toHaveBeenLastCalledWith({ seasonYear: 2026, versionId: null }),
    )
    await waitFor(() =>
      expect(screen.getByTestId('plan-vs-actual-intro').textContent).toMatch(/^2026 年按方案/),
    )
  })
})
