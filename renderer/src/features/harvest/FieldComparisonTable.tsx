import { Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { BandPosition, FieldComparison } from '../../../../engine/actuals/types'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { signedYield, yieldText, yuanText } from './harvest-text'

const BAND_COLOR: Record<BandPosition, string> = { below: 'red', inside: 'default', above: 'green' }

/** Field by field: forecast and actual yield, the error with its sign, the P10–P90 band, the money. */
export function FieldComparisonTable(props: { fields: FieldComparison[] }) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  return (
    <Table<FieldComparison>
      size="small"
      rowKey="fieldId"
      data-testid="field-comparison"
      pagination={{ pageSize: 20, showSizeChanger: false }}
      dataSource={props.fields}
      columns={[
        { key: 'name', title: t('harvest.col.field'), render: (_, f) => `${f.fieldName}（${f.village}）` },
        { key: 'crop', title: t('harvest.col.crop'), render: (_, f) => t(`crop.${f.crop}`) },
        {
          key: 'forecast',
          title: t('harvest.col.forecast'),
          render: (_, f) => yieldText(format, f.forecastKgPerHa),
        },
        {
          key: 'actual',
          title: t('harvest.col.actual'),
          render: (_, f) => yieldText(format, f.actualKgPerHa),
        },
        {
          key: 'error',
          title: t('harvest.col.error'),
          sorter: (a, b) => a.errorPct - b.errorPct,
          render: (_, f) => `${signedYield(format, f.errorKgPerHa)}（${format.percent(f.errorPct)}）`,
        },
        {
          key: 'band',
          title: t('harvest.col.band'),
          render: (_, f) => (
            <span>
              {t('harvest.band.range', {
                p10: format.yieldNumber(f.p10KgPerHa),
                p90: format.yieldNumber(f.p90KgPerHa),
                unit: format.yieldUnitLabel,
              })}{' '}
              <Tag color={BAND_COLOR[f.band]} data-testid={`band-${f.band}`}>
                {t(`harvest.band.${f.band}`)}
              </Tag>
            </span>
          ),
        },
        {
          key: 'margin',
          title: t('harvest.col.margin'),
          render: (_, f) =>
            t('harvest.marginPair', {
              forecast: yuanText(t, format, f.forecastMarginYuan),
              actual: yuanText(t, format, f.actualMarginYuan),
            }),
        },
      ]}
    />
  )
}
