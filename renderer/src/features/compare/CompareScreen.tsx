import { Alert, Card, Col, Row, Select, Space, Table, Typography } from 'antd'
import { type ReactNode, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { FACTORS, type ScenarioResult } from '../../../../engine/model/types'
import type { ScenarioChange } from '../../../../engine/schemas/plan'
import { paybackText } from '../../lib/payback'
import type { RiskSummary } from '../risk/risk-protocol'
import { useRiskRun } from '../risk/useRiskRun'
import { PlanProblem } from '../scenarios/PlanProblem'
import { usePlanResult } from '../scenarios/usePlanResult'
import { useWorkspace } from '../workspace/WorkspaceContext'

const COLORS = ['#8c8c8c', '#389e0d', '#1677ff', '#d48806']
const COMPARE_DRAWS = 5000

type MetricRow = { key: string; label: string; cells: ReactNode[] }

/** Two to four scenarios side by side: KPIs, bars, where the uplift comes from, and what differs. */
export function CompareScreen(props: { chartWidth?: number }) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const { plan, result, error } = usePlanResult()
  const [picked, setPicked] = useState<number[] | null>(null)
  const ids = picked ?? (plan?.scenarios ?? []).slice(0, 3).map((s) => s.id)
  const risk = useRiskRun()
  // Risk columns: a quick Monte Carlo on the same plan as soon as it is loaded (in a worker).
  useEffect(() => {
    if (plan) risk.run(plan, COMPARE_DRAWS, 1)
  }, [plan, risk.run])
  const chosen = useMemo(
    () =>
      ids
        .map((id) => result?.scenarios.find((s) => s.scenarioId === id))
        .filter((s): s is ScenarioResult => Boolean(s)),
    [ids, result],
  )

  if (error) return <PlanProblem error={error} />
  if (!plan || !result) return <Card loading />

  const names = new Map(plan.fields.map((f) => [f.id, f.name]))
  const varietyName = new Map(plan.varieties.map((v) => [v.id, v.name]))
  const yuan = (v: number) => format.money(v)
  const metrics: MetricRow[] = [
    {
      key: 'production',
      label: t('compare.row.production', { unit: format.massUnitLabel }),
      cells: chosen.map((s) => format.massNumber(s.totals.productionKg)),
    },
    {
      key: 'uplift',
      label: t('compare.row.uplift'),
      cells: chosen.map((s) => format.percent(s.totals.upliftPct)),
    },
    {
      key: 'margin',
      label: t('compare.row.margin'),
      cells: chosen.map((s) => yuan(s.totals.money.grossMarginYuan)),
    },
    {
      key: 'marginDelta',
      label: t('compare.row.marginDelta'),
      cells: chosen.map((s) => {
        const d = s.totals.money.grossMarginYuan - s.totals.baselineMoney.grossMarginYuan
        return `${d > 0 ? '+' : ''}${yuan(d)}`
      }),
    },
    {
      key: 'investment',
      label: t('compare.row.investment'),
      cells: chosen.map((s) => yuan(s.totals.investmentYuan)),
    },
    {
      key: 'government',
      label: t('compare.row.government'),
      cells: chosen.map((s) => yuan(s.totals.funding.governmentYuan)),
    },
    {
      key: 'npv',
      label: t('compare.row.npv'),
      cells: chosen.map((s) => (s.isBaseline ? t('scenarios.notApplicable') : yuan(s.totals.npvYuan))),
    },
    {
      key: 'payback',
      label: t('compare.row.payback'),
      cells: chosen.map((s) => paybackText(t, s.totals)),
    },
    { key: 'warnings', label: t('compare.row.warnings'), cells: chosen.map((s) => String(s.warningCount)) },
    ...riskRows(),
  ]

  function riskRows(): MetricRow[] {
    if (risk.state.status !== 'done') {
      return [{ key: 'risk', label: t('compare.riskRunning'), cells: chosen.map(() => '…') }]
    }
    const done = risk.state
    const of = (s: ScenarioResult) => done.scenarios.find((r) => r.scenarioId === s.scenarioId)
    const cell = (s: ScenarioResult, pick: (r: RiskSummary) => string) => {
      const r = of(s)
      return r ? pick(r) : t('scenarios.notApplicable')
    }
    return [
      {
        key: 'riskHeader',
        label: t('compare.riskRows', { draws: format.number(done.draws, 0), seed: done.seed }),
        cells: chosen.map(() => ''),
      },
      {
        key: 'p10',
        label: t('compare.marginP10'),
        cells: chosen.map((s) => cell(s, (r) => yuan(r.grossMarginYuan.p10))),
      },
      {
        key: 'p50',
        label: t('compare.marginP50'),
        cells: chosen.map((s) => cell(s, (r) => yuan(r.grossMarginYuan.p50))),
      },
      {
        key: 'p90',
        label: t('compare.marginP90'),
        cells: chosen.map((s) => cell(s, (r) => yuan(r.grossMarginYuan.p90))),
      },
      {
        key: 'beats',
        label: t('compare.beats'),
        cells: chosen.map((s) =>
          cell(s, (r) =>
            r.probBeatsBaseline === null
              ? t('scenarios.notApplicable')
              : `${format.number(r.probBeatsBaseline * 100, 1)} %`,
          ),
        ),
      },
    ]
  }

  const bars = chosen.map((s) => ({
    name: s.name,
    production: format.massValue(s.totals.productionKg),
    margin: s.totals.money.grossMarginYuan,
  }))
  const factorData = FACTORS.map((f) => ({
    factor: t(`factor.${f}`),
    ...Object.fromEntries(chosen.map((s) => [s.name, format.massValue(s.totals.contributionsKg[f])])),
  }))

  const fieldRows = plan.fields
    .map((f) => ({
      id: f.id,
      name: f.name,
      yields: chosen.map((s) => s.fields.find((r) => r.fieldId === f.id)?.yieldKgPerHa ?? 0),
    }))
    .filter((r) => r.yields.some((y) => Math.abs(y - r.yields[0]!) > 1e-6))

  const describe = (c: ScenarioChange | undefined): string => {
    if (!c) return t('compare.asToday')
    const parts = [
      c.buildHsf ? t('compare.change.hsf') : null,
      c.varietyId !== null ? t('compare.change.variety', { name: varietyName.get(c.varietyId) ?? '' }) : null,
      c.densityPlantsPerHa !== null
        ? t('compare.change.density', {
            value: `${format.densityNumber(c.densityPlantsPerHa)} ${format.densityUnitLabel}`,
          })
        : null,
      c.waterRegime !== null ? t('compare.change.water', { water: t(`water.${c.waterRegime}`) }) : null,
    ].filter(Boolean)
    return parts.length > 0 ? parts.join('，') : t('compare.asToday')
  }
  const changesOf = chosen.map(
    (s) =>
      new Map((plan.scenarios.find((x) => x.id === s.scenarioId)?.changes ?? []).map((c) => [c.fieldId, c])),
  )
  const inputRows = plan.fields
    .map((f) => ({ id: f.id, name: f.name, changes: changesOf.map((m) => describe(m.get(f.id))) }))
    .filter((r) => r.changes.some((c) => c !== r.changes[0]))

  const scenarioColumns = chosen.map((s, i) => ({ title: s.name, key: `s${i}`, align: 'right' as const }))

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('compare.title')}
      </Typography.Title>
      <Select
        mode="multiple"
        aria-label={t('compare.pick')}
        placeholder={t('compare.pick')}
        style={{ width: '100%', maxWidth: 720 }}
        value={ids}
        maxCount={4}
        onChange={setPicked}
        options={plan.scenarios.map((s) => ({ value: s.id, label: s.name }))}
      />
      {chosen.length < 2 ? (
        <Alert type="info" showIcon title={t('compare.needTwo')} />
      ) : (
        <>
          <Table<MetricRow>
            rowKey="key"
            size="middle"
            pagination={false}
            dataSource={metrics}
            data-testid="compare-kpis"
            columns={[
              { title: t('compare.metric'), dataIndex: 'label' },
              ...scenarioColumns.map((c, i) => ({ ...c, render: (_: unknown, r: MetricRow) => r.cells[i] })),
            ]}
          />
          <Row gutter={16}>
            <Col span={12}>
              <Card size="small" title={t('compare.bars')}>
                <ResponsiveContainer width={props.chartWidth ?? '100%'} height={280}>
                  <BarChart data={bars} margin={{ top: 8, right: 24, bottom: 8, left: 24 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="name" />
                    <YAxis yAxisId="p" tickFormatter={(v: number) => format.number(v, 0)} />
                    <YAxis
                      yAxisId="m"
                      orientation="right"
                      tickFormatter={(v: number) => format.number(v, 0)}
                    />
                    <Tooltip formatter={(v) => format.number(Number(v), 0)} />
                    <Legend />
                    <Bar
                      yAxisId="p"
                      dataKey="production"
                      name={t('compare.barProduction', { unit: format.massUnitLabel })}
                      fill="#7cb305"
                      isAnimationActive={false}
                    />
                    <Bar
                      yAxisId="m"
                      dataKey="margin"
                      name={t('compare.barMargin')}
                      fill="#d4b106"
                      isAnimationActive={false}
                    />
                  </BarChart>
                </ResponsiveContainer>
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title={t('compare.factors', { unit: format.massUnitLabel })}>
                <ResponsiveContainer width={props.chartWidth ?? '100%'} height={280}>
                  <BarChart data={factorData} margin={{ top: 8, right: 24, bottom: 8, left: 24 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="factor" />
                    <YAxis tickFormatter={(v: number) => format.number(v, 0)} />
                    <Tooltip formatter={(v) => `${format.number(Number(v), 0)} ${format.massUnitLabel}`} />
                    <Legend />
                    {chosen.map((s, i) => (
                      <Bar
                        key={s.name}
                        dataKey={s.name}
                        fill={COLORS[i % COLORS.length]}
                        isAnimationActive={false}
                      />
                    ))}
                  </BarChart>
                </ResponsiveContainer>
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('compare.inputs')}>
            <Typography.Paragraph type="secondary">{t('compare.inputsHelp')}</Typography.Paragraph>
            <Table
              rowKey="id"
              size="small"
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              dataSource={inputRows}
              locale={{ emptyText: t('compare.noInputDiff') }}
              columns={[
                { title: t('scenarios.fieldCol.field'), dataIndex: 'name' },
                ...chosen.map((s, i) => ({
                  title: s.name,
                  key: `c${i}`,
                  render: (_: unknown, r: (typeof inputRows)[number]) => r.changes[i],
                })),
              ]}
            />
          </Card>
          <Card size="small" title={t('compare.fieldDiff')}>
            <Typography.Paragraph type="secondary">
              {t('compare.fieldDiffHelp', { unit: format.yieldUnitLabel })}
            </Typography.Paragraph>
            <Table
              rowKey="id"
              size="small"
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              dataSource={fieldRows}
              locale={{ emptyText: t('compare.noFieldDiff') }}
              columns={[
                {
                  title: t('scenarios.fieldCol.field'),
                  key: 'name',
                  render: (_: unknown, r: (typeof fieldRows)[number]) => names.get(r.id),
                },
                ...scenarioColumns.map((c, i) => ({
                  ...c,
                  render: (_: unknown, r: (typeof fieldRows)[number]) => format.yieldNumber(r.yields[i]!),
                })),
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  )
}
