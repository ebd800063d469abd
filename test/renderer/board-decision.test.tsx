import { act, fireEvent, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Charter } from '../../app/contract/contract'
import { LAW_RULES } from '../../engine/board/decision-rules'
import { detail, LAW_CHARTER } from './board-fixtures'
import { renderWithApp } from './render'

// The api module reads window.fengshou when it is first loaded: the fake back end comes first.
const backend = vi.hoisted(() => {
  const fake = { versionsDecide: vi.fn() }
  window.fengshou = fake as never
  return fake
})

const { DecisionPanel } = await import('../../renderer/src/features/board/DecisionPanel')

function renderForm(charter: Charter = LAW_CHARTER) {
  return renderWithApp(
    <DecisionPanel version={submitted()} charter={charter} canAct onDecided={() => undefined} />,
  )
}

async function type(label: string, value: number) {
  await act(async () => {
    fireEvent.change(screen.getByLabelText(label), { target: { value: String(value) } })
  })
}

const verdict = () => screen.getByTestId('verdict').textContent ?? ''
const save = () => screen.getByTestId('decision-save').closest('button') as HTMLButtonElement

/** A version sent to the board: the meeting decides on it. */
const submitted = () => detail({ status: 'inReview', submittedAt: '2026-03-02T00:00:00.000Z' })

describe('the decision form checks the vote while it is typed', () => {
  beforeEach(() => backend.versionsDecide.mockReset())

  it('says nothing is decided until the counts are there', () => {
    renderForm()
    expect(verdict()).toContain('填写总人数、出席人数和赞成票数后')
    expect(save().disabled).toBe(true)
  })

  it('names the missing two thirds: 9 of 15 attending, at least 10 needed; approval cannot be saved', async () => {
    renderForm()
    await type('成员总数（人）', 15)
    await type('出席（人）', 9)
    await type('赞成（票）', 9)
    expect(verdict()).toContain('表决无效，不能记为“通过”')
    expect(verdict()).toContain('出席 9 人，少于成员 15 人的 2/3（至少 10 人）')
    expect(save().disabled).toBe(true)
    expect(screen.getByTestId('decision-blocker').textContent).toBe(
      '表决无效，不能记为通过：出席 9 人，少于成员 15 人的 2/3（至少 10 人）',
    )
    // one more member present makes the meeting quorate
    await type('出席（人）', 10)
    expect(verdict()).toContain('表决有效')
    expect(verdict()).toContain('出席 10 人，达到成员 15 人的 2/3（至少 10 人）')
  })

  it('a majority of those present is not a majority of all voting rights, and it says so', async () => {
    renderForm()
    await type('成员总数（人）', 15)
    await type('出席（人）', 12)
    await type('赞成（票）', 7)
    await type('反对（票）', 5)
    expect(verdict()).toContain('表决无效')
    expect(verdict()).toContain('赞成 7 票，没有超过全部表决权 15 票的 1/2（至少 8 票）')
    expect(verdict()).toContain(
      '按出席的 12 人算，赞成票是够的；但表决权要按全部成员计算，没有出席的也算在内。',
    )
    expect(save().disabled).toBe(true)
    await type('赞成（票）', 8)
    await type('反对（票）', 4)
    expect(verdict()).toContain('表决有效，可以记为“通过”')
    expect(verdict()).toContain('赞成 8 票，超过全部表决权 15 票的 1/2（至少 8 票）')
  })

  it('counts extra votes only up to 20 % of the basic votes, and says how many were counted', async () => {
    renderForm()
    await type('成员总数（人）', 10)
    await type('出席（人）', 10)
    await type('赞成（票）', 4)
    await type('反对（票）', 6)
    await act(async () => {
      fireEvent.click(screen.getByText('本社章程设有附加表决权'))
    })
    await type('附加表决权总数（票）', 5)
    await type('其中投赞成（票）', 5)
    // 10 basic votes allow at most 2 extra: 4 + 2 = 6 of 12 voting rights is not more than half
    expect(verdict()).toContain('附加表决权 5 票超过了基本表决权 10 票的 20%，只计 2 票')
    expect(verdict()).toContain('赞成 6 票，没有超过全部表决权 12 票的 1/2（至少 7 票）')
    expect(verdict()).toContain('表决无效')
    await type('赞成（票）', 5)
    await type('反对（票）', 5)
    expect(verdict()).toContain('表决有效')
    expect(verdict()).toContain('赞成票含基本表决权 5 票、附加表决权 2 票；全部表决权为基本 10 票加附加 2 票')
  })

  it('refuses counts that cannot describe a meeting, with the rules’ own sentences', async () => {
    renderForm()
    await type('成员总数（人）', 15)
    await type('出席（人）', 16)
    await type('赞成（票）', 9)
    expect(verdict()).toContain('出席人数（16）不能多于成员总数（15）')
    expect(save().disabled).toBe(true)
  })

  it('checks a board meeting against the charter’s stricter rules for the board, in directors', async () => {
    const strict: Charter = {
      members: LAW_RULES,
      board: { ...LAW_RULES, attendance: { num: 4, den: 5, strict: false } },
      revision: 2,
    }
    renderForm(strict)
    await act(async () => {
      fireEvent.click(screen.getByText('理事会'))
    })
    expect(screen.getByText('按本社章程检查理事会的表决（比法律规定更严格）。')).toBeTruthy()
    await type('理事总数（人）', 9)
    await type('出席（人）', 7)
    await type('赞成（票）', 7)
    // 4/5 of 9 is 7.2: 8 directors are needed
    expect(verdict()).toContain('出席 7 人，少于理事 9 人的 4/5（至少 8 人）')
  })

  it('records a rejection even when the meeting was not quorate, but never an approval', async () => {
    renderForm()
    await type('成员总数（人）', 15)
    await type('出席（人）', 9)
    await type('赞成（票）', 2)
    await act(async () => {
      fireEvent.click(screen.getByText('未通过'))
    })
    fireEvent.change(screen.getByTestId('decision-resolution'), {
      target: { value: '暂不实施，下次会议再议。' },
    })
    fireEvent.change(screen.getByTestId('decision-recorder'), { target: { value: '赵监事' } })
    expect(save().disabled).toBe(false)
    expect(save().textContent).toContain('记录决议：未通过')
  })

  it('shows the back end’s own reason when it refuses the decision', async () => {
    backend.versionsDecide.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Refused: version_locked',
        details: { issues: [{ path: [], rule: 'version_locked', params: { number: 1 } }] },
      },
    })
    renderForm()
    await type('成员总数（人）', 15)
    await type('出席（人）', 12)
    await type('赞成（票）', 9)
    await act(async () => {
      fireEvent.click(screen.getByText('未通过'))
    })
    fireEvent.change(screen.getByTestId('decision-resolution'), { target: { value: '暂不实施。' } })
    fireEvent.change(screen.getByTestId('decision-recorder'), { target: { value: '赵监事' } })
    await act(async () => {
      fireEvent.click(save())
    })
    await act(async () => {
      fireEvent.click(await screen.findByTestId('decision-confirm'))
    })
    const problem = await screen.findByTestId('decision-problem')
    expect(problem.textContent).toContain('第 1 版已经有了决议，已锁定')
    expect(problem.textContent).not.toContain('Refused')
    expect(backend.versionsDecide).toHaveBeenCalledWith(
      expect.objectContaining({
        outcome: 'rejected',
        scenarioId: null,
        vote: expect.objectContaining({ members: 15, attending: 12, votesFor: 9, votesAgainst: 0 }),
      }),
    )
  })
})
