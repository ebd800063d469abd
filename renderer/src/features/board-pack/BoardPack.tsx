import { Alert, Spin } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VersionDetail } from '../../../../engine/board/version'
import type { Locale } from '../../../../engine/i18n/locale'
import { api, unwrap } from '../../api'
import { switchLanguage } from '../../i18n'
import { apiErrorOf, errorMessage } from '../../lib/errors'
import { PackDocument } from './PackDocument'
import type { PrintRoute } from './print-route'

type State =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; detail: VersionDetail; lang: Locale }

/**
 * The print route's page: reads the stored version (versions:get) and nothing else, draws its
 * pack, and then marks the body `data-pack-ready="true"`; the desktop app's printer and the tests
 * wait for that mark. A version that cannot be read marks `data-pack-error` with the error's code.
 */
export function BoardPack(props: { route: PrintRoute }) {
  const { t, i18n } = useTranslation()
  const { versionId } = props.route
  const lang: Locale = props.route.lang ?? (i18n.language === 'en' ? 'en' : 'zh-CN')
  const [state, setState] = useState<State>({ status: 'loading' })
  // A new i18n object comes with every change of language (react-i18next): read it through a ref,
  // so that switching to the pack's language does not fetch the version again.
  const i18nRef = useRef(i18n)
  i18nRef.current = i18n

  useEffect(() => {
    let live = true
    delete document.body.dataset.packReady
    delete document.body.dataset.packError
    void (async () => {
      try {
        await switchLanguage(i18nRef.current, lang)
        const detail = await unwrap(api.versionsGet({ id: versionId }))
        if (live) setState({ status: 'ready', detail, lang })
      } catch (error) {
        if (!live) return
        setState({ status: 'failed', error })
        document.body.dataset.packError = apiErrorOf(error)?.code ?? 'INTERNAL'
      }
    })()
    return () => {
      live = false
    }
  }, [versionId, lang])

  const ready = state.status === 'ready' ? state.detail : null
  useEffect(() => {
    if (!ready) return
    let live = true
    // The PDF's title, and the name the desktop app offers when saving it.
    document.title = t('pack.fileName', { coop: ready.coop.name, number: ready.number })
    // Drawn: React has committed the pages; the fonts they use are loaded before the mark.
    const fonts = (document as { fonts?: { ready: Promise<unknown> } }).fonts?.ready ?? Promise.resolve()
    void fonts.then(() => {
      if (live) document.body.dataset.packReady = 'true'
    })
    return () => {
      live = false
      delete document.body.dataset.packReady
    }
  }, [ready, t])

  if (state.status === 'loading')
    return (
      <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
        <Spin size="large" description={t('pack.loading')} />
      </div>
    )
  if (state.status === 'failed')
    return (
      <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh', padding: 24 }}>
        <Alert
          type="error"
          showIcon
          style={{ maxWidth: 640 }}
          title={t('pack.failed', { id: versionId })}
          description={errorMessage(t, state.error)}
        />
      </div>
    )
  return <PackDocument detail={state.detail} lang={state.lang} />
}
