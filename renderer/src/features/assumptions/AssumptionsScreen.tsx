import {
  Alert,
  App,
  Button,
  Empty,
  Popconfirm,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ListedAssumption } from '../../../../app/contract/contract'
import { DEFAULT_SET_NAME } from '../../../../engine/assumptions/defaults'
import { api, unwrap } from '../../api'
import { assumptionDisplay, assumptionName, noteOf } from '../../lib/assumption-format'
import { Citations } from '../../lib/citations'
import { errorMessage } from '../../lib/errors'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { AssumptionEditModal } from './AssumptionEditModal'

export function AssumptionsScreen() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { format } = useWorkspace()
  const [rows, setRows] = useState<ListedAssumption[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [view, setView] = useState<'all' | 'changed'>('all')
  const [editing, setEditing] = useState<ListedAssumption | null>(null)

  const reload = useCallback(async () => {
    try {
      setRows(await unwrap(api.assumptionsList()))
    } catch (e) {
      setError(e)
    }
  }, [])
  useEffect(() => {
    void reload()
  }, [reload])

  const changed = useMemo(() => (rows ?? []).filter((a) => a.isOverridden), [rows])
  // Overrides saved before the hard bounds existed: listed, marked, and the plan cannot be
  // evaluated until they are edited or reset.
  const outOfBounds = useMemo(() => (rows ?? []).filter((a) => a.issues.length > 0), [rows])
  const shown = view === 'all' ? (rows ?? []) : changed
  const show = (a: ListedAssumption, v: number) => {
    const d = assumptionDisplay(a.unit, format, t)
    return `${format.number(d.toDisplay(v), d.digits)} ${d.unit}`.trim()
  }
  const range = (a: ListedAssumption, low: number, high: number) => {
    const d = assumptionDisplay(a.unit, format, t)
    return `${format.number(d.toDisplay(low), d.digits)} – ${format.number(d.toDisplay(high), d.digits)}`
  }
  const reset = async (a: ListedAssumption) => {
    const result = await api.assumptionsReset({ key: a.key, revision: a.revision })
    if (!result.ok) return void message.error(t(`errors.code.${result.error.code}`))
    message.success(t('assumptions.wasReset', { name: assumptionName(t, a.key) }))
    await reload()
  }

  if (error)
    return <Alert type="error" showIcon title={t('errors.title')} description={errorMessage(t, error)} />

  const columns: TableColumnsType<ListedAssumption> = [
    {
      title: t('assumptions.col.name'),
      key: 'name',
      width: 220,
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{assumptionName(t, a.key)}</Typography.Text>
          <Typography.Text type="secondary">{t(`assumptions.group.${a.key.split('.')[0]}`)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('assumptions.col.value'),
      key: 'value',
      align: 'right',
      width: 150,
      render: (_, a) =>
        view === 'changed' ? (
          <Space orientation="vertical" size={0}>
            <Typography.Text delete type="secondary">
              {t('assumptions.diffFrom')} {show(a, a.defaultValue)}
            </Typography.Text>
            <Typography.Text strong>
              {t('assumptions.diffTo')} {show(a, a.value)}
            </Typography.Text>
          </Space>
        ) : (
          <span data-testid={`value-${a.key}`}>{show(a, a.value)}</span>
        ),
    },
    {
      title: t('assumptions.col.range'),
      key: 'range',
      width: 150,
      render: (_, a) =>
        view === 'changed' ? (
          <Space orientation="vertical" size={0}>
            <Typography.Text delete type="secondary">
              {range(a, a.defaultLow, a.defaultHigh)}
            </Typography.Text>
            <Typography.Text strong>{range(a, a.low, a.high)}</Typography.Text>
          </Space>
        ) : (
          range(a, a.low, a.high)
        ),
    },
    {
      title: t('assumptions.col.source'),
      key: 'source',
      render: (_, a) => (
        <Space orientation="vertical" size={2}>
          <Citations ids={a.source} />
          <Tag color={a.confidence === 'UNVERIFIED' ? 'orange' : a.confidence === 'H' ? 'green' : 'default'}>
            {t(`why.confidenceLevel.${a.confidence}`)}
          </Tag>
          {a.note && <Typography.Text type="secondary">{noteOf(t, a)}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('assumptions.col.status'),
      key: 'status',
      width: 130,
      render: (_, a) => (
        <Space orientation="vertical" size={2}>
          {a.isOverridden ? (
            <Tag color="blue">{t('assumptions.changed', { date: (a.changedAt ?? '').slice(0, 10) })}</Tag>
          ) : (
            <Tag>{t('assumptions.default')}</Tag>
          )}
          {a.issues.length > 0 && (
            <Tag color="red" data-testid={`out-of-bounds-${a.key}`}>
              {t('assumptions.outOfBounds', { min: show(a, a.min), max: show(a, a.max) })}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('assumptions.col.actions'),
      key: 'actions',
      width: 180,
      render: (_, a) => (
        <Space>
          <Button
            size="small"
            onClick={() => setEditing(a)}
            aria-label={`${t('assumptions.edit')} ${assumptionName(t, a.key)}`}
          >
            {t('assumptions.edit')}
          </Button>
          {a.isOverridden && (
            <Popconfirm
              title={t('assumptions.resetConfirm', { name: assumptionName(t, a.key) })}
              okText={t('assumptions.reset')}
              cancelText={t('assumptions.cancel')}
              onConfirm={() => reset(a)}
            >
              <Button size="small" aria-label={`${t('assumptions.reset')} ${assumptionName(t, a.key)}`}>
                {t('assumptions.reset')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ]

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
            names: outOfBounds.map((a) => assumptionName(t, a.key)).join('、'),
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
      <Table<ListedAssumption>
        rowKey="key"
        size="middle"
        loading={!rows}
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
