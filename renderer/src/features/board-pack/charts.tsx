import { useTranslation } from 'react-i18next'
import type { VersionRisk, VersionScenarioResult } from '../../../../engine/board/version'
import { FACTORS } from '../../../../engine/model/types'
import type { PackFormat } from './pack-format'
import { PACK_FONTS } from './page-style'

/**
 * The pack's charts as plain SVG: nothing animates and nothing is measured after drawing, so a
 * print is the same every time. Every bar carries its number with its unit, so a grey-scale copy
 * still reads.
 */

const UP = '#2f7d32'
const DOWN = '#c62828'
const TOTAL = '#5b6b7a'
const GRID = '#d9d9d9'
const INK = '#262626'
const MUTED = '#595959'

/** A round step (1, 2, 5 × 10^n) that cuts lo…hi into about `count` parts. */
export function niceStep(lo: number, hi: number, count = 5): number {
  const raw = (hi - lo) / count
  const mag = 10 ** Math.floor(Math.log10(raw))
  return [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag
}

/** Round ticks (1, 2, 5 × 10^n) covering lo…hi. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo]
  const step = niceStep(lo, hi, count)
  const first = Math.ceil(lo / step) * step
  const ticks: number[] = []
  for (let v = first; v <= hi + step * 1e-9; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v)
  return ticks
}

type Bar = { label: string; from: number; to: number; kind: 'total' | 'up' | 'down'; value: string }

/**
 * The uplift of one scenario by cause, in the plan's mass unit: current practice, each factor's
 * contribution (totals.contributionsKg), the scenario's production. The axis starts near the
 * smaller total (said under the chart), else the causes would be slivers.
 */
export function WaterfallChart(props: { scenario: VersionScenarioResult; f: PackFormat; axis: MassAxis }) {
  const { t } = useTranslation()
  const { f } = props
  const s = props.scenario.totals
  const mass = (kg: number) => f.massValue(kg)
  const signed = (kg: number) => `${kg > 0 ? '+' : kg < 0 ? '−' : ''}${f.bigMass(Math.abs(kg))}`
  const bars: Bar[] = [
    {
      label: t('pack.charts.baseline'),
      from: 0,
      to: mass(s.baselineProductionKg),
      kind: 'total',
      value: f.bigMass(s.baselineProductionKg),
    },
  ]
  let running = mass(s.baselineProductionKg)
  for (const factor of FACTORS) {
    const kg = s.contributionsKg[factor]
    const d = mass(kg)
    bars.push({
      label: t(`factor.${factor}`),
      from: running,
      to: running + d,
      kind: d >= 0 ? 'up' : 'down',
      value: signed(kg),
    })
    running += d
  }
  bars.push({
    label: t('pack.charts.scenarioTotal'),
    from: 0,
    to: mass(s.productionKg),
    kind: 'total',
    value: f.bigMass(s.productionKg),
  })
  const ends = bars.flatMap((b) => (b.kind === 'total' ? [b.to] : [b.from, b.to]))
  const top = Math.max(...ends)
  const bottomRaw = Math.min(...ends)
  const span = Math.max(top - bottomRaw, Math.abs(top) * 0.02, 1)
  const hi = top + span * 0.25
  // The axis starts at a round number below the smaller end, so its note reads "from 340 万斤".
  const loRaw = Math.max(0, bottomRaw - span * 0.6)
  const step = niceStep(loRaw, hi, 4)
  const lo = Math.floor(loRaw / step) * step
  const W = 680
  const H = 230
  const left = 70
  const right = 10
  const plotTop = 18
  const plotBottom = H - 44
  const y = (v: number) => plotBottom - ((v - lo) / (hi - lo)) * (plotBottom - plotTop)
  const slot = (W - left - right) / bars.length
  const ticks = niceTicks(lo, hi, 4)
  return (
    <figure className="bp-figure" data-testid="waterfall">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label={t('pack.charts.waterfallAria', { name: props.scenario.name })}
        style={{ fontFamily: PACK_FONTS }}
      >
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left} x2={W - right} y1={y(v)} y2={y(v)} stroke={GRID} strokeWidth={0.8} />
            <text x={left - 6} y={y(v) + 4} fontSize={11} textAnchor="end" fill={MUTED}>
              {f.number(v / props.axis.scale, props.axis.digits)}
            </text>
          </g>
        ))}
        <text x={4} y={12} fontSize={11} fill={MUTED}>
          {props.axis.unit}
        </text>
        {bars.map((b, i) => {
          const x = left + i * slot + slot * 0.18
          const w = slot * 0.64
          const yTop = y(Math.max(b.from, b.to))
          const yBottom = b.kind === 'total' ? plotBottom : y(Math.min(b.from, b.to))
          const h = Math.max(yBottom - yTop, b.kind === 'total' ? 1 : 0.8)
          const fill = b.kind === 'total' ? TOTAL : b.kind === 'up' ? UP : DOWN
          return (
            <g key={b.label}>
              <rect x={x} y={yTop} width={w} height={h} fill={fill} />
              <text x={x + w / 2} y={yTop - 5} fontSize={11} textAnchor="middle" fill={INK}>
                {b.value}
              </text>
              <text x={x + w / 2} y={plotBottom + 16} fontSize={11.5} textAnchor="middle" fill={INK}>
                {b.label}
              </text>
            </g>
          )
        })}
        <line x1={left} x2={W - right} y1={plotBottom} y2={plotBottom} stroke={MUTED} strokeWidth={1} />
        {lo > 0 && (
          <text x={left} y={H - 8} fontSize={10.5} fill={MUTED}>
            {t('pack.charts.axisNotZero', {
              from: f.number(lo / props.axis.scale, props.axis.digits),
              unit: props.axis.unit,
            })}
          </text>
        )}
      </svg>
    </figure>
  )
}

