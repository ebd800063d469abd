import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { Button } from 'antd'
import { useState } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { buildDemoPlan } from '../../engine/demo-plan'
import type { Variety } from '../../engine/schemas/variety'
import type { Workspace } from '../../engine/schemas/workspace'
import { renderWithApp, workspace } from './render'

// The renderer talks only through its api module; hoisted so the api module sees it when loaded.
// workspaceUpdate answers like the back end: the workspace with the new units.
const api = vi.hoisted(() => {
  const fns = {
    workspaceUpdate: vi.fn(),
    scenariosApply: vi.fn(),
    varietiesUpdate: vi.fn(),
  }
  window.fengshou = fns as never
  return fns
})

const { QuantityInput } = await import('../../renderer/src/lib/QuantityInput')
const { useWorkspace } = await import('../../renderer/src/features/workspace/WorkspaceContext')
const { ScenarioEditor } = await import('../../renderer/src/features/scenarios/ScenarioEditor')
const { VarietyFormModal } = await import('../../renderer/src/features/varieties/VarietyFormModal')

/** The header's unit switch, reduced to two buttons (the same update() the header calls). */
function UnitSwitch() {
  const { update } = useWorkspace()
  return (
    <>
      <Button onClick={() => void update({ areaUnit: 'ha' })}>to-ha</Button>
      <Button onClick={() => void update({ areaUnit: 'mu' })}>to-mu</Button>
    </>
  )
}

/** A form's state holding the canonical value, as the forms do. */
function DensityProbe(props: { initial: number | null; onReport: (v: number | null) => void }) {
  const [value, setValue] = useState(props.initial)
  return (
    <>
      <UnitSwitch />
      <QuantityInput
        quantity="density"
        aria-label="density"
        value={value}
        onChange={(v) => {
          props.onReport(v)
          setValue(v)
        }}
      />
      <output data-testid="held">{String(value)}</output>
    </>
  )
}

const input = () => screen.getByLabelText('density') as HTMLInputElement
const switchTo = async (unit: 'ha' | 'mu') => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: `to-${unit}` }))
  })
}

beforeEach(() => {
  api.workspaceUpdate.mockReset()
  api.workspaceUpdate.mockImplementation(async (patch: Partial<Workspace>) => ({
    ok: true,
    value: workspace(patch),
  }))
})

describe('a quantity input holds the canonical value and shows it in the current unit', () => {
  it('4,667 typed per mu is 70,005 plants/ha (exactly 4,667 × 15), and shows as 70,005 after switching to ha', async () => {
    const reported = vi.fn()
    renderWithApp(<DensityProbe initial={null} onReport={reported} />)
    fireEvent.change(input(), { target: { value: '4667' } })
    expect(reported).toHaveBeenLastCalledWith(70_005)
    fireEvent.blur(input())
    await switchTo('ha')
    await waitFor(() => expect(input().value).toBe('70,005'))
    expect(screen.getByTestId('held').textContent).toBe('70005')
    await switchTo('mu')
    await waitFor(() => expect(input().value).toBe('4,667'))
  })

  it('a stored 70,000 plants/ha shows as 4,666.67 per mu and stays 70,000 when it is not touched', async () => {
    const reported = vi.fn()
    renderWithApp(<DensityProbe initial={70_000} onReport={reported} />)
    expect(input().value).toBe('4,666.67')
    await switchTo('ha')
    await waitFor(() => expect(input().value).toBe('70,000'))
    await switchTo('mu')
    await waitFor(() => expect(input().value).toBe('4,666.67'))
    expect(reported).not.toHaveBeenCalled()
    expect(screen.getByTestId('held').textContent).toBe('70000')
  })

  it('70,000 typed per ha is not saved as 70,005 after the unit switches to mu', async () => {
    const reported = vi.fn()
    renderWithApp(<DensityProbe initial={null} onReport={reported} />, workspace({ areaUnit: 'ha' }))
    fireEvent.change(input(), { target: { value: '70000' } })
    fireEvent.blur(input())
    expect(reported).toHaveBeenLastCalledWith(70_000)
    await switchTo('mu')
    await waitFor(() => expect(input().value).toBe('4,666.67'))
    expect(reported).toHaveBeenCalledTimes(1)
    expect(screen.getByTestId('held').textContent).toBe('70000')
  })

  it('reads full-width digits from a Chinese input method', () => {
    const reported = vi.fn()
    renderWithApp(<DensityProbe initial={null} onReport={reported} />)
    fireEvent.change(input(), { target: { value: '４５００' } })
    expect(reported).toHaveBeenLastCalledWith(67_500)
  })
})

