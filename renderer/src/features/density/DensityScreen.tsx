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
import type { EffectiveAssumption } from '../../../../engine/assumptions/resolve'
import { valuesOf } from '../../../../engine/assumptions/resolve'
import { AppError } from '../../../../engine/errors'
import { agronomicOptimum, densityRange, evalQuadratic, fitQuadratic } from '../../../../engine/model/density'
import { densityCurve } from '../../../../engine/model/density-explorer'
import { WATER_REGIMES, type WaterRegime } from '../../../../engine/schemas/field'
import type { Variety } from '../../../../engine/schemas/variety'
import { api, unwrap } from '../../api'
import { type DisplayUnits, makeFormat } from '../../lib/format'
import { QuantityInput } from '../../lib/QuantityInput'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { DensityChart } from './DensityChart'
import { parseTrialPoints } from './trial-points'

/**
 * Yield against density for a variety × water regime, with both optima and a fit to trial points.
 * Everything it holds is canonical (plants/ha, kg/ha, yuan/kg; seed in yuan per 1,000 seeds, as the
 * assumptions keep it), so the chart, the trial points and the fit read the header's current
 * units. Pasted trial points are read in the units they were typed in, which the box states.
 */
export function DensityScreen(props: { chartWidth?: number }) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const [varieties, setVarieties] = useState<Variety[]>([])
  const [assumptions, setAssumptions] = useState<EffectiveAssumption[] | null>(null)
  const [varietyId, setVarietyId] = useState<number | null>(null)
  const [water, setWater] = useState<WaterRegime>('drip')
  const [seedPer1000, setSeedPer1000] = useState<number | null>(null)
  const [grainYuanPerKg, setGrainYuanPerKg] = useState<number | null>(null)
  const [yieldAtOptKgPerHa, setYieldAtOptKgPerHa] = useState<number | null>(null)
  const [readDensity, setReadDensity] = useState<number | null>(null)
  const [trialText, setTrialText] = useState('')
  // The units the pasted points were typed in: set when the box is first filled, kept until cleared.
  const [trialUnits, setTrialUnits] = useState<DisplayUnits | null>(null)
  const [trialProblem, setTrialProblem] = useState<string | null>(null)
  const [fitted, setFitted] = useState<ReturnType<typeof fitQuadratic> | null>(null)
  const [trialPoints, setTrialPoints] = useState<{ densityPlantsPerHa: number; yieldKgPerHa: number }[]>([])

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
  // Defaults from the assumptions; the user can type over them.
  const seed = seedPer1000 ?? values[`seed.${crop}.yuanPer1000`] ?? 0
  const grainPerKg = grainYuanPerKg ?? values[`price.${crop}`] ?? 0
  const waterFactor = crop === 'maize' && water !== 'rainfed' ? (values[`water.factor.${water}`] ?? 1) : 1
  const ymaxKgPerHa = yieldAtOptKgPerHa ?? (values[`baseline.default.${crop}`] ?? 0) * waterFactor
  const densityQuantity = format.quantity('density')
  const range = useMemo(
    () => (variety && assumptions ? densityRange(crop, variety.densities, water, values) : null),
    [variety, assumptions, crop, water, values],
  )

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
  // The chart's data, derived once per curve, fit and units: a new array at every render (a key
  // typed in the trial box, a step of the slider) would have the chart recompute and redraw it all.
  const data = useMemo(
    () =>
      (curve?.points ?? []).map((p) => ({
        x: format.densityValue(p.densityPlantsPerHa),
        model: format.yieldValue(p.yieldKgPerHa),
        ...(fitted ? { fit: format.yieldValue(evalQuadratic(fitted, p.densityPlantsPerHa)) } : {}),
      })),
    [curve, fitted, format],
  )
  const dRead = readDensity ?? (curve ? curve.aopdPlantsPerHa : 0)
  const yRead = curve ? curve.yieldAt(dRead) : 0
  const seedCostPerHa = (dRead / 1000) * seed
  const densityLabel = (d: number) => `${format.densityNumber(d)} ${format.densityUnitLabel}`
  const perArea = (yuanPerHa: number) =>
    t('density.perArea', { value: format.money(format.densityValue(yuanPerHa)), area: format.areaUnitLabel })
  // The units the trial box is read in: those it was typed in, or the current ones while empty.
  const trialFormat =
    trialUnits &&
    (trialUnits.areaUnit !== format.units.areaUnit || trialUnits.massUnit !== format.units.massUnit)
      ? makeFormat(format.locale, trialUnits, t)
      : format

  // A pasted line of column titles is taken as a header, and the read-out says which line it was.
  const [trialHeader, setTrialHeader] = useState<{ line: number; text: string } | null>(null)
  const fit = () => {
    const parsed = parseTrialPoints(trialText)
    if ('issue' in parsed) {
      const { issue } = parsed
      setTrialProblem(
        issue.rule === 'csv_row'
          ? t('density.badLine', { line: issue.params?.line })
          : t(`errors.rule.${issue.rule}`, issue.params ?? {}),
      )
      return
    }
    const distinct = new Set(parsed.points.map((p) => p.density)).size
    if (distinct < 3) {
      setTrialProblem(t('density.tooFew', { count: distinct }))
      return
    }
    const canonical = parsed.points.map((p) => ({
      densityPlantsPerHa: trialFormat.quantity('density').fromDisplay(p.density),
      yieldKgPerHa: trialFormat.quantity('yield').fromDisplay(p.yield),
    }))
    let result: ReturnType<typeof fitQuadratic>
    try {
      result = fitQuadratic(canonical)
    } catch (error) {
      // Points the fit cannot use (all on a line, say) are named, not thrown at the user.
      const issue = error instanceof AppError ? error.details.issues?.[0] : undefined
      setTrialProblem(issue ? t(`errors.rule.${issue.rule}`, issue.params ?? {}) : t('errors.code.INTERNAL'))
      return
    }
    setTrialProblem(null)
    setTrialHeader(parsed.header)
    setFitted(result)
    setTrialPoints(canonical)
  }
  // The fit's read-out is worded at each render, so it follows the header's units.
  const fitAopd = fitted ? agronomicOptimum(fitted) : null
  const trialMessage =
    trialProblem ??
    (fitted === null
      ? null
      : fitAopd === null
        ? t('density.fitNoPeak')
        : t('density.fitResult', {
            rmse: format.number(y(fitted.rmseKgPerHa), 1),
            unit: format.yieldUnitLabel,
            r2: format.number(fitted.r2, 3),
            aopd: densityLabel(fitAopd),
          }) +
          (trialHeader
            ? ` ${t('density.headerRead', { line: trialHeader.line, text: trialHeader.text })}`
            : ''))
  const shownTrialPoints = useMemo(
    () =>
      trialPoints.map((p) => ({
        x: format.densityValue(p.densityPlantsPerHa),
        y: format.yieldValue(p.yieldKgPerHa),
      })),
    [trialPoints, format],
  )

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('density.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('density.subtitle')}</Typography.Text>
      </div>
      <Card>
        <Row gutter={[16, 12]} align="bottom">
          <Col span={5}>
            <Typography.Text id="d-variety">{t('density.variety')}</Typography.Text>
            <Select
              aria-labelledby="d-variety"
              style={{ width: '100%' }}
              value={varietyId}
              onChange={(id) => {
                setVarietyId(id)
                setReadDensity(null)
                setSeedPer1000(null)
                setGrainYuanPerKg(null)
                setYieldAtOptKgPerHa(null)
              }}
              options={varieties.map((v) => ({ value: v.id, label: `${v.name}（${t(`crop.${v.crop}`)}）` }))}
            />
          </Col>
          <Col span={5}>
            <Typography.Text id="d-water">{t('density.water')}</Typography.Text>
            <Select
              aria-labelledby="d-water"
              style={{ width: '100%' }}
              value={water}
              onChange={(w) => {
                setWater(w)
                setReadDensity(null)
                setYieldAtOptKgPerHa(null)
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
              step={0.5}
              value={Math.round(seed * 100) / 100}
              onChange={(v) => typeof v === 'number' && setSeedPer1000(v)}
            />
          </Col>
          <Col span={4}>
            <Typography.Text id="d-grain">
              {t('density.grainPrice', { mass: format.massUnitLabel })}
            </Typography.Text>
            <QuantityInput
              quantity="yuanPerMass"
              aria-labelledby="d-grain"
              style={{ width: '100%' }}
              min={0}
              value={grainPerKg}
              onChange={(v) => v !== null && setGrainYuanPerKg(v)}
            />
          </Col>
          <Col span={6}>
            <Typography.Text id="d-ymax">
              {t('density.yieldAtOptimum', { unit: format.yieldUnitLabel })}
            </Typography.Text>
            <QuantityInput
              quantity="yield"
              aria-labelledby="d-ymax"
              style={{ width: '100%' }}
              min={0}
              value={ymaxKgPerHa}
              onChange={(v) => v !== null && setYieldAtOptKgPerHa(v)}
            />
          </Col>
        </Row>
        {variety?.seedPriceYuanPerKg != null && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="variety-seed">
            {t('density.varietySeed', {
              name: variety.name,
              price: format.number(variety.seedPriceYuanPerKg, 2),
            })}
          </Typography.Paragraph>
        )}
      </Card>
      {!range && assumptions && <Alert type="warning" showIcon title={t('density.noRange')} />}
      {curve && range && (
        <Row gutter={16}>
          <Col span={16}>
            <Card>
              <DensityChart
                data={data}
                curve={curve}
                fitted={fitted !== null}
                points={shownTrialPoints}
                readDensity={dRead}
                readYield={yRead}
                width={props.chartWidth}
              />
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
                onChange={(v) => setReadDensity(densityQuantity.fromDisplay(v))}
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
                  {t('density.trialHelp', {
                    density: trialFormat.densityUnitLabel,
                    yield: trialFormat.yieldUnitLabel,
                  })}
                </Typography.Paragraph>
                {trialFormat !== format && (
                  <Alert
                    type="info"
                    showIcon
                    style={{ marginBottom: 8 }}
                    data-testid="trial-units"
                    title={t('density.trialOtherUnits', {
                      density: trialFormat.densityUnitLabel,
                      yield: trialFormat.yieldUnitLabel,
                    })}
                  />
                )}
                <Input.TextArea
                  aria-label={t('density.trialTitle')}
                  rows={6}
                  value={trialText}
                  onChange={(e) => {
                    const text = e.target.value
                    setTrialText(text)
                    if (text.trim() === '') setTrialUnits(null)
                    else if (trialUnits === null) setTrialUnits(format.units)
                  }}
                />
                <Space style={{ marginTop: 8 }}>
                  <Button type="primary" onClick={fit}>
                    {t('density.trialFit')}
                  </Button>
                  <Button
                    onClick={() => {
                      setTrialText('')
                      setTrialUnits(null)
                      setFitted(null)
                      setTrialPoints([])
                      setTrialProblem(null)
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
