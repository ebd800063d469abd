import { Button, Result, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Route } from './routes'

/** A screen that is not built yet says so, and what it will do; it never shows made-up numbers. */
export function ComingSoon(props: {
  route: Exclude<
    Route,
    'overview' | 'fields' | 'assumptions' | 'scenarios' | 'density' | 'compare' | 'settings'
  >
  onGoFields: () => void
}) {
  const { t } = useTranslation()
  return (
    <Result
      status="info"
      title={t('coming.title', { screen: t(`nav.${props.route}`) })}
      subTitle={t('coming.body')}
      extra={
        <Button type="primary" onClick={props.onGoFields}>
          {t('coming.goFields')}
        </Button>
      }
    >
      <Typography.Paragraph strong>{t('coming.plannedLabel')}</Typography.Paragraph>
      <Typography.Paragraph>{t(`coming.what.${props.route}`)}</Typography.Paragraph>
    </Result>
  )
}
