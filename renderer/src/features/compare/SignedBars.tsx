import { Space, Typography } from 'antd'
import { BarLegend, type BarRow, type BarSeries, visuallyHidden } from '../../lib/bar-parts'

/**
 * Bars that may go below zero, in plain HTML: each row's values drawn left (a loss) or right (a
 * gain) of a middle line, on one scale for the whole chart, with the numbers written out. Compare
 * draws where the uplift comes from this way, without the chart library: mounting two charts of it
 * is the slowest thing the screen would do on a modest laptop.
 */
export function SignedBars(props: {
  rows: BarRow[]
  series: BarSeries[]
  formatValue: (v: number) => string
}) {
  const max = Math.max(0, ...props.rows.flatMap((r) => r.values.map((v) => Math.abs(v))))
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="signed-bars">
      <BarLegend series={props.series} />
      {props.rows.map((row) => (
        <div key={row.key}>
          <Typography.Text strong>{row.label}</Typography.Text>
          {props.series.map((s, i) => {
            const v = row.values[i] ?? 0
            const share = max > 0 ? Math.abs(v) / max : 0
            return (
              <div
                key={s.name}
                style={{
                  display: 'grid',
                  gridTemplateColumns: '1fr 1fr 110px',
                  alignItems: 'center',
                  marginTop: 4,
                }}
              >
                <div style={{ height: 12, display: 'flex', justifyContent: 'flex-end' }} aria-hidden="true">
                  {v < 0 && <div style={{ width: `${(share * 100).toFixed(2)}%`, background: s.color }} />}
                </div>
                <div style={{ height: 12, borderLeft: '1px solid #bfbfbf' }} aria-hidden="true">
                  {v > 0 && (
                    <div
                      style={{ width: `${(share * 100).toFixed(2)}%`, height: '100%', background: s.color }}
                    />
                  )}
                </div>
                <Typography.Text style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  <span style={visuallyHidden}>{s.name} </span>
                  {props.formatValue(v)}
                </Typography.Text>
              </div>
            )
          })}
        </div>
      ))}
    </Space>
  )
}
