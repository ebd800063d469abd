import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '../app/contract/channels'
import type { Result } from '../app/contract/result'
import { validateCall } from '../app/dispatch'

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Message from an untrusted sender', details: {} },
}

/**
 * The only place that calls ipcMain.handle. Each channel of the contract checks its sender and
 * validates its input here, then relays the call to the back-end host (a utilityProcess): the
 * main process runs no handler itself, so no call can freeze the window.
 */
export function registerIpcRelay(
  ipcMain: Pick<IpcMain, 'handle'>,
  call: (channel: string, input: unknown) => Promise<Result<unknown>>,
  isTrusted: (frame: IpcMainInvokeEvent['senderFrame']) => boolean,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrusted(event.senderFrame)) return FORBIDDEN
      const checked = validateCall(channel, input)
      if (!checked.ok) return checked
      return call(channel, checked.value.input)
    })
  }
}
