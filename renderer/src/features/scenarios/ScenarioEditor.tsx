import { App, Button, Card, Col, Row, Segmented, Select, Slider, Space, Switch, Typography } from 'antd'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { effectiveAssumptions, valuesOf } from '../../../../engine/assumptions/resolve'
import { isDensityModelled, waterRegimesFor } from '../../../../engine/rules/edit-rules'
import { type CommonChange, commonChange, type ScenarioEdit } from '../../../../engine/scenario-edit'
import { CROPS, type Crop, WATER_REGIMES, type WaterRegime } from '../../../../engine/schemas/field'
import type { Plan, Scenario } from '../../../../engine/schemas/plan'
import { api } from '../../api'
import { type DensityCase, useDensityConfirm } from '../../lib/density-confirm'
import { issueMessage } from '../../lib/errors'
import { QuantityInput } from '../../lib/QuantityInput'
import { sameValues, useUnsavedChanges } from '../../lib/unsaved-changes'
import { useBusy } from '../../lib/use-busy'
import { FieldPicker } from '../fields/FieldPicker'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { markDensityInput } from './perf-marks'

type TargetMode = 'crop' | 'group' | 'pick'
type HsfChoice = 'keep' | 'build' | 'unbuild'

/** Where the density slider runs, in plants/ha: soybean is sown several times denser than maize. */
const SLIDER_PLANTS_PER_HA: Record<'maize' | 'soybean', [number, number]> = {
  maize: [30_000, 120_000],
  soybean: [90_000, 330_000],
}

/**
 * Design a scenario: choose fields (a crop, a group or a selection), choose what changes, apply.
 * While the density moves, `onPreview` gets the unsaved edit so the results update at once.
 * The density is held in plants/ha whatever the header's unit: switching 亩 ↔ 公顷 shows the same
 * density in the other unit, and Apply stores exactly what is shown.
 */
