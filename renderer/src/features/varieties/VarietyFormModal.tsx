import {
  Alert,
  App,
  Button,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Issue } from '../../../../engine/errors'
import { decodeRefs } from '../../../../engine/references'
import { CROPS, WATER_REGIMES } from '../../../../engine/schemas/field'
import {
  LEVELS,
  type Variety,
  type VarietyInput,
  VarietyInputSchema,
} from '../../../../engine/schemas/variety'
import { toIssues } from '../../../../engine/validation'
import { api } from '../../api'
import { Citations } from '../../lib/citations'
import { issueMessage } from '../../lib/errors'
import { QuantityInput } from '../../lib/QuantityInput'
import { textLimit } from '../../lib/text-limit'
import { sameValues, useUnsavedChanges } from '../../lib/unsaved-changes'
import { useBusy } from '../../lib/use-busy'
import { useWorkspace } from '../workspace/WorkspaceContext'

/** The form holds densities in plants/ha, as stored; the inputs show them in the plan's unit. */
type FormValues = Omit<VarietyInput, 'yieldPotentialRel' | 'densities'> & {
  potentialPct: number | null
  densities: {
    waterRegime: VarietyInput['densities'][number]['waterRegime']
    min: number | null
    opt: number | null
    max: number | null
  }[]
}

const DENSITY_PARTS = ['min', 'opt', 'max'] as const

const EMPTY: FormValues = {
  crop: 'maize',
  name: '',
  maturityDays: null,
  heatSumNeededCd: null,
  potentialPct: 100,
  checkVariety: null,
  densityTolerance: null,
  lodgingRisk: null,
  saltTolerance: null,
  oilPct: null,
  proteinPct: null,
  seedPriceYuanPerKg: null,
  source: '',
  isExample: false,
  densities: [],
}

/**
 * Add or edit a variety. Densities are typed in the plan's units and held per ha exactly as stored,
 * so a range saved as 70,000–90,000 株/公顷 is never rounded through per-mu digits; the seed price
 * is per kg of seed (the model's seed cost is per 1,000 seeds, in the assumptions, and the two are
 * not converted into each other without a 1,000-seed weight).
 */
