// The job worker's entry (a worker thread of the back-end host): long jobs on a connection of its
// own, so that the host's thread keeps answering short calls meanwhile.
import { parentPort, workerData } from 'node:worker_threads'
import { dispatch, toApiError } from '../dispatch'
import { type OpenedWorkspace, openWorkspace } from '../workspace'
import type { JobReply, JobRequest, JobWorkerData } from './protocol'

const data = workerData as JobWorkerData
let workspace: OpenedWorkspace | null = null

function logInternal(error: unknown): void {
  console.error('[fengshou] internal error in a job:', error)
}

parentPort?.on('message', (request: JobRequest) => {
  let result: Extract<JobReply, { result: unknown }>['result']
  try {
    workspace ??= openWorkspace({ ...data, create: false })
    parentPort?.postMessage({ id: request.id, started: true } satisfies JobReply)
    result = dispatch(workspace.handlers, request.channel, request.input, logInternal)
  } catch (error) {
    result = { ok: false, error: toApiError(error, logInternal) }
  }
  parentPort?.postMessage({ id: request.id, result } satisfies JobReply)
})
