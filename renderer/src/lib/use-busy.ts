import { useCallback, useRef, useState } from 'react'

/**
 * One click is one action: while work started by a button runs, `busy` is true (the button shows
 * it and is disabled) and a second click — a double-click arrives before React has re-rendered —
 * starts nothing.
 */
export function useBusy(): [boolean, (work: () => Promise<void>) => Promise<void>] {
  const running = useRef(false)
  const [busy, setBusy] = useState(false)
  const run = useCallback(async (work: () => Promise<void>) => {
    if (running.current) return
    running.current = true
    setBusy(true)
    try {
      await work()
    } finally {
      running.current = false
      setBusy(false)
    }
  }, [])
  return [busy, run]
}
