import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { PlanFilePreview } from '../../app/contract/exchange'
import { renderWithApp } from './render'

// The fake back end is in place before the api module reads window.fengshou.
const backend = vi.hoisted(() => {
  const fake = {
    versionsList: vi.fn(async () => ({ ok: true, value: [] as unknown[] })),
    planGet: vi.fn(async () => ({ ok: true, value: { scenarios: [] } })),
    exchangeExport: vi.fn(),
    exchangePreview: vi.fn(),
    exchangeMerge: vi.fn(),
    workspacesImport: vi.fn(),
    workspacesOpen: vi.fn(),
  }
  window.fengshou = fake as never
  return fake
})

const { ExchangeScreen } = await import('../../renderer/src/features/exchange/ExchangeScreen')

const preview: PlanFilePreview = {
  name: '县农技站建议方案',
  county: '农安县',
  isDemo: false,
  fieldCount: 42,
  scenarioCount: 3,
  versionCount: 2,
  seasonCount: 2,
  actualCount: 84,
  checksumVerified: true,
  formatVersion: 2,
  appVersion: '0.1.0',
  savedAt: '2026-12-02T08:00:00.000Z',
  conflicts: [
    {
      id: 'field:东岗一号地',
      kind: 'field',
      name: '东岗一号地',
      differences: ['areaHa'],
      choices: ['mine', 'theirs', 'copy'],
    },
    {
      id: 'assumption:price.soybean',
      kind: 'assumption',
      name: 'price.soybean',
      mine: 4.6,
      theirs: 5,
      choices: ['mine', 'theirs'],
    },
  ],
}

function chooseFile(text = '{"format":"fengshou-plan"}') {
  const input = screen.getByTestId('plan-file-input')
  const file = new File([text], '方案.fengshou.json', { type: 'application/json' })
  fireEvent.change(input, { target: { files: [file] } })
}

