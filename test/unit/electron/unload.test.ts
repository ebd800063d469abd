import { describe, expect, it, vi } from 'vitest'
import { confirmDiscard } from '../../../electron/unload'

describe('closing a window with unsaved changes', () => {
  it('asks in the workspace’s language, and leaves only when the user chooses to drop the changes', () => {
    const show = vi.fn(() => 1)
    expect(confirmDiscard(show, 'zh-CN')).toBe(false)
    expect(show).toHaveBeenCalledWith(
      expect.objectContaining({
        message: '有未保存的修改，确定放弃吗？',
        buttons: ['放弃修改', '继续编辑'],
        defaultId: 1,
        cancelId: 1,
      }),
    )
    expect(confirmDiscard(() => 0, 'en')).toBe(true)
  })
})
