import type { AuditLogEntry } from '../../../../app/contract/audit'
import type { AuditSentence, SentenceContext } from './audit-sentences'

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const text = (v: unknown) => (typeof v === 'string' ? v : '')

/** A yield in the plan's units with its unit: 1,140 斤/亩. */
function yieldText(ctx: SentenceContext, kgPerHa: unknown): string {
  return isNumber(kgPerHa) ? `${ctx.format.yieldNumber(kgPerHa)} ${ctx.format.yieldUnitLabel}` : '—'
}

/**
 * A write of actuals (by hand or CSV): how many fields were new or changed, each changed yield,
 * and every history figure the season added, replaced or kept beside the actual.
 */
export function actualSentence(ctx: SentenceContext, e: AuditLogEntry): AuditSentence | null {
  const d = e.detail
  if (!Array.isArray(d.seasons) || !isNumber(d.created) || !isNumber(d.updated)) return null
  const seasons = d.seasons.filter(isNumber).join(ctx.t('audit.listSeparator'))
  const key = d.source === 'csv' ? 'audit.s.actualCsv' : 'audit.s.actualHand'
  const details: string[] = []
  if (isNumber(d.historyAdded) && d.historyAdded > 0)
    details.push(ctx.t('audit.s.actualHistoryAdded', { count: d.historyAdded }))
  const conflicts = Array.isArray(d.conflicts) ? d.conflicts.filter(isRecord) : []
  for (const c of conflicts) {
    const field = text(c.fieldName)
    const year = isNumber(c.year) ? c.year : ''
    if (d.onConflict === 'replace')
      details.push(
        ctx.t('audit.s.actualHistoryReplaced', {
          field,
          year,
          from: yieldText(ctx, c.historyKgPerHa),
          to: yieldText(ctx, c.actualKgPerHa),
        }),
      )
    else if (d.onConflict === 'keep')
      details.push(
        ctx.t('audit.s.actualHistoryKept', {
          field,
          year,
          history: yieldText(ctx, c.historyKgPerHa),
          actual: yieldText(ctx, c.actualKgPerHa),
        }),
      )
  }
  const changes = Array.isArray(d.changes) ? d.changes.filter(isRecord) : []
  for (const c of changes) {
    if (!isRecord(c.from) || !isRecord(c.to)) continue
    details.push(
      ctx.t('audit.s.actualChange', {
        field: text(c.field),
        year: isNumber(c.year) ? c.year : '',
        from: yieldText(ctx, c.from.yieldKgPerHa),
        to: yieldText(ctx, c.to.yieldKgPerHa),
      }),
    )
  }
  return { text: ctx.t(key, { seasons, created: d.created, updated: d.updated }), details }
}

/** The scenario carried out in a season, by today's name of the scenario. */
export function seasonSentence(ctx: SentenceContext, e: AuditLogEntry): AuditSentence | null {
  const d = e.detail
  if (!isNumber(d.seasonYear)) return null
  const name =
    isNumber(d.to) && ctx.names.scenario[d.to] !== undefined
      ? `「${ctx.names.scenario[d.to]}」`
      : ctx.t('audit.s.seasonBaseline')
  return { text: ctx.t('audit.s.season', { year: d.seasonYear, name }), details: [] }
}
