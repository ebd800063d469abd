import { Alert, App, Button, Card, Descriptions, Flex, Input, Modal, Space, Tabs, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Charter } from '../../../../app/contract/contract'
import { VERSION_LIMITS, type VersionDetail, type VersionSummary } from '../../../../engine/board/version'
import { api, unwrap } from '../../api'
import { errorMessage } from '../../lib/errors'
import { textLimit } from '../../lib/text-limit'
import { useBusy } from '../../lib/use-busy'
import { localTime } from '../audit/audit-sentences'
import { openBoardPack } from '../board-pack/open-pack'
import { CommentThread } from './CommentThread'
import { DecisionPanel } from './DecisionPanel'
import { rememberedName, rememberName } from './person-name'
import { refusal } from './refusal'
import { VersionAudit } from './VersionAudit'
import { VersionChanges } from './VersionChanges'
import { ShortHash, StatusTags, versionName } from './VersionList'

/**
 * The board pack of a version: saved as a PDF where the user chooses (desktop), or opened in a tab
 * for the browser's print. Saving says where the file went; a failure says why, in words.
 */
function BoardPackButton(props: { versionId: number; locale: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [busy, run] = useBusy()
  const open = () =>
    run(async () => {
      try {
        const outcome = await openBoardPack(props.versionId, props.locale)
        if (outcome.kind === 'saved') message.success(t('board.packSaved', { file: outcome.file }))
      } catch (e) {
        message.error(errorMessage(t, e))
      }
    })
  return (
    <Button onClick={() => void open()} loading={busy} data-testid="board-pack">
      {t('board.pack')}
    </Button>
  )
}

/** Whether a version can no longer take a comment, a submission or a decision. */
export function isLocked(v: Pick<VersionSummary, 'status'>): boolean {
  return v.status === 'approved' || v.status === 'rejected'
}

/**
 * One version: what it is, whether it can be trusted (its hash), what changed since the version
 * before, the board's comments, the decision, and the change log of its period.
 */
export function VersionPanel(props: {
  summary: VersionSummary
  versions: VersionSummary[]
  charter: Charter | null
  onChanged: () => void
}) {
  const { t, i18n } = useTranslation()
  const { summary, onChanged } = props
  const [detail, setDetail] = useState<VersionDetail | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [submitting, setSubmitting] = useState(false)

  const load = useCallback(async () => {
    setError(null)
    try {
      setDetail(await unwrap(api.versionsGet({ id: summary.id })))
    } catch (e) {
      setError(e)
    }
  }, [summary.id])
  useEffect(() => {
    void load()
  }, [load])

  // Anything added (a submission, a comment, the decision) is read back whole, and the list too.
  const refresh = useCallback(() => {
    void load()
    onChanged()
  }, [load, onChanged])

  const v = detail ?? summary
  const locked = isLocked(v)
  const tampered = !v.hashVerified
  const canAct = !locked && !tampered

  return (
    <Card
      data-testid="version-panel"
      title={
        <Flex gap={8} align="center" wrap style={{ minWidth: 0 }}>
          <span style={{ whiteSpace: 'nowrap' }}>{versionName(t, v)}</span>
          <Typography.Text strong ellipsis style={{ maxWidth: 420 }}>
            {v.title}
          </Typography.Text>
          <StatusTags version={v} />
        </Flex>
      }
      extra={
        <Space wrap>
          {canAct && v.status === 'frozen' && (
            <Button onClick={() => setSubmitting(true)} data-testid="submit-open">
              {t('board.submit.open')}
            </Button>
          )}
          <BoardPackButton versionId={v.id} locale={i18n.language} />
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {tampered && (
          <Alert
            type="error"
            showIcon
            data-testid="tampered"
            title={t('board.tampered.title', { n: v.number })}
            description={t('board.tampered.body')}
          />
        )}
        {locked && (
          <Alert
            type={v.status === 'approved' ? 'success' : 'warning'}
            showIcon
            data-testid="locked-notice"
            title={t(`board.locked.${v.status === 'approved' ? 'approved' : 'rejected'}`, {
              n: v.number,
              date: detail?.decision?.meetingDate ?? '',
            })}
            description={t('board.locked.body')}
          />
        )}
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('board.meta.createdAt')}>{localTime(v.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('board.meta.author')}>{v.author}</Descriptions.Item>
          <Descriptions.Item label={t('board.meta.contents')}>
            {t('board.meta.counts', { fields: v.fieldCount, scenarios: v.scenarioCount })}
          </Descriptions.Item>
          {v.submittedAt && (
            <Descriptions.Item label={t('board.meta.submittedAt')}>
              {localTime(v.submittedAt)}
            </Descriptions.Item>
          )}
          {v.decidedAt && (
            <Descriptions.Item label={t('board.meta.decidedAt')}>{localTime(v.decidedAt)}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('board.meta.hash')}>
            <ShortHash hash={v.hash} />
          </Descriptions.Item>
        </Descriptions>
        {v.note !== '' && (
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
            data-testid="version-note"
          >
            {v.note}
          </Typography.Paragraph>
        )}
        {error !== null && (
          <Alert
            type="error"
            showIcon
            title={t('board.detailFailed')}
            description={errorMessage(t, error)}
            action={<Button onClick={() => void load()}>{t('board.retry')}</Button>}
          />
        )}
        {detail === null && error === null && <Card loading variant="borderless" />}
        {detail && (
          <Tabs
            defaultActiveKey="changes"
            items={[
              {
                key: 'changes',
                label: t('board.tab.changes'),
                children: <VersionChanges to={detail} versions={props.versions} />,
              },
              {
                key: 'comments',
                label: t('board.tab.comments', { count: detail.comments.length }),
                children: <CommentThread version={detail} canAct={canAct} onAdded={refresh} />,
              },
              {
                key: 'decision',
                label: t('board.tab.decision'),
                children: (
                  <DecisionPanel
                    version={detail}
                    charter={props.charter}
                    canAct={canAct}
                    onDecided={refresh}
                  />
                ),
              },
              {
                key: 'audit',
                label: t('board.tab.audit'),
                children: <VersionAudit version={detail} versions={props.versions} />,
              },
            ]}
          />
        )}
      </Space>
      <SubmitModal
        open={submitting}
        version={v}
        onClose={() => setSubmitting(false)}
        onSubmitted={() => {
          setSubmitting(false)
          refresh()
        }}
      />
    </Card>
  )
}

/** Sends a version to the board: who sends it is typed, as everywhere here (there is no login). */
function SubmitModal(props: {
  open: boolean
  version: VersionSummary
  onClose: () => void
  onSubmitted: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [author, setAuthor] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, run] = useBusy()
  const limit = textLimit(t, VERSION_LIMITS.authorMaxChars, { trim: true })
  useEffect(() => {
    if (props.open) {
      setAuthor(rememberedName())
      setProblem(null)
    }
  }, [props.open])

  const submit = () =>
    run(async () => {
      setProblem(null)
      if (author.trim() === '') return setProblem(t('board.nameRequired'))
      const tooLong = limit.problem(author)
      if (tooLong) return setProblem(tooLong)
      const result = await api.versionsSubmit({ id: props.version.id, author: author.trim() })
      if (!result.ok) return setProblem(refusal(t, result.error))
      rememberName(author)
      message.success(t('board.submit.done', { n: props.version.number }))
      props.onSubmitted()
    })

  return (
    <Modal
      open={props.open}
      title={t('board.submit.title', { n: props.version.number })}
      okText={t('board.submit.ok')}
      cancelText={t('board.cancel')}
      onOk={() => void submit()}
      onCancel={() => !busy && props.onClose()}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'submit-ok' }}
    >
      <Typography.Paragraph>{t('board.submit.body')}</Typography.Paragraph>
      <label htmlFor="submit-author">
        <Typography.Text>{t('board.submit.author')}</Typography.Text>
      </label>
      <Input
        id="submit-author"
        value={author}
        onChange={(e) => setAuthor(e.target.value)}
        count={limit.count}
        style={{ maxWidth: 280, marginTop: 4, display: 'flex' }}
        onPressEnter={() => void submit()}
      />
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 12 }} />}
    </Modal>
  )
}
