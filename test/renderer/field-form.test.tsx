import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { Button } from 'antd'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { buildDemoPlan } from '../../engine/demo-plan'
import type { Field } from '../../engine/schemas/field'
import type { Variety } from '../../engine/schemas/variety'
import type { Workspace } from '../../engine/schemas/workspace'
import { validField } from '../helpers/fields'
import { renderWithApp, workspace } from './render'

// The renderer talks only through its api module; in the desktop app the preload provides it.
// Hoisted above the imports, so the api module sees it when it is first loaded.
const { fieldsCreate, fieldsUpdate, workspaceUpdate } = vi.hoisted(() => {
  const fns = { fieldsCreate: vi.fn(), fieldsUpdate: vi.fn(), workspaceUpdate: vi.fn() }
  window.fengshou = fns as never
  return fns
})

const { FieldFormDrawer } = await import('../../renderer/src/features/fields/FieldFormDrawer')
const { useWorkspace } = await import('../../renderer/src/features/workspace/WorkspaceContext')

function openForm(ws = workspace()) {
  const onSaved = vi.fn()
  renderWithApp(
    <FieldFormDrawer
      open
      field={null}
      varieties={[]}
      groups={[]}
      onClose={() => undefined}
      onReload={async () => undefined}
      onSaved={onSaved}
    />,
    ws,
  )
  return onSaved
}

function type(label: string | RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

describe('field form', () => {
  beforeEach(() => {
    fieldsCreate.mockReset()
    fieldsUpdate.mockReset()
  })

  it('refuses a negative area in Chinese, naming the unit, without calling the back end', async () => {
    openForm()
    type('地块名称', '试验田')
    type('面积（亩）', '-5')
    fireEvent.click(screen.getByTestId('field-save'))
    expect(await screen.findByText('必须大于 0')).toBeTruthy()
    expect(screen.getByText('有 1 处需要修改，请查看标红的项目。')).toBeTruthy()
    expect(fieldsCreate).not.toHaveBeenCalled()
  })

  it('states the area limit in the plan’s own unit (150,000 mu = 10,000 ha)', async () => {
    openForm()
    type('地块名称', '大地')
    type('面积（亩）', '200000')
    fireEvent.click(screen.getByTestId('field-save'))
    expect(await screen.findByText('不能大于 150,000')).toBeTruthy()
  })

  it('speaks English when the plan is in English and hectares', async () => {
    openForm(workspace({ locale: 'en', areaUnit: 'ha' }))
    type('Field name', 'Trial plot')
    fireEvent.click(screen.getByTestId('field-save'))
    expect(await screen.findByText('Please fill this in')).toBeTruthy()
    expect(screen.getByLabelText('Area (ha)')).toBeTruthy()
  })

  it('sends canonical units: 120 mu and 4,500 plants/mu arrive as 8 ha and 67,500 plants/ha', async () => {
    fieldsCreate.mockResolvedValue({ ok: true, value: { ...validField, id: 9 } satisfies Partial<Field> })
    const onSaved = openForm()
    type('地块名称', '试验田')
    type('面积（亩）', '120')
    type('种植密度（株/亩）', '4500')
    fireEvent.click(screen.getByTestId('field-save'))
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    const sent = fieldsCreate.mock.calls[0]![0]
    expect(sent.areaHa).toBe(8)
    expect(sent.densityPlantsPerHa).toBe(67_500)
  })

  it('a new field is sent with the co-op’s region (west) unless the user picks another', async () => {
    fieldsCreate.mockResolvedValue({ ok: true, value: { ...validField, id: 9 } satisfies Partial<Field> })
    const onSaved = openForm(workspace({ region: 'west' }))
    expect(screen.getByText('西部')).toBeTruthy()
    type('地块名称', '西地')
    type('面积（亩）', '30')
    fireEvent.click(screen.getByTestId('field-save'))
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    expect(fieldsCreate.mock.calls[0]![0].region).toBe('west')
  })

  it('puts a duplicate-name answer from the back end under the name input', async () => {
    fieldsCreate.mockResolvedValue({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'dup',
        details: { issues: [{ path: ['name'], rule: 'duplicate_name' }] },
      },
    })
    openForm()
    type('地块名称', '东岗一号地')
    type('面积（亩）', '100')
    fireEvent.click(screen.getByTestId('field-save'))
    expect(await screen.findByText('已有同名地块，请换一个名称')).toBeTruthy()
  })
})

/** The header's 亩/公顷 switch, reduced to a button that calls the same update(). */
function ToHectares() {
  const { update } = useWorkspace()
  return <Button onClick={() => void update({ areaUnit: 'ha' })}>to-ha</Button>
}

const varieties: Variety[] = buildDemoPlan().varieties.map((v) => ({ ...v, revision: 1 }))
const fumin = varieties.find((v) => v.name === '富民985')!

/** 120 mu (8 ha) of 富民985, rainfed (safe 60,000–80,000 plants/ha), at 70,000 plants/ha. */
const stored: Field = {
  ...validField,
  name: '河套地',
  areaHa: 8,
  varietyId: fumin.id,
  densityPlantsPerHa: 70_000,
  history: [{ year: 2024, yieldKgPerHa: 10_500 }],
  id: 5,
  revision: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}

function editStored(onClose = vi.fn()) {
  const onSaved = vi.fn()
  renderWithApp(
    <>
      <ToHectares />
      <FieldFormDrawer
        open
        field={stored}
        varieties={varieties}
        groups={[]}
        onClose={onClose}
        onReload={async () => undefined}
        onSaved={onSaved}
      />
    </>,
  )
  return { onSaved, onClose }
}

