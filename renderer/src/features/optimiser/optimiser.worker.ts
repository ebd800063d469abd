import '../../zod-setup'
import highsLoader from 'highs'
import wasmUrl from 'highs/runtime?url'
import { isAppError } from '../../../../engine/errors'
import { buildInput } from '../../../../engine/optimiser/candidates'
import { budgetFrontier, FRONTIER_SCALES } from '../../../../engine/optimiser/frontier'
import { optimise, type Solver } from '../../../../engine/optimiser/solve'
import type { FromOptimiser, ToOptimiser } from './optimiser-protocol'

// The solver runs off the window's thread. HiGHS cannot be interrupted from JavaScript while it
// solves, so Cancel terminates this worker (useOptimiserRun); a time limit ends a run that
// nobody cancels, with the best schedule found so far and its gap.
const OPTIMISER_TIME_LIMIT_SECONDS = 120

let solver: Promise<Solver> | null = null
const post = (message: FromOptimiser) => self.postMessage(message)

self.onmessage = async (event: MessageEvent<ToOptimiser>) => {
  const { type, plan, problem } = event.data
  try {
    // The wasm file is a separate asset of the build: the loader must be told where it is.
    solver ??= highsLoader({ locateFile: () => wasmUrl })
    const highs = await solver
    const input = buildInput(plan, problem)
    if (type === 'frontier') {
      // Each point is posted as it is solved: the curve grows on the page.
      budgetFrontier(highs, input, {
        timeLimitSeconds: OPTIMISER_TIME_LIMIT_SECONDS,
        onPoint: (point) => post({ type: 'frontierPoint', point, total: FRONTIER_SCALES.length }),
      })
      post({ type: 'frontierDone' })
      return
    }
    const result = optimise(highs, input, { timeLimitSeconds: OPTIMISER_TIME_LIMIT_SECONDS })
    post({
      type: 'result',
      result,
      baseline: { productionKg: input.baselineProductionKg, marginYuan: input.baselineMarginYuan },
    })
  } catch (error) {
    post({
      type: 'error',
      code: isAppError(error) ? error.code : 'INTERNAL',
      issues: isAppError(error) ? (error.details.issues ?? []) : [],
    })
  }
}
