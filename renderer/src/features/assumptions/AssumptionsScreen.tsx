import { Alert, App, Empty, Segmented, Space, Table, Typography } from 'antd'
import { startTransition, useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ListedAssumption } from '../../../../app/contract/contract'
import { DEFAULT_SET_NAME } from '../../../../engine/assumptions/defaults'
import { api, unwrap } from '../../api'
import { errorMessage } from '../../lib/errors'
import { useStages } from '../scenarios/useStages'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { AssumptionEditModal } from './AssumptionEditModal'
import { type AssumptionRow, assumptionColumns, assumptionRows } from './assumption-columns'

export function AssumptionsScreen() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { format } = useWorkspace()
  const [rows, setRows] = useState<ListedAssumption[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [view, setView] = useState<'all' | 'changed'>('all')
  const [editing, setEditing] = useState<ListedAssumption | null>(null)

  // The first list is drawn at once (plainly, see `full`); a list reloaded after an edit or a reset
  // replaces a table already drawn in full, so React draws it in slices, as a transition.
  const load = useCallback(async (replacing: boolean) => {
    try {
      const listed = await unwrap(api.assumptionsList())
      if (replacing) startTransition(() => setRows(listed))
      else setRows(listed)
    } catch (e) {
      setError(e)
    }
  }, [])
  const reload = useCallback(() => load(true), [load])
  useEffect(() => {
    void load(false)
  }, [load])
  // Every row in full (names, sources, buttons) for all the assumptions at once is one long task:
  // the rows are drawn plainly first and in full after the next paint, under the table's spinner.
  const full = useStages(1, rows !== null) >= 1
  const tableRows = useMemo(() => (rows ? assumptionRows(rows, format, t) : []), [rows, format, t])

  const changed = useMemo(() => tableRows.filter((a) => a.isOverridden), [tableRows])
  // Overrides saved before the hard bounds existed: listed, marked, and the plan cannot be
  // evaluated until they are edited or reset.
  const outOfBounds = useMemo(() => tableRows.filter((a) => a.issues.length > 0), [tableRows])
  const shown = view === 'all' ? tableRows : changed
  const reset = async (a: AssumptionRow) => {
    const result = await api.assumptionsReset({ key: a.key, revision: a.revision })
    if (!result.ok) return void message.error(t(`errors.code.${result.error.code}`))
    message.success(t('assumptions.wasReset', { name: a.name }))
    await reload()
  }

  if (error)
    return <Alert type="error" showIcon title={t('errors.title')} description={errorMessage(t, error)} />

  const columns = assumptionColumns({ t, view, full, onEdit: setEditing, onReset: reset })

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('assumptions.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('assumptions.subtitle', { set: DEFAULT_SET_NAME })}
        </Typography.Text>
      </div>
      {outOfBounds.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('assumptions.outOfBoundsBanner', {
            count: outOfBounds.length,
            names: outOfBounds.map((a) => a.name).join('、'),
          })}
        />
      )}
      <Segmented
        value={view}
        onChange={(v) => setView(v as 'all' | 'changed')}
        options={[
          { value: 'all', label: t('assumptions.viewAll') },
          { value: 'changed', label: t('assumptions.viewChanged', { count: changed.length }) },
        ]}
      />
      <Table<AssumptionRow>
        rowKey="key"
        size="middle"
        loading={!rows || !full}
        columns={columns}
        dataSource={shown}
        pagination={false}
        locale={{ emptyText: <Empty description={t('assumptions.noChanges')} /> }}
      />
      {editing && (
        <AssumptionEditModal
          assumption={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            void reload()
          }}
        />
      )}
    </Space>
  )
}
