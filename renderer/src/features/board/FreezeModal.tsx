import { Alert, App, Form, Input, Modal, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { VERSION_LIMITS, type VersionSummary } from '../../../../engine/board/version'
import { api } from '../../api'
import { textLimit } from '../../lib/text-limit'
import { sameValues, useUnsavedChanges } from '../../lib/unsaved-changes'
import { useBusy } from '../../lib/use-busy'
import { rememberedName, rememberName } from './person-name'
import { refusal } from './refusal'

type Values = { title: string; note: string; author: string }

/**
 * Freezes the plan as it stands now as the next numbered version. Freezing evaluates every scenario
 * and runs the risk simulation, which takes seconds on a large co-op: the dialog says so and stays
 * open, busy, until the version exists.
 */
export function FreezeModal(props: {
  open: boolean
  nextNumber: number
  onClose: () => void
  onFrozen: (v: VersionSummary) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [busy, run] = useBusy()
  const [problem, setProblem] = useState<string | null>(null)
  const [initial, setInitial] = useState<Values>({ title: '', note: '', author: '' })
  const [dirty, setDirty] = useState(false)
  const confirmDiscard = useUnsavedChanges(props.open && dirty)
  const L = VERSION_LIMITS
  const limits = {
    title: textLimit(t, L.titleMaxChars, { trim: true }),
    note: textLimit(t, L.noteMaxChars, { trim: true }),
    author: textLimit(t, L.authorMaxChars, { trim: true }),
  }
  const values = Form.useWatch([], form) as Values | undefined

  useEffect(() => {
    if (!props.open) return
    const start = { title: '', note: '', author: rememberedName() }
    setInitial(start)
    form.setFieldsValue(start)
    setDirty(false)
    setProblem(null)
  }, [props.open, form])

  const freeze = (v: Values) =>
    run(async () => {
      setProblem(null)
      const tooLong =
        limits.title.problem(v.title) ?? limits.note.problem(v.note) ?? limits.author.problem(v.author)
      if (tooLong) return setProblem(tooLong)
      const result = await api.versionsFreeze({
        title: v.title.trim(),
        note: v.note.trim(),
        author: v.author.trim(),
      })
      if (!result.ok) return setProblem(refusal(t, result.error))
      rememberName(v.author)
      setDirty(false)
      message.success(t('board.freeze.done', { n: result.value.number }))
      props.onFrozen(result.value)
    })

  const required = { required: true, whitespace: true, message: t('errors.rule.required') }
  return (
    <Modal
      open={props.open}
      width={600}
      title={t('board.freeze.title', { n: props.nextNumber })}
      okText={busy ? t('board.freeze.working') : t('board.freeze.ok')}
      cancelText={t('board.cancel')}
      onOk={() => form.submit()}
      onCancel={() => {
        if (!busy) confirmDiscard(props.onClose)
      }}
      confirmLoading={busy}
      closable={!busy}
      mask={{ closable: false }}
      keyboard={!busy}
      okButtonProps={{ 'data-testid': 'freeze-ok' }}
      cancelButtonProps={{ disabled: busy }}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('board.freeze.help')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={busy}
        onFinish={(v) => void freeze(v)}
        onValuesChange={() => setDirty(!sameValues(form.getFieldsValue(true), initial))}
      >
        <Form.Item
          name="title"
          label={t('board.freeze.titleLabel')}
          rules={[required]}
          {...limits.title.item(values?.title)}
        >
          <Input placeholder={t('board.freeze.titlePlaceholder')} count={limits.title.count} />
        </Form.Item>
        <Form.Item name="note" label={t('board.freeze.note')} {...limits.note.item(values?.note)}>
          <Input.TextArea
            rows={3}
            placeholder={t('board.freeze.notePlaceholder')}
            count={limits.note.count}
          />
        </Form.Item>
        <Form.Item
          name="author"
          label={t('board.freeze.author')}
          rules={[required]}
          extra={t('board.nameHelp')}
          {...limits.author.item(values?.author)}
        >
          <Input style={{ maxWidth: 280 }} count={limits.author.count} />
        </Form.Item>
      </Form>
      {busy && <Alert type="info" showIcon title={t('board.freeze.busy')} style={{ marginBottom: 12 }} />}
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
    </Modal>
  )
}
