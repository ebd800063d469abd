import { fireEvent, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { effectiveAssumptions, valuesOf } from '../../engine/assumptions/resolve'
import { buildDemoPlan } from '../../engine/demo-plan'
import { yieldToKgPerHa } from '../../engine/units'
import { FieldPicker } from '../../renderer/src/features/fields/FieldPicker'
import { fieldBaselines } from '../../renderer/src/features/fields/field-baselines'
import { renderWithApp } from './render'

const plan = buildDemoPlan()

/** The picker as the scenario editor holds it: the pick is the editor's state. */
function Harness(props: { onChange: (ids: number[]) => void }) {
  const [picked, setPicked] = useState<number[]>([])
  return (
    <FieldPicker
      plan={plan}
      value={picked}
      onChange={(ids) => {
        setPicked(ids)
        props.onChange(ids)
      }}
    />
  )
}

describe('field picker', () => {
  it('narrows to the fields whose baseline is below a yield in the plan’s units, and picks them all in one go', async () => {
    const onChange = vi.fn()
    renderWithApp(<Harness onChange={onChange} />)
    const count = screen.getByTestId('field-picker-count')
    expect(count.textContent).toMatch(/^符合条件 24 块（共 24 块）；已选 0 块，合计 0 亩$/)

    // 800 斤/亩 = 800 × 0.5 kg × 15 = 6,000 kg/ha.
    const values = valuesOf(effectiveAssumptions(plan.assumptions))
    const baselines = fieldBaselines(plan.fields, values)
    const below = yieldToKgPerHa(800, 'jin', 'mu')
    expect(below).toBeCloseTo(6000, 9)
    const expected = plan.fields.filter((f) => baselines.get(f.id)! < below).map((f) => f.id)
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(24)

    fireEvent.change(screen.getByRole('spinbutton', { name: '基准单产低于' }), { target: { value: '800' } })
    await waitFor(() =>
      expect(count.textContent).toMatch(new RegExp(`^符合条件 ${expected.length} 块（共 24 块）；已选 0 块`)),
    )
    fireEvent.click(screen.getByRole('button', { name: `选中符合条件的 ${expected.length} 块` }))
    expect(onChange).toHaveBeenLastCalledWith(expect.arrayContaining(expected))
    expect(onChange.mock.lastCall![0]).toHaveLength(expected.length)
    const area = plan.fields.filter((f) => expected.includes(f.id)).reduce((s, f) => s + f.areaHa * 15, 0)
    await waitFor(() =>
      expect(count.textContent).toContain(
        `已选 ${expected.length} 块，合计 ${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(area)} 亩`,
      ),
    )

    fireEvent.click(screen.getByRole('button', { name: '清除选择' }))
    expect(onChange).toHaveBeenLastCalledWith([])
  })
})
