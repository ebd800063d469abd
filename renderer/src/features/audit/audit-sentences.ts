import type { TFunction } from 'i18next'
import type { AuditChange, AuditLogEntry, AuditPage } from '../../../../app/contract/audit'
import { DEFAULT_BY_KEY } from '../../../../engine/assumptions/defaults'
import { assumptionDisplay, assumptionName } from '../../lib/assumption-format'
import type { Format } from '../../lib/format'
import { actualSentence, seasonSentence } from './actual-sentences'

/**
 * The change log read as sentences in the user's language, built from what each repository
 * records (action, entity, summary and the structured detail), never from raw JSON. A detail of
 * an unexpected shape gives a plainer sentence, not an error and not the detail itself.
 */
export type AuditSentence = {
  /** e.g. 修改了地块「东岗一号地」：备注、密度 */
  text: string
  /** one line per changed value, from → to, in the plan's units */
  details: string[]
}

export type SentenceContext = {
  t: TFunction
  format: Format
  names: AuditPage['names']
  /** whether the catalogue has a key (an unknown field name reads as "another item", never as code) */
  exists: (key: string) => boolean
}

type Change = AuditChange

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const isChange = (v: unknown): v is Change => isRecord(v) && 'from' in v && 'to' in v

/** Local time as the board reads it: 2026-03-01 08:12. */
export function localTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

function clip(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}

export type KeyKind = 'fieldKey' | 'varietyKey' | 'workspaceKey' | 'scenarioKey'

export function keyLabel(ctx: SentenceContext, kind: KeyKind, key: string): string {
  const k = `audit.${kind}.${key}`
  return ctx.exists(k) ? ctx.t(k) : ctx.t('audit.otherItem')
}

function list(ctx: SentenceContext, labels: string[]): string {
  return [...new Set(labels)].join(ctx.t('audit.listSeparator'))
}

/** One stored value of a field, a variety or the workspace, as the user reads it. */
export function valueText(ctx: SentenceContext, key: string, v: unknown): string {
  const { t, format, names } = ctx
  if (v === null || v === undefined || v === '') {
    if (key === 'varietyId') return t('audit.v.noVariety')
    if (key === 'groupId') return t('audit.v.noGroup')
    return t('audit.v.empty')
  }
  if (typeof v === 'boolean') return t(v ? 'audit.v.yes' : 'audit.v.no')
  if (typeof v === 'string') {
    if (key === 'crop' && ctx.exists(`crop.${v}`)) return t(`crop.${v}`)
    if (key === 'waterRegime' && ctx.exists(`water.${v}`)) return t(`water.${v}`)
    if (key === 'salineClass' && ctx.exists(`saline.${v}`)) return t(`saline.${v}`)
    if (
      ['densityTolerance', 'lodgingRisk', 'saltTolerance'].includes(key) &&
      ctx.exists(`varieties.level.${v}`)
    )
      return t(`varieties.level.${v}`)
    if (key === 'region' && ctx.exists(`audit.region.${v}`)) return t(`audit.region.${v}`)
    if (key === 'locale') return v === 'en' ? 'English' : '中文'
    if ((key === 'areaUnit' || key === 'massUnit') && ctx.exists(`units.${v}`)) return t(`units.${v}`)
    return t('audit.v.text', { text: clip(v) })
  }
  if (isNumber(v)) {
    switch (key) {
      case 'areaHa':
        return format.area(v)
      case 'densityPlantsPerHa':
        return `${format.densityNumber(v)} ${format.densityUnitLabel}`
      case 'heatSumCd':
      case 'heatSumNeededCd':
        return `${format.number(v, 0)} °C·d`
      case 'qualityGrade':
        return t('audit.v.grade', { grade: v })
      case 'maturityDays':
        return t('audit.v.days', { days: v })
      case 'yieldPotentialRel':
        return `${format.number(v * 100, 1)} %`
      case 'oilPct':
      case 'proteinPct':
        return `${format.number(v, 1)} %`
      case 'seedPriceYuanPerKg':
        return t('audit.v.yuanPerKg', { value: format.number(v, 2) })
      case 'varietyId':
        return names.variety[v] !== undefined
          ? t('audit.v.text', { text: names.variety[v] })
          : t('audit.v.unknownVariety')
      case 'groupId':
        return names.group[v] !== undefined
          ? t('audit.v.text', { text: names.group[v] })
          : t('audit.v.unknownGroup')
      default:
        // a year and anything else plain: a number as the locale writes it
        return key === 'hsfYearBuilt' ? String(v) : format.number(v, 2)
    }
  }
  if (key === 'densities' && Array.isArray(v)) {
    const rows = v.filter(isRecord).map((d) =>
      t('audit.v.densityRow', {
        water: ctx.exists(`water.${String(d.waterRegime)}`) ? t(`water.${String(d.waterRegime)}`) : '',
        min: isNumber(d.minPlantsPerHa) ? format.densityNumber(d.minPlantsPerHa) : '—',
        opt: isNumber(d.optimumPlantsPerHa) ? format.densityNumber(d.optimumPlantsPerHa) : '—',
        max: isNumber(d.maxPlantsPerHa) ? format.densityNumber(d.maxPlantsPerHa) : '—',
        unit: format.densityUnitLabel,
      }),
    )
    return rows.length > 0 ? rows.join(t('audit.listSeparator')) : t('audit.v.empty')
  }
  return t('audit.v.changed')
}

