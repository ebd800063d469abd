import {
  Alert,
  App,
  Button,
  Empty,
  Space,
  Table,
  type TableColumnsType,
  type TableRef,
  Tag,
  Typography,
} from 'antd'
import type { SorterResult } from 'antd/es/table/interface'
import {
  type RefObject,
  startTransition,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { useTranslation } from 'react-i18next'
import { FIELD_COLUMNS } from '../../../../engine/csv/fields-csv'
import { fieldsToCsv } from '../../../../engine/csv/fields-export'
import {
  CROPS,
  type Crop,
  type Field,
  SALINE_CLASSES,
  WATER_REGIMES,
  type WaterRegime,
} from '../../../../engine/schemas/field'
import { REGIONS } from '../../../../engine/schemas/workspace'
import { api } from '../../api'
import { errorMessage } from '../../lib/errors'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { BulkEditModal } from './BulkEditModal'
import { DebouncedSearch } from './DebouncedSearch'
import { FieldFormDrawer } from './FieldFormDrawer'
import { FieldImportModal } from './FieldImportModal'
import { baselineColumn, fieldBaselines } from './field-baselines'
import {
  type FieldFilter,
  filterAndSort,
  isFiltered,
  lastYieldOf,
  NO_FILTER,
  type Sort,
  type SortKey,
  searchKeys,
} from './field-filters'
import { Sparkline } from './Sparkline'
import { useFieldsData } from './useFieldsData'

const VIRTUAL_FROM = 300
const SORTABLE: readonly SortKey[] = ['name', 'areaHa', 'baseline', 'lastYield']

/**
 * The table fills the window below the toolbar, whatever the laptop's screen: the height left
 * under the table's top, less its header and the page's margin.
 */
function useTableHeight(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null)
  const [height, setHeight] = useState(() => Math.max(280, window.innerHeight - 330))
  useLayoutEffect(() => {
    const measure = () => {
      const top = (ref.current?.getBoundingClientRect().top ?? 330) + window.scrollY
      setHeight(Math.max(280, Math.floor(window.innerHeight - top - 96)))
    }
    measure()
    window.addEventListener('resize', measure)
    return () => window.removeEventListener('resize', measure)
  }, [])
  return [ref, height]
}

function selectedFields(fields: readonly Field[], ids: readonly number[]): Field[] {
  const chosen = new Set(ids)
  return fields.filter((f) => chosen.has(f.id))
}

