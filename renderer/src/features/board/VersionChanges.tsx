import { Alert, Button, Card, Empty, Flex, Radio, Select, Space, Table, Typography } from 'antd'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VersionComparison } from '../../../../app/contract/contract'
import type { VersionDetail, VersionSummary } from '../../../../engine/board/version'
import { type KpiDelta, versionKpis } from '../../../../engine/board/version-diff'
import { api, unwrap } from '../../api'
import { errorMessage } from '../../lib/errors'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { type DiffSection, describeDiff } from './diff-text'
import { type KpiRow, kpiRows } from './kpi-rows'
import { versionName } from './VersionList'

/** The version just before this one by number ("what changed since the last meeting"), if any. */
export function previousVersion(versions: VersionSummary[], v: Pick<VersionSummary, 'number'>) {
  return versions.filter((x) => x.number < v.number).sort((a, b) => b.number - a.number)[0] ?? null
}

type Loaded = { comparison: VersionComparison; from: VersionDetail; to: VersionDetail }

/**
 * What changed between two versions; by default this version against the one before it. Any two
 * can be chosen. The figures are the ones each version stored when it was frozen.
 */
export function VersionChanges(props: { to: VersionDetail; versions: VersionSummary[] }) {
  const { t } = useTranslation()
  const { to, versions } = props
  const [fromId, setFromId] = useState<number | null>(() => previousVersion(versions, to)?.id ?? null)
  const [toId, setToId] = useState(to.id)
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState<unknown>(null)
  // Versions never change their content: one read of each is enough for this panel's life.
  const details = useRef(new Map<number, VersionDetail>([[to.id, to]]))
  const request = useRef(0)

  const load = async (a: number, b: number) => {
    const mine = ++request.current
    setError(null)
    setLoaded(null)
    try {
      const detail = async (id: number) => {
        const known = details.current.get(id)
        if (known) return known
        const got = await unwrap(api.versionsGet({ id }))
        details.current.set(id, got)
        return got
      }
      const [comparison, from, later] = await Promise.all([
        unwrap(api.versionsDiff({ fromId: a, toId: b })),
        detail(a),
        detail(b),
      ])
      if (mine === request.current) setLoaded({ comparison, from, to: later })
    } catch (e) {
      if (mine === request.current) setError(e)
    }
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: load reads only refs and setters
  useEffect(() => {
    if (fromId !== null && fromId !== toId) void load(fromId, toId)
  }, [fromId, toId])

  const options = versions.map((v) => ({ value: v.id, label: `${versionName(t, v)} · ${v.title}` }))

  if (fromId === null)
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('board.changes.first')} />
        <KpiSection deltas={versionKpis(to.content)} fromLabel={null} toLabel={versionName(t, to)} />
      </Space>
    )

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex gap={8} align="center" wrap>
        <label htmlFor="diff-from">{t('board.changes.compare')}</label>
        <Select
          id="diff-from"
          aria-label={t('board.changes.fromLabel')}
          value={fromId}
          onChange={setFromId}
          options={options}
          style={{ width: 320 }}
          data-testid="diff-from"
        />
        <span>{t('board.changes.with')}</span>
        <Select
          aria-label={t('board.changes.toLabel')}
          value={toId}
          onChange={setToId}
          options={options}
          style={{ width: 320 }}
          data-testid="diff-to"
        />
      </Flex>
      {fromId === toId && <Alert type="info" showIcon title={t('board.changes.same')} />}
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={t('board.changes.failed')}
          description={errorMessage(t, error)}
          action={<Button onClick={() => void load(fromId, toId)}>{t('board.retry')}</Button>}
        />
      )}
      {fromId !== toId && error === null && loaded === null && <Card loading variant="borderless" />}
      {fromId !== toId && loaded && <DiffView loaded={loaded} />}
    </Space>
  )
}

/** The comparison once both versions and their diff are here. */
export function DiffView(props: { loaded: Loaded }) {
  const { t, i18n } = useTranslation()
  const { format } = useWorkspace()
  const { comparison, from, to } = props.loaded
  const sections = useMemo(
    () =>
      describeDiff(
        { t, format, exists: (key) => i18n.exists(key) },
        comparison.diff,
        from.content.plan,
        to.content.plan,
      ),
    [t, format, i18n, comparison, from, to],
  )
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="version-diff">
      <KpiSection
        deltas={comparison.diff.kpis}
        fromLabel={versionName(t, comparison.from)}
        toLabel={versionName(t, comparison.to)}
      />
      {comparison.diff.unchanged ? (
        <Alert
          type="info"
          showIcon
          title={t('board.changes.unchanged', {
            from: versionName(t, comparison.from),
            to: versionName(t, comparison.to),
          })}
        />
      ) : (
        <DiffSections sections={sections} />
      )}
    </Space>
  )
}

export function DiffSections(props: { sections: DiffSection[] }) {
  return (
    <>
      {props.sections.map((section) => (
        <section key={section.key} data-testid={`diff-${section.key}`}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {section.title}
          </Typography.Title>
          {section.items.map((item, i) => (
            // the items of one section never reorder
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list per diff
            <div key={i} style={{ marginBottom: 8 }}>
              <Typography.Text strong>{item.title}</Typography.Text>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20, overflowWrap: 'anywhere' }}>
                {item.lines.map((line, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list per item
                  <li key={j}>{line}</li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </>
  )
}

/** The key figures of one scenario at a time, picked by name; from → to and the difference. */
function KpiSection(props: { deltas: KpiDelta[]; fromLabel: string | null; toLabel: string }) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const { deltas } = props
  const keyOf = (d: KpiDelta) => (d.isBaseline ? 'baseline' : String(d.scenarioId))
  const first = deltas.find((d) => !d.isBaseline) ?? deltas[0]
  const [picked, setPicked] = useState<string | null>(null)
  const shown = deltas.find((d) => keyOf(d) === picked) ?? first
  const rows = useMemo(
    () => (shown ? kpiRows(t, format, shown.from, shown.to, shown.isBaseline) : []),
    [t, format, shown],
  )
  if (!shown) return <Empty description={t('board.changes.noScenarios')} />
  const comparing = props.fromLabel !== null
  return (
    <div data-testid="kpi-section">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {comparing
          ? t('board.kpi.titleCompare', { from: props.fromLabel, to: props.toLabel })
          : t('board.kpi.title', { version: props.toLabel })}
      </Typography.Title>
      <Radio.Group
        aria-label={t('board.kpi.pickScenario')}
        optionType="button"
        size="small"
        value={keyOf(shown)}
        onChange={(e) => setPicked(e.target.value as string)}
        options={deltas.map((d) => ({
          value: keyOf(d),
          label: d.name,
        }))}
        style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginBottom: 8 }}
      />
      <Table<KpiRow>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="kpi-table"
        columns={[
          { title: t('board.kpi.metric'), dataIndex: 'label', width: 240 },
          ...(comparing
            ? [
                {
                  title: props.fromLabel,
                  dataIndex: 'from',
                  align: 'right' as const,
                  render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
                },
              ]
            : []),
          {
            title: props.toLabel,
            dataIndex: 'to',
            align: 'right' as const,
            render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
          },
          ...(comparing
            ? [
                {
                  title: t('board.kpi.change'),
                  dataIndex: 'change',
                  align: 'right' as const,
                  render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
                },
              ]
            : []),
        ]}
      />
    </div>
  )
}
