import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// Nothing under test may load the real Electron (it would try to download its binary).
vi.mock('electron', () => ({}))

import { CHANNELS } from '../../../app/contract/channels'
import {
  type BoardPackDeps,
  PDF_OPTIONS,
  printRouteHash,
  registerBoardPack,
  SAVE_BOARD_PACK_CHANNEL,
  safeFileName,
} from '../../../electron/board-pack'
import { registerShellCallWithInput } from '../../../electron/ipc'
import { buildWebPreferences, isTrustedSender } from '../../../electron/security'
import { boardPackHash } from '../../../renderer/src/features/board-pack/print-route'

type Event = { senderFrame: { url: string } | null; sender: { id: number } }
type Listener = (event: Event, input?: unknown) => Promise<unknown> | unknown

const parent = { id: 'the asking window' }
const ourPage = { url: 'app://fengshou/index.html#/board' }
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46])

function fakePrintWindow(marks: unknown[], title = '丰收示范合作社-第3版-理事会材料') {
  let i = 0
  return {
    load: vi.fn(async (_url: string) => undefined),
    evaluate: vi.fn(async (_script: string) => marks[Math.min(i++, marks.length - 1)]),
    title: vi.fn(() => title),
    printToPdf: vi.fn(async (_options: unknown) => PDF),
    close: vi.fn(),
  }
}

