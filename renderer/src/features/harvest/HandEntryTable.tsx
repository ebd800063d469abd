import { Alert, App, Button, Modal, Space, Table, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ActualsSeason } from '../../../../app/contract/contract'
import { ACTUAL_LIMITS, type HistoryConflict, type OnHistoryConflict } from '../../../../engine/actuals/entry'
import type { Issue } from '../../../../engine/errors'
import type { Plan, PlanField } from '../../../../engine/schemas/plan'
import { api, unwrap } from '../../api'
import { apiErrorOf, errorMessage, issueMessage } from '../../lib/errors'
import { QuantityInput } from '../../lib/QuantityInput'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { HistoryConflicts } from './HistoryConflicts'

type Draft = { yieldKgPerHa: number | null; priceYuanPerKg: number | null; costYuanPerHa: number | null }
const L = ACTUAL_LIMITS

/** The rows to send: every field with a yield typed that differs from what is recorded. */
export function changedRows(drafts: ReadonlyMap<number, Draft>, season: ActualsSeason) {
  const recorded = new Map(season.records.map((r) => [r.fieldId, r]))
  const rows = []
  for (const [fieldId, d] of drafts) {
    if (d.yieldKgPerHa === null) continue
    const r = recorded.get(fieldId)
    if (
      r &&
      r.yieldKgPerHa === d.yieldKgPerHa &&
      r.priceYuanPerKg === d.priceYuanPerKg &&
      r.costYuanPerHa === d.costYuanPerHa
    )
      continue
    rows.push({
      fieldId,
      yieldKgPerHa: d.yieldKgPerHa,
      priceYuanPerKg: d.priceYuanPerKg,
      costYuanPerHa: d.costYuanPerHa,
    })
  }
  return rows
}

/**
 * Actuals typed by hand, one row per field, in the workspace's units (斤/亩 by default): the
 * actual yield, and where known the price it sold at and the season's cost. Saved all at once;
 * a history figure the actual differs from is shown with both numbers before anything is written.
 */
