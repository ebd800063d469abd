import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { LAW_CHARTER, summary } from './board-fixtures'
import { renderWithApp } from './render'

const backend = vi.hoisted(() => {
  const fake = {
    charterSet: vi.fn(),
    auditList: vi.fn(async () => ({
      ok: true,
      value: { entries: [], nextBeforeId: null, names: { variety: {}, group: {}, scenario: {} } },
    })),
  }
  window.fengshou = fake as never
  return fake
})

const { CharterCard } = await import('../../renderer/src/features/board/CharterCard')
const { VersionAudit, versionPeriod } = await import('../../renderer/src/features/board/VersionAudit')

describe('the charter’s rules', () => {
  it('read as fractions with “at least” or “more than”, and a rule below the law cannot be saved', async () => {
    renderWithApp(
      <CharterCard charter={LAW_CHARTER} error={null} onRetry={() => undefined} onSaved={vi.fn()} />,
    )
    expect(screen.getByTestId('charter-members').textContent).toBe(
      '成员大会（与法律规定相同）：出席不少于成员的 2/3；赞成超过全部表决权的 1/2；附加表决权不超过基本表决权的 20%',
    )
    fireEvent.click(screen.getByTestId('charter-edit'))
    // attendance lowered to 1/2 of the members: below the law
    await act(async () => {
      fireEvent.change(screen.getByTestId('charter-members-attendance-num'), { target: { value: '1' } })
      fireEvent.change(screen.getByTestId('charter-members-attendance-den'), { target: { value: '2' } })
    })
    expect(screen.getByTestId('charter-blocker').textContent).toContain(
      '章程的表决规则不能低于《农民专业合作社法》的要求',
    )
    expect((screen.getByTestId('charter-save').closest('button') as HTMLButtonElement).disabled).toBe(true)
    // stricter than the law: three quarters present
    await act(async () => {
      fireEvent.change(screen.getByTestId('charter-members-attendance-num'), { target: { value: '3' } })
      fireEvent.change(screen.getByTestId('charter-members-attendance-den'), { target: { value: '4' } })
    })
    expect(screen.queryByTestId('charter-blocker')).toBeNull()
    const saved = {
      ...LAW_CHARTER,
      members: { ...LAW_CHARTER.members, attendance: { num: 3, den: 4, strict: false } },
      revision: 1,
    }
    backend.charterSet.mockResolvedValueOnce({ ok: true, value: saved })
    await act(async () => {
      fireEvent.click(screen.getByTestId('charter-save'))
    })
    expect(backend.charterSet).toHaveBeenCalledWith({
      members: saved.members,
      board: LAW_CHARTER.board,
      revision: null,
    })
  })

  it('shows the back end’s refusal in words, and offers the rules another window saved', async () => {
    backend.charterSet.mockResolvedValueOnce({
      ok: false,
      error: { code: 'STALE', message: 'stale', details: {} },
    })
    const onRetry = vi.fn()
    renderWithApp(<CharterCard charter={LAW_CHARTER} error={null} onRetry={onRetry} onSaved={vi.fn()} />)
    fireEvent.click(screen.getByTestId('charter-edit'))
    await act(async () => {
      fireEvent.change(screen.getByTestId('charter-board-attendance-num'), { target: { value: '3' } })
      fireEvent.change(screen.getByTestId('charter-board-attendance-den'), { target: { value: '4' } })
    })
    await act(async () => {
      fireEvent.click(screen.getByTestId('charter-save'))
    })
    expect((await screen.findByRole('alert')).textContent).toContain('这条记录刚在别处')
    expect(screen.queryByText('stale')).toBeNull()
    fireEvent.click(screen.getByTestId('charter-reload'))
    expect(onRetry).toHaveBeenCalledTimes(1)
    // the edit is dropped for the rules read again
    expect(screen.queryByTestId('charter-form')).toBeNull()
  })
})

describe('a version’s change log', () => {
  const v1 = summary({ id: 1, number: 1, createdAt: '2026-03-01T00:00:00.000Z' })
  const v2 = summary({ id: 2, number: 2, createdAt: '2026-03-08T00:00:00.000Z' })
  const v3 = summary({ id: 3, number: 3, createdAt: '2026-03-15T00:00:00.000Z' })
  const all = [v3, v2, v1]

  it('spans from the previous version’s freeze to its own; the newest up to now; the first from the start', () => {
    // the end is just after the version's own freeze, which is logged at the version's time
    const justAfter = (iso: string) => new Date(Date.parse(iso) + 1).toISOString()
    expect(versionPeriod(all, v2)).toMatchObject({ since: v1.createdAt, until: justAfter(v2.createdAt) })
    expect(versionPeriod(all, v3)).toMatchObject({ since: v2.createdAt, until: undefined })
    expect(versionPeriod(all, v1)).toMatchObject({ since: undefined, until: justAfter(v1.createdAt) })
  })

  it('asks the back end for that span only, with the change log’s own list', async () => {
    renderWithApp(<VersionAudit version={v2} versions={all} />)
    await waitFor(() => expect(backend.auditList).toHaveBeenCalled())
    expect(backend.auditList).toHaveBeenLastCalledWith({
      limit: 200,
      since: v1.createdAt,
      until: '2026-03-08T00:00:00.001Z',
    })
    expect(screen.getByTestId('version-audit-period').textContent).toMatch(
      /^从第 1 版冻结（2026-03-01 \d\d:00）到第 2 版冻结（2026-03-08 \d\d:00）的修改记录$/,
    )
    // the period replaces the date filters
    expect(screen.queryByLabelText('从（日期）')).toBeNull()
    expect(await screen.findByText('这段时间没有修改记录。')).toBeTruthy()
  })
})
