import type { YieldRecord } from '../../../../engine/schemas/field'

/** A small line of a field's yields by year; the lowest year is marked. Pure SVG, cheap in long tables. */
export function Sparkline(props: {
  history: readonly YieldRecord[]
  label: string
  width?: number
  height?: number
}) {
  const w = props.width ?? 96
  const h = props.height ?? 24
  const points = [...props.history].sort((a, b) => a.year - b.year)
  if (points.length < 2) return null
  const ys = points.map((p) => p.yieldKgPerHa)
  const min = Math.min(...ys)
  const max = Math.max(...ys)
  const span = max - min || 1
  const xy = points.map(
    (p, i) =>
      [2 + (i / (points.length - 1)) * (w - 4), h - 2 - ((p.yieldKgPerHa - min) / span) * (h - 4)] as const,
  )
  const lowest = xy[ys.indexOf(min)]!
  return (
    <svg width={w} height={h} role="img" aria-label={props.label}>
      <title>{props.label}</title>
      <polyline
        points={xy.map(([x, y]) => `${x},${y}`).join(' ')}
        fill="none"
        stroke="#389e0d"
        strokeWidth={1.5}
      />
      <circle cx={lowest[0]} cy={lowest[1]} r={2.5} fill="#cf1322" />
    </svg>
  )
}
