import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { Button } from 'antd'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { effectiveAssumptions } from '../../engine/assumptions/resolve'
import { buildDemoPlan } from '../../engine/demo-plan'
import type { Variety } from '../../engine/schemas/variety'
import type { Workspace } from '../../engine/schemas/workspace'
import { renderWithApp, workspace } from './render'

const api = vi.hoisted(() => {
  const fns = { varietiesList: vi.fn(), assumptionsList: vi.fn(), workspaceUpdate: vi.fn() }
  window.fengshou = fns as never
  return fns
})

const { DensityScreen } = await import('../../renderer/src/features/density/DensityScreen')
const { useWorkspace } = await import('../../renderer/src/features/workspace/WorkspaceContext')

function ToHectares() {
  const { update } = useWorkspace()
  return <Button onClick={() => void update({ areaUnit: 'ha' })}>to-ha</Button>
}

const varieties: Variety[] = buildDemoPlan().varieties.map((v) =>
  v.name === '富民985' ? { ...v, seedPriceYuanPerKg: 25, revision: 1 } : { ...v, revision: 1 },
)

beforeEach(() => {
  api.varietiesList.mockResolvedValue({ ok: true, value: varieties })
  api.assumptionsList.mockResolvedValue({ ok: true, value: effectiveAssumptions() })
  api.workspaceUpdate.mockImplementation(async (patch: Partial<Workspace>) => ({
    ok: true,
    value: workspace(patch),
  }))
})

describe('density explorer: units and seed prices', () => {
  it('names the variety’s own seed price per kg beside the per-1,000-seed price it computes with, unconverted', async () => {
    renderWithApp(<DensityScreen chartWidth={600} />)
    const note = await screen.findByTestId('variety-seed')
    expect(note.textContent).toBe(
      '品种目录中“富民985”的种子价格是 25 元/公斤（按重量）。不知道千粒重，这里不把它换算成 元/千粒；经济最优按上面的 元/千粒 计算。',
    )
    expect((screen.getByLabelText('种子价格（元/千粒）') as HTMLInputElement).value).toBe('12.5')
  })

  it('reads pasted points in the units they were typed in, and words the fit in the header’s current units', async () => {
    renderWithApp(
      <>
        <ToHectares />
        <DensityScreen chartWidth={600} />
      </>,
    )
    await screen.findByTestId('aopd')
    // per mu: peak near 5,200 plants/mu
    const rows = [3000, 4000, 5000, 6000].flatMap((d) => [
      `${d},${Math.round(1600 - 0.00004 * (d - 5200) ** 2)}`,
      `${d},${Math.round(1610 - 0.00004 * (d - 5200) ** 2)}`,
    ])
    fireEvent.change(screen.getByLabelText('用自己的试验点拟合'), { target: { value: rows.join('\n') } })
    fireEvent.click(screen.getByRole('button', { name: /拟\s*合/ }))
    expect((await screen.findByTestId('fit-result')).textContent).toMatch(/农艺最优 5,2\d\d 株\/亩$/)
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'to-ha' }))
    })
    await waitFor(() =>
      expect(screen.getByTestId('fit-result').textContent).toMatch(/农艺最优 7[89],\d{3} 株\/公顷$/),
    )
    expect(screen.getByTestId('fit-result').textContent).toMatch(/RMSE [\d,.]+ 斤\/公顷/)
    expect(screen.getByTestId('trial-units').textContent).toContain('株/亩、斤/亩')
    // Fitting again reads the same text per mu: the same optimum.
    const before = screen.getByTestId('fit-result').textContent
    fireEvent.click(screen.getByRole('button', { name: /拟\s*合/ }))
    expect(screen.getByTestId('fit-result').textContent).toBe(before)
  })
})
