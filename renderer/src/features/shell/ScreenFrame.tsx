import { App as AntApp } from 'antd'
import type { ReactNode } from 'react'

/**
 * Gives a screen loaded on demand antd's toasts and confirmations (App.useApp). It travels with the
 * screens' code, so the first screen does not load them.
 */
export function ScreenFrame(props: { children: ReactNode }) {
  return <AntApp component={false}>{props.children}</AntApp>
}
