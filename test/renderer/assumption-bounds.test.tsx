import { fireEvent, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ListedAssumption } from '../../app/contract/contract'
import { DEFAULT_BY_KEY } from '../../engine/assumptions/defaults'
import { effectiveAssumptions } from '../../engine/assumptions/resolve'
import { renderWithApp, workspace } from './render'

// The renderer talks only through its api module; hoisted so the api module sees it when loaded.
const api = vi.hoisted(() => {
  const fns = { assumptionsSet: vi.fn(), assumptionsList: vi.fn(), assumptionsReset: vi.fn() }
  window.fengshou = fns as never
  return fns
})

const { AssumptionEditModal } = await import('../../renderer/src/features/assumptions/AssumptionEditModal')
const { AssumptionsScreen } = await import('../../renderer/src/features/assumptions/AssumptionsScreen')

const row = (key: string): ListedAssumption => ({
  ...effectiveAssumptions().find((a) => a.key === key)!,
  revision: null,
})

function edit(a: ListedAssumption, ws = workspace()) {
  renderWithApp(
    <AssumptionEditModal assumption={a} onClose={() => undefined} onSaved={() => undefined} />,
    ws,
  )
}

function type(label: string, value: string) {
  const input = screen.getByLabelText(label) as HTMLInputElement
  fireEvent.change(input, { target: { value } })
}

const save = () => fireEvent.click(screen.getByRole('button', { name: /保\s*存|Save/ }))

describe('editing an assumption within its hard bounds', () => {
  beforeEach(() => {
    api.assumptionsSet.mockReset()
    api.assumptionsSet.mockResolvedValue({ ok: true, value: {} })
  })

  it('stops the inputs at the bounds in the plan’s units (10,000 yuan/mu = 150,000 yuan/ha)', () => {
    edit(row('hsf.investmentYuanPerHa'))
    const input = screen.getByLabelText('取值（元/亩）')
    expect(input.getAttribute('aria-valuemin')).toBe('0')
    expect(input.getAttribute('aria-valuemax')).toBe('10000')
    expect(screen.getByText(/模型允许的界限：0 元\/亩 – 10,000 元\/亩。/)).toBeTruthy()
  })

  it('an old value beyond the bounds is refused with the engine’s rule, in the plan’s units, sending nothing', async () => {
    const old = effectiveAssumptions([
      { key: 'finance.horizonYears', value: 1e300, low: 5, high: 1e300, note: '', changedAt: '2025-01-01' },
    ]).find((a) => a.key === 'finance.horizonYears')!
    edit({ ...old, revision: 7 })
    save()
    expect(await screen.findByRole('alert')).toBeTruthy()
    // Under the inputs as well as at the top (antd shows field messages a moment after they are set).
    await waitFor(() =>
      expect(screen.getAllByText('必须在 1 年 到 50 年 之间（模型允许的界限）').length).toBeGreaterThan(1),
    )
    expect(api.assumptionsSet).not.toHaveBeenCalled()
  })

  it('a value typed beyond the bound stops at the bound', async () => {
    edit(row('finance.horizonYears'))
    type('上限（年）', '60')
    fireEvent.blur(screen.getByLabelText('上限（年）'))
    await waitFor(() => expect((screen.getByLabelText('上限（年）') as HTMLInputElement).value).toBe('50'))
    type('修改理由（例如试验或本社记录）', '县农技站意见')
    save()
    await waitFor(() => expect(api.assumptionsSet).toHaveBeenCalledTimes(1))
    expect(api.assumptionsSet.mock.calls[0]![0]).toMatchObject({ key: 'finance.horizonYears', high: 50 })
  })

  it('a value typed at the bound saves as the exact canonical bound', async () => {
    edit(row('hsf.investmentYuanPerHa'))
    type('取值（元/亩）', '10000')
    type('上限（元/亩）', '10000')
    type('修改理由（例如试验或本社记录）', '本社 2025 年投资记录')
    save()
    await waitFor(() => expect(api.assumptionsSet).toHaveBeenCalledTimes(1))
    expect(api.assumptionsSet.mock.calls[0]![0]).toMatchObject({
      key: 'hsf.investmentYuanPerHa',
      value: DEFAULT_BY_KEY.get('hsf.investmentYuanPerHa')!.max,
      high: 150_000,
    })
  })

  it('speaks English with the bounds in percent', async () => {
    edit(row('hsf.uplift'), workspace({ locale: 'en', areaUnit: 'ha', massUnit: 'kg' }))
    const a = row('hsf.uplift')
    expect(a.max).toBe(1)
    expect(screen.getByLabelText('Value (%)').getAttribute('aria-valuemax')).toBe('100')
  })
})

describe('an override saved before the bounds existed', () => {
  it('is listed, marked, and named in a banner so the user can reset it', async () => {
    api.assumptionsList.mockResolvedValue({
      ok: true,
      value: effectiveAssumptions([
        { key: 'finance.horizonYears', value: 1e300, low: 1, high: 1e300, note: '', changedAt: '2025-01-01' },
      ]),
    })
    renderWithApp(<AssumptionsScreen />)
    expect(await screen.findByTestId('out-of-bounds-finance.horizonYears')).toBeTruthy()
    expect(screen.getByText(/有 1 项假设超出模型允许的界限/)).toBeTruthy()
    expect(screen.queryByTestId('out-of-bounds-hsf.uplift')).toBeNull()
  })
})
