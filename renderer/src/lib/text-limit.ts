import type { TFunction } from 'i18next'

/**
 * A text input with a length limit shows how many characters it holds (red past the limit) and
 * never cuts what was typed or pasted: a name over the limit is refused with the rule's own
 * sentence ("最多 60 个字"), so the user decides what to shorten. Characters are counted as the
 * back end's schema counts them (after trimming where the schema trims).
 */
export function textLimit(t: TFunction, max: number, options: { trim?: boolean } = {}) {
  const length = (value: string) => (options.trim ? value.trim() : value).length
  const message = t('errors.rule.max_string', { limit: max })
  return {
    /** props for antd Input / Input.TextArea */
    count: { show: true, max, strategy: length },
    /** the sentence while the text is too long, else null */
    problem: (value: unknown) => (typeof value === 'string' && length(value) > max ? message : null),
    /**
     * Form.Item props that say it under the input as soon as the text is too long (and leave the
     * item's own messages alone otherwise).
     */
    item: (value: unknown) =>
      typeof value === 'string' && length(value) > max
        ? { help: message, validateStatus: 'error' as const }
        : {},
  }
}
