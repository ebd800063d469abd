import { Alert, App, Button, Form, Input, Modal, Select } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Issue } from '../../../../../engine/errors'
import {
  LOAN_LIMITS,
  type LoanInput,
  LoanInputSchema,
  type LoanRecord,
  REPAYMENTS,
} from '../../../../../engine/schemas/loan'
import { toIssues } from '../../../../../engine/validation'
import { api } from '../../../api'
import { issueMessage } from '../../../lib/errors'
import { QuantityInput } from '../../../lib/QuantityInput'
import { sameValues, useUnsavedChanges } from '../../../lib/unsaved-changes'
import { useBusy } from '../../../lib/use-busy'
import { loanQuantities } from './quantities'

type FormValues = { [K in keyof LoanInput]: LoanInput[K] | null }

const NUMBER_FIELDS = ['amountYuan', 'annualRate', 'termYears', 'interestSubsidyShare'] as const

/**
 * Add or edit one loan of a scenario. Amounts in yuan, rates in percent (stored as ratios), the
 * term in whole years. A save from a form loaded before another window saved the loan is refused
 * (STALE) and the form keeps what was typed until the user loads the newer version.
 */
export function LoanFormModal(props: {
  scenarioId: number
  scenarioName: string
  loan: LoanRecord | null
  /** what a new loan starts from (the assumptions' defaults) */
  suggested: FormValues
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const q = loanQuantities(t)
  const [form] = Form.useForm<FormValues>()
  const [saving, run] = useBusy()
  const [problems, setProblems] = useState<string[]>([])
  const [stale, setStale] = useState(false)
  const l = props.loan
  const initial = useRef<FormValues>(
    l
      ? {
          name: l.name,
          amountYuan: l.amountYuan,
          annualRate: l.annualRate,
          termYears: l.termYears,
          repayment: l.repayment,
          interestSubsidyShare: l.interestSubsidyShare,
        }
      : props.suggested,
  ).current
  const [dirty, setDirty] = useState(false)
  const onValuesChange = () => setDirty(!sameValues(form.getFieldsValue(true), initial))
  const confirmDiscard = useUnsavedChanges(dirty)
  const requestClose = () => confirmDiscard(props.onClose)
  const show = (issues: Issue[]) =>
    setProblems(
      issues.map((i) => {
        const head = String(i.path.at(-1) ?? '')
        const label = head in initial ? t(`finance.field.${head}`) : ''
        return label ? `${label}：${issueMessage(t, i)}` : issueMessage(t, i)
      }),
    )

  const save = () =>
    run(async () => {
      setProblems([])
      const f = form.getFieldsValue(true) as FormValues
      const raw: Record<string, unknown> = { ...f, name: f.name ?? '' }
      for (const k of NUMBER_FIELDS) if (raw[k] === null) raw[k] = undefined
      const parsed = LoanInputSchema.safeParse(raw)
      if (!parsed.success) return show(toIssues(parsed.error, raw))
      const result = l
        ? await api.loansUpdate({ id: l.id, loan: parsed.data, revision: l.revision })
        : await api.loansCreate({ scenarioId: props.scenarioId, loan: parsed.data })
      if (!result.ok) {
        if (result.error.code === 'STALE') setStale(true)
        const issues = result.error.details.issues
        if (issues && issues.length > 0) return show(issues)
        return setProblems([t(`errors.code.${result.error.code}`)])
      }
      setDirty(false)
      message.success(t('finance.saved'))
      props.onSaved()
    })

  return (
    <Modal
      open
      width={560}
      title={t(l ? 'finance.editTitle' : 'finance.addTitle', { scenario: props.scenarioName })}
      okText={t('finance.save')}
      cancelText={t('finance.cancel')}
      onOk={() => void save()}
      onCancel={requestClose}
      confirmLoading={saving}
      okButtonProps={{ disabled: saving, 'data-testid': 'loan-save' }}
      cancelButtonProps={{ disabled: saving }}
    >
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problems[0]}
          description={problems.slice(1).join('；')}
          style={{ marginBottom: 12 }}
          action={
            stale ? (
              <Button size="small" data-testid="loan-reload" onClick={props.onSaved}>
                {t('finance.reloadLatest')}
              </Button>
            ) : undefined
          }
        />
      )}
      <Form form={form} layout="vertical" initialValues={initial} onValuesChange={onValuesChange}>
        <Form.Item name="name" label={t('finance.field.name')}>
          <Input maxLength={LOAN_LIMITS.nameMaxChars} data-testid="loan-name" />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('finance.field.amountYuan')}>
          <QuantityInput
            quantity={q.yuan}
            suffix={q.yuan.unitLabel}
            min={0}
            style={{ width: 240 }}
            data-testid="loan-amount"
          />
        </Form.Item>
        <Form.Item name="annualRate" label={t('finance.field.annualRate')}>
          <QuantityInput
            quantity={q.percent}
            suffix="%"
            min={0}
            max={LOAN_LIMITS.rateMax}
            style={{ width: 180 }}
            data-testid="loan-rate"
          />
        </Form.Item>
        <Form.Item name="termYears" label={t('finance.field.termYears')}>
          <QuantityInput
            quantity={q.years}
            suffix={q.years.unitLabel}
            min={1}
            max={LOAN_LIMITS.termMaxYears}
            style={{ width: 180 }}
            data-testid="loan-term"
          />
        </Form.Item>
        <Form.Item name="repayment" label={t('finance.field.repayment')}>
          <Select
            style={{ width: 240 }}
            data-testid="loan-repayment"
            options={REPAYMENTS.map((r) => ({ value: r, label: t(`finance.repayment.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="interestSubsidyShare" label={t('finance.field.interestSubsidyShare')}>
          <QuantityInput
            quantity={q.percent}
            suffix="%"
            min={0}
            max={1}
            style={{ width: 180 }}
            data-testid="loan-subsidy"
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
