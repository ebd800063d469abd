import { join } from 'node:path'
import type {
  BaseWindow,
  IpcMainInvokeEvent,
  SaveDialogOptions,
  SaveDialogReturnValue,
  WebContents,
} from 'electron'
import { z } from 'zod'
import type { Result } from '../app/contract/result'
import { ERROR_CODES, type ErrorCode } from '../engine/errors'
import { LOCALES, type Locale } from '../engine/i18n/locale'
import { mainText } from './menu'

/**
 * The board pack (理事会材料) as a PDF, made by Chromium's own printer: the main process loads the
 * renderer's print route in a hidden window (the same preload and security as every window),
 * waits until the page marks itself drawn, prints it to A4, asks where to save it and writes the
 * file. Not part of the contract: it needs a window and the file system of the desktop app.
 */
export const SAVE_BOARD_PACK_CHANNEL = 'shell:saveBoardPack'

export const SaveBoardPackInputSchema = z
  .object({ versionId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER), locale: z.enum(LOCALES) })
  .strict()
export type SaveBoardPackInput = z.infer<typeof SaveBoardPackInputSchema>

/** The file written; null when the user cancelled the dialog. */
export type SavedPack = { file: string | null }

/** The renderer's print route of a version (renderer/src/features/board-pack/print-route.ts). */
export function printRouteHash(versionId: number, locale: Locale): string {
  return `#/print/version/${versionId}?lang=${encodeURIComponent(locale)}`
}

/** Chromium's printer with the page's own A4 size and margins, backgrounds included. */
export const PDF_OPTIONS = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true } as const

/** A hidden window to print in; main.ts makes it a BrowserWindow, tests a fake. */
export type PrintWindow = {
  load: (url: string) => Promise<void>
  /** webContents.executeJavaScript: reads the page's ready mark */
  evaluate: (script: string) => Promise<unknown>
  /** the page's title: the pack names itself "<co-op>-第N版-理事会材料" */
  title: () => string
  printToPdf: (options: typeof PDF_OPTIONS) => Promise<Uint8Array>
  close: () => void
}

export type BoardPackDeps = {
  /** BrowserWindow.fromWebContents: the save dialog is modal to the window that asked */
  windowOf: (contents: WebContents) => BaseWindow | null
  openPrintWindow: () => PrintWindow
  /** the page the app loads (app://fengshou/index.html, or the dev server) */
  entryUrl: string
  showSaveDialog: (window: BaseWindow, options: SaveDialogOptions) => Promise<SaveDialogReturnValue>
  /** the folder the dialog opens in (the user's documents) */
  defaultDir: () => string
  fs: {
    writeFile: (path: string, data: Uint8Array) => Promise<void>
    rename: (from: string, to: string) => Promise<void>
    rm: (path: string) => Promise<void>
  }
  /** how long the page may take to draw (a pack of thousands of fields takes seconds) */
  timeoutMs?: number
  sleep?: (ms: number) => Promise<void>
  now?: () => number
}

const READY_SCRIPT = 'document.body.dataset.packError || document.body.dataset.packReady || null'
const POLL_MS = 100

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message, details: {} } }
}

/**
 * A name the file systems of Windows, macOS and Linux all accept: no separators, reserved
 * characters or control characters, at most 120 characters, never empty.
 */
export function safeFileName(title: string, fallback: string): string {
  const clean = title
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 120)
  return clean.length > 0 ? clean : fallback
}

/** Waits for the page's mark: 'true' when drawn, an error code when the version could not be read. */
async function waitForPack(win: PrintWindow, deps: BoardPackDeps): Promise<Result<true>> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const now = deps.now ?? Date.now
  const deadline = now() + (deps.timeoutMs ?? 60_000)
  for (;;) {
    const mark = await win.evaluate(READY_SCRIPT)
    if (mark === 'true') return { ok: true, value: true }
    if (typeof mark === 'string') {
      const code = (ERROR_CODES as readonly string[]).includes(mark) ? (mark as ErrorCode) : 'INTERNAL'
      return failure(code, 'The board pack page could not read the version')
    }
    if (now() >= deadline) return failure('TIMED_OUT', 'The board pack page did not finish drawing')
    await sleep(POLL_MS)
  }
}

/** Prints the pack of one version in a hidden window; the window is closed whatever happens. */
async function printPack(
  deps: BoardPackDeps,
  input: SaveBoardPackInput,
): Promise<Result<{ pdf: Uint8Array; title: string }>> {
  const win = deps.openPrintWindow()
  try {
    await win.load(`${deps.entryUrl}${printRouteHash(input.versionId, input.locale)}`)
    const ready = await waitForPack(win, deps)
    if (!ready.ok) return ready
    const title = win.title()
    const pdf = await win.printToPdf(PDF_OPTIONS)
    return { ok: true, value: { pdf, title } }
  } catch {
    return failure('INTERNAL', 'The board pack could not be printed')
  } finally {
    win.close()
  }
}

/** Writes beside the target first and renames, so a full disk never leaves half a PDF. */
async function writePdf(deps: BoardPackDeps, file: string, pdf: Uint8Array): Promise<Result<true>> {
  const part = `${file}.part`
  try {
    await deps.fs.writeFile(part, pdf)
    await deps.fs.rename(part, file)
    return { ok: true, value: true }
  } catch (error) {
    await deps.fs.rm(part).catch(() => undefined)
    const code = (error as { code?: unknown } | null)?.code
    return failure(code === 'ENOSPC' ? 'DISK_FULL' : 'INTERNAL', 'The board pack could not be written')
  }
}

export async function saveBoardPack(
  deps: BoardPackDeps,
  sender: WebContents,
  input: SaveBoardPackInput,
): Promise<Result<SavedPack>> {
  const parent = deps.windowOf(sender)
  if (!parent) return failure('FORBIDDEN', 'No window asked')
  const printed = await printPack(deps, input)
  if (!printed.ok) return printed
  const t = (key: string) => mainText(input.locale, key)
  const name = safeFileName(printed.value.title, t('pack.saveDialog.title'))
  const chosen = await deps.showSaveDialog(parent, {
    title: t('pack.saveDialog.title'),
    buttonLabel: t('pack.saveDialog.button'),
    defaultPath: join(deps.defaultDir(), `${name}.pdf`),
    filters: [{ name: t('pack.saveDialog.filter'), extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
  })
  if (chosen.canceled || !chosen.filePath) return { ok: true, value: { file: null } }
  const file = /\.pdf$/i.test(chosen.filePath) ? chosen.filePath : `${chosen.filePath}.pdf`
  const written = await writePdf(deps, file, printed.value.pdf)
  return written.ok ? { ok: true, value: { file } } : written
}

/** Registers the call with the relay's sender check and input validation (ipc.ts). */
export type RegisterShellCallWithInput = <S extends z.ZodType>(
  channel: string,
  schema: S,
  run: (event: IpcMainInvokeEvent, input: z.output<S>) => Promise<Result<unknown>>,
) => void

export function registerBoardPack(register: RegisterShellCallWithInput, deps: BoardPackDeps): void {
  register(SAVE_BOARD_PACK_CHANNEL, SaveBoardPackInputSchema, (event, input) =>
    saveBoardPack(deps, event.sender, input),
  )
}
