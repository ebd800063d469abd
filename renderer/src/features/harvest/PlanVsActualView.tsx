import { Alert, Card, Col, Empty, Row, Select, Space, Spin, Statistic, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanVsActual } from '../../../../engine/actuals/types'
import type { VersionSummary } from '../../../../engine/board/version'
import type { Plan } from '../../../../engine/schemas/plan'
import { api, unwrap } from '../../api'
import { apiErrorOf, errorMessage } from '../../lib/errors'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { FieldComparisonTable } from './FieldComparisonTable'
import { massText, yuanText } from './harvest-text'
import { RollupTable } from './RollupTable'

/**
 * Plan against actual for one season: the whole co-op (production and money, forecast and
 * actual, the error with its sign, fields outside the forecast's P10–P90 band), then by group,
 * by crop and field by field.
 */
export function PlanVsActualView(props: { seasonYear: number; plan: Plan | null; refresh: number }) {
  const { t } = useTranslation()
  const [result, setResult] = useState<PlanVsActual | null>(null)
  const [state, setState] = useState<'loading' | 'none' | 'done' | 'failed'>('loading')
  const [error, setError] = useState<unknown>(null)
  // What the actuals are set against: today's plan (null) or a frozen version, by default the
  // latest the board approved — the plan as it was decided, not as calibrated since.
  const [versions, setVersions] = useState<VersionSummary[] | null>(null)
  const [basis, setBasis] = useState<number | null | undefined>(undefined)
  useEffect(() => {
    unwrap(api.versionsList()).then(
      (list) => {
        const usable = list.filter((v) => v.hashVerified)
        setVersions(usable)
        setBasis((b) =>
          b !== undefined ? b : (usable.filter((v) => v.status === 'approved').at(-1)?.id ?? null),
        )
      },
      () => {
        setVersions([])
        setBasis((b) => (b !== undefined ? b : null))
      },
    )
  }, [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: read again after every write (refresh)
  useEffect(() => {
    if (basis === undefined) return
    let live = true
    setState('loading')
    unwrap(api.actualsCompare({ seasonYear: props.seasonYear, versionId: basis }))
      .then((r) => {
        if (!live) return
        setResult(r)
        setState('done')
      })
      .catch((e) => {
        if (!live) return
        const rule = apiErrorOf(e)?.details.issues?.[0]?.rule
        setError(e)
        setState(rule === 'no_actuals' ? 'none' : 'failed')
      })
    return () => {
      live = false
    }
  }, [props.seasonYear, props.refresh, basis])

  return (
    <>
      {versions && versions.length > 0 ? (
        <BasisPicker versions={versions} basis={basis ?? null} onChange={setBasis} />
      ) : null}
      {state === 'loading' ? (
        <Spin />
      ) : state === 'none' ? (
        <Empty description={t('errors.rule.no_actuals', { year: props.seasonYear })} />
      ) : state === 'failed' || !result ? (
        <Alert type="error" showIcon title={t('errors.title')} description={errorMessage(t, error)} />
      ) : (
        <Comparison result={result} plan={props.plan} />
      )}
    </>
  )
}

/** Today's plan, or one of the frozen versions, as the forecast the actuals are set against. */
function BasisPicker(props: {
  versions: VersionSummary[]
  basis: number | null
  onChange: (versionId: number | null) => void
}) {
  const { t } = useTranslation()
  return (
    <Space style={{ marginBottom: 12 }} wrap>
      <Typography.Text>{t('harvest.compare.basis')}</Typography.Text>
      <Select
        aria-label={t('harvest.compare.basis')}
        style={{ minWidth: 320 }}
        value={props.basis ?? 0}
        onChange={(v: number) => props.onChange(v === 0 ? null : v)}
        options={[
          { value: 0, label: t('harvest.compare.basisPlan') },
          ...props.versions.map((v) => ({
            value: v.id,
            label: t('harvest.compare.basisVersion', {
              number: v.number,
              title: v.title,
              status: t(`board.status.${v.status}`),
            }),
          })),
        ]}
      />
    </Space>
  )
}

function Comparison(props: { result: PlanVsActual; plan: Plan | null }) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const { result } = props
  const total = result.total
  const money = total.actualMarginYuan - total.forecastMarginYuan
  return (
    <div data-testid="plan-vs-actual">
      <Typography.Paragraph type="secondary" data-testid="plan-vs-actual-intro">
        {t(result.basis ? 'harvest.compare.introVersion' : 'harvest.compare.intro', {
          year: result.seasonYear,
          number: result.basis?.versionNumber,
          title: result.basis?.versionTitle,
          scenario: result.scenarioName,
          fields: total.fields,
          skipped: result.skipped,
        })}
      </Typography.Paragraph>
      <Row gutter={[12, 12]}>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={t('harvest.compare.forecastProduction')}
              value={massText(format, total.forecastProductionKg)}
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={t('harvest.compare.actualProduction')}
              value={massText(format, total.actualProductionKg)}
            />
            <Typography.Text data-testid="total-error" type={total.errorPct < 0 ? 'danger' : 'success'}>
              {t('harvest.compare.error', { pct: format.percent(total.errorPct) })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={t('harvest.compare.actualMargin')}
              value={yuanText(t, format, total.actualMarginYuan)}
            />
            <Typography.Text type={money < 0 ? 'danger' : 'success'}>
              {t('harvest.compare.againstPlan', {
                plan: yuanText(t, format, total.forecastMarginYuan),
                diff: `${money > 0 ? '+' : money < 0 ? '−' : '±'}${yuanText(t, format, Math.abs(money))}`,
              })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={t('harvest.compare.outsideBand')}
              value={t('harvest.fieldsCount', { count: total.outsideBand })}
            />
            <Typography.Text type="secondary">{t('harvest.compare.bandHelp')}</Typography.Text>
          </Card>
        </Col>
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xxl={12}>
          <RollupTable
            title={t('harvest.compare.byGroup')}
            kind="group"
            rows={result.byGroup}
            plan={props.plan}
          />
        </Col>
        <Col xs={24} xxl={12}>
          <RollupTable
            title={t('harvest.compare.byCrop')}
            kind="crop"
            rows={result.byCrop}
            plan={props.plan}
          />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('harvest.compare.byField')}
      </Typography.Title>
      <FieldComparisonTable fields={result.fields} />
    </div>
  )
}
