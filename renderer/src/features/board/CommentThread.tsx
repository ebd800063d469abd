import { Alert, App, Button, Empty, Flex, Input, Select, Space, Tag, Typography } from 'antd'
import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  COMMENT_ROLES,
  type CommentRole,
  VERSION_LIMITS,
  type VersionComment,
  type VersionDetail,
} from '../../../../engine/board/version'
import { api } from '../../api'
import { textLimit } from '../../lib/text-limit'
import { useUnsavedChanges } from '../../lib/unsaved-changes'
import { useBusy } from '../../lib/use-busy'
import { localTime } from '../audit/audit-sentences'
import { rememberedName, rememberName } from './person-name'
import { refusal } from './refusal'

const ROLE_COLOR: Record<CommentRole, string> = {
  board: 'blue',
  supervisor: 'purple',
  member: 'default',
  manager: 'green',
}

type Thread = { root: VersionComment; replies: VersionComment[] }

/** Comments as threads: each comment with the answers to it (and to its answers) below, oldest first. */
export function threadsOf(comments: readonly VersionComment[]): Thread[] {
  const byId = new Map(comments.map((c) => [c.id, c]))
  const rootOf = (c: VersionComment): VersionComment => {
    let at = c
    const seen = new Set<number>()
    while (at.replyTo !== null && byId.has(at.replyTo) && !seen.has(at.id)) {
      seen.add(at.id)
      at = byId.get(at.replyTo)!
    }
    return at
  }
  const threads = new Map<number, Thread>()
  const sorted = [...comments].sort((a, b) => a.id - b.id)
  for (const c of sorted) {
    const root = rootOf(c)
    if (root.id === c.id) threads.set(c.id, { root: c, replies: [] })
  }
  for (const c of sorted) {
    const root = rootOf(c)
    if (root.id !== c.id) threads.get(root.id)?.replies.push(c)
  }
  return [...threads.values()]
}

/**
 * The board's comments on a version, with the manager's answers. Comments are only ever added: no
 * comment can be edited or removed, and once the version is decided none can be added.
 */
export function CommentThread(props: { version: VersionDetail; canAct: boolean; onAdded: () => void }) {
  const { t } = useTranslation()
  const { version } = props
  const [replyTo, setReplyTo] = useState<number | null>(null)
  const threads = useMemo(() => threadsOf(version.comments), [version.comments])
  const replying = version.comments.find((c) => c.id === replyTo) ?? null
  const threadOf = (c: VersionComment) =>
    threads.find((th) => th.root.id === c.id || th.replies.some((r) => r.id === c.id))
  const names = useMemo(
    () => ({
      scenario: new Map(version.content.plan.scenarios.map((s) => [s.id, s.name])),
      field: new Map(version.content.plan.fields.map((f) => [f.id, f.name])),
    }),
    [version],
  )

  const about = (c: VersionComment) => {
    const parts = [
      c.scenarioId !== null
        ? t('board.comment.aboutScenario', { name: names.scenario.get(c.scenarioId) ?? '' })
        : null,
      c.fieldId !== null ? t('board.comment.aboutField', { name: names.field.get(c.fieldId) ?? '' }) : null,
    ].filter((x): x is string => x !== null)
    return parts.length > 0 ? parts.join(t('audit.listSeparator')) : null
  }

  const one = (c: VersionComment, isReply: boolean) => (
    <div
      key={c.id}
      data-testid="comment"
      data-comment-id={c.id}
      style={{
        padding: '8px 12px',
        marginInlineStart: isReply ? 32 : 0,
        borderInlineStart: isReply ? '3px solid #d9d9d9' : undefined,
        background: isReply ? '#fafafa' : undefined,
      }}
    >
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{c.author}</Typography.Text>
        <Tag color={ROLE_COLOR[c.role]}>{t(`board.role.${c.role}`)}</Tag>
        <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {localTime(c.createdAt)}
        </Typography.Text>
        {about(c) && <Typography.Text type="secondary">{about(c)}</Typography.Text>}
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0', overflowWrap: 'anywhere' }}>
        {c.body}
      </Typography.Paragraph>
      {props.canAct && replyTo !== c.id && (
        <Button
          size="small"
          type="link"
          onClick={() => setReplyTo(c.id)}
          style={{ padding: 0 }}
          aria-label={t('board.comment.replyTo', { name: c.author })}
          data-testid="comment-reply"
        >
          {t('board.comment.reply')}
        </Button>
      )}
    </div>
  )

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('board.comment.help')}</Typography.Text>
      {threads.length === 0 ? (
        <Empty description={props.canAct ? t('board.comment.empty') : t('board.comment.emptyLocked')} />
      ) : (
        threads.map((th) => (
          <div
            key={th.root.id}
            data-testid="comment-thread"
            style={{ border: '1px solid #f0f0f0', borderRadius: 8 }}
          >
            {one(th.root, false)}
            {th.replies.map((r) => one(r, true))}
            {props.canAct && replying && th.root.id === threadOf(replying)?.root.id && (
              <div style={{ padding: '0 12px 12px', marginInlineStart: 32 }}>
                <CommentForm
                  key={replying.id}
                  version={version}
                  replyTo={replying}
                  onCancel={() => setReplyTo(null)}
                  onAdded={() => {
                    setReplyTo(null)
                    props.onAdded()
                  }}
                />
              </div>
            )}
          </div>
        ))
      )}
      {props.canAct && replyTo === null && (
        <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('board.comment.new')}
          </Typography.Title>
          <CommentForm version={version} replyTo={null} onAdded={props.onAdded} />
        </div>
      )}
    </Space>
  )
}

