import { renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { compareHash, hashIds, useHashRoute } from '../../renderer/src/features/shell/routes'

// A screen opened with what to show (the optimiser opens Compare on its roll-out's scenarios).
describe('ids in the route', () => {
  it('reads back the ids Compare was opened with, and nothing from a hash without them', () => {
    expect(compareHash([3, 7, 12])).toBe('#/compare?ids=3,7,12')
    expect(hashIds(compareHash([3, 7, 12]))).toEqual([3, 7, 12])
    expect(hashIds('#/compare')).toBeNull()
    expect(hashIds('#/compare?ids=3,seven')).toBeNull()
    expect(hashIds('#/compare?ids=0')).toBeNull()
  })

  it('still opens the screen when the hash carries ids', () => {
    window.location.hash = compareHash([3, 7])
    const { result } = renderHook(() => useHashRoute())
    expect(result.current[0]).toBe('compare')
    window.location.hash = '#/nowhere?ids=3'
    expect(renderHook(() => useHashRoute()).result.current[0]).toBe('overview')
  })
})