describe('the board pack as a PDF (main process, outside the contract)', () => {
  let listeners: Map<string, Listener>
  let win: ReturnType<typeof fakePrintWindow>
  let deps: BoardPackDeps & {
    showSaveDialog: ReturnType<typeof vi.fn>
    fs: {
      writeFile: ReturnType<typeof vi.fn>
      rename: ReturnType<typeof vi.fn>
      rm: ReturnType<typeof vi.fn>
    }
  }
  const call = (input: unknown, frame: Event['senderFrame'] = ourPage, sender = 7) =>
    listeners.get(SAVE_BOARD_PACK_CHANNEL)!({ senderFrame: frame, sender: { id: sender } }, input)

  beforeEach(() => {
    listeners = new Map()
    win = fakePrintWindow([null, null, 'true'])
    deps = {
      windowOf: ((contents: { id: number }) => (contents.id === 7 ? parent : null)) as never,
      openPrintWindow: vi.fn(() => win),
      entryUrl: 'app://fengshou/index.html',
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: 'D:\\理事会\\第3版.pdf' })),
      defaultDir: () => '/home/coop/Documents',
      fs: {
        writeFile: vi.fn(async () => undefined),
        rename: vi.fn(async () => undefined),
        rm: vi.fn(async () => undefined),
      },
      sleep: async () => undefined,
    }
    registerBoardPack(
      (channel, schema, run) =>
        registerShellCallWithInput(
          { handle: (c: string, fn: Listener) => listeners.set(c, fn) } as never,
          channel,
          schema,
          (frame) => isTrustedSender(frame),
          run,
        ),
      deps,
    )
  })

  it('is a channel of its own, not one of the contract, on the same route as the renderer’s', () => {
    expect([...listeners.keys()]).toEqual([SAVE_BOARD_PACK_CHANNEL])
    expect(CHANNELS as readonly string[]).not.toContain(SAVE_BOARD_PACK_CHANNEL)
    expect(printRouteHash(3, 'en')).toBe(boardPackHash(3, 'en'))
    expect(printRouteHash(12, 'zh-CN')).toBe(boardPackHash(12, 'zh-CN'))
  })

  it('prints the print route in a hidden window once the page is drawn, asks where, and writes the PDF', async () => {
    const result = await call({ versionId: 3, locale: 'zh-CN' })
    expect(result).toEqual({ ok: true, value: { file: 'D:\\理事会\\第3版.pdf' } })
    expect(win.load).toHaveBeenCalledWith('app://fengshou/index.html#/print/version/3?lang=zh-CN')
    // waited for the mark, then printed A4 with the page's own size and backgrounds
    expect(win.evaluate).toHaveBeenCalledTimes(3)
    expect(win.printToPdf).toHaveBeenCalledWith(PDF_OPTIONS)
    expect(PDF_OPTIONS).toEqual({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true })
    expect(win.close).toHaveBeenCalledTimes(1)
    const [window, options] = deps.showSaveDialog.mock.calls[0]!
    expect(window).toBe(parent)
    expect(options.title).toBe('保存理事会材料（PDF）')
    expect(options.defaultPath).toBe(join('/home/coop/Documents', '丰收示范合作社-第3版-理事会材料.pdf'))
    expect(options.filters).toEqual([{ name: 'PDF 文件', extensions: ['pdf'] }])
    // written beside the target, then renamed: a full disk never leaves half a PDF under the name
    expect(deps.fs.writeFile).toHaveBeenCalledWith('D:\\理事会\\第3版.pdf.part', PDF)
    expect(deps.fs.rename).toHaveBeenCalledWith('D:\\理事会\\第3版.pdf.part', 'D:\\理事会\\第3版.pdf')
  })

  it('a cancelled dialog writes nothing, and the hidden window is closed', async () => {
    deps.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' })
    expect(await call({ versionId: 3, locale: 'en' })).toEqual({ ok: true, value: { file: null } })
    expect(deps.fs.writeFile).not.toHaveBeenCalled()
    expect(win.close).toHaveBeenCalledTimes(1)
    expect(deps.showSaveDialog.mock.calls[0]![1].title).toBe('Save the board pack (PDF)')
  })

  it('adds .pdf to a name typed without it', async () => {
    deps.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/tmp/pack' })
    expect(await call({ versionId: 3, locale: 'zh-CN' })).toEqual({
      ok: true,
      value: { file: '/tmp/pack.pdf' },
    })
  })

  it('a version the page cannot read is that error, with no dialog and the window closed', async () => {
    win = fakePrintWindow([null, 'NOT_FOUND'])
    expect(await call({ versionId: 99, locale: 'zh-CN' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(deps.showSaveDialog).not.toHaveBeenCalled()
    expect(win.printToPdf).not.toHaveBeenCalled()
    expect(win.close).toHaveBeenCalledTimes(1)
  })

  it('a page that never finishes drawing times out, and the window is closed', async () => {
    win = fakePrintWindow([null])
    let clock = 0
    deps.now = () => clock
    deps.sleep = async (ms) => {
      clock += ms
    }
    deps.timeoutMs = 1_000
    expect(await call({ versionId: 3, locale: 'zh-CN' })).toMatchObject({
      ok: false,
      error: { code: 'TIMED_OUT' },
    })
    expect(win.evaluate.mock.calls.length).toBeGreaterThanOrEqual(10)
    expect(win.close).toHaveBeenCalledTimes(1)
  })

  it('a failed load or print is an error value, never a raw exception, and the window is closed', async () => {
    win.printToPdf.mockRejectedValueOnce(new Error('printing failed'))
    expect(await call({ versionId: 3, locale: 'zh-CN' })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    })
    expect(win.close).toHaveBeenCalledTimes(1)
  })

  it('a full disk says DISK_FULL and removes the partial file', async () => {
    deps.fs.writeFile.mockRejectedValueOnce(Object.assign(new Error('no space'), { code: 'ENOSPC' }))
    expect(await call({ versionId: 3, locale: 'zh-CN' })).toMatchObject({
      ok: false,
      error: { code: 'DISK_FULL' },
    })
    expect(deps.fs.rm).toHaveBeenCalledWith('D:\\理事会\\第3版.pdf.part')
    expect(deps.fs.rename).not.toHaveBeenCalled()
  })

  it.each([
    ['no frame', null],
    ['a foreign page', { url: 'https://evil.example/' }],
  ])('refuses %s and opens no window', async (_name, frame) => {
    expect(await call({ versionId: 3, locale: 'zh-CN' }, frame)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(deps.openPrintWindow).not.toHaveBeenCalled()
  })

  it.each([
    ['no input', undefined],
    ['a path', { versionId: 3, locale: 'zh-CN', file: '/etc/passwd' }],
    ['a version id that is not a whole number', { versionId: 1.5, locale: 'zh-CN' }],
    ['an unknown language', { versionId: 3, locale: 'fr' }],
  ])('refuses %s before anything runs', async (_name, input) => {
    expect(await call(input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(deps.openPrintWindow).not.toHaveBeenCalled()
  })

  it('refuses a sender that is no window of ours', async () => {
    expect(await call({ versionId: 3, locale: 'zh-CN' }, ourPage, 99)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(deps.openPrintWindow).not.toHaveBeenCalled()
  })
})

describe('the hidden print window', () => {
  it('is as locked down as every window; it only keeps drawing while hidden', () => {
    const prefs = buildWebPreferences('/app/preload.cjs', { backgroundThrottling: false })
    expect(prefs).toEqual({ ...buildWebPreferences('/app/preload.cjs'), backgroundThrottling: false })
    expect(prefs.sandbox).toBe(true)
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
  })
})

describe('the default file name', () => {
  it('keeps the co-op’s Chinese name and drops what no file system accepts', () => {
    expect(safeFileName('丰收示范合作社-第3版-理事会材料', 'x')).toBe('丰收示范合作社-第3版-理事会材料')
    expect(safeFileName('红旗/东风:合作社*"?<>|\\-第1版', 'x')).toBe('红旗_东风_合作社_______-第1版')
    expect(safeFileName('  ..  ', 'board-pack')).toBe('board-pack')
    expect(safeFileName('a'.repeat(300), 'x')).toHaveLength(120)
  })
})
