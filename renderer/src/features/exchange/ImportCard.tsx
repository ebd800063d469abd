import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkspaceEntry } from '../../../../app/contract/contract'
import type { MergeSummary, PlanFilePreview } from '../../../../app/contract/exchange'
import { PLAN_FILE_MAX_BYTES, PLAN_FILE_MAX_MB } from '../../../../engine/exchange/limits'
import type { MergeChoices } from '../../../../engine/exchange/merge'
import { api } from '../../api'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { reloadInto } from '../workspaces/reload'
import { ConflictList } from './ConflictList'
import { refusalMessage } from './refusal'

type Done = { kind: 'workspace'; entry: WorkspaceEntry } | { kind: 'merge'; summary: MergeSummary }

/**
 * Import: choose a file, see what it holds and what merging it would ask, then make it a workspace
 * of its own or merge it here, one choice per conflict. A refused file says why; nothing is written.
 */
export function ImportCard({ onMerged }: { onMerged?: () => void } = {}) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const input = useRef<HTMLInputElement>(null)
  const [text, setText] = useState<string | null>(null)
  const [preview, setPreview] = useState<PlanFilePreview | null>(null)
  const [merging, setMerging] = useState(false)
  const [choices, setChoices] = useState<MergeChoices>({})
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<Done | null>(null)
  const [fileName, setFileName] = useState<string | null>(null)

  const reset = () => {
    setText(null)
    setPreview(null)
    setMerging(false)
    setChoices({})
    setProblem(null)
    setDone(null)
  }

  const choose = async (file: File | undefined) => {
    reset()
    if (!file) return
    // Checked here too, so a file too large is refused before it is read or sent.
    if (file.size > PLAN_FILE_MAX_BYTES)
      return setProblem(t('errors.rule.plan_file_too_large', { limit: PLAN_FILE_MAX_MB }))
    setBusy(true)
    const content = await file.text()
    const r = await api.exchangePreview({ text: content })
    setBusy(false)
    if (!r.ok) return setProblem(refusalMessage(t, r.error))
    setText(content)
    setPreview(r.value)
  }

  const asWorkspace = async () => {
    if (!text || busy) return
    setBusy(true)
    const r = await api.workspacesImport({ text })
    setBusy(false)
    if (!r.ok) return setProblem(refusalMessage(t, r.error))
    setDone({ kind: 'workspace', entry: r.value })
  }

  const missing = preview ? preview.conflicts.filter((c) => !choices[c.id]).length : 0
  const merge = async () => {
    if (!text || !preview || busy) return
    if (missing > 0) return setProblem(t('errors.rule.merge_choice_missing', { count: missing }))
    setBusy(true)
    setProblem(null)
    const r = await api.exchangeMerge({ text, choices })
    setBusy(false)
    if (!r.ok) return setProblem(refusalMessage(t, r.error))
    setDone({ kind: 'merge', summary: r.value })
    onMerged?.()
  }

  const when = (iso: string) =>
    new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))

  return (
    <Card title={t('exchange.importTitle')} data-testid="import-card">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t('exchange.importHint', { limit: PLAN_FILE_MAX_MB })}
        </Typography.Text>
        <Space wrap>
          <span>
            {/* The browser's own file control speaks the browser's language: a button of ours opens it. */}
            <input
              ref={input}
              type="file"
              accept=".json,application/json"
              aria-label={t('exchange.chooseFile')}
              data-testid="plan-file-input"
              style={{ display: 'none' }}
              onChange={(e) => {
                const file = e.target.files?.[0]
                setFileName(file?.name ?? null)
                void choose(file)
                e.target.value = ''
              }}
            />
            <Button onClick={() => input.current?.click()} disabled={busy} data-testid="choose-plan-file">
              {t('exchange.chooseFile')}
            </Button>
          </span>
          <Typography.Text type="secondary">{fileName ?? t('exchange.noFile')}</Typography.Text>
        </Space>
        {preview && (
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="plan-file-preview">
            <Descriptions.Item label={t('exchange.coop')}>
              {preview.name}
              {preview.county ? `（${preview.county}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('exchange.checksum')}>
              {preview.checksumVerified ? t('exchange.checksumOk') : t('exchange.checksumBad')}
            </Descriptions.Item>
            <Descriptions.Item label={t('exchange.fields')}>
              {t('exchange.fieldCount', { count: preview.fieldCount })}
            </Descriptions.Item>
            <Descriptions.Item label={t('exchange.scenarios')}>
              {t('exchange.scenarioCount', { count: preview.scenarioCount })}
            </Descriptions.Item>
            <Descriptions.Item label={t('exchange.versions')}>
              {t('exchange.versionCount', { count: preview.versionCount })}
            </Descriptions.Item>
            <Descriptions.Item label={t('exchange.seasons')}>
              <span data-testid="plan-file-seasons">
                {t('exchange.seasonCount', { seasons: preview.seasonCount, count: preview.actualCount })}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('exchange.savedAt')}>{when(preview.savedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('exchange.format')}>
              {t('exchange.formatVersion', { version: preview.formatVersion })}
            </Descriptions.Item>
            <Descriptions.Item label={t('exchange.appVersion')}>
              {preview.appVersion ?? t('exchange.appVersionUnknown')}
            </Descriptions.Item>
          </Descriptions>
        )}
        {preview && !done && (
          <Space wrap>
            <Button type="primary" onClick={asWorkspace} loading={busy} data-testid="import-as-workspace">
              {t('exchange.asWorkspace')}
            </Button>
            <Button onClick={() => setMerging(true)} disabled={busy} data-testid="import-merge-start">
              {t('exchange.merge')}
            </Button>
          </Space>
        )}
        {preview && merging && !done && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {preview.actualCount + preview.seasonCount > 0 && (
              <Alert
                type="info"
                showIcon
                data-testid="merge-no-actuals"
                title={t('exchange.mergeNoActuals')}
              />
            )}
            <Typography.Text>
              {preview.conflicts.length === 0
                ? t('exchange.noConflicts')
                : t('exchange.conflictsIntro', { count: preview.conflicts.length })}
            </Typography.Text>
            {preview.conflicts.length > 0 && (
              <ConflictList
                conflicts={preview.conflicts}
                choices={choices}
                onChoose={(id, c) => setChoices((all) => ({ ...all, [id]: c }))}
              />
            )}
            <Button type="primary" onClick={merge} loading={busy} data-testid="import-merge">
              {t('exchange.mergeButton')}
            </Button>
          </Space>
        )}
        {done?.kind === 'workspace' && (
          <Alert
            type="success"
            showIcon
            data-testid="imported-workspace"
            title={t('exchange.importedWorkspace', {
              name: done.entry.name,
              count: done.entry.fieldCount,
            })}
            action={
              <Button
                type="primary"
                data-testid="open-imported"
                onClick={() =>
                  void api
                    .workspacesOpen({ id: done.entry.id })
                    .then((r) => (r.ok ? reloadInto('fields') : setProblem(refusalMessage(t, r.error))))
                }
              >
                {t('exchange.openIt')}
              </Button>
            }
          />
        )}
        {done?.kind === 'merge' && (
          <Alert type="success" showIcon data-testid="merged" title={t('exchange.merged', done.summary)} />
        )}
        {problem && <Alert type="error" showIcon data-testid="import-problem" title={problem} />}
      </Space>
    </Card>
  )
}
