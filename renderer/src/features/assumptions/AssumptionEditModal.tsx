import { Alert, App, Form, Input, InputNumber, Modal, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EffectiveAssumption } from '../../../../engine/assumptions/resolve'
import { api } from '../../api'
import { assumptionDisplay, assumptionName } from '../../lib/assumption-format'
import { issueMessage } from '../../lib/errors'
import { useWorkspace } from '../workspace/WorkspaceContext'

type Values = { value: number | null; low: number | null; high: number | null; note: string }

/** Edit one assumption in the plan's units; the back end stores it canonically with the reason. */
export function AssumptionEditModal(props: {
  assumption: EffectiveAssumption
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
  const round = (v: number) => Math.round(d.toDisplay(v) * 1e6) / 1e6

  // The modal mounts fresh for each edit, so the initial values are this assumption's.
  const initial: Values = {
    value: round(a.value),
    low: round(a.low),
    high: round(a.high),
    note: a.isOverridden ? a.note : '',
  }

  const save = async () => {
    const v = form.getFieldsValue(true) as Values
    if (v.value === null || v.low === null || v.high === null) {
      setProblem(t('errors.rule.required'))
      return
    }
    if (!(v.low <= v.value && v.value <= v.high)) {
      setProblem(t('errors.rule.value_outside_range'))
      return
    }
    setSaving(true)
    const result = await api.assumptionsSet({
      key: a.key,
      value: d.fromDisplay(v.value),
      low: d.fromDisplay(v.low),
      high: d.fromDisplay(v.high),
      note: v.note ?? '',
    })
    setSaving(false)
    if (!result.ok) {
      const issue = result.error.details.issues?.[0]
      setProblem(issue ? issueMessage(t, issue) : t(`errors.code.${result.error.code}`))
      return
    }
    message.success(t('assumptions.saved', { name }))
    props.onSaved()
  }

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
        })}
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="value" label={t('assumptions.value', { unit: d.unit })}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="low" label={t('assumptions.low', { unit: d.unit })}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="high" label={t('assumptions.high', { unit: d.unit })}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('assumptions.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
