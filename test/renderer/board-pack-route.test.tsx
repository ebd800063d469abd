import { render, screen, waitFor } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import en from '../../engine/i18n/locales/en.json'
import zhCN from '../../engine/i18n/locales/zh-CN.json'
import { versionDetail } from '../helpers/version'

// The desktop app: the preload gives window.fengshou (the contract) and window.fengshouShell
// (the main process's own calls). Both are in place before the api module is first loaded.
const desktop = vi.hoisted(() => {
  const versionsGet = vi.fn()
  const saveBoardPack = vi.fn()
  window.fengshou = { versionsGet } as never
  window.fengshouShell = { chooseFolder: vi.fn(), saveBoardPack } as never
  return { versionsGet, saveBoardPack }
})

const { BoardPack } = await import('../../renderer/src/features/board-pack/BoardPack')
const { openBoardPack, boardPackHash } = await import('../../renderer/src/features/board-pack/open-pack')
const { parsePrintHash } = await import('../../renderer/src/features/board-pack/print-route')
const { initI18n } = await import('../../renderer/src/i18n')

function renderRoute(hash: string) {
  const i18n = initI18n('zh-CN', { 'zh-CN': zhCN, en })
  void i18n.changeLanguage('zh-CN')
  const route = parsePrintHash(hash)
  if (!route) throw new Error(`no route in ${hash}`)
  return render(
    <I18nextProvider i18n={i18n}>
      <BoardPack route={route} />
    </I18nextProvider>,
  )
}

describe('the print route', () => {
  it('is #/print/version/<id>?lang=…, and nothing else is one', () => {
    expect(boardPackHash(12, 'en')).toBe('#/print/version/12?lang=en')
    expect(parsePrintHash('#/print/version/12?lang=en')).toEqual({
      kind: 'version',
      versionId: 12,
      lang: 'en',
    })
    expect(parsePrintHash('#/print/version/3')).toEqual({ kind: 'version', versionId: 3, lang: null })
    expect(parsePrintHash('#/print/version/3?lang=fr')).toEqual({ kind: 'version', versionId: 3, lang: null })
    for (const hash of ['#/board', '#/print/version/0', '#/print/version/x', '#/print/version/1/2', ''])
      expect(parsePrintHash(hash), hash).toBeNull()
  })
})

describe('the board pack page', () => {
  beforeEach(() => {
    desktop.versionsGet.mockReset()
    delete document.body.dataset.packReady
    delete document.body.dataset.packError
  })

  it('reads the stored version only, draws it, titles the document and marks the body ready', async () => {
    const detail = versionDetail()
    desktop.versionsGet.mockResolvedValue({ ok: true, value: detail })
    renderRoute('#/print/version/7?lang=zh-CN')
    await waitFor(() => expect(document.body.dataset.packReady).toBe('true'))
    expect(desktop.versionsGet).toHaveBeenCalledWith({ id: 7 })
    expect(screen.getByTestId('pack-coop').textContent).toBe('丰收示范合作社')
    expect(document.title).toBe('丰收示范合作社-第3版-理事会材料')
  })

  it('in English when the route asks for it', async () => {
    desktop.versionsGet.mockResolvedValue({ ok: true, value: versionDetail() })
    renderRoute('#/print/version/7?lang=en')
    await waitFor(() => expect(document.body.dataset.packReady).toBe('true'))
    expect(screen.getByText('Board pack')).toBeTruthy()
    expect(document.title).toBe('丰收示范合作社-version-3-board-pack')
  })

  it('a version that cannot be read is said in words, and marked for the printer, never ready', async () => {
    desktop.versionsGet.mockResolvedValue({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'no such version', details: {} },
    })
    renderRoute('#/print/version/99?lang=zh-CN')
    await waitFor(() => expect(document.body.dataset.packError).toBe('NOT_FOUND'))
    expect(document.body.dataset.packReady).toBeUndefined()
    expect(screen.getByText('无法生成理事会材料（版本编号 99）')).toBeTruthy()
  })
})

describe('opening a pack in the desktop app', () => {
  it('asks the main process to print and save it, and says where it went', async () => {
    desktop.saveBoardPack.mockResolvedValueOnce({ ok: true, value: { file: 'D:\\材料\\第3版.pdf' } })
    expect(await openBoardPack(7, 'zh-CN')).toEqual({ kind: 'saved', file: 'D:\\材料\\第3版.pdf' })
    expect(desktop.saveBoardPack).toHaveBeenCalledWith({ versionId: 7, locale: 'zh-CN' })
    desktop.saveBoardPack.mockResolvedValueOnce({ ok: true, value: { file: null } })
    expect(await openBoardPack(7, 'en')).toEqual({ kind: 'cancelled' })
  })

  it('a failed print throws the error with its code', async () => {
    desktop.saveBoardPack.mockResolvedValueOnce({
      ok: false,
      error: { code: 'TIMED_OUT', message: 'pack not ready', details: {} },
    })
    await expect(openBoardPack(7, 'zh-CN')).rejects.toMatchObject({ error: { code: 'TIMED_OUT' } })
  })
})
