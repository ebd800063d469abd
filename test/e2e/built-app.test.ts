import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../app/serve/csp'
import { ROOT } from './harness'

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  )
}

describe('the shipped build', () => {
  const html = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8')

  it.each([
    ['built index.html', /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''],
    ['served header', CONTENT_SECURITY_POLICY],
  ])('%s carries a strict CSP', (_where, policy) => {
    const csp = directives(policy)
    expect(csp.get('default-src')).toEqual(["'self'"])
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"])
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'")
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'")
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    expect(csp.get('connect-src')).toEqual(["'self'"])
  })

  it('has no inline script and loads nothing from another origin', () => {
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
  })

  it('bundles a CommonJS preload for the sandbox and keeps Electron out of browser mode', () => {
    const preload = readFileSync(join(ROOT, 'out/preload/preload.cjs'), 'utf8')
    expect(preload).toMatch(/require\("electron"\)/)
    expect(preload).not.toMatch(/^import /m)
    expect(existsSync(join(ROOT, 'out/main/serve.js'))).toBe(true)
    const serve = readFileSync(join(ROOT, 'out/main/serve.js'), 'utf8')
    expect(serve).not.toMatch(/from "electron"|require\("electron"\)/)
  })
})
