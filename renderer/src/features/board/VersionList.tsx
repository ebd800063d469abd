import { Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { VersionStatus, VersionSummary } from '../../../../engine/board/version'
import { localTime } from '../audit/audit-sentences'

const STATUS_COLOR: Record<VersionStatus, string> = {
  frozen: 'blue',
  inReview: 'orange',
  approved: 'green',
  rejected: 'red',
}

/** A version's status as a tag; a decided version also says it is locked. */
export function StatusTags(props: { version: Pick<VersionSummary, 'status' | 'hashVerified'> }) {
  const { t } = useTranslation()
  const { status, hashVerified } = props.version
  const decided = status === 'approved' || status === 'rejected'
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Tag color={STATUS_COLOR[status]} data-testid="version-status">
        {t(`board.status.${status}`)}
      </Tag>
      {decided && <Tag data-testid="version-locked">{t('board.locked.tag')}</Tag>}
      {!hashVerified && <Tag color="red">{t('board.tampered.tag')}</Tag>}
    </span>
  )
}

/** sha256:ab12… shown by its first 12 hex digits; the whole on hover, and copied whole. */
export function ShortHash(props: { hash: string }) {
  const { t } = useTranslation()
  const hex = props.hash.replace(/^sha256:/, '')
  return (
    <Tooltip title={props.hash}>
      <Typography.Text
        code
        copyable={{ text: props.hash, tooltips: [t('board.hash.copy'), t('board.hash.copied')] }}
        aria-label={t('board.hash.label', { hash: props.hash })}
        style={{ whiteSpace: 'nowrap' }}
      >
        {hex.slice(0, 12)}
      </Typography.Text>
    </Tooltip>
  )
}

export function versionName(t: TFunction, v: Pick<VersionSummary, 'number'>): string {
  return t('board.versionN', { n: v.number })
}

/** Every version, newest first: number, title, when and by whom it was frozen, status and hash. */
export function VersionList(props: {
  versions: VersionSummary[]
  selectedId: number | null
  onSelect: (id: number) => void
}) {
  const { t } = useTranslation()
  const { onSelect } = props
  const columns = useMemo<TableColumnsType<VersionSummary>>(
    () => [
      {
        title: t('board.col.number'),
        key: 'number',
        width: 90,
        render: (_, v) => <span style={{ whiteSpace: 'nowrap' }}>{versionName(t, v)}</span>,
      },
      {
        title: t('board.col.title'),
        key: 'title',
        ellipsis: { showTitle: false },
        render: (_, v) => (
          <Tooltip title={v.note === '' ? null : v.note} placement="topLeft">
            <Typography.Text strong>{v.title}</Typography.Text>
          </Tooltip>
        ),
      },
      {
        title: t('board.col.createdAt'),
        key: 'createdAt',
        width: 150,
        render: (_, v) => (
          <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
            {localTime(v.createdAt)}
          </span>
        ),
      },
      {
        title: t('board.col.author'),
        dataIndex: 'author',
        width: 110,
        ellipsis: true,
      },
      {
        title: t('board.col.status'),
        key: 'status',
        width: 170,
        render: (_, v) => <StatusTags version={v} />,
      },
      {
        title: t('board.col.hash'),
        key: 'hash',
        width: 170,
        render: (_, v) => <ShortHash hash={v.hash} />,
      },
      {
        title: t('board.col.comments'),
        dataIndex: 'commentCount',
        width: 104,
        align: 'right',
      },
    ],
    [t],
  )
  return (
    <Table<VersionSummary>
      rowKey="id"
      size="small"
      data-testid="version-list"
      columns={columns}
      dataSource={props.versions}
      pagination={props.versions.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      rowSelection={{
        type: 'radio',
        selectedRowKeys: props.selectedId === null ? [] : [props.selectedId],
        onChange: (keys) => {
          const id = keys[0]
          if (typeof id === 'number') onSelect(id)
        },
        getCheckboxProps: (v) => ({ 'aria-label': t('board.pick', { name: versionName(t, v) }) }),
        columnWidth: 40,
      }}
      onRow={(v) =>
        ({
          onClick: () => onSelect(v.id),
          style: { cursor: 'pointer' },
          'data-version': v.number,
        }) as React.HTMLAttributes<HTMLElement>
      }
    />
  )
}
