import { Button, InputNumber, Select, Space, Table, type TableColumnsType, Typography } from 'antd'
import type { SorterResult } from 'antd/es/table/interface'
import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CROPS, type Crop } from '../../../../engine/schemas/field'
import type { Plan, PlanField } from '../../../../engine/schemas/plan'
import { yieldToKgPerHa } from '../../../../engine/units'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { DebouncedSearch } from './DebouncedSearch'
import { baselineColumn, fieldBaselines, valuesFromOverrides } from './field-baselines'
import {
  type FieldFilter,
  filterAndSort,
  NO_FILTER,
  type Sort,
  type SortKey,
  searchKeys,
} from './field-filters'

const SORTABLE: readonly SortKey[] = ['name', 'areaHa', 'baseline']

export type FieldPickerProps = {
  /** the fields, groups and assumption overrides of the plan the fields are picked from */
  plan: Pick<Plan, 'fields' | 'groups' | 'assumptions'>
  /** the ids picked now */
  value: readonly number[]
  /** every change of the pick, with all picked ids (also those the filters hide) */
  onChange: (ids: number[]) => void
  /** height of the list, px (default 320); the list scrolls virtually whatever the number of fields */
  height?: number
}

/**
 * Finds and picks fields among thousands: narrow by village, group, crop, a baseline below a
 * yield (in the plan's units) and a piece of the name; sort by baseline to find the worst; tick
 * fields one by one or take every field the filters leave. Each row shows the name, the area and
 * the baseline the engine measures scenarios against.
 */