type RiskRow = { name: string; p10: number; p50: number; p90: number }

/**
 * P10, P50 and P90 of one quantity per scenario: a bar from the bad year (P10) to the good year
 * (P90), a mark at the middle year (P50); the bad and good years' numbers at the bar's ends, the
 * middle year's under its mark. Production is drawn from a round number near its lowest P10 (the
 * spread is what matters); margin from zero or below, so a loss shows left of the zero line.
 */
export function RiskRangeChart(props: {
  rows: RiskRow[]
  label: (v: number) => string
  axis: { scale: number; digits: number; unit: string }
  includeZero: boolean
  aria: string
  f: PackFormat
}) {
  const { rows, f } = props
  const W = 680
  const rowH = 40
  const left = 140
  const right = 16
  const top = 24
  const H = top + rows.length * rowH + 24
  const min = Math.min(...rows.map((r) => r.p10), props.includeZero ? 0 : Number.POSITIVE_INFINITY)
  const max = Math.max(...rows.map((r) => r.p90), props.includeZero ? 0 : Number.NEGATIVE_INFINITY)
  // Room at both ends for the numbers written beside the bars.
  const pad = (max - min) * 0.2 || Math.abs(max) * 0.1 || 1
  const step = niceStep(min - pad, max + pad, 5)
  const lo = Math.floor((min - pad) / step) * step
  const hi = Math.ceil((max + pad) / step) * step
  const x = (v: number) => left + ((v - lo) / (hi - lo)) * (W - left - right)
  const ticks = niceTicks(lo, hi, 5)
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={props.aria}
      style={{ fontFamily: PACK_FONTS }}
      data-testid="risk-chart"
    >
      <text x={W - right} y={12} fontSize={11} textAnchor="end" fill={MUTED}>
        {props.axis.unit}
      </text>
      {ticks.map((v) => (
        <g key={v}>
          <line
            x1={x(v)}
            x2={x(v)}
            y1={top - 4}
            y2={H - 20}
            stroke={v === 0 ? MUTED : GRID}
            strokeWidth={0.8}
          />
          <text x={x(v)} y={H - 6} fontSize={10.5} textAnchor="middle" fill={MUTED}>
            {f.number(v / props.axis.scale, props.axis.digits)}
          </text>
        </g>
      ))}
      {rows.map((r, i) => {
        const cy = top + i * rowH + rowH / 2 - 5
        return (
          <g key={r.name}>
            <text x={left - 8} y={cy + 4} fontSize={11.5} textAnchor="end" fill={INK}>
              {r.name.length > 11 ? `${r.name.slice(0, 10)}…` : r.name}
            </text>
            <line x1={x(r.p10)} x2={x(r.p90)} y1={cy} y2={cy} stroke={TOTAL} strokeWidth={7} />
            <rect x={x(r.p50) - 2.5} y={cy - 8} width={5} height={16} fill={INK} />
            <text x={x(r.p10) - 4} y={cy + 4} fontSize={10} textAnchor="end" fill={MUTED}>
              {props.label(r.p10)}
            </text>
            <text x={x(r.p90) + 4} y={cy + 4} fontSize={10} textAnchor="start" fill={MUTED}>
              {props.label(r.p90)}
            </text>
            <text x={x(r.p50)} y={cy + 19} fontSize={10} textAnchor="middle" fill={INK}>
              {props.label(r.p50)}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

/** How a chart's axis shows a mass: in 万斤 in Chinese (jin or kg), else in the plan's unit. */
export type MassAxis = { scale: number; digits: number; unit: string }

/** The risk rows of every scenario of a version, for one quantity. */
export function riskRows(
  risk: VersionRisk[],
  pick: (r: VersionRisk) => { p10: number; p50: number; p90: number },
) {
  return risk.map((r) => ({ name: r.name, ...pick(r) }))
}
