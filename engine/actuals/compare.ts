import type { Plan } from '../schemas/plan'
import type { ActualRecord, PlanVsActual, SeasonRecord } from './types'

/**
 * Forecast against actual for one season (issue 13): the scenario carried out is evaluated with the
 * plan's assumptions; each field's actual yield is set against that forecast and its P10–P90 band.
 * (Being built: the body lands with the calibration work.)
 */
export function comparePlanToActual(
  _plan: Plan,
  _actuals: ActualRecord[],
  _season: SeasonRecord,
): PlanVsActual {
  throw new Error('comparePlanToActual: not built yet')
}
