import { useEffect, useState } from 'react'

/** Every capability of the product has a place in the navigation (DESIGN §2). */
export const ROUTES = [
  'overview',
  'fields',
  'varieties',
  'assumptions',
  'scenarios',
  'density',
  'compare',
  'risk',
  'board',
  'optimiser',
  'harvest',
  'exchange',
  'audit',
  'settings',
] as const
export type Route = (typeof ROUTES)[number]

/** Screens that work in this version; the rest say plainly that they are not built yet. */
export const BUILT_ROUTES: readonly Route[] = [
  'overview',
  'fields',
  'assumptions',
  'scenarios',
  'density',
  'board',
  'optimiser',
  'harvest',
  'exchange',
  'audit',
  'settings',
]
export const DEFAULT_ROUTE: Route = 'overview'

function parseHash(hash: string): Route {
  // A screen may be opened with what to show: #/compare?ids=3,7 (the part after ? is its own).
  const key = hash.replace(/^#\/?/, '').split('?')[0] ?? ''
  return (ROUTES as readonly string[]).includes(key) ? (key as Route) : DEFAULT_ROUTE
}

export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash))
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  const navigate = (next: Route) => {
    window.location.hash = `#/${next}`
  }
  return [route, navigate]
}

/** The ids a screen was opened with (#/compare?ids=3,7), in order; none when absent or not ids. */
export function hashIds(hash: string = window.location.hash): number[] | null {
  const query = hash.split('?')[1]
  if (!query) return null
  const raw = new URLSearchParams(query).get('ids')
  if (!raw) return null
  const ids = raw.split(',').map((x) => Number(x))
  return ids.every((id) => Number.isInteger(id) && id > 0) ? ids : null
}

/** The hash that opens Compare with these scenarios chosen. */
export function compareHash(ids: readonly number[]): string {
  return `#/compare?ids=${ids.join(',')}`
}
