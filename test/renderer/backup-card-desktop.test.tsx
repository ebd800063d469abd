import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { renderWithApp } from './render'

// The desktop app: the preload gives window.fengshouShell.chooseFolder (the main process's
// native dialog). Both are in place before the api module is first loaded.
const desktop = vi.hoisted(() => {
  const fake = {
    workspaceBackups: vi.fn(async () => ({ ok: true, value: [] as unknown[] })),
    workspaceBackup: vi.fn(),
    workspaceBackupTo: vi.fn(),
    workspaceRestore: vi.fn(),
  }
  const chooseFolder = vi.fn()
  window.fengshou = fake as never
  window.fengshouShell = { chooseFolder } as never
  return { ...fake, chooseFolder }
})

const { BackupCard } = await import('../../renderer/src/features/settings/BackupCard')

describe('backup card in the desktop app', () => {
  beforeEach(() => {
    for (const fn of Object.values(desktop)) fn.mockClear()
  })

  it('backs up to the folder chosen in the native dialog', async () => {
    renderWithApp(<BackupCard />)
    desktop.chooseFolder.mockResolvedValueOnce({ ok: true, value: { folder: 'E:\\丰收备份' } })
    desktop.workspaceBackupTo.mockResolvedValueOnce({
      ok: true,
      value: {
        file: 'a.fengshou.sqlite',
        folder: 'E:\\丰收备份',
        at: '2026-03-01T00:12:00.000Z',
        sizeBytes: 1,
      },
    })
    expect(screen.queryByLabelText('备份到文件夹（例如 U 盘：E:\\丰收备份）')).toBeNull()
    await act(async () => fireEvent.click(screen.getByText('选择文件夹并备份…')))
    await waitFor(() => expect(desktop.workspaceBackupTo).toHaveBeenCalledWith({ folder: 'E:\\丰收备份' }))
    expect(await screen.findByText('上次备份到：E:\\丰收备份')).toBeTruthy()
  })

  it('a cancelled dialog backs up nothing', async () => {
    renderWithApp(<BackupCard />)
    desktop.chooseFolder.mockResolvedValueOnce({ ok: true, value: { folder: null } })
    await act(async () => fireEvent.click(screen.getByText('选择文件夹并备份…')))
    await waitFor(() => expect(desktop.chooseFolder).toHaveBeenCalledTimes(1))
    expect(desktop.workspaceBackupTo).not.toHaveBeenCalled()
    await waitFor(() => expect(screen.getByText('选择文件夹并备份…').closest('button')!.disabled).toBe(false))
  })
})