/** A field's yield history, before and after: one line per year that was added, removed or changed. */
export function historyLines(ctx: SentenceContext, change: Change): string[] {
  const byYear = (v: unknown) =>
    new Map(
      (Array.isArray(v) ? v : [])
        .filter(isRecord)
        .filter((r) => isNumber(r.year) && isNumber(r.yieldKgPerHa))
        .map((r) => [r.year as number, r.yieldKgPerHa as number]),
    )
  const from = byYear(change.from)
  const to = byYear(change.to)
  const shown = (kg: number) => `${ctx.format.yieldNumber(kg)} ${ctx.format.yieldUnitLabel}`
  const years = [...new Set([...from.keys(), ...to.keys()])].sort((a, b) => b - a)
  const lines: string[] = []
  for (const year of years) {
    const a = from.get(year)
    const b = to.get(year)
    if (a === undefined && b !== undefined) lines.push(ctx.t('audit.d.yearAdded', { year, value: shown(b) }))
    else if (a !== undefined && b === undefined)
      lines.push(ctx.t('audit.d.yearRemoved', { year, value: shown(a) }))
    else if (a !== undefined && b !== undefined && a !== b)
      lines.push(ctx.t('audit.d.yearChanged', { year, from: shown(a), to: shown(b) }))
  }
  return lines
}

/** Changed keys → "备注、密度" and one from → to line each. */
function changeList(ctx: SentenceContext, kind: KeyKind, changes: Record<string, unknown>) {
  const keys = Object.keys(changes).filter((k) => isChange(changes[k]))
  const details = keys.flatMap((key) => {
    const change = changes[key] as Change
    const label = keyLabel(ctx, kind, key)
    if (key === 'history') return historyLines(ctx, change)
    return [
      ctx.t('audit.d.change', {
        key: label,
        from: valueText(ctx, key, change.from),
        to: valueText(ctx, key, change.to),
      }),
    ]
  })
  return {
    what: list(
      ctx,
      keys.map((k) => keyLabel(ctx, kind, k)),
    ),
    details,
    count: keys.length,
  }
}

/** Values set without a record of what was there before (bulk edits, settings, scenario changes). */
function setList(ctx: SentenceContext, kind: KeyKind, patch: Record<string, unknown>) {
  const keys = Object.keys(patch).filter((k) => k !== 'revision')
  return {
    what: list(
      ctx,
      keys.map((k) => keyLabel(ctx, kind, k)),
    ),
    details: keys.map((key) =>
      ctx.t('audit.d.set', { key: keyLabel(ctx, kind, key), to: valueText(ctx, key, patch[key]) }),
    ),
    count: keys.length,
  }
}

/** A scenario's change to some fields: null puts a field back to current practice for that item. */
function scenarioEditList(ctx: SentenceContext, edit: Record<string, unknown>) {
  const keys = Object.keys(edit).filter((k) => edit[k] !== undefined)
  const shown = (key: string, v: unknown) => {
    if (v === null) return ctx.t('audit.v.currentPractice')
    if (key === 'buildHsf') return ctx.t(v === true ? 'audit.v.build' : 'audit.v.noBuild')
    return valueText(ctx, key, v)
  }
  return {
    what: list(
      ctx,
      keys.map((k) => keyLabel(ctx, 'scenarioKey', k)),
    ),
    details: keys.map((key) =>
      ctx.t('audit.d.set', { key: keyLabel(ctx, 'scenarioKey', key), to: shown(key, edit[key]) }),
    ),
  }
}

function entityLabel(ctx: SentenceContext, entity: string): string {
  return ctx.exists(`audit.entity.${entity}`) ? ctx.t(`audit.entity.${entity}`) : ctx.t('audit.entity.other')
}

