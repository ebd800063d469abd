import { Alert, Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CalibrationAccepted, ScenarioMove } from '../../../../app/contract/contract'
import { assumptionName } from '../../lib/assumption-format'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { massText, yuanText } from './harvest-text'

/** After an accepted proposal: every scenario's production and margin before and after. */
export function MovedTable(props: { accepted: CalibrationAccepted }) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const a = props.accepted
  const change = (before: number, after: number) =>
    before === 0 ? '—' : format.percent(((after - before) / before) * 100)
  return (
    <Alert
      type="success"
      showIcon
      data-testid="calibration-moved"
      title={t('harvest.calibration.moved', { name: assumptionName(t, a.override.key) })}
      description={
        <Table<ScenarioMove>
          size="small"
          rowKey={(m) => String(m.scenarioId)}
          pagination={false}
          dataSource={a.moved}
          columns={[
            {
              key: 'name',
              title: t('harvest.col.scenario'),
              render: (_, m) => (m.isBaseline ? t('harvest.currentPractice') : m.name),
            },
            {
              key: 'production',
              title: t('harvest.col.productionMove'),
              render: (_, m) =>
                `${massText(format, m.productionBeforeKg)} → ${massText(format, m.productionAfterKg)}`,
            },
            {
              key: 'pct',
              title: t('harvest.col.change'),
              render: (_, m) => change(m.productionBeforeKg, m.productionAfterKg),
            },
            {
              key: 'margin',
              title: t('harvest.col.marginMove'),
              render: (_, m) =>
                `${yuanText(t, format, m.marginBeforeYuan)} → ${yuanText(t, format, m.marginAfterYuan)}`,
            },
          ]}
        />
      }
    />
  )
}
