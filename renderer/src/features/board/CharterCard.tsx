import { Alert, App, Button, Card, Flex, InputNumber, Select, Space, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Charter } from '../../../../app/contract/contract'
import {
  type DecisionRules,
  isAtLeastLaw,
  LAW_RULES,
  type MeetingKind,
  type Share,
} from '../../../../engine/board/decision-rules'
import { api } from '../../api'
import { errorMessage } from '../../lib/errors'
import type { Format } from '../../lib/format'
import { sameValues, useUnsavedChanges } from '../../lib/unsaved-changes'
import { useBusy } from '../../lib/use-busy'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { isLawRules, shareText } from './decision-check'
import { refusal } from './refusal'

type RuleKey = keyof DecisionRules
const RULE_KEYS: RuleKey[] = ['attendance', 'majority', 'extraVotesCap']
const KINDS: MeetingKind[] = ['members', 'board']

/** The rule as a sentence: 出席不少于成员的 2/3. */
export function ruleText(
  t: TFunction,
  format: Format,
  kind: MeetingKind,
  key: RuleKey,
  share: Share,
): string {
  return t(`board.charter.text.${key}`, {
    relation: t(`board.charter.relation.${key}.${share.strict ? 'strict' : 'plain'}`),
    who: t(`board.check.who.${kind}`),
    share: shareText(t, format, share, key === 'extraVotesCap'),
  })
}

/** The rules a kind of meeting lives by, as one line. */
export function rulesText(t: TFunction, format: Format, kind: MeetingKind, rules: DecisionRules): string {
  // A board meeting has no extra votes: only members' meetings grant them.
  const keys = kind === 'members' ? RULE_KEYS : RULE_KEYS.filter((k) => k !== 'extraVotesCap')
  return keys.map((k) => ruleText(t, format, kind, k, rules[k])).join(t('board.sentenceSeparator'))
}

type Draft = Omit<Charter, 'revision'>

/**
 * The co-op's charter (章程) rules for its meetings. The law sets the floor — two thirds present,
 * more than half of all voting rights for, extra votes at most 20 % of the basic votes — and a
 * charter may only be stricter; a looser rule is refused here and by the back end.
 */
export function CharterCard(props: {
  charter: Charter | null
  error: unknown
  onRetry: () => void
  onSaved: (c: Charter) => void
}) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const [editing, setEditing] = useState<Draft | null>(null)

  return (
    <Card
      title={t('board.charter.title')}
      data-testid="charter-card"
      extra={
        props.charter &&
        !editing && (
          <Button
            onClick={() => setEditing({ members: props.charter!.members, board: props.charter!.board })}
            data-testid="charter-edit"
          >
            {t('board.charter.edit')}
          </Button>
        )
      }
    >
      {props.error !== null && props.error !== undefined ? (
        <Alert
          type="error"
          showIcon
          title={t('board.charter.loadFailed')}
          description={errorMessage(t, props.error)}
          action={<Button onClick={props.onRetry}>{t('board.retry')}</Button>}
        />
      ) : !props.charter ? (
        <Card loading variant="borderless" />
      ) : editing ? (
        <CharterForm
          charter={props.charter}
          draft={editing}
          onChange={setEditing}
          onClose={() => setEditing(null)}
          onReload={() => {
            setEditing(null)
            props.onRetry()
          }}
          onSaved={(c) => {
            setEditing(null)
            props.onSaved(c)
          }}
        />
      ) : (
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('board.charter.help')}</Typography.Text>
          {KINDS.map((kind) => (
            <div key={kind} data-testid={`charter-${kind}`}>
              <Typography.Text strong>{t(`board.meeting.${kind}`)}</Typography.Text>
              {isLawRules(props.charter![kind]) && (
                <Typography.Text type="secondary">{t('board.charter.asLaw')}</Typography.Text>
              )}
              <Typography.Text>
                {t('board.charter.colon')}
                {rulesText(t, format, kind, props.charter![kind])}
              </Typography.Text>
            </div>
          ))}
        </Space>
      )}
    </Card>
  )
}

