import type { FrontierPoint } from '../../../../engine/optimiser/frontier'

const W = 640
const H = 240
const PAD = { left: 72, right: 40, top: 12, bottom: 36 }

/** Round steps for an axis from 0 to `max`: 1, 2 or 5 × a power of ten, about four of them. */
function ticks(max: number): number[] {
  if (max <= 0) return [0]
  const raw = max / 4
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw
  // From 0 to the first step at or above `max`: the highest point stays inside the plot.
  const out: number[] = [0]
  while ((out.at(-1) ?? 0) < max - step * 1e-9) out.push(out.length * step)
  return out
}

/**
 * The budget-versus-gain frontier as a plain line: own money across, the roll-out's value up, one
 * dot per solve, the typed budget marked. Drawn in SVG so it needs no chart library and prints.
 */
export function FrontierChart(props: {
  points: readonly FrontierPoint[]
  value: (p: FrontierPoint) => number | null
  xLabel: (yuan: number) => string
  yLabel: (value: number) => string
  title: string
}) {
  const solved = props.points
    .map((p) => ({ p, y: props.value(p) }))
    .filter((d): d is { p: FrontierPoint; y: number } => d.y !== null)
  const maxX = Math.max(1, ...props.points.map((p) => p.budgetYuan))
  const minY = Math.min(0, ...solved.map((d) => d.y))
  const maxY = Math.max(1, ...solved.map((d) => d.y))
  const xTicks = ticks(maxX)
  const yTicks = ticks(maxY - minY).map((v) => v + minY)
  const x = (yuan: number) => PAD.left + (yuan / (xTicks.at(-1) ?? maxX)) * (W - PAD.left - PAD.right)
  const yTop = yTicks.at(-1) ?? maxY
  const y = (v: number) => H - PAD.bottom - ((v - minY) / (yTop - minY || 1)) * (H - PAD.top - PAD.bottom)
  const line = solved.map((d) => `${x(d.p.budgetYuan).toFixed(1)},${y(d.y).toFixed(1)}`).join(' ')
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={props.title}
      data-testid="frontier-chart"
    >
      <title>{props.title}</title>
      {yTicks.map((v) => (
        <g key={`y${v}`}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#f0f0f0" />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#595959">
            {props.yLabel(v)}
          </text>
        </g>
      ))}
      {xTicks.map((v) => (
        <text key={`x${v}`} x={x(v)} y={H - PAD.bottom + 16} textAnchor="middle" fontSize="11" fill="#595959">
          {props.xLabel(v)}
        </text>
      ))}
      <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke="#bfbfbf" />
      <polyline points={line} fill="none" stroke="#3f6b2a" strokeWidth="2" />
      {solved.map((d) => (
        <circle
          key={d.p.scale}
          cx={x(d.p.budgetYuan)}
          cy={y(d.y)}
          r={d.p.scale === 1 ? 6 : 3.5}
          fill={d.p.scale === 1 ? '#fa8c16' : '#3f6b2a'}
        />
      ))}
    </svg>
  )
}
