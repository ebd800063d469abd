import { Alert, Card, Col, Row, Select, Skeleton, Space, Spin, Table, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { memo, type ReactNode, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FACTORS, type ScenarioResult } from '../../../../engine/model/types'
import type { Plan, ScenarioChange } from '../../../../engine/schemas/plan'
import type { Format } from '../../lib/format'
import { paybackText } from '../../lib/payback'
import { CropBars } from '../overview/CropBars'
import { usePlanKey } from '../risk/plan-key'
import type { RiskSummary } from '../risk/risk-protocol'
import { type RiskState, useRiskRun } from '../risk/useRiskRun'
import { PlanProblem } from '../scenarios/PlanProblem'
import { usePlanResult } from '../scenarios/usePlanResult'
import { useStages } from '../scenarios/useStages'
import { hashIds } from '../shell/routes'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { financeRows } from './finance-rows'
import { SignedBars } from './SignedBars'

const COLORS = ['#8c8c8c', '#389e0d', '#1677ff', '#d48806']
const COMPARE_DRAWS = 5000

type MetricRow = { key: string; label: ReactNode; cells: ReactNode[] }

/** The KPI rows, risk rows last (a placeholder while the quick run is going). */
function metricRows(
  t: TFunction,
  format: Format,
  chosen: readonly ScenarioResult[],
  riskState: RiskState,
): MetricRow[] {
  const yuan = (v: number) => format.money(v)
  return [
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
    ...financeRows(t, format, chosen),
    {
      key: 'payback',
      label: t('compare.row.payback'),
      cells: chosen.map((s) => paybackText(t, s.totals)),
    },
    { key: 'warnings', label: t('compare.row.warnings'), cells: chosen.map((s) => String(s.warningCount)) },
    ...riskRows(),
  ]

  function riskRows(): MetricRow[] {
    if (riskState.status === 'failed') {
      const label = t('risk.failed', { message: t(`errors.code.${riskState.code}`) })
      return [{ key: 'risk', label, cells: chosen.map(() => '') }]
    }
    if (riskState.status !== 'done') {
      // A spinner while the run goes on: the numbers below are on their way.
      const label = (
        <Space size={6}>
          <Spin size="small" />
          {t('compare.riskRunning')}
        </Space>
      )
      return [{ key: 'risk', label, cells: chosen.map(() => '…') }]
    }
    const done = riskState
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
}

/** Two to four scenarios side by side: KPIs, bars, where the uplift comes from, and what differs. */
export function CompareScreen() {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const { plan, result, error } = usePlanResult()
  // Opened from elsewhere with scenarios to show (the optimiser's roll-out): those, where they exist.
  const [picked, setPicked] = useState<number[] | null>(() => hashIds())
  const ids = useMemo(() => {
    const known = new Set((plan?.scenarios ?? []).map((s) => s.id))
    const asked = (picked ?? []).filter((id) => known.has(id)).slice(0, 4)
    return picked !== null && (asked.length > 0 || picked.length === 0)
      ? asked
      : (plan?.scenarios ?? []).slice(0, 3).map((s) => s.id)
  }, [picked, plan])
  // Risk columns: a quick Monte Carlo on the same plan (in a worker), run once per plan content and
  // kept for the session, so coming back to Compare does not run it again.
  const key = usePlanKey(error ? null : plan)
  // Only the result is shown here (no progress bar): progress does not redraw the screen.
  const risk = useRiskRun('compare', key, { progress: false })
  const idle = risk.state.status === 'idle'
  const chosen = useMemo(
    () =>
      ids
        .map((id) => result?.scenarios.find((s) => s.scenarioId === id))
        .filter((s): s is ScenarioResult => Boolean(s)),
    [ids, result],
  )
  const diff = useMemo(() => (plan ? differences(plan, chosen) : null), [plan, chosen])
  // The KPIs, each chart and each table mount one after another, every part in a frame of its own.
  const stage = useStages(5, diff !== null)
  // The quick run starts once the screen is all there: on a two-core laptop its worker would
  // otherwise take the core the window needs to draw.
  const drawn = stage >= 5
  useEffect(() => {
    if (plan && key !== null && idle && drawn) risk.run(plan, COMPARE_DRAWS, 1)
  }, [plan, key, idle, drawn, risk.run])
  const metrics = useMemo(() => metricRows(t, format, chosen, risk.state), [t, format, chosen, risk.state])

  if (error) return <PlanProblem error={error} />
  if (!plan || !result || !diff) return <Card loading />

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
          {stage >= 1 ? <KpiTable chosen={chosen} metrics={metrics} /> : <Pending rows={8} />}
          {stage >= 2 ? <CompareCharts chosen={chosen} both={stage >= 3} /> : <Pending rows={6} />}
          {stage >= 4 ? (
            <InputDiff plan={plan} chosen={chosen} rows={diff.inputRows} />
          ) : (
            <Pending rows={4} />
          )}
          {stage >= 5 ? (
            <FieldDiff chosen={chosen} names={diff.names} rows={diff.fieldRows} />
          ) : (
            <Pending rows={4} />
          )}
        </>
      )}
    </Space>
  )
}

