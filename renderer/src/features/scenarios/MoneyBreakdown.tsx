import { Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { MoneyItems, ScenarioResult } from '../../../../engine/model/types'
import { useWorkspace } from '../workspace/WorkspaceContext'

/** The lines of a season's money, in the order of the national cost survey; costs subtract. */
const LINES = [
  ['revenue', 1],
  ['subsidy', 1],
  ['seed', -1],
  ['fertiliser', -1],
  ['pesticide', -1],
  ['tillage', -1],
  ['sowing', -1],
  ['harvest', -1],
  ['drying', -1],
  ['labour', -1],
  ['insurancePremium', -1],
  ['irrigation', -1],
  ['dripOperating', -1],
  ['landRent', -1],
  ['hsfSaving', 1],
  ['grossMargin', 1],
] as const satisfies readonly [keyof MoneyItems extends `${infer K}Yuan` ? K : never, 1 | -1][]

type Row = { key: string; label: string; today: number; scenario: number }

/** Revenue, subsidy, each cost item and the margin per unit of area: today and under the scenario. */
export function MoneyBreakdown(props: { result: ScenarioResult }) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const { totals } = props.result
  // yuan per ha × plants-per-area factor = yuan per the plan's area unit (mu or ha)
  const perArea = (yuan: number) => (totals.areaHa > 0 ? (yuan / totals.areaHa) * format.densityValue(1) : 0)
  const rows: Row[] = LINES.filter(
    ([k]) => totals.money[`${k}Yuan`] !== 0 || totals.baselineMoney[`${k}Yuan`] !== 0,
  ).map(([k, sign]) => ({
    key: k,
    label: t(`moneyBreakdown.line.${k}`),
    today: sign * perArea(totals.baselineMoney[`${k}Yuan`]),
    scenario: sign * perArea(totals.money[`${k}Yuan`]),
  }))
  const money = (v: number) => format.number(v, 0)
  return (
    <Table<Row>
      size="small"
      pagination={false}
      rowKey="key"
      data-testid="money-breakdown"
      title={() => (
        <Typography.Text type="secondary">
          {t('moneyBreakdown.help', { area: format.areaUnitLabel })}
        </Typography.Text>
      )}
      dataSource={rows}
      columns={[
        {
          title: t('moneyBreakdown.col.line'),
          dataIndex: 'label',
          render: (label: string, r) => (r.key === 'grossMargin' ? <strong>{label}</strong> : label),
        },
        { title: t('moneyBreakdown.col.today'), dataIndex: 'today', align: 'right', render: money },
        { title: t('moneyBreakdown.col.scenario'), dataIndex: 'scenario', align: 'right', render: money },
        {
          title: t('moneyBreakdown.col.change'),
          key: 'change',
          align: 'right',
          render: (_, r) => money(r.scenario - r.today),
        },
      ]}
    />
  )
}
