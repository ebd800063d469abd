import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const RENDERER = join(import.meta.dirname, '../../renderer/src')
// Language names are shown in their own language on purpose.
const ALLOWED = new Set(['中文', 'English'])

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return tsxFiles(path)
    return name.endsWith('.tsx') ? [path] : []
  })
}

/** Literal words in JSX text or in user-facing props: they bypass the catalogues. */
function literalsIn(text: string): string[] {
  const found: string[] = []
  // Text after a tag's '>' (not an arrow's '=>') up to the next '<', with no code punctuation.
  for (const m of text.matchAll(/(?<!=)>([^<>{}`()=;|&?]*\p{L}[^<>{}`()=;|&?]*)</gu)) {
    const words = m[1]!.trim()
    if (words && !ALLOWED.has(words) && !/^(return|const|let|if|as)\b/.test(words)) found.push(words)
  }
  for (const m of text.matchAll(
    /\b(label|title|placeholder|aria-label|okText|cancelText|description)="([^"]*\p{L}[^"]*)"/gu,
  )) {
    if (!ALLOWED.has(m[2]!)) found.push(m[2]!)
  }
  for (const m of text.matchAll(/\b(label|title): '([^']*\p{L}[^']*)'/gu)) {
    if (!ALLOWED.has(m[2]!)) found.push(m[2]!)
  }
  return found
}

describe('every visible string comes from the catalogues', () => {
  it('the check finds literals in JSX text and props', () => {
    expect(literalsIn('<Button onClick={save}>保存</Button>')).toEqual(['保存'])
    expect(literalsIn('<Input placeholder="Search" />')).toEqual(['Search'])
    expect(literalsIn("options={[{ value: 'mu', label: '亩' }]}")).toEqual(['亩'])
    expect(literalsIn("<Button>{t('form.save')}</Button>")).toEqual([])
    expect(literalsIn('update: (patch: Patch) => Promise<void>')).toEqual([])
  })

  it('no renderer component holds a literal word', () => {
    const offenders = tsxFiles(RENDERER).flatMap((file) =>
      literalsIn(readFileSync(file, 'utf8')).map((words) => `${file}: ${words}`),
    )
    expect(offenders).toEqual([])
  })
})
