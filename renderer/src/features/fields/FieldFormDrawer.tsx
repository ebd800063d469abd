import { Alert, App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Issue } from '../../../../engine/errors'
import {
  CROPS,
  FIELD_LIMITS,
  type Field,
  type FieldInput,
  SALINE_CLASSES,
  WATER_REGIMES,
} from '../../../../engine/schemas/field'
import type { Variety } from '../../../../engine/schemas/variety'
import { type FieldGroup, REGIONS } from '../../../../engine/schemas/workspace'
import { api } from '../../api'
import { useDensityConfirm } from '../../lib/density-confirm'
import { issueMessage } from '../../lib/errors'
import { QuantityInput } from '../../lib/QuantityInput'
import { textLimit } from '../../lib/text-limit'
import { sameValues, useUnsavedChanges } from '../../lib/unsaved-changes'
import { useBusy } from '../../lib/use-busy'
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

/**
 * Add or edit one field. Checks with the back end's own schema, in the user's units and language.
 * The form holds canonical values, so the header's unit can change while it is open; closing it or
 * leaving the screen with unsaved edits asks first, and a density outside the variety's safe range
 * is confirmed before it is saved.
 */
export function FieldFormDrawer({ open, field, varieties, groups, onClose, onSaved, onReload }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { format, workspace } = useWorkspace()
  const [form] = Form.useForm<FieldFormValues>()
  const [saving, run] = useBusy()
  const confirmDensity = useDensityConfirm()
  // What the form was loaded with; anything else is an unsaved edit.
  const loaded = useRef<FieldFormValues>(EMPTY_FIELD_FORM)
  const [dirty, setDirty] = useState(false)
  const confirmDiscard = useUnsavedChanges(open && dirty)
  const requestClose = () => confirmDiscard(onClose)
  const nameLimit = textLimit(t, FIELD_LIMITS.nameMaxChars, { trim: true })
  const placeLimit = textLimit(t, FIELD_LIMITS.placeMaxChars, { trim: true })
  const noteLimit = textLimit(t, FIELD_LIMITS.noteMaxChars)
  const [problems, setProblems] = useState<string[]>([])
  const [stale, setStale] = useState(false)
  // A refusal is said at the top of the form: bring it into view, wherever the user had scrolled.
  const problemsRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (problems.length > 0) problemsRef.current?.scrollIntoView({ block: 'start' })
  }, [problems])
  const crop = Form.useWatch('crop', form)
  const hasHsf = Form.useWatch('hasHsf', form)
  const typed = {
    name: Form.useWatch('name', form),
    village: Form.useWatch('village', form),
    township: Form.useWatch('township', form),
    note: Form.useWatch('note', form),
  }

  // Loads the field when the drawer opens or a newer version is loaded — not when the units
  // change: the form holds canonical values and the inputs re-show them in the new unit.
  useEffect(() => {
    setDirty(false)
    if (!open) return
    loaded.current = field ? fieldToForm(field) : { ...EMPTY_FIELD_FORM, region: workspace.region }
    form.resetFields()
    form.setFieldsValue(loaded.current)
    setProblems([])
    setStale(false)
  }, [open, field, form, workspace.region])
  const onValuesChange = () => setDirty(!sameValues(form.getFieldsValue(true), loaded.current))

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

  /** A density the user set (or a variety or water regime they changed) is checked against the variety. */
  const densityConfirmed = (input: FieldInput) => {
    const density = input.densityPlantsPerHa
    if (density === null) return Promise.resolve(true)
    const unchanged =
      field !== null &&
      field.densityPlantsPerHa === density &&
      field.varietyId === input.varietyId &&
      field.waterRegime === input.waterRegime
    if (unchanged) return Promise.resolve(true)
    const variety = varieties.find((v) => v.id === input.varietyId) ?? null
    return confirmDensity(
      [{ densityPlantsPerHa: density, crop: input.crop, waterRegime: input.waterRegime, variety, count: 1 }],
      { catalogue: varieties, okText: t('densityCheck.ok') },
    )
  }

  const submit = () =>
    run(async () => {
      const values = form.getFieldsValue(true) as FieldFormValues
      const touched = form.getFieldsError().filter((f) => f.errors.length > 0)
      setErrors(touched.map((f) => ({ name: f.name, errors: [] })))
      setProblems([])
      const check = checkFieldForm(values)
      if (!check.ok) return showIssues(check.issues)
      if (!(await densityConfirmed(check.input))) return
      const result = field
        ? await api.fieldsUpdate({ id: field.id, field: check.input, revision: field.revision })
        : await api.fieldsCreate(check.input)
      if (result.ok) {
        setDirty(false)
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
    })

  const cropVarieties = varieties.filter((v) => v.crop === (crop ?? 'maize'))

  return (
    <Drawer
      open={open}
      size={600}
      title={field ? t('form.editTitle', { name: field.name }) : t('form.addTitle')}
      onClose={requestClose}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={requestClose}>{t('form.cancel')}</Button>
          <Button
            type="primary"
            loading={saving}
            disabled={saving}
            onClick={() => void submit()}
            data-testid="field-save"
          >
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
      <Form
        form={form}
        layout="vertical"
        initialValues={EMPTY_FIELD_FORM}
        onFinish={() => void submit()}
        onValuesChange={onValuesChange}
      >
        <Form.Item name="name" label={t('form.name')} {...nameLimit.item(typed.name)}>
          <Input count={nameLimit.count} autoFocus />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="village" label={t('form.village')} {...placeLimit.item(typed.village)}>
              <Input count={placeLimit.count} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="township" label={t('form.township')} {...placeLimit.item(typed.township)}>
              <Input count={placeLimit.count} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="areaHa" label={t('form.area', { unit: format.areaUnitLabel })}>
              <QuantityInput quantity="area" style={{ width: '100%' }} />
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
                    densityPlantsPerHa: value === 'rice' ? null : form.getFieldValue('densityPlantsPerHa'),
                  })
                  onValuesChange()
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
              name="densityPlantsPerHa"
              label={t('form.density', { unit: format.densityUnitLabel })}
              extra={t('form.densityHelp')}
            >
              <QuantityInput quantity="density" style={{ width: '100%' }} disabled={crop === 'rice'} />
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
                  onValuesChange()
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
        <Form.Item name="region" label={t('form.region')} extra={t('form.regionHelp')}>
          <Select options={REGIONS.map((r) => ({ value: r, label: t(`fieldRegion.${r}`) }))} />
        </Form.Item>
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
                    <Form.Item name={[item.name, 'yieldKgPerHa']}>
                      <QuantityInput
                        quantity="yield"
                        aria-label={`${t('form.historyYield', { unit: format.yieldUnitLabel })} ${index + 1}`}
                        placeholder={t('form.historyYield', { unit: format.yieldUnitLabel })}
                        style={{ width: 200 }}
                      />
                    </Form.Item>
                    <Button
                      onClick={() => {
                        remove(item.name)
                        onValuesChange()
                      }}
                    >
                      {t('form.removeYear')}
                    </Button>
                  </Space>
                ))}
                <Button
                  type="dashed"
                  onClick={() => {
                    add({ year: null, yieldKgPerHa: null })
                    onValuesChange()
                  }}
                >
                  {t('form.addYear')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="note" label={t('form.note')} {...noteLimit.item(typed.note)}>
          <Input.TextArea count={noteLimit.count} rows={2} />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
