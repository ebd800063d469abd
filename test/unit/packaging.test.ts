import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const ROOT = join(import.meta.dirname, '../..')
const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'))
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'))
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema)

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own JSON schema", () => {
    const ok = validate(config)
    expect(validate.errors ?? []).toEqual([])
    expect(ok).toBe(true)
  })

  it('the schema check catches a misspelt key (so the test above can fail)', () => {
    expect(validate({ ...config, asarUnpak: ['x'] })).toBe(false)
  })

  it('ships only the build output, unpacks native modules, and targets every desktop', () => {
    expect(config.productName).toBe('Fengshou Planner')
    expect(config.files).toContain('out/**/*')
    expect(config.files.some((f: string) => /^(src|test|engine|db|electron|renderer)\//.test(f))).toBe(false)
    expect(config.asarUnpack).toContain('**/*.node')
    expect(config.win.target[0].target).toBe('nsis')
    expect(config.mac.target[0].target).toBe('dmg')
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']))
    expect(config.electronFuses).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true })
  })
})
