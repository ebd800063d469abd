import { Alert, Button, Card, Progress, Space, Table, type TableColumnsType, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { FrontierPoint } from '../../../../engine/optimiser/frontier'
import type { Problem } from '../../../../engine/optimiser/problem'
import type { Plan } from '../../../../engine/schemas/plan'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { FrontierChart } from './FrontierChart'
import { massText, moneyText } from './result-text'
import { useFrontierRun } from './useFrontierRun'
import type { WorkerFactory } from './useOptimiserRun'

/**
 * The budget-versus-gain frontier (DESIGN §2.10): the same roll-out solved at a quarter up to
 * twice the co-op's money, so the board sees where more money stops paying. Drawn on request:
 * it is eight exact solves.
 */
export function FrontierCard(props: { plan: Plan; problem: Problem; makeWorker?: WorkerFactory }) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const frontier = useFrontierRun(props.makeWorker)
  const { state } = frontier
  const money = (yuan: number) => moneyText(t, format, yuan)
  const production = props.problem.objective.kind === 'production'
  const value = (p: FrontierPoint) => (production ? p.productionGainKg : p.npvYuan)
  const valueText = (v: number) => (production ? massText(format, v) : money(v))
  const points = state.status === 'running' || state.status === 'done' ? state.points : []

  const columns: TableColumnsType<FrontierPoint> = [
    {
      title: t('optimiser.frontier.col.scale'),
      key: 'scale',
      render: (_, p) => t('optimiser.frontier.times', { scale: format.number(p.scale, 2) }),
    },
    {
      title: t('optimiser.frontier.col.budget'),
      key: 'budget',
      align: 'right',
      render: (_, p) => money(p.budgetYuan),
    },
    {
      title: t('optimiser.frontier.col.loan'),
      key: 'loan',
      align: 'right',
      render: (_, p) => money(p.loanLimitYuan),
    },
    {
      title: t('optimiser.frontier.col.spend'),
      key: 'spend',
      align: 'right',
      render: (_, p) => (p.spendYuan === null ? t('optimiser.frontier.none') : money(p.spendYuan)),
    },
    {
      title: t('optimiser.frontier.col.npv'),
      key: 'npv',
      align: 'right',
      render: (_, p) => (p.npvYuan === null ? t('optimiser.frontier.none') : money(p.npvYuan)),
    },
    {
      title: t('optimiser.frontier.col.gain'),
      key: 'gain',
      align: 'right',
      render: (_, p) =>
        p.productionGainKg === null
          ? t('optimiser.frontier.none')
          : `+${massText(format, p.productionGainKg)}`,
    },
  ]

  const summary = summaryOf(points, value)
  return (
    <Card title={t('optimiser.frontier.title')} size="small" data-testid="optimiser-frontier">
      <Typography.Paragraph type="secondary">{t('optimiser.frontier.explain')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button
          onClick={() => frontier.run(props.plan, props.problem)}
          loading={state.status === 'running'}
          data-testid="frontier-run"
        >
          {t('optimiser.frontier.run')}
        </Button>
        {state.status === 'running' ? (
          <>
            <Button onClick={frontier.cancel}>{t('optimiser.cancel')}</Button>
            <Progress
              percent={state.total > 0 ? Math.round((state.points.length / state.total) * 100) : 0}
              size="small"
              style={{ width: 160 }}
              aria-label={t('optimiser.frontier.progress')}
            />
          </>
        ) : null}
      </Space>
      {state.status === 'failed' ? (
        <Alert type="error" showIcon title={t(`errors.code.${state.code}`)} />
      ) : null}
      {state.status === 'cancelled' ? (
        <Alert type="info" showIcon title={t('optimiser.frontier.cancelled')} />
      ) : null}
      {points.length > 0 ? (
        <>
          <FrontierChart
            points={points}
            value={value}
            xLabel={money}
            yLabel={valueText}
            title={t(production ? 'optimiser.frontier.chartProduction' : 'optimiser.frontier.chartNpv')}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
            {t(production ? 'optimiser.frontier.axesProduction' : 'optimiser.frontier.axesNpv')}
          </Typography.Paragraph>
          {state.status === 'done' && summary ? (
            <Typography.Paragraph data-testid="frontier-summary">
              {t(summary.flat ? 'optimiser.frontier.flat' : 'optimiser.frontier.more', {
                budget: money(summary.budgetYuan),
                gain: valueText(summary.gain),
                per: valueText(summary.perHundredThousand),
              })}
            </Typography.Paragraph>
          ) : null}
          <Table
            size="small"
            rowKey="scale"
            columns={columns}
            dataSource={points}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="frontier-table"
          />
        </>
      ) : null}
    </Card>
  )
}

/**
 * What doubling the money buys: the value at twice the budget over the value at the budget, and
 * per 100,000 yuan more. Under 1 % of the value per doubling, money is no longer what limits.
 */
function summaryOf(points: readonly FrontierPoint[], value: (p: FrontierPoint) => number | null) {
  const at = (scale: number) => points.find((p) => p.scale === scale)
  const one = at(1)
  const two = at(2)
  const v1 = one ? value(one) : null
  const v2 = two ? value(two) : null
  if (!one || !two || v1 === null || v2 === null || two.budgetYuan <= one.budgetYuan) return null
  const gain = v2 - v1
  return {
    budgetYuan: two.budgetYuan,
    gain,
    perHundredThousand: (gain / (two.budgetYuan - one.budgetYuan)) * 100_000,
    flat: gain <= Math.max(1, Math.abs(v1) * 0.01),
  }
}
