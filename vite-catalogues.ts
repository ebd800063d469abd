import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'
import { SCREEN_NAMESPACES } from './engine/i18n/namespaces.ts'

const PREFIX = 'catalogue:'

/**
 * One catalogue file per language, served in two parts: `catalogue:zh-CN/start` (what the first
 * screen needs) and `catalogue:zh-CN/screens` (SCREEN_NAMESPACES, loaded with the first screen that
 * shows them). The JSON file stays the one source every layer and test reads.
 */
export function catalogueParts(): Plugin {
  return {
    name: 'fengshou-catalogue-parts',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null
      const [locale, part] = id.slice(PREFIX.length + 1).split('/')
      if (!/^[a-zA-Z-]+$/.test(locale ?? '') || (part !== 'start' && part !== 'screens'))
        throw new Error(`Unknown catalogue part: ${id.slice(1)}`)
      const file = resolve(import.meta.dirname, 'engine/i18n/locales', `${locale}.json`)
      this.addWatchFile(file)
      const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
      const screens = new Set<string>(SCREEN_NAMESPACES)
      const picked = Object.fromEntries(
        Object.entries(all).filter(([key]) => screens.has(key) === (part === 'screens')),
      )
      return `export default ${JSON.stringify(picked)}`
    },
  }
}
