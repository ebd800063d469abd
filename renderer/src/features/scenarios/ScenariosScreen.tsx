import {
  Alert,
  Button,
  Col,
  Empty,
  Row,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd'
import { memo, useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { evaluatePlan } from '../../../../engine/model/evaluate'
import type { ScenarioResult } from '../../../../engine/model/types'
import { applyEdit, type ScenarioEdit } from '../../../../engine/scenario-edit'
import { paybackText } from '../../lib/payback'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { PlanProblem } from './PlanProblem'
import { ScenarioEditor } from './ScenarioEditor'
import { ScenarioList } from './ScenarioList'
import { ScenarioResultPanel } from './ScenarioResultPanel'
import { usePlanResult } from './usePlanResult'
import { WhyDrawer } from './WhyDrawer'

export function ScenariosScreen() {
  const { t } = useTranslation()
  const { plan, result, error, reload } = usePlanResult()
  const [selected, setSelected] = useState<number | null>(null)
  const [preview, setPreview] = useState<{ fieldIds: number[]; edit: ScenarioEdit } | null>(null)
  const selectedId =
    selected ?? plan?.scenarios.find((s) => !s.isBaseline)?.id ?? plan?.scenarios[0]?.id ?? null
  const selectedScenario = plan?.scenarios.find((s) => s.id === selectedId) ?? null
  // Unsaved edits (a density being dragged) are evaluated at once on a copy of the plan: only the
  // scenario being edited, a few milliseconds for thousands of fields.
  const previewPlan = useMemo(() => {
    if (!plan || !preview || !selectedScenario) return null
    const edited = applyEdit(selectedScenario, preview.fieldIds, preview.edit)
    return { ...plan, scenarios: plan.scenarios.map((s) => (s.id === edited.id ? edited : s)) }
  }, [plan, preview, selectedScenario])
  const liveResult = useMemo(() => {
    if (!selectedScenario) return null
    const saved = result?.scenarios.find((s) => s.scenarioId === selectedScenario.id) ?? null
    if (!previewPlan) return saved
    try {
      return evaluatePlan(previewPlan, { scenarioIds: [selectedScenario.id] }).scenarios[0] ?? null
    } catch {
      // An unsaved value the engine refuses: the saved result stays on screen until it changes.
      return saved
    }
  }, [previewPlan, result, selectedScenario])
  const [why, setWhy] = useState<{ scenarioId: number; fieldId: number } | null>(null)
  const fieldNames = useMemo(() => new Map((plan?.fields ?? []).map((f) => [f.id, f.name])), [plan])
  const whyScenarioId = selectedScenario?.id ?? null
  const onWhy = useCallback(
    (fieldId: number) => {
      if (whyScenarioId !== null) setWhy({ scenarioId: whyScenarioId, fieldId })
    },
    [whyScenarioId],
  )
  const horizon = useMemo(
    () => plan?.assumptions.find((a) => a.key === 'finance.horizonYears')?.value ?? 10,
    [plan],
  )
  const onLoansChanged = useCallback(() => void reload(), [reload])
  const pick = useCallback((id: number) => {
    setSelected(id)
    setPreview(null)
  }, [])
  const onChanged = useCallback(
    (id?: number) => {
      setSelected(id ?? null)
      setPreview(null)
      void reload()
    },
    [reload],
  )
  const onPreview = useCallback(
    (fieldIds: number[], edit: ScenarioEdit | null) => setPreview(edit ? { fieldIds, edit } : null),
    [],
  )
  const onApplied = useCallback(() => void reload(), [reload])

  if (error) return <PlanProblem error={error} />

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('scenarios.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('scenarios.subtitle')}</Typography.Text>
      </div>
      <ScenarioTable results={result?.scenarios ?? null} horizon={horizon} onPick={pick} />
      {plan && result && (
        <Row gutter={16}>
          <Col span={6}>
            <ScenarioList
              scenarios={plan.scenarios}
              results={result.scenarios}
              selectedId={selectedId}
              onSelect={pick}
              onChanged={onChanged}
            />
          </Col>
          <Col span={18}>
            {selectedScenario && (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {t('scenarios.details', { name: selectedScenario.name })}
                </Typography.Title>
                {selectedScenario.isBaseline ? (
                  <Alert type="info" showIcon title={t('scenarioEdit.baselineFixed')} />
                ) : (
                  <ScenarioEditor
                    key={selectedScenario.id}
                    plan={plan}
                    scenario={selectedScenario}
                    onPreview={onPreview}
                    onApplied={onApplied}
                  />
                )}
                {liveResult && (
                  <ScenarioResultPanel
                    plan={previewPlan ?? plan}
                    savedPlan={plan}
                    scenario={selectedScenario}
                    result={liveResult}
                    fieldNames={fieldNames}
                    onWhy={onWhy}
                    onLoansChanged={onLoansChanged}
                  />
                )}
              </Space>
            )}
          </Col>
        </Row>
      )}
      {plan && why && <WhyDrawer plan={plan} {...why} onClose={() => setWhy(null)} />}
    </Space>
  )
}

/** Figures never break across lines, whatever the width of the window. */
const NOWRAP = { whiteSpace: 'nowrap' } as const

/** Every scenario's totals side by side; drawn again only when the saved plan changes. */
const ScenarioTable = memo(function ScenarioTable(props: {
  results: ScenarioResult[] | null
  horizon: number
  onPick: (id: number) => void
}) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const { horizon, onPick } = props
  const columns = useMemo<TableColumnsType<ScenarioResult>>(
    () => [
      {
        title: t('scenarios.col.name'),
        dataIndex: 'name',
        width: 210,
        render: (name: string, s) => (
          <Space>
            <Typography.Text strong>{name}</Typography.Text>
            {s.isBaseline && <Tag>{t('scenarios.baseline')}</Tag>}
          </Space>
        ),
      },
      {
        title: t('scenarios.col.production', { unit: format.massUnitLabel }),
        key: 'production',
        align: 'right',
        render: (_, s) => (
          <span data-testid="production" style={NOWRAP}>
            {format.massNumber(s.totals.productionKg)}
          </span>
        ),
      },
      {
        title: t('scenarios.col.uplift'),
        key: 'uplift',
        align: 'right',
        render: (_, s) => (
          <span data-testid="uplift" style={NOWRAP}>
            {format.percent(s.totals.upliftPct)}
          </span>
        ),
      },
      {
        title: t('scenarios.col.margin'),
        key: 'margin',
        align: 'right',
        render: (_, s) => (
          <span data-testid="margin" style={NOWRAP}>
            {format.money(s.totals.money.grossMarginYuan)}
          </span>
        ),
      },
      {
        title: t('scenarios.col.investment'),
        key: 'investment',
        align: 'right',
        render: (_, s) => (
          <Tooltip
            title={t('scenarios.funding', {
              gov: format.money(s.totals.funding.governmentYuan),
              coop: format.money(s.totals.funding.coopYuan),
              loan: format.money(s.totals.funding.loanYuan),
            })}
          >
            <span data-testid="investment" style={NOWRAP}>
              {format.money(s.totals.investmentYuan)}
            </span>
          </Tooltip>
        ),
      },
      {
        title: t('scenarios.col.npv', { years: horizon }),
        key: 'npv',
        align: 'right',
        render: (_, s) => (
          <span data-testid="npv" style={NOWRAP}>
            {s.isBaseline ? t('scenarios.notApplicable') : format.money(s.totals.npvYuan)}
          </span>
        ),
      },
      {
        title: t('scenarios.col.payback'),
        key: 'payback',
        align: 'right',
        render: (_, s) => <span style={NOWRAP}>{paybackText(t, s.totals)}</span>,
      },
      {
        title: t('scenarios.col.warnings'),
        key: 'warnings',
        align: 'right',
        render: (_, s) => (s.warningCount > 0 ? <Tag color="orange">{s.warningCount}</Tag> : s.warningCount),
      },
      {
        title: '',
        key: 'pick',
        render: (_, s) =>
          s.scenarioId === null ? null : (
            <Button
              size="small"
              onClick={() => onPick(s.scenarioId!)}
              aria-label={`${t('scenarios.pick')} ${s.name}`}
            >
              {t('scenarios.pick')}
            </Button>
          ),
      },
    ],
    [t, format, horizon, onPick],
  )
  return (
    <Table<ScenarioResult>
      rowKey={(s) => s.scenarioId ?? 0}
      loading={!props.results}
      columns={columns}
      dataSource={props.results ?? []}
      pagination={false}
      data-testid="scenario-table"
      locale={{ emptyText: <Empty description={t('scenarios.empty')} /> }}
      onRow={(s) => ({ 'data-scenario': s.name }) as React.HTMLAttributes<HTMLElement>}
    />
  )
})
