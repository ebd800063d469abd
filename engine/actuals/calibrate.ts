import type { Plan } from '../schemas/plan'
import type { ActualRecord, CalibrationProposal, SeasonRecord } from './types'

/**
 * Calibration from the co-op's own data (issue 13): how far each factor's assumed uplift was off,
 * shrunk towards the defaults by the amount of evidence. (Being built.)
 */
export function proposeCalibration(
  _plan: Plan,
  _actuals: ActualRecord[],
  _seasons: SeasonRecord[],
): CalibrationProposal[] {
  throw new Error('proposeCalibration: not built yet')
}