describe('the exchange screen', () => {
  beforeEach(() => {
    for (const fn of Object.values(backend)) fn.mockClear()
  })

  it('a chosen file is previewed: co-op, counts with units, checksum, format and app version', async () => {
    backend.exchangePreview.mockResolvedValueOnce({ ok: true, value: preview })
    renderWithApp(<ExchangeScreen />)
    chooseFile('{"format":"fengshou-plan","x":1}')
    const shown = await screen.findByTestId('plan-file-preview')
    expect(backend.exchangePreview).toHaveBeenCalledWith({ text: '{"format":"fengshou-plan","x":1}' })
    expect(shown.textContent).toContain('县农技站建议方案（农安县）')
    expect(shown.textContent).toContain('42 块')
    expect(shown.textContent).toContain('3 个')
    expect(shown.textContent).toContain('2 版')
    expect(screen.getByTestId('plan-file-seasons').textContent).toBe('2 季，84 条实收')
    expect(shown.textContent).toContain('校验和一致')
    expect(shown.textContent).toContain('第 2 版格式')
    expect(shown.textContent).toContain('0.1.0')
    expect(screen.getByTestId('import-as-workspace').textContent).toContain('导入为新工作区')
  })

  it('a merge waits for a choice on every conflict, then sends exactly those choices', async () => {
    backend.exchangePreview.mockResolvedValueOnce({ ok: true, value: preview })
    backend.exchangeMerge.mockResolvedValueOnce({
      ok: true,
      value: {
        scenariosAdded: 1,
        scenariosReplaced: 0,
        fieldsAdded: 0,
        fieldsUpdated: 1,
        assumptionsSet: 0,
        varietiesAdded: 0,
        loansAdded: 0,
      },
    })
    renderWithApp(<ExchangeScreen />)
    chooseFile()
    fireEvent.click(await screen.findByTestId('import-merge-start'))
    // a merge leaves the file's actuals behind, and says so before the user merges
    expect(screen.getByTestId('merge-no-actuals').textContent).toContain(
      '合并只带入方案和参数修改，不带入实收记录',
    )
    const conflicts = screen.getByTestId('conflicts')
    expect(conflicts.textContent).toContain('地块“东岗一号地”在两边的数据不同：面积')
    // the soybean price in 元/斤, both sides
    expect(conflicts.textContent).toMatch(/大豆价格：本工作区 2\.3 元\/斤，文件中 2\.5 元\/斤/)
    fireEvent.click(screen.getByTestId('import-merge'))
    expect(screen.getByTestId('import-problem').textContent).toBe(
      '还有 2 处冲突没有选择处理方式；每处都选好后才能合并',
    )
    expect(backend.exchangeMerge).not.toHaveBeenCalled()
    fireEvent.click(
      within(screen.getByRole('radiogroup', { name: '“东岗一号地”的处理方式' })).getByLabelText('采用文件的'),
    )
    fireEvent.click(screen.getByTestId('import-merge'))
    expect(screen.getByTestId('import-problem').textContent).toContain('还有 1 处冲突')
    expect(backend.exchangeMerge).not.toHaveBeenCalled()
    fireEvent.click(
      within(screen.getByRole('radiogroup', { name: '“大豆价格”的处理方式' })).getByLabelText('保留我的'),
    )
    fireEvent.click(screen.getByTestId('import-merge'))
    await screen.findByTestId('merged')
    // the export card reads the plan again, to offer the scenarios merged in
    await waitFor(() => expect(backend.planGet).toHaveBeenCalledTimes(2))
    expect(backend.exchangeMerge).toHaveBeenCalledWith({
      text: '{"format":"fengshou-plan"}',
      choices: { 'field:东岗一号地': 'theirs', 'assumption:price.soybean': 'mine' },
    })
  })

  it('imports the file as a new workspace and offers to open it', async () => {
    backend.exchangePreview.mockResolvedValueOnce({ ok: true, value: preview })
    backend.workspacesImport.mockResolvedValueOnce({
      ok: true,
      value: { id: 'abc123', name: '县农技站建议方案', fieldCount: 42, isCurrent: false },
    })
    backend.workspacesOpen.mockResolvedValueOnce({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'x', details: {} },
    })
    renderWithApp(<ExchangeScreen />)
    chooseFile('{"format":"fengshou-plan","y":2}')
    fireEvent.click(await screen.findByTestId('import-as-workspace'))
    const done = await screen.findByTestId('imported-workspace')
    expect(backend.workspacesImport).toHaveBeenCalledWith({ text: '{"format":"fengshou-plan","y":2}' })
    expect(done.textContent).toContain('已导入为新工作区“县农技站建议方案”（42 块地）。当前工作区没有变化。')
    fireEvent.click(screen.getByTestId('open-imported'))
    expect(backend.workspacesOpen).toHaveBeenCalledWith({ id: 'abc123' })
    // a workspace that cannot be opened says so, in words
    const problem = await screen.findByTestId('import-problem')
    expect(problem.textContent).toBe('要操作的记录已不存在，可能已被删除。请刷新后重试。')
  })

  it('a refused file says why in words, and offers nothing to import', async () => {
    backend.exchangePreview.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'x',
        details: { issues: [{ path: [], rule: 'unsupported_version', params: { version: 3 } }] },
      },
    })
    renderWithApp(<ExchangeScreen />)
    chooseFile()
    const problem = await screen.findByTestId('import-problem')
    expect(problem.textContent).toBe('文件由更新版本的丰收规划保存（格式版本 3），请升级程序后再打开')
    expect(screen.queryByTestId('import-as-workspace')).toBeNull()
    expect(screen.queryByTestId('plan-file-preview')).toBeNull()
  })

  it('a file over the limit is refused before it is read or sent', async () => {
    renderWithApp(<ExchangeScreen />)
    const input = screen.getByTestId('plan-file-input')
    const big = new File(['x'], 'big.fengshou.json')
    Object.defineProperty(big, 'size', { value: 60_000_000 })
    fireEvent.change(input, { target: { files: [big] } })
    await waitFor(() =>
      expect(screen.getByTestId('import-problem').textContent).toBe(
        '方案文件太大：最大 59 MB。请只导出某一版本或部分方案后再导入',
      ),
    )
    expect(backend.exchangePreview).not.toHaveBeenCalled()
  })
})
