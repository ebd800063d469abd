import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { citation, langOf, referencesOf, sourceLines } from '../../../engine/references'

/** The language citations are shown in: the workspace's (the UI's) language. */
export function useCitationLang() {
  const { i18n } = useTranslation()
  return langOf(i18n.language)
}

/** An assumption's publications, one citation a line with its address under it. */
export function Citations(props: { ids: readonly string[] }) {
  const lang = useCitationLang()
  return (
    <>
      {referencesOf(props.ids).map((r) => (
        <span key={r.id} style={{ display: 'block' }} data-testid="citation">
          <Typography.Text>{citation(r, lang)}</Typography.Text>
          {r.url && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {r.url}
            </Typography.Text>
          )}
        </span>
      ))}
    </>
  )
}

/** A variety's source as one line of text: the catalogue's citations, or the user's own words. */
export function useVarietySourceText() {
  const lang = useCitationLang()
  return (source: string) =>
    sourceLines(source, lang)
      .map((l) => l.text)
      .join('；')
}
