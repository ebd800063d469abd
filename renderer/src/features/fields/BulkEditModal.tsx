import { Alert, App, Checkbox, Col, Input, InputNumber, Modal, Row, Select, Typography } from 'antd'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { GROUP_NAME_MAX_CHARS } from '../../../../engine/group-name'
import { isDensityModelled } from '../../../../engine/rules/edit-rules'
import { FIELD_LIMITS, type Field, SALINE_CLASSES, WATER_REGIMES } from '../../../../engine/schemas/field'
import type { Variety } from '../../../../engine/schemas/variety'
import { type FieldGroup, REGIONS, type Region } from '../../../../engine/schemas/workspace'
import { api } from '../../api'
import { useDensityConfirm } from '../../lib/density-confirm'
import { issueMessage } from '../../lib/errors'
import { QuantityInput } from '../../lib/QuantityInput'
import { textLimit } from '../../lib/text-limit'
import { useUnsavedChanges } from '../../lib/unsaved-changes'
import { useBusy } from '../../lib/use-busy'
import { useWorkspace } from '../workspace/WorkspaceContext'

type Key =
  | 'village'
  | 'township'
  | 'varietyId'
  | 'density'
  | 'waterRegime'
  | 'groupId'
  | 'qualityGrade'
  | 'heatSumCd'
  | 'salineClass'
  | 'region'
const NEW_GROUP = -1

/**
 * Change the same inputs on many selected fields at once; untouched inputs stay as they are. The
 * density is held in plants/ha and shown in the header's unit; one outside a field's variety range
 * is confirmed first, and closing with ticked changes asks before dropping them.
 */
