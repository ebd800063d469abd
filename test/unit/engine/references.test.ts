import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_ASSUMPTIONS } from '../../../engine/assumptions/defaults'
import { DEMO_VARIETIES } from '../../../engine/demo'
import { buildDemoPlan } from '../../../engine/demo-plan'
import {
  citation,
  currentVarietySource,
  decodeRefs,
  encodeRefs,
  REFERENCES,
  referenceById,
  sourceLines,
} from '../../../engine/references'
import { REGION_DEFAULTS } from '../../../engine/regions'

/** Names of internal documents and their sections, which do not ship with the app. */
const INTERNAL = [/§/, /AGRONOMY/, /agronomy\.md/i, /DESIGN\.md/i, /\bV1[0-2]\b/, /\bV[1-9]\b/, /\.md\b/]

function strings(x: unknown): string[] {
  if (typeof x === 'string') return [x]
  if (Array.isArray(x)) return x.flatMap(strings)
  if (x && typeof x === 'object') return Object.values(x).flatMap(strings)
  return []
}

function expectNoInternalName(texts: string[], where: string) {
  for (const text of texts) for (const re of INTERNAL) expect(re.test(text), `${where}: ${text}`).toBe(false)
}

describe('the references catalogue', () => {
  it('holds one record per publication, each with publisher, title and figure in both languages', () => {
    expect(new Set(REFERENCES.map((r) => r.id)).size).toBe(REFERENCES.length)
    for (const r of REFERENCES) {
      for (const b of [r.publisher, r.title, r.figure]) {
        expect(b.zh.length, r.id).toBeGreaterThan(1)
        expect(b.en.length, r.id).toBeGreaterThan(1)
      }
      expect(['H', 'M', 'L', 'UNVERIFIED']).toContain(r.confidence)
      if (r.url !== null) expect(r.url, r.id).toMatch(/^https?:\/\//)
      if (r.year !== null) expect(r.year, r.id).toBeGreaterThan(1990)
    }
  })

  it('labels blogs and aggregators low and approval records high', () => {
    for (const r of REFERENCES) {
      if (/blog|aggregator|网站|博客/i.test(`${r.publisher.en} ${r.publisher.zh}`))
        expect(r.confidence, r.id).toBe('L')
      if (r.id.startsWith('approval-')) expect(r.confidence, r.id).toBe('H')
    }
  })

  it('every assumption resolves to at least one record, and every id it names exists', () => {
    for (const a of DEFAULT_ASSUMPTIONS) {
      expect(a.source.length, a.key).toBeGreaterThan(0)
      for (const id of a.source) expect(referenceById(id), `${a.key} → ${id}`).toBeDefined()
    }
  })

  it('every region default resolves to records', () => {
    for (const region of Object.values(REGION_DEFAULTS))
      for (const d of [region.heatSumCd, region.qualityGrade])
        for (const id of d.source) expect(referenceById(id), id).toBeDefined()
  })

  it('every catalogue (demo) variety cites records, in both languages', () => {
    for (const v of DEMO_VARIETIES) {
      const ids = decodeRefs(v.source)
      expect(ids, v.name).not.toBeNull()
      expect(ids!.length, v.name).toBeGreaterThan(0)
      for (const id of ids!) expect(referenceById(id), `${v.name} → ${id}`).toBeDefined()
      expect(sourceLines(v.source, 'zh').length).toBe(ids!.length)
      expect(sourceLines(v.source, 'en')[0]!.text).not.toBe(sourceLines(v.source, 'zh')[0]!.text)
    }
  })

  it('a user’s own variety source stays theirs; an old demo note becomes the catalogue’s records', () => {
    expect(sourceLines('本社 2024 年对比试验', 'en')).toEqual([{ text: '本社 2024 年对比试验', url: null }])
    expect(currentVarietySource('先玉335', '本社 2024 年对比试验')).toBe('本社 2024 年对比试验')
    const old = 'Older widely grown hybrid compared with Fumin 985, Sci. Rep. 2022 (AGRONOMY.md §1.2)'
    expect(decodeRefs(currentVarietySource('先玉335', old))).toContain('approval-xianyu335')
    expect(decodeRefs(currentVarietySource('某品种', old))).toEqual(['fengshou-example'])
    expect(decodeRefs(encodeRefs(['a', 'b']))).toEqual(['a', 'b'])
  })
})

describe('no user-visible source names an internal document', () => {
  it('neither locale catalogue holds §, AGRONOMY or a document name', () => {
    for (const file of ['zh-CN', 'en']) {
      const json = JSON.parse(
        readFileSync(join(import.meta.dirname, `../../../engine/i18n/locales/${file}.json`), 'utf8'),
      )
      expectNoInternalName(strings(json), file)
    }
  })

  it('no reference, citation, assumption note, region note, variety source or demo text does', () => {
    for (const r of REFERENCES) {
      expectNoInternalName(strings(r), r.id)
      expectNoInternalName([citation(r, 'zh'), citation(r, 'en')], r.id)
    }
    expectNoInternalName(
      DEFAULT_ASSUMPTIONS.map((a) => a.note),
      'assumption notes',
    )
    expectNoInternalName(strings(REGION_DEFAULTS), 'region defaults')
    const plan = buildDemoPlan()
    expectNoInternalName(
      plan.varieties.flatMap((v) =>
        [v.source, ...sourceLines(v.source, 'zh'), ...sourceLines(v.source, 'en')].flatMap(strings),
      ),
      'varieties',
    )
    expectNoInternalName(strings(plan.scenarios), 'scenarios')
  })
})
