import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// A stand-in for Electron's utilityProcess and MessageChannelMain: nothing under test may load
// the real Electron. The fake back end answers through the port the way process-main.ts does.
type Listener = (event: { data: unknown }) => void
class FakePort {
  other: FakePort | null = null
  listeners: Listener[] = []
  sent: unknown[] = []
  on(_event: 'message', listener: Listener) {
    this.listeners.push(listener)
  }
  start() {}
  postMessage(data: unknown) {
    this.sent.push(data)
  }
  deliver(data: unknown) {
    for (const l of this.listeners) l({ data })
  }
}
class FakeChild extends EventEmitter {
  killed = false
  postMessage = vi.fn()
  kill() {
    this.killed = true
    this.emit('exit', 0)
  }
}
let child: FakeChild
let port1: FakePort
const fork = vi.fn(() => {
  child = new FakeChild()
  return child
})
vi.mock('electron', () => ({
  utilityProcess: { fork: (...args: unknown[]) => (fork as (...a: unknown[]) => FakeChild)(...args) },
  MessageChannelMain: class {
    port1 = new FakePort()
    port2 = new FakePort()
    constructor() {
      port1 = this.port1
    }
  },
}))

const { startBackend } = await import('../../../electron/backend')

describe('the desktop relay to the back-end host', () => {
  beforeEach(() => fork.mockClear())

  it('starts the host in a utilityProcess with the workspace file, and relays calls once it is ready', async () => {
    const started = startBackend({
      entry: '/app/out/main/host-process.js',
      place: { kind: 'folder', dir: '/data' },
      nativeBinding: undefined,
    })
    expect(fork).toHaveBeenCalledWith(
      '/app/out/main/host-process.js',
      [],
      expect.objectContaining({ env: expect.objectContaining({ FENGSHOU_DATA_DIR: '/data' }) }),
    )
    // The port for the host travels with the first message.
    expect(child.postMessage).toHaveBeenCalledWith({ type: 'connect' }, [expect.any(FakePort)])
    port1.deliver({ type: 'ready' })
    const backend = await started
    const pending = backend.call('fields:list', {})
    expect(port1.sent).toEqual([{ type: 'call', id: 1, channel: 'fields:list', input: {} }])
    port1.deliver({ type: 'result', id: 1, result: { ok: true, value: [] } })
    await expect(pending).resolves.toEqual({ ok: true, value: [] })
  })

  it('rejects with the host’s own error when the workspace cannot be opened, and stops it', async () => {
    const started = startBackend({
      entry: 'h.js',
      place: { kind: 'file', file: 'w.sqlite' },
      nativeBinding: undefined,
    })
    port1.deliver({ type: 'failed', error: { code: 'DB_NEWER_VERSION', message: 'newer', details: {} } })
    await expect(started).rejects.toMatchObject({ code: 'DB_NEWER_VERSION' })
    expect(child.killed).toBe(true)
  })

  it('answers every waiting and later call with BACKEND_UNAVAILABLE when the host dies', async () => {
    const started = startBackend({
      entry: 'h.js',
      place: { kind: 'file', file: 'w.sqlite' },
      nativeBinding: '/native/b.node',
    })
    expect((fork.mock.calls[0] as unknown[])[2]).toMatchObject({
      env: { FENGSHOU_NATIVE_BINDING: '/native/b.node' },
    })
    port1.deliver({ type: 'ready' })
    const backend = await started
    const waiting = backend.call('fields:importCsv', {})
    child.emit('exit', 1)
    await expect(waiting).resolves.toMatchObject({ ok: false, error: { code: 'BACKEND_UNAVAILABLE' } })
    await expect(backend.call('app:info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'BACKEND_UNAVAILABLE' },
    })
  })
})
