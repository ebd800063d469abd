import { Button, Checkbox, Form, InputNumber, Modal, Radio, Select, Space, Table, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ACTIONS, type Action } from '../../../../engine/optimiser/types'
import type { Plan } from '../../../../engine/schemas/plan'
import { toKg } from '../../../../engine/units'
import type { Quantity } from '../../lib/format'
import { QuantityInput } from '../../lib/QuantityInput'
import { FieldPicker } from '../fields/FieldPicker'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { type ProblemForm, wanQuantity, withYears } from './problem-form'

const MAX_YEARS = 5
type YearRow = ProblemForm['years'][number]

/**
 * The roll-out problem in the co-op's own words: per year its own money and the government's
 * quota (money in 万元, HSF area in the workspace's area unit), the lowest production it accepts
 * (in the workspace's mass unit) and how many fields it can manage; the loan limit; what may be
 * done; the fields to leave alone; what counts as better. It holds canonical values only.
 */
export function OptimiserForm(props: {
  plan: Pick<Plan, 'fields' | 'groups' | 'assumptions' | 'varieties'>
  value: ProblemForm
  onChange: (next: ProblemForm) => void
}) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const { value: form, onChange } = props
  const [picking, setPicking] = useState<number[] | null>(null)
  const wan = useMemo(() => wanQuantity(t('optimiser.unit.wan')), [t])
  const mass = useMemo<Quantity>(
    () => ({
      toDisplay: (kg) => format.massValue(kg),
      fromDisplay: (v) => toKg(v, format.units.massUnit),
      inputDigits: format.units.massUnit === 't' ? 3 : 0,
      step: format.units.massUnit === 't' ? 10 : 10_000,
      unitLabel: format.massUnitLabel,
    }),
    [format],
  )
  const setYear = (year: number, patch: Partial<YearRow>) =>
    onChange({ ...form, years: form.years.map((y) => (y.year === year ? { ...y, ...patch } : y)) })
  const has = (a: Action) => form.actions.includes(a)
  const first = form.years[0]?.year ?? 2025

  const columns = [
    { title: t('optimiser.form.year'), dataIndex: 'year', key: 'year', width: 70 },
    {
      title: t('optimiser.withUnit', { label: t('optimiser.form.coopBudget'), unit: wan.unitLabel }),
      key: 'coop',
      render: (_: unknown, y: YearRow) => (
        <QuantityInput
          quantity={wan}
          min={0}
          value={y.coopBudgetYuan}
          placeholder="0"
          style={{ width: 130 }}
          aria-label={t('optimiser.form.coopBudgetAria', { year: y.year })}
          onChange={(v) => setYear(y.year, { coopBudgetYuan: v })}
        />
      ),
    },
    {
      title: t('optimiser.withUnit', { label: t('optimiser.form.govQuota'), unit: wan.unitLabel }),
      key: 'gov',
      render: (_: unknown, y: YearRow) => (
        <QuantityInput
          quantity={wan}
          min={0}
          value={y.govQuotaYuan}
          placeholder={t('optimiser.form.noLimit')}
          style={{ width: 130 }}
          aria-label={t('optimiser.form.govQuotaAria', { year: y.year })}
          onChange={(v) => setYear(y.year, { govQuotaYuan: v })}
        />
      ),
    },
    {
      title: t('optimiser.withUnit', { label: t('optimiser.form.hsfQuota'), unit: format.areaUnitLabel }),
      key: 'hsf',
      render: (_: unknown, y: YearRow) => (
        <QuantityInput
          quantity="area"
          min={0}
          value={y.hsfQuotaHa}
          placeholder={t('optimiser.form.noLimit')}
          style={{ width: 130 }}
          aria-label={t('optimiser.form.hsfQuotaAria', { year: y.year })}
          onChange={(v) => setYear(y.year, { hsfQuotaHa: v })}
        />
      ),
    },
    {
      title: t('optimiser.withUnit', {
        label: t('optimiser.form.minProduction'),
        unit: format.massUnitLabel,
      }),
      key: 'min',
      render: (_: unknown, y: YearRow) => (
        <QuantityInput
          quantity={mass}
          min={0}
          value={y.minProductionKg}
          placeholder={t('optimiser.form.noLimit')}
          style={{ width: 150 }}
          aria-label={t('optimiser.form.minProductionAria', { year: y.year })}
          onChange={(v) => setYear(y.year, { minProductionKg: v })}
        />
      ),
    },
    {
      title: t('optimiser.form.maxFields'),
      key: 'maxFields',
      render: (_: unknown, y: YearRow) => (
        <InputNumber<number>
          min={0}
          precision={0}
          value={y.maxFields}
          placeholder={t('optimiser.form.noLimit')}
          style={{ width: 100 }}
          aria-label={t('optimiser.form.maxFieldsAria', { year: y.year })}
          onChange={(v) => setYear(y.year, { maxFields: v ?? null })}
        />
      ),
    },
  ]

  const varietySelect = (crop: 'maize' | 'soybean' | 'rice') => {
    const options = props.plan.varieties
      .filter((v) => v.crop === crop)
      .map((v) => ({ value: v.id, label: v.name }))
    return (
      <Form.Item label={t(`crop.${crop}`)} key={crop}>
        <Select
          allowClear
          style={{ width: 180 }}
          aria-label={t('optimiser.form.varietyAria', { crop: t(`crop.${crop}`) })}
          placeholder={t('optimiser.form.noVariety')}
          value={form.varietyIds[crop]}
          options={options}
          onChange={(v?: number) =>
            onChange({ ...form, varietyIds: { ...form.varietyIds, [crop]: v ?? null } })
          }
        />
      </Form.Item>
    )
  }

  return (
    <Form layout="vertical" component="div">
      <Space wrap size="large">
        <Form.Item label={t('optimiser.form.firstYear')}>
          <InputNumber<number>
            min={2000}
            max={2100}
            precision={0}
            value={first}
            aria-label={t('optimiser.form.firstYear')}
            onChange={(v) => v !== null && onChange(withYears(form, v, form.years.length))}
          />
        </Form.Item>
        <Form.Item label={t('optimiser.form.yearCount')}>
          <InputNumber<number>
            min={1}
            max={MAX_YEARS}
            precision={0}
            value={form.years.length}
            aria-label={t('optimiser.form.yearCount')}
            onChange={(v) => v !== null && onChange(withYears(form, first, v))}
          />
        </Form.Item>
        <Form.Item
          label={t('optimiser.withUnit', { label: t('optimiser.form.loanLimit'), unit: wan.unitLabel })}
        >
          <QuantityInput
            quantity={wan}
            min={0}
            value={form.loanLimitYuan}
            placeholder="0"
            style={{ width: 130 }}
            aria-label={t('optimiser.form.loanLimit')}
            onChange={(v) => onChange({ ...form, loanLimitYuan: v })}
          />
        </Form.Item>
      </Space>
      <Table
        size="small"
        rowKey="year"
        pagination={false}
        columns={columns}
        dataSource={form.years}
        data-testid="optimiser-years"
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('optimiser.form.blankHint')}
      </Typography.Paragraph>
      <Form.Item label={t('optimiser.form.actions')}>
        <Checkbox.Group
          value={form.actions}
          options={ACTIONS.map((a) => ({ value: a, label: t(`optimiser.action.${a}`) }))}
          onChange={(v) =>
            v.length > 0 && onChange({ ...form, actions: ACTIONS.filter((a) => v.includes(a)) })
          }
        />
      </Form.Item>
      {has('hsf') && has('drip') ? (
        <Form.Item>
          <Checkbox
            checked={form.dripAfterHsf}
            onChange={(e) => onChange({ ...form, dripAfterHsf: e.target.checked })}
          >
            {t('optimiser.form.dripAfterHsf')}
          </Checkbox>
        </Form.Item>
      ) : null}
      {has('density') ? (
        <Space wrap size="large">
          {(['maize', 'soybean'] as const).map((crop) => (
            <Form.Item
              key={crop}
              label={t('optimiser.withUnit', {
                label: t('optimiser.form.density', { crop: t(`crop.${crop}`) }),
                unit: format.densityUnitLabel,
              })}
            >
              <QuantityInput
                quantity="density"
                min={1_000}
                max={1_500_000}
                style={{ width: 180 }}
                value={form.densityPlantsPerHa[crop]}
                placeholder={t('optimiser.form.densityDefault')}
                aria-label={t('optimiser.form.density', { crop: t(`crop.${crop}`) })}
                onChange={(v) =>
                  onChange({ ...form, densityPlantsPerHa: { ...form.densityPlantsPerHa, [crop]: v } })
                }
              />
            </Form.Item>
          ))}
        </Space>
      ) : null}
      {has('variety') ? (
        <>
          <Typography.Text type="secondary">{t('optimiser.form.varietyHint')}</Typography.Text>
          <Space wrap size="large">
            {varietySelect('maize')}
            {varietySelect('soybean')}
            {varietySelect('rice')}
          </Space>
        </>
      ) : null}
      <Form.Item label={t('optimiser.form.keep')}>
        <Space>
          <Typography.Text data-testid="keep-count">
            {t('optimiser.form.keepCount', { count: form.keepFieldIds.length })}
          </Typography.Text>
          <Button onClick={() => setPicking(form.keepFieldIds)}>{t('optimiser.form.keepPick')}</Button>
        </Space>
      </Form.Item>
      <Form.Item label={t('optimiser.form.objective')}>
        <Space wrap>
          <Radio.Group
            value={form.objective}
            onChange={(e) => onChange({ ...form, objective: e.target.value })}
            options={(['npv', 'production', 'weighted'] as const).map((k) => ({
              value: k,
              label: t(`optimiser.objective.${k}`),
            }))}
          />
          {form.objective === 'weighted' ? (
            <QuantityInput
              quantity="yuanPerMass"
              min={0}
              style={{ width: 200 }}
              value={form.yuanPerKg}
              aria-label={t('optimiser.form.yuanPerMass')}
              placeholder={t('optimiser.form.yuanPerMass')}
              onChange={(v) => onChange({ ...form, yuanPerKg: v })}
            />
          ) : null}
          {form.objective === 'weighted' ? (
            <Typography.Text>{format.quantity('yuanPerMass').unitLabel}</Typography.Text>
          ) : null}
        </Space>
      </Form.Item>
      <Modal
        open={picking !== null}
        width={900}
        title={t('optimiser.form.keep')}
        okText={t('optimiser.form.keepDone')}
        onOk={() => {
          onChange({ ...form, keepFieldIds: picking ?? [] })
          setPicking(null)
        }}
        onCancel={() => setPicking(null)}
        destroyOnHidden
      >
        {picking !== null ? <FieldPicker plan={props.plan} value={picking} onChange={setPicking} /> : null}
      </Modal>
    </Form>
  )
}
