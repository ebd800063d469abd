import { Table, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { ComparisonRollup } from '../../../../engine/actuals/types'
import type { Plan } from '../../../../engine/schemas/plan'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { massText, yuanText } from './harvest-text'

/** A rollup's name: a group by its name (or 未分组), a crop by its name; anything else as given. */
export function rollupName(
  t: TFunction,
  kind: 'group' | 'crop',
  key: string,
  plan: Plan | null,
  name?: string,
): string {
  if (kind === 'group' && name) return name
  if (kind === 'crop') return ['maize', 'soybean', 'rice'].includes(key) ? t(`crop.${key}`) : key
  const group = plan?.groups.find((g) => String(g.id) === key)
  if (group) return group.name
  return key === '' || key === 'none' || key === 'null' ? t('harvest.noGroup') : key
}

/** Forecast against actual summed over a group or a crop. */
export function RollupTable(props: {
  title: string
  kind: 'group' | 'crop'
  rows: ComparisonRollup[]
  plan: Plan | null
}) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  return (
    <Table<ComparisonRollup>
      size="small"
      rowKey="key"
      pagination={false}
      data-testid={`rollup-${props.kind}`}
      title={() => <Typography.Text strong>{props.title}</Typography.Text>}
      dataSource={props.rows}
      columns={[
        {
          key: 'name',
          title: t(`harvest.col.${props.kind}`),
          render: (_, r) => rollupName(t, props.kind, r.key, props.plan, r.name),
        },
        {
          key: 'fields',
          title: t('harvest.col.fields'),
          render: (_, r) => t('harvest.fieldsCount', { count: r.fields }),
        },
        {
          key: 'forecast',
          title: t('harvest.col.forecastProduction'),
          render: (_, r) => massText(format, r.forecastProductionKg),
        },
        {
          key: 'actual',
          title: t('harvest.col.actualProduction'),
          render: (_, r) => massText(format, r.actualProductionKg),
        },
        { key: 'error', title: t('harvest.col.error'), render: (_, r) => format.percent(r.errorPct) },
        {
          key: 'money',
          title: t('harvest.col.marginDiff'),
          render: (_, r) => {
            const d = r.actualMarginYuan - r.forecastMarginYuan
            return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${yuanText(t, format, Math.abs(d))}`
          },
        },
        { key: 'outside', title: t('harvest.col.outside'), render: (_, r) => r.outsideBand },
      ]}
    />
  )
}
