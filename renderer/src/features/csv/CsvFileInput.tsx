import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { toBase64 } from '../../lib/bytes'

/**
 * The labelled file picker of every CSV import (fields, varieties, actuals): `onChosen` clears
 * what the last file left, then the file's bytes arrive as base64 for the contract, or
 * `onUnreadable` says the file could not be read.
 */
export function CsvFileInput(props: {
  testId: string
  onChosen?: () => void
  onRead: (base64: string) => void
  onUnreadable: () => void
}) {
  const { t } = useTranslation()
  return (
    <label>
      <Typography.Text>{t('csv.file')}</Typography.Text>
      <br />
      <input
        type="file"
        accept=".csv,text/csv"
        data-testid={props.testId}
        onChange={async (e) => {
          const file = e.target.files?.[0]
          if (!file) return
          try {
            props.onChosen?.()
            props.onRead(toBase64(new Uint8Array(await file.arrayBuffer())))
          } catch {
            props.onUnreadable()
          }
        }}
      />
    </label>
  )
}
