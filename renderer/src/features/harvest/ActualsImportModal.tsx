import { Alert, App, Modal, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ActualsCsvPreview } from '../../../../app/contract/contract'
import type { OnHistoryConflict } from '../../../../engine/actuals/entry'
import type { CsvProblem } from '../../../../engine/csv/read-csv'
import { api, unwrap } from '../../api'
import { apiErrorOf, errorMessage } from '../../lib/errors'
import { CsvFileInput } from '../csv/CsvFileInput'
import { CsvProblems } from '../csv/CsvProblems'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { ActualsPreviewTable } from './ActualsPreviewTable'
import { HistoryConflicts } from './HistoryConflicts'

/**
 * Actuals from a CSV (实收): the file is read and checked before anything is written: its
 * encoding, how many rows are new or change a recorded actual, the first rows in the plan's
 * units, every problem by row and column, and every field whose history has another figure.
 * One problem anywhere and the import is refused whole.
 */
export function ActualsImportModal(props: { onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { format } = useWorkspace()
  const [base64, setBase64] = useState<string | null>(null)
  const [preview, setPreview] = useState<ActualsCsvPreview | null>(null)
  const [refused, setRefused] = useState<CsvProblem[]>([])
  const [failure, setFailure] = useState<string | null>(null)
  const [choice, setChoice] = useState<OnHistoryConflict | null>(null)
  const [busy, setBusy] = useState(false)
  const { areaUnit, massUnit } = format.units
  const units = { yieldMass: massUnit, yieldArea: areaUnit, priceMass: massUnit, costArea: areaUnit }

  // the units are the workspace's and do not change while the dialog is open
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!base64) return
    let live = true
    setPreview(null)
    setChoice(null)
    unwrap(api.actualsPreviewCsv({ base64, units }))
      .then((p) => live && setPreview(p))
      .catch((e) => live && setFailure(errorMessage(t, e)))
    return () => {
      live = false
    }
  }, [base64, t])

  const problems = refused.length > 0 ? refused : (preview?.problems ?? [])
  const needsChoice = (preview?.conflicts.length ?? 0) > 0 && choice === null
  const ready = preview !== null && problems.length === 0 && !needsChoice && preview.preview.length > 0

  const doImport = async () => {
    if (!base64) return
    setBusy(true)
    try {
      const r = await unwrap(
        api.actualsImportCsv({ base64, units, ...(choice ? { onHistoryConflict: choice } : {}) }),
      )
      message.success(
        t('harvest.csv.imported', { count: r.imported, history: r.historyAdded + r.historyReplaced }),
      )
      props.onImported()
    } catch (e) {
      const listed = apiErrorOf(e)?.details.problems as CsvProblem[] | undefined
      if (listed && listed.length > 0) setRefused(listed)
      else setFailure(errorMessage(t, e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open
      width={860}
      title={t('harvest.csv.title')}
      okText={t('harvest.csv.import')}
      cancelText={t('csv.cancel')}
      okButtonProps={{ disabled: !ready, loading: busy, id: 'actuals-import' }}
      onOk={() => void doImport()}
      onCancel={props.onClose}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t('harvest.csv.help', {
            yieldUnit: format.yieldUnitLabel,
            priceUnit: format.quantity('yuanPerMass').unitLabel,
            costUnit: format.quantity('yuanPerArea').unitLabel,
          })}
        </Typography.Text>
        <CsvFileInput
          testId="actuals-csv-file"
          onChosen={() => {
            setRefused([])
            setFailure(null)
          }}
          onRead={setBase64}
          onUnreadable={() => setFailure(t('csv.readFailed'))}
        />
        {failure && <Alert type="error" showIcon title={failure} />}
        {preview && (
          <Typography.Text data-testid="actuals-csv-summary">
            {t('harvest.csv.summary', {
              encoding: preview.encoding === 'gb18030' ? 'GB18030' : 'UTF-8',
              rows: preview.rowCount,
              seasons: preview.seasons.join('、') || '—',
              new: preview.counts.new,
              update: preview.counts.update,
              unchanged: preview.counts.unchanged,
            })}
          </Typography.Text>
        )}
        {problems.length > 0 && <CsvProblems problems={problems} testId="actuals-csv-problems" />}
        {preview && preview.conflicts.length > 0 && (
          <HistoryConflicts conflicts={preview.conflicts} choice={choice} onChoice={setChoice} />
        )}
        {preview && preview.preview.length > 0 && <ActualsPreviewTable rows={preview.preview} />}
      </Space>
    </Modal>
  )
}
