import { Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ActualsCsvPreview } from '../../../../app/contract/contract'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { yieldText } from './harvest-text'

type Row = ActualsCsvPreview['preview'][number]

/** The first rows of an actuals CSV as they would be stored, shown in the plan's units. */
export function ActualsPreviewTable(props: { rows: Row[] }) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const price = format.quantity('yuanPerMass')
  const cost = format.quantity('yuanPerArea')
  const none = t('harvest.notKnown')
  return (
    <Table<Row>
      size="small"
      rowKey={(r) => `${r.fieldId}-${r.seasonYear}`}
      pagination={false}
      dataSource={props.rows}
      data-testid="actuals-csv-preview"
      columns={[
        { key: 'field', title: t('harvest.col.field'), render: (_, r) => r.fieldName },
        { key: 'season', title: t('harvest.col.season'), render: (_, r) => r.seasonYear },
        {
          key: 'yield',
          title: t('harvest.col.actualYieldPlain'),
          render: (_, r) => yieldText(format, r.yieldKgPerHa),
        },
        {
          key: 'price',
          title: t('harvest.col.pricePlain'),
          render: (_, r) =>
            r.priceYuanPerKg === null
              ? none
              : `${format.number(price.toDisplay(r.priceYuanPerKg), 2)} ${price.unitLabel}`,
        },
        {
          key: 'cost',
          title: t('harvest.col.costPlain'),
          render: (_, r) =>
            r.costYuanPerHa === null
              ? none
              : `${format.number(cost.toDisplay(r.costYuanPerHa), 0)} ${cost.unitLabel}`,
        },
      ]}
    />
  )
}