export function FieldsScreen() {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const { format } = useWorkspace()
  const { data, error, reload } = useFieldsData()
  const [search, setSearch] = useState('')
  // A new key empties the search box (Clear filters).
  const [searchKey, setSearchKey] = useState(0)
  const [columnFilter, setColumnFilter] = useState<Omit<FieldFilter, 'text'>>(NO_FILTER)
  const [sort, setSort] = useState<Sort>(null)
  const [editing, setEditing] = useState<{ field: Field | null } | null>(null)
  const [importing, setImporting] = useState(false)
  const [selectedIds, setSelectedIds] = useState<number[]>([])
  const [bulkEditing, setBulkEditing] = useState(false)
  const [tableTop, tableHeight] = useTableHeight()
  const table = useRef<TableRef>(null)

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
        region: Object.fromEntries(REGIONS.map((r) => [r, t(`fieldRegion.${r}`)])),
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

  const fields = data?.fields
  const varietyName = useMemo(() => new Map((data?.varieties ?? []).map((v) => [v.id, v.name])), [data])
  const groupName = useMemo(() => new Map((data?.groups ?? []).map((g) => [g.id, g.name])), [data])
  // Derived once per load: each field's baseline (what the engine measures scenarios against) and
  // its search text. Sorting, filtering and typing then only walk these.
  const baselines = useMemo(() => (data ? fieldBaselines(data.fields, data.values) : new Map()), [data])
  const keys = useMemo(() => searchKeys(fields ?? []), [fields])
  const filter = useMemo<FieldFilter>(() => ({ ...columnFilter, text: search }), [columnFilter, search])
  const rows = useMemo(
    () => filterAndSort(fields ?? [], filter, sort, baselines, keys, format.locale),
    [fields, filter, sort, baselines, keys, format.locale],
  )
  const selected = useMemo(() => selectedFields(fields ?? [], selectedIds), [fields, selectedIds])
  const shownAreaHa = useMemo(() => rows.reduce((sum, f) => sum + f.areaHa, 0), [rows])
  const filtered = isFiltered(filter)
  // Stable between renders, so the rows are not drawn again when nothing about them changed.
  const rowSelection = useMemo(
    () => ({
      selectedRowKeys: selectedIds,
      preserveSelectedRowKeys: true,
      // Stays beside the name when the table scrolls sideways (a width of its own, so the name's
      // column starts after it).
      fixed: true,
      columnWidth: 48,
      onChange: (keys: React.Key[]) => setSelectedIds(keys as number[]),
    }),
    [selectedIds],
  )

  const remove = useCallback(
    (field: Field) => {
      modal.confirm({
        title: t('fields.deleteConfirm', { name: field.name }),
        okText: t('fields.deleteOk'),
        cancelText: t('fields.cancel'),
        okButtonProps: { danger: true },
        onOk: async () => {
          const result = await api.fieldsDelete({ id: field.id, revision: field.revision })
          if (!result.ok) return void message.error(t(`errors.code.${result.error.code}`))
          message.success(t('fields.deleted', { name: field.name }))
          setSelectedIds((ids) => ids.filter((id) => id !== field.id))
          await reload()
        },
      })
    },
    [modal, message, t, reload],
  )

  // One confirmation that names how many fields go; then all of them or none (one transaction).
  const removeSelected = () => {
    const targets = selected
    if (targets.length === 0) return
    const count = format.number(targets.length, 0)
    modal.confirm({
      title: t('fieldList.bulkDeleteTitle', { count }),
      content: t('fieldList.bulkDeleteBody', { count }),
      okText: t('fieldList.bulkDeleteOk', { count }),
      cancelText: t('fields.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        const result = await api.fieldsBulkDelete({
          ids: targets.map((f) => f.id),
          revisions: targets.map((f) => f.revision),
        })
        if (!result.ok) {
          message.error(t(`errors.code.${result.error.code}`))
          if (result.error.code === 'STALE' || result.error.code === 'NOT_FOUND') await reload()
          return
        }
        message.success(t('fieldList.bulkDeleted', { count: format.number(result.value.deleted, 0) }))
        setSelectedIds([])
        await reload()
      },
    })
  }

  const columns = useMemo<TableColumnsType<Field>>(
    () => [
      {
        title: t('fields.col.name'),
        dataIndex: 'name',
        key: 'name',
        fixed: 'left',
        width: 130,
        sorter: true,
        sortOrder: sort?.key === 'name' ? sort.order : null,
        render: (name: string) => <strong>{name}</strong>,
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
        key: 'areaHa',
        align: 'right',
        width: 110,
        sorter: true,
        sortOrder: sort?.key === 'areaHa' ? sort.order : null,
        render: (areaHa: number) => format.areaNumber(areaHa),
      },
      {
        title: t('fields.col.crop'),
        dataIndex: 'crop',
        key: 'crop',
        width: 80,
        filters: CROPS.map((c) => ({ text: t(`crop.${c}`), value: c })),
        filteredValue: columnFilter.crops.length > 0 ? [...columnFilter.crops] : null,
        render: (crop: Field['crop']) => t(`crop.${crop}`),
      },
      baselineColumn<Field>({
        title: t('fieldList.baselineCol', { unit: format.yieldUnitLabel }),
        t,
        format,
        sort,
        baselines,
      }),
      {
        title: t('fields.col.lastYield', { unit: format.yieldUnitLabel }),
        key: 'lastYield',
        align: 'right',
        width: 160,
        sorter: true,
        sortOrder: sort?.key === 'lastYield' ? sort.order : null,
        render: (_, f) => {
          const last = lastYieldOf(f)
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
        key: 'waterRegime',
        width: 140,
        filters: WATER_REGIMES.map((w) => ({ text: t(`water.${w}`), value: w })),
        filteredValue: columnFilter.waters.length > 0 ? [...columnFilter.waters] : null,
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
        title: t('fields.col.region'),
        dataIndex: 'region',
        width: 80,
        render: (r: Field['region']) => (r ? t(`fieldRegion.${r}`) : ''),
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
        title: t('fields.col.group'),
        key: 'groupId',
        width: 100,
        filters: [...groupName].map(([id, name]) => ({ text: name, value: id })),
        filteredValue: columnFilter.groups.length > 0 ? [...columnFilter.groups] : null,
        render: (_, f) => (f.groupId === null ? '' : (groupName.get(f.groupId) ?? '')),
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
            <Button
              size="small"
              danger
              onClick={() => remove(f)}
              aria-label={`${t('fields.delete')} ${f.name}`}
            >
              {t('fields.delete')}
            </Button>
          </Space>
        ),
      },
    ],
    [t, format, sort, columnFilter, varietyName, groupName, baselines, remove],
  )

  if (error) {
    return <Alert type="error" showIcon title={t('errors.title')} description={errorMessage(t, error)} />
  }

  // By the size of the whole list, not of what a filter leaves: switching modes while typing would
  // rebuild the table each time.
  const virtual = (fields?.length ?? 0) > VIRTUAL_FROM
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          gap: 12,
          flexWrap: 'wrap',
        }}
      >
        <Space align="baseline" size="middle" wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('fields.title')}
          </Typography.Title>
          {data && (
            <Typography.Text type="secondary" data-testid="fields-summary">
              {filtered
                ? t('fieldList.summaryFiltered', {
                    n: format.number(rows.length, 0),
                    total: format.number(data.fields.length, 0),
                    area: format.area(shownAreaHa),
                  })
                : t('fields.summary', {
                    n: format.number(data.fields.length, 0),
                    area: format.area(shownAreaHa),
                  })}
            </Typography.Text>
          )}
        </Space>
        <Space wrap>
          <Button disabled={selected.length === 0} onClick={() => setBulkEditing(true)}>
            {t('bulk.button', { count: selected.length })}
          </Button>
          <Button danger disabled={selected.length === 0} onClick={removeSelected}>
            {t('fieldList.bulkDelete', { count: selected.length })}
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
      <Space wrap>
        <DebouncedSearch key={searchKey} label={t('fields.search')} onSearch={setSearch} width={280} />
        {filtered && (
          <Button
            onClick={() => {
              setSearchKey((k) => k + 1)
              setSearch('')
              setColumnFilter(NO_FILTER)
            }}
          >
            {t('fieldList.clearFilters')}
          </Button>
        )}
        <Typography.Text type="secondary">{t('fieldList.sortHint')}</Typography.Text>
      </Space>
      <div ref={tableTop}>
        <Table<Field>
          ref={table}
          rowKey="id"
          size="middle"
          loading={!data}
          columns={columns}
          dataSource={rows}
          data-testid="fields-table"
          onChange={(_pagination, filters, sorter, extra) => {
            // A new order or filter starts at its first row, at once: antd's own return to the top
            // is a 450 ms animation that drags back a user who scrolls meanwhile.
            if (extra.action === 'sort' || extra.action === 'filter') table.current?.scrollTo({ top: 0 })
            // Re-sorting or filtering thousands of rows is drawn as a transition, in slices.
            startTransition(() => {
              if (extra.action === 'filter') {
                setColumnFilter((before) => ({
                  ...before,
                  crops: (filters.crop ?? []) as Crop[],
                  waters: (filters.waterRegime ?? []) as WaterRegime[],
                  groups: (filters.groupId ?? []) as number[],
                }))
              }
              if (extra.action === 'sort') {
                const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Field> | undefined
                const key = s?.columnKey as SortKey | undefined
                setSort(key && SORTABLE.includes(key) && s?.order ? { key, order: s.order } : null)
              }
            })
          }}
          rowSelection={rowSelection}
          // Thousands of fields scroll in a virtual list; a few hundred page like a ledger.
          virtual={virtual}
          scroll={
            virtual
              ? { x: 1900, y: tableHeight, scrollToFirstRowOnChange: false }
              : { x: 1900, scrollToFirstRowOnChange: false }
          }
          pagination={virtual ? false : { pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{
            emptyText: (
              <Empty description={data && data.fields.length > 0 ? t('fields.noMatch') : t('fields.empty')} />
            ),
          }}
        />
      </div>
      {bulkEditing && data && (
        <BulkEditModal
          fields={selected}
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
