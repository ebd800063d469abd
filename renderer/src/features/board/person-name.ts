import { VERSION_LIMITS } from '../../../../engine/board/version'

/**
 * There is no login: whoever freezes, comments or records types a name. The last name typed on this
 * computer is offered again (most often the same manager), and can always be changed.
 */
const KEY = 'fengshou.board.name'

export function rememberedName(): string {
  try {
    return (window.localStorage.getItem(KEY) ?? '').slice(0, VERSION_LIMITS.authorMaxChars)
  } catch {
    return ''
  }
}

export function rememberName(name: string): void {
  try {
    window.localStorage.setItem(KEY, name.trim())
  } catch {
    // A window without storage (private mode) simply offers no name next time.
  }
}