export function FieldPicker(props: FieldPickerProps) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const id = useId()
  const { fields, groups, assumptions } = props.plan
  const [text, setText] = useState('')
  const [filter, setFilter] = useState<Omit<FieldFilter, 'text'>>(NO_FILTER)
  const [belowShown, setBelowShown] = useState<number | null>(null)
  const [sort, setSort] = useState<Sort>({ key: 'baseline', order: 'ascend' })

  const baselines = useMemo(
    () => fieldBaselines(fields, valuesFromOverrides(assumptions)),
    [fields, assumptions],
  )
  const keys = useMemo(() => searchKeys(fields), [fields])
  const villages = useMemo(
    () =>
      [...new Set(fields.map((f) => f.village).filter((v) => v !== ''))].sort((a, b) =>
        a.localeCompare(b, format.locale),
      ),
    [fields, format.locale],
  )
  const groupName = useMemo(() => new Map(groups.map((g) => [g.id, g.name])), [groups])
  const { areaUnit, massUnit } = format.units
  const full = useMemo<FieldFilter>(
    () => ({
      ...filter,
      text,
      baselineBelowKgPerHa: belowShown === null ? null : yieldToKgPerHa(belowShown, massUnit, areaUnit),
    }),
    [filter, text, belowShown, massUnit, areaUnit],
  )
  const rows = useMemo(
    () => filterAndSort(fields, full, sort, baselines, keys, format.locale),
    [fields, full, sort, baselines, keys, format.locale],
  )
  const picked = useMemo(() => new Set(props.value), [props.value])
  const pickedAreaHa = useMemo(
    () => fields.reduce((sum, f) => (picked.has(f.id) ? sum + f.areaHa : sum), 0),
    [fields, picked],
  )

  const columns = useMemo<TableColumnsType<PlanField>>(
    () => [
      {
        title: t('picker.col.name'),
        dataIndex: 'name',
        key: 'name',
        width: 140,
        ellipsis: true,
        sorter: true,
        sortOrder: sort?.key === 'name' ? sort.order : null,
      },
      {
        title: t('picker.col.place'),
        key: 'place',
        width: 120,
        ellipsis: true,
        render: (_, f) => [f.village, f.township].filter(Boolean).join(' / '),
      },
      { title: t('picker.col.crop'), dataIndex: 'crop', width: 70, render: (c: Crop) => t(`crop.${c}`) },
      {
        title: t('picker.col.group'),
        key: 'group',
        width: 100,
        ellipsis: true,
        render: (_, f) => (f.groupId === null ? '' : (groupName.get(f.groupId) ?? '')),
      },
      {
        title: t('picker.col.area', { unit: format.areaUnitLabel }),
        dataIndex: 'areaHa',
        key: 'areaHa',
        align: 'right',
        width: 100,
        sorter: true,
        sortOrder: sort?.key === 'areaHa' ? sort.order : null,
        render: (a: number) => format.areaNumber(a),
      },
      baselineColumn<PlanField>({
        title: t('picker.col.baseline', { unit: format.yieldUnitLabel }),
        t,
        format,
        sort,
        baselines,
      }),
    ],
    [t, format, sort, groupName, baselines],
  )

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="field-picker">
      <Space wrap size="small">
        <DebouncedSearch label={t('picker.search')} onSearch={setText} width={180} />
        <MultiFilter
          label={t('picker.village')}
          value={filter.villages}
          options={villages.map((v) => ({ value: v, label: v }))}
          onChange={(villages) => setFilter((f) => ({ ...f, villages }))}
        />
        <MultiFilter
          label={t('picker.group')}
          value={filter.groups}
          options={groups.map((g) => ({ value: g.id, label: g.name }))}
          onChange={(groups) => setFilter((f) => ({ ...f, groups }))}
        />
        <MultiFilter
          label={t('picker.crop')}
          value={filter.crops}
          options={CROPS.map((c) => ({ value: c, label: t(`crop.${c}`) }))}
          onChange={(crops) => setFilter((f) => ({ ...f, crops }))}
        />
        <Space size={4}>
          <Typography.Text id={`${id}-below`}>{t('picker.baselineBelow')}</Typography.Text>
          <InputNumber
            aria-labelledby={`${id}-below`}
            min={0}
            value={belowShown}
            onChange={(v) => setBelowShown(typeof v === 'number' ? v : null)}
            suffix={format.yieldUnitLabel}
            style={{ width: 150 }}
          />
        </Space>
      </Space>
      <Space wrap size="small" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary" data-testid="field-picker-count">
          {t('picker.count', {
            shown: format.number(rows.length, 0),
            total: format.number(fields.length, 0),
            picked: format.number(picked.size, 0),
            area: format.area(pickedAreaHa),
          })}
        </Typography.Text>
        <Space size="small">
          <Button
            size="small"
            disabled={rows.length === 0}
            onClick={() => props.onChange([...new Set([...props.value, ...rows.map((f) => f.id)])])}
          >
            {t('picker.pickShown', { count: format.number(rows.length, 0) })}
          </Button>
          <Button size="small" disabled={picked.size === 0} onClick={() => props.onChange([])}>
            {t('picker.clear')}
          </Button>
        </Space>
      </Space>
      <Table<PlanField>
        rowKey="id"
        size="small"
        virtual
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 680, y: props.height ?? 320 }}
        rowSelection={{
          selectedRowKeys: [...props.value],
          preserveSelectedRowKeys: true,
          onChange: (keys) => props.onChange(keys as number[]),
        }}
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action !== 'sort') return
          const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<PlanField> | undefined
          const key = s?.columnKey as SortKey | undefined
          setSort(key && SORTABLE.includes(key) && s?.order ? { key, order: s.order } : null)
        }}
        locale={{ emptyText: t('picker.noMatch') }}
      />
    </Space>
  )
}

/** A filter of several values (any of them passes); none chosen means any. */
function MultiFilter<V extends string | number>(props: {
  label: string
  value: readonly V[]
  options: { value: V; label: string }[]
  onChange: (value: V[]) => void
}) {
  return (
    <Select<V[]>
      mode="multiple"
      allowClear
      aria-label={props.label}
      placeholder={props.label}
      value={[...props.value]}
      onChange={props.onChange}
      options={props.options}
      maxTagCount="responsive"
      optionFilterProp="label"
      style={{ minWidth: 150, maxWidth: 240 }}
    />
  )
}
