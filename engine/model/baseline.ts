import { need, type Values } from '../assumptions/resolve'
import type { Crop, YieldRecord } from '../schemas/field'

export type BaselineSource = 'history' | 'regional_default'

export type Baseline = {
  yieldKgPerHa: number
  source: BaselineSource
  trendKgPerHaPerYear: number
  years: number
}

/**
 * A field's baseline yield under current practice, kg/ha: the trend-adjusted mean of its history
 * (the least-squares trend line at the latest year, the trend capped at ±baseline.maxTrendPerYear
 * of the mean), or with no history the regional default for the crop adjusted for quality grade.
 */
export function baselineYield(
  crop: Crop,
  qualityGrade: number,
  history: readonly YieldRecord[],
  values: Values,
): Baseline {
  if (history.length === 0) {
    const base = need(values, `baseline.default.${crop}`)
    const step = need(values, 'baseline.gradeStep')
    return {
      yieldKgPerHa: base * Math.max(0.3, 1 + step * (5 - qualityGrade)),
      source: 'regional_default',
      trendKgPerHaPerYear: 0,
      years: 0,
    }
  }
  const n = history.length
  let sumX = 0
  let sumY = 0
  let lastYear = -Infinity
  for (const h of history) {
    sumX += h.year
    sumY += h.yieldKgPerHa
    if (h.year > lastYear) lastYear = h.year
  }
  const meanX = sumX / n
  const meanY = sumY / n
  if (n < 3) return { yieldKgPerHa: meanY, source: 'history', trendKgPerHaPerYear: 0, years: n }
  let sxy = 0
  let sxx = 0
  for (const h of history) {
    sxy += (h.year - meanX) * (h.yieldKgPerHa - meanY)
    sxx += (h.year - meanX) ** 2
  }
  const cap = need(values, 'baseline.maxTrendPerYear') * meanY
  const slope = Math.max(-cap, Math.min(cap, sxx > 0 ? sxy / sxx : 0))
  return {
    yieldKgPerHa: Math.max(0, meanY + slope * (lastYear - meanX)),
    source: 'history',
    trendKgPerHaPerYear: slope,
    years: n,
  }
}
