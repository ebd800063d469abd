import { Alert, App, Col, Modal, Row, Select, Space, Table, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CsvPreview } from '../../../../app/contract/contract'
import {
  type ColumnTarget,
  type CsvDefault,
  type CsvProblem,
  FIELD_COLUMNS,
} from '../../../../engine/csv/fields-csv'
import type { AreaUnit, MassUnit } from '../../../../engine/units'
import { api } from '../../api'
import { toBase64 } from '../../lib/bytes'
import { CsvProblems } from '../csv/CsvProblems'
import { useWorkspace } from '../workspace/WorkspaceContext'

type YieldUnit = 'jin/mu' | 'kg/mu' | 'kg/ha'

function unitsOf(area: AreaUnit, yieldUnit: YieldUnit, densityArea: AreaUnit) {
  const [yieldMass, yieldArea] = yieldUnit.split('/') as [MassUnit, AreaUnit]
  return { area, yieldMass, yieldArea, densityArea }
}

/** Import fields from a CSV: preview, encoding, column mapping, units, and every problem first. */
export function FieldImportModal(props: { onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { format } = useWorkspace()
  const [base64, setBase64] = useState<string | null>(null)
  const [area, setArea] = useState<AreaUnit>(format.units.areaUnit)
  const [yieldUnit, setYieldUnit] = useState<YieldUnit>(format.units.areaUnit === 'mu' ? 'jin/mu' : 'kg/ha')
  const [densityArea, setDensityArea] = useState<AreaUnit>(format.units.areaUnit)
  const [mapping, setMapping] = useState<ColumnTarget[] | null>(null)
  const [preview, setPreview] = useState<CsvPreview | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [refused, setRefused] = useState<CsvProblem[]>([])
  const [busy, setBusy] = useState(false)

  const units = unitsOf(area, yieldUnit, densityArea)

  useEffect(() => {
    if (!base64) return
    let live = true
    void api.fieldsPreviewCsv({ base64, mapping, units: unitsOf(area, yieldUnit, densityArea) }).then((r) => {
      if (!live) return
      if (r.ok) {
        setPreview(r.value)
        setFailure(null)
      } else {
        setPreview(null)
        const issue = r.error.details.issues?.[0]
        setFailure(
          issue ? t(`errors.rule.${issue.rule}`, issue.params ?? {}) : t(`errors.code.${r.error.code}`),
        )
      }
    })
    return () => {
      live = false
    }
  }, [base64, mapping, area, yieldUnit, densityArea, t])

  const targetLabel = (target: ColumnTarget) => {
    if (target === 'ignore') return t('csv.ignore')
    if (target.startsWith('yield:')) return t('csv.yieldOf', { year: target.slice(6) })
    return t(`csvColumn.${target}`)
  }
  const targets: ColumnTarget[] = [
    'ignore',
    ...FIELD_COLUMNS,
    ...((preview?.mapping ?? []).filter((m) => m.startsWith('yield:')) as ColumnTarget[]),
  ]

  // A value the file did not give, as the user reads it.
  const defaultText = (d: CsvDefault) => {
    if (d.column === 'heatSum') return `${format.number(Number(d.value), 0)} ${t('units.heatSum')}`
    if (d.column === 'water') return t(`water.${String(d.value)}`)
    if (d.column === 'saline') return t(`saline.${String(d.value)}`)
    if (d.column === 'hsf') return d.value ? t('csv.yes') : t('csv.no')
    return format.number(Number(d.value), 0)
  }

  const doImport = async () => {
    if (!base64 || busy) return
    setBusy(true)
    const r = await api.fieldsImportCsv({ base64, mapping, units })
    setBusy(false)
    if (!r.ok) {
      // What changed since the preview (another tab, another import) is named row by row.
      const problems = (r.error.details.problems ?? []) as CsvProblem[]
      setRefused(problems)
      setFailure(problems.length > 0 ? null : t(`errors.code.${r.error.code}`))
      return
    }
    message.success(t('csv.imported', { count: r.value.imported }))
    props.onImported()
  }

  const ready = preview !== null && preview.problems.length === 0 && preview.rowCount > 0

  return (
    <Modal
      open
      width={960}
      title={t('csv.title')}
      okText={t('csv.doImport', { count: preview?.rowCount ?? 0 })}
      cancelText={t('csv.cancel')}
      okButtonProps={{ disabled: !ready, loading: busy }}
      onOk={() => void doImport()}
      onCancel={props.onClose}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <label>
          <Typography.Text>{t('csv.file')}</Typography.Text>
          <br />
          <input
            type="file"
            accept=".csv,text/csv"
            data-testid="csv-file"
            onChange={async (e) => {
              const file = e.target.files?.[0]
              if (!file) return
              try {
                setMapping(null)
                setRefused([])
                setBase64(toBase64(new Uint8Array(await file.arrayBuffer())))
              } catch {
                setFailure(t('csv.readFailed'))
              }
            }}
          />
        </label>
        <Row gutter={12}>
          <Col span={8}>
            <Typography.Text id="csv-area">{t('csv.areaUnit')}</Typography.Text>
            <Select
              aria-labelledby="csv-area"
              style={{ width: '100%' }}
              value={area}
              onChange={setArea}
              options={[
                { value: 'mu', label: t('units.mu') },
                { value: 'ha', label: t('units.ha') },
              ]}
            />
          </Col>
          <Col span={8}>
            <Typography.Text id="csv-yield">{t('csv.yieldUnit')}</Typography.Text>
            <Select
              aria-labelledby="csv-yield"
              style={{ width: '100%' }}
              value={yieldUnit}
              onChange={setYieldUnit}
              options={(['jin/mu', 'kg/mu', 'kg/ha'] as const).map((u) => {
                const [m, a] = u.split('/')
                return {
                  value: u,
                  label: t('units.perArea', { unit: t(`units.${m}`), area: t(`units.${a}`) }),
                }
              })}
            />
          </Col>
          <Col span={8}>
            <Typography.Text id="csv-density">{t('csv.densityUnit')}</Typography.Text>
            <Select
              aria-labelledby="csv-density"
              style={{ width: '100%' }}
              value={densityArea}
              onChange={setDensityArea}
              options={[
                { value: 'mu', label: t('units.plantsPerArea', { area: t('units.mu') }) },
                { value: 'ha', label: t('units.plantsPerArea', { area: t('units.ha') }) },
              ]}
            />
          </Col>
        </Row>
        {failure && <Alert type="error" showIcon title={failure} />}
        {refused.length > 0 && <CsvProblems problems={refused} testId="csv-refused" />}
        {preview && (
          <>
            <Typography.Text type="secondary">
              {t('csv.encoding', { encoding: preview.encoding.toUpperCase() })} ·{' '}
              {t('csv.rows', { count: preview.rowCount })}
            </Typography.Text>
            {preview.problems.length > 0 ? (
              <CsvProblems problems={preview.problems} testId="csv-problems" />
            ) : (
              <Alert type="success" showIcon title={t('csv.ok')} />
            )}
            {(preview.defaults ?? []).length > 0 && (
              <Alert
                type="warning"
                showIcon
                data-testid="csv-defaults"
                title={t('csv.defaultsTitle')}
                description={
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {(preview.defaults ?? []).map((d) => (
                      <li key={d.column}>
                        {t('csv.defaultFilled', {
                          column: t(`csvColumn.${d.column}`),
                          count: d.count,
                          value: defaultText(d),
                          rows: d.rows.slice(0, 5).join('、'),
                        })}
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
            <Table
              size="small"
              pagination={false}
              rowKey="header"
              title={() => t('csv.mapping')}
              dataSource={preview.headers.map((header, i) => ({ header, i }))}
              scroll={{ y: 200 }}
              columns={[
                { title: t('csv.column'), dataIndex: 'header' },
                {
                  title: t('csv.target'),
                  key: 'target',
                  render: (_: unknown, r: { header: string; i: number }) => (
                    <Select<ColumnTarget>
                      aria-label={`${t('csv.target')} ${r.header}`}
                      size="small"
                      style={{ width: 200 }}
                      value={preview.mapping[r.i]}
                      onChange={(v) => setMapping(preview.mapping.map((m, j) => (j === r.i ? v : m)))}
                      options={targets.map((target) => ({ value: target, label: targetLabel(target) }))}
                    />
                  ),
                },
              ]}
            />
            <Table
              size="small"
              pagination={false}
              rowKey="name"
              title={() => t('csv.preview', { count: preview.preview.length })}
              dataSource={preview.preview}
              columns={[
                { title: t('fields.col.name'), dataIndex: 'name' },
                {
                  title: t('fields.col.place'),
                  key: 'place',
                  render: (_: unknown, f) => [f.village, f.township].filter(Boolean).join(' / '),
                },
                {
                  title: t('fields.col.area', { unit: format.areaUnitLabel }),
                  key: 'area',
                  align: 'right',
                  render: (_: unknown, f) => format.areaNumber(f.areaHa),
                },
                { title: t('fields.col.crop'), key: 'crop', render: (_: unknown, f) => t(`crop.${f.crop}`) },
                {
                  title: t('fields.col.density', { unit: format.densityUnitLabel }),
                  key: 'density',
                  align: 'right',
                  render: (_: unknown, f) =>
                    f.densityPlantsPerHa === null
                      ? t('fields.noDensity')
                      : format.densityNumber(f.densityPlantsPerHa),
                },
                {
                  title: t('fields.col.water'),
                  key: 'water',
                  render: (_: unknown, f) => t(`water.${f.waterRegime}`),
                },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  )
}
