import { Alert, App, Modal, Select, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VarietyCsvResult } from '../../../../app/contract/contract'
import type { AreaUnit } from '../../../../engine/units'
import { api } from '../../api'
import { CsvFileInput } from '../csv/CsvFileInput'
import { CsvProblems } from '../csv/CsvProblems'
import { useWorkspace } from '../workspace/WorkspaceContext'

/** Import a variety list: a dry run shows every problem first; the import is all or nothing. */
export function VarietyImportModal(props: { onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { format } = useWorkspace()
  const [base64, setBase64] = useState<string | null>(null)
  const [densityArea, setDensityArea] = useState<AreaUnit>(format.units.areaUnit)
  const [check, setCheck] = useState<VarietyCsvResult | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(() => {
    if (!base64) return
    void api.varietiesImportCsv({ base64, densityArea, dryRun: true }).then((r) => {
      if (r.ok) {
        setCheck(r.value)
        setFailure(null)
      } else {
        setCheck(null)
        const issue = r.error.details.issues?.[0]
        setFailure(
          issue ? t(`errors.rule.${issue.rule}`, issue.params ?? {}) : t(`errors.code.${r.error.code}`),
        )
      }
    })
  }, [base64, densityArea, t])

  const ready = check !== null && check.problems.length === 0 && check.names.length > 0
  const doImport = async () => {
    if (!base64) return
    const r = await api.varietiesImportCsv({ base64, densityArea, dryRun: false })
    if (!r.ok) {
      const issue = r.error.details.issues?.[0]
      setFailure(
        issue ? t(`errors.rule.${issue.rule}`, issue.params ?? {}) : t(`errors.code.${r.error.code}`),
      )
      return
    }
    message.success(t('varietyCsv.imported', { count: r.value.imported }))
    props.onImported()
  }

  return (
    <Modal
      open
      width={760}
      title={t('varietyCsv.title')}
      okText={t('varietyCsv.doImport', { count: check?.names.length ?? 0 })}
      cancelText={t('csv.cancel')}
      okButtonProps={{ disabled: !ready }}
      onOk={() => void doImport()}
      onCancel={props.onClose}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('varietyCsv.help')}</Typography.Paragraph>
        <CsvFileInput
          testId="variety-csv-file"
          onRead={setBase64}
          onUnreadable={() => setFailure(t('csv.readFailed'))}
        />
        <div>
          <Typography.Text id="vcsv-density">{t('varietyCsv.densityUnit')}</Typography.Text>
          <Select
            aria-labelledby="vcsv-density"
            style={{ width: 200, marginLeft: 12 }}
            value={densityArea}
            onChange={setDensityArea}
            options={[
              { value: 'mu', label: t('units.plantsPerArea', { area: t('units.mu') }) },
              { value: 'ha', label: t('units.plantsPerArea', { area: t('units.ha') }) },
            ]}
          />
        </div>
        {failure && <Alert type="error" showIcon title={failure} />}
        {check && (
          <>
            <Typography.Text type="secondary">
              {t('csv.encoding', { encoding: check.encoding.toUpperCase() })}
            </Typography.Text>
            {check.problems.length > 0 ? (
              <CsvProblems problems={check.problems} />
            ) : (
              <Alert
                type="success"
                showIcon
                title={t('varietyCsv.ready', { count: check.names.length, names: check.names.join('、') })}
              />
            )}
          </>
        )}
      </Space>
    </Modal>
  )
}
