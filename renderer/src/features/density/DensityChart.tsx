import { Skeleton } from 'antd'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { Curve } from '../../../../engine/model/density-explorer'
import { useStages } from '../scenarios/useStages'
import { useWorkspace } from '../workspace/WorkspaceContext'

const HEIGHT = 420
const MARGIN = { top: 16, right: 24, bottom: 16, left: 24 }
const LEGEND_STYLE = { paddingTop: 28 }

export type DensityChartProps = {
  /** The curve in display units: x a density, `model` the model's yield, `fit` the fitted one. */
  data: { x: number; model: number; fit?: number }[]
  curve: Curve
  fitted: boolean
  /** Trial points in display units. */
  points: { x: number; y: number }[]
  /** The density read off the slider, and the model's yield there (canonical). */
  readDensity: number
  readYield: number
  /** A fixed width (tests: jsdom lays nothing out); otherwise the chart fills its card. */
  width?: number
}

/**
 * The chart's width, read once its box is laid out (a ResizeObserver reports it after layout, so
 * reading it forces no layout of its own). The chart is then drawn at that size at once, instead of
 * after a measuring render of the ResponsiveContainer, which follows the box from then on.
 */
function useLaidOutWidth(fixed: number | undefined) {
  const box = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState<number | null>(fixed ?? null)
  useEffect(() => {
    const element = box.current
    if (fixed !== undefined || !element) return
    // Without ResizeObserver the ResponsiveContainer measures the box itself (-1: not known).
    if (typeof ResizeObserver === 'undefined') return void setWidth(-1)
    const observer = new ResizeObserver((entries) => {
      const measured = Math.round(entries[0]?.contentRect.width ?? 0)
      if (measured <= 0) return
      observer.disconnect()
      setWidth(measured)
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [fixed])
  return { box, width }
}

/**
 * Yield against density: the model's curve, a fit and its trial points, both optima and the read-out.
 *
 * Recharts draws a chart in the synchronous renders its store starts as the chart mounts, so all
 * that is drawn at once is one task, however React schedules it. Opening the screen drew the whole
 * chart in one such task. It is drawn in two parts instead, each a task of its own after a paint:
 * first what sets the plot's layout and scales (axes, curves, points, legend, tooltip), then what is
 * drawn on a layout already known (the axes' ticks and titles, the grid, both optima, the read-out
 * dot). A skeleton stands in for the chart until both parts are there, so it appears whole, once.
 */
export function DensityChart(props: DensityChartProps) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const { curve } = props
  const { box, width } = useLaidOutWidth(props.width)
  const stage = useStages(2, width !== null)
  const complete = stage >= 2
  const x = (plantsPerHa: number) => format.densityValue(plantsPerHa)
  const y = (kgPerHa: number) => format.yieldValue(kgPerHa)
  // Recharts compares the axes' and tooltip's props to decide whether to lay the chart out again:
  // the same functions from render to render, so moving the slider redraws only what moved.
  const labels = useMemo(
    () => ({
      tick: (v: number) => format.number(v, 0),
      value: (v: unknown) => `${format.number(Number(v), 0)} ${format.yieldUnitLabel}`,
      density: (v: unknown) => `${format.number(Number(v), 0)} ${format.densityUnitLabel}`,
    }),
    [format],
  )
  return (
    <div ref={box} style={{ position: 'relative', width: props.width ?? '100%', height: HEIGHT }}>
      {width !== null && stage >= 1 && (
        <div style={complete ? undefined : { visibility: 'hidden' }}>
          <ResponsiveContainer
            width={props.width ?? '100%'}
            height={HEIGHT}
            // Drawn at the measured size at once, not after a measuring render of its own.
            initialDimension={{ width, height: HEIGHT }}
          >
            <ComposedChart data={props.data} margin={MARGIN}>
              {complete && <CartesianGrid strokeDasharray="3 3" />}
              <XAxis
                dataKey="x"
                type="number"
                domain={['dataMin', 'dataMax']}
                tickFormatter={labels.tick}
                tick={complete}
                label={
                  complete && {
                    value: t('density.xAxis', { unit: format.densityUnitLabel }),
                    position: 'insideBottom',
                    offset: -12,
                  }
                }
              />
              <YAxis
                domain={['auto', 'auto']}
                tickFormatter={labels.tick}
                tick={complete}
                label={
                  complete && {
                    value: t('density.yAxis', { unit: format.yieldUnitLabel }),
                    angle: -90,
                    position: 'insideLeft',
                    offset: -12,
                  }
                }
              />
              <Tooltip formatter={labels.value} labelFormatter={labels.density} />
              <Legend verticalAlign="bottom" wrapperStyle={LEGEND_STYLE} />
              <Line
                dataKey="model"
                name={t('density.curve')}
                stroke="#389e0d"
                dot={false}
                isAnimationActive={false}
              />
              {props.fitted && (
                <Line
                  dataKey="fit"
                  name={t('density.fit')}
                  stroke="#1677ff"
                  strokeDasharray="6 3"
                  dot={false}
                  isAnimationActive={false}
                />
              )}
              {props.points.length > 0 && (
                <Scatter
                  data={props.points}
                  dataKey="y"
                  name={t('density.points')}
                  fill="#1677ff"
                  isAnimationActive={false}
                />
              )}
              {complete && (
                <>
                  <ReferenceLine
                    x={x(curve.aopdPlantsPerHa)}
                    stroke="#389e0d"
                    label={{
                      value: t('density.aopd', { value: format.densityNumber(curve.aopdPlantsPerHa) }),
                      position: 'top',
                    }}
                  />
                  {curve.eosrPlantsPerHa !== null && (
                    <ReferenceLine
                      x={x(curve.eosrPlantsPerHa)}
                      stroke="#d48806"
                      strokeDasharray="4 4"
                      label={{
                        value: t('density.eosr', { value: format.densityNumber(curve.eosrPlantsPerHa) }),
                        position: 'insideBottomLeft',
                      }}
                    />
                  )}
                  <ReferenceDot
                    x={x(props.readDensity)}
                    y={y(props.readYield)}
                    r={6}
                    fill="#cf1322"
                    stroke="none"
                  />
                </>
              )}
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      )}
      {!complete && (
        <div style={{ position: 'absolute', inset: 0 }}>
          <Skeleton active paragraph={{ rows: 8 }} />
        </div>
      )}
    </div>
  )
}
