import type { ActualRecord } from '../actuals/types'
import type { AreaUnit, MassUnit } from '../units'
import type { CsvProblem } from './read-csv'

/** The units an actuals CSV's numbers are read in, when its headers do not say. */
export type ActualsCsvUnits = {
  yieldMass: MassUnit
  yieldArea: AreaUnit
  priceMass: MassUnit
  costArea: AreaUnit
}

export type ParsedActuals = {
  /** canonical records (kg/ha, yuan/kg, yuan/ha), one per row without problems */
  records: ActualRecord[]
  problems: CsvProblem[]
  /** rows read, header excluded */
  rows: number
  encoding: 'utf-8' | 'gb18030'
}

/**
 * An actuals CSV (实收) in UTF-8 or GB18030: field name, season, actual yield, and optionally the
 * sale price and the cost, in the units its headers name or the workspace's. Fields are matched by
 * name. (Being built.)
 */
export function parseActualsCsv(
  _bytes: Uint8Array,
  _fields: readonly { id: number; name: string }[],
  _units: ActualsCsvUnits,
  _currentYear: number,
): ParsedActuals {
  throw new Error('parseActualsCsv: not built yet')
}
