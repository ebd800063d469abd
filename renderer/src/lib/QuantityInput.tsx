import { InputNumber, type InputNumberProps } from 'antd'
import { useState } from 'react'
import { useWorkspace } from '../features/workspace/WorkspaceContext'
import type { Quantity, QuantityKind } from './format'

export type QuantityInputProps = Omit<
  InputNumberProps<number>,
  'value' | 'defaultValue' | 'onChange' | 'min' | 'max' | 'formatter' | 'parser' | 'stringMode'
> & {
  /** What the number is (density, area…), or a conversion of its own (an assumption's unit). */
  quantity: QuantityKind | Quantity
  /** The value in its canonical unit (plants/ha, ha, kg/ha, yuan/ha, yuan/kg), or null when empty. */
  value?: number | null
  /** Called with the canonical value of what the user typed; null when the input is emptied. */
  onChange?: (canonical: number | null) => void
  /** Bounds in the canonical unit; a value typed at a bound is reported as the bound itself. */
  min?: number
  max?: number
}

/** Strips binary noise from a conversion (70,000.00000000001 → 70,000) without changing any typed digit. */
const clean = (value: number) => Number(value.toPrecision(12))

const roundTo = (value: number, digits: number, how: (x: number) => number = Math.round) =>
  how(clean(value * 10 ** digits)) / 10 ** digits

/** Digits grouped the way the locale groups them, while the user is not typing. */
function grouped(locale: string) {
  const parts = new Intl.NumberFormat(locale).formatToParts(1000.5)
  const group = parts.find((p) => p.type === 'group')?.value ?? ','
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.'
  return {
    format: (text: string) => {
      const [whole = '', fraction] = text.split('.')
      const withGroups = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group)
      return fraction === undefined ? withGroups : `${withGroups}${decimal}${fraction}`
    },
    // Full-width digits from a Chinese input method count as digits; group marks and spaces do not.
    parse: (text: string) =>
      text.normalize('NFKC').replaceAll(group, '').replaceAll(decimal, '.').replace(/\s/g, ''),
  }
}

/**
 * The one numeric input for a quantity with a unit. It holds the CANONICAL value and shows it in
 * the workspace's current units: switching 亩 → 公顷 shows the same quantity in the new unit, never
 * the same digits. A value the user typed is shown again exactly as typed (4,667 株/亩 stays
 * 4,667, and is reported as 4,667 × 15 = 70,005 株/公顷); a stored value the user has not touched
 * is reported unchanged, whatever rounding its display needed (70,000 株/公顷 shows as
 * 4,666.67 株/亩 and stays 70,000).
 */
export function QuantityInput({ quantity, value, onChange, min, max, ...rest }: QuantityInputProps) {
  const { format } = useWorkspace()
  const q = typeof quantity === 'string' ? format.quantity(quantity) : quantity
  // What the user last typed, in which unit, and the canonical value it became.
  const [typed, setTyped] = useState<{ shown: number; canonical: number; unit: string } | null>(null)
  const digits = q.inputDigits
  const shown =
    value === null || value === undefined || !Number.isFinite(value)
      ? null
      : typed && typed.unit === q.unitLabel && typed.canonical === value
        ? typed.shown
        : roundTo(q.toDisplay(value), digits)
  // Bounds shown inward, so the input never offers a number beyond the canonical bound.
  const shownMin = min === undefined ? undefined : roundTo(q.toDisplay(min), digits, Math.ceil)
  const shownMax = max === undefined ? undefined : roundTo(q.toDisplay(max), digits, Math.floor)
  const groups = grouped(format.locale)

  const report = (next: number | string | null) => {
    const number = typeof next === 'string' ? Number(next) : next
    if (number === null || !Number.isFinite(number)) {
      setTyped(null)
      onChange?.(null)
      return
    }
    let canonical = clean(q.fromDisplay(number))
    const near = (bound: number) => Math.abs(canonical - bound) <= 1e-9 * Math.max(1, Math.abs(bound))
    if (min !== undefined && near(min)) canonical = min
    if (max !== undefined && near(max)) canonical = max
    setTyped({ shown: number, canonical, unit: q.unitLabel })
    onChange?.(canonical)
  }

  return (
    <InputNumber<number>
      step={q.step}
      {...rest}
      min={shownMin}
      max={shownMax}
      value={shown}
      formatter={(text, info) => (info.userTyping ? info.input : groups.format(String(text ?? '')))}
      parser={(text) => groups.parse(text ?? '') as unknown as number}
      onChange={report}
    />
  )
}
