import { Card, Col, Row, Skeleton, Space, Statistic, Tabs } from 'antd'
import { memo, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { FACTORS, type ScenarioResult } from '../../../../engine/model/types'
import type { Plan, Scenario } from '../../../../engine/schemas/plan'
import { paybackText } from '../../lib/payback'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { FieldResultsTable } from './FieldResultsTable'
import { ScenarioFinance } from './finance/ScenarioFinance'
import { MoneyBreakdown } from './MoneyBreakdown'
import { useKpiRenderedMark } from './perf-marks'
import { ScenarioChanges } from './ScenarioChanges'
import { useSettled, useStages } from './useStages'

/** How long the result must rest before the chart and the tables follow it, ms. */
const SETTLE_MS = 150

/** Uplift on the fields a scenario actually changes, %: what the co-op total dilutes. */
export function changedUpliftPct(result: ScenarioResult, changed: ReadonlySet<number>): number {
  let base = 0
  let now = 0
  for (const f of result.fields) {
    if (!changed.has(f.fieldId)) continue
    base += f.baselineProductionKg
    now += f.productionKg
  }
  return base > 0 ? ((now - base) / base) * 100 : 0
}

/** The ids of the fields a scenario of this plan changes. */
export function changedFieldIds(plan: Plan, scenarioId: number | null): Set<number> {
  return new Set(plan.scenarios.find((s) => s.id === scenarioId)?.changes.map((c) => c.fieldId) ?? [])
}

/**
 * KPIs, the uplift waterfall by cause, the per-field results and what the scenario changes. While
 * a density is dragged the KPIs follow every step; the rest follows when the window has time.
 */
export function ScenarioResultPanel(props: {
  /** the plan the result was evaluated from (with an unsaved edit while previewing) */
  plan: Plan
  /** the plan as saved, and the scenario in it: what the changes table lists */
  savedPlan: Plan
  scenario: Scenario
  /** names of the plan's fields; stable across edits so the details can skip re-rendering */
  fieldNames: ReadonlyMap<number, string>
  result: ScenarioResult
  onWhy: (fieldId: number) => void
  /** a loan of the scenario was saved or removed */
  onLoansChanged: () => void
  chartWidth?: number
}) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const r = props.result
  useKpiRenderedMark(r)
  const changed = useMemo(() => changedFieldIds(props.plan, r.scenarioId), [props.plan, r.scenarioId])
  const changedPct = useMemo(() => changedUpliftPct(r, changed), [r, changed])
  // The chart and the tables follow the result once it rests (see useSettled), so dragging a density
  // over thousands of fields redraws only the KPIs at each step.
  const deferred = useSettled(r, SETTLE_MS)
  const deferredChanged = useSettled(changed, SETTLE_MS)
  const horizon = props.plan.assumptions.find((a) => a.key === 'finance.horizonYears')?.value ?? 10
  // The KPIs first; the chart and then the tables each in a frame of their own.
  const stage = useStages(2)

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        {[
          ['production', `${format.massNumber(r.totals.productionKg)} ${format.massUnitLabel}`],
          ['uplift', format.percent(r.totals.upliftPct)],
          ['upliftChanged', format.percent(changedPct)],
          ['margin', `${format.money(r.totals.money.grossMarginYuan)} ${t('units.yuan')}`],
          ['investment', `${format.money(r.totals.investmentYuan)} ${t('units.yuan')}`],
          ['npv', `${format.money(r.totals.npvYuan)} ${t('units.yuan')}`],
          ['payback', paybackText(t, r.totals)],
        ].map(([key, value]) => (
          <Col key={key} span={6}>
            <Card size="small" data-testid={`kpi-${key}`}>
              <Statistic
                title={
                  key === 'npv' ? `${t('scenarioEdit.kpi.npv')}（${horizon}）` : t(`scenarioEdit.kpi.${key}`)
                }
                value={value}
                styles={{ content: { fontSize: 18 } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {stage >= 1 ? (
        <Card
          size="small"
          title={
            <span data-testid="waterfall-title">
              {t('scenarioEdit.waterfallTitle', { pct: format.percent(changedPct) })}
            </span>
          }
        >
          <Waterfall result={deferred} chartWidth={props.chartWidth} />
        </Card>
      ) : (
        <Card size="small">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      )}
      {stage >= 2 ? (
        <Details
          result={deferred}
          changed={deferredChanged}
          names={props.fieldNames}
          onWhy={props.onWhy}
          savedPlan={props.savedPlan}
          scenario={props.scenario}
          onLoansChanged={props.onLoansChanged}
        />
      ) : (
        <Card size="small">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      )}
    </Space>
  )
}

/** The uplift waterfall chart; memoised so the KPIs' renders at each step of a drag skip it. */
const Waterfall = memo(function Waterfall(props: {
  result: ScenarioResult
  chartWidth?: number | undefined
}) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const r = props.result
  const waterfall = useMemo(() => {
    const mass = (kg: number) => format.massValue(kg)
    let running = mass(r.totals.baselineProductionKg)
    const rows = [{ name: t('scenarioEdit.waterfallBaseline'), base: 0, delta: running, kind: 'total' }]
    for (const f of FACTORS) {
      const d = mass(r.totals.contributionsKg[f])
      rows.push({
        name: t(`factor.${f}`),
        base: d >= 0 ? running : running + d,
        delta: Math.abs(d),
        kind: d >= 0 ? 'up' : 'down',
      })
      running += d
    }
    rows.push({
      name: t('scenarioEdit.waterfallScenario'),
      base: 0,
      delta: mass(r.totals.productionKg),
      kind: 'total',
    })
    return rows
  }, [r, t, format])
  const low = Math.min(...waterfall.map((w) => (w.kind === 'total' ? w.delta : w.base)))
  const high = Math.max(...waterfall.map((w) => w.base + w.delta))
  return (
    <ResponsiveContainer width={props.chartWidth ?? '100%'} height={260}>
      <BarChart data={waterfall} margin={{ top: 8, right: 16, bottom: 8, left: 32 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" />
        <YAxis
          domain={[low * 0.97, high * 1.01]}
          allowDataOverflow
          tickFormatter={(v: number) => format.number(v, 0)}
          label={{
            value: t('scenarioEdit.waterfallAxis', { unit: format.massUnitLabel }),
            angle: -90,
            position: 'insideLeft',
            offset: -20,
          }}
        />
        <Tooltip formatter={(v) => `${format.number(Number(v), 0)} ${format.massUnitLabel}`} />
        <Bar
          dataKey="base"
          stackId="w"
          fill="transparent"
          isAnimationActive={false}
          legendType="none"
          tooltipType="none"
        />
        <Bar dataKey="delta" stackId="w" isAnimationActive={false} name={t('scenarioEdit.waterfall')}>
          {waterfall.map((w) => (
            <Cell
              key={w.name}
              fill={w.kind === 'total' ? '#8c8c8c' : w.kind === 'up' ? '#52c41a' : '#ff4d4f'}
            />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  )
})

/** Per-field results and the scenario's contents, in two tabs. */
const Details = memo(function Details(props: {
  result: ScenarioResult
  changed: ReadonlySet<number>
  onWhy: (fieldId: number) => void
  names: ReadonlyMap<number, string>
  savedPlan: Plan
  scenario: Scenario
  onLoansChanged: () => void
}) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const saved = props.scenario.changes.length
  return (
    <Card size="small">
      <Tabs
        defaultActiveKey="results"
        items={[
          {
            key: 'results',
            label: t('fieldResults.tab', { n: format.number(props.result.fields.length, 0) }),
            children: (
              <FieldResultsTable
                fields={props.result.fields}
                names={props.names}
                changed={props.changed}
                onWhy={props.onWhy}
              />
            ),
          },
          {
            key: 'changes',
            label: t('scenarioChanges.tab', { n: format.number(saved, 0) }),
            children: <ScenarioChanges plan={props.savedPlan} scenario={props.scenario} />,
          },
          {
            key: 'money',
            label: t('moneyBreakdown.tab'),
            children: <MoneyBreakdown result={props.result} />,
          },
          {
            key: 'finance',
            label: <span data-testid="tab-finance">{t('finance.tab')}</span>,
            children: (
              <ScenarioFinance
                plan={props.savedPlan}
                scenario={props.scenario}
                result={props.result}
                onChanged={props.onLoansChanged}
              />
            ),
          },
        ]}
      />
    </Card>
  )
})