function plain(ctx: SentenceContext, e: AuditLogEntry): AuditSentence {
  const action = ctx.exists(`audit.action.${e.action}`) ? ctx.t(`audit.action.${e.action}`) : ''
  const entity = entityLabel(ctx, e.entity)
  const text =
    e.summary !== ''
      ? ctx.t('audit.s.other', { action, entity, name: clip(e.summary) })
      : ctx.t('audit.s.otherNoName', { action, entity })
  return { text, details: [] }
}

function fieldSentence(ctx: SentenceContext, e: AuditLogEntry): AuditSentence | null {
  const { t } = ctx
  const name = clip(e.summary)
  const d = e.detail
  if (e.action === 'create') return { text: t('audit.s.fieldCreate', { name }), details: [] }
  if (e.action === 'delete') return { text: t('audit.s.fieldDelete', { name }), details: [] }
  if (e.action === 'import' && isNumber(d.count)) {
    // An import that also updated fields already there names both numbers.
    if (isNumber(d.created) && Array.isArray(d.updated))
      return {
        text: t('audit.s.fieldImportMixed', {
          count: d.count,
          created: d.created,
          updated: d.updated.length,
        }),
        details: [],
      }
    return { text: t('audit.s.fieldImport', { count: d.count }), details: [] }
  }
  if (e.action !== 'update') return null
  // A field updated by an import row: what changed, under `changes`.
  if (typeof d.source === 'string' && isRecord(d.changes)) {
    const changes = changeList(ctx, 'fieldKey', d.changes)
    return { text: t('audit.s.fieldUpdateImport', { name, what: changes.what }), details: changes.details }
  }
  if (Array.isArray(d.ids) && isRecord(d.patch)) {
    const set = setList(ctx, 'fieldKey', d.patch)
    return { text: t('audit.s.fieldBulk', { count: d.ids.length, what: set.what }), details: set.details }
  }
  const changes = changeList(ctx, 'fieldKey', d)
  if (changes.count === 0) return { text: t('audit.s.fieldUnchanged', { name }), details: [] }
  return { text: t('audit.s.fieldUpdate', { name, what: changes.what }), details: changes.details }
}

function varietySentence(ctx: SentenceContext, e: AuditLogEntry): AuditSentence | null {
  const name = clip(e.summary)
  if (e.action === 'create') return { text: ctx.t('audit.s.varietyCreate', { name }), details: [] }
  if (e.action !== 'update') return null
  if (!e.changes) return { text: ctx.t('audit.s.varietyUpdateUnknown', { name }), details: [] }
  const changes = changeList(ctx, 'varietyKey', e.changes)
  if (changes.count === 0) return { text: ctx.t('audit.s.varietyUnchanged', { name }), details: [] }
  return { text: ctx.t('audit.s.varietyUpdate', { name, what: changes.what }), details: changes.details }
}

function scenarioSentence(ctx: SentenceContext, e: AuditLogEntry): AuditSentence | null {
  const { t } = ctx
  const name = clip(e.summary)
  const d = e.detail
  if (e.action === 'create') {
    if (!isNumber(d.copyFrom)) return { text: t('audit.s.scenarioCreate', { name }), details: [] }
    const from = ctx.names.scenario[d.copyFrom]
    return {
      text:
        from !== undefined
          ? t('audit.s.scenarioCopy', { name, from: clip(from) })
          : t('audit.s.scenarioCopyGone', { name }),
      details: [],
    }
  }
  if (e.action === 'delete') return { text: t('audit.s.scenarioDelete', { name }), details: [] }
  if (e.action !== 'update') return null
  if (typeof d.from === 'string' && typeof d.to === 'string')
    return { text: t('audit.s.scenarioRename', { from: clip(d.from), to: clip(d.to) }), details: [] }
  if (Array.isArray(d.fieldIds) && isRecord(d.edit)) {
    const edit = scenarioEditList(ctx, d.edit)
    return {
      text: t('audit.s.scenarioApply', { name, count: d.fieldIds.length, what: edit.what }),
      details: edit.details,
    }
  }
  return null
}

function assumptionSentence(ctx: SentenceContext, e: AuditLogEntry): AuditSentence | null {
  const { t, format } = ctx
  const key = e.summary
  const known = DEFAULT_BY_KEY.get(key)
  const name = known ? assumptionName(t, key) : clip(key)
  if (e.action === 'delete') return { text: t('audit.s.assumptionReset', { name }), details: [] }
  if (e.action !== 'update') return null
  const d = e.detail
  if (!isNumber(d.value) || !isNumber(d.low) || !isNumber(d.high)) return null
  const shown = assumptionDisplay(known?.unit ?? '', format, t)
  const n = (v: number) => format.number(shown.toDisplay(v), shown.digits)
  const unit = shown.unit === '' ? '' : ` ${shown.unit}`
  const details =
    typeof d.note === 'string' && d.note.trim() !== ''
      ? [t('audit.d.reason', { note: clip(d.note, 200) })]
      : []
  return {
    text: t('audit.s.assumptionSet', {
      name,
      value: `${n(d.value)}${unit}`,
      low: n(d.low),
      high: `${n(d.high)}${unit}`,
    }),
    details,
  }
}

