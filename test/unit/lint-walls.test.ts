import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The walls between layers are lint rules (biome.json). This lints a fixture tree that mirrors the
// project's folders: every `forbidden-*` file crosses one wall and must be flagged; every
// `allowed-*` file stays inside its walls and must lint clean, so the rules are not simply "ban all".
const ROOT = join(import.meta.dirname, '../..')
const FIXTURES = join(ROOT, 'test/fixtures/walls')
const BIOME = join(ROOT, 'node_modules/.bin/biome')

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(FIXTURES, path)]
  })
}

type Diagnostic = { category: string; location: { path: string } }

let work = ''
let diagnostics: Diagnostic[] = []

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fengshou-walls-'))
  cpSync(FIXTURES, work, { recursive: true })
  // The project's own config, as it is; only the schema path and git integration make no sense here.
  const config = JSON.parse(readFileSync(join(ROOT, 'biome.json'), 'utf8'))
  delete config.$schema
  delete config.vcs
  writeFileSync(join(work, 'biome.json'), JSON.stringify(config))
  const run = spawnSync(BIOME, ['lint', '--reporter=json', '--max-diagnostics=none', '.'], {
    cwd: work,
    encoding: 'utf8',
  })
  diagnostics = (JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }).diagnostics
})

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

const fixtures = filesUnder(FIXTURES)
const forbidden = fixtures.filter((f) => /(^|\/)forbidden-[^/]+$/.test(f))
const allowed = fixtures.filter((f) => /(^|\/)allowed-[^/]+$/.test(f))

describe('lint walls between the layers', () => {
  it('has a forbidden import for every wall of every layer', () => {
    const layers = new Set(
      forbidden.map((f) => (f.startsWith('app/contract/') ? 'app/contract' : f.split('/')[0])),
    )
    expect([...layers].sort()).toEqual(['app', 'app/contract', 'db', 'electron', 'engine', 'renderer'])
    expect(forbidden.length).toBeGreaterThanOrEqual(30)
    expect(allowed.length).toBeGreaterThanOrEqual(8)
  })

  it.each(forbidden)('flags %s', (file) => {
    const hits = diagnostics.filter(
      (d) => d.location.path === file && d.category === 'lint/style/noRestrictedImports',
    )
    expect(hits.length, `${file} crosses a wall but lint let it pass`).toBeGreaterThan(0)
  })

  it.each(allowed)('lets %s through', (file) => {
    const hits = diagnostics.filter((d) => d.location.path === file)
    expect(hits.map((d) => d.category)).toEqual([])
  })
})
