import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import type { z } from 'zod'
import { CHANNELS, isChannel } from '../app/contract/channels'
import type { Result } from '../app/contract/result'
import { validateCall } from '../app/dispatch'

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Message from an untrusted sender', details: {} },
}

const INVALID: Result<never> = {
  ok: false,
  error: { code: 'VALIDATION', message: 'Invalid input for a call of the desktop shell', details: {} },
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

/**
 * The few calls the main process answers itself because they need a window (a native folder
 * dialog), outside the contract: the same sender check as the relay, no input taken, and never a
 * handler or the workspace. A contract channel cannot be registered this way.
 */
export function registerShellCall(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: string,
  isTrusted: (frame: IpcMainInvokeEvent['senderFrame']) => boolean,
  run: (event: IpcMainInvokeEvent) => Promise<Result<unknown>>,
): void {
  if (isChannel(channel)) throw new Error(`${channel} belongs to the contract and is relayed`)
  ipcMain.handle(channel, (event: IpcMainInvokeEvent) =>
    isTrusted(event.senderFrame) ? run(event) : FORBIDDEN,
  )
}

/**
 * A call of the main process's own (outside the contract) that takes an input: the same sender
 * check, then the input parsed by its schema; anything else is refused before it runs.
 */
export function registerShellCallWithInput<S extends z.ZodType>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: string,
  schema: S,
  isTrusted: (frame: IpcMainInvokeEvent['senderFrame']) => boolean,
  run: (event: IpcMainInvokeEvent, input: z.output<S>) => Promise<Result<unknown>>,
): void {
  if (isChannel(channel)) throw new Error(`${channel} belongs to the contract and is relayed`)
  ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
    if (!isTrusted(event.senderFrame)) return FORBIDDEN
    const parsed = schema.safeParse(input)
    if (!parsed.success) return INVALID
    return run(event, parsed.data)
  })
}
