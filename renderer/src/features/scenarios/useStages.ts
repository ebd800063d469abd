import { startTransition, useEffect, useState } from 'react'

/**
 * Mounts a screen's heavy parts one after another instead of all at once: part 1 after the frame
 * that shows what is already there, part 2 after the next, and so on. Mounting a chart or a large
 * table measures the page and registers styles; done together for a whole screen that is one task
 * of several hundred ms on a modest laptop, done part by part each task stays short and the window
 * keeps answering. Returns how many parts may be shown (0 until `ready`). A part not shown yet
 * should show a skeleton, so the user (and a test waiting for the screen to be at rest) sees that
 * it is coming.
 */
export function useStages(parts: number, ready = true): number {
  const [shown, setShown] = useState(0)
  useEffect(() => {
    if (!ready || shown >= parts) return
    let timer: ReturnType<typeof setTimeout> | undefined
    // After the next paint (a frame, then a task), so each part gets a task of its own.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setShown((n) => n + 1)), 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      if (timer !== undefined) clearTimeout(timer)
    }
  }, [ready, shown, parts])
  return ready ? shown : 0
}

/**
 * A value that follows `value` once it has stopped changing for `ms` (at once the first time), as a
 * transition. While a density is dragged the KPIs follow every step; the chart and the tables under
 * them follow this, so they are drawn once when the hand rests instead of at every step.
 */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    if (Object.is(value, settled)) return
    const timer = setTimeout(() => startTransition(() => setSettled(value)), ms)
    return () => clearTimeout(timer)
  }, [value, settled, ms])
  return settled
}
