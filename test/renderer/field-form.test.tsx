import { fireEvent, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Field } from '../../engine/schemas/field'
import { validField } from '../helpers/fields'
import { renderWithApp, workspace } from './render'

// The renderer talks only through its api module; in the desktop app the preload provides it.
// Hoisted above the imports, so the api module sees it when it is first loaded.
const fieldsCreate = vi.hoisted(() => {
  const fn = vi.fn()
  window.fengshou = { fieldsCreate: fn } as never
  return fn
})

const { FieldFormDrawer } = await import('../../renderer/src/features/fields/FieldFormDrawer')

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
  beforeEach(() => fieldsCreate.mockReset())

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
