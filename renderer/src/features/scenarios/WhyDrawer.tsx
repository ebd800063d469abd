import { Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { EffectiveAssumption } from '../../../../engine/assumptions/resolve'
import { FACTORS, type MoneyItems } from '../../../../engine/model/types'
import { explainField } from '../../../../engine/model/why'
import type { Plan } from '../../../../engine/schemas/plan'
import { assumptionDisplay, assumptionName } from '../../lib/assumption-format'
import { Citations, useVarietySourceText } from '../../lib/citations'
import { useWorkspace } from '../workspace/WorkspaceContext'

/** Each cost line of a field's money, in the order of the national cost survey. */
const COST_LINES = [
  'seed',
  'fertiliser',
  'pesticide',
  'tillage',
  'sowing',
  'harvest',
  'drying',
  'labour',
  'insurancePremium',
  'irrigation',
  'dripOperating',
  'landRent',
  'hsfSaving',
] as const satisfies readonly (keyof MoneyItems extends `${infer K}Yuan` ? K : never)[]

/** "Why this number": factors, money and every assumption behind a field's result, with sources. */
export function WhyDrawer(props: { plan: Plan; scenarioId: number; fieldId: number; onClose: () => void }) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const sourceText = useVarietySourceText()
  const { plan, scenarioId, fieldId } = props
  // Worked out once per field shown, not at every render of the screen under the drawer.
  const why = useMemo(() => explainField(plan, scenarioId, fieldId), [plan, scenarioId, fieldId])
  const f = why.field
  return (
    <Drawer
      open
      size={720}
      onClose={props.onClose}
      title={t('why.title', { field: why.fieldName, scenario: why.scenarioName })}
    >
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('why.baseline')}>
            {format.yieldNumber(f.baselineYieldKgPerHa)} {format.yieldUnitLabel} ·{' '}
            {f.baselineSource === 'history' ? t('why.baselineHistory') : t('why.baselineDefault')}
          </Descriptions.Item>
          <Descriptions.Item label={t('why.result')}>
            {format.yieldNumber(f.yieldKgPerHa)} {format.yieldUnitLabel} ({format.percent(f.upliftPct)})
          </Descriptions.Item>
        </Descriptions>
        <Table
          size="small"
          pagination={false}
          rowKey="factor"
          dataSource={FACTORS.map((factor) => ({
            factor,
            m: f.multipliers[factor],
            c: f.contributions[factor],
          }))}
          columns={[
            { title: t('why.factor'), dataIndex: 'factor', render: (k: string) => t(`factor.${k}`) },
            {
              title: t('why.multiplier'),
              dataIndex: 'm',
              align: 'right',
              render: (m: number) => `× ${format.number(m, 4)}`,
            },
            {
              title: t('why.contribution', { unit: format.yieldUnitLabel }),
              dataIndex: 'c',
              align: 'right',
              render: (c: number) => format.number(format.yieldValue(c), 1),
            },
          ]}
        />
        <Descriptions column={2} bordered size="small" title={t('why.money')}>
          <Descriptions.Item label={t('why.revenue')}>{format.money(f.money.revenueYuan)}</Descriptions.Item>
          <Descriptions.Item label={t('why.subsidy')}>{format.money(f.money.subsidyYuan)}</Descriptions.Item>
          <Descriptions.Item label={t('why.cost')}>{format.money(f.money.costYuan)}</Descriptions.Item>
          <Descriptions.Item label={t('why.grossMargin')}>
            {format.money(f.money.grossMarginYuan)}
          </Descriptions.Item>
          <Descriptions.Item label={t('why.investment')}>{format.money(f.investmentYuan)}</Descriptions.Item>
        </Descriptions>
        <Descriptions
          column={2}
          bordered
          size="small"
          title={t('why.costItems.title')}
          data-testid="why-costs"
        >
          {COST_LINES.filter((k) => f.money[`${k}Yuan`] !== 0).map((k) => (
            <Descriptions.Item key={k} label={t(`why.costItems.${k}`)}>
              {format.money(f.money[`${k}Yuan`])}
            </Descriptions.Item>
          ))}
        </Descriptions>
        <Table<EffectiveAssumption>
          size="small"
          pagination={false}
          rowKey="key"
          title={() => <Typography.Text strong>{t('why.assumptions')}</Typography.Text>}
          dataSource={why.assumptions}
          columns={[
            {
              title: t('why.key'),
              dataIndex: 'key',
              render: (k: string, a) => (
                <Space size={4} wrap>
                  <Typography.Text>{assumptionName(t, k)}</Typography.Text>
                  {a.isOverridden && <Tag color="blue">{t('why.overridden')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('why.value'),
              key: 'value',
              align: 'right',
              render: (_, a) => {
                const d = assumptionDisplay(a.unit, format, t)
                return `${format.number(d.toDisplay(a.value), d.digits)} ${d.unit}`
              },
            },
            {
              title: t('why.range'),
              key: 'range',
              render: (_, a) => {
                const d = assumptionDisplay(a.unit, format, t)
                return `${format.number(d.toDisplay(a.low), d.digits)} – ${format.number(d.toDisplay(a.high), d.digits)}`
              },
            },
            {
              title: t('why.source'),
              key: 'source',
              render: (_, a) => (
                <Space orientation="vertical" size={0}>
                  <Citations ids={a.source} />
                  <Tag
                    color={
                      a.confidence === 'UNVERIFIED' ? 'orange' : a.confidence === 'H' ? 'green' : 'default'
                    }
                  >
                    {t(`why.confidenceLevel.${a.confidence}`)}
                  </Tag>
                </Space>
              ),
            },
          ]}
        />
        {why.varieties.length > 0 && (
          <Descriptions column={1} bordered size="small" title={t('why.varieties')}>
            {why.varieties.map((v) => (
              <Descriptions.Item key={v.id} label={v.name}>
                {sourceText(v.source)} {v.isExample && <Tag color="orange">{t('why.example')}</Tag>}
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
      </Space>
    </Drawer>
  )
}
