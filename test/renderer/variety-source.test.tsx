import { screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { buildDemoPlan } from '../../engine/demo-plan'
import type { Variety } from '../../engine/schemas/variety'
import { renderWithApp, workspace } from './render'

// The renderer talks only through its api module; nothing is saved here.
vi.hoisted(() => {
  window.fengshou = { varietiesUpdate: vi.fn() } as never
})
const { VarietyFormModal } = await import('../../renderer/src/features/varieties/VarietyFormModal')

const demo = (name: string): Variety => ({
  ...buildDemoPlan().varieties.find((v) => v.name === name)!,
  revision: 1,
})

describe('a variety’s source in its form', () => {
  it('a catalogue variety shows its approval record as a citation, in the workspace’s language', async () => {
    renderWithApp(
      <VarietyFormModal variety={demo('先玉335')} onClose={() => undefined} onSaved={() => undefined} />,
    )
    expect((await screen.findByTestId('variety-source-citations')).textContent).toContain('蒙认玉2008023')
  })

  it('and in English for an English workspace', async () => {
    renderWithApp(
      <VarietyFormModal variety={demo('东生118')} onClose={() => undefined} onSaved={() => undefined} />,
      workspace({ locale: 'en' }),
    )
    expect((await screen.findByTestId('variety-source-citations')).textContent).toContain(
      'salt-alkali tolerant',
    )
  })

  it('leaves a user’s own text alone', () => {
    renderWithApp(
      <VarietyFormModal
        variety={{ ...demo('富友968'), source: '本社 2024 年对比试验' }}
        onClose={() => undefined}
        onSaved={() => undefined}
      />,
    )
    expect(screen.queryByTestId('variety-source-citations')).toBeNull()
    expect(screen.getByDisplayValue('本社 2024 年对比试验')).toBeTruthy()
  })
})
