import { Space, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { VersionSummary } from '../../../../engine/board/version'
import { AuditLog, type AuditPeriod } from '../audit/AuditLog'
import { localTime } from '../audit/audit-sentences'
import { previousVersion } from './VersionChanges'

/**
 * The span of the change log that belongs to a version: from the freeze of the version before it
 * up to and including this one's freeze (a freeze is logged at its version's own time), so the
 * period opens and closes with the two freezes; for the newest version, up to now, so what was
 * changed since the last freeze shows too.
 */
export function versionPeriod(
  versions: VersionSummary[],
  v: VersionSummary,
): AuditPeriod & { previous: VersionSummary | null; isNewest: boolean } {
  const previous = previousVersion(versions, v)
  const isNewest = versions.every((x) => x.number <= v.number)
  return {
    since: previous ? previous.createdAt : undefined,
    until: isNewest ? undefined : new Date(Date.parse(v.createdAt) + 1).toISOString(),
    previous,
    isNewest,
  }
}

function periodText(t: TFunction, v: VersionSummary, p: ReturnType<typeof versionPeriod>): string {
  const from = p.previous
    ? t('board.audit.after', { n: p.previous.number, at: localTime(p.previous.createdAt) })
    : t('board.audit.fromStart')
  const to = p.isNewest
    ? t('board.audit.untilNow')
    : t('board.audit.until', { n: v.number, at: localTime(v.createdAt) })
  return t('board.audit.period', { from, to })
}

/** The change log of a version's period, with the Audit screen's own list and filters. */
export function VersionAudit(props: { version: VersionSummary; versions: VersionSummary[] }) {
  const { t } = useTranslation()
  const period = versionPeriod(props.versions, props.version)
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Typography.Text type="secondary" data-testid="version-audit-period">
        {periodText(t, props.version, period)}
      </Typography.Text>
      <AuditLog
        period={{ since: period.since, until: period.until }}
        height={380}
        idPrefix="version-audit"
        emptyText={t('board.audit.empty')}
      />
    </Space>
  )
}
