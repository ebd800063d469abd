import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { approvedDecision, detail, LAW_CHARTER, summary } from './board-fixtures'
import { renderWithApp } from './render'

const backend = vi.hoisted(() => {
  const fake = {
    versionsList: vi.fn(),
    versionsGet: vi.fn(),
    versionsDiff: vi.fn(),
    versionsSubmit: vi.fn(),
    versionsComment: vi.fn(),
    versionsDecide: vi.fn(),
    charterGet: vi.fn(),
    auditList: vi.fn(async () => ({ ok: true, value: { entries: [], nextBeforeId: null, names: {} } })),
  }
  window.fengshou = fake as never
  return fake
})

const { BoardScreen } = await import('../../renderer/src/features/board/BoardScreen')

const approved = {
  status: 'approved' as const,
  submittedAt: '2026-03-02T00:00:00.000Z',
  decidedAt: '2026-03-10T08:00:00.000Z',
  commentCount: 1,
}

describe('a decided version', () => {
  it('is shown approved and locked, with no submit, comment or decision controls', async () => {
    backend.versionsList.mockResolvedValue({ ok: true, value: [summary(approved)] })
    backend.versionsGet.mockResolvedValue({
      ok: true,
      value: detail({
        ...approved,
        decision: approvedDecision(),
        comments: [
          {
            id: 1,
            versionId: 1,
            replyTo: null,
            scenarioId: 2,
            fieldId: null,
            author: '李理事',
            role: 'board',
            body: '倒伏风险怎么控制？',
            createdAt: '2026-03-05T01:00:00.000Z',
          },
        ],
      }),
    })
    backend.charterGet.mockResolvedValue({ ok: true, value: LAW_CHARTER })
    renderWithApp(<BoardScreen />)
    const panel = await screen.findByTestId('version-panel')
    const notice = await within(panel).findByTestId('locked-notice')
    expect(notice.textContent).toContain('第 1 版已于 2026-03-10 表决通过，已锁定')
    expect(notice.textContent).toContain('后续修改请冻结新版本')
    expect(within(panel).getAllByTestId('version-status')[0]!.textContent).toBe('已通过')
    expect(within(panel).getByTestId('version-locked').textContent).toBe('已锁定')
    // the list says so too
    expect(within(screen.getByTestId('version-list')).getByText('已锁定')).toBeTruthy()
    expect(screen.queryByTestId('submit-open')).toBeNull()
    // the board pack stays available
    expect(screen.getByTestId('board-pack')).toBeTruthy()

    // the decision reads back; no form to record another
    within(panel).getByRole('tab', { name: '决议' }).click()
    const record = await screen.findByTestId('decision-record')
    expect(record.textContent).toContain('成员共 15 人，出席 12 人')
    expect(record.textContent).toContain('密植+水肥一体化')
    expect(screen.getByTestId('decision-outcome').textContent).toBe('通过')
    expect(screen.queryByTestId('decision-form')).toBeNull()
    expect(screen.queryByTestId('decision-save')).toBeNull()

    // the comments are there to read, with nothing to add or answer
    within(panel).getByRole('tab', { name: '审议意见（1）' }).click()
    await waitFor(() => expect(screen.getByText('倒伏风险怎么控制？')).toBeTruthy())
    expect(screen.getByText('关于方案「密植+水肥一体化」')).toBeTruthy()
    expect(screen.queryByTestId('comment-form')).toBeNull()
    expect(screen.queryByTestId('comment-reply')).toBeNull()
    expect(backend.versionsSubmit).not.toHaveBeenCalled()
  })

  it('an open version offers submit, the comment form and the decision form', async () => {
    backend.versionsList.mockResolvedValue({ ok: true, value: [summary()] })
    backend.versionsGet.mockResolvedValue({ ok: true, value: detail() })
    backend.charterGet.mockResolvedValue({ ok: true, value: LAW_CHARTER })
    renderWithApp(<BoardScreen />)
    const panel = await screen.findByTestId('version-panel')
    await within(panel).findByRole('tab', { name: '决议' })
    expect(screen.getByTestId('submit-open')).toBeTruthy()
    expect(within(panel).queryByTestId('locked-notice')).toBeNull()
    // not yet sent to the board: the decision waits for the submission
    within(panel).getByRole('tab', { name: '决议' }).click()
    expect(await screen.findByTestId('decision-not-submitted')).toBeTruthy()
    expect(screen.queryByTestId('decision-form')).toBeNull()
    within(panel).getByRole('tab', { name: '审议意见（0）' }).click()
    expect(await screen.findByTestId('comment-form')).toBeTruthy()
  })

  it('a submitted version offers the decision form', async () => {
    const inReview = { status: 'inReview' as const, submittedAt: '2026-03-02T00:00:00.000Z' }
    backend.versionsList.mockResolvedValue({ ok: true, value: [summary(inReview)] })
    backend.versionsGet.mockResolvedValue({ ok: true, value: detail(inReview) })
    backend.charterGet.mockResolvedValue({ ok: true, value: LAW_CHARTER })
    renderWithApp(<BoardScreen />)
    const panel = await screen.findByTestId('version-panel')
    ;(await within(panel).findByRole('tab', { name: '决议' })).click()
    expect(await screen.findByTestId('decision-form')).toBeTruthy()
    expect(screen.queryByTestId('submit-open')).toBeNull()
  })

  it('a version that no longer matches its hash is named in red, in plain words, and takes nothing more', async () => {
    const tampered = { id: 2, number: 2, title: '被改过的版本', hashVerified: false }
    backend.versionsList.mockResolvedValue({ ok: true, value: [summary(tampered), summary()] })
    backend.versionsGet.mockResolvedValue({ ok: true, value: detail(tampered) })
    backend.charterGet.mockResolvedValue({ ok: true, value: LAW_CHARTER })
    renderWithApp(<BoardScreen />)
    const list = await screen.findByTestId('tampered-list')
    expect(list.textContent).toContain('注意：第 2 版的内容与校验值不符，可能在本程序之外被改动过')
    const warning = await screen.findByTestId('tampered')
    expect(warning.textContent).toContain('第 2 版的内容与冻结时的校验值不符')
    expect(warning.textContent).toContain('在本程序之外被改动过')
    expect(warning.closest('.ant-alert-error')).not.toBeNull()
    expect(screen.queryByTestId('submit-open')).toBeNull()
  })
})
