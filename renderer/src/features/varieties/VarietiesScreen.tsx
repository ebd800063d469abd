import {
  Alert,
  Button,
  Input,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CROPS, type Crop } from '../../../../engine/schemas/field'
import type { Variety } from '../../../../engine/schemas/variety'
import { api, unwrap } from '../../api'
import { useVarietySourceText } from '../../lib/citations'
import { errorMessage } from '../../lib/errors'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { VarietyFormModal } from './VarietyFormModal'
import { VarietyImportModal } from './VarietyImportModal'

export function VarietiesScreen() {
  const { t } = useTranslation()
  const sourceText = useVarietySourceText()
  const { format } = useWorkspace()
  const [rows, setRows] = useState<Variety[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [crop, setCrop] = useState<Crop | 'all'>('all')
  const [search, setSearch] = useState('')
  const [editing, setEditing] = useState<{ variety: Variety | null } | null>(null)
  const [importing, setImporting] = useState(false)

  const reload = useCallback(async () => {
    try {
      setRows(await unwrap(api.varietiesList()))
    } catch (e) {
      setError(e)
    }
  }, [])
  useEffect(() => {
    void reload()
  }, [reload])

  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase()
    return (rows ?? []).filter(
      (v) =>
        (crop === 'all' || v.crop === crop) &&
        (needle === '' ||
          v.name.toLowerCase().includes(needle) ||
          (v.checkVariety ?? '').toLowerCase().includes(needle)),
    )
  }, [rows, crop, search])

  if (error)
    return <Alert type="error" showIcon title={t('errors.title')} description={errorMessage(t, error)} />

  const level = (l: Variety['densityTolerance']) => t(`varieties.level.${l ?? 'unknown'}`)
  const optional = (x: number | null, digits = 0) =>
    x === null ? t('varieties.level.unknown') : format.number(x, digits)
  const columns: TableColumnsType<Variety> = [
    {
      title: t('varieties.col.name'),
      dataIndex: 'name',
      width: 196,
      render: (name: string, v) => (
        <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
          <Space size={4} wrap>
            <Typography.Text strong>{name}</Typography.Text>
            {v.isExample && <Tag color="orange">{t('varieties.example')}</Tag>}
          </Space>
          {/* The source in full on pointing or focus; one line in the list keeps rows readable. */}
          <Tooltip title={t('varietyList.sourceLine', { source: sourceText(v.source) })}>
            <Typography.Text
              type="secondary"
              ellipsis
              tabIndex={0}
              data-testid="variety-source"
              aria-label={t('varietyList.sourceLine', { source: sourceText(v.source) })}
              style={{ fontSize: 12, display: 'block', maxWidth: 172 }}
            >
              {t('varietyList.sourceLine', { source: sourceText(v.source) })}
            </Typography.Text>
          </Tooltip>
        </Space>
      ),
    },
    { title: t('varieties.col.crop'), dataIndex: 'crop', width: 56, render: (c: Crop) => t(`crop.${c}`) },
    {
      title: t('varieties.col.maturity'),
      dataIndex: 'maturityDays',
      align: 'right',
      width: 70,
      render: (d: number | null) => optional(d),
    },
    {
      title: t('varieties.col.heat'),
      dataIndex: 'heatSumNeededCd',
      align: 'right',
      width: 90,
      render: (d: number | null) => optional(d),
    },
    {
      title: t('varieties.col.potential'),
      dataIndex: 'yieldPotentialRel',
      width: 110,
      render: (r: number, v) => (
        <Space orientation="vertical" size={0}>
          <span>{`${format.number(r * 100, 1)} %`}</span>
          {v.checkVariety && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('varietyList.checkShort', { name: v.checkVariety })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('varieties.col.traits'),
      key: 'traits',
      width: 100,
      render: (_, v) => `${level(v.densityTolerance)} / ${level(v.lodgingRisk)} / ${level(v.saltTolerance)}`,
    },
    {
      title: t('varieties.col.quality'),
      key: 'quality',
      width: 132,
      render: (_, v) =>
        v.oilPct === null && v.proteinPct === null ? (
          t('varieties.level.unknown')
        ) : (
          <span style={{ whiteSpace: 'nowrap' }}>
            {`${optional(v.oilPct, 2)} % / ${optional(v.proteinPct, 2)} %`}
          </span>
        ),
    },
    {
      title: t('varieties.col.densities', { unit: format.densityUnitLabel }),
      key: 'densities',
      width: 262,
      render: (_, v) => (
        <Space orientation="vertical" size={0}>
          {v.densities.length === 0
            ? t('varieties.level.unknown')
            : v.densities.map((d) => (
                // The regime's name may wrap; its three numbers never break apart.
                <span key={d.waterRegime}>
                  {t('varietyList.densityWater', { water: t(`water.${d.waterRegime}`) })}
                  <span style={{ whiteSpace: 'nowrap' }}>
                    {t('varietyList.densityNumbers', {
                      min: format.densityNumber(d.minPlantsPerHa),
                      opt: format.densityNumber(d.optimumPlantsPerHa),
                      max: format.densityNumber(d.maxPlantsPerHa),
                    })}
                  </span>
                </span>
              ))}
        </Space>
      ),
    },
    {
      title: t('fields.actions'),
      key: 'actions',
      width: 64,
      render: (_, v) => (
        <Button
          size="small"
          onClick={() => setEditing({ variety: v })}
          aria-label={`${t('varieties.edit')} ${v.name}`}
        >
          {t('varieties.edit')}
        </Button>
      ),
    },
  ]

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('varieties.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('varieties.subtitle')}</Typography.Text>
        </div>
        <Space>
          <Button onClick={() => setImporting(true)}>{t('varietyCsv.button')}</Button>
          <Button type="primary" onClick={() => setEditing({ variety: null })}>
            {t('varieties.add')}
          </Button>
        </Space>
      </div>
      <Space wrap size="middle">
        <Segmented
          value={crop}
          onChange={(v) => setCrop(v as Crop | 'all')}
          options={[
            { value: 'all', label: t('varieties.all') },
            ...CROPS.map((c) => ({ value: c, label: t(`crop.${c}`) })),
          ]}
        />
        <Input.Search
          allowClear
          aria-label={t('varietyList.search')}
          placeholder={t('varietyList.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 240 }}
        />
        {rows && (
          <Typography.Text type="secondary" data-testid="varieties-count">
            {shown.length === rows.length
              ? t('varietyList.count', { n: format.number(rows.length, 0) })
              : t('varietyList.countFiltered', {
                  n: format.number(shown.length, 0),
                  total: format.number(rows.length, 0),
                })}
          </Typography.Text>
        )}
      </Space>
      <Table<Variety>
        rowKey="id"
        size="middle"
        loading={!rows}
        columns={columns}
        dataSource={shown}
        pagination={false}
        // Every column fits a 1366-pixel laptop screen beside the menu; a long list scrolls in place.
        scroll={shown.length > 100 ? { x: 1080, y: 560 } : { x: 1080 }}
        virtual={shown.length > 100}
        locale={{ emptyText: t('varietyList.noMatch') }}
      />
      {importing && (
        <VarietyImportModal
          onClose={() => setImporting(false)}
          onImported={() => {
            setImporting(false)
            void reload()
          }}
        />
      )}
      {editing && (
        <VarietyFormModal
          variety={editing.variety}
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
