import { useTranslation } from 'react-i18next'
import { LAW_RULES } from '../../../../engine/board/decision-rules'
import type { DecisionRecord, VersionComment } from '../../../../engine/board/version'
import { decisionReasoning } from './decision-text'
import { type PackData, Sheet } from './pack-data'

/** Comments in thread order: each top-level comment followed by its replies, oldest first. */
export function threadOrder(
  comments: readonly VersionComment[],
): { comment: VersionComment; depth: number }[] {
  const byTime = [...comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)
  const ids = new Set(byTime.map((c) => c.id))
  const children = new Map<number, VersionComment[]>()
  for (const c of byTime)
    if (c.replyTo !== null && ids.has(c.replyTo))
      children.set(c.replyTo, [...(children.get(c.replyTo) ?? []), c])
  const out: { comment: VersionComment; depth: number }[] = []
  const visit = (c: VersionComment, depth: number) => {
    out.push({ comment: c, depth })
    for (const child of children.get(c.id) ?? []) visit(child, depth + 1)
  }
  for (const c of byTime) if (c.replyTo === null || !ids.has(c.replyTo)) visit(c, 0)
  return out
}

const sameRules = (a: DecisionRecord['rules']) => JSON.stringify(a) === JSON.stringify(LAW_RULES)

/** The comment thread, the decision record with why it is valid, and the lines to sign. */
export function PackDecision(props: { p: PackData }) {
  const { t } = useTranslation()
  const { detail, f } = props.p
  const plan = detail.content.plan
  const scenarioName = (id: number) => plan.scenarios.find((s) => s.id === id)?.name ?? String(id)
  const fieldName = (id: number) => plan.fields.find((x) => x.id === id)?.name ?? String(id)
  const d = detail.decision
  return (
    <Sheet p={props.p} section="decision">
      <h3>{t('pack.comments.title', { count: detail.comments.length })}</h3>
      {detail.comments.length === 0 && <p className="bp-muted">{t('pack.comments.none')}</p>}
      {threadOrder(detail.comments).map(({ comment: c, depth }) => (
        <div
          key={c.id}
          className={depth > 0 ? 'bp-comment reply' : 'bp-comment'}
          style={depth > 1 ? { marginLeft: `${Math.min(depth, 4) * 8}mm` } : undefined}
          data-testid="pack-comment"
        >
          <div className="bp-comment-head">
            {t('pack.comments.head', {
              author: c.author,
              role: t(`pack.role.${c.role}`),
              at: f.dateTime(c.createdAt),
            })}
            {c.scenarioId !== null &&
              ` · ${t('pack.comments.onScenario', { name: scenarioName(c.scenarioId) })}`}
            {c.fieldId !== null && ` · ${t('pack.comments.onField', { name: fieldName(c.fieldId) })}`}
          </div>
          <div className="bp-comment-body">{c.body}</div>
        </div>
      ))}
      <h3>{t('pack.decision.title')}</h3>
      {d ? <DecisionBlock p={props.p} d={d} isLaw={sameRules(d.rules)} /> : <BlankDecision />}
      <div className="bp-signatures" data-testid="signatures">
        {(['chair', 'supervisor', 'recorder'] as const).map((who) => (
          <div className="bp-signature" key={who}>
            <span>{t(`pack.sign.${who}`)}</span>
            <span className="line" />
            <span>{t('pack.sign.date')}</span>
            <span className="line" />
          </div>
        ))}
      </div>
    </Sheet>
  )
}

function DecisionBlock(props: { p: PackData; d: DecisionRecord; isLaw: boolean }) {
  const { t } = useTranslation()
  const { f } = props.p
  const { d } = props
  const v = d.vote
  const why = decisionReasoning(t, d)
  const rows: [string, string][] = [
    [t('pack.decision.meeting'), t(`pack.decision.kind.${d.kind}`)],
    [t('pack.decision.date'), f.date(d.meetingDate)],
    [t('pack.decision.rules'), t(props.isLaw ? 'pack.decision.rulesLaw' : 'pack.decision.rulesCharter')],
    [
      t('pack.decision.attendance'),
      t('pack.decision.attendanceValue', { members: v.members, attending: v.attending }),
    ],
    [
      t('pack.decision.votes'),
      t('pack.decision.votesValue', {
        votesFor: v.votesFor,
        against: v.votesAgainst,
        abstaining: v.abstaining,
      }),
    ],
    ...(v.extraVotesTotal > 0
      ? [
          [
            t('pack.decision.extraVotes'),
            t('pack.decision.extraVotesValue', { total: v.extraVotesTotal, votesFor: v.extraVotesFor }),
          ] as [string, string],
        ]
      : []),
    [t('pack.decision.outcome'), t(`pack.decision.outcomeValue.${d.outcome}`)],
    [t('pack.decision.scenario'), d.scenarioName ?? '—'],
    [
      t('pack.decision.recordedBy'),
      t('pack.decision.recordedByValue', { name: d.recordedBy, at: f.dateTime(d.recordedAt) }),
    ],
  ]
  return (
    <div data-testid="decision-record">
      <table className="bp-table">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th style={{ width: '26%' }}>{label}</th>
              <td data-testid={label === t('pack.decision.scenario') ? 'decision-scenario' : undefined}>
                {value}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="bp-block">
        <strong>{t('pack.decision.resolution')}</strong>
        <div className="bp-resolution" data-testid="decision-resolution">
          {d.resolution}
        </div>
      </div>
      <div className="bp-block" style={{ marginTop: '3mm' }}>
        <strong>{t('pack.decision.validity')}</strong>
        <ol style={{ margin: '1mm 0', paddingLeft: '6mm' }}>
          {why.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
        <p
          className={why.valid || d.outcome === 'rejected' ? 'bp-valid' : 'bp-invalid'}
          data-testid="decision-conclusion"
        >
          {why.conclusion}
        </p>
      </div>
    </div>
  )
}

/** No decision yet: the record to fill in by hand at the meeting. */
function BlankDecision() {
  const { t } = useTranslation()
  const blank = <span className="bp-blank" />
  return (
    <div data-testid="decision-blank">
      <p className="bp-muted">{t('pack.decision.none')}</p>
      <table className="bp-table">
        <tbody>
          {(
            ['meetingBlank', 'attendanceBlank', 'votesBlank', 'scenarioBlank', 'resolutionBlank'] as const
          ).map((k) => (
            <tr key={k}>
              <th style={{ width: '26%' }}>{t(`pack.decision.${k}`)}</th>
              <td style={{ height: k === 'resolutionBlank' ? '24mm' : '8mm' }}>
                {k === 'resolutionBlank' ? null : blank}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