const shownIn = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value

describe('field form: units that cannot lie', () => {
  beforeEach(() => {
    fieldsUpdate.mockReset()
    fieldsUpdate.mockImplementation(async (input: { field: Field }) => ({
      ok: true,
      value: { ...stored, ...input.field, revision: 4 },
    }))
    workspaceUpdate.mockReset()
    workspaceUpdate.mockImplementation(async (patch: Partial<Workspace>) => ({
      ok: true,
      value: workspace(patch),
    }))
  })

  it('keeps the edit when the header switches to 公顷: the same quantities in ha, and the untouched ones saved exactly', async () => {
    const { onSaved } = editStored()
    expect(shownIn('面积（亩）')).toBe('120')
    expect(shownIn('种植密度（株/亩）')).toBe('4,666.67')
    expect(shownIn('单产（斤/亩） 1')).toBe('1,400')
    fireEvent.change(screen.getByLabelText('村'), { target: { value: '太平村' } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'to-ha' }))
    })
    await waitFor(() => expect(shownIn('面积（公顷）')).toBe('8'))
    expect(shownIn('种植密度（株/公顷）')).toBe('70,000')
    expect(shownIn('单产（斤/公顷） 1')).toBe('21,000')
    expect(shownIn('村')).toBe('太平村')
    fireEvent.click(screen.getByTestId('field-save'))
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    const sent = fieldsUpdate.mock.calls[0]![0]
    expect(sent.field).toMatchObject({ village: '太平村', areaHa: 8, densityPlantsPerHa: 70_000 })
    expect(sent.field.history).toEqual([{ year: 2024, yieldKgPerHa: 10_500 }])
    expect(sent.revision).toBe(3)
  })

  it('a name over 60 characters is not cut: the count shows it and the save is refused with the rule', async () => {
    editStored()
    const long = '东'.repeat(61)
    fireEvent.change(screen.getByLabelText('地块名称'), { target: { value: long } })
    expect(shownIn('地块名称')).toBe(long)
    expect(screen.getByText('61 / 60')).toBeTruthy()
    expect(await screen.findByText('最多 60 个字')).toBeTruthy()
    fireEvent.click(screen.getByTestId('field-save'))
    expect(await screen.findByText('有 1 处需要修改，请查看标红的项目。')).toBeTruthy()
    expect(fieldsUpdate).not.toHaveBeenCalled()
    expect(shownIn('地块名称')).toBe(long)
  })

  it('asks before saving a density above the variety’s safe range, naming the range in 株/亩', async () => {
    const { onSaved } = editStored()
    fireEvent.change(screen.getByLabelText('种植密度（株/亩）'), { target: { value: '6000' } })
    fireEvent.click(screen.getByTestId('field-save'))
    const dialog = await screen.findByTestId('density-confirm')
    expect(dialog.textContent).toContain(
      '富民985，雨养（旱作）：安全范围是 4,000 – 5,333 株/亩，这次设的 6,000 株/亩 高于安全上限，容易倒伏减产（1 块地）。',
    )
    expect(fieldsUpdate).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: '仍然保存' }))
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    expect(fieldsUpdate.mock.calls[0]![0].field.densityPlantsPerHa).toBe(90_000)
  })

  it('names a density typed per ha into a per-mu form as a likely unit slip', async () => {
    editStored()
    fireEvent.change(screen.getByLabelText('种植密度（株/亩）'), { target: { value: '70000' } })
    fireEvent.click(screen.getByTestId('field-save'))
    const dialog = await screen.findByTestId('density-confirm')
    expect(dialog.textContent).toContain('这次设的 70,000 株/亩 高于安全上限')
    expect(dialog.textContent).toContain('请确认单位：这里用的是 株/亩')
    fireEvent.click(screen.getByRole('button', { name: '返回修改' }))
    await waitFor(() => expect((screen.getByTestId('field-save') as HTMLButtonElement).disabled).toBe(false))
    expect(fieldsUpdate).not.toHaveBeenCalled()
  })

  it('closing with an unsaved edit asks first; keeping on edits, discarding closes', async () => {
    const { onClose } = editStored()
    fireEvent.click(screen.getByRole('button', { name: /取\s*消/ }))
    expect(onClose).toHaveBeenCalledTimes(1)
    fireEvent.change(screen.getByLabelText('地块名称'), { target: { value: '河套新地' } })
    fireEvent.click(screen.getByRole('button', { name: /取\s*消/ }))
    fireEvent.click(await screen.findByTestId('keep-editing'))
    expect(screen.getAllByText('有未保存的修改，确定放弃吗？').length).toBeGreaterThan(0)
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(shownIn('地块名称')).toBe('河套新地')
    fireEvent.click(screen.getByRole('button', { name: /取\s*消/ }))
    // (jsdom runs no animations, so the first dialog's closed copy is still in the document)
    const discard = await screen.findAllByTestId('discard-changes')
    fireEvent.click(discard.at(-1)!)
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(2))
  })

  it('one click is one save, even on a double-click', async () => {
    const { onSaved } = editStored()
    fireEvent.change(screen.getByLabelText('村'), { target: { value: '永安村' } })
    const save = screen.getByTestId('field-save')
    fireEvent.click(save)
    fireEvent.click(save)
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    expect(fieldsUpdate).toHaveBeenCalledTimes(1)
  })
})
