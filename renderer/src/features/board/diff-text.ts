import type { TFunction } from 'i18next'
import type { AuditPage } from '../../../../app/contract/audit'
import { DEFAULT_BY_KEY } from '../../../../engine/assumptions/defaults'
import type { FieldRef, ValueChange, VersionDiff } from '../../../../engine/board/version-diff'
import type { Plan } from '../../../../engine/schemas/plan'
import { assumptionDisplay, assumptionName } from '../../lib/assumption-format'
import type { Format } from '../../lib/format'
import { historyLines, keyLabel, type SentenceContext, valueText } from '../audit/audit-sentences'

/**
 * What changed between two versions, read as sentences in the user's language and the plan's
 * units: the same wording and the same value formats as the change log (修改记录), so a board member
 * reads a density as "4,500 株/亩" in both places. Varieties, groups and scenarios are named as each
 * version knew them.
 */
export type DiffItem = { title: string; lines: string[] }
export type DiffSectionKey = 'fields' | 'scenarios' | 'assumptions' | 'varieties' | 'loans'
export type DiffSection = { key: DiffSectionKey; title: string; items: DiffItem[] }

export type DiffContext = {
  t: TFunction
  format: Format
  exists: (key: string) => boolean
}

function namesOf(plan: Plan): AuditPage['names'] {
  const pick = (items: readonly { id: number; name: string }[]) =>
    Object.fromEntries(items.map((x) => [x.id, x.name])) as Record<number, string>
  return { variety: pick(plan.varieties), group: pick(plan.groups), scenario: pick(plan.scenarios) }
}

function clip(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}

function fieldTitle(t: TFunction, f: FieldRef): string {
  return f.village.trim() === ''
    ? f.name
    : t('board.diff.fieldInVillage', { name: f.name, village: f.village })
}

/** Each version's own names for what its values refer to. */
function sides(ctx: DiffContext, from: Plan, to: Plan): { a: SentenceContext; b: SentenceContext } {
  const base = { t: ctx.t, format: ctx.format, exists: ctx.exists }
  return { a: { ...base, names: namesOf(from) }, b: { ...base, names: namesOf(to) } }
}

function changeLine(t: TFunction, key: string, from: string, to: string): string {
  return t('audit.d.change', { key, from, to })
}

function fieldLines(a: SentenceContext, b: SentenceContext, changes: ValueChange[]): string[] {
  return changes.flatMap((c) => {
    if (c.key === 'history') {
      const lines = historyLines(b, { from: c.from, to: c.to })
      return lines.length > 0 ? lines : [changeLine(b.t, keyLabel(b, 'fieldKey', 'history'), '…', '…')]
    }
    return [
      changeLine(b.t, keyLabel(b, 'fieldKey', c.key), valueText(a, c.key, c.from), valueText(b, c.key, c.to)),
    ]
  })
}

/** What a scenario does to a field, one setting: "as today" where it changes nothing. */
function scenarioSetting(ctx: SentenceContext, key: string, v: unknown): string {
  if (v === null || v === undefined) return ctx.t('board.diff.asToday')
  if (key === 'buildHsf') return ctx.t(v === true ? 'audit.v.build' : 'audit.v.noBuild')
  return valueText(ctx, key, v)
}

function scenarioHeaderValue(ctx: SentenceContext, key: string, v: unknown): string {
  if (key === 'seasonYear' && typeof v === 'number') return ctx.t('board.diff.seasonYear', { year: v })
  if (typeof v === 'string') return v.trim() === '' ? ctx.t('audit.v.empty') : `「${clip(v)}」`
  return valueText(ctx, key, v)
}

function scenarioKeyLabel(ctx: SentenceContext, key: string): string {
  const k = `board.diff.scenarioKey.${key}`
  return ctx.exists(k) ? ctx.t(k) : ctx.t('audit.otherItem')
}

function assumptionSide(
  ctx: DiffContext,
  unit: string,
  side: { value: number; low: number; high: number } | null,
): string {
  if (!side) return ctx.t('board.diff.default')
  const shown = assumptionDisplay(unit, ctx.format, ctx.t)
  const n = (v: number) => ctx.format.number(shown.toDisplay(v), shown.digits)
  const u = shown.unit === '' ? '' : ` ${shown.unit}`
  return ctx.t('board.diff.assumptionValue', {
    value: `${n(side.value)}${u}`,
    low: n(side.low),
    high: `${n(side.high)}${u}`,
  })
}

function loanValue(ctx: SentenceContext, names: AuditPage['names'], key: string, v: unknown): string {
  const { t, format } = ctx
  if (v === null || v === undefined || v === '') return t('audit.v.empty')
  if (typeof v === 'number') {
    switch (key) {
      case 'amountYuan':
        return t('board.diff.yuan', { value: format.money(v) })
      case 'annualRate':
      case 'interestSubsidyShare':
        return `${format.number(v * 100, 2)}%`
      case 'termYears':
        return t('finance.years', { n: v })
      case 'scenarioId':
        return names.scenario[v] !== undefined ? `「${names.scenario[v]}」` : t('audit.otherItem')
      default:
        return format.number(v, 2)
    }
  }
  if (key === 'repayment' && typeof v === 'string' && ctx.exists(`finance.repayment.${v}`))
    return t(`finance.repayment.${v}`)
  if (typeof v === 'string') return `「${clip(v)}」`
  return t('audit.v.changed')
}

