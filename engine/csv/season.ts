import type { Issue } from '../errors'

/**
 * Yield records belong to seasons that have happened: this season's harvest may be entered, a
 * later year's cannot (it is a typing mistake, 2052 for 2025, or a plan taken for a record). The
 * engine has no clock: the current year comes in from the caller (the use-case's ctx.now()).
 */
export function futureYear(year: number, currentYear: number): boolean {
  return year > currentYear
}

/** Every yield record of a field's history for a year after the current season, by its index. */
export function futureYearIssues(history: readonly { year: number }[], currentYear: number): Issue[] {
  const issues: Issue[] = []
  history.forEach((record, index) => {
    if (futureYear(record.year, currentYear))
      issues.push({
        path: ['history', index, 'year'],
        rule: 'year_in_future',
        params: { year: record.year, limit: currentYear },
      })
  })
  return issues
}
