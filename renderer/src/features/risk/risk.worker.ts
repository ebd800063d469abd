import '../../zod-setup'
import { isAppError } from '../../../../engine/errors'
import { createSimulation, type ScenarioRisk } from '../../../../engine/risk/simulate'
import type { FromWorker, RiskSummary, ToWorker } from './risk-protocol'

// The Monte Carlo runs here, off the window's thread, in chunks: between chunks it reports progress
// and reads messages, so Cancel stops it within one chunk (a few tens of ms even at 2,000 fields).
const BINS = 30
let cancelled = false

const post = (message: FromWorker) => self.postMessage(message)

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
  try {
    const sim = createSimulation(message.plan, { draws: message.draws, seed: message.seed })
    let finished = false
    while (!finished) {
      finished = sim.step(200)
      post({ type: 'progress', done: sim.completedDraws, total: message.draws })
      await new Promise((resolve) => setTimeout(resolve, 0))
      if (cancelled) {
        post({ type: 'cancelled', done: sim.completedDraws })
        return
      }
    }
    const result = sim.result()
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
  if (event.data.type === 'cancel') cancelled = true
  else void run(event.data)
}
