import { Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { CashFlowYear, FinanceResult } from '../../../../../engine/model/finance/cash-flow'
import { useWorkspace } from '../../workspace/WorkspaceContext'

const LOWEST_BG = '#fff1f0'

/** Year rows of a scenario's cash flow, yuan on every number, the lowest-balance year marked. */
export const CashFlowTable = memo(function CashFlowTable(props: { finance: FinanceResult }) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const f = props.finance
  const yuan = (v: number) => `${format.money(v)} ${t('units.yuan')}`
  const money = (key: keyof CashFlowYear, title: string): TableColumnsType<CashFlowYear>[number] => ({
    key,
    title,
    align: 'right',
    render: (_: unknown, r: CashFlowYear) => <span data-testid={`cf-${key}`}>{yuan(r[key] as number)}</span>,
  })
  const columns: TableColumnsType<CashFlowYear> = [
    {
      key: 'year',
      title: t('finance.cf.year'),
      width: 96,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span style={{ whiteSpace: 'nowrap' }}>{t('finance.yearN', { n: r.year })}</span>
          {r.year === f.lowestBalanceYear && <Tag color="red">{t('finance.lowestTag')}</Tag>}
        </Space>
      ),
    },
    money('investmentYuan', t('finance.cf.investment')),
    money('marginGainYuan', t('finance.cf.marginGain')),
    money('loanDrawYuan', t('finance.cf.loanDraw')),
    {
      key: 'debtServiceYuan',
      title: t('finance.cf.debtService'),
      align: 'right',
      render: (_: unknown, r: CashFlowYear) => (
        <Space orientation="vertical" size={0} align="end">
          <span data-testid="cf-debtServiceYuan">{yuan(r.debtServiceYuan)}</span>
          {r.interestYuan > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="cf-interestYuan">
              {t('finance.cf.interestOf', { amount: yuan(r.interestYuan) })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    money('netYuan', t('finance.cf.net')),
    money('balanceYuan', t('finance.cf.balance')),
  ]
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Typography.Text strong>{t('finance.cashFlow')}</Typography.Text>
      <Typography.Text type="secondary">{t('finance.cashFlowHelp')}</Typography.Text>
      <Typography.Text data-testid="cf-lowest">
        {t('finance.lowest', { year: f.lowestBalanceYear, amount: format.money(f.lowestBalanceYuan) })}
      </Typography.Text>
      <Table<CashFlowYear>
        size="small"
        rowKey="year"
        data-testid="cash-flow"
        columns={columns}
        dataSource={f.cashFlow}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(r) =>
          r.year === f.lowestBalanceYear
            ? ({ style: { background: LOWEST_BG }, 'data-lowest': 'true' } as object)
            : {}
        }
      />
    </Space>
  )
})
