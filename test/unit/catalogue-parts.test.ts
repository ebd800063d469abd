import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import zhCN from '../../engine/i18n/locales/zh-CN.json'
import { SCREEN_NAMESPACE_DIRS, SCREEN_NAMESPACES } from '../../engine/i18n/namespaces'
import { catalogueParts } from '../../vite-catalogues'

const ROOT = join(import.meta.dirname, '../..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

function part(locale: string, which: string): Record<string, unknown> {
  const plugin = catalogueParts()
  const load = plugin.load as (this: unknown, id: string) => string
  const code = load.call({ addWatchFile: () => undefined }, `\0catalogue:${locale}/${which}`)
  return JSON.parse(code.replace(/^export default /, '')) as Record<string, unknown>
}

// The first screen is built without the words of the screens that load on demand (the bundle
// budget); those words arrive with those screens. A first-load file that read one would draw a key.
describe('the catalogue in two parts', () => {
  it('splits each language into a start part and a screens part that together are the whole', () => {
    for (const locale of ['zh-CN', 'en']) {
      const start = part(locale, 'start')
      const screens = part(locale, 'screens')
      expect(Object.keys(screens).sort()).toEqual([...SCREEN_NAMESPACES].sort())
      expect(Object.keys(start).some((k) => k in screens)).toBe(false)
      if (locale === 'zh-CN') expect({ ...start, ...screens }).toEqual(zhCN)
    }
  })

  it('has no file outside the on-demand screens name a key of their namespaces', () => {
    const own = SCREEN_NAMESPACE_DIRS.map((d) => join(ROOT, 'renderer/src/features', d))
    const pattern = new RegExp(`['"\`](${SCREEN_NAMESPACES.join('|')})\\.[a-zA-Z]`)
    const offenders = sources(join(ROOT, 'renderer/src'))
      .filter((file) => !own.some((dir) => file.startsWith(`${dir}/`)))
      .filter((file) => pattern.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file))
    expect(offenders).toEqual([])
  })

  it('refuses a part it does not know', () => {
    expect(() => part('zh-CN', 'all')).toThrow(/Unknown catalogue part/)
  })
})
