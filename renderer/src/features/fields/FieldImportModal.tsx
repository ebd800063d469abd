import { Alert, App, Col, InputNumber, Modal, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CsvImportResult, CsvPreview } from '../../../../app/contract/contract'
import {
  type ColumnTarget,
  type ColumnUnit,
  type CsvDefault,
  type CsvProblem,
  FIELD_COLUMNS,
  type OnExisting,
} from '../../../../engine/csv/fields-csv'
import { REGION_DEFAULTS } from '../../../../engine/regions'
import { FIELD_LIMITS, type FieldInput } from '../../../../engine/schemas/field'
import type { AreaUnit, MassUnit } from '../../../../engine/units'
import { api } from '../../api'
import { CsvFileInput } from '../csv/CsvFileInput'
import { CsvProblems } from '../csv/CsvProblems'
import { useWorkspace } from '../workspace/WorkspaceContext'

type YieldUnit = 'jin/mu' | 'kg/mu' | 'kg/ha'

function unitsOf(area: AreaUnit, yieldUnit: YieldUnit, densityArea: AreaUnit) {
  const [yieldMass, yieldArea] = yieldUnit.split('/') as [MassUnit, AreaUnit]
  return { area, yieldMass, yieldArea, densityArea }
}

/** A unit as the user reads it: 斤/亩, 公顷, 株/亩. */
function unitText(
  t: TFunction,
  u: { kind: ColumnUnit['kind']; mass: MassUnit | null; area: AreaUnit },
): string {
  const area = t(`units.${u.area}`)
  if (u.kind === 'yield') return t('units.perArea', { unit: t(`units.${u.mass ?? 'kg'}`), area })
  if (u.kind === 'density') return t('units.plantsPerArea', { area })
  return area
}

/** The spreadsheet rows a default went to: the first five, "…等" when there were more. */
function rowsText(t: TFunction, d: CsvDefault): string {
  const rows = d.rows.slice(0, 5).join('、')
  return d.count > 5 ? t('csv.rowsSome', { rows }) : t('csv.rowsAll', { rows })
}

const isYield = (target: ColumnTarget) => target.startsWith('yield:')
const yearOf = (target: ColumnTarget) => Number(target.slice(6))

/**
 * The year of a "yield of year N" column. A year is taken once it is a whole year a field's
 * history can hold, so typing 2, 20, 201, 2018 does not send three years that are not meant.
 */
function YearInput(props: { value: number; label: string; onChange: (year: number) => void }) {
  const [typed, setTyped] = useState<number | null>(props.value)
  useEffect(() => setTyped(props.value), [props.value])
  return (
    <InputNumber<number>
      size="small"
      aria-label={props.label}
      style={{ width: 96 }}
      min={FIELD_LIMITS.firstYear}
      max={FIELD_LIMITS.lastYear}
      precision={0}
      controls={false}
      value={typed}
      onChange={(v) => {
        setTyped(v)
        if (v !== null && Number.isInteger(v) && v >= FIELD_LIMITS.firstYear && v <= FIELD_LIMITS.lastYear)
          props.onChange(v)
      }}
    />
  )
}

/**
 * Import fields from a CSV: preview, encoding, what each column was recognised as and in which
 * unit it is read, what to do with fields the co-op already has, every problem at the row WPS
 * shows, and every value filled in from the co-op's region, before anything is written.
 */
