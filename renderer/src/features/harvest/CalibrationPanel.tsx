import { Alert, App, Empty, Space, Spin, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CalibrationAccepted } from '../../../../app/contract/contract'
import type { CalibrationFactor, CalibrationProposal } from '../../../../engine/actuals/types'
import { api, unwrap } from '../../api'
import { apiErrorOf, errorMessage, issueMessage } from '../../lib/errors'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { reasonText } from './harvest-text'
import { MovedTable } from './MovedTable'
import { ProposalCard, statusOf } from './ProposalCard'

/** Proposals first, then estimates within the noise, then factors without evidence. */
const ORDER = ['proposed', 'no_single_assumption', 'within_noise', 'no_evidence']

/**
 * What the co-op's own seasons say about each factor's assumed uplift, with the evidence. The user
 * accepts a proposal (it becomes an assumption override, the evidence its recorded reason) or
 * rejects it: a rejection writes nothing and the assumption stays as it is.
 */
export function CalibrationPanel(props: { refresh: number; onAccepted: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { format } = useWorkspace()
  const [proposals, setProposals] = useState<CalibrationProposal[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [rejected, setRejected] = useState<Set<CalibrationFactor>>(new Set())
  const [busy, setBusy] = useState<CalibrationFactor | null>(null)
  const [accepted, setAccepted] = useState<CalibrationAccepted | null>(null)

  // biome-ignore lint/correctness/useExhaustiveDependencies: read again after every write (refresh)
  useEffect(() => {
    let live = true
    unwrap(api.calibrationList())
      .then((p) => live && setProposals(p))
      .catch((e) => live && setError(e))
    return () => {
      live = false
    }
  }, [props.refresh])

  const accept = async (p: CalibrationProposal) => {
    if (p.proposedValue === null) return
    setBusy(p.factor)
    try {
      const r = await unwrap(
        api.calibrationAccept({
          factor: p.factor,
          proposedValue: p.proposedValue,
          note: reasonText(t, format, p),
        }),
      )
      setAccepted(r)
      message.success(t('harvest.calibration.acceptedToast'))
      props.onAccepted()
    } catch (e) {
      const issue = apiErrorOf(e)?.details.issues?.[0]
      message.error(issue ? issueMessage(t, issue) : errorMessage(t, e))
    } finally {
      setBusy(null)
    }
  }

  if (error !== null)
    return <Alert type="error" showIcon title={t('errors.title')} description={errorMessage(t, error)} />
  if (!proposals) return <Spin />
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="calibration">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('harvest.calibration.intro')}
      </Typography.Paragraph>
      {accepted && <MovedTable accepted={accepted} />}
      {proposals.length === 0 && <Empty description={t('harvest.calibration.none')} />}
      {[...proposals]
        .sort((a, b) => ORDER.indexOf(statusOf(a)) - ORDER.indexOf(statusOf(b)))
        .map((p) => (
          <ProposalCard
            key={p.factor}
            proposal={p}
            rejected={rejected.has(p.factor)}
            busy={busy === p.factor}
            onAccept={() => void accept(p)}
            onReject={() => setRejected((s) => new Set(s).add(p.factor))}
          />
        ))}
    </Space>
  )
}
