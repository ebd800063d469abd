import {
  Alert,
  Button,
  Card,
  Empty,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FieldResult, ScenarioResult } from '../../../../engine/model/types'
import { errorMessage } from '../../lib/errors'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { usePlanResult } from './usePlanResult'
import { WhyDrawer } from './WhyDrawer'
import { warningText } from './warning-text'

export function ScenariosScreen() {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const { plan, result, error } = usePlanResult()
  const [selected, setSelected] = useState<number | null>(null)
  const [why, setWhy] = useState<{ scenarioId: number; fieldId: number } | null>(null)
  const horizon = useMemo(
    () => plan?.assumptions.find((a) => a.key === 'finance.horizonYears')?.value ?? 10,
    [plan],
  )
  const fieldNames = useMemo(() => new Map((plan?.fields ?? []).map((f) => [f.id, f.name])), [plan])

  if (error)
    return <Alert type="error" showIcon title={t('errors.title')} description={errorMessage(t, error)} />

  const columns: TableColumnsType<ScenarioResult> = [
    {
      title: t('scenarios.col.name'),
      dataIndex: 'name',
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
      render: (_, s) => <span data-testid="production">{format.massNumber(s.totals.productionKg)}</span>,
    },
    {
      title: t('scenarios.col.uplift'),
      key: 'uplift',
      align: 'right',
      render: (_, s) => <span data-testid="uplift">{format.percent(s.totals.upliftPct)}</span>,
    },
    {
      title: t('scenarios.col.margin'),
      key: 'margin',
      align: 'right',
      render: (_, s) => <span data-testid="margin">{format.money(s.totals.money.grossMarginYuan)}</span>,
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
          <span data-testid="investment">{format.money(s.totals.investmentYuan)}</span>
        </Tooltip>
      ),
    },
    {
      title: t('scenarios.col.npv', { years: horizon }),
      key: 'npv',
      align: 'right',
      render: (_, s) => (
        <span data-testid="npv">
          {s.isBaseline ? t('scenarios.notApplicable') : format.money(s.totals.npvYuan)}
        </span>
      ),
    },
    {
      title: t('scenarios.col.payback'),
      key: 'payback',
      align: 'right',
      render: (_, s) =>
        s.totals.investmentYuan === 0
          ? t('scenarios.notApplicable')
          : s.totals.paybackYears === null
            ? t('scenarios.paybackNone')
            : t('scenarios.paybackYears', { years: s.totals.paybackYears }),
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
      render: (_, s) => (
        <Button
          size="small"
          onClick={() => setSelected(s.scenarioId)}
          aria-label={`${t('scenarios.pick')} ${s.name}`}
        >
          {t('scenarios.pick')}
        </Button>
      ),
    },
  ]

  const scenario = result?.scenarios.find((s) => s.scenarioId === selected) ?? null
  const fieldColumns: TableColumnsType<FieldResult> = [
    { title: t('scenarios.fieldCol.field'), key: 'field', render: (_, f) => fieldNames.get(f.fieldId) },
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
          onClick={() =>
            scenario?.scenarioId && setWhy({ scenarioId: scenario.scenarioId, fieldId: f.fieldId })
          }
          aria-label={`${t('scenarios.whyButton')} ${fieldNames.get(f.fieldId)}`}
        >
          {t('scenarios.whyButton')}
        </Button>
      ),
    },
  ]

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('scenarios.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('scenarios.subtitle')}</Typography.Text>
      </div>
      <Table<ScenarioResult>
        rowKey={(s) => s.scenarioId ?? 0}
        loading={!result}
        columns={columns}
        dataSource={result?.scenarios ?? []}
        pagination={false}
        data-testid="scenario-table"
        locale={{ emptyText: <Empty description={t('scenarios.empty')} /> }}
        onRow={(s) => ({ 'data-scenario': s.name }) as React.HTMLAttributes<HTMLElement>}
      />
      {scenario && (
        <Card title={t('scenarios.details', { name: scenario.name })}>
          <Table<FieldResult>
            rowKey="fieldId"
            size="small"
            columns={fieldColumns}
            dataSource={scenario.fields}
            pagination={{ pageSize: 30, hideOnSinglePage: true, showSizeChanger: false }}
          />
        </Card>
      )}
      {plan && why && <WhyDrawer plan={plan} {...why} onClose={() => setWhy(null)} />}
    </Space>
  )
}
