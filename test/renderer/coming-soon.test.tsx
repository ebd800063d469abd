import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ComingSoon } from '../../renderer/src/features/shell/ComingSoon'
import { renderWithApp, workspace } from './render'

describe('screens not built yet', () => {
  it('say so plainly in Chinese, with no numbers', () => {
    const { container } = renderWithApp(<ComingSoon route="risk" onGoFields={() => undefined} />)
    expect(screen.getByText('“风险”尚未开放')).toBeTruthy()
    expect(container.textContent).not.toMatch(/\d+(\.\d+)?\s*(%|亩|吨|元)/)
  })

  it('say so plainly in English', () => {
    renderWithApp(<ComingSoon route="exchange" onGoFields={() => undefined} />, workspace({ locale: 'en' }))
    expect(screen.getByText('“Import & export” is not available yet')).toBeTruthy()
  })
})
