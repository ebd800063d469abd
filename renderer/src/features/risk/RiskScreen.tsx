import {
  Alert,
  Button,
  Card,
  Col,
  InputNumber,
  Progress,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Typography,
} from 'antd'
import { memo, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { assumptionName } from '../../lib/assumption-format'
import { PlanProblem } from '../scenarios/PlanProblem'
import { usePlanResult } from '../scenarios/usePlanResult'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { usePlanKey } from './plan-key'
import type { RiskSummary } from './risk-protocol'
import { latestRun } from './risk-store'
import { useRiskRun } from './useRiskRun'
import { useTornado } from './useTornado'

/** Monte Carlo risk per scenario: percentiles, the chance of beating the baseline, a histogram and a tornado. */
export function RiskScreen(props: { chartWidth?: number }) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const { plan, error } = usePlanResult()
  // The plan's content is the key of the results kept for the session: coming back to the screen
  // shows the last run of this very plan, and nothing once the plan has changed.
  const key = usePlanKey(plan)
  const { state, run, cancel } = useRiskRun('risk', key)
  const [draws, setDraws] = useState(10_000)
  const [seed, setSeed] = useState(1)
  // A run shown again (coming back to the screen) shows the years and seed it was run with.
  const [shownRun, setShownRun] = useState<number | null>(null)
  if (state.status === 'done' && shownRun !== state.finishedAt) {
    setShownRun(state.finishedAt)
    setDraws(state.draws)
    setSeed(state.seed)
  }
  const [picked, setPicked] = useState<number | null>(null)
  const scenarioId = picked ?? plan?.scenarios.find((s) => !s.isBaseline)?.id ?? null
  const scenarioName = plan?.scenarios.find((s) => s.id === scenarioId)?.name ?? ''
  const tornadoState = useTornado(error ? null : plan, key, scenarioId)
  const tornado = useMemo(
    () =>
      tornadoState.status === 'done'
        ? tornadoState.rows
            .slice(0, 12)
            .map((r) => ({ name: assumptionName(t, r.key), swing: r.swingMarginYuan }))
        : [],
    [tornadoState, t],
  )
  const earlier = latestRun('risk')
  const histogram = useMemo(() => {
    if (state.status !== 'done') return []
    const baseline = state.scenarios.find((s) => s.isBaseline)
    const shown = state.scenarios.find((s) => s.scenarioId === scenarioId)
    return baseline && shown
      ? shown.histogram.map((b, i) => ({
          x: format.money(b.from),
          scenario: b.count,
          baseline: baseline.histogram[i]?.count ?? 0,
        }))
      : []
  }, [state, scenarioId, format])

  if (error) return <PlanProblem error={error} />
  if (!plan) return <Card loading />

  const clock = (at: number) =>
    new Intl.DateTimeFormat(format.locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(
      at,
    )
  const mass = (kg: number) => format.massNumber(kg)
  const money = (y: number) => format.money(y)
  const results = state.status === 'done' ? state.scenarios : []

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('risk.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('risk.subtitle')}</Typography.Text>
        <Typography.Paragraph type="secondary" data-testid="risk-includes" style={{ margin: '4px 0 0' }}>
          {t('risk.includes')}
        </Typography.Paragraph>
      </div>
      <Card>
        <Space wrap size="large" align="end">
          <Space orientation="vertical" size={2}>
            <Typography.Text id="risk-draws">{t('risk.draws')}</Typography.Text>
            <InputNumber
              aria-labelledby="risk-draws"
              min={100}
              max={1_000_000}
              step={1000}
              value={draws}
              onChange={(v) => typeof v === 'number' && setDraws(v)}
            />
          </Space>
          <Space orientation="vertical" size={2}>
            <Typography.Text id="risk-seed">{t('risk.seed')}</Typography.Text>
            <InputNumber
              aria-labelledby="risk-seed"
              precision={0}
              value={seed}
              onChange={(v) => typeof v === 'number' && setSeed(v)}
            />
          </Space>
          <Space orientation="vertical" size={2}>
            <Typography.Text id="risk-pick">{t('risk.pick')}</Typography.Text>
            <Select
              aria-labelledby="risk-pick"
              style={{ width: 220 }}
              value={scenarioId}
              onChange={setPicked}
              options={plan.scenarios
                .filter((s) => !s.isBaseline)
                .map((s) => ({ value: s.id, label: s.name }))}
            />
          </Space>
          {state.status === 'running' ? (
            <Button danger onClick={cancel}>
              {t('risk.cancel')}
            </Button>
          ) : (
            <Button type="primary" onClick={() => run(plan, draws, seed)}>
              {t('risk.run')}
            </Button>
          )}
        </Space>
        <div style={{ marginTop: 12 }} data-testid="risk-status">
          {state.status === 'idle' &&
            (earlier && earlier.planKey !== key && earlier.plan.workspace === plan.workspace.name ? (
              <Alert
                type="info"
                showIcon
                data-testid="risk-stale"
                title={t('riskSession.planChanged', { time: clock(earlier.finishedAt) })}
              />
            ) : (
              <Typography.Text type="secondary">{t('risk.idle')}</Typography.Text>
            ))}
          {state.status === 'running' && (
            <>
              <Progress percent={Math.floor((state.done / state.total) * 100)} />
              <Typography.Text type="secondary">
                {t('risk.progress', {
                  done: format.number(state.done, 0),
                  total: format.number(state.total, 0),
                })}
              </Typography.Text>
            </>
          )}
          {state.status === 'cancelled' && (
            <Alert type="info" showIcon title={t('risk.cancelled', { done: format.number(state.done, 0) })} />
          )}
          {state.status === 'failed' && (
            <Alert
              type="error"
              showIcon
              title={t('risk.failed', { message: t(`errors.code.${state.code}`) })}
            />
          )}
        </div>
      </Card>
      {state.status === 'done' && (
        <Card title={t('risk.table')}>
          <Typography.Paragraph type="secondary" data-testid="risk-belongs">
            {t('riskSession.belongsTo', {
              workspace: state.plan.workspace,
              scenarios: format.number(state.plan.scenarios, 0),
              fields: format.number(state.plan.fields, 0),
              draws: format.number(state.draws, 0),
              seed: state.seed,
              time: clock(state.finishedAt),
            })}
          </Typography.Paragraph>
          <Table<RiskSummary>
            rowKey={(s) => s.scenarioId ?? 0}
            size="middle"
            pagination={false}
            dataSource={results}
            data-testid="risk-table"
            columns={[
              { title: t('risk.scenario'), dataIndex: 'name' },
              {
                title: t('risk.production', { unit: format.massUnitLabel }),
                key: 'production',
                align: 'right',
                render: (_, s) =>
                  t('risk.p', {
                    p10: mass(s.productionKg.p10),
                    p50: mass(s.productionKg.p50),
                    p90: mass(s.productionKg.p90),
                  }),
              },
              {
                title: t('risk.margin'),
                key: 'margin',
                align: 'right',
                render: (_, s) =>
                  t('risk.p', {
                    p10: money(s.grossMarginYuan.p10),
                    p50: money(s.grossMarginYuan.p50),
                    p90: money(s.grossMarginYuan.p90),
                  }),
              },
              {
                title: t('risk.yearlyCost'),
                key: 'yearlyCost',
                align: 'right',
                render: (_, s) => money(s.yearlyInvestmentCostYuan),
              },
              {
                title: t('risk.beats'),
                key: 'beats',
                align: 'right',
                render: (_, s) =>
                  s.probBeatsBaseline === null
                    ? t('scenarios.notApplicable')
                    : `${format.number(s.probBeatsBaseline * 100, 1)} %`,
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('risk.beatsHelp')}
          </Typography.Paragraph>
        </Card>
      )}
      <Row gutter={16}>
        {histogram.length > 0 && (
          <Col span={12}>
            <Card size="small" title={t('risk.histogram', { name: scenarioName })}>
              <HistogramChart data={histogram} scenarioName={scenarioName} chartWidth={props.chartWidth} />
            </Card>
          </Col>
        )}
        <Col span={histogram.length > 0 ? 12 : 24}>
          <Card size="small" title={t('risk.tornado', { name: scenarioName })} data-testid="tornado">
            <Typography.Paragraph type="secondary">{t('risk.tornadoHelp')}</Typography.Paragraph>
            {tornadoState.status === 'working' && (
              <Space data-testid="tornado-working">
                <Spin size="small" />
                <Typography.Text type="secondary">{t('riskSession.tornadoWorking')}</Typography.Text>
              </Space>
            )}
            {tornadoState.status === 'failed' && (
              <Alert type="error" showIcon title={t(`errors.code.${tornadoState.code}`)} />
            )}
            {/* Mounted once the rows are there: a chart's first drawing is a task of its own. */}
            {tornadoState.status === 'done' && <TornadoChart rows={tornado} chartWidth={props.chartWidth} />}
          </Card>
        </Col>
      </Row>
    </Space>
  )
}

/** The tornado chart; memoised so the run's progress does not redraw it. */
const TornadoChart = memo(function TornadoChart(props: {
  rows: { name: string; swing: number }[]
  chartWidth?: number | undefined
}) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  return (
    // One row of 30 px per assumption, so every bar keeps its name.
    <ResponsiveContainer width={props.chartWidth ?? '100%'} height={props.rows.length * 30 + 48}>
      <BarChart layout="vertical" data={props.rows} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tickFormatter={(v: number) => format.number(v, 0)} />
        <YAxis type="category" dataKey="name" width={220} interval={0} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(v) => `${format.number(Number(v), 0)} ${t('units.yuan')}`} />
        <Bar dataKey="swing" name={t('risk.swing')} fill="#d48806" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  )
})

/** The margin histogram of a scenario against the baseline. */
const HistogramChart = memo(function HistogramChart(props: {
  data: { x: string; scenario: number; baseline: number }[]
  scenarioName: string
  chartWidth?: number | undefined
}) {
  const { t } = useTranslation()
  return (
    <ResponsiveContainer width={props.chartWidth ?? '100%'} height={300}>
      <BarChart data={props.data} margin={{ top: 8, right: 16, bottom: 24, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="x"
          interval={5}
          label={{ value: t('risk.histX'), position: 'insideBottom', offset: -16 }}
        />
        <YAxis label={{ value: t('risk.histY'), angle: -90, position: 'insideLeft' }} />
        <Tooltip />
        <Legend verticalAlign="top" />
        <Bar dataKey="baseline" name={t('risk.baseline')} fill="#bfbfbf" isAnimationActive={false} />
        <Bar dataKey="scenario" name={props.scenarioName} fill="#389e0d" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  )
})
