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
  'exchange',
  'audit',
  'settings',
]
export const DEFAULT_ROUTE: Route = 'overview'

function parseHash(hash: string): Route {
  const key = hash.replace(/^#\/?/, '')
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
