import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ActualsCsvPreview, ActualsSeason } from '../../app/contract/contract'
import type { CalibrationProposal } from '../../engine/actuals/types'
import { buildDemoPlan } from '../../engine/demo-plan'
import { renderWithApp, workspace } from './render'

const api = vi.hoisted(() => {
  const fns = {
    planGet: vi.fn(),
    actualsList: vi.fn(),
    actualsSet: vi.fn(),
    actualsSetScenario: vi.fn(),
    actualsPreviewCsv: vi.fn(),
    actualsImportCsv: vi.fn(),
    actualsCompare: vi.fn(),
    versionsList: vi.fn(),
    calibrationList: vi.fn(),
    calibrationAccept: vi.fn(),
  }
  window.fengshou = fns as never
  return fns
})

const { HarvestScreen } = await import('../../renderer/src/features/harvest/HarvestScreen')
const { ActualsImportModal } = await import('../../renderer/src/features/harvest/ActualsImportModal')
const { CalibrationPanel } = await import('../../renderer/src/features/harvest/CalibrationPanel')

const plan = buildDemoPlan()
const first = plan.fields[0]!
const thisYear = new Date().getFullYear()
const empty: ActualsSeason = { seasonYear: thisYear, scenarioId: null, records: [], seasons: [] }
const ok = (value: unknown) => ({ ok: true, value })

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset()
  api.planGet.mockResolvedValue(ok(plan))
  api.actualsList.mockResolvedValue(ok(empty))
  api.actualsCompare.mockResolvedValue({
    ok: false,
    error: {
      code: 'VALIDATION',
      message: '',
      details: { issues: [{ path: ['seasonYear'], rule: 'no_actuals' }] },
    },
  })
  api.calibrationList.mockResolvedValue(ok([]))
  api.versionsList.mockResolvedValue(ok([]))
})

describe('entering actuals by hand', () => {
  it('sends what was typed in 斤/亩 as kg/ha, and shows a recorded kg/ha in 公斤/公顷 as the same quantity', async () => {
    api.actualsSet.mockResolvedValue(
      ok({ created: 1, updated: 0, unchanged: 0, historyAdded: 1, historyReplaced: 0, historyKept: 0 }),
    )
    renderWithApp(<HarvestScreen />)
    const input = await screen.findByLabelText(`「${first.name}」的实收单产`)
    expect(screen.getByText('实收单产（斤/亩）')).toBeTruthy()
    fireEvent.change(input, { target: { value: '1100' } })
    fireEvent.change(screen.getByLabelText(`「${first.name}」的实际售价`), { target: { value: '1.1' } })
    fireEvent.click(screen.getByTestId('actuals-save'))
    await waitFor(() => expect(api.actualsSet).toHaveBeenCalledTimes(1))
    // 1,100 斤/亩 = 8,250 kg/ha; 1.1 元/斤 = 2.2 元/kg
    expect(api.actualsSet.mock.calls[0]![0]).toEqual({
      seasonYear: thisYear,
      rows: [{ fieldId: first.id, yieldKgPerHa: 8250, priceYuanPerKg: 2.2, costYuanPerHa: null }],
    })
  })

  it('shows the same recorded quantity after a unit switch', async () => {
    api.actualsList.mockResolvedValue(
      ok({
        ...empty,
        records: [
          {
            fieldId: first.id,
            seasonYear: thisYear,
            yieldKgPerHa: 8250,
            priceYuanPerKg: null,
            costYuanPerHa: null,
            source: 'csv',
            recordedAt: '',
          },
        ],
      }),
    )
    renderWithApp(<HarvestScreen />, workspace({ areaUnit: 'ha', massUnit: 'kg' }))
    const input = (await screen.findByLabelText(`「${first.name}」的实收单产`)) as HTMLInputElement
    expect(input.value).toBe('8,250')
    expect(screen.getByText('实收单产（公斤/公顷）')).toBeTruthy()
    expect(screen.getAllByText('CSV 导入')).toHaveLength(1)
  })

  it('names a conflicting history figure with both numbers and resends only with the user’s choice', async () => {
    const conflict = {
      fieldId: first.id,
      fieldName: first.name,
      year: thisYear,
      historyKgPerHa: 7500,
      actualKgPerHa: 8250,
    }
    api.actualsSet
      .mockResolvedValueOnce({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: '',
          details: {
            conflicts: [conflict],
            issues: [{ path: ['rows', 0, 'yieldKgPerHa'], rule: 'history_conflict' }],
          },
        },
      })
      .mockResolvedValueOnce(
        ok({ created: 1, updated: 0, unchanged: 0, historyAdded: 0, historyReplaced: 1, historyKept: 0 }),
      )
    renderWithApp(<HarvestScreen />)
    fireEvent.change(await screen.findByLabelText(`「${first.name}」的实收单产`), {
      target: { value: '1100' },
    })
    fireEvent.click(screen.getByTestId('actuals-save'))
    const conflicts = await screen.findByTestId('history-conflicts')
    // 7,500 kg/ha = 1,000 斤/亩; 8,250 kg/ha = 1,100 斤/亩
    expect(conflicts.textContent).toContain(
      `「${first.name}」${thisYear} 年：产量历史记的是 1,000 斤/亩，这次的实收是 1,100 斤/亩`,
    )
    const confirm = screen.getByRole('button', { name: '按所选保存' })
    expect(confirm.hasAttribute('disabled')).toBe(true)
    fireEvent.click(within(conflicts).getByLabelText(/用实收替换历史里的数/))
    fireEvent.click(confirm)
    await waitFor(() => expect(api.actualsSet).toHaveBeenCalledTimes(2))
    expect(api.actualsSet.mock.calls[1]![0]).toMatchObject({ onHistoryConflict: 'replace' })
  })
})

