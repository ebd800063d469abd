import { Alert, Radio, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { HistoryConflict, OnHistoryConflict } from '../../../../engine/actuals/entry'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { conflictText } from './harvest-text'

/**
 * Fields whose yield history already holds another figure for the season: both numbers named,
 * and the user chooses whether the actual replaces the history's figure or both are kept.
 * Nothing is chosen for them.
 */
export function HistoryConflicts(props: {
  conflicts: readonly HistoryConflict[]
  choice: OnHistoryConflict | null
  onChoice: (choice: Exclude<OnHistoryConflict, 'stop'>) => void
}) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="history-conflicts"
      title={t('harvest.conflict.title', { count: props.conflicts.length })}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {props.conflicts.slice(0, 50).map((c) => (
              <li key={`${c.fieldId}-${c.year}`}>{conflictText(t, format, c)}</li>
            ))}
          </ul>
          <Radio.Group
            value={props.choice}
            onChange={(e) => props.onChoice(e.target.value)}
            options={[
              { value: 'replace', label: t('harvest.conflict.replace') },
              { value: 'keep', label: t('harvest.conflict.keep') },
            ]}
          />
        </Space>
      }
    />
  )
}
