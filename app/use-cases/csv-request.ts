import type { CsvProblem } from '../../engine/csv/read-csv'
import { AppError } from '../../engine/errors'

/** How many problems a preview or a refused import lists; more are not needed to fix a file. */
export const PROBLEMS_LISTED = 200

/**
 * The bytes of a request. Node's decoder skips characters that are not base64 without a word, so
 * a length that does not match means bytes would be lost: refused.
 */
export function bytesOf(base64: string): Uint8Array {
  const bytes = Buffer.from(base64, 'base64')
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0
  if (base64.length % 4 !== 0 || bytes.length !== (base64.length / 4) * 3 - padding) {
    throw new AppError('VALIDATION', 'The file did not arrive whole', {
      issues: [{ path: ['base64'], rule: 'invalid' }],
    })
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)
}

/** The refusal of an import: every problem as the preview lists it, and as issues (path: row, column). */
export function refused(problems: CsvProblem[]): AppError {
  const listed = problems.slice(0, PROBLEMS_LISTED)
  return new AppError('VALIDATION', 'The CSV has problems; nothing was imported', {
    problems: listed,
    issues: listed.map((p) => ({
      path: [p.row, p.column],
      rule: p.rule,
      ...(p.params ? { params: p.params } : {}),
    })),
  })
}
