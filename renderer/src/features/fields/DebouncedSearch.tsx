import { Input } from 'antd'
import { startTransition, useEffect, useRef, useState } from 'react'

/** Typing is acted on once the user pauses, not at every key: thousands of rows need not follow each letter. */
export const SEARCH_DEBOUNCE_MS = 200

/**
 * A search box that keeps what is typed to itself (a key redraws only the box, never the list
 * under it) and hands the text on after a pause, or at once on Enter or clear. The list then
 * follows as a transition, drawn in slices. To empty it from outside, give it a new `key`.
 */
export function DebouncedSearch(props: {
  label: string
  onSearch: (text: string) => void
  width?: number
  initial?: string
}) {
  const [text, setText] = useState(props.initial ?? '')
  const onSearch = useRef(props.onSearch)
  onSearch.current = props.onSearch
  const sent = useRef(props.initial ?? '')
  const send = (value: string) => {
    if (value === sent.current) return
    sent.current = value
    startTransition(() => onSearch.current(value))
  }
  useEffect(() => {
    const timer = setTimeout(() => send(text), SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  })
  return (
    <Input.Search
      allowClear
      aria-label={props.label}
      placeholder={props.label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(value) => {
        setText(value)
        send(value)
      }}
      style={{ width: props.width ?? 260 }}
    />
  )
}