export function ScenarioEditor(props: {
  plan: Plan
  scenario: Scenario
  onPreview: (fieldIds: number[], edit: ScenarioEdit | null) => void
  onApplied: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { format } = useWorkspace()
  const confirmDensity = useDensityConfirm()
  const [busy, run] = useBusy()
  const [mode, setMode] = useState<TargetMode>('crop')
  const [crop, setCrop] = useState<Crop>('maize')
  const [groupId, setGroupId] = useState<number | null>(props.plan.groups[0]?.id ?? null)
  const [picked, setPicked] = useState<number[]>([])
  const [hsf, setHsf] = useState<HsfChoice>('keep')
  const [varietyId, setVarietyId] = useState<number | 'keep'>('keep')
  const [setsDensity, setSetsDensity] = useState(false)
  const [densityPlantsPerHa, setDensityPlantsPerHa] = useState(70_000)
  const [water, setWater] = useState<WaterRegime | 'keep'>('keep')
  // What is chosen but not applied yet: leaving the screen or the editor asks before dropping it.
  const draft = { hsf, varietyId, setsDensity, densityPlantsPerHa, water }
  const [applied, setApplied] = useState(draft)
  useUnsavedChanges(!sameValues(draft, applied))
  const values = useMemo(
    () => valuesOf(effectiveAssumptions(props.plan.assumptions)),
    [props.plan.assumptions],
  )

  const targets = useMemo(() => {
    if (mode === 'crop') return props.plan.fields.filter((f) => f.crop === crop)
    if (mode === 'group') return props.plan.fields.filter((f) => f.groupId === groupId)
    const ids = new Set(picked)
    return props.plan.fields.filter((f) => ids.has(f.id))
  }, [mode, crop, groupId, picked, props.plan.fields])
  const targetCrops = new Set(targets.map((f) => f.crop))
  const onlyCrop = targetCrops.size === 1 ? [...targetCrops][0]! : null
  const fieldIds = useMemo(() => targets.map((f) => f.id), [targets])

  // The editor starts from what the scenario already does to the chosen fields, so a reopened
  // scenario shows its contents; a setting the fields do not share says so and is left alone. It
  // starts again only when other fields are chosen: the scenario coming back after an Apply must
  // not overwrite what the user has typed since.
  const current = useMemo(() => commonChange(props.scenario, fieldIds), [props.scenario, fieldIds])
  const selection = `${props.scenario.id}:${fieldIds.join(',')}`
  const startedFor = useRef<string | null>(null)
  useEffect(() => {
    if (startedFor.current === selection) return
    startedFor.current = selection
    const start = {
      hsf: (current.buildHsf === true
        ? 'build'
        : current.buildHsf === false
          ? 'unbuild'
          : 'keep') as HsfChoice,
      varietyId: typeof current.varietyId === 'number' ? current.varietyId : ('keep' as const),
      setsDensity: typeof current.densityPlantsPerHa === 'number',
      densityPlantsPerHa:
        typeof current.densityPlantsPerHa === 'number' ? current.densityPlantsPerHa : 70_000,
      water:
        current.waterRegime !== null && current.waterRegime !== 'mixed'
          ? current.waterRegime
          : ('keep' as const),
    }
    setHsf(start.hsf)
    setVarietyId(start.varietyId)
    setSetsDensity(start.setsDensity)
    setDensityPlantsPerHa(start.densityPlantsPerHa)
    setWater(start.water)
    setApplied(start)
  }, [selection, current])

  const edit = (density: number = densityPlantsPerHa): ScenarioEdit => ({
    ...(hsf === 'keep' ? {} : { buildHsf: hsf === 'build' }),
    ...(varietyId === 'keep' ? {} : { varietyId }),
    ...(setsDensity ? { densityPlantsPerHa: density } : {}),
    ...(water === 'keep' ? {} : { waterRegime: water }),
  })

  const setDensity = (plantsPerHa: number) => {
    markDensityInput()
    setDensityPlantsPerHa(plantsPerHa)
    props.onPreview(fieldIds, edit(plantsPerHa))
  }

  /** Each chosen field's variety and water regime once this edit is applied, with the density. */
  const densityCases = (e: ScenarioEdit): DensityCase[] => {
    if (typeof e.densityPlantsPerHa !== 'number') return []
    const varieties = new Map(props.plan.varieties.map((v) => [v.id, v]))
    const changes = new Map(props.scenario.changes.map((c) => [c.fieldId, c]))
    return targets
      .filter((f) => isDensityModelled(f.crop))
      .map((f) => {
        const before = changes.get(f.id)
        const id = e.varietyId ?? before?.varietyId ?? f.varietyId
        return {
          densityPlantsPerHa: e.densityPlantsPerHa as number,
          crop: f.crop,
          waterRegime: e.waterRegime ?? before?.waterRegime ?? f.waterRegime,
          variety: id === null ? null : (varieties.get(id) ?? null),
          count: 1,
        }
      })
  }

  const send = (e: ScenarioEdit) =>
    run(async () => {
      if (fieldIds.length === 0) return
      const go = await confirmDensity(densityCases(e), {
        catalogue: props.plan.varieties,
        values,
        okText: t('densityCheck.okApply'),
      })
      if (!go) return
      const result = await api.scenariosApply({ scenarioId: props.scenario.id, fieldIds, edit: e })
      props.onPreview(fieldIds, null)
      if (!result.ok) {
        const issue = result.error.details.issues?.[0]
        message.error(issue ? issueMessage(t, issue) : t(`errors.code.${result.error.code}`))
        return
      }
      setApplied(draft)
      message.success(t('scenarioEdit.applied', { count: fieldIds.length }))
      props.onApplied()
    })

  // The engine's edit rules decide which water regimes suit the chosen fields' crops: only those
  // that suit every one of them are offered.
  const waterOptions = WATER_REGIMES.filter((w) =>
    [...targetCrops].every((c) => waterRegimesFor(c).includes(w)),
  )
  const areaHa = targets.reduce((s, f) => s + f.areaHa, 0)

  /** What the scenario holds for the chosen fields, in words, before anything is changed here. */
  const currentText = (c: CommonChange): string => {
    const parts: string[] = []
    const say = (label: string, value: unknown, text: () => string) => {
      if (value === 'mixed') parts.push(t('scenarioEdit.currentMixed', { setting: label }))
      else if (value !== null) parts.push(text())
    }
    say(t('scenarioEdit.hsf'), c.buildHsf, () =>
      c.buildHsf ? t('scenarioEdit.build') : t('scenarioEdit.unbuild'),
    )
    say(t('scenarioEdit.variety'), c.varietyId, () =>
      t('scenarioEdit.currentVariety', {
        name: props.plan.varieties.find((v) => v.id === c.varietyId)?.name ?? '',
      }),
    )
    say(t('scenarioEdit.densityShort'), c.densityPlantsPerHa, () =>
      t('scenarioEdit.currentDensity', {
        value: `${format.densityNumber(c.densityPlantsPerHa as number)} ${format.densityUnitLabel}`,
      }),
    )
    say(t('scenarioEdit.water'), c.waterRegime, () => t(`water.${c.waterRegime as string}`))
    return parts.length === 0
      ? t('scenarioEdit.currentNone')
      : t('scenarioEdit.currentSome', { changes: parts.join('；') })
  }
  const densityLabel = t('scenarioEdit.density', { unit: format.densityUnitLabel })
  const sliderRange = SLIDER_PLANTS_PER_HA[onlyCrop === 'soybean' ? 'soybean' : 'maize']
  const densityQuantity = format.quantity('density')

  return (
    <Card title={t('scenarioEdit.editor')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong id="target-label">
            {t('scenarioEdit.target')}
          </Typography.Text>
          <Segmented
            aria-labelledby="target-label"
            value={mode}
            onChange={(v) => setMode(v as TargetMode)}
            options={[
              { value: 'crop', label: t('scenarioEdit.byCrop') },
              { value: 'group', label: t('scenarioEdit.byGroup') },
              { value: 'pick', label: t('scenarioEdit.byPick') },
            ]}
          />
          {mode === 'crop' && (
            <Select
              aria-label={t('scenarioEdit.pickCrop')}
              value={crop}
              style={{ width: 120 }}
              onChange={(c) => {
                setCrop(c)
                setVarietyId('keep')
              }}
              options={CROPS.map((c) => ({ value: c, label: t(`crop.${c}`) }))}
            />
          )}
          {mode === 'group' && (
            <Select
              aria-label={t('scenarioEdit.pickGroup')}
              value={groupId}
              style={{ width: 160 }}
              onChange={setGroupId}
              options={props.plan.groups.map((g) => ({ value: g.id, label: g.name }))}
            />
          )}
        </Space>
        {mode === 'pick' && (
          <FieldPicker plan={props.plan} value={picked} onChange={setPicked} height={240} />
        )}
        <Typography.Text type="secondary" data-testid="target-count">
          {t('scenarioEdit.count', { count: targets.length, area: format.area(areaHa) })}
        </Typography.Text>
        {targets.length > 0 && (
          <Typography.Text type="secondary" data-testid="current-changes">
            {currentText(current)}
          </Typography.Text>
        )}
        <Row gutter={[16, 12]}>
          <Col span={8}>
            <Typography.Text id="hsf-label">{t('scenarioEdit.hsf')}</Typography.Text>
            <Select<HsfChoice>
              aria-labelledby="hsf-label"
              value={hsf}
              onChange={setHsf}
              style={{ width: '100%' }}
              options={[
                { value: 'keep', label: t('scenarioEdit.keep') },
                { value: 'build', label: t('scenarioEdit.build') },
                { value: 'unbuild', label: t('scenarioEdit.unbuild') },
              ]}
            />
          </Col>
          <Col span={8}>
            <Typography.Text id="variety-label">{t('scenarioEdit.variety')}</Typography.Text>
            <Select<number | 'keep'>
              aria-labelledby="variety-label"
              value={varietyId}
              onChange={setVarietyId}
              style={{ width: '100%' }}
              options={[
                { value: 'keep', label: t('scenarioEdit.keep') },
                ...props.plan.varieties
                  .filter((v) => onlyCrop !== null && v.crop === onlyCrop)
                  .map((v) => ({ value: v.id, label: v.name })),
              ]}
            />
          </Col>
          <Col span={8}>
            <Typography.Text id="water-label">{t('scenarioEdit.water')}</Typography.Text>
            <Select<WaterRegime | 'keep'>
              aria-labelledby="water-label"
              value={water}
              onChange={setWater}
              style={{ width: '100%' }}
              options={[
                { value: 'keep', label: t('scenarioEdit.keep') },
                ...waterOptions.map((w) => ({ value: w, label: t(`water.${w}`) })),
              ]}
            />
          </Col>
        </Row>
        <Space align="center" wrap>
          <Switch
            checked={setsDensity}
            onChange={setSetsDensity}
            aria-label={t('scenarioEdit.setDensity')}
            disabled={![...targetCrops].every(isDensityModelled)}
          />
          <Typography.Text>{densityLabel}</Typography.Text>
          <QuantityInput
            quantity="density"
            aria-label={densityLabel}
            style={{ width: 160 }}
            value={densityPlantsPerHa}
            disabled={!setsDensity}
            onChange={(v) => {
              if (v !== null) setDensity(v)
            }}
          />
        </Space>
        <Slider
          aria-label={densityLabel}
          disabled={!setsDensity}
          min={Math.round(densityQuantity.toDisplay(sliderRange[0]))}
          max={Math.round(densityQuantity.toDisplay(sliderRange[1]))}
          step={densityQuantity.step}
          value={densityQuantity.toDisplay(densityPlantsPerHa)}
          tooltip={{ formatter: (v) => `${format.number(v ?? 0, 0)} ${format.densityUnitLabel}` }}
          onChange={(v) => setDensity(densityQuantity.fromDisplay(v))}
        />
        <Typography.Text type="secondary">{t('scenarioEdit.previewNote')}</Typography.Text>
        <Space>
          <Button
            type="primary"
            disabled={fieldIds.length === 0 || busy}
            onClick={() => void send(edit())}
            data-testid="apply-edit"
          >
            {t('scenarioEdit.apply')}
          </Button>
          <Button
            disabled={fieldIds.length === 0 || busy}
            onClick={() =>
              void send({ buildHsf: null, varietyId: null, densityPlantsPerHa: null, waterRegime: null })
            }
          >
            {t('scenarioEdit.clear')}
          </Button>
        </Space>
      </Space>
    </Card>
  )
}
