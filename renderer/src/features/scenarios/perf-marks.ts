import { useEffect } from 'react'

// "Edit a density and see the KPIs update" is a performance bar (DESIGN §6). The editor marks the
// input, the result panel marks the frame after the new KPIs are committed, and the measure
// between them is what `npm run bench` reads in Chromium.
const INPUT = 'fengshou:density-input'
const RENDERED = 'fengshou:kpi-rendered'
export const DENSITY_TO_KPI = 'fengshou:density-to-kpi'

export function markDensityInput(): void {
  performance.clearMarks(INPUT)
  performance.mark(INPUT)
}

export function useKpiRenderedMark(result: unknown): void {
  useEffect(() => {
    if (result === undefined || performance.getEntriesByName(INPUT, 'mark').length === 0) return
    const frame = requestAnimationFrame(() => {
      performance.mark(RENDERED)
      performance.measure(DENSITY_TO_KPI, INPUT, RENDERED)
      performance.clearMarks(INPUT)
    })
    return () => cancelAnimationFrame(frame)
  }, [result])
}
