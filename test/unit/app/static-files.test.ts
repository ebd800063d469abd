import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultDataDir } from '../../../app/paths'
import { parseServeArgs } from '../../../app/serve/args'
import { resolveStaticPath } from '../../../app/serve/static-files'

const root = resolve('/srv/renderer')

describe('static files stay inside the renderer build', () => {
  it.each([
    ['/', join(root, 'index.html')],
    ['/assets/index-abc.js', join(root, 'assets/index-abc.js')],
    ['/../secret', null],
    ['/%2e%2e/%2e%2e/etc/passwd', null],
    ['/assets/..%2f..%2fetc%2fpasswd', null],
    ['/..%5c..%5cwindows', null],
    ['/a%00.js', null],
    ['/%E0%A4%A', null],
  ])('%s → %s', (path, expected) => {
    expect(resolveStaticPath(root, path)).toBe(expected)
  })
})

describe('serve arguments', () => {
  it('reads --port and --data-dir in both spellings', () => {
    expect(parseServeArgs(['--port', '8123', '--data-dir=/tmp/x'])).toEqual({
      port: 8123,
      dataDir: '/tmp/x',
      open: false,
      demo: false,
    })
  })
  it('reads --demo: open the demo when no workspace is open yet', () => {
    expect(parseServeArgs(['--demo']).demo).toBe(true)
  })
  it.each([[['--port', '70000']], [['--port']], [['--bogus']]])('refuses %o', (argv) => {
    expect(() => parseServeArgs(argv)).toThrow()
  })
})

describe('data folder', () => {
  it('matches Electron userData for the product name on each platform', () => {
    expect(
      defaultDataDir('win32', { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'C:\\Users\\li'),
    ).toContain('Fengshou Planner')
    expect(defaultDataDir('darwin', {}, '/Users/li')).toBe(
      '/Users/li/Library/Application Support/Fengshou Planner',
    )
    expect(defaultDataDir('linux', {}, '/home/li')).toBe('/home/li/.config/Fengshou Planner')
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/li')).toBe('/cfg/Fengshou Planner')
  })
})
