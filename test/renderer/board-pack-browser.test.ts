import { describe, expect, it, vi } from 'vitest'

// Browser mode: no preload, so no fengshouShell; the pack opens in a tab for the browser's print.
const { openBoardPack } = await import('../../renderer/src/features/board-pack/open-pack')

describe('opening a pack in browser mode', () => {
  it('opens the print route of the version in a new tab, keeping the page’s token', async () => {
    window.history.replaceState(null, '', '/?token=abc#/board')
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    expect(await openBoardPack(5, 'en')).toEqual({ kind: 'opened' })
    expect(open).toHaveBeenCalledWith('/?token=abc#/print/version/5?lang=en', '_blank')
  })
})
