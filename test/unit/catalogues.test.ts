import { describe, expect, it } from 'vitest'
import { ERROR_CODES, RULES } from '../../engine/errors'
import en from '../../engine/i18n/locales/en.json'
import zhCN from '../../engine/i18n/locales/zh-CN.json'
import { FACTORS, WARNING_CODES } from '../../engine/model/types'
import { CROPS, SALINE_CLASSES, WATER_REGIMES } from '../../engine/schemas/field'
import { ROUTES } from '../../renderer/src/features/shell/routes'

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix]
  return Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

function lookup(catalogue: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue)
}

describe('translation catalogues', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })

  it('no entry is empty, and placeholders match between languages', () => {
    for (const key of keys(zhCN)) {
      const zh = String(lookup(zhCN, key))
      const english = String(lookup(en, key))
      expect(zh.trim(), key).not.toBe('')
      expect(english.trim(), key).not.toBe('')
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
      expect(vars(english), key).toEqual(vars(zh))
    }
  })

  it('every error code, rule, route and enum value has words in both languages', () => {
    const needed = [
      ...ERROR_CODES.map((c) => `errors.code.${c}`),
      ...RULES.map((r) => `errors.rule.${r}`),
      ...FACTORS.map((f) => `factor.${f}`),
      ...WARNING_CODES.map((w) => `warning.${w}`),
      ...ROUTES.map((r) => `nav.${r}`),
      ...CROPS.map((c) => `crop.${c}`),
      ...WATER_REGIMES.map((w) => `water.${w}`),
      ...SALINE_CLASSES.map((s) => `saline.${s}`),
    ]
    for (const key of needed) {
      expect(typeof lookup(zhCN, key), key).toBe('string')
      expect(typeof lookup(en, key), key).toBe('string')
    }
  })
})

describe('assumption names and notes', () => {
  it('every default assumption has a name in both languages, and every default note a Chinese version', async () => {
    const { DEFAULT_ASSUMPTIONS } = await import('../../engine/assumptions/defaults')
    for (const a of DEFAULT_ASSUMPTIONS) {
      const id = a.key.replaceAll('.', '_')
      expect(typeof lookup(zhCN, `assumptionName.${id}`), a.key).toBe('string')
      expect(typeof lookup(en, `assumptionName.${id}`), a.key).toBe('string')
      if (a.note) expect(typeof lookup(zhCN, `assumptionNote.${id}`), a.key).toBe('string')
    }
  })
})

describe('no fallback sentence hides a missing translation', () => {
  it('no code asks i18next for a defaultValue', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs')
    const { join } = await import('node:path')
    const root = join(import.meta.dirname, '../../renderer/src')
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n)
        return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : []
      })
    const offenders = files(root).filter((f) => /defaultValue\s*:/.test(readFileSync(f, 'utf8')))
    expect(offenders).toEqual([])
  })
})