/** A part of the screen still to come (see useStages). */
function Pending(props: { rows: number }) {
  return (
    <Card size="small">
      <Skeleton active paragraph={{ rows: props.rows }} />
    </Card>
  )
}

/** Production and margin, and where the uplift comes from; drawn again only when the scenarios change. */
const CompareCharts = memo(function CompareCharts(props: {
  chosen: readonly ScenarioResult[]
  /** false while the second chart waits for its own frame */
  both: boolean
}) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const { chosen } = props
  const bars = useMemo(
    () =>
      chosen.map((s, i) => ({
        key: `s${i}`,
        label: s.name,
        values: [format.massValue(s.totals.productionKg), s.totals.money.grossMarginYuan],
      })),
    [chosen, format],
  )
  const factors = useMemo(
    () =>
      FACTORS.map((f) => ({
        key: f,
        label: t(`factor.${f}`),
        values: chosen.map((s) => format.massValue(s.totals.contributionsKg[f])),
      })),
    [chosen, format, t],
  )
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Card size="small" title={t('compare.bars')}>
          <CropBars
            rows={bars}
            series={[
              { name: t('compare.barProduction', { unit: format.massUnitLabel }), color: '#7cb305' },
              { name: t('compare.barMargin'), color: '#d4b106' },
            ]}
            formatValue={(v) => format.number(v, 0)}
          />
        </Card>
      </Col>
      <Col span={12}>
        {props.both ? (
          <Card size="small" title={t('compare.factors', { unit: format.massUnitLabel })}>
            <SignedBars
              rows={factors}
              series={chosen.map((s, i) => ({ name: s.name, color: COLORS[i % COLORS.length]! }))}
              formatValue={(v) => `${v > 0 ? '+' : ''}${format.number(v, 0)}`}
            />
          </Card>
        ) : (
          <Pending rows={6} />
        )}
      </Col>
    </Row>
  )
})

/** What each scenario changes on the fields where they differ; described only for the rows shown. */
const InputDiff = memo(function InputDiff(props: {
  plan: Plan
  chosen: readonly ScenarioResult[]
  rows: InputRow[]
}) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const varietyName = useMemo(
    () => new Map(props.plan.varieties.map((v) => [v.id, v.name])),
    [props.plan.varieties],
  )
  const columns = useMemo(() => {
    const describe = (c: ScenarioChange | undefined): string => {
      if (!c) return t('compare.asToday')
      const parts = [
        c.buildHsf ? t('compare.change.hsf') : null,
        c.varietyId !== null
          ? t('compare.change.variety', { name: varietyName.get(c.varietyId) ?? '' })
          : null,
        c.densityPlantsPerHa !== null
          ? t('compare.change.density', {
              value: `${format.densityNumber(c.densityPlantsPerHa)} ${format.densityUnitLabel}`,
            })
          : null,
        c.waterRegime !== null ? t('compare.change.water', { water: t(`water.${c.waterRegime}`) }) : null,
      ].filter(Boolean)
      return parts.length > 0 ? parts.join('，') : t('compare.asToday')
    }
    return [
      { title: t('scenarios.fieldCol.field'), dataIndex: 'name' },
      ...props.chosen.map((s, i) => ({
        title: s.name,
        key: `c${i}`,
        render: (_: unknown, r: InputRow) => describe(r.changes[i]),
      })),
    ]
  }, [t, format, varietyName, props.chosen])
  return (
    <Card size="small" title={t('compare.inputs')}>
      <Typography.Paragraph type="secondary">{t('compare.inputsHelp')}</Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        dataSource={props.rows}
        locale={{ emptyText: t('compare.noInputDiff') }}
        columns={columns}
      />
    </Card>
  )
})

