import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '../app/contract/channels'
import type { Handlers } from '../app/contract/contract'
import type { Result } from '../app/contract/result'
import { dispatch } from '../app/dispatch'

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Message from an untrusted sender', details: {} },
}

/**
 * The only place that calls ipcMain.handle. Each channel of the contract checks its sender,
 * then validates its input and runs the handler through dispatch().
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  isTrusted: (frame: IpcMainInvokeEvent['senderFrame']) => boolean,
  onInternalError?: (error: unknown) => void,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrusted(event.senderFrame)) return FORBIDDEN
      return dispatch(handlers, channel, input, onInternalError)
    })
  }
}
