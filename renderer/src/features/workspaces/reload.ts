/**
 * After the open workspace changes, the whole page starts again on it: no screen can keep data of
 * the workspace before (a half-typed form, a risk run, a cached plan).
 */
export function reloadInto(route: 'overview' | 'fields' | 'settings'): void {
  window.location.hash = `#/${route}`
  window.location.reload()
}
