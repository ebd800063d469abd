import { Alert, Button, Card, Checkbox, Radio, Select, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../../app/contract/contract'
import type { ExportedPlanFile } from '../../../../app/contract/exchange'
import type { VersionSummary } from '../../../../engine/board/version'
import type { Scenario } from '../../../../engine/schemas/plan'
import { api } from '../../api'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { downloadText } from './download'
import { refusalMessage } from './refusal'

type What = 'plan' | 'version' | 'scenarios'

/** Export: the whole plan with its versions, one frozen version, or chosen scenarios (with the baseline). */
export function ExportCard() {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const [what, setWhat] = useState<What>('plan')
  const [versions, setVersions] = useState<VersionSummary[]>([])
  const [scenarios, setScenarios] = useState<Scenario[]>([])
  const [versionId, setVersionId] = useState<number | null>(null)
  const [scenarioIds, setScenarioIds] = useState<number[]>([])
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<ExportedPlanFile | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    void api.versionsList().then((r) => r.ok && setVersions(r.value))
    void api.planGet().then((r) => r.ok && setScenarios(r.value.scenarios.filter((s) => !s.isBaseline)))
  }, [])

  const input: InputOf<'exchange:export'> | null =
    what === 'plan'
      ? { what }
      : what === 'version'
        ? versionId === null
          ? null
          : { what, versionId }
        : scenarioIds.length === 0
          ? null
          : { what, scenarioIds }

  const run = async () => {
    if (!input || busy) return
    setBusy(true)
    setProblem(null)
    setDone(null)
    const r = await api.exchangeExport(input)
    setBusy(false)
    if (!r.ok) return setProblem(refusalMessage(t, r.error))
    downloadText(r.value.fileName, r.value.text)
    setDone(r.value)
  }

  return (
    <Card title={t('exchange.exportTitle')} data-testid="export-card">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('exchange.exportHint')}</Typography.Text>
        <Radio.Group value={what} onChange={(e) => setWhat(e.target.value as What)}>
          <Space orientation="vertical">
            <Radio value="plan">
              {versions.length === 0
                ? t('exchange.whatPlanNoVersions')
                : t('exchange.whatPlan', { count: versions.length })}
            </Radio>
            <Radio value="version" disabled={versions.length === 0}>
              {t('exchange.whatVersion')}
            </Radio>
            <Radio value="scenarios" disabled={scenarios.length === 0}>
              {t('exchange.whatScenarios')}
            </Radio>
          </Space>
        </Radio.Group>
        {what === 'version' && (
          <Select
            aria-label={t('exchange.chooseVersion')}
            placeholder={t('exchange.chooseVersion')}
            style={{ maxWidth: 480, width: '100%' }}
            value={versionId}
            onChange={setVersionId}
            options={versions.map((v) => ({
              value: v.id,
              label: t('exchange.versionOption', { number: v.number, title: v.title }),
            }))}
          />
        )}
        {what === 'scenarios' && (
          <Checkbox.Group
            value={scenarioIds}
            onChange={(ids) => setScenarioIds(ids as number[])}
            options={scenarios.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
        <Button type="primary" onClick={run} loading={busy} disabled={!input} data-testid="export-button">
          {t('exchange.exportButton')}
        </Button>
        {done && (
          <Alert
            type="success"
            showIcon
            data-testid="export-done"
            title={t('exchange.exported', {
              file: done.fileName,
              size:
                done.bytes < 1_000_000
                  ? t('settings.sizeKb', { value: format.number(done.bytes / 1024, 0) })
                  : t('exchange.sizeMb', { value: format.number(done.bytes / 1_000_000, 1) }),
            })}
          />
        )}
        {problem && <Alert type="error" showIcon title={problem} />}
      </Space>
    </Card>
  )
}