export function HandEntryTable(props: { plan: Plan; season: ActualsSeason; onSaved: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { format } = useWorkspace()
  const initial = useMemo(
    () => new Map(props.season.records.map((r) => [r.fieldId, { ...r }] as [number, Draft])),
    [props.season],
  )
  const [drafts, setDrafts] = useState<Map<number, Draft>>(initial)
  const [key, setKey] = useState(props.season)
  if (key !== props.season) {
    setKey(props.season)
    setDrafts(initial)
  }
  const [issues, setIssues] = useState<Issue[]>([])
  const [conflicts, setConflicts] = useState<HistoryConflict[]>([])
  const [choice, setChoice] = useState<OnHistoryConflict | null>(null)
  const [busy, setBusy] = useState(false)
  const recorded = new Map(props.season.records.map((r) => [r.fieldId, r]))
  const rows = changedRows(drafts, props.season)

  const edit = (fieldId: number, patch: Partial<Draft>) =>
    setDrafts((old) => {
      const next = new Map(old)
      const d = next.get(fieldId) ?? { yieldKgPerHa: null, priceYuanPerKg: null, costYuanPerHa: null }
      next.set(fieldId, { ...d, ...patch })
      return next
    })

  const save = async (onHistoryConflict?: OnHistoryConflict) => {
    setBusy(true)
    setIssues([])
    try {
      const w = await unwrap(
        api.actualsSet({
          seasonYear: props.season.seasonYear,
          rows,
          ...(onHistoryConflict ? { onHistoryConflict } : {}),
        }),
      )
      setConflicts([])
      setChoice(null)
      message.success(
        t('harvest.saved', {
          created: w.created,
          updated: w.updated,
          history: w.historyAdded + w.historyReplaced,
        }),
      )
      props.onSaved()
    } catch (e) {
      const error = apiErrorOf(e)
      const found = error?.details.conflicts as HistoryConflict[] | undefined
      if (found && found.length > 0) setConflicts(found)
      else if (error?.details.issues) setIssues(error.details.issues)
      else message.error(errorMessage(t, e))
    } finally {
      setBusy(false)
    }
  }

  const names = new Map(props.plan.fields.map((f) => [f.id, f.name]))
  /** A refusal of one row names its field: 「东岗一号地」：… */
  const rowIssue = (i: Issue) => {
    const row = i.path[0] === 'rows' && typeof i.path[1] === 'number' ? rows[i.path[1]] : undefined
    const name = row ? names.get(row.fieldId) : undefined
    return name ? t('harvest.rowIssue', { field: name, message: issueMessage(t, i) }) : issueMessage(t, i)
  }

  const columns = [
    {
      key: 'name',
      title: t('harvest.col.field'),
      render: (_: unknown, f: PlanField) => (
        <span>
          {f.name} <Typography.Text type="secondary">{f.village}</Typography.Text>
        </span>
      ),
    },
    { key: 'crop', title: t('harvest.col.crop'), render: (_: unknown, f: PlanField) => t(`crop.${f.crop}`) },
    {
      key: 'area',
      title: t('harvest.col.area'),
      render: (_: unknown, f: PlanField) => format.area(f.areaHa),
    },
    {
      key: 'yield',
      title: t('harvest.col.actualYield', { unit: format.yieldUnitLabel }),
      render: (_: unknown, f: PlanField) => (
        <QuantityInput
          quantity="yield"
          aria-label={t('harvest.aria.yield', { field: f.name })}
          min={0}
          max={L.yieldMaxKgPerHa}
          value={drafts.get(f.id)?.yieldKgPerHa ?? null}
          onChange={(v) => edit(f.id, { yieldKgPerHa: v })}
          style={{ width: 130 }}
        />
      ),
    },
    {
      key: 'price',
      title: t('harvest.col.price', { unit: format.quantity('yuanPerMass').unitLabel }),
      render: (_: unknown, f: PlanField) => (
        <QuantityInput
          quantity="yuanPerMass"
          aria-label={t('harvest.aria.price', { field: f.name })}
          min={0}
          max={L.priceMaxYuanPerKg}
          value={drafts.get(f.id)?.priceYuanPerKg ?? null}
          onChange={(v) => edit(f.id, { priceYuanPerKg: v })}
          style={{ width: 110 }}
        />
      ),
    },
    {
      key: 'cost',
      title: t('harvest.col.cost', { unit: format.quantity('yuanPerArea').unitLabel }),
      render: (_: unknown, f: PlanField) => (
        <QuantityInput
          quantity="yuanPerArea"
          aria-label={t('harvest.aria.cost', { field: f.name })}
          min={0}
          max={L.costMaxYuanPerHa}
          value={drafts.get(f.id)?.costYuanPerHa ?? null}
          onChange={(v) => edit(f.id, { costYuanPerHa: v })}
          style={{ width: 120 }}
        />
      ),
    },
    {
      key: 'source',
      title: t('harvest.col.source'),
      render: (_: unknown, f: PlanField) => {
        const r = recorded.get(f.id)
        return r ? (
          <Tag color="green">{t(`harvest.source.${r.source}`)}</Tag>
        ) : (
          <Tag>{t('harvest.source.none')}</Tag>
        )
      },
    },
  ]

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Button
          type="primary"
          loading={busy}
          disabled={rows.length === 0}
          onClick={() => void save()}
          data-testid="actuals-save"
        >
          {t('harvest.save', { count: rows.length })}
        </Button>
        <Typography.Text type="secondary">
          {t('harvest.recorded', { count: props.season.records.length, total: props.plan.fields.length })}
        </Typography.Text>
      </Space>
      {issues.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('harvest.refused')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {issues.slice(0, 20).map((i) => (
                <li key={JSON.stringify(i.path) + i.rule}>{rowIssue(i)}</li>
              ))}
            </ul>
          }
        />
      )}
      <Table<PlanField>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={props.plan.fields}
        pagination={{ pageSize: 20, showSizeChanger: false }}
      />
      <Modal
        open={conflicts.length > 0}
        title={t('harvest.conflict.modalTitle')}
        okText={t('harvest.conflict.confirm')}
        cancelText={t('harvest.conflict.cancel')}
        okButtonProps={{ disabled: choice === null, loading: busy }}
        onOk={() => choice && void save(choice)}
        onCancel={() => {
          setConflicts([])
          setChoice(null)
        }}
      >
        <HistoryConflicts conflicts={conflicts} choice={choice} onChoice={setChoice} />
      </Modal>
    </Space>
  )
}