function workspaceSentence(ctx: SentenceContext, e: AuditLogEntry): AuditSentence | null {
  if (e.action !== 'settings' && e.action !== 'update') return null
  // A change that kept what it replaced reads from → to; a settings patch names the new values.
  const values = Object.values(e.detail)
  if (values.length > 0 && values.every(isChange)) {
    const changes = changeList(ctx, 'workspaceKey', e.detail)
    return { text: ctx.t('audit.s.workspaceSettings', { what: changes.what }), details: changes.details }
  }
  const set = setList(ctx, 'workspaceKey', e.detail)
  if (set.count === 0) return null
  return { text: ctx.t('audit.s.workspaceSettings', { what: set.what }), details: set.details }
}

function planSentence(ctx: SentenceContext, e: AuditLogEntry): AuditSentence | null {
  const d = e.detail
  // A plan file merged in (engine/exchange/merge.ts): from whom, and what came in.
  if (e.action === 'import' && d.merge === true) {
    const names = (x: unknown) => (Array.isArray(x) ? x.map((n) => clip(String(n))).join('、') : '')
    return {
      text: ctx.t('audit.s.planMerge', {
        from: clip(String(d.from ?? '')),
        scenarios: names(d.scenarios) || '—',
        newFields: isNumber(d.newFields) ? d.newFields : 0,
        updatedFields: isNumber(d.updatedFields) ? d.updatedFields : 0,
        assumptions: Array.isArray(d.assumptions) ? d.assumptions.length : 0,
        loans: isNumber(d.loans) ? d.loans : 0,
      }),
      details: [],
    }
  }
  if (e.action !== 'import' || !isNumber(e.detail.fields)) return null
  const count = e.detail.fields
  return {
    text: ctx.t(e.summary === 'demo' ? 'audit.s.demoCreated' : 'audit.s.planImport', { count }),
    details: [],
  }
}

function groupSentence(ctx: SentenceContext, e: AuditLogEntry): AuditSentence | null {
  return e.action === 'create'
    ? { text: ctx.t('audit.s.groupCreate', { name: clip(e.summary) }), details: [] }
    : null
}

const VERSION_EVENTS = ['freeze', 'submit', 'comment', 'decision'] as const

function versionSentence(ctx: SentenceContext, e: AuditLogEntry): AuditSentence | null {
  const d = e.detail
  const event = VERSION_EVENTS.find((x) => x === d.event)
  if (!event || !isNumber(d.number) || typeof d.title !== 'string') return null
  const outcome =
    d.outcome === 'approved' || d.outcome === 'rejected' ? ctx.t(`audit.outcome.${d.outcome}`) : ''
  const by = typeof d.by === 'string' ? d.by : typeof d.author === 'string' ? d.author : ''
  const scenario = typeof d.scenario === 'string' ? d.scenario : ''
  return {
    text: ctx.t(`audit.s.version.${event}`, {
      number: d.number,
      title: clip(d.title),
      by,
      outcome,
      scenario,
    }),
    details: [],
  }
}

function charterSentence(ctx: SentenceContext, e: AuditLogEntry): AuditSentence | null {
  return e.action === 'settings' ? { text: ctx.t('audit.s.charter'), details: [] } : null
}

function optimiserSentence(ctx: SentenceContext, e: AuditLogEntry): AuditSentence | null {
  return e.action === 'settings' ? { text: ctx.t('audit.s.optimiserProblem'), details: [] } : null
}

const BY_ENTITY: Record<string, (ctx: SentenceContext, e: AuditLogEntry) => AuditSentence | null> = {
  field: fieldSentence,
  variety: varietySentence,
  scenario: scenarioSentence,
  assumption: assumptionSentence,
  workspace: workspaceSentence,
  plan: planSentence,
  group: groupSentence,
  version: versionSentence,
  charter: charterSentence,
  optimiser: optimiserSentence,
  actual: actualSentence,
  season: seasonSentence,
}

export function describeEntry(ctx: SentenceContext, e: AuditLogEntry): AuditSentence {
  const own = BY_ENTITY[e.entity]
  return (own ? own(ctx, e) : null) ?? plain(ctx, e)
}
