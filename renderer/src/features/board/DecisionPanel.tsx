import {
  Alert,
  App,
  Button,
  Checkbox,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd'
import { type ReactNode, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Charter } from '../../../../app/contract/contract'
import { LAW_RULES, type MeetingKind } from '../../../../engine/board/decision-rules'
import {
  type DecisionOutcome,
  type DecisionRecord,
  VERSION_LIMITS,
  type VersionDetail,
} from '../../../../engine/board/version'
import { api } from '../../api'
import { textLimit } from '../../lib/text-limit'
import { sameValues, useUnsavedChanges } from '../../lib/unsaved-changes'
import { useBusy } from '../../lib/use-busy'
import { localTime } from '../audit/audit-sentences'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { EMPTY_VOTE, isLawRules, judgeVote, type Verdict, type VoteDraft, voteOf } from './decision-check'
import { rememberedName, rememberName } from './person-name'
import { refusal } from './refusal'

/** Today as the date input writes it (YYYY-MM-DD), in the computer's own time zone. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

/** The decision of a version: the record once there is one, else the form to record it. */
export function DecisionPanel(props: {
  version: VersionDetail
  charter: Charter | null
  canAct: boolean
  onDecided: () => void
}) {
  const { t } = useTranslation()
  const { version } = props
  if (version.decision) return <DecisionRecordView version={version} decision={version.decision} />
  if (!props.canAct) return <Alert type="info" showIcon title={t('board.decision.cannot')} />
  // The meeting decides on what was sent to it: a version is submitted first.
  if (version.status === 'frozen')
    return (
      <Alert
        type="info"
        showIcon
        title={t('board.decision.notSubmitted')}
        data-testid="decision-not-submitted"
      />
    )
  return <DecisionForm version={version} charter={props.charter} onDecided={props.onDecided} />
}

/** The live verdict under the counts: valid or not, and why, in plain words. */
export function VerdictView(props: { verdict: Verdict; recorded?: boolean }) {
  const { t } = useTranslation()
  const { verdict } = props
  if (verdict.state === 'incomplete')
    return <Alert type="info" showIcon title={t('board.check.incomplete')} data-testid="verdict" />
  if (verdict.state === 'impossible')
    return (
      <Alert
        type="error"
        showIcon
        data-testid="verdict"
        title={t('board.check.impossible')}
        description={<Lines lines={verdict.lines} />}
      />
    )
  const valid = verdict.state === 'valid'
  return (
    <Alert
      type={valid ? 'success' : 'error'}
      showIcon
      data-testid="verdict"
      data-valid={valid}
      title={
        props.recorded
          ? t(valid ? 'board.check.validRecorded' : 'board.check.invalidRecorded')
          : t(valid ? 'board.check.valid' : 'board.check.invalid')
      }
      description={
        <>
          <Lines lines={valid ? verdict.lines : verdict.reasons} />
          {!valid && verdict.lines.length > 0 && (
            <Typography.Text type="secondary">
              {t('board.check.counted', { lines: verdict.lines.join(t('board.sentenceSeparator')) })}
            </Typography.Text>
          )}
          {verdict.notes.length > 0 && <Lines lines={verdict.notes} />}
        </>
      }
    />
  )
}

function Lines(props: { lines: string[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {props.lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  )
}

type Draft = {
  meetingDate: string
  vote: VoteDraft
  outcome: DecisionOutcome
  scenarioId: number | null
  resolution: string
  recordedBy: string
}

/** A count typed as a whole number of people or votes. */
function CountInput(props: {
  id: string
  label: string
  value: number | null
  onChange: (v: number | null) => void
  testId: string
}) {
  return (
    <div style={{ display: 'grid', gap: 4 }}>
      <label htmlFor={props.id}>
        <Typography.Text type="secondary">{props.label}</Typography.Text>
      </label>
      <InputNumber<number>
        id={props.id}
        min={0}
        max={VERSION_LIMITS.membersMax}
        precision={0}
        value={props.value}
        onChange={(v) => props.onChange(typeof v === 'number' ? v : null)}
        style={{ width: 150 }}
        data-testid={props.testId}
      />
    </div>
  )
}

function Labelled(props: { id: string; label: string; children: ReactNode }) {
  return (
    <div style={{ display: 'grid', gap: 4 }}>
      <label htmlFor={props.id}>
        <Typography.Text type="secondary">{props.label}</Typography.Text>
      </label>
      {props.children}
    </div>
  )
}

function DecisionForm(props: { version: VersionDetail; charter: Charter | null; onDecided: () => void }) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const { modal, message } = App.useApp()
  const id = useId()
  const { version } = props
  const [initial] = useState<Draft>(() => ({
    meetingDate: today(),
    vote: EMPTY_VOTE,
    outcome: 'approved',
    scenarioId: null,
    resolution: '',
    recordedBy: rememberedName(),
  }))
  const [draft, setDraft] = useState<Draft>(initial)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, run] = useBusy()
  // Leaving the screen with a half-typed decision asks first.
  useUnsavedChanges(!sameValues(draft, initial))
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))
  const setVote = (patch: Partial<VoteDraft>) => setDraft((d) => ({ ...d, vote: { ...d.vote, ...patch } }))

  const charter = props.charter ?? { members: LAW_RULES, board: LAW_RULES, revision: null }
  const kind = draft.vote.kind
  const rules = charter[kind]
  const verdict = useMemo(() => judgeVote(t, format, draft.vote, rules), [t, format, draft.vote, rules])
  const scenarios = version.content.plan.scenarios.filter((s) => !s.isBaseline)
  const resolutionLimit = textLimit(t, VERSION_LIMITS.resolutionMaxChars, { trim: true })
  const nameLimit = textLimit(t, VERSION_LIMITS.authorMaxChars, { trim: true })
  const approving = draft.outcome === 'approved'

  // Why the decision cannot be saved yet; the button is disabled and says it beside itself.
  const blocker = (() => {
    if (verdict.state === 'incomplete') return t('board.decision.needCounts')
    if (verdict.state === 'impossible') return verdict.lines[0] ?? t('board.check.impossible')
    if (approving && verdict.state === 'invalid')
      return t('board.decision.cannotApprove', { why: verdict.reasons.join(t('board.sentenceSeparator')) })
    if (approving && draft.scenarioId === null) return t('errors.rule.decision_needs_scenario')
    if (draft.meetingDate === '') return t('board.decision.needDate')
    if (draft.resolution.trim() === '') return t('board.decision.needResolution')
    if (draft.recordedBy.trim() === '') return t('board.nameRequired')
    return resolutionLimit.problem(draft.resolution) ?? nameLimit.problem(draft.recordedBy)
  })()

  const save = () =>
    run(async () => {
      const vote = voteOf(draft.vote)
      if (blocker !== null || !vote) return
      setProblem(null)
      const sure = await modal.confirm({
        title: t('board.decision.confirmTitle', { n: version.number }),
        content: t(approving ? 'board.decision.confirmApproved' : 'board.decision.confirmRejected'),
        okText: t('board.decision.confirmOk'),
        cancelText: t('board.cancel'),
        okButtonProps: { 'data-testid': 'decision-confirm' },
      })
      if (!sure) return
      const result = await api.versionsDecide({
        versionId: version.id,
        meetingDate: draft.meetingDate,
        vote,
        outcome: draft.outcome,
        scenarioId: approving ? draft.scenarioId : null,
        resolution: draft.resolution.trim(),
        recordedBy: draft.recordedBy.trim(),
      })
      if (!result.ok) return setProblem(refusal(t, result.error))
      rememberName(draft.recordedBy)
      setDraft(initial)
      message.success(t('board.decision.saved', { n: version.number }))
      props.onDecided()
    })

  const field = (name: string) => `${id}-${name}`
  const who = t(`board.check.who.${kind}`)

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="decision-form">
      <Typography.Text type="secondary">
        {t(isLawRules(rules) ? 'board.decision.rulesLaw' : 'board.decision.rulesCharter', {
          meeting: t(`board.meeting.${kind}`),
        })}
      </Typography.Text>
      <Flex gap={16} wrap align="end">
        <Labelled id={field('date')} label={t('board.decision.meetingDate')}>
          <Input
            type="date"
            id={field('date')}
            value={draft.meetingDate}
            onChange={(e) => set({ meetingDate: e.target.value })}
            style={{ width: 160 }}
          />
        </Labelled>
        <div style={{ display: 'grid', gap: 4 }}>
          <Typography.Text type="secondary" id={field('kind')}>
            {t('board.decision.kind')}
          </Typography.Text>
          <Radio.Group
            aria-labelledby={field('kind')}
            optionType="button"
            value={kind}
            onChange={(e) => setVote({ kind: e.target.value as MeetingKind })}
            options={(['members', 'board'] as const).map((k) => ({
              value: k,
              label: t(`board.meeting.${k}`),
            }))}
          />
        </div>
      </Flex>
      <Flex gap={16} wrap>
        <CountInput
          id={field('members')}
          label={t('board.decision.members', { who })}
          value={draft.vote.members}
          onChange={(members) => setVote({ members })}
          testId="vote-members"
        />
        <CountInput
          id={field('attending')}
          label={t('board.decision.attending')}
          value={draft.vote.attending}
          onChange={(attending) => setVote({ attending })}
          testId="vote-attending"
        />
        <CountInput
          id={field('for')}
          label={t('board.decision.votesFor')}
          value={draft.vote.votesFor}
          onChange={(votesFor) => setVote({ votesFor })}
          testId="vote-for"
        />
        <CountInput
          id={field('against')}
          label={t('board.decision.votesAgainst')}
          value={draft.vote.votesAgainst}
          onChange={(votesAgainst) => setVote({ votesAgainst })}
          testId="vote-against"
        />
        <CountInput
          id={field('abstaining')}
          label={t('board.decision.abstaining')}
          value={draft.vote.abstaining}
          onChange={(abstaining) => setVote({ abstaining })}
          testId="vote-abstaining"
        />
      </Flex>
      {kind === 'members' && (
        <div>
          <Checkbox
            checked={draft.vote.hasExtraVotes}
            onChange={(e) => setVote({ hasExtraVotes: e.target.checked })}
            data-testid="vote-has-extra"
          >
            {t('board.decision.hasExtra')}
          </Checkbox>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {t('board.decision.extraHelp')}
          </Typography.Paragraph>
          {draft.vote.hasExtraVotes && (
            <Flex gap={16} wrap style={{ marginTop: 8 }}>
              <CountInput
                id={field('extra-total')}
                label={t('board.decision.extraTotal')}
                value={draft.vote.extraVotesTotal}
                onChange={(extraVotesTotal) => setVote({ extraVotesTotal })}
                testId="vote-extra-total"
              />
              <CountInput
                id={field('extra-for')}
                label={t('board.decision.extraFor')}
                value={draft.vote.extraVotesFor}
                onChange={(extraVotesFor) => setVote({ extraVotesFor })}
                testId="vote-extra-for"
              />
            </Flex>
          )}
        </div>
      )}
      <VerdictView verdict={verdict} />
      <Flex gap={16} wrap align="end">
        <div style={{ display: 'grid', gap: 4 }}>
          <Typography.Text type="secondary" id={field('outcome')}>
            {t('board.decision.outcome')}
          </Typography.Text>
          <Radio.Group
            aria-labelledby={field('outcome')}
            value={draft.outcome}
            onChange={(e) => set({ outcome: e.target.value as DecisionOutcome })}
            options={[
              { value: 'approved', label: t('board.outcome.approved') },
              { value: 'rejected', label: t('board.outcome.rejected') },
            ]}
          />
        </div>
        {approving && (
          <Labelled id={field('scenario')} label={t('board.decision.scenario')}>
            <Select<number>
              id={field('scenario')}
              value={draft.scenarioId ?? undefined}
              placeholder={t('board.decision.scenarioPlaceholder')}
              onChange={(scenarioId) => set({ scenarioId })}
              options={scenarios.map((s) => ({ value: s.id, label: s.name }))}
              style={{ width: 260 }}
              data-testid="decision-scenario"
            />
          </Labelled>
        )}
      </Flex>
      <Labelled id={field('resolution')} label={t('board.decision.resolution')}>
        <Input.TextArea
          id={field('resolution')}
          value={draft.resolution}
          onChange={(e) => set({ resolution: e.target.value })}
          autoSize={{ minRows: 3, maxRows: 10 }}
          placeholder={t('board.decision.resolutionPlaceholder')}
          count={resolutionLimit.count}
          status={resolutionLimit.problem(draft.resolution) ? 'error' : undefined}
          data-testid="decision-resolution"
        />
      </Labelled>
      <Labelled id={field('recorder')} label={t('board.decision.recordedBy')}>
        <Input
          id={field('recorder')}
          value={draft.recordedBy}
          onChange={(e) => set({ recordedBy: e.target.value })}
          count={nameLimit.count}
          style={{ width: 240 }}
          data-testid="decision-recorder"
        />
      </Labelled>
      {problem && <Alert type="error" showIcon role="alert" title={problem} data-testid="decision-problem" />}
      <Flex gap={12} align="center" wrap>
        <Button
          type="primary"
          danger={!approving}
          disabled={blocker !== null}
          loading={busy}
          onClick={() => void save()}
          data-testid="decision-save"
          aria-describedby={blocker !== null ? field('blocker') : undefined}
        >
          {t(approving ? 'board.decision.saveApproved' : 'board.decision.saveRejected')}
        </Button>
        {blocker !== null && (
          <Typography.Text type="danger" id={field('blocker')} data-testid="decision-blocker">
            {blocker}
          </Typography.Text>
        )}
      </Flex>
    </Space>
  )
}

