import type { ActualRecord } from './types'

/** How an actual was entered: typed in the harvest screen, or read from a CSV. */
export const ACTUAL_SOURCES = ['hand', 'csv'] as const
export type ActualSource = (typeof ACTUAL_SOURCES)[number]

/** An actual as stored: the record, how it was entered and when. */
export type ActualEntry = ActualRecord & { source: ActualSource; recordedAt: string }

/** The ranges an actual must lie in (canonical units); the database holds the same bounds. */
export const ACTUAL_LIMITS = {
  firstYear: 1950,
  lastYear: 2100,
  yieldMaxKgPerHa: 30_000,
  priceMaxYuanPerKg: 100,
  costMaxYuanPerHa: 1_000_000,
} as const

/**
 * A field's yield history already holds another figure for the season being recorded. Neither
 * number is dropped without the user's word: the write stops ('stop', the default, naming each
 * one), the actual replaces the history's figure ('replace'), or the history keeps its own figure
 * and the actual is stored beside it ('keep').
 */
export type HistoryConflict = {
  fieldId: number
  fieldName: string
  year: number
  historyKgPerHa: number
  actualKgPerHa: number
}
export const ON_HISTORY_CONFLICT = ['stop', 'replace', 'keep'] as const
export type OnHistoryConflict = (typeof ON_HISTORY_CONFLICT)[number]

/** What one write of actuals did. */
export type ActualsWritten = {
  created: number
  updated: number
  /** records the write named exactly as stored: nothing written */
  unchanged: number
  /** seasons added to fields' yield histories */
  historyAdded: number
  /** history figures replaced by the actual (the user confirmed each) */
  historyReplaced: number
  /** history figures kept beside a different actual (the user chose so) */
  historyKept: number
}
