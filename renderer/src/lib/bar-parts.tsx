import { Space, Typography } from 'antd'

/** The pieces the plain-HTML bar charts share (the overview's crop bars, Compare's signed bars). */
export type BarSeries = { name: string; color: string }
export type BarRow = { key: string; label: string; values: number[] }

/** Read by screen readers, not shown: which series a number belongs to. */
export const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const

/** The colour key above a chart; hidden from screen readers, which read each number's series. */
export function BarLegend(props: { series: readonly BarSeries[] }) {
  return (
    <Space size="large" wrap aria-hidden="true">
      {props.series.map((s) => (
        <Space key={s.name} size={6}>
          <span style={{ display: 'inline-block', width: 12, height: 12, background: s.color }} />
          <Typography.Text type="secondary">{s.name}</Typography.Text>
        </Space>
      ))}
    </Space>
  )
}