function ShareInput(props: {
  kind: MeetingKind
  ruleKey: RuleKey
  share: Share
  onChange: (s: Share) => void
}) {
  const { t } = useTranslation()
  const { kind, ruleKey, share } = props
  const base = `charter-${kind}-${ruleKey}`
  const label = t(`board.charter.label.${ruleKey}`, { who: t(`board.check.who.${kind}`) })
  const whole = (v: number | null, min: number) => (typeof v === 'number' && v >= min ? v : min)
  return (
    <Flex gap={8} align="center" wrap role="group" aria-label={label}>
      <Typography.Text style={{ minWidth: 200 }}>{label}</Typography.Text>
      <Select<'plain' | 'strict'>
        aria-label={t('board.charter.relationLabel', { rule: label })}
        value={share.strict ? 'strict' : 'plain'}
        onChange={(v) => props.onChange({ ...share, strict: v === 'strict' })}
        options={(['plain', 'strict'] as const).map((v) => ({
          value: v,
          label: t(`board.charter.relation.${ruleKey}.${v}`),
        }))}
        style={{ width: 110 }}
        data-testid={`${base}-relation`}
      />
      <InputNumber<number>
        aria-label={t('board.charter.num', { rule: label })}
        min={0}
        max={1000}
        precision={0}
        value={share.num}
        onChange={(v) => props.onChange({ ...share, num: whole(v, 0) })}
        style={{ width: 80 }}
        data-testid={`${base}-num`}
      />
      <span aria-hidden>/</span>
      <InputNumber<number>
        aria-label={t('board.charter.den', { rule: label })}
        min={1}
        max={1000}
        precision={0}
        value={share.den}
        onChange={(v) => props.onChange({ ...share, den: whole(v, 1) })}
        style={{ width: 80 }}
        data-testid={`${base}-den`}
      />
    </Flex>
  )
}

function CharterForm(props: {
  charter: Charter
  draft: Draft
  onChange: (d: Draft) => void
  onClose: () => void
  /** another window saved the rules meanwhile: drop this edit and read theirs */
  onReload: () => void
  onSaved: (c: Charter) => void
}) {
  const { t } = useTranslation()
  const { format } = useWorkspace()
  const { message } = App.useApp()
  const [stale, setStale] = useState(false)
  const [busy, run] = useBusy()
  const [problem, setProblem] = useState<string | null>(null)
  const { draft } = props
  const dirty = !sameValues(draft, { members: props.charter.members, board: props.charter.board })
  const confirmDiscard = useUnsavedChanges(dirty)
  const overOne = KINDS.some((k) => RULE_KEYS.some((r) => draft[k][r].num > draft[k][r].den))
  const belowLaw = KINDS.filter((k) => !isAtLeastLaw(draft[k]))
  const blocker = overOne
    ? t('board.charter.overOne')
    : belowLaw.length > 0
      ? t('errors.rule.charter_below_law')
      : null

  const setShare = (kind: MeetingKind, key: RuleKey, s: Share) =>
    props.onChange({ ...draft, [kind]: { ...draft[kind], [key]: s } })

  const save = () =>
    run(async () => {
      if (blocker) return
      setProblem(null)
      const result = await api.charterSet({ ...draft, revision: props.charter.revision })
      if (!result.ok) {
        setStale(result.error.code === 'STALE')
        return setProblem(refusal(t, result.error))
      }
      message.success(t('board.charter.saved'))
      props.onSaved(result.value)
    })

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="charter-form">
      <Typography.Text type="secondary">{t('board.charter.lawFloor')}</Typography.Text>
      {KINDS.map((kind) => (
        <div key={kind}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t(`board.meeting.${kind}`)}
          </Typography.Title>
          <Space orientation="vertical" size="small">
            {(kind === 'members' ? RULE_KEYS : RULE_KEYS.filter((k) => k !== 'extraVotesCap')).map((key) => (
              <ShareInput
                key={key}
                kind={kind}
                ruleKey={key}
                share={draft[kind][key]}
                onChange={(s) => setShare(kind, key, s)}
              />
            ))}
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
            {rulesText(t, format, kind, draft[kind])}
          </Typography.Paragraph>
        </div>
      ))}
      {blocker && <Alert type="error" showIcon title={blocker} data-testid="charter-blocker" />}
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problem}
          action={
            stale ? (
              <Button size="small" onClick={props.onReload} data-testid="charter-reload">
                {t('board.charter.reloadLatest')}
              </Button>
            ) : undefined
          }
        />
      )}
      <Space wrap>
        <Button
          type="primary"
          onClick={() => void save()}
          loading={busy}
          disabled={!dirty || blocker !== null}
          data-testid="charter-save"
        >
          {t('board.charter.save')}
        </Button>
        <Button onClick={() => props.onChange({ members: LAW_RULES, board: LAW_RULES })} disabled={busy}>
          {t('board.charter.resetToLaw')}
        </Button>
        <Button onClick={() => confirmDiscard(props.onClose)} disabled={busy}>
          {t('board.cancel')}
        </Button>
      </Space>
    </Space>
  )
}
