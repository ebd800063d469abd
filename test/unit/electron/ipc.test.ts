import { beforeEach, describe, expect, it, vi } from 'vitest'

// Nothing under test may load the real Electron (it would try to download its binary).
const exposed: Record<string, unknown> = {}
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: [] }))
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: { invoke },
}))

import { CHANNELS, methodName } from '../../../app/contract/channels'
import { registerIpcRelay } from '../../../electron/ipc'
import { isTrustedSender } from '../../../electron/security'

type Listener = (event: { senderFrame: { url: string } | null }, input: unknown) => unknown

function fakeIpcMain() {
  const listeners = new Map<string, Listener>()
  return { listeners, handle: (channel: string, fn: Listener) => listeners.set(channel, fn) }
}

// The back-end host, as the relay sees it: one call function.
const call = vi.fn(async (channel: string, _input: unknown) => ({
  ok: true as const,
  value: `ran ${channel}`,
}))

describe('IPC relay', () => {
  let ipc: ReturnType<typeof fakeIpcMain>
  beforeEach(() => {
    ipc = fakeIpcMain()
    call.mockClear()
    registerIpcRelay(ipc as never, call, (frame) => isTrustedSender(frame))
  })

  it('registers exactly the channels of the contract', () => {
    expect([...ipc.listeners.keys()].sort()).toEqual([...CHANNELS].sort())
  })

  it('refuses a null sender frame', async () => {
    const result = await ipc.listeners.get('fields:list')!({ senderFrame: null }, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(call).not.toHaveBeenCalled()
  })

  it('refuses a foreign sender', async () => {
    const result = await ipc.listeners.get('fields:delete')!(
      { senderFrame: { url: 'https://evil.example/' } },
      { id: 1 },
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(call).not.toHaveBeenCalled()
  })

  it('refuses bad arguments from a trusted sender, naming the input', async () => {
    const frame = { url: 'app://fengshou/index.html' }
    const result = await ipc.listeners.get('fields:delete')!(
      { senderFrame: frame },
      { id: 'one; DROP TABLE field', revision: 1 },
    )
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: ['id'] }] } },
    })
    expect(call).not.toHaveBeenCalled()
  })

  it('relays a valid call from a trusted sender to the back-end host and returns its result', async () => {
    const result = await ipc.listeners.get('fields:delete')!(
      { senderFrame: { url: 'app://fengshou/index.html' } },
      { id: 3, revision: 1 },
    )
    expect(result).toEqual({ ok: true, value: 'ran fields:delete' })
    expect(call).toHaveBeenCalledWith('fields:delete', { id: 3, revision: 1 })
  })
})

describe('preload', () => {
  it('exposes one named function per channel and nothing raw', async () => {
    await import('../../../electron/preload')
    const api = exposed.fengshou as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual(CHANNELS.map((c) => methodName(c)).sort())
    for (const key of ['invoke', 'send', 'on', 'ipcRenderer']) expect(api).not.toHaveProperty(key)
    expect(Object.isFrozen(api)).toBe(true)
    await (api.fieldsList as () => Promise<unknown>)()
    expect(invoke).toHaveBeenCalledWith('fields:list', {})
  })
})