/** A recorded decision, read back: the meeting, the counts, whether they met the rules, the outcome. */
function DecisionRecordView(props: { version: VersionDetail; decision: DecisionRecord }) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const d = props.decision
  const verdict = judgeVote(t, format, { ...d.vote, hasExtraVotes: d.vote.extraVotesTotal > 0 }, d.rules)
  const n = (x: number) => format.number(x, 0)
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="decision-record">
      <Descriptions size="small" bordered column={{ xs: 1, lg: 2 }}>
        <Descriptions.Item label={t('board.decision.meetingDate')}>{d.meetingDate}</Descriptions.Item>
        <Descriptions.Item label={t('board.decision.kind')}>{t(`board.meeting.${d.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('board.record.attendance')}>
          {t('board.record.attendanceValue', {
            attending: n(d.vote.attending),
            members: n(d.vote.members),
            who: t(`board.check.who.${d.kind}`),
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('board.record.votes')}>
          {t('board.record.votesValue', {
            votesFor: n(d.vote.votesFor),
            against: n(d.vote.votesAgainst),
            abstaining: n(d.vote.abstaining),
          })}
        </Descriptions.Item>
        {d.vote.extraVotesTotal > 0 && (
          <Descriptions.Item label={t('board.record.extra')}>
            {t('board.record.extraValue', {
              total: n(d.vote.extraVotesTotal),
              votesFor: n(d.vote.extraVotesFor),
            })}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('board.decision.outcome')}>
          <Typography.Text
            strong
            type={d.outcome === 'approved' ? 'success' : 'danger'}
            data-testid="decision-outcome"
          >
            {t(`board.outcome.${d.outcome}`)}
          </Typography.Text>
        </Descriptions.Item>
        {d.scenarioName !== null && (
          <Descriptions.Item label={t('board.decision.scenario')}>{d.scenarioName}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('board.decision.recordedBy')}>
          {t('board.record.recordedValue', { name: d.recordedBy, at: localTime(d.recordedAt) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('board.decision.resolution')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{d.resolution}</span>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">
        {t(isLawRules(d.rules) ? 'board.record.rulesLaw' : 'board.record.rulesCharter')}
      </Typography.Text>
      <VerdictView verdict={verdict} recorded />
    </Space>
  )
}
