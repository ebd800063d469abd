import '../../zod-setup'
import { isAppError } from '../../../../engine/errors'
import { createSimulation, mergeRisk, prepareRisk, type ScenarioRisk } from '../../../../engine/risk/simulate'
import type { FromWorker, RiskSummary, ToWorker } from './risk-protocol'

// One of the Monte Carlo's workers, off the window's thread. It runs its share of the blocks in
// chunks: between chunks it reports progress and reads messages, so Cancel stops it within one
// chunk (a few tens of ms even at 2,000 fields). Asked to merge, it summarises the whole run.
const BINS = 30
let cancelled = false
let running = false
let done = 0

const post = (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer)

function summarise(all: ScenarioRisk[]): RiskSummary[] {
  let lo = Number.POSITIVE_INFINITY
  let hi = Number.NEGATIVE_INFINITY
  for (const s of all) {
    for (const v of s.marginSamples) {
      if (v < lo) lo = v
      if (v > hi) hi = v
    }
  }
  if (!(hi > lo)) hi = lo + 1
  const width = (hi - lo) / BINS
  return all.map((s) => {
    const counts = new Array<number>(BINS).fill(0)
    for (const v of s.marginSamples) counts[Math.min(BINS - 1, Math.floor((v - lo) / width))]! += 1
    const { marginSamples: _samples, ...rest } = s
    return { ...rest, histogram: counts.map((count, i) => ({ from: lo + i * width, count })) }
  })
}

async function run(message: Extract<ToWorker, { type: 'run' }>): Promise<void> {
  cancelled = false
  running = true
  done = 0
  try {
    const kernel = 'kernel' in message.source ? message.source.kernel : prepareRisk(message.source.plan)
    if (message.shareKernel) post({ type: 'kernel', kernel })
    const sim = createSimulation(kernel, { draws: message.draws, seed: message.seed, blocks: message.blocks })
    let finished = false
    while (!finished) {
      finished = sim.step(200)
      done = sim.completedDraws
      post({ type: 'progress', done, total: sim.draws })
      await new Promise((resolve) => setTimeout(resolve, 0))
      if (cancelled) {
        post({ type: 'cancelled', done })
        return
      }
    }
    const part = sim.part()
    post(
      { type: 'part', meta: sim.meta, part },
      [...part.production, ...part.margin].map((a) => a.buffer),
    )
  } catch (error) {
    post({ type: 'error', code: isAppError(error) ? error.code : 'INTERNAL' })
  } finally {
    running = false
  }
}

function merge(message: Extract<ToWorker, { type: 'merge' }>): void {
  try {
    const result = mergeRisk(message.meta, message, message.parts)
    post({
      type: 'result',
      draws: result.draws,
      seed: result.seed,
      scenarios: summarise([result.baseline, ...result.scenarios]),
    })
  } catch (error) {
    post({ type: 'error', code: isAppError(error) ? error.code : 'INTERNAL' })
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data
  if (message.type === 'cancel') {
    cancelled = true
    // A worker that has already finished its share answers at once, so Cancel never waits on it.
    if (!running) post({ type: 'cancelled', done })
  } else if (message.type === 'merge') merge(message)
  else void run(message)
}
