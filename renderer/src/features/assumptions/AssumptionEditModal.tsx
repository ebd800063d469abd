import { Alert, App, Form, Input, Modal, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ListedAssumption } from '../../../../app/contract/contract'
import { assumptionIssues } from '../../../../engine/assumptions/bounds'
import type { Issue } from '../../../../engine/errors'
import { api } from '../../api'
import { assumptionDisplay, assumptionName, displayBounds } from '../../lib/assumption-format'
import { issueMessage } from '../../lib/errors'
import type { Quantity } from '../../lib/format'
import { QuantityInput } from '../../lib/QuantityInput'
import { textLimit } from '../../lib/text-limit'
import { sameValues, useUnsavedChanges } from '../../lib/unsaved-changes'
import { useBusy } from '../../lib/use-busy'
import { useWorkspace } from '../workspace/WorkspaceContext'

/** value, low and high in the assumption's canonical unit, as stored; the inputs show them converted. */
type Values = { value: number | null; low: number | null; high: number | null; note: string }

const PARTS = ['value', 'low', 'high'] as const

/**
 * Edit one assumption in the plan's units; the form holds it canonically, as the back end stores
 * it, with the reason (required: the diff and the board read it). The inputs stop at the
 * assumption's hard bounds (shown in the plan's units), and the form runs the engine's own check
 * before sending, so the message is the one the back end would give.
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
  const [saving, run] = useBusy()
  const a = props.assumption
  const d = assumptionDisplay(a.unit, format, t)
  // Inputs show up to six decimals, so no digit of a stored value is hidden by rounding.
  const quantity: Quantity = {
    toDisplay: d.toDisplay,
    fromDisplay: d.fromDisplay,
    inputDigits: 6,
    unitLabel: d.unit,
  }
  const noteLimit = textLimit(t, 500)
  const noteRequired = t('assumptions.noteRequired')
  const name = assumptionName(t, a.key)
  const bounds = displayBounds(d, a)
  const shown = (v: number) => `${format.number(v, Math.max(d.digits, 2))} ${d.unit}`.trim()

  /** An issue in the user's words, with the hard bounds in the plan's units. */
  const say = (issue: Issue) =>
    issue.rule === 'outside_hard_bounds'
      ? t('errors.rule.outside_hard_bounds', { min: shown(bounds.min), max: shown(bounds.max) })
      : issueMessage(t, issue)

  // The modal mounts fresh for each edit, so the initial values are this assumption's.
  const [initial] = useState<Values>(() => ({
    value: a.value,
    low: a.low,
    high: a.high,
    note: a.isOverridden ? a.note : '',
  }))
  const [dirty, setDirty] = useState(false)
  const confirmDiscard = useUnsavedChanges(dirty)
  // The reason as typed, for its length check.
  const [note, setNote] = useState(initial.note)
  const onValuesChange = (_: Partial<Values>, all: Values) => {
    setNote(all.note)
    setDirty(!sameValues(form.getFieldsValue(true), initial))
  }

  const save = () =>
    run(async () => {
      const v = form.getFieldsValue(true) as Values
      form.setFields([...PARTS, 'note' as const].map((part) => ({ name: part, errors: [] })))
      setProblem(null)
      if (v.value === null || v.low === null || v.high === null) {
        setProblem(t('errors.rule.required'))
        return
      }
      const change = { key: a.key, value: v.value, low: v.low, high: v.high }
      const issues = assumptionIssues(change)
      if (issues.length > 0) {
        form.setFields(
          PARTS.map((part) => ({ name: part, errors: issues.filter((i) => i.path[0] === part).map(say) })),
        )
        setProblem(say(issues[0]!))
        return
      }
      // The back end refuses a change without a reason; say so here, before anything is sent.
      const note = (v.note ?? '').trim()
      if (note === '') {
        form.setFields([{ name: 'note', errors: [noteRequired] }])
        setProblem(noteRequired)
        return
      }
      const tooLong = noteLimit.problem(v.note)
      if (tooLong) {
        form.setFields([{ name: 'note', errors: [tooLong] }])
        setProblem(tooLong)
        return
      }
      const result = await api.assumptionsSet({ ...change, note: v.note, revision: a.revision })
      if (!result.ok) {
        const issue = result.error.details.issues?.[0]
        setProblem(issue ? say(issue) : t(`errors.code.${result.error.code}`))
        return
      }
      setDirty(false)
      message.success(t('assumptions.saved', { name }))
      props.onSaved()
    })

  const numberInput = () => (
    <QuantityInput
      quantity={quantity}
      style={{ width: '100%' }}
      min={a.min}
      max={a.max}
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
      okButtonProps={{ disabled: saving }}
      onOk={() => void save()}
      onCancel={() => confirmDiscard(props.onClose)}
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
      <Form form={form} layout="vertical" initialValues={initial} onValuesChange={onValuesChange}>
        <Form.Item name="value" label={t('assumptions.value', { unit: d.unit })}>
          {numberInput()}
        </Form.Item>
        <Form.Item name="low" label={t('assumptions.low', { unit: d.unit })}>
          {numberInput()}
        </Form.Item>
        <Form.Item name="high" label={t('assumptions.high', { unit: d.unit })}>
          {numberInput()}
        </Form.Item>
        <Form.Item
          name="note"
          label={t('assumptions.note')}
          required
          extra={t('assumptions.noteHelp')}
          {...noteLimit.item(note)}
        >
          <Input.TextArea rows={2} count={noteLimit.count} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