function loanTitle(
  t: TFunction,
  names: AuditPage['names'],
  loan: { name: string; scenarioId: number },
): string {
  const scenario = names.scenario[loan.scenarioId] ?? t('audit.otherItem')
  return loan.name.trim() === ''
    ? t('board.diff.loanUnnamed', { scenario })
    : t('board.diff.loanNamed', { name: loan.name, scenario })
}

/** The diff as sections of titled items, each a list of sentences; empty sections are left out. */
export function describeDiff(ctx: DiffContext, diff: VersionDiff, from: Plan, to: Plan): DiffSection[] {
  const { t } = ctx
  const { a, b } = sides(ctx, from, to)
  const sep = t('audit.listSeparator')
  const sections: DiffSection[] = []
  const list = (title: string, names: string[]): DiffItem[] =>
    names.length > 0 ? [{ title, lines: [names.join(sep)] }] : []

  const fields: DiffItem[] = [
    ...list(
      t('board.diff.added', { count: diff.fields.added.length }),
      diff.fields.added.map((f) => fieldTitle(t, f)),
    ),
    ...list(
      t('board.diff.removed', { count: diff.fields.removed.length }),
      diff.fields.removed.map((f) => fieldTitle(t, f)),
    ),
    ...diff.fields.changed.map((f) => ({ title: fieldTitle(t, f), lines: fieldLines(a, b, f.changes) })),
  ]
  if (fields.length > 0)
    sections.push({
      key: 'fields',
      title: t('board.diff.fields', {
        added: diff.fields.added.length,
        removed: diff.fields.removed.length,
        changed: diff.fields.changed.length,
      }),
      items: fields,
    })

  const scenarios: DiffItem[] = [
    ...list(
      t('board.diff.added', { count: diff.scenarios.added.length }),
      diff.scenarios.added.map((s) => `「${s.name}」`),
    ),
    ...list(
      t('board.diff.removed', { count: diff.scenarios.removed.length }),
      diff.scenarios.removed.map((s) => `「${s.name}」`),
    ),
    ...diff.scenarios.changed.map((s) => ({
      title: t('board.diff.scenarioTitle', { name: s.name }),
      lines: [
        ...s.changes.map((c) =>
          changeLine(
            t,
            scenarioKeyLabel(b, c.key),
            scenarioHeaderValue(a, c.key, c.from),
            scenarioHeaderValue(b, c.key, c.to),
          ),
        ),
        ...s.fields.map((f) =>
          t('board.diff.scenarioField', {
            field: f.fieldName,
            what: f.changes
              .map((c) =>
                changeLine(
                  t,
                  keyLabel(b, 'scenarioKey', c.key),
                  scenarioSetting(a, c.key, c.from),
                  scenarioSetting(b, c.key, c.to),
                ),
              )
              .join(t('board.diff.partSeparator')),
          }),
        ),
      ],
    })),
  ]
  if (scenarios.length > 0)
    sections.push({ key: 'scenarios', title: t('board.diff.scenarios'), items: scenarios })

  const assumptions: DiffItem[] = diff.assumptions.map((d) => {
    const unit = d.unit ?? DEFAULT_BY_KEY.get(d.key)?.unit ?? ''
    const name = ctx.exists(`assumptionName.${d.key.replaceAll('.', '_')}`)
      ? assumptionName(t, d.key)
      : t('audit.otherItem')
    const note = d.to && d.note.trim() !== '' ? [t('audit.d.reason', { note: clip(d.note, 200) })] : []
    return {
      title: name,
      lines: [
        t('board.diff.assumptionChange', {
          from: assumptionSide(ctx, unit, d.from),
          to: assumptionSide(ctx, unit, d.to),
        }),
        ...note,
      ],
    }
  })
  if (assumptions.length > 0)
    sections.push({ key: 'assumptions', title: t('board.diff.assumptions'), items: assumptions })

  const varieties: DiffItem[] = [
    ...list(
      t('board.diff.added', { count: diff.varieties.added.length }),
      diff.varieties.added.map((v) => v.name),
    ),
    ...list(
      t('board.diff.removed', { count: diff.varieties.removed.length }),
      diff.varieties.removed.map((v) => v.name),
    ),
    ...diff.varieties.changed.map((v) => ({
      title: v.name,
      lines: v.changes.map((c) =>
        changeLine(
          t,
          keyLabel(b, 'varietyKey', c.key),
          valueText(a, c.key, c.from),
          valueText(b, c.key, c.to),
        ),
      ),
    })),
  ]
  if (varieties.length > 0)
    sections.push({ key: 'varieties', title: t('board.diff.varieties'), items: varieties })

  const loanKey = (key: string) =>
    ctx.exists(`board.diff.loanKey.${key}`) ? t(`board.diff.loanKey.${key}`) : t('audit.otherItem')
  const loans: DiffItem[] = [
    ...list(
      t('board.diff.added', { count: diff.loans.added.length }),
      diff.loans.added.map((l) => loanTitle(t, b.names, l)),
    ),
    ...list(
      t('board.diff.removed', { count: diff.loans.removed.length }),
      diff.loans.removed.map((l) => loanTitle(t, a.names, l)),
    ),
    ...diff.loans.changed.map((l) => ({
      title: loanTitle(t, b.names, l),
      lines: l.changes.map((c) =>
        changeLine(
          t,
          loanKey(c.key),
          loanValue(a, a.names, c.key, c.from),
          loanValue(b, b.names, c.key, c.to),
        ),
      ),
    })),
  ]
  if (loans.length > 0) sections.push({ key: 'loans', title: t('board.diff.loans'), items: loans })

  return sections
}
