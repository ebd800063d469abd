import { beforeEach, describe, expect, it, vi } from 'vitest'

// Nothing under test may load the real Electron (it would try to download its binary).
const exposed: Record<string, unknown> = {}
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: { folder: null } }))
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: { invoke },
}))

import { CHANNELS } from '../../../app/contract/channels'
import { CHOOSE_FOLDER_CHANNEL, type FolderDialogDeps, registerFolderDialog } from '../../../electron/dialogs'
import { registerShellCall } from '../../../electron/ipc'
import { isTrustedSender } from '../../../electron/security'

type Event = { senderFrame: { url: string } | null; sender: { id: number } }
type Listener = (event: Event, input?: unknown) => Promise<unknown> | unknown

function fakeIpcMain() {
  const listeners = new Map<string, Listener>()
  return { listeners, handle: (channel: string, fn: Listener) => listeners.set(channel, fn) }
}

const window = { id: 'the asking window' }
const ourPage = { url: 'app://fengshou/index.html#/settings' }

describe('the native folder dialog (main process, outside the contract)', () => {
  let ipc: ReturnType<typeof fakeIpcMain>
  let deps: FolderDialogDeps & { showOpenDialog: ReturnType<typeof vi.fn> }
  const listener = () => ipc.listeners.get(CHOOSE_FOLDER_CHANNEL)!

  beforeEach(() => {
    ipc = fakeIpcMain()
    deps = {
      showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['E:\\丰收备份'] })),
      windowOf: vi.fn((contents: unknown) =>
        (contents as { id: number }).id === 7 ? window : null,
      ) as never,
      locale: async () => 'zh-CN',
    }
    registerFolderDialog(
      (channel, run) => registerShellCall(ipc as never, channel, (frame) => isTrustedSender(frame), run),
      deps,
    )
  })

  it('registers one channel of its own, which is not a contract channel', () => {
    expect([...ipc.listeners.keys()]).toEqual([CHOOSE_FOLDER_CHANNEL])
    expect(CHANNELS as readonly string[]).not.toContain(CHOOSE_FOLDER_CHANNEL)
    expect(() =>
      registerShellCall(
        ipc as never,
        'fields:list',
        () => true,
        async () => ({ ok: true, value: 1 }),
      ),
    ).toThrow()
  })

  it.each([
    ['no frame', null],
    ['a foreign page', { url: 'https://evil.example/' }],
    ['a file page', { url: 'file:///etc/passwd' }],
  ])('refuses %s and shows no dialog', async (_name, frame) => {
    const result = await listener()({ senderFrame: frame, sender: { id: 7 } })
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(deps.showOpenDialog).not.toHaveBeenCalled()
  })

  it('asks for a folder (one may be made) modally to the asking window, in the user’s language', async () => {
    const result = await listener()({ senderFrame: ourPage, sender: { id: 7 } })
    expect(result).toEqual({ ok: true, value: { folder: 'E:\\丰收备份' } })
    expect(deps.showOpenDialog).toHaveBeenCalledTimes(1)
    const [parent, options] = deps.showOpenDialog.mock.calls[0]!
    expect(parent).toBe(window)
    expect(options.properties).toEqual(expect.arrayContaining(['openDirectory', 'createDirectory']))
    expect(options.properties).not.toContain('openFile')
    expect(options.properties).not.toContain('multiSelections')
    expect(options.title).toBe('选择存放备份的文件夹')
    expect(options.buttonLabel).toBe('备份到这里')
  })

  it('a cancelled dialog gives no folder', async () => {
    deps.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    const result = await listener()({ senderFrame: ourPage, sender: { id: 7 } })
    expect(result).toEqual({ ok: true, value: { folder: null } })
  })

  it('ignores whatever the renderer sends: the folder comes only from the dialog', async () => {
    const result = await listener()({ senderFrame: ourPage, sender: { id: 7 } }, { folder: '/etc' })
    expect(result).toEqual({ ok: true, value: { folder: 'E:\\丰收备份' } })
  })

  it('refuses a sender that is no window of ours', async () => {
    const result = await listener()({ senderFrame: ourPage, sender: { id: 99 } })
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(deps.showOpenDialog).not.toHaveBeenCalled()
  })

  it('speaks English when the workspace does', async () => {
    deps.locale = async () => 'en'
    await listener()({ senderFrame: ourPage, sender: { id: 7 } })
    expect(deps.showOpenDialog.mock.calls[0]![1].title).toBe('Choose a folder for the backup')
  })
})

describe('preload: the folder dialog', () => {
  it('is one named function outside the contract object, and nothing raw', async () => {
    await import('../../../electron/preload')
    const desktop = exposed.fengshouShell as Record<string, unknown>
    expect(Object.keys(desktop)).toEqual(['chooseFolder', 'saveBoardPack'])
    expect(Object.isFrozen(desktop)).toBe(true)
    expect(exposed.fengshou).not.toHaveProperty('chooseFolder')
    await (desktop.chooseFolder as (input?: unknown) => Promise<unknown>)({ folder: '/etc' })
    expect(invoke).toHaveBeenCalledWith(CHOOSE_FOLDER_CHANNEL)
  })
})
