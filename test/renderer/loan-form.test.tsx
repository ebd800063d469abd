import { fireEvent, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { scenarioFinance } from '../../engine/model/finance/cash-flow'
import { renderWithApp } from './render'

// The renderer talks only through its api module; hoisted so the api module sees it when loaded.
const api = vi.hoisted(() => {
  const fns = { loansCreate: vi.fn(), loansUpdate: vi.fn() }
  window.fengshou = fns as never
  return fns
})

const { LoanFormModal } = await import('../../renderer/src/features/scenarios/finance/LoanFormModal')
const { CashFlowTable } = await import('../../renderer/src/features/scenarios/finance/CashFlowTable')

const suggested = {
  name: '',
  amountYuan: 210_000,
  annualRate: 0.045,
  termYears: 5,
  repayment: 'annuity' as const,
  interestSubsidyShare: 0,
}
const save = () => fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }))

describe('the loan form', () => {
  beforeEach(() => {
    api.loansCreate.mockReset()
    api.loansUpdate.mockReset()
  })

  it('saves a rate typed in percent as a ratio, and the amount in yuan', async () => {
    api.loansCreate.mockResolvedValue({ ok: true, value: {} })
    const onSaved = vi.fn()
    renderWithApp(
      <LoanFormModal
        scenarioId={7}
        scenarioName="滴灌"
        loan={null}
        suggested={suggested}
        onClose={() => undefined}
        onSaved={onSaved}
      />,
    )
    fireEvent.change(screen.getByLabelText('年利率'), { target: { value: '4.35' } })
    save()
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    expect(api.loansCreate).toHaveBeenCalledWith({
      scenarioId: 7,
      loan: { ...suggested, annualRate: 0.0435 },
    })
  })

  it('names the field a bad loan breaks, in Chinese, and sends nothing', async () => {
    renderWithApp(
      <LoanFormModal
        scenarioId={7}
        scenarioName="滴灌"
        loan={null}
        suggested={{ ...suggested, amountYuan: null }}
        onClose={() => undefined}
        onSaved={() => undefined}
      />,
    )
    save()
    await screen.findByRole('alert')
    expect(screen.getByRole('alert').textContent).toContain('金额')
    expect(api.loansCreate).not.toHaveBeenCalled()
  })

  it('keeps what was typed when another window saved the loan first (STALE), offering the newer one', async () => {
    api.loansUpdate.mockResolvedValue({ ok: false, error: { code: 'STALE', message: '', details: {} } })
    const loan = { ...suggested, amountYuan: 100_000, id: 3, scenarioId: 7, revision: 2 }
    renderWithApp(
      <LoanFormModal
        scenarioId={7}
        scenarioName="滴灌"
        loan={loan}
        suggested={suggested}
        onClose={() => undefined}
        onSaved={() => undefined}
      />,
    )
    fireEvent.change(screen.getByLabelText('期限'), { target: { value: '6' } })
    save()
    await screen.findByTestId('loan-reload')
    expect(api.loansUpdate.mock.calls[0]![0]).toMatchObject({ id: 3, revision: 2, loan: { termYears: 6 } })
    expect((screen.getByLabelText('期限') as HTMLInputElement).value).toBe('6')
  })
})

describe('the cash-flow table', () => {
  it('writes yuan on every number and marks the lowest-balance year', () => {
    const finance = scenarioFinance(
      { deltaMarginFullYuan: 100_000, hsfRevenueYuan: 0, assets: [{ yuan: 300_000, lifeYears: 15 }] },
      [],
      { discountRate: 0.05, horizonYears: 10, hsfRampYears: 1 },
    )
    const { container } = renderWithApp(<CashFlowTable finance={finance} />)
    const cells = [...container.querySelectorAll('[data-testid^="cf-"][data-testid$="Yuan"]')]
    expect(cells).toHaveLength(11 * 6)
    expect(cells.every((c) => / 元$/.test(c.textContent ?? ''))).toBe(true)
    const lowest = container.querySelectorAll('tr[data-lowest="true"]')
    expect(lowest).toHaveLength(1)
    expect(lowest[0]!.textContent).toContain('第 0 年')
    expect(screen.getByTestId('cf-lowest').textContent).toContain('-300,000')
  })
})
