import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  chooseNativeBinding,
  electronBindingDir,
  electronBindingFile,
} from '../../../electron/native-binding'

const base = { isPackaged: false, projectRoot: '/proj', platform: 'linux', arch: 'x64' }

describe('choice of the better-sqlite3 binding', () => {
  it('uses node_modules under plain Node (tests, CLI, browser mode)', () => {
    expect(chooseNativeBinding({ ...base, electronVersion: undefined, exists: () => true })).toEqual({
      kind: 'default',
    })
  })

  it('uses the Electron build from the side folder in the desktop app during development', () => {
    const expected = electronBindingFile(electronBindingDir('/proj', '45.5.0', 'linux', 'x64'))
    expect(expected).toBe(
      join('/proj', '.native', 'electron-v45.5.0-linux-x64', 'build', 'Release', 'better_sqlite3.node'),
    )
    expect(
      chooseNativeBinding({ ...base, electronVersion: '45.5.0', exists: (p) => p === expected }),
    ).toEqual({
      kind: 'file',
      path: expected,
    })
  })

  it('reports a missing Electron build instead of loading the Node one (wrong ABI)', () => {
    const choice = chooseNativeBinding({ ...base, electronVersion: '45.5.0', exists: () => false })
    expect(choice.kind).toBe('missing')
  })

  it('a packaged app uses the build electron-builder put in place', () => {
    expect(
      chooseNativeBinding({ ...base, isPackaged: true, electronVersion: '45.5.0', exists: () => false }),
    ).toEqual({
      kind: 'default',
    })
  })
})
