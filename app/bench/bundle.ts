// The JavaScript a user's machine loads before the first screen: the built index.html's entry
// script and the modules it preloads, plus everything those import statically, minified as shipped.
// Code behind a dynamic import() (the other screens, the charts, the risk workers) is not counted.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize, relative, resolve } from 'node:path'
import { report } from './measure'

export type InitialScript = { file: string; bytes: number }

const ATTRIBUTE = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`)

/** Scripts index.html loads at once: module entry scripts and modulepreload links, relative to the renderer folder. */
function scriptsInHtml(html: string): string[] {
  const found: string[] = []
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const src = ATTRIBUTE('src').exec(tag)?.[1]
    if (src) found.push(src)
  }
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    if (!/\brel\s*=\s*["']modulepreload["']/.test(tag)) continue
    const href = ATTRIBUTE('href').exec(tag)?.[1]
    if (href) found.push(href)
  }
  return found
}

/** Relative modules a chunk imports statically (import … from, import "…", export … from); not import(). */
export function staticImports(code: string): string[] {
  const found = new Set<string>()
  const pattern =
    /(?:^|[^\w$.])(?:import\s*(?:[\w$*{}\s,]+?\s*from\s*)?|export\s*(?:\*\s*(?:as\s+[\w$]+\s*)?|\{[^}]*\}\s*)from\s*)["'](\.{1,2}\/[^"']+)["']/g
  for (const m of code.matchAll(pattern)) found.add(m[1]!)
  return [...found]
}

/**
 * Every script the first screen loads, from the built renderer folder: what index.html names and,
 * transitively, what those scripts import statically. Throws if the build is missing.
 */
export function initialScripts(rendererDir: string): InitialScript[] {
  const htmlFile = join(rendererDir, 'index.html')
  if (!existsSync(htmlFile)) throw new Error(`${htmlFile} is missing: run \`npm run build\` first`)
  const seen = new Map<string, number>()
  const queue = scriptsInHtml(readFileSync(htmlFile, 'utf8')).map((src) => resolve(rendererDir, src))
  while (queue.length > 0) {
    const file = normalize(queue.shift()!)
    if (seen.has(file)) continue
    if (!file.startsWith(resolve(rendererDir))) throw new Error(`${file} is outside the renderer build`)
    seen.set(file, statSync(file).size)
    for (const spec of staticImports(readFileSync(file, 'utf8'))) queue.push(resolve(dirname(file), spec))
  }
  return [...seen].map(([file, bytes]) => ({ file: relative(rendererDir, file), bytes }))
}

/** npm run bench: the first screen's JavaScript in bytes, from out/renderer (built by npm run build). */
export function benchBundle(): void {
  const scripts = initialScripts(resolve(process.cwd(), 'out/renderer'))
  const bytes = scripts.reduce((sum, s) => sum + s.bytes, 0)
  report('initial_js_bytes', bytes, 'bytes', { max: 1.2e6 }, `${scripts.length} files, minified`)
}
