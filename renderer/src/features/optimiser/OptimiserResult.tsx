import { Alert, Card, Descriptions, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Action, YearFigures } from '../../../../engine/optimiser/types'
import { ACTIONS } from '../../../../engine/optimiser/types'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { massText, moneyText, shadowSentences, shortfallSentences, statusText } from './result-text'
import type { OptimiserRun } from './useOptimiserRun'

const ACTION_COLOR: Record<Action, string> = {
  hsf: 'green',
  drip: 'blue',
  density: 'gold',
  variety: 'purple',
}

type ScheduleRow = {
  fieldId: number
  village: string
  name: string
  areaHa: number
  byYear: Map<number, Action[]>
}

/**
 * One solved roll-out: the status and gap in words; when impossible, what would have to give;
 * which field gets what in which year (fields by village × year); each year's money, production
 * and NPV; what one more unit of each limit is worth; and the greedy rule's NPV beside it.
 */
export function OptimiserResult({ run }: { run: OptimiserRun }) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const { result, problem, plan, baseline } = run
  const years = problem.years.map((y) => y.year)
  const money = (yuan: number) => moneyText(t, format, yuan)
  const objectiveText = (value: number) =>
    problem.objective.kind === 'production' ? massText(format, value) : money(value)
  // Below half a yuan the two are the same roll-out's value up to rounding: no "−0 元".
  const differenceText = (yuan: number) =>
    Math.abs(yuan) < 0.5
      ? t('optimiser.result.sameAsGreedy')
      : `${yuan > 0 ? '+' : '−'}${money(Math.abs(yuan))}`

  const signedMoneyText = (yuan: number) =>
    Math.abs(yuan) < 0.5 ? money(0) : `${yuan > 0 ? '+' : '−'}${money(Math.abs(yuan))}`

  const rows = useMemo(() => {
    const fields = new Map(plan.fields.map((f) => [f.id, f]))
    const byField = new Map<number, ScheduleRow>()
    for (const s of result.schedule) {
      const f = fields.get(s.fieldId)
      let row = byField.get(s.fieldId)
      if (!row) {
        row = {
          fieldId: s.fieldId,
          village: f?.village ?? '',
          name: f?.name ?? `#${s.fieldId}`,
          areaHa: f?.areaHa ?? 0,
          byYear: new Map(),
        }
        byField.set(s.fieldId, row)
      }
      row.byYear.set(s.year, [...(row.byYear.get(s.year) ?? []), s.action])
    }
    return [...byField.values()].sort(
      (a, b) => a.village.localeCompare(b.village, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'),
    )
  }, [plan, result.schedule])

  const scheduleColumns: TableColumnsType<ScheduleRow> = [
    { title: t('optimiser.result.village'), dataIndex: 'village', key: 'village', width: 110 },
    { title: t('optimiser.result.field'), dataIndex: 'name', key: 'name', width: 140 },
    {
      title: t('optimiser.withUnit', { label: t('optimiser.result.area'), unit: format.areaUnitLabel }),
      key: 'area',
      align: 'right',
      width: 100,
      render: (_, r) => format.areaNumber(r.areaHa),
    },
    ...years.map((year) => ({
      title: t('optimiser.result.yearColumn', { year }),
      key: String(year),
      render: (_: unknown, r: ScheduleRow) =>
        (r.byYear.get(year) ?? [])
          .sort((a, b) => ACTIONS.indexOf(a) - ACTIONS.indexOf(b))
          .map((a) => (
            <Tag key={a} color={ACTION_COLOR[a]}>
              {t(`optimiser.action.${a}`)}
            </Tag>
          )),
    })),
  ]

  const yearColumns: TableColumnsType<YearFigures> = [
    { title: t('optimiser.form.year'), dataIndex: 'year', key: 'year', width: 70 },
    {
      title: t('optimiser.result.spend'),
      key: 'spend',
      align: 'right',
      render: (_, y) => money(y.spendYuan),
    },
    { title: t('optimiser.result.loan'), key: 'loan', align: 'right', render: (_, y) => money(y.loanYuan) },
    { title: t('optimiser.result.own'), key: 'own', align: 'right', render: (_, y) => money(y.ownYuan) },
    {
      title: t('optimiser.result.government'),
      key: 'gov',
      align: 'right',
      render: (_, y) => money(y.governmentYuan),
    },
    {
      title: t('optimiser.result.hsfArea'),
      key: 'hsf',
      align: 'right',
      render: (_, y) => format.area(y.hsfHa),
    },
    {
      title: t('optimiser.result.fields'),
      key: 'fields',
      align: 'right',
      render: (_, y) => t('optimiser.result.fieldCount', { count: y.fields }),
    },
    {
      title: t('optimiser.result.production'),
      key: 'production',
      align: 'right',
      render: (_, y) => massText(format, y.productionKg),
    },
    {
      title: t('optimiser.result.vsNothing'),
      key: 'vs',
      align: 'right',
      render: (_, y) => `+${massText(format, y.productionKg - baseline.productionKg)}`,
    },
    {
      title: t('optimiser.result.margin'),
      key: 'margin',
      align: 'right',
      render: (_, y) => money(y.marginYuan),
    },
    {
      title: t('optimiser.result.marginVsNothing'),
      key: 'marginVs',
      align: 'right',
      render: (_, y) => signedMoneyText(y.marginYuan - baseline.marginYuan),
    },
    { title: t('optimiser.result.npv'), key: 'npv', align: 'right', render: (_, y) => money(y.npvYuan) },
  ]

  const solved = result.status === 'optimal' || result.status === 'time_limit'
  const shortfalls = shortfallSentences(t, format, result.shortfalls)
  const shadows = shadowSentences(t, format, problem.objective, result.binding)
  const greedy = result.greedy
  // Government money was counted on without any quota typed: the roll-out leans on it, say so.
  const openQuota =
    problem.years.every((y) => y.govQuotaYuan === null && y.hsfQuotaHa === null) &&
    result.years.some((y) => y.governmentYuan > 0)

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="optimiser-result">
      <Alert
        type={solved ? 'success' : 'error'}
        showIcon
        data-testid="optimiser-status"
        title={statusText(t, format, result)}
        description={t('optimiser.result.took', { seconds: format.number(run.seconds, 1) })}
      />
      {result.status === 'infeasible' ? (
        <Alert
          type="warning"
          showIcon
          title={t('optimiser.result.infeasibleLead')}
          description={
            shortfalls.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="optimiser-shortfalls">
                {shortfalls.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            ) : (
              t('optimiser.result.infeasibleUnknown')
            )
          }
        />
      ) : null}
      {solved && openQuota ? (
        <Alert
          type="warning"
          showIcon
          data-testid="optimiser-open-quota"
          title={t('optimiser.result.openQuota')}
        />
      ) : null}
      {solved ? (
        <Card title={t('optimiser.result.summary')} size="small">
          <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
            <Descriptions.Item label={t('optimiser.result.npvOptimum')}>
              <span data-testid="optimiser-npv">{money(result.npvYuan)}</span>
            </Descriptions.Item>
            {greedy ? (
              <>
                <Descriptions.Item label={t('optimiser.result.npvGreedy')}>
                  <span data-testid="optimiser-greedy">{money(greedy.npvYuan)}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('optimiser.result.npvDifference')}>
                  <span data-testid="optimiser-difference">
                    {differenceText(result.npvYuan - greedy.npvYuan)}
                  </span>
                </Descriptions.Item>
              </>
            ) : null}
          </Descriptions>
          {greedy && problem.objective.kind !== 'npv' ? (
            // What was maximised is not NPV: its own figures, so a lower NPV is not read as a loss.
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              bordered
              style={{ marginTop: 8 }}
              data-testid="optimiser-objective"
            >
              <Descriptions.Item label={t(`optimiser.result.objective.${problem.objective.kind}`)}>
                {objectiveText(result.objective ?? 0)}
              </Descriptions.Item>
              <Descriptions.Item label={t('optimiser.result.npvGreedy')}>
                {objectiveText(greedy.objective)}
              </Descriptions.Item>
              <Descriptions.Item label={t('optimiser.result.npvDifference')}>
                {(result.objective ?? 0) - greedy.objective >= 0 ? '+' : '−'}
                {objectiveText(Math.abs((result.objective ?? 0) - greedy.objective))}
              </Descriptions.Item>
            </Descriptions>
          ) : null}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('optimiser.result.greedyNote')}
          </Typography.Paragraph>
        </Card>
      ) : null}
      {solved ? (
        <Card
          title={t('optimiser.result.scheduleTitle', { count: rows.length })}
          size="small"
          data-testid="optimiser-schedule"
        >
          {rows.length === 0 ? (
            <Typography.Text>{t('optimiser.result.nothingToDo')}</Typography.Text>
          ) : (
            <Table
              size="small"
              rowKey="fieldId"
              columns={scheduleColumns}
              dataSource={rows}
              pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            />
          )}
        </Card>
      ) : null}
      {solved ? (
        <Card title={t('optimiser.result.yearsTitle')} size="small">
          <Table
            size="small"
            rowKey="year"
            columns={yearColumns}
            dataSource={result.years}
            pagination={false}
            data-testid="optimiser-years-result"
            scroll={{ x: 'max-content' }}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('optimiser.result.yearsNote', {
              baseline: massText(format, baseline.productionKg),
              margin: money(baseline.marginYuan),
            })}
          </Typography.Paragraph>
        </Card>
      ) : null}
      {solved && shadows.length > 0 ? (
        <Card title={t('optimiser.result.shadowTitle')} size="small">
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="optimiser-shadow">
            {shadows.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('optimiser.result.shadowNote')}
          </Typography.Paragraph>
        </Card>
      ) : null}
    </Space>
  )
}
