import { Alert, Button, ConfigProvider, Spin, theme } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '../../../../app/contract/contract'
import type { Workspace } from '../../../../engine/schemas/workspace'
import { api, setLoadedWorkspace, unwrap, WORKSPACE_CHANGED_EVENT } from '../../api'
import { loadScreenWords, switchLanguage } from '../../i18n'
import { apiErrorOf, errorMessage } from '../../lib/errors'
import { usePrefersReducedMotion } from '../../lib/reduced-motion'
import { parsePrintHash } from '../board-pack/print-route'
import { WorkspaceProvider } from '../workspace/WorkspaceContext'
import { Welcome } from '../workspaces/Welcome'
import { Shell } from './Shell'
import { takeStartupWorkspace } from './startup'

// The board pack's print route: its code arrives only when a pack is opened.
const BoardPack = lazy(() =>
  Promise.all([import('../board-pack/BoardPack'), loadScreenWords()]).then(([m]) => ({
    default: m.BoardPack,
  })),
)

type State =
  | { status: 'loading' }
  | { status: 'welcome' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; workspace: Workspace; info: AppInfo }

/**
 * The base text style antd's App component gives its subtree, without App itself: the toasts and
 * confirmations it provides are only used by later screens, which bring it along (ScreenFrame).
 */
function AppBase(props: { children: ReactNode }) {
  const { token } = theme.useToken()
  return (
    <div
      style={{
        color: token.colorText,
        fontSize: token.fontSize,
        lineHeight: token.lineHeight,
        fontFamily: token.fontFamily,
      }}
    >
      {props.children}
    </div>
  )
}

export function App() {
  const { t, i18n } = useTranslation()
  const [state, setState] = useState<State>({ status: 'loading' })
  const reducedMotion = usePrefersReducedMotion()
  // A print route (#/print/…) shows one document without the shell; it is fixed for the page's life.
  const [printRoute] = useState(() => parsePrintHash(window.location.hash))

  // react-i18next hands out a new i18n object at every change of language; the start-up load must
  // not run again because of one (a print route in another language than the workspace's would
  // switch back and forth for ever), so it reads the instance through a ref.
  const i18nRef = useRef(i18n)
  i18nRef.current = i18n
  const load = useCallback(async () => {
    setState({ status: 'loading' })
    try {
      const [workspace, info] = await (takeStartupWorkspace() ??
        Promise.all([unwrap(api.workspaceGet()), unwrap(api.appInfo())]))
      // A print route speaks the language it asks for (?lang=), not necessarily the workspace's.
      await switchLanguage(i18nRef.current, printRoute?.lang ?? workspace.locale)
      setLoadedWorkspace(info.workspaceId)
      setState({ status: 'ready', workspace, info })
    } catch (error) {
      // No workspace open yet: the first start, or the open one was removed.
      if (apiErrorOf(error)?.code === 'NO_WORKSPACE') setState({ status: 'welcome' })
      else setState({ status: 'failed', error })
    }
  }, [printRoute])

  useEffect(() => {
    void load()
  }, [load])

  // Another window opened another workspace: this page's data is no longer the open file's.
  const [switchedElsewhere, setSwitchedElsewhere] = useState(false)
  useEffect(() => {
    const onChanged = () => setSwitchedElsewhere(true)
    window.addEventListener(WORKSPACE_CHANGED_EVENT, onChanged)
    return () => window.removeEventListener(WORKSPACE_CHANGED_EVENT, onChanged)
  }, [])

  useEffect(() => {
    document.documentElement.lang = i18n.language
    // A print route titles its own document (the PDF's title and file name).
    if (!printRoute) document.title = t('app.title')
  }, [i18n.language, t, printRoute])

  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      // Users who ask their system for less motion get no transitions (drop-downs, drawers, waves).
      theme={{ token: { colorPrimary: '#2f7d32', motion: !reducedMotion } }}
    >
      <AppBase>
        {state.status === 'loading' && (
          <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
            <Spin size="large" description={t('app.loading')} />
          </div>
        )}
        {state.status === 'failed' && (
          <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh', padding: 24 }}>
            <Alert
              type="error"
              showIcon
              style={{ maxWidth: 640 }}
              title={t('app.openFailed')}
              description={errorMessage(t, state.error)}
              action={<Button onClick={() => void load()}>{t('app.retry')}</Button>}
            />
          </div>
        )}
        {state.status === 'welcome' && <Welcome />}
        {switchedElsewhere && (
          <div
            role="alertdialog"
            aria-modal="true"
            style={{
              position: 'fixed',
              inset: 0,
              background: 'rgba(0,0,0,0.45)',
              display: 'grid',
              placeItems: 'center',
              zIndex: 2000,
            }}
          >
            <Alert
              type="warning"
              showIcon
              style={{ maxWidth: 560 }}
              title={t('errors.code.WORKSPACE_CHANGED')}
              action={
                <Button type="primary" onClick={() => window.location.reload()}>
                  {t('workspaces.reloadPage')}
                </Button>
              }
            />
          </div>
        )}
        {state.status === 'ready' && printRoute && (
          <Suspense
            fallback={
              <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
                <Spin size="large" description={t('app.loading')} />
              </div>
            }
          >
            <BoardPack route={printRoute} />
          </Suspense>
        )}
        {state.status === 'ready' && !printRoute && (
          <WorkspaceProvider workspace={state.workspace} info={state.info}>
            <Shell />
          </WorkspaceProvider>
        )}
      </AppBase>
    </ConfigProvider>
  )
}
