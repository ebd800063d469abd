import { Alert, App, Form, Input, InputNumber, Modal, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ListedAssumption } from '../../../../app/contract/contract'
import { assumptionIssues } from '../../../../engine/assumptions/bounds'
import type { Issue } from '../../../../engine/errors'
import { api } from '../../api'
import {
  assumptionDisplay,
  assumptionName,
  canonicalValue,
  displayBounds,
  displayNumber,
} from '../../lib/assumption-format'
import { issueMessage } from '../../lib/errors'
import { useWorkspace } from '../workspace/WorkspaceContext'

type Values = { value: number | null; low: number | null; high: number | null; note: string }

const PARTS = ['value', 'low', 'high'] as const

/**
 * Edit one assumption in the plan's units; the back end stores it canonically with the reason.
 * The inputs stop at the assumption's hard bounds (shown in the plan's units), and the form runs
 * the engine's own check before sending, so the message is the one the back end would give.
 */
export function AssumptionEditModal(props: {
  assumption: ListedAssumption
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { format } = useWorkspace()
  const [form] = Form.useForm<Values>()
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const a = props.assumption
  const d = assumptionDisplay(a.unit, format, t)
  const name = assumptionName(t, a.key)
  const bounds = displayBounds(d, a)
  const shown = (v: number) => `${format.number(v, Math.max(d.digits, 2))} ${d.unit}`.trim()

  /** An issue in the user's words, with the hard bounds in the plan's units. */
  const say = (issue: Issue) =>
    issue.rule === 'outside_hard_bounds'
      ? t('errors.rule.outside_hard_bounds', { min: shown(bounds.min), max: shown(bounds.max) })
      : issueMessage(t, issue)

  // The modal mounts fresh for each edit, so the initial values are this assumption's.
  const initial: Values = {
    value: displayNumber(d, a.value),
    low: displayNumber(d, a.low),
    high: displayNumber(d, a.high),
    note: a.isOverridden ? a.note : '',
  }

  const save = async () => {
    const v = form.getFieldsValue(true) as Values
    form.setFields(PARTS.map((part) => ({ name: part, errors: [] })))
    if (v.value === null || v.low === null || v.high === null) {
      setProblem(t('errors.rule.required'))
      return
    }
    const change = {
      key: a.key,
      value: canonicalValue(d, v.value, a),
      low: canonicalValue(d, v.low, a),
      high: canonicalValue(d, v.high, a),
    }
    const issues = assumptionIssues(change)
    if (issues.length > 0) {
      form.setFields(
        PARTS.map((part) => ({ name: part, errors: issues.filter((i) => i.path[0] === part).map(say) })),
      )
      setProblem(say(issues[0]!))
      return
    }
    setSaving(true)
    const result = await api.assumptionsSet({ ...change, note: v.note ?? '', revision: a.revision })
    setSaving(false)
    if (!result.ok) {
      const issue = result.error.details.issues?.[0]
      setProblem(issue ? say(issue) : t(`errors.code.${result.error.code}`))
      return
    }
    message.success(t('assumptions.saved', { name }))
    props.onSaved()
  }

  const numberInput = () => (
    <InputNumber
      style={{ width: '100%' }}
      min={bounds.min}
      max={bounds.max}
      precision={a.integer ? 0 : undefined}
    />
  )

  return (
    <Modal
      open
      title={t('assumptions.editTitle', { name })}
      okText={t('assumptions.save')}
      cancelText={t('assumptions.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={props.onClose}
    >
      <Typography.Paragraph type="secondary">
        {t('assumptions.defaultWas', {
          value: `${format.number(d.toDisplay(a.defaultValue), d.digits)} ${d.unit}`,
          low: format.number(d.toDisplay(a.defaultLow), d.digits),
          high: format.number(d.toDisplay(a.defaultHigh), d.digits),
        })}{' '}
        {t('assumptions.hardBounds', { min: shown(bounds.min), max: shown(bounds.max) })}
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="value" label={t('assumptions.value', { unit: d.unit })}>
          {numberInput()}
        </Form.Item>
        <Form.Item name="low" label={t('assumptions.low', { unit: d.unit })}>
          {numberInput()}
        </Form.Item>
        <Form.Item name="high" label={t('assumptions.high', { unit: d.unit })}>
          {numberInput()}
        </Form.Item>
        <Form.Item name="note" label={t('assumptions.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
