import { Alert, App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Issue } from '../../../../engine/errors'
import { CROPS, type Field, SALINE_CLASSES, WATER_REGIMES } from '../../../../engine/schemas/field'
import type { Variety } from '../../../../engine/schemas/variety'
import type { FieldGroup } from '../../../../engine/schemas/workspace'
import { api } from '../../api'
import { issueMessage } from '../../lib/errors'
import { useWorkspace } from '../workspace/WorkspaceContext'
import {
  checkFieldForm,
  EMPTY_FIELD_FORM,
  type FieldFormValues,
  fieldToForm,
  formPath,
  limitConverter,
} from './field-form-model'

type Props = {
  open: boolean
  field: Field | null
  varieties: Variety[]
  groups: FieldGroup[]
  onClose: () => void
  onSaved: (field: Field) => void
  /** Loads the field as it is now (after someone else saved it) and puts it in the form. */
  onReload: () => Promise<void>
}

const FORM_KEYS = new Set(Object.keys(EMPTY_FIELD_FORM))

/** Add or edit one field. Checks with the back end's own schema, in the user's units and language. */
export function FieldFormDrawer({ open, field, varieties, groups, onClose, onSaved, onReload }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { format } = useWorkspace()
  const [form] = Form.useForm<FieldFormValues>()
  const [saving, setSaving] = useState(false)
  const [problems, setProblems] = useState<string[]>([])
  const [stale, setStale] = useState(false)
  // A refusal is said at the top of the form: bring it into view, wherever the user had scrolled.
  const problemsRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (problems.length > 0) problemsRef.current?.scrollIntoView({ block: 'start' })
  }, [problems])
  const crop = Form.useWatch('crop', form)
  const hasHsf = Form.useWatch('hasHsf', form)

  useEffect(() => {
    if (!open) return
    form.resetFields()
    form.setFieldsValue(field ? fieldToForm(field, format) : EMPTY_FIELD_FORM)
    setProblems([])
    setStale(false)
  }, [open, field, form, format])

  // antd types field names as literal tuples; our paths come from validation issues at run time.
  const setErrors = (entries: { name: (string | number)[]; errors: string[] }[]) =>
    form.setFields(entries as unknown as Parameters<typeof form.setFields>[0])

  const showIssues = (issues: Issue[]) => {
    const byName = new Map<string, { name: (string | number)[]; errors: string[] }>()
    const unplaced: string[] = []
    for (const issue of issues) {
      const text = issueMessage(t, issue, limitConverter(issue.path, format))
      const name = formPath(issue.path)
      if (name.length === 0 || !FORM_KEYS.has(String(name[0]))) {
        unplaced.push(text)
        continue
      }
      const key = JSON.stringify(name)
      const entry = byName.get(key) ?? { name, errors: [] }
      entry.errors.push(text)
      byName.set(key, entry)
    }
    setErrors([...byName.values()])
    setProblems([t('form.fixErrors', { count: issues.length }), ...unplaced])
  }

  const submit = async () => {
    const values = form.getFieldsValue(true) as FieldFormValues
    const touched = form.getFieldsError().filter((f) => f.errors.length > 0)
    setErrors(touched.map((f) => ({ name: f.name, errors: [] })))
    setProblems([])
    const check = checkFieldForm(values, format.units)
    if (!check.ok) return showIssues(check.issues)
    setSaving(true)
    const result = field
      ? await api.fieldsUpdate({ id: field.id, field: check.input, revision: field.revision })
      : await api.fieldsCreate(check.input)
    setSaving(false)
    if (result.ok) {
      message.success(t('fields.saved', { name: result.value.name }))
      onSaved(result.value)
      return
    }
    // Saved elsewhere since this form opened: nothing of this edit was written, and the form
    // keeps what the user typed until they choose to load the newer version.
    if (result.error.code === 'STALE') setStale(true)
    const issues = result.error.details.issues
    if (issues && issues.length > 0) return showIssues(issues)
    setProblems([t(`errors.code.${result.error.code}`)])
  }

  const cropVarieties = varieties.filter((v) => v.crop === (crop ?? 'maize'))

  return (
    <Drawer
      open={open}
      size={600}
      title={field ? t('form.editTitle', { name: field.name }) : t('form.addTitle')}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="field-save">
            {t('form.save')}
          </Button>
        </Space>
      }
    >
      <div ref={problemsRef} />
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problems[0]}
          description={problems.slice(1).join(' ')}
          style={{ marginBottom: 16 }}
          action={
            stale ? (
              <Button size="small" data-testid="field-reload" onClick={() => void onReload()}>
                {t('form.reloadLatest')}
              </Button>
            ) : undefined
          }
        />
      )}
      <Form form={form} layout="vertical" initialValues={EMPTY_FIELD_FORM} onFinish={() => void submit()}>
        <Form.Item name="name" label={t('form.name')}>
          <Input maxLength={60} autoFocus />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="village" label={t('form.village')}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="township" label={t('form.township')}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="area" label={t('form.area', { unit: format.areaUnitLabel })}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="crop" label={t('form.crop')}>
              <Select
                options={CROPS.map((c) => ({ value: c, label: t(`crop.${c}`) }))}
                onChange={(value) => {
                  form.setFieldsValue({
                    varietyId: null,
                    waterRegime: value === 'rice' ? 'paddy' : 'rainfed',
                    density: value === 'rice' ? null : form.getFieldValue('density'),
                  })
                }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="varietyId" label={t('form.variety')}>
              <Select
                allowClear
                placeholder={t('fields.noVariety')}
                options={cropVarieties.map((v) => ({ value: v.id, label: v.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="density"
              label={t('form.density', { unit: format.densityUnitLabel })}
              extra={t('form.densityHelp')}
            >
              <InputNumber style={{ width: '100%' }} disabled={crop === 'rice'} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="waterRegime" label={t('form.water')}>
              <Select options={WATER_REGIMES.map((w) => ({ value: w, label: t(`water.${w}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="salineClass" label={t('form.saline')}>
              <Select options={SALINE_CLASSES.map((s) => ({ value: s, label: t(`saline.${s}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="hasHsf" label={t('form.hasHsf')} valuePropName="checked">
              <Switch
                onChange={(checked) => {
                  if (!checked) form.setFieldsValue({ hsfYearBuilt: null })
                }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="hsfYearBuilt" label={t('form.hsfYearBuilt')}>
              <InputNumber style={{ width: '100%' }} disabled={!hasHsf} precision={0} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="heatSumCd" label={t('form.heatSum')} extra={t('form.heatSumHelp')}>
              <InputNumber style={{ width: '100%' }} precision={0} step={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="qualityGrade" label={t('form.grade')}>
              <InputNumber style={{ width: '100%' }} precision={0} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="groupId" label={t('form.group')}>
          <Select
            allowClear
            placeholder={t('form.noGroup')}
            options={groups.map((g) => ({ value: g.id, label: g.name }))}
          />
        </Form.Item>
        <Form.Item label={t('form.history')}>
          <Form.List name="history">
            {(items, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {items.map((item, index) => (
                  <Space key={item.key} align="start">
                    <Form.Item name={[item.name, 'year']} aria-label={t('form.historyYear')} noStyle={false}>
                      <InputNumber
                        aria-label={`${t('form.historyYear')} ${index + 1}`}
                        placeholder={t('form.historyYear')}
                        precision={0}
                      />
                    </Form.Item>
                    <Form.Item name={[item.name, 'yield']}>
                      <InputNumber
                        aria-label={`${t('form.historyYield', { unit: format.yieldUnitLabel })} ${index + 1}`}
                        placeholder={t('form.historyYield', { unit: format.yieldUnitLabel })}
                        style={{ width: 200 }}
                      />
                    </Form.Item>
                    <Button onClick={() => remove(item.name)}>{t('form.removeYear')}</Button>
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ year: null, yield: null })}>
                  {t('form.addYear')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="note" label={t('form.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
