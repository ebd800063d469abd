import { Alert, Card, Col, Row, Segmented, Space, Statistic, Table, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { ScenarioResult } from '../../../../engine/model/types'
import { errorMessage } from '../../lib/errors'
import { usePlanResult } from '../scenarios/usePlanResult'
import { useWorkspace } from '../workspace/WorkspaceContext'

/** The co-op at a glance: area, baseline production and margin, and the scenarios ranked. */
export function OverviewScreen(props: { chartWidth?: number }) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const { plan, result, error } = usePlanResult()
  const [rankBy, setRankBy] = useState<'uplift' | 'margin'>('uplift')

  const baseline = result?.scenarios.find((s) => s.isBaseline) ?? result?.scenarios[0] ?? null
  const others = useMemo(() => (result?.scenarios ?? []).filter((s) => !s.isBaseline), [result])
  const ranked = useMemo(() => {
    const key = (s: ScenarioResult) =>
      rankBy === 'uplift' ? s.totals.upliftPct : s.totals.money.grossMarginYuan
    return [...others].sort((a, b) => key(b) - key(a))
  }, [others, rankBy])
  const bestUplift = [...others].sort((a, b) => b.totals.upliftPct - a.totals.upliftPct)[0]
  const bestMargin = [...others].sort(
    (a, b) => b.totals.money.grossMarginYuan - a.totals.money.grossMarginYuan,
  )[0]

  if (error)
    return <Alert type="error" showIcon title={t('errors.title')} description={errorMessage(t, error)} />
  if (!plan || !baseline) return <Card loading />

  const byCrop = baseline.byCrop.map((c) => ({
    crop: t(`crop.${c.crop}`),
    area: format.areaValue(c.areaHa),
    production: format.massValue(c.baselineProductionKg),
  }))
  const number = (v: number) => format.number(v, 0)

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('overview.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col span={6}>
          <Card data-testid="area">
            <Statistic
              title={t('overview.area')}
              value={format.areaNumber(baseline.totals.areaHa)}
              suffix={format.areaUnitLabel}
            />
            <Typography.Text type="secondary">
              {t('overview.fields', { count: plan.fields.length })}
            </Typography.Text>
          </Card>
        </Col>
        <Col span={6}>
          <Card data-testid="baseline-production">
            <Statistic
              title={t('overview.baselineProduction')}
              value={format.massNumber(baseline.totals.productionKg)}
              suffix={format.massUnitLabel}
            />
            <Typography.Text type="secondary">
              {t('overview.baselineMargin')}{' '}
              {t('overview.yuan', { value: format.money(baseline.totals.money.grossMarginYuan) })}
            </Typography.Text>
          </Card>
        </Col>
        <Col span={6}>
          <Card data-testid="best-uplift">
            <Statistic
              title={t('overview.bestUplift')}
              value={bestUplift ? format.percent(bestUplift.totals.upliftPct) : t('overview.none')}
            />
            <Typography.Text type="secondary">{bestUplift?.name ?? ''}</Typography.Text>
          </Card>
        </Col>
        <Col span={6}>
          <Card data-testid="best-margin">
            <Statistic
              title={t('overview.bestMargin')}
              value={bestMargin ? format.money(bestMargin.totals.money.grossMarginYuan) : t('overview.none')}
              suffix={bestMargin ? t('units.yuan') : undefined}
            />
            <Typography.Text type="secondary">{bestMargin?.name ?? ''}</Typography.Text>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col span={12}>
          <Card title={t('overview.byCrop')}>
            <ResponsiveContainer width={props.chartWidth ?? '100%'} height={280}>
              <BarChart data={byCrop} margin={{ top: 8, right: 24, bottom: 8, left: 24 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="crop" />
                <YAxis yAxisId="area" tickFormatter={number} />
                <YAxis yAxisId="production" orientation="right" tickFormatter={number} />
                <Tooltip formatter={(v) => number(Number(v))} />
                <Legend />
                <Bar
                  yAxisId="area"
                  dataKey="area"
                  name={t('overview.cropArea', { unit: format.areaUnitLabel })}
                  fill="#7cb305"
                  isAnimationActive={false}
                />
                <Bar
                  yAxisId="production"
                  dataKey="production"
                  name={t('overview.cropProduction', { unit: format.massUnitLabel })}
                  fill="#d4b106"
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          </Card>
        </Col>
        <Col span={12}>
          <Card
            title={t('overview.ranking')}
            extra={
              <Segmented
                value={rankBy}
                onChange={(v) => setRankBy(v as 'uplift' | 'margin')}
                options={[
                  { value: 'uplift', label: t('overview.rankByUplift') },
                  { value: 'margin', label: t('overview.rankByMargin') },
                ]}
              />
            }
          >
            <Table<ScenarioResult>
              rowKey={(s) => s.scenarioId ?? 0}
              size="small"
              pagination={false}
              dataSource={ranked}
              columns={[
                { title: t('overview.rank'), key: 'rank', width: 60, render: (_, __, i) => i + 1 },
                { title: t('overview.scenario'), dataIndex: 'name' },
                {
                  title: t('overview.uplift'),
                  key: 'uplift',
                  align: 'right',
                  render: (_, s) => format.percent(s.totals.upliftPct),
                },
                {
                  title: t('overview.margin'),
                  key: 'margin',
                  align: 'right',
                  render: (_, s) => format.money(s.totals.money.grossMarginYuan),
                },
                {
                  title: t('overview.marginChange'),
                  key: 'delta',
                  align: 'right',
                  render: (_, s) => {
                    const d = s.totals.money.grossMarginYuan - s.totals.baselineMoney.grossMarginYuan
                    return `${d > 0 ? '+' : ''}${format.money(d)}`
                  },
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  )
}
