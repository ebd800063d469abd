import { Card, Col, Row, Segmented, Space, Statistic, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ScenarioResult } from '../../../../engine/model/types'
import { PlanProblem } from '../scenarios/PlanProblem'
import { usePlanResult } from '../scenarios/usePlanResult'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { CropBars } from './CropBars'
import { PlainTable } from './PlainTable'
import { useOverviewReadyMark } from './ready-mark'

/**
 * The co-op at a glance: area, baseline production and margin, and the scenarios ranked. It is the
 * first screen, so it draws without the chart library: the start-up stays light on old laptops.
 */
export function OverviewScreen() {
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
  useOverviewReadyMark(baseline !== null)

  if (error) return <PlanProblem error={error} />
  if (!plan || !baseline) return <Card loading />

  const byCrop = baseline.byCrop.map((c) => ({
    key: c.crop,
    label: t(`crop.${c.crop}`),
    values: [format.areaValue(c.areaHa), format.massValue(c.baselineProductionKg)],
  }))

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
            <CropBars
              rows={byCrop}
              series={[
                { name: t('overview.cropArea', { unit: format.areaUnitLabel }), color: '#7cb305' },
                { name: t('overview.cropProduction', { unit: format.massUnitLabel }), color: '#d4b106' },
              ]}
              formatValue={(v) => format.number(v, 0)}
            />
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
            <PlainTable<ScenarioResult>
              testId="ranking"
              rowKey={(s) => s.scenarioId ?? 0}
              rows={ranked}
              empty={t('overview.none')}
              columns={[
                { title: t('overview.rank'), key: 'rank', width: 60, render: (_, i) => i + 1 },
                { title: t('overview.scenario'), key: 'name', render: (s) => s.name },
                {
                  title: t('overview.uplift'),
                  key: 'uplift',
                  align: 'right',
                  render: (s) => format.percent(s.totals.upliftPct),
                },
                {
                  title: t('overview.margin'),
                  key: 'margin',
                  align: 'right',
                  render: (s) => format.money(s.totals.money.grossMarginYuan),
                },
                {
                  title: t('overview.marginChange'),
                  key: 'delta',
                  align: 'right',
                  render: (s) => {
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