/** One comment or answer: who writes it, in which role, about what, and what they say. */
export function CommentForm(props: {
  version: VersionDetail
  replyTo: VersionComment | null
  onAdded: () => void
  onCancel?: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const id = useId()
  const { version, replyTo } = props
  const [author, setAuthor] = useState(rememberedName)
  // An answer is most often the manager's; a new comment most often a board member's.
  const [role, setRole] = useState<CommentRole>(replyTo ? 'manager' : 'board')
  const [scenarioId, setScenarioId] = useState<number | null>(replyTo?.scenarioId ?? null)
  const [fieldId, setFieldId] = useState<number | null>(replyTo?.fieldId ?? null)
  const [body, setBody] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, run] = useBusy()
  const confirmDiscard = useUnsavedChanges(body.trim() !== '')
  const bodyLimit = textLimit(t, VERSION_LIMITS.commentMaxChars, { trim: true })
  const nameLimit = textLimit(t, VERSION_LIMITS.authorMaxChars, { trim: true })
  const tooLong = bodyLimit.problem(body) ?? nameLimit.problem(author)

  const send = () =>
    run(async () => {
      setProblem(null)
      if (author.trim() === '') return setProblem(t('board.nameRequired'))
      if (body.trim() === '') return setProblem(t('board.comment.bodyRequired'))
      if (tooLong) return setProblem(tooLong)
      const result = await api.versionsComment({
        versionId: version.id,
        replyTo: replyTo?.id ?? null,
        scenarioId,
        fieldId,
        author: author.trim(),
        role,
        body: body.trim(),
      })
      if (!result.ok) return setProblem(refusal(t, result.error))
      rememberName(author)
      setBody('')
      message.success(t(replyTo ? 'board.comment.replied' : 'board.comment.added'))
      props.onAdded()
    })

  const label = (name: string, text: string) => (
    <label htmlFor={`${id}-${name}`}>
      <Typography.Text type="secondary">{text}</Typography.Text>
    </label>
  )

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="comment-form">
      <Flex gap={12} wrap>
        <div style={{ display: 'grid', gap: 4 }}>
          {label('author', t('board.comment.author'))}
          <Input
            id={`${id}-author`}
            value={author}
            onChange={(e) => setAuthor(e.target.value)}
            style={{ width: 180 }}
            status={nameLimit.problem(author) ? 'error' : undefined}
          />
        </div>
        <div style={{ display: 'grid', gap: 4 }}>
          {label('role', t('board.comment.role'))}
          <Select<CommentRole>
            id={`${id}-role`}
            value={role}
            onChange={setRole}
            options={COMMENT_ROLES.map((r) => ({ value: r, label: t(`board.role.${r}`) }))}
            style={{ width: 150 }}
          />
        </div>
        <div style={{ display: 'grid', gap: 4 }}>
          {label('scenario', t('board.comment.scenario'))}
          <Select<number | null>
            id={`${id}-scenario`}
            allowClear
            placeholder={t('board.comment.none')}
            value={scenarioId}
            onChange={(v) => setScenarioId(v ?? null)}
            options={version.content.plan.scenarios.map((s) => ({ value: s.id, label: s.name }))}
            style={{ width: 200 }}
          />
        </div>
        <div style={{ display: 'grid', gap: 4 }}>
          {label('field', t('board.comment.field'))}
          <Select<number | null>
            id={`${id}-field`}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('board.comment.none')}
            value={fieldId}
            onChange={(v) => setFieldId(v ?? null)}
            options={version.content.plan.fields.map((f) => ({
              value: f.id,
              label: f.village ? `${f.name}（${f.village}）` : f.name,
            }))}
            style={{ width: 220 }}
          />
        </div>
      </Flex>
      <div style={{ display: 'grid', gap: 4 }}>
        {label(
          'body',
          replyTo ? t('board.comment.replyBody', { name: replyTo.author }) : t('board.comment.body'),
        )}
        <Input.TextArea
          id={`${id}-body`}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          autoSize={{ minRows: 3, maxRows: 10 }}
          count={bodyLimit.count}
          status={bodyLimit.problem(body) ? 'error' : undefined}
          data-testid="comment-body"
        />
        <Typography.Text type="secondary" data-testid="comment-limit">
          {t('board.comment.limit', { limit: VERSION_LIMITS.commentMaxChars })}
        </Typography.Text>
      </div>
      {tooLong && <Alert type="error" showIcon title={tooLong} />}
      {problem && problem !== tooLong && (
        <Alert type="error" showIcon role="alert" title={problem} data-testid="comment-problem" />
      )}
      <Space>
        <Button
          type="primary"
          onClick={() => void send()}
          loading={busy}
          disabled={tooLong !== null}
          data-testid="comment-send"
        >
          {replyTo ? t('board.comment.sendReply') : t('board.comment.send')}
        </Button>
        {props.onCancel && (
          <Button onClick={() => confirmDiscard(props.onCancel!)} disabled={busy}>
            {t('board.cancel')}
          </Button>
        )}
      </Space>
    </Space>
  )
}
