import { UsageError } from './args'

/**
 * Deepest nesting a plan file may have. A real plan is six levels deep (file, plan, fields, one
 * field, history, one year); reading and checking a file thousands of levels deep would overflow
 * the stack.
 */
export const MAX_JSON_DEPTH = 64

/**
 * Refuses JSON text nested deeper than MAX_JSON_DEPTH, in one pass that reads brackets outside
 * strings only. It does not check that the text is JSON: parsing does that afterwards.
 */
export function checkJsonDepth(text: string, limit = MAX_JSON_DEPTH): void {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) {
      inString = true
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) throw new UsageError('cli.tooDeep', { limit })
    } else if (c === 0x5d || c === 0x7d) {
      depth--
    }
  }
}
