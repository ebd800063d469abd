import { act, fireEvent, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { VERSION_LIMITS } from '../../engine/board/version'
import { detail } from './board-fixtures'
import { renderWithApp } from './render'

const backend = vi.hoisted(() => {
  const fake = { versionsComment: vi.fn() }
  window.fengshou = fake as never
  return fake
})

const { CommentThread } = await import('../../renderer/src/features/board/CommentThread')

const body = () => screen.getByTestId('comment-body') as HTMLTextAreaElement
const send = () => screen.getByTestId('comment-send').closest('button') as HTMLButtonElement

describe('commenting on a version', () => {
  beforeEach(() => {
    backend.versionsComment.mockReset()
    window.localStorage.clear()
  })

  it('counts the characters against the limit and refuses more than the limit before sending', async () => {
    renderWithApp(<CommentThread version={detail()} canAct onAdded={() => undefined} />)
    expect(VERSION_LIMITS.commentMaxChars).toBe(2000)
    expect(screen.getByTestId('comment-limit').textContent).toBe('最多 2000 字')
    fireEvent.change(body(), { target: { value: '倒伏风险怎么控制？' } })
    const form = screen.getByTestId('comment-form')
    expect(form.textContent).toContain('9 / 2000')
    fireEvent.change(body(), { target: { value: '长'.repeat(2001) } })
    expect(form.textContent).toContain('2001 / 2000')
    expect(form.textContent).toContain('最多 2000 个字')
    expect(send().disabled).toBe(true)
    // what was typed is never cut
    expect(body().value).toHaveLength(2001)
  })

  it('shows the back end’s translated reason when it refuses the comment', async () => {
    backend.versionsComment.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Refused: version_locked',
        details: { issues: [{ path: [], rule: 'version_locked', params: { number: 3 } }] },
      },
    })
    renderWithApp(<CommentThread version={detail({ number: 3 })} canAct onAdded={() => undefined} />)
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '李理事' } })
    fireEvent.change(body(), { target: { value: '东岗一号地加密后倒伏风险怎么控制？' } })
    await act(async () => {
      fireEvent.click(send())
    })
    const problem = await screen.findByTestId('comment-problem')
    expect(problem.textContent).toBe('第 3 版已经有了决议，已锁定，不能再改动或补充；新的修改请冻结新版本')
    expect(backend.versionsComment).toHaveBeenCalledWith({
      versionId: 1,
      replyTo: null,
      scenarioId: null,
      fieldId: null,
      author: '李理事',
      role: 'board',
      body: '东岗一号地加密后倒伏风险怎么控制？',
    })
    // what was typed stays, to send again or copy
    expect(body().value).toBe('东岗一号地加密后倒伏风险怎么控制？')
  })

  it('answers a comment as the manager, in its thread', async () => {
    const onAdded = vi.fn()
    const question = {
      id: 7,
      versionId: 1,
      replyTo: null,
      scenarioId: null,
      fieldId: 1,
      author: '李理事',
      role: 'board' as const,
      body: '倒伏风险怎么控制？',
      createdAt: '2026-03-05T01:00:00.000Z',
    }
    backend.versionsComment.mockResolvedValueOnce({
      ok: true,
      value: { ...question, id: 8, replyTo: 7, author: '王经理', role: 'manager', body: '选耐密品种。' },
    })
    renderWithApp(<CommentThread version={detail({ comments: [question] })} canAct onAdded={onAdded} />)
    expect(screen.getByText('关于地块「东岗一号地」')).toBeTruthy()
    fireEvent.click(screen.getByTestId('comment-reply'))
    const forms = screen.getAllByTestId('comment-form')
    // the answer's form, under the thread, and the new-comment form is out of the way meanwhile
    expect(forms).toHaveLength(1)
    expect(forms[0]!.textContent).toContain('答复 李理事')
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '王经理' } })
    fireEvent.change(body(), { target: { value: '选耐密品种。' } })
    await act(async () => {
      fireEvent.click(send())
    })
    expect(backend.versionsComment).toHaveBeenCalledWith(
      expect.objectContaining({ replyTo: 7, role: 'manager', fieldId: 1, body: '选耐密品种。' }),
    )
    expect(onAdded).toHaveBeenCalledTimes(1)
  })
})
