import { Space, Typography } from 'antd'
import { BarLegend, type BarRow, type BarSeries, visuallyHidden } from '../../lib/bar-parts'

/**
 * A light bar chart in plain HTML: each crop's values as bars against the largest of their series,
 * with the numbers written out. The overview draws it without the chart library, so the first
 * screen loads fast; the numbers are text, so screen readers and print read them as they are.
 */
export function CropBars(props: { rows: BarRow[]; series: BarSeries[]; formatValue: (v: number) => string }) {
  const max = props.series.map((_, i) => Math.max(0, ...props.rows.map((r) => r.values[i] ?? 0)))
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="crop-bars">
      <BarLegend series={props.series} />
      {props.rows.map((row) => (
        <div key={row.key}>
          <Typography.Text strong>{row.label}</Typography.Text>
          {props.series.map((s, i) => {
            const v = row.values[i] ?? 0
            const share = max[i]! > 0 ? v / max[i]! : 0
            return (
              <div
                key={s.name}
                style={{
                  display: 'grid',
                  gridTemplateColumns: '1fr 120px',
                  gap: 12,
                  alignItems: 'center',
                  marginTop: 6,
                }}
              >
                <div style={{ height: 14, background: '#f5f5f5', borderRadius: 2 }} aria-hidden="true">
                  <div
                    style={{
                      width: `${(share * 100).toFixed(2)}%`,
                      height: '100%',
                      background: s.color,
                      borderRadius: 2,
                    }}
                  />
                </div>
                <Typography.Text style={{ textAlign: 'right' }}>
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