describe('an actuals CSV', () => {
  const preview: ActualsCsvPreview = {
    encoding: 'gb18030',
    rowCount: 2,
    preview: [
      {
        fieldId: first.id,
        fieldName: first.name,
        seasonYear: 2025,
        yieldKgPerHa: 8250,
        priceYuanPerKg: 2.2,
        costYuanPerHa: 12_000,
      },
    ],
    problems: [],
    seasons: [2025],
    counts: { new: 1, update: 0, unchanged: 0 },
    conflicts: [],
  }
  const upload = async () => {
    const file = new File(['地块,年份,单产\n'], 'a.csv', { type: 'text/csv' })
    await act(async () => {
      fireEvent.change(screen.getByTestId('actuals-csv-file'), { target: { files: [file] } })
    })
  }

  it('previews in the plan’s units and refuses to import a file with a problem', async () => {
    api.actualsPreviewCsv.mockResolvedValue(
      ok({
        ...preview,
        problems: [{ row: 3, column: '单产', rule: 'not_a_number', params: { value: 'abc' } }],
      }),
    )
    renderWithApp(<ActualsImportModal onClose={() => {}} onImported={() => {}} />)
    await upload()
    const summary = await screen.findByTestId('actuals-csv-summary')
    expect(summary.textContent).toBe(
      '编码 GB18030，共 2 行，季节 2025：新增 1 条，修改 0 条，与已录入相同 0 条',
    )
    expect(api.actualsPreviewCsv.mock.calls[0]![0].units).toEqual({
      yieldMass: 'jin',
      yieldArea: 'mu',
      priceMass: 'jin',
      costArea: 'mu',
    })
    const table = screen.getByTestId('actuals-csv-preview')
    expect(table.textContent).toContain('1,100 斤/亩')
    expect(table.textContent).toContain('1.1 元/斤')
    expect(table.textContent).toContain('800 元/亩')
    expect(screen.getByTestId('actuals-csv-problems').textContent).toContain('第 3 行')
    expect(document.getElementById('actuals-import')!.hasAttribute('disabled')).toBe(true)
  })

  it('asks about a conflicting history figure before it imports', async () => {
    api.actualsPreviewCsv.mockResolvedValue(
      ok({
        ...preview,
        conflicts: [
          { fieldId: first.id, fieldName: first.name, year: 2025, historyKgPerHa: 7500, actualKgPerHa: 8250 },
        ],
      }),
    )
    api.actualsImportCsv.mockResolvedValue(
      ok({
        imported: 1,
        created: 1,
        updated: 0,
        unchanged: 0,
        historyAdded: 0,
        historyReplaced: 0,
        historyKept: 1,
      }),
    )
    const imported = vi.fn()
    renderWithApp(<ActualsImportModal onClose={() => {}} onImported={imported} />)
    await upload()
    await screen.findByTestId('history-conflicts')
    const button = document.getElementById('actuals-import')!
    expect(button.hasAttribute('disabled')).toBe(true)
    fireEvent.click(screen.getByLabelText(/两个数都保留/))
    expect(button.hasAttribute('disabled')).toBe(false)
    fireEvent.click(button)
    await waitFor(() => expect(imported).toHaveBeenCalled())
    expect(api.actualsImportCsv.mock.calls[0]![0]).toMatchObject({ onHistoryConflict: 'keep' })
  })
})

