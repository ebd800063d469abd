import type {
  BaseWindow,
  IpcMainInvokeEvent,
  OpenDialogOptions,
  OpenDialogReturnValue,
  WebContents,
} from 'electron'
import type { Result } from '../app/contract/result'
import type { Locale } from '../engine/i18n/translate'
import { mainText } from './menu'

/** The main process's own channel for the native folder dialog (not part of the contract). */
export const CHOOSE_FOLDER_CHANNEL = 'shell:chooseFolder'

/** The folder the user chose; null when they cancelled. */
export type FolderChoice = { folder: string | null }

export type FolderDialogDeps = {
  /** dialog.showOpenDialog */
  showOpenDialog: (window: BaseWindow, options: OpenDialogOptions) => Promise<OpenDialogReturnValue>
  /** BrowserWindow.fromWebContents: the dialog is modal to the window that asked */
  windowOf: (contents: WebContents) => BaseWindow | null
  /** the open workspace's language, for the dialog's title and button */
  locale: () => Promise<Locale>
}

/** Registers one call with the relay's sender check (ipc.ts registerShellCall). */
export type RegisterShellCall = (
  channel: string,
  run: (event: IpcMainInvokeEvent) => Promise<Result<FolderChoice>>,
) => void

/**
 * The native "choose a folder" dialog for a backup to a USB stick, modal to the asking window,
 * allowed to make a new folder. Cancelling gives no folder; nothing else comes from the renderer.
 */
export async function chooseFolder(
  deps: FolderDialogDeps,
  sender: WebContents,
): Promise<Result<FolderChoice>> {
  const window = deps.windowOf(sender)
  if (!window) return { ok: false, error: { code: 'FORBIDDEN', message: 'No window asked', details: {} } }
  const locale = await deps.locale()
  const chosen = await deps.showOpenDialog(window, {
    title: mainText(locale, 'backup.dialogTitle'),
    buttonLabel: mainText(locale, 'backup.dialogButton'),
    properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
  })
  const folder = chosen.canceled ? null : (chosen.filePaths[0] ?? null)
  return { ok: true, value: { folder } }
}

export function registerFolderDialog(register: RegisterShellCall, deps: FolderDialogDeps): void {
  register(CHOOSE_FOLDER_CHANNEL, (event) => chooseFolder(deps, event.sender))
}
