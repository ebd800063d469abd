import { Button, Checkbox, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd'
import type { SorterResult } from 'antd/es/table/interface'
import { memo, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type FieldResult, WARNING_CODES, type WarningCode } from '../../../../engine/model/types'
import { CROPS, type Crop } from '../../../../engine/schemas/field'
import { DebouncedSearch } from '../fields/DebouncedSearch'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { warningText } from './warning-text'

type SortKey = 'name' | 'baseline' | 'yield' | 'uplift' | 'warnings'
type Sort = { key: SortKey; order: 'ascend' | 'descend' } | null
/** A filter on the warnings column: fields with this warning, or fields with none. */
type WarningFilter = WarningCode | 'none'

const sortValue: Record<Exclude<SortKey, 'name'>, (f: FieldResult) => number> = {
  baseline: (f) => f.baselineYieldKgPerHa,
  yield: (f) => f.yieldKgPerHa,
  uplift: (f) => f.upliftPct,
  warnings: (f) => f.warnings.length,
}

/**
 * One scenario's result field by field, for thousands of fields: a virtual list (only the rows in
 * view are drawn), sorted by baseline, yield, uplift or warnings, narrowed by crop, by warning, to
 * the fields the scenario changes, or by a piece of the name. Sorting and filtering run once per
 * result, not per row drawn.
 */
export const FieldResultsTable = memo(function FieldResultsTable(props: {
  fields: readonly FieldResult[]
  names: ReadonlyMap<number, string>
  /** the fields the scenario changes (saved or previewed) */
  changed: ReadonlySet<number>
  onWhy: (fieldId: number) => void
  height?: number
}) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const { names, changed, onWhy } = props
  const [sort, setSort] = useState<Sort>(null)
  const [crops, setCrops] = useState<Crop[]>([])
  const [warnings, setWarnings] = useState<WarningFilter[]>([])
  const [onlyChanged, setOnlyChanged] = useState(false)
  const [text, setText] = useState('')
  const rows = useMemo(() => {
    const needle = text.trim().toLowerCase()
    const cropSet = crops.length > 0 ? new Set(crops) : null
    const warnSet = warnings.length > 0 ? new Set(warnings) : null
    const out = props.fields.filter((f) => {
      if (cropSet && !cropSet.has(f.crop)) return false
      if (onlyChanged && !changed.has(f.fieldId)) return false
      if (warnSet) {
        const hit =
          f.warnings.length === 0 ? warnSet.has('none') : f.warnings.some((w) => warnSet.has(w.code))
        if (!hit) return false
      }
      if (needle !== '' && !(names.get(f.fieldId) ?? '').toLowerCase().includes(needle)) return false
      return true
    })
    if (!sort) return out
    const sign = sort.order === 'ascend' ? 1 : -1
    if (sort.key === 'name') {
      const collator = new Intl.Collator(format.locale)
      return out.sort(
        (a, b) => sign * collator.compare(names.get(a.fieldId) ?? '', names.get(b.fieldId) ?? ''),
      )
    }
    const value = sortValue[sort.key]
    return out.sort((a, b) => sign * (value(a) - value(b)) || a.fieldId - b.fieldId)
  }, [props.fields, names, changed, sort, crops, warnings, onlyChanged, text, format.locale])

  const columns = useMemo<TableColumnsType<FieldResult>>(() => {
    const order = (key: SortKey) => (sort?.key === key ? sort.order : null)
    return [
      {
        title: t('scenarios.fieldCol.field'),
        key: 'name',
        width: 130,
        ellipsis: true,
        sorter: true,
        sortOrder: order('name'),
        render: (_, f) => names.get(f.fieldId),
      },
      {
        title: t('scenarios.fieldCol.crop'),
        dataIndex: 'crop',
        key: 'crop',
        width: 64,
        filters: CROPS.map((c) => ({ text: t(`crop.${c}`), value: c })),
        filteredValue: crops.length > 0 ? crops : null,
        render: (c: FieldResult['crop']) => t(`crop.${c}`),
      },
      {
        title: t('scenarios.fieldCol.baseline', { unit: format.yieldUnitLabel }),
        key: 'baseline',
        align: 'right',
        width: 150,
        sorter: true,
        sortOrder: order('baseline'),
        render: (_, f) => format.yieldNumber(f.baselineYieldKgPerHa),
      },
      {
        title: t('scenarios.fieldCol.yield', { unit: format.yieldUnitLabel }),
        key: 'yield',
        align: 'right',
        width: 120,
        sorter: true,
        sortOrder: order('yield'),
        render: (_, f) => format.yieldNumber(f.yieldKgPerHa),
      },
      {
        title: t('scenarios.fieldCol.uplift'),
        key: 'uplift',
        align: 'right',
        width: 90,
        sorter: true,
        sortOrder: order('uplift'),
        render: (_, f) => format.percent(f.upliftPct),
      },
      {
        title: t('scenarios.fieldCol.warnings'),
        key: 'warnings',
        sorter: true,
        sortOrder: order('warnings'),
        filters: [
          { text: t('fieldResults.noWarning'), value: 'none' },
          ...WARNING_CODES.map((code) => ({ text: t(`fieldResults.warningKind.${code}`), value: code })),
        ],
        filteredValue: warnings.length > 0 ? warnings : null,
        ellipsis: true,
        render: (_, f) => {
          if (f.warnings.length === 0) return null
          const sentences = f.warnings.map((w) => warningText(t, format, w))
          return (
            <Tooltip title={sentences.join('；')}>
              <Typography.Text type="warning" ellipsis style={{ maxWidth: '100%' }}>
                {f.warnings.length > 1 && <Tag color="orange">{f.warnings.length}</Tag>}
                {sentences[0]}
              </Typography.Text>
            </Tooltip>
          )
        },
      },
      {
        title: t('scenarios.fieldCol.why'),
        key: 'why',
        width: 84,
        render: (_, f) => (
          <Button
            size="small"
            onClick={() => onWhy(f.fieldId)}
            aria-label={`${t('scenarios.whyButton')} ${names.get(f.fieldId)}`}
          >
            {t('scenarios.whyButton')}
          </Button>
        ),
      },
    ]
  }, [t, format, names, onWhy, sort, crops, warnings])

  const filtered = crops.length > 0 || warnings.length > 0 || onlyChanged || text.trim() !== ''
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Space wrap size="middle">
        <DebouncedSearch label={t('fieldResults.search')} onSearch={setText} width={220} />
        <Checkbox checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)}>
          {t('fieldResults.onlyChanged')}
        </Checkbox>
        <Typography.Text type="secondary" data-testid="field-results-count">
          {filtered
            ? t('fieldResults.countFiltered', {
                n: format.number(rows.length, 0),
                total: format.number(props.fields.length, 0),
              })
            : t('fieldResults.count', { n: format.number(props.fields.length, 0) })}
        </Typography.Text>
      </Space>
      <Table<FieldResult>
        rowKey="fieldId"
        size="small"
        virtual
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 780, y: props.height ?? 420 }}
        data-testid="field-results"
        onChange={(_p, filters, sorter, extra) => {
          if (extra.action === 'filter') {
            setCrops((filters.crop ?? []) as Crop[])
            setWarnings((filters.warnings ?? []) as WarningFilter[])
          }
          if (extra.action === 'sort') {
            const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<FieldResult> | undefined
            const key = s?.columnKey as SortKey | undefined
            setSort(key && s?.order ? { key, order: s.order } : null)
          }
        }}
        locale={{ emptyText: t('fieldResults.noMatch') }}
      />
    </Space>
  )
})
