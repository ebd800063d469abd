import { Alert, Button, Segmented, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CROPS, type Crop } from '../../../../engine/schemas/field'
import type { Variety } from '../../../../engine/schemas/variety'
import { api, unwrap } from '../../api'
import { errorMessage } from '../../lib/errors'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { VarietyFormModal } from './VarietyFormModal'
import { VarietyImportModal } from './VarietyImportModal'

export function VarietiesScreen() {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const [rows, setRows] = useState<Variety[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [crop, setCrop] = useState<Crop | 'all'>('all')
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

  if (error)
    return <Alert type="error" showIcon title={t('errors.title')} description={errorMessage(t, error)} />

  const level = (l: Variety['densityTolerance']) => t(`varieties.level.${l ?? 'unknown'}`)
  const optional = (x: number | null, digits = 0) =>
    x === null ? t('varieties.level.unknown') : format.number(x, digits)
  const columns: TableColumnsType<Variety> = [
    {
      title: t('varieties.col.name'),
      dataIndex: 'name',
      width: 320,
      render: (name: string, v) => (
        <Space orientation="vertical" size={2}>
          <Space size={4} wrap>
            <Typography.Text strong>{name}</Typography.Text>
            {v.isExample && <Tag color="orange">{t('varieties.example')}</Tag>}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('varieties.col.source')}：{v.source}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('varieties.col.crop'), dataIndex: 'crop', width: 70, render: (c: Crop) => t(`crop.${c}`) },
    {
      title: t('varieties.col.maturity'),
      dataIndex: 'maturityDays',
      align: 'right',
      width: 90,
      render: (d: number | null) => optional(d),
    },
    {
      title: t('varieties.col.heat'),
      dataIndex: 'heatSumNeededCd',
      align: 'right',
      width: 110,
      render: (d: number | null) => optional(d),
    },
    {
      title: t('varieties.col.potential'),
      dataIndex: 'yieldPotentialRel',
      width: 150,
      render: (r: number, v) => (
        <span>
          {v.checkVariety
            ? `${t('varieties.potentialValue', { pct: `${format.number(r * 100, 1)} %` })} · ${v.checkVariety}`
            : `${format.number(r * 100, 1)} %`}
        </span>
      ),
    },
    {
      title: t('varieties.col.traits'),
      key: 'traits',
      width: 120,
      render: (_, v) => `${level(v.densityTolerance)} / ${level(v.lodgingRisk)} / ${level(v.saltTolerance)}`,
    },
    {
      title: t('varieties.col.quality'),
      key: 'quality',
      width: 110,
      render: (_, v) =>
        v.oilPct === null && v.proteinPct === null
          ? t('varieties.level.unknown')
          : `${optional(v.oilPct, 2)} % / ${optional(v.proteinPct, 2)} %`,
    },
    {
      title: t('varieties.col.densities', { unit: format.densityUnitLabel }),
      key: 'densities',
      width: 260,
      render: (_, v) => (
        <Space orientation="vertical" size={0}>
          {v.densities.length === 0
            ? t('varieties.level.unknown')
            : v.densities.map((d) => (
                <span key={d.waterRegime}>
                  {t('varieties.densityRow', {
                    water: t(`water.${d.waterRegime}`),
                    min: format.densityNumber(d.minPlantsPerHa),
                    opt: format.densityNumber(d.optimumPlantsPerHa),
                    max: format.densityNumber(d.maxPlantsPerHa),
                  })}
                </span>
              ))}
        </Space>
      ),
    },
    {
      title: t('varieties.col.source'),
      dataIndex: 'source',
      render: (s: string) => <Typography.Text type="secondary">{s}</Typography.Text>,
    },
    {
      title: t('fields.actions'),
      key: 'actions',
      width: 90,
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
      <Segmented
        value={crop}
        onChange={(v) => setCrop(v as Crop | 'all')}
        options={[
          { value: 'all', label: t('varieties.all') },
          ...CROPS.map((c) => ({ value: c, label: t(`crop.${c}`) })),
        ]}
      />
      <Table<Variety>
        rowKey="id"
        size="middle"
        loading={!rows}
        columns={columns}
        dataSource={(rows ?? []).filter((v) => crop === 'all' || v.crop === crop)}
        pagination={false}
        scroll={{ x: 1250 }}
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