export function VarietyFormModal(props: {
  variety: Variety | null
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { format } = useWorkspace()
  const [form] = Form.useForm<FormValues>()
  const [problems, setProblems] = useState<string[]>([])
  const [saving, run] = useBusy()
  const v = props.variety
  const initial = useRef<FormValues>(
    v
      ? {
          ...v,
          potentialPct: Math.round(v.yieldPotentialRel * 100000) / 1000,
          densities: v.densities.map((d) => ({
            waterRegime: d.waterRegime,
            min: d.minPlantsPerHa,
            opt: d.optimumPlantsPerHa,
            max: d.maxPlantsPerHa,
          })),
        }
      : EMPTY,
  ).current
  const [dirty, setDirty] = useState(false)
  const onValuesChange = () => setDirty(!sameValues(form.getFieldsValue(true), initial))
  const confirmDiscard = useUnsavedChanges(dirty)
  const requestClose = () => confirmDiscard(props.onClose)
  const nameLimit = textLimit(t, 60, { trim: true })
  const checkLimit = textLimit(t, 60)
  const sourceLimit = textLimit(t, 500)
  const typed = {
    name: Form.useWatch('name', form),
    checkVariety: Form.useWatch('checkVariety', form),
    source: Form.useWatch('source', form),
  }
  // A catalogue variety cites records of the references catalogue: show them as citations.
  const citedIds = decodeRefs(typeof typed.source === 'string' ? typed.source : '')
  const levels = [
    { value: '', label: t('varieties.level.unknown') },
    ...LEVELS.map((l) => ({ value: l, label: t(`varieties.level.${l}`) })),
  ]

  const LABELS: Record<string, string> = {
    name: 'name',
    crop: 'crop',
    maturityDays: 'maturityDays',
    heatSumNeededCd: 'heatSum',
    yieldPotentialRel: 'potential',
    checkVariety: 'check',
    oilPct: 'oil',
    proteinPct: 'protein',
    seedPriceYuanPerKg: 'seed',
    source: 'source',
  }
  const labelOf = (path: Issue['path']) => {
    const [head, index] = path
    if (head === 'densities')
      return `${t('varieties.form.densities', { unit: format.densityUnitLabel })} ${Number(index) + 1}`
    const key = LABELS[String(head)]
    return key ? t(`varieties.form.${key}`) : String(head ?? '')
  }

  const save = () =>
    run(async () => {
      const f = form.getFieldsValue(true) as FormValues
      const nullable = (x: unknown) => (x === '' || x === undefined ? null : x)
      const raw = {
        crop: f.crop,
        name: f.name ?? '',
        maturityDays: nullable(f.maturityDays),
        heatSumNeededCd: nullable(f.heatSumNeededCd),
        yieldPotentialRel: typeof f.potentialPct === 'number' ? f.potentialPct / 100 : undefined,
        checkVariety: nullable(f.checkVariety),
        densityTolerance: nullable(f.densityTolerance),
        lodgingRisk: nullable(f.lodgingRisk),
        saltTolerance: nullable(f.saltTolerance),
        oilPct: nullable(f.oilPct),
        proteinPct: nullable(f.proteinPct),
        seedPriceYuanPerKg: nullable(f.seedPriceYuanPerKg),
        source: f.source ?? '',
        isExample: Boolean(f.isExample),
        densities: (f.densities ?? []).map((d) => ({
          waterRegime: d.waterRegime,
          minPlantsPerHa: typeof d.min === 'number' ? d.min : undefined,
          optimumPlantsPerHa: typeof d.opt === 'number' ? d.opt : undefined,
          maxPlantsPerHa: typeof d.max === 'number' ? d.max : undefined,
        })),
      }
      const parsed = VarietyInputSchema.safeParse(raw)
      const show = (issues: Issue[]) =>
        setProblems(issues.map((i) => `${labelOf(i.path)}：${issueMessage(t, i)}`))
      if (!parsed.success) return show(toIssues(parsed.error, raw))
      const result = v
        ? await api.varietiesUpdate({ id: v.id, variety: parsed.data, revision: v.revision })
        : await api.varietiesCreate(parsed.data)
      if (!result.ok)
        return result.error.details.issues
          ? show(result.error.details.issues)
          : setProblems([t(`errors.code.${result.error.code}`)])
      setDirty(false)
      message.success(t('varieties.form.saved', { name: result.value.name }))
      props.onSaved()
    })

  return (
    <Modal
      open
      width={820}
      title={v ? t('varieties.form.editTitle', { name: v.name }) : t('varieties.form.addTitle')}
      okText={t('varieties.form.save')}
      cancelText={t('varieties.form.cancel')}
      onOk={() => void save()}
      onCancel={requestClose}
      confirmLoading={saving}
      okButtonProps={{ disabled: saving }}
    >
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problems[0]}
          description={problems.slice(1).join('；')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form form={form} layout="vertical" initialValues={initial} onValuesChange={onValuesChange}>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="crop" label={t('varieties.form.crop')}>
              <Select options={CROPS.map((c) => ({ value: c, label: t(`crop.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="name" label={t('varieties.form.name')} {...nameLimit.item(typed.name)}>
              <Input count={nameLimit.count} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="checkVariety"
              label={t('varieties.form.check')}
              {...checkLimit.item(typed.checkVariety)}
            >
              <Input count={checkLimit.count} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="maturityDays" label={t('varieties.form.maturityDays')}>
              <InputNumber style={{ width: '100%' }} precision={0} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="heatSumNeededCd" label={t('varieties.form.heatSum')}>
              <InputNumber style={{ width: '100%' }} precision={0} step={50} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="potentialPct" label={t('varieties.form.potential')}>
              <InputNumber style={{ width: '100%' }} step={0.1} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="seedPriceYuanPerKg"
              label={t('varieties.form.seed')}
              tooltip={t('varieties.form.seedHelp')}
            >
              <InputNumber style={{ width: '100%' }} min={0} />
            </Form.Item>
          </Col>
          {(['densityTolerance', 'lodgingRisk', 'saltTolerance'] as const).map((k) => (
            <Col span={8} key={k}>
              <Form.Item name={k} label={t(`varieties.form.${k}`)}>
                <Select options={levels} />
              </Form.Item>
            </Col>
          ))}
          <Col span={6}>
            <Form.Item name="oilPct" label={t('varieties.form.oil')}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="proteinPct" label={t('varieties.form.protein')}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="isExample" label={t('varieties.form.isExample')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="source"
          label={t('varieties.form.source')}
          {...sourceLimit.item(typed.source)}
          extra={
            citedIds && (
              <span data-testid="variety-source-citations">
                {t('varieties.form.sourceRefs')}
                <Citations ids={citedIds} />
              </span>
            )
          }
        >
          <Input.TextArea rows={2} count={sourceLimit.count} />
        </Form.Item>
        <Form.Item label={t('varieties.form.densities', { unit: format.densityUnitLabel })}>
          <Form.List name="densities">
            {(items, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {items.length > 0 && (
                  // Column heads: once filled in, the inputs' placeholders no longer say which is which.
                  <Space aria-hidden>
                    <Typography.Text type="secondary" style={{ display: 'inline-block', width: 170 }}>
                      {t('varieties.form.water')}
                    </Typography.Text>
                    {DENSITY_PARTS.map((k) => (
                      <Typography.Text
                        key={k}
                        type="secondary"
                        style={{ display: 'inline-block', width: 130 }}
                      >
                        {t(`varieties.form.${k}`)}
                      </Typography.Text>
                    ))}
                  </Space>
                )}
                {items.map((item) => (
                  <Space key={item.key} align="start" wrap>
                    <Form.Item name={[item.name, 'waterRegime']} noStyle>
                      <Select
                        aria-label={t('varieties.form.water')}
                        style={{ width: 170 }}
                        options={WATER_REGIMES.map((w) => ({ value: w, label: t(`water.${w}`) }))}
                      />
                    </Form.Item>
                    {DENSITY_PARTS.map((k) => (
                      <Form.Item key={k} name={[item.name, k]} noStyle>
                        <QuantityInput
                          quantity="density"
                          aria-label={t(`varieties.form.${k}`)}
                          placeholder={t(`varieties.form.${k}`)}
                          style={{ width: 130 }}
                        />
                      </Form.Item>
                    ))}
                    <Button
                      onClick={() => {
                        remove(item.name)
                        onValuesChange()
                      }}
                    >
                      {t('varieties.form.remove')}
                    </Button>
                  </Space>
                ))}
                <Button
                  type="dashed"
                  onClick={() => {
                    add({ waterRegime: 'rainfed', min: null, opt: null, max: null })
                    onValuesChange()
                  }}
                >
                  {t('varieties.form.addDensity')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  )
}