export function BulkEditModal(props: {
  fields: Field[]
  varieties: Variety[]
  groups: FieldGroup[]
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { format, workspace } = useWorkspace()
  const [on, setOn] = useState<Partial<Record<Key, boolean>>>({})
  const [values, setValues] = useState<Record<string, unknown>>({
    waterRegime: 'rainfed',
    salineClass: 'none',
    region: workspace.region,
    groupId: null,
    varietyId: null,
  })
  const [newGroup, setNewGroup] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, run] = useBusy()
  const confirmDensity = useDensityConfirm()
  const confirmDiscard = useUnsavedChanges(Object.values(on).some(Boolean))
  const requestClose = () => confirmDiscard(props.onClose)
  const placeLimit = textLimit(t, FIELD_LIMITS.placeMaxChars, { trim: true })
  const groupLimit = textLimit(t, GROUP_NAME_MAX_CHARS, { trim: true })
  const crops = new Set(props.fields.map((f) => f.crop))
  const set = (k: string, v: unknown) => setValues((old) => ({ ...old, [k]: v }))
  const textProblems = {
    village: on.village ? placeLimit.problem(values.village as string) : null,
    township: on.township ? placeLimit.problem(values.township as string) : null,
    newGroup: on.groupId && values.groupId === NEW_GROUP ? groupLimit.problem(newGroup) : null,
  }

  /** Each selected field's variety and water regime after this edit, with the density it gets. */
  const densityOk = () => {
    const density = values.density
    if (!on.density || typeof density !== 'number') return Promise.resolve(true)
    const varieties = new Map(props.varieties.map((v) => [v.id, v]))
    const cases = props.fields
      .filter((f) => isDensityModelled(f.crop))
      .map((f) => {
        const id = on.varietyId ? (values.varietyId as number | null) : f.varietyId
        return {
          densityPlantsPerHa: density,
          crop: f.crop,
          waterRegime: on.waterRegime ? (values.waterRegime as Field['waterRegime']) : f.waterRegime,
          variety: id === null ? null : (varieties.get(id) ?? null),
          count: 1,
        }
      })
    return confirmDensity(cases, { catalogue: props.varieties, okText: t('densityCheck.ok') })
  }

  const save = () =>
    run(async () => {
      setProblem(null)
      const tooLong = Object.values(textProblems).find((p) => p !== null)
      if (tooLong) {
        setProblem(tooLong)
        return
      }
      if (!(await densityOk())) return
      let groupId = values.groupId as number | null
      if (on.groupId && groupId === NEW_GROUP) {
        const created = await api.groupsCreate({ name: newGroup, color: 'cyan' })
        if (!created.ok) {
          const issue = created.error.details.issues?.[0]
          setProblem(issue ? issueMessage(t, issue) : t(`errors.code.${created.error.code}`))
          return
        }
        groupId = created.value.id
      }
      const density = values.density
      const patch = {
        ...(on.village ? { village: String(values.village ?? '') } : {}),
        ...(on.township ? { township: String(values.township ?? '') } : {}),
        ...(on.varietyId ? { varietyId: values.varietyId as number | null } : {}),
        ...(on.density ? { densityPlantsPerHa: typeof density === 'number' ? density : null } : {}),
        ...(on.waterRegime ? { waterRegime: values.waterRegime as Field['waterRegime'] } : {}),
        ...(on.groupId ? { groupId } : {}),
        ...(on.qualityGrade ? { qualityGrade: values.qualityGrade as number } : {}),
        ...(on.heatSumCd ? { heatSumCd: values.heatSumCd as number } : {}),
        ...(on.salineClass ? { salineClass: values.salineClass as Field['salineClass'] } : {}),
        ...(on.region ? { region: values.region as Region } : {}),
      }
      const result = await api.fieldsBulkUpdate({ ids: props.fields.map((f) => f.id), patch })
      if (!result.ok) {
        const issue = result.error.details.issues?.[0]
        setProblem(
          issue
            ? t('bulk.fieldProblem', {
                field: String(issue.params?.field ?? ''),
                message: issueMessage(t, issue),
              })
            : t(`errors.code.${result.error.code}`),
        )
        return
      }
      message.success(t('bulk.done', { count: result.value.updated }))
      props.onSaved()
    })

  /** A text that is too long is said under its input, in the rule's own words. */
  const said = (text: string | null) =>
    text && (
      <Typography.Text type="danger" role="alert">
        {text}
      </Typography.Text>
    )

  const row = (key: Key, label: string, control: ReactNode, below?: ReactNode) => (
    <Row gutter={12} align="middle" style={{ marginBottom: 10 }} key={key}>
      <Col span={5}>
        <Checkbox
          checked={Boolean(on[key])}
          onChange={(e) => setOn((o) => ({ ...o, [key]: e.target.checked }))}
          aria-label={`${t('bulk.apply')} ${label}`}
        >
          {t('bulk.apply')}
        </Checkbox>
      </Col>
      <Col span={7}>
        <Typography.Text>{label}</Typography.Text>
      </Col>
      <Col span={12}>
        {control}
        {below}
      </Col>
    </Row>
  )

  return (
    <Modal
      open
      width={720}
      title={t('bulk.title', { count: props.fields.length })}
      okText={t('bulk.save')}
      cancelText={t('bulk.cancel')}
      onOk={() => void save()}
      onCancel={requestClose}
      confirmLoading={saving}
      okButtonProps={{ disabled: saving }}
    >
      <Typography.Paragraph type="secondary">{t('bulk.help')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      {row(
        'village',
        t('bulk.village'),
        <Input
          aria-label={t('bulk.village')}
          disabled={!on.village}
          count={placeLimit.count}
          status={textProblems.village ? 'error' : undefined}
          onChange={(e) => set('village', e.target.value)}
        />,
        said(textProblems.village),
      )}
      {row(
        'township',
        t('bulk.township'),
        <Input
          aria-label={t('bulk.township')}
          disabled={!on.township}
          count={placeLimit.count}
          status={textProblems.township ? 'error' : undefined}
          onChange={(e) => set('township', e.target.value)}
        />,
        said(textProblems.township),
      )}
      {row(
        'varietyId',
        t('bulk.variety'),
        <Select
          aria-label={t('bulk.variety')}
          disabled={!on.varietyId}
          style={{ width: '100%' }}
          value={values.varietyId as number | null}
          onChange={(v) => set('varietyId', v)}
          options={[
            { value: null, label: t('fields.noVariety') },
            ...props.varieties
              .filter((v) => crops.size === 1 && crops.has(v.crop))
              .map((v) => ({ value: v.id, label: v.name })),
          ]}
        />,
      )}
      {row(
        'density',
        t('bulk.density', { unit: format.densityUnitLabel }),
        <QuantityInput
          quantity="density"
          aria-label={t('bulk.density', { unit: format.densityUnitLabel })}
          disabled={!on.density}
          style={{ width: '100%' }}
          value={values.density as number | null | undefined}
          onChange={(v) => set('density', v)}
        />,
      )}
      {row(
        'waterRegime',
        t('bulk.water'),
        <Select
          aria-label={t('bulk.water')}
          disabled={!on.waterRegime}
          style={{ width: '100%' }}
          value={values.waterRegime as string}
          onChange={(v) => set('waterRegime', v)}
          options={WATER_REGIMES.map((w) => ({ value: w, label: t(`water.${w}`) }))}
        />,
      )}
      {row(
        'groupId',
        t('bulk.group'),
        <>
          <Select
            aria-label={t('bulk.group')}
            disabled={!on.groupId}
            style={{ width: '100%' }}
            value={values.groupId as number | null}
            onChange={(v) => set('groupId', v)}
            options={[
              { value: null, label: t('form.noGroup') },
              ...props.groups.map((g) => ({ value: g.id, label: g.name })),
              { value: NEW_GROUP, label: t('bulk.newGroup') },
            ]}
          />
          {on.groupId && values.groupId === NEW_GROUP && (
            <Input
              aria-label={t('bulk.newGroupName')}
              placeholder={t('bulk.newGroupName')}
              style={{ marginTop: 6 }}
              value={newGroup}
              count={groupLimit.count}
              status={textProblems.newGroup ? 'error' : undefined}
              onChange={(e) => setNewGroup(e.target.value)}
            />
          )}
          {said(textProblems.newGroup)}
        </>,
      )}
      {row(
        'qualityGrade',
        t('bulk.grade'),
        <InputNumber
          aria-label={t('bulk.grade')}
          disabled={!on.qualityGrade}
          precision={0}
          onChange={(v) => set('qualityGrade', v)}
        />,
      )}
      {row(
        'heatSumCd',
        t('bulk.heatSum'),
        <InputNumber
          aria-label={t('bulk.heatSum')}
          disabled={!on.heatSumCd}
          precision={0}
          step={50}
          onChange={(v) => set('heatSumCd', v)}
        />,
      )}
      {row(
        'salineClass',
        t('bulk.saline'),
        <Select
          aria-label={t('bulk.saline')}
          disabled={!on.salineClass}
          style={{ width: '100%' }}
          value={values.salineClass as string}
          onChange={(v) => set('salineClass', v)}
          options={SALINE_CLASSES.map((s) => ({ value: s, label: t(`saline.${s}`) }))}
        />,
      )}
      {row(
        'region',
        t('bulk.region'),
        <Select
          aria-label={t('bulk.region')}
          disabled={!on.region}
          style={{ width: '100%' }}
          value={values.region as string}
          onChange={(v) => set('region', v)}
          options={REGIONS.map((r) => ({ value: r, label: t(`fieldRegion.${r}`) }))}
        />,
      )}
    </Modal>
  )
}