describe('calibration proposals', () => {
  const drip: CalibrationProposal = {
    factor: 'drip',
    assumptionKey: 'water.factor.drip',
    currentValue: 1.1,
    proposedValue: 1.14,
    biasPct: 4,
    rawBiasPct: 6.5,
    standardErrorPct: 1.2,
    evidenceWeight: 0.62,
    fields: 18,
    seasons: 2,
    seasonYears: [2025, 2026],
  }
  const hsf: CalibrationProposal = {
    ...drip,
    factor: 'hsf',
    assumptionKey: 'hsf.uplift',
    currentValue: 0.15,
    proposedValue: null,
    biasPct: 0.4,
  }

  it('shows the evidence, accepts with it as the reason, and shows the scenarios move', async () => {
    api.calibrationList.mockResolvedValue(ok([drip, hsf]))
    api.calibrationAccept.mockResolvedValue(
      ok({
        override: { key: 'water.factor.drip', value: 1.14, low: 1, high: 1.3, note: '', changedAt: '' },
        proposal: drip,
        moved: [
          {
            scenarioId: 2,
            name: '滴灌改造',
            isBaseline: false,
            productionBeforeKg: 1_000_000,
            productionAfterKg: 1_020_000,
            marginBeforeYuan: 500_000,
            marginAfterYuan: 530_000,
          },
        ],
      }),
    )
    const accepted = vi.fn()
    renderWithApp(<CalibrationPanel refresh={0} onAccepted={accepted} />)
    const card = await screen.findByTestId('proposal-drip')
    const reason =
      '依据本社 2 季（2025、2026 年）18 块地的实收：滴灌地块平均比预测高 4.0%（标准误 1.2%，本社数据权重 62%）'
    expect(card.textContent).toContain(reason)
    expect(card.textContent).toContain('+4.0 % ± 1.2 %（标准误）')
    expect(card.textContent).toContain('+6.5 %')
    expect(card.textContent).toContain('110 % → 114 %')
    expect(within(screen.getByTestId('proposal-hsf')).queryByRole('button')).toBeNull()
    fireEvent.click(screen.getByTestId('accept-drip'))
    await waitFor(() => expect(api.calibrationAccept).toHaveBeenCalledTimes(1))
    expect(api.calibrationAccept.mock.calls[0]![0]).toEqual({
      factor: 'drip',
      proposedValue: 1.14,
      note: reason,
    })
    const moved = await screen.findByTestId('calibration-moved')
    // 1,000,000 kg = 2,000,000 斤
    expect(moved.textContent).toContain('2,000,000 斤 → 2,040,000 斤')
    expect(moved.textContent).toContain('+2.0 %')
    expect(moved.textContent).toContain('500,000 元 → 530,000 元')
    expect(accepted).toHaveBeenCalled()
  })

  it('rejects without writing anything', async () => {
    api.calibrationList.mockResolvedValue(ok([drip]))
    renderWithApp(<CalibrationPanel refresh={0} onAccepted={() => {}} />)
    fireEvent.click(await screen.findByTestId('reject-drip'))
    expect(screen.getByTestId('proposal-drip').textContent).toContain(
      '已拒绝：假设保持不变，没有写入任何内容。',
    )
    expect(screen.queryByTestId('accept-drip')).toBeNull()
    expect(api.calibrationAccept).not.toHaveBeenCalled()
  })
})
