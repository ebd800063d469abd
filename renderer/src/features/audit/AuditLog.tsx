import { Alert, Button, Empty, Flex, Input, Select, Space, Table, Typography } from 'antd'
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  type AuditEntity,
  type AuditLogEntry,
  type AuditPage,
} from '../../../../app/contract/audit'
import type { AuditAction } from '../../../../engine/schemas/workspace'
import { api, unwrap } from '../../api'
import { errorMessage } from '../../lib/errors'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { type AuditSentence, describeEntry, localTime } from './audit-sentences'

const PAGE = 200

type Filters = {
  entities: AuditEntity[]
  actions: AuditAction[]
  /** local calendar days, YYYY-MM-DD, as the date inputs give them; '' for open */
  from: string
  to: string
  text: string
}

const NO_FILTERS: Filters = { entities: [], actions: [], from: '', to: '', text: '' }

/** A local calendar day (YYYY-MM-DD) as the instant it starts, plus whole days. */
function dayStart(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y!, m! - 1, d! + plusDays).toISOString()
}

/** A fixed span of time (instants, since ≤ time < until) that the caller shows, such as a version's. */
export type AuditPeriod = { since?: string; until?: string }

function query(filters: Filters, period: AuditPeriod | null, beforeId?: number) {
  // A fixed period replaces the date filters (they are not shown then).
  const since = period ? period.since : filters.from !== '' ? dayStart(filters.from) : undefined
  // The whole "to" day is included: up to the start of the next one.
  const until = period ? period.until : filters.to !== '' ? dayStart(filters.to, 1) : undefined
  return {
    limit: PAGE,
    ...(beforeId !== undefined ? { beforeId } : {}),
    ...(filters.entities.length > 0 ? { entities: filters.entities } : {}),
    ...(filters.actions.length > 0 ? { actions: filters.actions } : {}),
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
    ...(filters.text.trim() !== '' ? { text: filters.text.trim() } : {}),
  }
}

/** A filter with its label above it, tied to its input. */
function Filter(props: { id: string; label: string; children: ReactNode }) {
  return (
    <div style={{ display: 'grid', gap: 4 }}>
      <label htmlFor={props.id}>
        <Typography.Text type="secondary">{props.label}</Typography.Text>
      </label>
      {props.children}
    </div>
  )
}

type Row = { entry: AuditLogEntry; sentence: AuditSentence }

/**
 * Fills the window's height below the list's top edge (the page itself never scrolls the list), or
 * a fixed height where the list is one part of a longer page.
 */
function useListBox(fixedHeight?: number) {
  const ref = useRef<HTMLDivElement>(null)
  const [box, setBox] = useState({ width: 900, height: 420 })
  useEffect(() => {
    const measure = () => {
      const el = ref.current
      if (!el) return
      const rect = el.getBoundingClientRect()
      // Below the list: its footer line and the content's bottom padding.
      const height = fixedHeight ?? Math.max(240, Math.floor(window.innerHeight - rect.top - 88))
      setBox({ width: Math.max(320, Math.floor(rect.width)), height })
    }
    measure()
    const observer = new ResizeObserver(measure)
    if (ref.current) observer.observe(ref.current)
    window.addEventListener('resize', measure)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', measure)
    }
  }, [fixedHeight])
  return { ref, ...box }
}

/**
 * The change log's list: who changed what and when, as sentences in the user's language and units,
 * newest first, filtered by what was changed, the action, a date range and a search text. The
 * list is virtual and loads older entries a page at a time. With `period` it shows that span only
 * (a plan version's, on the board screen) and the date filters give way to it.
 */
