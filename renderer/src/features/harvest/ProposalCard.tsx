import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CalibrationProposal } from '../../../../engine/actuals/types'
import { DEFAULT_BY_KEY } from '../../../../engine/assumptions/defaults'
import { assumptionDisplay, assumptionName, displayNumber } from '../../lib/assumption-format'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { pctNumber, reasonText } from './harvest-text'

/** Why there is a proposal or not; an engine that does not say is read from the value. */
export function statusOf(p: CalibrationProposal): NonNullable<CalibrationProposal['status']> {
  return (
    p.status ?? (p.proposedValue === null ? (p.fields === 0 ? 'no_evidence' : 'within_noise') : 'proposed')
  )
}

/** One calibration proposal: the evidence, the assumption it would change, accept or reject. */
export function ProposalCard(props: {
  proposal: CalibrationProposal
  rejected: boolean
  busy: boolean
  onAccept: () => void
  onReject: () => void
}) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const p = props.proposal
  const known = DEFAULT_BY_KEY.get(p.assumptionKey)
  // variety potential is each variety's own figure, not one assumption: named and shown as a ratio
  const d = assumptionDisplay(known?.unit ?? 'ratio', format, t)
  const name = known ? assumptionName(t, p.assumptionKey) : t(`harvest.assumptionOf.${p.factor}`)
  const value = (v: number) =>
    `${format.number(displayNumber(d, v), d.digits + 1)}${d.unit ? ` ${d.unit}` : ''}`
  const pct = (v: number) => `${pctNumber(format, v)} %`
  const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${pct(Math.abs(v))}`
  return (
    <Card
      size="small"
      data-testid={`proposal-${p.factor}`}
      title={
        <Space>
          {t(`harvest.factor.${p.factor}`)}
          <Tag color={p.proposedValue === null ? 'default' : 'blue'}>
            {t(`harvest.calibration.status.${statusOf(p)}`)}
          </Tag>
          {props.rejected && <Tag color="default">{t('harvest.calibration.rejectedTag')}</Tag>}
        </Space>
      }
      extra={
        p.proposedValue !== null && !props.rejected ? (
          <Space>
            <Button
              type="primary"
              size="small"
              loading={props.busy}
              onClick={props.onAccept}
              data-testid={`accept-${p.factor}`}
            >
              {t('harvest.calibration.accept')}
            </Button>
            <Button size="small" onClick={props.onReject} data-testid={`reject-${p.factor}`}>
              {t('harvest.calibration.reject')}
            </Button>
          </Space>
        ) : null
      }
    >
      {statusOf(p) === 'no_evidence' ? (
        <Typography.Text type="secondary">
          {t('harvest.calibration.noEvidence', {
            fields: t(`harvest.factorFields.${p.factor}`),
            name,
            current: value(p.currentValue),
          })}
        </Typography.Text>
      ) : (
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{reasonText(t, format, p)}</Typography.Paragraph>
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label={t('harvest.calibration.estimate')}>
              {t('harvest.calibration.plusMinus', {
                estimate: signed(p.biasPct),
                se: pct(p.standardErrorPct),
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('harvest.calibration.raw')}>{signed(p.rawBiasPct)}</Descriptions.Item>
            <Descriptions.Item label={t('harvest.calibration.weight')}>
              {t('harvest.calibration.weightText', { weight: format.number(p.evidenceWeight * 100, 0) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('harvest.calibration.evidence')}>
              {t('harvest.calibration.evidenceText', {
                fields: p.fields,
                seasons: p.seasons,
                years: p.seasonYears.join('、'),
              })}
            </Descriptions.Item>
            <Descriptions.Item label={name}>
              {p.proposedValue === null
                ? t('harvest.calibration.keep', { current: value(p.currentValue) })
                : t('harvest.calibration.change', {
                    current: value(p.currentValue),
                    proposed: value(p.proposedValue),
                  })}
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
      {props.rejected && (
        <Typography.Text type="secondary">{t('harvest.calibration.rejectedText')}</Typography.Text>
      )}
    </Card>
  )
}
