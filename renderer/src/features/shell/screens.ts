import { type ComponentType, createElement, type LazyExoticComponent, lazy } from 'react'
import { loadScreenWords } from '../../i18n'
import type { Route } from './routes'

// Every screen but the overview loads on first visit, with its own code (and charts, and the risk
// workers) in chunks of its own, so the first screen loads only what it shows.
type Loader = () => Promise<{ default: ComponentType }>

/** A screen's module and the frame it needs (antd's App for toasts), fetched together. */
function framed<M>(load: () => Promise<M>, pick: (m: M) => ComponentType): Loader {
  return () =>
    Promise.all([import('./ScreenFrame'), load(), loadScreenWords()]).then(([frame, m]) => {
      const Screen = pick(m)
      return {
        default: () => createElement(frame.ScreenFrame, null, createElement(Screen)),
      }
    })
}

export const SCREEN_LOADERS = {
  fields: framed(
    () => import('../fields/FieldsScreen'),
    (m) => m.FieldsScreen,
  ),
  varieties: framed(
    () => import('../varieties/VarietiesScreen'),
    (m) => m.VarietiesScreen,
  ),
  assumptions: framed(
    () => import('../assumptions/AssumptionsScreen'),
    (m) => m.AssumptionsScreen,
  ),
  scenarios: framed(
    () => import('../scenarios/ScenariosScreen'),
    (m) => m.ScenariosScreen,
  ),
  density: framed(
    () => import('../density/DensityScreen'),
    (m) => m.DensityScreen,
  ),
  compare: framed(
    () => import('../compare/CompareScreen'),
    (m) => m.CompareScreen,
  ),
  risk: framed(
    () => import('../risk/RiskScreen'),
    (m) => m.RiskScreen,
  ),
  board: framed(
    () => import('../board/BoardScreen'),
    (m) => m.BoardScreen,
  ),
  optimiser: framed(
    () => import('../optimiser/OptimiserScreen'),
    (m) => m.OptimiserScreen,
  ),
  harvest: framed(
    () => import('../harvest/HarvestScreen'),
    (m) => m.HarvestScreen,
  ),
  exchange: framed(
    () => import('../exchange/ExchangeScreen'),
    (m) => m.ExchangeScreen,
  ),
  audit: framed(
    () => import('../audit/AuditScreen'),
    (m) => m.AuditScreen,
  ),
  settings: framed(
    () => import('../settings/SettingsScreen'),
    (m) => m.SettingsScreen,
  ),
} satisfies Partial<Record<Route, Loader>>

export type LazyRoute = keyof typeof SCREEN_LOADERS

function lazyAll<K extends string>(
  loaders: Record<K, Loader>,
): Record<K, LazyExoticComponent<ComponentType>> {
  const screens = {} as Record<K, LazyExoticComponent<ComponentType>>
  for (const key of Object.keys(loaders) as K[]) screens[key] = lazy(loaders[key])
  return screens
}

export const LAZY_SCREENS = lazyAll(SCREEN_LOADERS)

export function isLazyRoute(route: Route): route is LazyRoute {
  return route in SCREEN_LOADERS
}

/** Starts fetching a screen's code before the click (pointer over or focus on its menu item). */
export function preloadScreen(route: Route): void {
  if (isLazyRoute(route)) void SCREEN_LOADERS[route]().catch(() => undefined)
}
