import { Alert, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { localTime } from '../audit/audit-sentences'

export type StoredNote =
  | { kind: 'loaded' | 'saved'; savedAt: string; missing: number }
  | { kind: 'unreadable' }
  | { kind: 'saveFailed'; message: string }

/** Where the form's numbers came from: last time's problem, kept for next time, or not. */
export function StoredProblemNote(props: { note: StoredNote }) {
  const { t } = useTranslation()
  const { note } = props
  if (note.kind === 'unreadable')
    return (
      <Alert type="warning" showIcon title={t('optimiser.stored.unreadable')} style={{ marginBottom: 12 }} />
    )
  if (note.kind === 'saveFailed')
    return (
      <Alert
        type="warning"
        showIcon
        title={t('optimiser.stored.saveFailed', { message: note.message })}
        style={{ marginBottom: 12 }}
      />
    )
  return (
    <>
      <Typography.Paragraph type="secondary" data-testid="optimiser-stored" style={{ marginBottom: 8 }}>
        {t(`optimiser.stored.${note.kind}`, { at: localTime(note.savedAt) })}
      </Typography.Paragraph>
      {note.missing > 0 ? (
        <Alert
          type="info"
          showIcon
          title={t('optimiser.stored.missingFields', { count: note.missing })}
          style={{ marginBottom: 12 }}
        />
      ) : null}
    </>
  )
}