export function FieldImportModal(props: { onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { format } = useWorkspace()
  const [base64, setBase64] = useState<string | null>(null)
  const [area, setArea] = useState<AreaUnit>(format.units.areaUnit)
  const [yieldUnit, setYieldUnit] = useState<YieldUnit>(format.units.areaUnit === 'mu' ? 'jin/mu' : 'kg/ha')
  const [densityArea, setDensityArea] = useState<AreaUnit>(format.units.areaUnit)
  const [onExisting, setOnExisting] = useState<OnExisting>('stop')
  const [mapping, setMapping] = useState<ColumnTarget[] | null>(null)
  const [preview, setPreview] = useState<CsvPreview | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [refused, setRefused] = useState<CsvProblem[]>([])
  const [busy, setBusy] = useState(false)

  const units = unitsOf(area, yieldUnit, densityArea)

  useEffect(() => {
    if (!base64) return
    let live = true
    void api
      .fieldsPreviewCsv({ base64, mapping, units: unitsOf(area, yieldUnit, densityArea), onExisting })
      .then((r) => {
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
  }, [base64, mapping, area, yieldUnit, densityArea, onExisting, t])

  const targetLabel = (target: ColumnTarget) => {
    if (target === 'ignore') return t('csv.ignore')
    if (isYield(target)) return t('csv.yieldOf', { year: target.slice(6) })
    return t(`csvColumn.${target}`)
  }
  const choices = [
    { value: 'ignore', label: t('csv.ignore') },
    ...FIELD_COLUMNS.map((c) => ({ value: c, label: t(`csvColumn.${c}`) })),
    { value: 'yield', label: t('csv.yieldOfYear') },
  ]
  const setTarget = (index: number, target: ColumnTarget) => {
    if (!preview) return
    setMapping(preview.mapping.map((m, j) => (j === index ? target : m)))
  }
  // A column newly set to "yield of a year" starts at the year its header names, else last season.
  const yieldTargetFor = (index: number): ColumnTarget => {
    const guessed = preview?.guessed[index]
    return guessed && isYield(guessed) ? guessed : `yield:${new Date().getFullYear() - 1}`
  }

  // A value the file did not give, as the user reads it.
  const defaultText = (d: CsvDefault) => {
    if (d.column === 'heatSum') return `${format.number(Number(d.value), 0)} ${t('units.heatSum')}`
    if (d.column === 'grade') return t('csv.gradeValue', { grade: d.value })
    if (d.column === 'water') return t(`water.${String(d.value)}`)
    if (d.column === 'saline') return t(`saline.${String(d.value)}`)
    if (d.column === 'region') return t(`fieldRegion.${String(d.value)}`)
    if (d.column === 'hsf') return d.value ? t('csv.yes') : t('csv.no')
    return format.number(Number(d.value), 0)
  }
  const defaultLine = (d: CsvDefault) => {
    const column = t(`csvColumn.${d.column}`)
    if (d.source !== 'region' || !preview || (d.column !== 'heatSum' && d.column !== 'grade'))
      return t('csv.defaultFilled', { column, count: d.count, value: defaultText(d), rows: rowsText(t, d) })
    const record = REGION_DEFAULTS[preview.region][d.column === 'heatSum' ? 'heatSumCd' : 'qualityGrade']
    return (
      <>
        {t('csv.regionDefault', {
          column,
          value: defaultText(d),
          region: t(`csv.region.${preview.region}`),
          count: d.count,
          rows: rowsText(t, d),
        })}
        <br />
        <Typography.Text type="secondary">
          {t('csv.regionBasis', {
            note: t(`csv.regionNote.${preview.region}_${d.column}`),
            confidence: t(`csv.confidence.${record.confidence}`),
          })}
        </Typography.Text>
      </>
    )
  }

  const chosenText = (u: ColumnUnit) =>
    unitText(t, {
      kind: u.kind,
      mass: u.kind === 'yield' ? units.yieldMass : null,
      area: u.kind === 'yield' ? units.yieldArea : u.kind === 'area' ? units.area : units.densityArea,
    })

  const doImport = async () => {
    if (!base64 || busy) return
    setBusy(true)
    const r = await api.fieldsImportCsv({ base64, mapping, units, onExisting })
    setBusy(false)
    if (!r.ok) {
      // What changed since the preview (another tab, another import) is named row by row.
      const problems = (r.error.details.problems ?? []) as CsvProblem[]
      setRefused(problems)
      setFailure(problems.length > 0 ? null : t(`errors.code.${r.error.code}`))
      return
    }
    const done: CsvImportResult = r.value
    const updated = done.updated ?? 0
    message.success(
      updated > 0 || done.skipped || done.unchanged
        ? t('csv.importedDetail', {
            created: done.imported - updated,
            updated,
            unchanged: done.unchanged ?? 0,
            skip: done.skipped ?? 0,
          })
        : t('csv.imported', { count: done.imported }),
    )
    props.onImported()
  }

  const counts = preview?.counts
  const writes = counts ? counts.new + counts.update : 0
  const ready = preview !== null && preview.problems.length === 0 && writes > 0
  const overridden = preview
    ? preview.headers.flatMap((header, i) => {
        const u = preview.columnUnits[i]
        return u?.overrides ? [{ header, u }] : []
      })
    : []

  return (
    <Modal
      open
      width={1000}
      title={t('csv.title')}
      okText={t('csv.doImport', { count: writes })}
      cancelText={t('csv.cancel')}
      okButtonProps={{ disabled: !ready, loading: busy }}
      onOk={() => void doImport()}
      onCancel={props.onClose}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <CsvFileInput
          testId="csv-file"
          onChosen={() => {
            setMapping(null)
            setRefused([])
          }}
          onRead={setBase64}
          onUnreadable={() => setFailure(t('csv.readFailed'))}
        />
        <div>
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
          <Typography.Text type="secondary">{t('csv.unitsHint')}</Typography.Text>
        </div>
        <div>
          <Typography.Text id="csv-existing">{t('csv.existingTitle')}</Typography.Text>
          <br />
          <Radio.Group
            aria-labelledby="csv-existing"
            data-testid="csv-on-existing"
            value={onExisting}
            onChange={(e) => setOnExisting(e.target.value as OnExisting)}
            options={(['stop', 'skip', 'update'] as const).map((o) => ({
              value: o,
              label: t(`csv.onExisting.${o}`),
            }))}
          />
        </div>
        {failure && <Alert type="error" showIcon title={failure} />}
        {refused.length > 0 && <CsvProblems problems={refused} testId="csv-refused" />}
        {preview && counts && (
          <>
            <Typography.Text type="secondary" data-testid="csv-summary">
              {t('csv.encoding', { encoding: preview.encoding.toUpperCase() })} ·{' '}
              {t('csv.rows', { count: preview.rowCount })} ·{' '}
              {counts.unchanged > 0
                ? t('csv.countsUnchanged', { ...counts })
                : t('csv.counts', { new: counts.new, update: counts.update, skip: counts.skip })}
            </Typography.Text>
            {preview.problems.length > 0 ? (
              <CsvProblems problems={preview.problems} testId="csv-problems" />
            ) : (
              <Alert type="success" showIcon title={t('csv.ok')} />
            )}
            {onExisting === 'stop' && counts.existing > 0 && (
              <Alert type="warning" showIcon title={t('csv.existingFound', { count: counts.existing })} />
            )}
            {onExisting === 'update' && counts.update > 0 && (
              <Alert
                type="info"
                showIcon
                data-testid="csv-update-notice"
                title={t('csv.updateTitle', { count: counts.update })}
                description={t('csv.updateNotice')}
              />
            )}
            {overridden.length > 0 && (
              <Alert
                type="info"
                showIcon
                data-testid="csv-header-units"
                title={t('csv.unitsTitle')}
                description={
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {overridden.map(({ header, u }) => (
                      <li key={header}>
                        {t('csv.unitOverride', {
                          column: header,
                          unit: unitText(t, u),
                          chosen: chosenText(u),
                        })}
                      </li>
                    ))}
                  </ul>
                }
              />
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
                      <li key={`${d.column}:${String(d.value)}`}>{defaultLine(d)}</li>
                    ))}
                  </ul>
                }
              />
            )}
            <Table<{ header: string; i: number }>
              size="small"
              pagination={false}
              rowKey="i"
              data-testid="csv-mapping"
              title={() => t('csv.mapping')}
              dataSource={preview.headers.map((header, i) => ({ header, i }))}
              scroll={{ y: 240 }}
              columns={[
                { title: t('csv.column'), dataIndex: 'header' },
                {
                  title: t('csv.recognised'),
                  key: 'guessed',
                  render: (_: unknown, r) => {
                    const guessed = preview.guessed[r.i] ?? 'ignore'
                    return guessed === 'ignore' ? (
                      <Typography.Text type="secondary">{t('csv.notRecognised')}</Typography.Text>
                    ) : (
                      targetLabel(guessed)
                    )
                  },
                },
                {
                  title: t('csv.target'),
                  key: 'target',
                  width: 330,
                  render: (_: unknown, r) => {
                    const target = preview.mapping[r.i] ?? 'ignore'
                    return (
                      <Space size={6}>
                        <Select<string>
                          aria-label={`${t('csv.target')} ${r.header}`}
                          size="small"
                          style={{ width: 200 }}
                          value={isYield(target) ? 'yield' : target}
                          onChange={(v) =>
                            setTarget(r.i, v === 'yield' ? yieldTargetFor(r.i) : (v as ColumnTarget))
                          }
                          options={choices}
                        />
                        {isYield(target) && (
                          <YearInput
                            value={yearOf(target)}
                            label={t('csv.yearOf', { column: r.header })}
                            onChange={(year) => setTarget(r.i, `yield:${year}`)}
                          />
                        )}
                      </Space>
                    )
                  },
                },
                {
                  title: t('csv.unitColumn'),
                  key: 'unit',
                  render: (_: unknown, r) => {
                    const u = preview.columnUnits[r.i]
                    if (!u) return null
                    const text = unitText(t, u)
                    if (u.overrides)
                      return <Tag color="orange">{t('csv.unitFromHeaderOverride', { unit: text })}</Tag>
                    return u.fromHeader
                      ? t('csv.unitFromHeader', { unit: text })
                      : t('csv.unitFromDialog', { unit: text })
                  },
                },
              ]}
            />
            <Table<FieldInput & { key: number }>
              size="small"
              pagination={false}
              rowKey="key"
              title={() => t('csv.preview', { count: preview.preview.length })}
              dataSource={preview.preview.map((f, key) => ({ ...f, key }))}
              columns={[
                {
                  title: t('csv.rowNumber'),
                  key: 'row',
                  align: 'right',
                  render: (_: unknown, f) => preview.previewRows[f.key]?.row,
                },
                {
                  title: t('csv.action'),
                  key: 'action',
                  render: (_: unknown, f) => {
                    const action = preview.previewRows[f.key]?.action ?? 'new'
                    return (
                      <Tag color={action === 'update' ? 'blue' : 'green'}>
                        {t(`csv.actionName.${action}`)}
                      </Tag>
                    )
                  },
                },
                { title: t('fields.col.name'), dataIndex: 'name' },
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
                  title: t('csv.history', { unit: format.yieldUnitLabel }),
                  key: 'history',
                  render: (_: unknown, f) => {
                    const last = f.history.at(-1)
                    if (!last) return <Typography.Text type="secondary">{t('csv.noHistory')}</Typography.Text>
                    return t('csv.historySummary', {
                      count: f.history.length,
                      from: f.history[0]!.year,
                      to: last.year,
                      last: format.yieldNumber(last.yieldKgPerHa),
                    })
                  },
                },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  )
}
