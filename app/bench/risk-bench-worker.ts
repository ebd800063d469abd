// One Monte Carlo worker for `npm run bench` (risk-cores.ts), built to out/main/risk-bench-worker.js:
// it does what a Risk screen worker does, in a Node worker thread. The first worker prepares the
// kernel from the plan and shares it; each runs its share of the blocks in chunks of 200 years,
// reporting progress between chunks, and sends the raw years back.
import { parentPort } from 'node:worker_threads'
import { type BlockRange, createSimulation, prepareRisk, type RiskKernel } from '../../engine/risk/simulate'
import type { Plan } from '../../engine/schemas/plan'

type Job = {
  source: { plan: Plan } | { kernel: RiskKernel }
  shareKernel: boolean
  draws: number
  seed: number
  blocks: BlockRange
}

const port = parentPort
if (!port) throw new Error('risk-bench-worker runs as a worker thread')

port.once('message', (job: Job) => {
  const kernel = 'kernel' in job.source ? job.source.kernel : prepareRisk(job.source.plan)
  if (job.shareKernel) port.postMessage({ type: 'kernel', kernel })
  const sim = createSimulation(kernel, { draws: job.draws, seed: job.seed, blocks: job.blocks })
  while (!sim.step(200)) port.postMessage({ type: 'progress', done: sim.completedDraws })
  const part = sim.part()
  port.postMessage(
    { type: 'part', meta: sim.meta, part },
    [...part.production, ...part.margin].map((a) => a.buffer as ArrayBuffer),
  )
})