export function AuditLog(props: {
  period?: AuditPeriod
  /** a fixed height for the list; by default it fills the window below its top edge */
  height?: number
  /** the start of the filters' ids, where another list could share the page */
  idPrefix?: string
  /** what an empty, unfiltered list says */
  emptyText?: string
}) {
  const { t, i18n } = useTranslation()
  const { format } = useWorkspace()
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [typed, setTyped] = useState('')
  const [page, setPage] = useState<AuditPage | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<unknown>(null)
  const request = useRef(0)
  const list = useListBox(props.height)
  const id = (name: string) => `${props.idPrefix ?? 'audit'}-${name}`
  const since = props.period?.since
  const until = props.period?.until
  const period = useMemo(
    () => (since !== undefined || until !== undefined ? { since, until } : null),
    [since, until],
  )

  const badDates = period === null && filters.from !== '' && filters.to !== '' && filters.from > filters.to

  const load = useCallback(
    async (next: Filters, older?: AuditPage) => {
      const mine = ++request.current
      setLoading(true)
      setError(null)
      try {
        const result = await unwrap(api.auditList(query(next, period, older?.nextBeforeId ?? undefined)))
        if (mine !== request.current) return
        setPage(
          older
            ? {
                entries: [...older.entries, ...result.entries],
                nextBeforeId: result.nextBeforeId,
                names: result.names,
              }
            : result,
        )
      } catch (e) {
        if (mine === request.current) setError(e)
      } finally {
        if (mine === request.current) setLoading(false)
      }
    },
    [period],
  )

  useEffect(() => {
    if (!badDates) void load(filters)
  }, [filters, badDates, load])

  const change = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }))

  const rows: Row[] = useMemo(() => {
    if (!page) return []
    const ctx = { t, format, names: page.names, exists: (key: string) => i18n.exists(key) }
    return page.entries.map((entry) => ({ entry, sentence: describeEntry(ctx, entry) }))
  }, [page, t, format, i18n])

  const filtered =
    filters.entities.length + filters.actions.length > 0 ||
    filters.from !== '' ||
    filters.to !== '' ||
    filters.text.trim() !== ''

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex wrap gap={12} align="end">
        <Filter id={id('what')} label={t('audit.filterWhat')}>
          <Select<AuditEntity[]>
            mode="multiple"
            allowClear
            id={id('what')}
            placeholder={t('audit.anyWhat')}
            value={filters.entities}
            onChange={(entities) => change({ entities })}
            options={AUDIT_ENTITIES.map((e) => ({ value: e, label: t(`audit.entity.${e}`) }))}
            style={{ minWidth: 200 }}
            maxTagCount="responsive"
          />
        </Filter>
        <Filter id={id('action')} label={t('audit.filterAction')}>
          <Select<AuditAction[]>
            mode="multiple"
            allowClear
            id={id('action')}
            placeholder={t('audit.anyAction')}
            value={filters.actions}
            onChange={(actions) => change({ actions })}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.action.${a}`) }))}
            style={{ minWidth: 160 }}
            maxTagCount="responsive"
          />
        </Filter>
        {period === null && (
          <>
            <Filter id={id('from')} label={t('audit.filterFrom')}>
              <Input
                type="date"
                id={id('from')}
                value={filters.from}
                onChange={(e) => change({ from: e.target.value })}
                style={{ width: 150 }}
              />
            </Filter>
            <Filter id={id('to')} label={t('audit.filterTo')}>
              <Input
                type="date"
                id={id('to')}
                value={filters.to}
                onChange={(e) => change({ to: e.target.value })}
                style={{ width: 150 }}
              />
            </Filter>
          </>
        )}
        <Input.Search
          allowClear
          aria-label={t('audit.search')}
          placeholder={t('audit.search')}
          enterButton={t('audit.searchButton')}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value)
            // Clearing the box (its × or by deleting) shows everything again at once.
            if (e.target.value === '' && filters.text !== '') change({ text: '' })
          }}
          onSearch={(text) => change({ text })}
          style={{ width: 270 }}
        />
        <Button
          disabled={!filtered}
          onClick={() => {
            setTyped('')
            setFilters(NO_FILTERS)
          }}
        >
          {t('audit.clear')}
        </Button>
      </Flex>
      {badDates && <Alert type="warning" showIcon title={t('audit.dateOrder')} />}
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={t('audit.loadFailed')}
          description={errorMessage(t, error)}
          action={<Button onClick={() => void load(filters)}>{t('audit.retry')}</Button>}
        />
      )}
      <div ref={list.ref} data-testid="audit-list">
        <Table<Row>
          rowKey={(r) => r.entry.id}
          size="small"
          showHeader={false}
          pagination={false}
          loading={loading}
          dataSource={rows}
          // Years of edits stay fast: only the rows in view are in the page.
          virtual
          scroll={{ x: list.width - 2, y: list.height }}
          columns={[
            {
              key: 'entry',
              width: list.width - 2,
              render: (_, { entry, sentence }) => (
                <div data-testid="audit-entry" style={{ whiteSpace: 'normal', wordBreak: 'break-word' }}>
                  <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {localTime(entry.at)}
                  </Typography.Text>{' '}
                  <Typography.Text strong>{entry.actor}</Typography.Text> <span>{sentence.text}</span>
                  {sentence.details.length > 0 && (
                    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20, color: 'rgba(0,0,0,0.55)' }}>
                      {sentence.details.map((line, i) => (
                        // the lines of one entry never reorder
                        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list per entry
                        <li key={i}>{line}</li>
                      ))}
                    </ul>
                  )}
                </div>
              ),
            },
          ]}
          locale={{
            emptyText: (
              <Empty description={filtered ? t('audit.noMatch') : (props.emptyText ?? t('audit.empty'))} />
            ),
          }}
        />
      </div>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary" data-testid="audit-count">
          {page && rows.length > 0
            ? page.nextBeforeId !== null
              ? t('audit.shown', { count: rows.length })
              : t('audit.shownAll', { count: rows.length })
            : ''}
        </Typography.Text>
        {page?.nextBeforeId != null && (
          <Button loading={loading} onClick={() => void load(filters, page)}>
            {t('audit.more')}
          </Button>
        )}
      </Flex>
    </Space>
  )
}