/** The yield of each scenario on the fields where they differ. */
const FieldDiff = memo(function FieldDiff(props: {
  chosen: readonly ScenarioResult[]
  names: ReadonlyMap<number, string>
  rows: FieldRow[]
}) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const columns = useMemo(
    () => [
      {
        title: t('scenarios.fieldCol.field'),
        key: 'name',
        render: (_: unknown, r: FieldRow) => props.names.get(r.id),
      },
      ...props.chosen.map((s, i) => ({
        title: s.name,
        key: `s${i}`,
        align: 'right' as const,
        render: (_: unknown, r: FieldRow) => format.yieldNumber(r.yields[i]!),
      })),
    ],
    [t, format, props.names, props.chosen],
  )
  return (
    <Card size="small" title={t('compare.fieldDiff')}>
      <Typography.Paragraph type="secondary">
        {t('compare.fieldDiffHelp', { unit: format.yieldUnitLabel })}
      </Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        dataSource={props.rows}
        locale={{ emptyText: t('compare.noFieldDiff') }}
        columns={columns}
      />
    </Card>
  )
})

type FieldRow = { id: number; yields: number[] }
type InputRow = { id: number; name: string; changes: (ScenarioChange | undefined)[] }

function sameChange(a: ScenarioChange | undefined, b: ScenarioChange | undefined): boolean {
  if (!a || !b) return a === b
  return (
    (a.buildHsf === true) === (b.buildHsf === true) &&
    a.varietyId === b.varietyId &&
    a.densityPlantsPerHa === b.densityPlantsPerHa &&
    a.waterRegime === b.waterRegime
  )
}

/**
 * Where the chosen scenarios differ, field by field: in yield and in what they change. One pass
 * over the fields with each scenario's results and changes looked up by id (not searched), and
 * nothing formatted until a row is on screen: thousands of fields in a few milliseconds.
 */
function differences(plan: Plan, chosen: readonly ScenarioResult[]) {
  const names = new Map(plan.fields.map((f) => [f.id, f.name]))
  const yieldsOf = chosen.map((s) => new Map(s.fields.map((r) => [r.fieldId, r.yieldKgPerHa])))
  const changesOf = chosen.map(
    (s) =>
      new Map((plan.scenarios.find((x) => x.id === s.scenarioId)?.changes ?? []).map((c) => [c.fieldId, c])),
  )
  const fieldRows: FieldRow[] = []
  const inputRows: InputRow[] = []
  for (const f of plan.fields) {
    const yields = yieldsOf.map((m) => m.get(f.id) ?? 0)
    if (yields.some((y) => Math.abs(y - yields[0]!) > 1e-6)) fieldRows.push({ id: f.id, yields })
    const changes = changesOf.map((m) => m.get(f.id))
    if (changes.some((c) => !sameChange(c, changes[0]))) inputRows.push({ id: f.id, name: f.name, changes })
  }
  return { names, fieldRows, inputRows }
}

/** The KPIs of the chosen scenarios side by side. */
const KpiTable = memo(function KpiTable(props: { chosen: readonly ScenarioResult[]; metrics: MetricRow[] }) {
  const { t } = useTranslation()
  const columns = useMemo(
    () => [
      { title: t('compare.metric'), dataIndex: 'label' },
      ...props.chosen.map((s, i) => ({
        title: s.name,
        key: `s${i}`,
        align: 'right' as const,
        render: (_: unknown, r: MetricRow) => r.cells[i],
      })),
    ],
    [t, props.chosen],
  )
  return (
    <Table<MetricRow>
      rowKey="key"
      size="middle"
      pagination={false}
      dataSource={props.metrics}
      data-testid="compare-kpis"
      columns={columns}
    />
  )
})
