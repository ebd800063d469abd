import {
  Alert,
  App,
  Button,
  Empty,
  Input,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FIELD_COLUMNS } from '../../../../engine/csv/fields-csv'
import { fieldsToCsv } from '../../../../engine/csv/fields-export'
import { CROPS, type Field, SALINE_CLASSES, WATER_REGIMES } from '../../../../engine/schemas/field'
import { api } from '../../api'
import { errorMessage } from '../../lib/errors'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { BulkEditModal } from './BulkEditModal'
import { FieldFormDrawer } from './FieldFormDrawer'
import { FieldImportModal } from './FieldImportModal'
import { Sparkline } from './Sparkline'
import { useFieldsData } from './useFieldsData'

const VIRTUAL_FROM = 300

function latestYield(field: Field) {
  return field.history.length === 0 ? null : field.history[field.history.length - 1]!
}

export function FieldsScreen() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { format } = useWorkspace()
  const { data, error, reload } = useFieldsData()
  const [search, setSearch] = useState('')
  const [editing, setEditing] = useState<{ field: Field | null } | null>(null)
  const [importing, setImporting] = useState(false)
  const [selectedIds, setSelectedIds] = useState<number[]>([])
  const [bulkEditing, setBulkEditing] = useState(false)

  // Exported in the plan's units; the import dialog proposes the same units, so a file round-trips.
  const exportCsv = () => {
    if (!data) return
    const area = format.units.areaUnit
    const yieldUnits =
      area === 'mu'
        ? ({ yieldMass: 'jin', yieldArea: 'mu' } as const)
        : ({ yieldMass: 'kg', yieldArea: 'ha' } as const)
    const yieldLabel = t('units.perArea', {
      unit: t(`units.${yieldUnits.yieldMass}`),
      area: t(`units.${yieldUnits.yieldArea}`),
    })
    const csv = fieldsToCsv(
      data.fields,
      data.varieties,
      data.groups,
      { area, densityArea: area, ...yieldUnits },
      {
        headers: {
          ...Object.fromEntries(FIELD_COLUMNS.map((c) => [c, t(`csvColumn.${c}`)])),
          area: `${t('csvColumn.area')}（${format.areaUnitLabel}）`,
          density: `${t('csvColumn.density')}（${format.densityUnitLabel}）`,
        },
        crop: Object.fromEntries(CROPS.map((c) => [c, t(`crop.${c}`)])),
        water: Object.fromEntries(WATER_REGIMES.map((w) => [w, t(`water.${w}`)])),
        saline: Object.fromEntries(SALINE_CLASSES.map((c) => [c, t(`saline.${c}`)])),
        yes: t('csv.yes'),
        no: t('csv.no'),
        yieldYear: (year) => `${t('csv.yieldHeader', { year })}（${yieldLabel}）`,
      },
    )
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
    const a = document.createElement('a')
    a.href = url
    a.download = t('csv.fileName')
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }

  const varietyName = useMemo(() => new Map((data?.varieties ?? []).map((v) => [v.id, v.name])), [data])
  const groupName = useMemo(() => new Map((data?.groups ?? []).map((g) => [g.id, g])), [data])

  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase()
    const fields = data?.fields ?? []
    if (!needle) return fields
    return fields.filter((f) => [f.name, f.village, f.township].some((s) => s.toLowerCase().includes(needle)))
  }, [data, search])

  const remove = async (field: Field) => {
    const result = await api.fieldsDelete({ id: field.id, revision: field.revision })
    if (!result.ok) return void message.error(t(`errors.code.${result.error.code}`))
    message.success(t('fields.deleted', { name: field.name }))
    await reload()
  }

  const columns: TableColumnsType<Field> = [
    {
      title: t('fields.col.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 130,
      sorter: (a, b) => a.name.localeCompare(b.name, format.locale),
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('fields.col.place'),
      key: 'place',
      width: 140,
      render: (_, f) => [f.village, f.township].filter(Boolean).join(' / '),
    },
    {
      title: t('fields.col.area', { unit: format.areaUnitLabel }),
      dataIndex: 'areaHa',
      align: 'right',
      width: 110,
      sorter: (a, b) => a.areaHa - b.areaHa,
      render: (areaHa: number) => format.areaNumber(areaHa),
    },
    {
      title: t('fields.col.crop'),
      dataIndex: 'crop',
      width: 80,
      filters: CROPS.map((c) => ({ text: t(`crop.${c}`), value: c })),
      onFilter: (value, f) => f.crop === value,
      render: (crop: Field['crop']) => t(`crop.${crop}`),
    },
    {
      title: t('fields.col.variety'),
      dataIndex: 'varietyId',
      width: 110,
      render: (id: number | null) =>
        id === null ? t('fields.noVariety') : (varietyName.get(id) ?? t('fields.noVariety')),
    },
    {
      title: t('fields.col.density', { unit: format.densityUnitLabel }),
      dataIndex: 'densityPlantsPerHa',
      align: 'right',
      width: 120,
      render: (d: number | null) => (d === null ? t('fields.noDensity') : format.densityNumber(d)),
    },
    {
      title: t('fields.col.water'),
      dataIndex: 'waterRegime',
      width: 140,
      filters: WATER_REGIMES.map((w) => ({ text: t(`water.${w}`), value: w })),
      onFilter: (value, f) => f.waterRegime === value,
      render: (w: Field['waterRegime']) => t(`water.${w}`),
    },
    {
      title: t('fields.col.hsf'),
      dataIndex: 'hasHsf',
      width: 120,
      render: (_: boolean, f) =>
        f.hasHsf ? (
          <Tag color="green">
            {f.hsfYearBuilt ? t('fields.hsfBuilt', { year: f.hsfYearBuilt }) : t('fields.hsfYes')}
          </Tag>
        ) : (
          <Tag>{t('fields.hsfNo')}</Tag>
        ),
    },
    {
      title: t('fields.col.saline'),
      dataIndex: 'salineClass',
      width: 100,
      render: (s: Field['salineClass']) => t(`saline.${s}`),
    },
    {
      title: t('fields.col.heatSum'),
      dataIndex: 'heatSumCd',
      align: 'right',
      width: 110,
      render: (v: number) => format.number(v, 0),
    },
    { title: t('fields.col.grade'), dataIndex: 'qualityGrade', align: 'right', width: 90 },
    {
      title: t('fields.col.lastYield', { unit: format.yieldUnitLabel }),
      key: 'lastYield',
      align: 'right',
      width: 150,
      render: (_, f) => {
        const last = latestYield(f)
        return last
          ? t('fields.yieldInYear', { value: format.yieldNumber(last.yieldKgPerHa), year: last.year })
          : t('fields.noYield')
      },
    },
    {
      title: t('fields.col.history', { unit: format.yieldUnitLabel }),
      key: 'history',
      width: 120,
      render: (_, f) => (
        <Sparkline
          history={f.history}
          label={t('fields.historyAria', {
            values: f.history
              .map((h) => `${h.year}: ${format.yieldNumber(h.yieldKgPerHa)} ${format.yieldUnitLabel}`)
              .join('；'),
          })}
        />
      ),
    },
    {
      title: t('fields.col.group'),
      key: 'group',
      width: 100,
      filters: (data?.groups ?? []).map((g) => ({ text: g.name, value: g.id })),
      onFilter: (value, f) => f.groupId === value,
      render: (_, f) => (f.groupId === null ? '' : (groupName.get(f.groupId)?.name ?? '')),
    },
    {
      title: t('fields.actions'),
      key: 'actions',
      fixed: 'right',
      width: 130,
      render: (_, f) => (
        <Space>
          <Button
            size="small"
            onClick={() => setEditing({ field: f })}
            aria-label={`${t('fields.edit')} ${f.name}`}
          >
            {t('fields.edit')}
          </Button>
          <Popconfirm
            title={t('fields.deleteConfirm', { name: f.name })}
            okText={t('fields.deleteOk')}
            cancelText={t('fields.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(f)}
          >
            <Button size="small" danger aria-label={`${t('fields.delete')} ${f.name}`}>
              {t('fields.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ]

  if (error) {
    return <Alert type="error" showIcon title={t('errors.title')} description={errorMessage(t, error)} />
  }

  const totalAreaHa = (data?.fields ?? []).reduce((sum, f) => sum + f.areaHa, 0)

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 16 }}>
        <Space align="baseline" size="large">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('fields.title')}
          </Typography.Title>
          {data && (
            <Typography.Text type="secondary" data-testid="fields-summary">
              {t('fields.summary', {
                n: format.number(data.fields.length, 0),
                area: format.area(totalAreaHa),
              })}
            </Typography.Text>
          )}
        </Space>
        <Space>
          <Input.Search
            allowClear
            aria-label={t('fields.search')}
            placeholder={t('fields.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 260 }}
          />
          <Button disabled={selectedIds.length === 0} onClick={() => setBulkEditing(true)}>
            {t('bulk.button', { count: selectedIds.length })}
          </Button>
          <Button onClick={() => setImporting(true)}>{t('csv.import')}</Button>
          <Button onClick={exportCsv} disabled={!data}>
            {t('csv.export')}
          </Button>
          <Button type="primary" onClick={() => setEditing({ field: null })}>
            {t('fields.add')}
          </Button>
        </Space>
      </div>
      <Table<Field>
        rowKey="id"
        size="middle"
        loading={!data}
        columns={columns}
        dataSource={rows}
        rowSelection={{ selectedRowKeys: selectedIds, onChange: (keys) => setSelectedIds(keys as number[]) }}
        // Thousands of fields scroll in a virtual list; a few hundred page like a ledger.
        virtual={rows.length > VIRTUAL_FROM}
        scroll={rows.length > VIRTUAL_FROM ? { x: 1750, y: 640 } : { x: 1750 }}
        pagination={
          rows.length > VIRTUAL_FROM
            ? false
            : { pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }
        }
        locale={{
          emptyText: (
            <Empty description={data && data.fields.length > 0 ? t('fields.noMatch') : t('fields.empty')} />
          ),
        }}
      />
      {bulkEditing && data && (
        <BulkEditModal
          fields={data.fields.filter((f) => selectedIds.includes(f.id))}
          varieties={data.varieties}
          groups={data.groups}
          onClose={() => setBulkEditing(false)}
          onSaved={() => {
            setBulkEditing(false)
            setSelectedIds([])
            void reload()
          }}
        />
      )}
      {importing && (
        <FieldImportModal
          onClose={() => setImporting(false)}
          onImported={() => {
            setImporting(false)
            void reload()
          }}
        />
      )}
      <FieldFormDrawer
        open={editing !== null}
        field={editing?.field ?? null}
        varieties={data?.varieties ?? []}
        groups={data?.groups ?? []}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null)
          void reload()
        }}
        onReload={async () => {
          const latest = await reload()
          const id = editing?.field?.id
          const field = latest?.fields.find((f) => f.id === id)
          if (editing && field) setEditing({ ...editing, field })
        }}
      />
    </Space>
  )
}