describe('the scenario editor while the header switches 亩 → 公顷', () => {
  beforeEach(() => {
    api.scenariosApply.mockReset()
    api.scenariosApply.mockResolvedValue({ ok: true, value: {} })
  })

  function openEditor() {
    const plan = buildDemoPlan()
    const scenario = plan.scenarios.find((s) => !s.isBaseline)!
    const onApplied = vi.fn()
    renderWithApp(
      <>
        <UnitSwitch />
        <ScenarioEditor plan={plan} scenario={scenario} onPreview={() => undefined} onApplied={onApplied} />
      </>,
    )
    fireEvent.click(screen.getByRole('switch', { name: '设置密度' }))
    return { plan, scenario, onApplied }
  }

  it('shows the same density in 株/公顷 and applies exactly what it shows', async () => {
    const { onApplied } = openEditor()
    const perMu = screen.getByRole('spinbutton', { name: '密度（株/亩）' }) as HTMLInputElement
    fireEvent.change(perMu, { target: { value: '5000' } })
    fireEvent.blur(perMu)
    await switchTo('ha')
    const perHa = (await screen.findByRole('spinbutton', { name: '密度（株/公顷）' })) as HTMLInputElement
    expect(perHa.value).toBe('75,000')
    fireEvent.click(screen.getByTestId('apply-edit'))
    await waitFor(() => expect(onApplied).toHaveBeenCalled())
    expect(api.scenariosApply).toHaveBeenCalledTimes(1)
    expect(api.scenariosApply.mock.calls[0]![0].edit.densityPlantsPerHa).toBe(75_000)
  })

  it('asks before applying a density above the safe range, naming the range per mu; going back sends nothing', async () => {
    openEditor()
    const perMu = screen.getByRole('spinbutton', { name: '密度（株/亩）' })
    fireEvent.change(perMu, { target: { value: '9000' } })
    fireEvent.click(screen.getByTestId('apply-edit'))
    const dialog = await screen.findByTestId('density-confirm')
    // The scenario puts 11 maize fields on 富民985 with drip (70,000–90,000 plants/ha, 4,667 – 6,000
    // per mu); the 3 in the cool eastern village keep 凤田807, which ripens there (55,000–75,000).
    expect(dialog.textContent).toContain(
      '富民985，滴灌水肥一体化：安全范围是 4,667 – 6,000 株/亩，这次设的 9,000 株/亩 高于安全上限，容易倒伏减产（11 块地）。',
    )
    expect(dialog.textContent).toContain(
      '凤田807，滴灌水肥一体化：安全范围是 3,667 – 5,000 株/亩，这次设的 9,000 株/亩 高于安全上限，容易倒伏减产（3 块地）。',
    )
    fireEvent.click(screen.getByRole('button', { name: '返回修改' }))
    // Back in the editor, ready for another value; nothing was sent.
    await waitFor(() => expect((screen.getByTestId('apply-edit') as HTMLButtonElement).disabled).toBe(false))
    expect(api.scenariosApply).not.toHaveBeenCalled()
  })

  it('one click is one apply, even on a double-click', async () => {
    openEditor()
    const apply = screen.getByTestId('apply-edit')
    fireEvent.click(apply)
    fireEvent.click(apply)
    await waitFor(() => expect(api.scenariosApply).toHaveBeenCalledTimes(1))
    await waitFor(() => expect((apply as HTMLButtonElement).disabled).toBe(false))
    expect(api.scenariosApply).toHaveBeenCalledTimes(1)
  })
})

describe('a variety’s density range round-trips without per-mu rounding', () => {
  const variety: Variety = {
    ...buildDemoPlan().varieties.find((v) => v.name === '富民985')!,
    id: 2,
    revision: 4,
  }

  beforeEach(() => {
    api.varietiesUpdate.mockReset()
    api.varietiesUpdate.mockImplementation(async (input: { variety: Variety }) => ({
      ok: true,
      value: { ...variety, ...input.variety },
    }))
  })

  it('shows 70,000–90,000 株/公顷 in ha (never 70,005), and an untouched range saves exactly as stored', async () => {
    renderWithApp(
      <>
        <UnitSwitch />
        <VarietyFormModal variety={variety} onClose={() => undefined} onSaved={() => undefined} />
      </>,
    )
    const minimums = () => screen.getAllByRole('spinbutton', { name: '最低' }) as HTMLInputElement[]
    // drip is 70,000 – 82,500 – 90,000 plants/ha: 4,666.67 – 5,500 – 6,000 per mu
    expect(minimums()[1]!.value).toBe('4,666.67')
    await switchTo('ha')
    await waitFor(() => expect(minimums()[1]!.value).toBe('70,000'))
    expect((screen.getAllByRole('spinbutton', { name: '安全上限' })[1] as HTMLInputElement).value).toBe(
      '90,000',
    )
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }))
    await waitFor(() => expect(api.varietiesUpdate).toHaveBeenCalledTimes(1))
    expect(api.varietiesUpdate.mock.calls[0]![0].variety.densities).toEqual(variety.densities)
  })
})
