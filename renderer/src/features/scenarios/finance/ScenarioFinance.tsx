import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Row,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { effectiveAssumptions, valuesOf } from '../../../../../engine/assumptions/resolve'
import { suggestedLoan } from '../../../../../engine/model/finance/suggested-loan'
import type { ScenarioResult } from '../../../../../engine/model/types'
import type { LoanRecord } from '../../../../../engine/schemas/loan'
import type { Plan, Scenario } from '../../../../../engine/schemas/plan'
import { api } from '../../../api'
import { useBusy } from '../../../lib/use-busy'
import { useWorkspace } from '../../workspace/WorkspaceContext'
import { CashFlowTable } from './CashFlowTable'
import { LoanFormModal } from './LoanFormModal'

type Dialog = { loan: LoanRecord | null } | null

/** A scenario's loans (add, edit, remove) and its year-by-year cash flow with NPV and IRR. */
export function ScenarioFinance(props: {
  plan: Plan
  scenario: Scenario
  result: ScenarioResult
  /** a loan was saved or removed: the plan is read and evaluated again */
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const { format } = useWorkspace()
  const [loans, setLoans] = useState<LoanRecord[]>([])
  const [dialog, setDialog] = useState<Dialog>(null)
  const [removing, runRemove] = useBusy()
  const s = props.scenario
  const f = props.result.finance
  const yuan = (v: number) => `${format.money(v)} ${t('units.yuan')}`
  const pct = (r: number | null) => (r === null ? t('finance.irrNone') : `${format.number(r * 100, 1)} %`)
  // a rate or share as typed: 4.35 %, not 4.4 %
  const rate = (r: number) => `${format.number(r * 100, 3)} %`

  const load = useCallback(async () => {
    if (s.isBaseline) return setLoans([])
    const r = await api.loansList({ scenarioId: s.id })
    if (r.ok) setLoans(r.value)
  }, [s.id, s.isBaseline])
  // the plan's loans change whenever a save lands (here or in another window)
  const planLoans = props.plan.loans
  useEffect(() => {
    void planLoans
    void load()
  }, [load, planLoans])

  const suggested = useMemo(() => {
    const values = valuesOf(effectiveAssumptions(props.plan.assumptions))
    return suggestedLoan(values, props.result.totals.funding.coopYuan)
  }, [props.plan.assumptions, props.result.totals.funding.coopYuan])

  const saved = () => {
    setDialog(null)
    props.onChanged()
  }
  const remove = (l: LoanRecord) =>
    modal.confirm({
      title: t('finance.removeTitle'),
      content: t('finance.removeBody', { amount: format.money(l.amountYuan), scenario: s.name }),
      okText: t('finance.removeOk'),
      cancelText: t('finance.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'loan-remove-ok' },
      onOk: () =>
        runRemove(async () => {
          const r = await api.loansDelete({ id: l.id, revision: l.revision })
          if (r.ok) message.success(t('finance.removed'))
          else message.error(t(`errors.code.${r.error.code}`))
          // removed, or changed elsewhere (STALE): either way show what is stored now
          props.onChanged()
        }),
    })

  const columns: TableColumnsType<LoanRecord> = [
    {
      key: 'name',
      title: t('finance.col.name'),
      render: (_, l, i) => l.name || t('finance.unnamed', { n: i + 1 }),
    },
    { key: 'amount', title: t('finance.col.amount'), align: 'right', render: (_, l) => yuan(l.amountYuan) },
    { key: 'rate', title: t('finance.col.rate'), align: 'right', render: (_, l) => rate(l.annualRate) },
    { key: 'term', title: t('finance.col.term'), render: (_, l) => t('finance.years', { n: l.termYears }) },
    {
      key: 'repayment',
      title: t('finance.col.repayment'),
      render: (_, l) => t(`finance.repayment.${l.repayment}`),
    },
    {
      key: 'subsidy',
      title: t('finance.col.subsidy'),
      align: 'right',
      render: (_, l) => rate(l.interestSubsidyShare),
    },
    {
      key: 'actions',
      title: t('finance.col.actions'),
      render: (_, l) => (
        <Space size={4}>
          <Button
            size="small"
            onClick={() => setDialog({ loan: l })}
            disabled={removing}
            data-testid="loan-edit"
          >
            {t('finance.edit')}
          </Button>
          <Button size="small" danger onClick={() => remove(l)} disabled={removing} data-testid="loan-remove">
            {t('finance.remove')}
          </Button>
        </Space>
      ),
    },
  ]

  const kpis: [string, string][] = [
    ['npv', yuan(f.npvYuan)],
    ['npvFinanced', yuan(f.npvFinancedYuan)],
    ['irr', pct(f.irr)],
    ['irrFinanced', pct(f.irrFinanced)],
  ]
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="scenario-finance">
      <Row gutter={[12, 12]}>
        {kpis.map(([key, value]) => (
          <Col key={key} span={6}>
            <Card size="small" data-testid={`fin-${key}`}>
              <Statistic title={t(`finance.${key}`)} value={value} styles={{ content: { fontSize: 16 } }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        size="small"
        title={t('finance.loans')}
        extra={
          s.isBaseline ? null : (
            <Button type="primary" onClick={() => setDialog({ loan: null })} data-testid="loan-add">
              {t('finance.add')}
            </Button>
          )
        }
      >
        {s.isBaseline ? (
          <Typography.Text type="secondary">{t('finance.baselineNoLoans')}</Typography.Text>
        ) : loans.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('finance.noLoans')} />
        ) : (
          <Space orientation="vertical" size="small" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('finance.loansHelp')}</Typography.Text>
            <Table<LoanRecord>
              size="small"
              rowKey="id"
              data-testid="loans"
              columns={columns}
              dataSource={loans}
              pagination={false}
              scroll={{ x: 'max-content' }}
            />
            <Typography.Text data-testid="loan-summary">
              {t('finance.summary', {
                loan: format.money(f.financing.loanYuan),
                payment: format.money(f.financing.annualPaymentYuan),
                interest: format.money(f.financing.totalInterestYuan),
                subsidy: format.money(f.financing.interestSubsidyYuan),
              })}
            </Typography.Text>
          </Space>
        )}
      </Card>
      <Card size="small">
        <CashFlowTable finance={f} />
      </Card>
      {dialog && (
        <LoanFormModal
          scenarioId={s.id}
          scenarioName={s.name}
          loan={dialog.loan}
          suggested={suggested}
          onClose={() => setDialog(null)}
          onSaved={saved}
        />
      )}
    </Space>
  )
}
