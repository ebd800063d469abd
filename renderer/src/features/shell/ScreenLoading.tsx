import { Alert, Button, Spin } from 'antd'
import { Component, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * What a screen shows while its code loads: a spinner with the screen's name, announced to screen
 * readers, in a box as tall as the content area so nothing below jumps when the screen arrives.
 */
export function ScreenLoading(props: { screen: string }) {
  const { t } = useTranslation()
  const text = t('app.loadingScreen', { screen: props.screen })
  return (
    <div
      role="status"
      aria-live="polite"
      aria-busy="true"
      data-testid="screen-loading"
      style={{ display: 'grid', placeItems: 'center', minHeight: 'calc(100vh - 160px)' }}
    >
      <Spin size="large" description={text} />
    </div>
  )
}

function ScreenFailed(props: { screen: string }) {
  const { t } = useTranslation()
  return (
    <Alert
      type="error"
      showIcon
      title={t('app.screenFailed', { screen: props.screen })}
      description={t('app.screenFailedHelp')}
      action={<Button onClick={() => window.location.reload()}>{t('app.retry')}</Button>}
    />
  )
}

/** A screen whose code cannot be loaded says so and offers a retry, instead of a blank window. */
export class ScreenBoundary extends Component<{ screen: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override render() {
    return this.state.failed ? <ScreenFailed screen={this.props.screen} /> : this.props.children
  }
}
