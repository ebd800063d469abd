import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../use-cases/plan-file'
import { UsageError } from './args'

export { MAX_JSON_DEPTH }

/** The command line's one-line refusal of a file nested deeper than plan files may be. */
export function checkJsonDepth(text: string, limit = MAX_JSON_DEPTH): void {
  if (exceedsJsonDepth(text, limit)) throw new UsageError('cli.tooDeep', { limit })
}
