import { Button, Card, Col, Row, Space, Statistic, Table, type TableColumnsType, Typography } from 'antd'
import { memo, useDeferredValue, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { FACTORS, type FieldResult, type ScenarioResult } from '../../../../engine/model/types'
import type { Plan } from '../../../../engine/schemas/plan'
import { paybackText } from '../../lib/payback'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { useKpiRenderedMark } from './perf-marks'
import { warningText } from './warning-text'

/** Uplift on the fields a scenario actually changes, %: what the co-op total dilutes. */
export function changedUpliftPct(result: ScenarioResult, plan: Plan, scenarioId: number): number {
  const changed = new Set(
    plan.scenarios.find((s) => s.id === scenarioId)?.changes.map((c) => c.fieldId) ?? [],
  )
  let base = 0
  let now = 0
  for (const f of result.fields) {
    if (!changed.has(f.fieldId)) continue
    base += f.baselineProductionKg
    now += f.productionKg
  }
  return base > 0 ? ((now - base) / base) * 100 : 0
}

/** KPIs, the uplift waterfall by cause, and the per-field table of one scenario. */
export function ScenarioResultPanel(props: {
  plan: Plan
  /** names of the plan's fields; stable across edits so the details can skip re-rendering */
  fieldNames: ReadonlyMap<number, string>
  result: ScenarioResult
  onWhy: (fieldId: number) => void
  chartWidth?: number
}) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const r = props.result
  useKpiRenderedMark(r)
  // The KPIs follow every edit at once; the chart and the per-field table follow when React has
  // time (a deferred value), so dragging a density over 2,000 fields stays smooth.
  const deferred = useDeferredValue(r)
  const changedPct = r.scenarioId === null ? 0 : changedUpliftPct(r, props.plan, r.scenarioId)
  const horizon = props.plan.assumptions.find((a) => a.key === 'finance.horizonYears')?.value ?? 10

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        {[
          ['production', `${format.massNumber(r.totals.productionKg)} ${format.massUnitLabel}`],
          ['uplift', format.percent(r.totals.upliftPct)],
          [
            'upliftChanged',
            format.percent(r.scenarioId === null ? 0 : changedUpliftPct(r, props.plan, r.scenarioId)),
          ],
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
      <ScenarioDetails
        changedPct={changedPct}
        names={props.fieldNames}
        result={deferred}
        onWhy={props.onWhy}
        chartWidth={props.chartWidth}
      />
    </Space>
  )
}

type DetailsProps = {
  changedPct: number
  names: ReadonlyMap<number, string>
  result: ScenarioResult
  onWhy: (fieldId: number) => void
  chartWidth?: number | undefined
}

/** The uplift waterfall and the per-field table; memoised so urgent KPI renders skip them. */
const ScenarioDetails = memo(function ScenarioDetails(props: DetailsProps) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const r = props.result
  const names = props.names
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

  const columns: TableColumnsType<FieldResult> = [
    { title: t('scenarios.fieldCol.field'), key: 'field', render: (_, f) => names.get(f.fieldId) },
    {
      title: t('scenarios.fieldCol.crop'),
      dataIndex: 'crop',
      render: (c: FieldResult['crop']) => t(`crop.${c}`),
    },
    {
      title: t('scenarios.fieldCol.baseline', { unit: format.yieldUnitLabel }),
      key: 'baseline',
      align: 'right',
      render: (_, f) => format.yieldNumber(f.baselineYieldKgPerHa),
    },
    {
      title: t('scenarios.fieldCol.yield', { unit: format.yieldUnitLabel }),
      key: 'yield',
      align: 'right',
      render: (_, f) => format.yieldNumber(f.yieldKgPerHa),
    },
    {
      title: t('scenarios.fieldCol.uplift'),
      key: 'uplift',
      align: 'right',
      render: (_, f) => format.percent(f.upliftPct),
    },
    {
      title: t('scenarios.fieldCol.warnings'),
      key: 'warnings',
      render: (_, f) => (
        <Space orientation="vertical" size={2}>
          {f.warnings.map((w) => (
            <Typography.Text key={w.code} type="warning">
              {warningText(t, format, w)}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    {
      title: t('scenarios.fieldCol.why'),
      key: 'why',
      render: (_, f) => (
        <Button
          size="small"
          onClick={() => props.onWhy(f.fieldId)}
          aria-label={`${t('scenarios.whyButton')} ${names.get(f.fieldId)}`}
        >
          {t('scenarios.whyButton')}
        </Button>
      ),
    },
  ]

  return (
    <>
      <Card
        size="small"
        title={
          <span data-testid="waterfall-title">
            {t('scenarioEdit.waterfallTitle', { pct: format.percent(props.changedPct) })}
          </span>
        }
      >
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
      </Card>
      <Table<FieldResult>
        rowKey="fieldId"
        size="small"
        columns={columns}
        dataSource={r.fields}
        pagination={{ pageSize: 30, hideOnSinglePage: true, showSizeChanger: false }}
      />
    </>
  )
})
