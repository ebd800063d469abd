import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  InputNumber,
  Row,
  Select,
  Slider,
  Space,
  Typography,
} from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { EffectiveAssumption } from '../../../../engine/assumptions/resolve'
import { valuesOf } from '../../../../engine/assumptions/resolve'
import { AppError } from '../../../../engine/errors'
import { agronomicOptimum, densityRange, evalQuadratic, fitQuadratic } from '../../../../engine/model/density'
import { densityCurve } from '../../../../engine/model/density-explorer'
import { WATER_REGIMES, type WaterRegime } from '../../../../engine/schemas/field'
import type { Variety } from '../../../../engine/schemas/variety'
import { fromKg } from '../../../../engine/units'
import { api, unwrap } from '../../api'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { parseTrialPoints } from './trial-points'

/** Yield against density for a variety × water regime, with both optima and a fit to trial points. */
export function DensityScreen(props: { chartWidth?: number }) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const [varieties, setVarieties] = useState<Variety[]>([])
  const [assumptions, setAssumptions] = useState<EffectiveAssumption[] | null>(null)
  const [varietyId, setVarietyId] = useState<number | null>(null)
  const [water, setWater] = useState<WaterRegime>('drip')
  const [seedPer1000, setSeedPer1000] = useState<number | null>(null)
  const [grainPerMass, setGrainPerMass] = useState<number | null>(null)
  const [yieldAtOpt, setYieldAtOpt] = useState<number | null>(null)
  const [readDensity, setReadDensity] = useState<number | null>(null)
  const [trialText, setTrialText] = useState('')
  const [trialMessage, setTrialMessage] = useState<string | null>(null)
  const [fitted, setFitted] = useState<ReturnType<typeof fitQuadratic> | null>(null)
  const [trialPoints, setTrialPoints] = useState<{ x: number; y: number }[]>([])

  useEffect(() => {
    void (async () => {
      const [v, a] = await Promise.all([unwrap(api.varietiesList()), unwrap(api.assumptionsList())])
      setVarieties(v.filter((x) => x.crop !== 'rice'))
      setAssumptions(a)
      setVarietyId(v.find((x) => x.crop === 'maize' && x.densityTolerance === 'high')?.id ?? v[0]?.id ?? null)
    })()
  }, [])

  const values = useMemo(() => valuesOf(assumptions ?? []), [assumptions])
  const variety = varieties.find((v) => v.id === varietyId) ?? null
  const crop = variety?.crop ?? 'maize'
  const kgPerMassUnit = 1 / fromKg(1, format.units.massUnit)
  // Defaults from the assumptions, in display units; the user can type over them.
  const seed = seedPer1000 ?? values[`seed.${crop}.yuanPer1000`] ?? 0
  const grainPerKg = grainPerMass !== null ? grainPerMass / kgPerMassUnit : (values[`price.${crop}`] ?? 0)
  const waterFactor = crop === 'maize' && water !== 'rainfed' ? (values[`water.factor.${water}`] ?? 1) : 1
  const ymaxKgPerHa =
    yieldAtOpt !== null
      ? yieldAtOpt / format.yieldValue(1)
      : (values[`baseline.default.${crop}`] ?? 0) * waterFactor
  const range = variety && assumptions ? densityRange(crop, variety.densities, water, values) : null

  const curve = useMemo(() => {
    if (!range || !assumptions) return null
    return densityCurve({
      range,
      curvature: values[`density.curvature.${crop}`] ?? 1,
      lodgingPenalty: values['density.lodgingPenalty'] ?? 1,
      lodgingRisk: variety?.lodgingRisk ?? null,
      yieldAtOptimumKgPerHa: ymaxKgPerHa,
      seedYuanPer1000: seed,
      grainYuanPerKg: grainPerKg,
    })
  }, [range, assumptions, values, crop, variety, ymaxKgPerHa, seed, grainPerKg])

  const x = (plantsPerHa: number) => format.densityValue(plantsPerHa)
  const y = (kgPerHa: number) => format.yieldValue(kgPerHa)
  const data = (curve?.points ?? []).map((p) => ({
    x: x(p.densityPlantsPerHa),
    model: y(p.yieldKgPerHa),
    ...(fitted ? { fit: y(evalQuadratic(fitted, p.densityPlantsPerHa)) } : {}),
  }))
  const dRead = readDensity ?? (curve ? curve.aopdPlantsPerHa : 0)
  const yRead = curve ? curve.yieldAt(dRead) : 0
  const seedCostPerHa = (dRead / 1000) * seed
  const densityLabel = (d: number) => `${format.densityNumber(d)} ${format.densityUnitLabel}`
  const perArea = (yuanPerHa: number) =>
    t('density.perArea', { value: format.money(format.densityValue(yuanPerHa)), area: format.areaUnitLabel })

  const fit = () => {
    const parsed = parseTrialPoints(trialText)
    if ('issue' in parsed) {
      const { issue } = parsed
      setTrialMessage(
        issue.rule === 'csv_row'
          ? t('density.badLine', { line: issue.params?.line })
          : t(`errors.rule.${issue.rule}`, issue.params ?? {}),
      )
      return
    }
    const distinct = new Set(parsed.points.map((p) => p.density)).size
    if (distinct < 3) {
      setTrialMessage(t('density.tooFew', { count: distinct }))
      return
    }
    const canonical = parsed.points.map((p) => ({
      densityPlantsPerHa: p.density / format.densityValue(1),
      yieldKgPerHa: p.yield / format.yieldValue(1),
    }))
    let result: ReturnType<typeof fitQuadratic>
    try {
      result = fitQuadratic(canonical)
    } catch (error) {
      // Points the fit cannot use (all on a line, say) are named, not thrown at the user.
      const issue = error instanceof AppError ? error.details.issues?.[0] : undefined
      setTrialMessage(issue ? t(`errors.rule.${issue.rule}`, issue.params ?? {}) : t('errors.code.INTERNAL'))
      return
    }
    setFitted(result)
    setTrialPoints(parsed.points.map((p) => ({ x: p.density, y: p.yield })))
    const aopd = agronomicOptimum(result)
    setTrialMessage(
      aopd === null
        ? t('density.fitNoPeak')
        : t('density.fitResult', {
            rmse: format.number(y(result.rmseKgPerHa), 1),
            unit: format.yieldUnitLabel,
            r2: format.number(result.r2, 3),
            aopd: densityLabel(aopd),
          }),
    )
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('density.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('density.subtitle')}</Typography.Text>
      </div>
      <Card>
        <Row gutter={[16, 12]}>
          <Col span={6}>
            <Typography.Text id="d-variety">{t('density.variety')}</Typography.Text>
            <Select
              aria-labelledby="d-variety"
              style={{ width: '100%' }}
              value={varietyId}
              onChange={(id) => {
                setVarietyId(id)
                setReadDensity(null)
                setSeedPer1000(null)
                setGrainPerMass(null)
                setYieldAtOpt(null)
              }}
              options={varieties.map((v) => ({ value: v.id, label: `${v.name}（${t(`crop.${v.crop}`)}）` }))}
            />
          </Col>
          <Col span={6}>
            <Typography.Text id="d-water">{t('density.water')}</Typography.Text>
            <Select
              aria-labelledby="d-water"
              style={{ width: '100%' }}
              value={water}
              onChange={(w) => {
                setWater(w)
                setReadDensity(null)
                setYieldAtOpt(null)
              }}
              options={WATER_REGIMES.filter((w) => w !== 'paddy').map((w) => ({
                value: w,
                label: t(`water.${w}`),
              }))}
            />
          </Col>
          <Col span={4}>
            <Typography.Text id="d-seed">{t('density.seedPrice')}</Typography.Text>
            <InputNumber
              aria-labelledby="d-seed"
              style={{ width: '100%' }}
              min={0}
              value={Math.round(seed * 100) / 100}
              onChange={(v) => typeof v === 'number' && setSeedPer1000(v)}
            />
          </Col>
          <Col span={4}>
            <Typography.Text id="d-grain">
              {t('density.grainPrice', { mass: format.massUnitLabel })}
            </Typography.Text>
            <InputNumber
              aria-labelledby="d-grain"
              style={{ width: '100%' }}
              min={0}
              step={0.01}
              value={Math.round(grainPerKg * kgPerMassUnit * 1000) / 1000}
              onChange={(v) => typeof v === 'number' && setGrainPerMass(v)}
            />
          </Col>
          <Col span={4}>
            <Typography.Text id="d-ymax">
              {t('density.yieldAtOptimum', { unit: format.yieldUnitLabel })}
            </Typography.Text>
            <InputNumber
              aria-labelledby="d-ymax"
              style={{ width: '100%' }}
              min={0}
              value={Math.round(y(ymaxKgPerHa))}
              onChange={(v) => typeof v === 'number' && setYieldAtOpt(v)}
            />
          </Col>
        </Row>
      </Card>
      {!range && assumptions && <Alert type="warning" showIcon title={t('density.noRange')} />}
      {curve && range && (
        <Row gutter={16}>
          <Col span={16}>
            <Card>
              <ResponsiveContainer width={props.chartWidth ?? '100%'} height={420}>
                <ComposedChart data={data} margin={{ top: 16, right: 24, bottom: 16, left: 24 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis
                    dataKey="x"
                    type="number"
                    domain={['dataMin', 'dataMax']}
                    tickFormatter={(v: number) => format.number(v, 0)}
                    label={{
                      value: t('density.xAxis', { unit: format.densityUnitLabel }),
                      position: 'insideBottom',
                      offset: -12,
                    }}
                  />
                  <YAxis
                    domain={['auto', 'auto']}
                    tickFormatter={(v: number) => format.number(v, 0)}
                    label={{
                      value: t('density.yAxis', { unit: format.yieldUnitLabel }),
                      angle: -90,
                      position: 'insideLeft',
                      offset: -12,
                    }}
                  />
                  <Tooltip
                    formatter={(v) => `${format.number(Number(v), 0)} ${format.yieldUnitLabel}`}
                    labelFormatter={(v) => `${format.number(Number(v), 0)} ${format.densityUnitLabel}`}
                  />
                  <Legend verticalAlign="bottom" wrapperStyle={{ paddingTop: 28 }} />
                  <Line
                    dataKey="model"
                    name={t('density.curve')}
                    stroke="#389e0d"
                    dot={false}
                    isAnimationActive={false}
                  />
                  {fitted && (
                    <Line
                      dataKey="fit"
                      name={t('density.fit')}
                      stroke="#1677ff"
                      strokeDasharray="6 3"
                      dot={false}
                      isAnimationActive={false}
                    />
                  )}
                  {trialPoints.length > 0 && (
                    <Scatter
                      data={trialPoints}
                      dataKey="y"
                      name={t('density.points')}
                      fill="#1677ff"
                      isAnimationActive={false}
                    />
                  )}
                  <ReferenceLine
                    x={x(curve.aopdPlantsPerHa)}
                    stroke="#389e0d"
                    label={{
                      value: t('density.aopd', { value: format.densityNumber(curve.aopdPlantsPerHa) }),
                      position: 'top',
                    }}
                  />
                  {curve.eosrPlantsPerHa !== null && (
                    <ReferenceLine
                      x={x(curve.eosrPlantsPerHa)}
                      stroke="#d48806"
                      strokeDasharray="4 4"
                      label={{
                        value: t('density.eosr', { value: format.densityNumber(curve.eosrPlantsPerHa) }),
                        position: 'insideBottomLeft',
                      }}
                    />
                  )}
                  <ReferenceDot x={x(dRead)} y={y(yRead)} r={6} fill="#cf1322" stroke="none" />
                </ComposedChart>
              </ResponsiveContainer>
              <Typography.Text type="secondary">
                {t('density.safeRange', {
                  min: format.densityNumber(range.minPlantsPerHa),
                  max: format.densityNumber(range.maxPlantsPerHa),
                  unit: format.densityUnitLabel,
                })}
              </Typography.Text>
              <Slider
                aria-label={t('density.slider')}
                min={Math.round(x(curve.points[0]!.densityPlantsPerHa))}
                max={Math.round(x(curve.points[curve.points.length - 1]!.densityPlantsPerHa))}
                value={Math.round(x(dRead))}
                onChange={(v) => setReadDensity(v / format.densityValue(1))}
              />
            </Card>
          </Col>
          <Col span={8}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Descriptions
                column={1}
                bordered
                size="small"
                title={t('density.readout', { density: densityLabel(dRead) })}
              >
                <Descriptions.Item label={t('density.readYield')}>
                  {format.number(y(yRead), 0)} {format.yieldUnitLabel}
                </Descriptions.Item>
                <Descriptions.Item label={t('density.readSeed')}>{perArea(seedCostPerHa)}</Descriptions.Item>
                <Descriptions.Item label={t('density.readNet')}>
                  {perArea(yRead * grainPerKg - seedCostPerHa)}
                </Descriptions.Item>
                <Descriptions.Item label={t('density.aopd', { value: '' })}>
                  <span data-testid="aopd">{densityLabel(curve.aopdPlantsPerHa)}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('density.eosr', { value: '' })}>
                  <span data-testid="eosr">
                    {curve.eosrPlantsPerHa === null ? '—' : densityLabel(curve.eosrPlantsPerHa)}
                  </span>
                </Descriptions.Item>
              </Descriptions>
              <Card size="small" title={t('density.trialTitle')}>
                <Typography.Paragraph type="secondary">
                  {t('density.trialHelp', { density: format.densityUnitLabel, yield: format.yieldUnitLabel })}
                </Typography.Paragraph>
                <Input.TextArea
                  aria-label={t('density.trialTitle')}
                  rows={6}
                  value={trialText}
                  onChange={(e) => setTrialText(e.target.value)}
                />
                <Space style={{ marginTop: 8 }}>
                  <Button type="primary" onClick={fit}>
                    {t('density.trialFit')}
                  </Button>
                  <Button
                    onClick={() => {
                      setTrialText('')
                      setFitted(null)
                      setTrialPoints([])
                      setTrialMessage(null)
                    }}
                  >
                    {t('density.trialClear')}
                  </Button>
                </Space>
                {trialMessage && (
                  <Typography.Paragraph data-testid="fit-result" style={{ marginTop: 8, marginBottom: 0 }}>
                    {trialMessage}
                  </Typography.Paragraph>
                )}
              </Card>
            </Space>
          </Col>
        </Row>
      )}
    </Space>
  )
}
