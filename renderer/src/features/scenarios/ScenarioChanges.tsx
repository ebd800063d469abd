import { Empty, Select, Space, Table, type TableColumnsType, Typography } from 'antd'
import type { SorterResult } from 'antd/es/table/interface'
import { memo, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Crop } from '../../../../engine/schemas/field'
import type { Plan, Scenario, ScenarioChange } from '../../../../engine/schemas/plan'
import { DebouncedSearch } from '../fields/DebouncedSearch'
import { useWorkspace } from '../workspace/WorkspaceContext'

const KINDS = ['hsf', 'variety', 'density', 'water'] as const
type Kind = (typeof KINDS)[number]

type Row = ScenarioChange & { name: string; crop: Crop; areaHa: number }

function kindsOf(c: ScenarioChange): Kind[] {
  return [
    ...(c.buildHsf === true ? (['hsf'] as const) : []),
    ...(c.varietyId !== null ? (['variety'] as const) : []),
    ...(c.densityPlantsPerHa !== null ? (['density'] as const) : []),
    ...(c.waterRegime !== null ? (['water'] as const) : []),
  ]
}

/**
 * What a scenario changes, field by field: high-standard farmland built, the variety, the density
 * (in the plan's units) and the water regime; "不变" where it keeps today's practice. Only the
 * fields it changes are listed; thousands scroll in a virtual list.
 */
export const ScenarioChanges = memo(function ScenarioChanges(props: {
  plan: Plan
  scenario: Scenario
  height?: number
}) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const { plan, scenario } = props
  const [kinds, setKinds] = useState<Kind[]>([])
  const [sort, setSort] = useState<{ key: 'name' | 'areaHa'; order: 'ascend' | 'descend' } | null>(null)
  const [text, setText] = useState('')
  const varietyName = useMemo(() => new Map(plan.varieties.map((v) => [v.id, v.name])), [plan.varieties])
  const all = useMemo<Row[]>(() => {
    const byId = new Map(plan.fields.map((f) => [f.id, f]))
    return scenario.changes.flatMap((c) => {
      const f = byId.get(c.fieldId)
      return f ? [{ ...c, name: f.name, crop: f.crop, areaHa: f.areaHa }] : []
    })
  }, [plan.fields, scenario.changes])
  const changedAreaHa = useMemo(() => all.reduce((sum, r) => sum + r.areaHa, 0), [all])
  const rows = useMemo(() => {
    const needle = text.trim().toLowerCase()
    const wanted = kinds.length > 0 ? new Set(kinds) : null
    const out = all.filter(
      (r) =>
        (!wanted || kindsOf(r).some((k) => wanted.has(k))) &&
        (needle === '' || r.name.toLowerCase().includes(needle)),
    )
    if (!sort) return out
    const sign = sort.order === 'ascend' ? 1 : -1
    if (sort.key === 'areaHa')
      return out.sort((a, b) => sign * (a.areaHa - b.areaHa) || a.fieldId - b.fieldId)
    const collator = new Intl.Collator(format.locale)
    return out.sort((a, b) => sign * collator.compare(a.name, b.name))
  }, [all, kinds, sort, text, format.locale])

  const columns = useMemo<TableColumnsType<Row>>(() => {
    const keep = t('scenarioChanges.keep')
    return [
      {
        title: t('scenarioChanges.col.field'),
        dataIndex: 'name',
        key: 'name',
        width: 120,
        ellipsis: true,
        sorter: true,
        sortOrder: sort?.key === 'name' ? sort.order : null,
      },
      {
        title: t('scenarioChanges.col.crop'),
        dataIndex: 'crop',
        width: 56,
        render: (c: Crop) => t(`crop.${c}`),
      },
      {
        title: t('scenarioChanges.col.area', { unit: format.areaUnitLabel }),
        dataIndex: 'areaHa',
        key: 'areaHa',
        align: 'right',
        width: 96,
        sorter: true,
        sortOrder: sort?.key === 'areaHa' ? sort.order : null,
        render: (a: number) => format.areaNumber(a),
      },
      {
        title: t('scenarioChanges.col.hsf'),
        key: 'hsf',
        width: 96,
        render: (_, r) => (r.buildHsf === true ? t('scenarioChanges.build') : keep),
      },
      {
        title: t('scenarioChanges.col.variety'),
        key: 'variety',
        width: 110,
        ellipsis: true,
        render: (_, r) => (r.varietyId === null ? keep : (varietyName.get(r.varietyId) ?? keep)),
      },
      {
        title: t('scenarioChanges.col.density', { unit: format.densityUnitLabel }),
        key: 'density',
        align: 'right',
        width: 120,
        render: (_, r) => (r.densityPlantsPerHa === null ? keep : format.densityNumber(r.densityPlantsPerHa)),
      },
      {
        title: t('scenarioChanges.col.water'),
        key: 'water',
        width: 150,
        render: (_, r) => (r.waterRegime === null ? keep : t(`water.${r.waterRegime}`)),
      },
    ]
  }, [t, format, varietyName, sort])

  if (scenario.isBaseline || all.length === 0) {
    return (
      <Empty
        data-testid="scenario-changes-empty"
        description={scenario.isBaseline ? t('scenarioChanges.baseline') : t('scenarioChanges.none')}
      />
    )
  }
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Space wrap size="middle">
        <Typography.Text data-testid="scenario-changes-summary">
          {t('scenarioChanges.summary', {
            n: format.number(all.length, 0),
            total: format.number(plan.fields.length, 0),
            area: format.area(changedAreaHa),
          })}
        </Typography.Text>
        <DebouncedSearch label={t('scenarioChanges.search')} onSearch={setText} width={220} />
        <Select<Kind[]>
          mode="multiple"
          allowClear
          aria-label={t('scenarioChanges.kindFilter')}
          placeholder={t('scenarioChanges.kindFilter')}
          value={kinds}
          onChange={setKinds}
          options={KINDS.map((k) => ({ value: k, label: t(`scenarioChanges.kind.${k}`) }))}
          style={{ minWidth: 220 }}
        />
      </Space>
      <Table<Row>
        rowKey="fieldId"
        size="small"
        virtual
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 748, y: props.height ?? 420 }}
        data-testid="scenario-changes"
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action === 'sort') {
            const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Row> | undefined
            const key = s?.columnKey
            setSort((key === 'name' || key === 'areaHa') && s?.order ? { key, order: s.order } : null)
          }
        }}
        locale={{ emptyText: t('scenarioChanges.noMatch') }}
      />
    </Space>
  )
})
