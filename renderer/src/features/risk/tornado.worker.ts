import '../../zod-setup'
import { isAppError } from '../../../../engine/errors'
import { sensitivity } from '../../../../engine/risk/sensitivity'
import type { FromTornadoWorker, ToTornadoWorker } from './risk-protocol'

// The tornado evaluates the plan twice per assumption with a range (about a hundred evaluations):
// seconds of work at thousands of fields, so it runs here, off the window's thread.
self.onmessage = (event: MessageEvent<ToTornadoWorker>) => {
  const { plan, scenarioId } = event.data
  let reply: FromTornadoWorker
  try {
    reply = { type: 'tornado', scenarioId, rows: sensitivity(plan, scenarioId) }
  } catch (error) {
    reply = { type: 'error', scenarioId, code: isAppError(error) ? error.code : 'INTERNAL' }
  }
  self.postMessage(reply)
}
