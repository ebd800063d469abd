import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { renderWithApp } from './render'

// Browser mode: no folder dialog; the user types or pastes the folder. The api module reads
// window.fengshou when it is first loaded, so the fake back end is in place before the imports.
const backend = vi.hoisted(() => {
  const fake = {
    workspaceBackups: vi.fn(async () => ({ ok: true, value: [] as unknown[] })),
    workspaceBackup: vi.fn(),
    workspaceBackupTo: vi.fn(),
    workspaceRestore: vi.fn(),
  }
  window.fengshou = fake as never
  return fake
})

const { BackupCard } = await import('../../renderer/src/features/settings/BackupCard')

/** A call that answers only when the test says so, as a backup of a large workspace would. */
function pending<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

const copy = {
  file: 'workspace-20260301T001200Z.fengshou.sqlite',
  at: '2026-03-01T00:12:00.000Z',
  sizeBytes: 90_112,
}

describe('backup card', () => {
  beforeEach(() => {
    for (const fn of Object.values(backend)) fn.mockClear()
    window.localStorage.clear()
  })

  it('a double-click on 立即备份 makes exactly one backup; every backup button waits for it', async () => {
    renderWithApp(<BackupCard />)
    await waitFor(() => expect(backend.workspaceBackups).toHaveBeenCalledTimes(1))
    const call = pending<{ ok: true; value: typeof copy }>()
    backend.workspaceBackup.mockReturnValueOnce(call.promise)
    const now = screen.getByTestId('backup-now')
    fireEvent.click(now)
    fireEvent.click(now)
    fireEvent.doubleClick(now)
    expect(backend.workspaceBackup).toHaveBeenCalledTimes(1)
    expect(now.closest('button')!.disabled).toBe(true)
    expect((screen.getByTestId('backup-to-folder') as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(screen.getByTestId('backup-to-folder'))
    expect(backend.workspaceBackupTo).not.toHaveBeenCalled()
    await act(async () => call.resolve({ ok: true, value: copy }))
    await waitFor(() => expect(now.closest('button')!.disabled).toBe(false))
    expect(backend.workspaceBackup).toHaveBeenCalledTimes(1)
    // the list is read again after the backup
    expect(backend.workspaceBackups).toHaveBeenCalledTimes(2)
  })

  it('backs up to the folder typed, once per click, and names where the copy went', async () => {
    renderWithApp(<BackupCard />)
    const call = pending<{ ok: true; value: typeof copy & { folder: string } }>()
    backend.workspaceBackupTo.mockReturnValueOnce(call.promise)
    fireEvent.change(screen.getByLabelText('备份到文件夹（例如 U 盘：E:\\丰收备份）'), {
      target: { value: 'E:\\丰收备份' },
    })
    const button = screen.getByTestId('backup-to-folder')
    fireEvent.click(button)
    fireEvent.click(button)
    await waitFor(() => expect(backend.workspaceBackupTo).toHaveBeenCalledTimes(1))
    expect(backend.workspaceBackupTo).toHaveBeenCalledWith({ folder: 'E:\\丰收备份' })
    expect(screen.getByTestId('backup-now').closest('button')!.disabled).toBe(true)
    await act(async () => call.resolve({ ok: true, value: { ...copy, folder: 'E:\\丰收备份' } }))
    expect(await screen.findByText('上次备份到：E:\\丰收备份')).toBeTruthy()
    expect(backend.workspaceBackupTo).toHaveBeenCalledTimes(1)
  })

  it('says in Chinese why a folder is refused, under the folder box', async () => {
    renderWithApp(<BackupCard />)
    backend.workspaceBackupTo.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'The folder cannot take a backup',
        details: { issues: [{ path: ['folder'], rule: 'folder_not_found', params: { folder: 'F:\\没有' } }] },
      },
    })
    fireEvent.change(screen.getByLabelText('备份到文件夹（例如 U 盘：E:\\丰收备份）'), {
      target: { value: 'F:\\没有' },
    })
    fireEvent.click(screen.getByTestId('backup-to-folder'))
    expect(await screen.findByText(/^找不到文件夹 F:\\没有。请检查 U 盘是否插好/)).toBeTruthy()
  })

  it('asks for a folder before calling the back end when the box is empty', async () => {
    renderWithApp(<BackupCard />)
    fireEvent.click(screen.getByTestId('backup-to-folder'))
    expect(await screen.findByText('请先填写文件夹路径')).toBeTruthy()
    expect(backend.workspaceBackupTo).not.toHaveBeenCalled()
  })

  it('offers no folder dialog in browser mode', () => {
    renderWithApp(<BackupCard />)
    expect(screen.queryByText('选择文件夹并备份…')).toBeNull()
  })
})
