import { timingSafeEqual } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Result } from '../contract/result'
import { CONTENT_SECURITY_POLICY } from './csp'
import { contentTypeFor, resolveStaticPath } from './static-files'

export const TOKEN_HEADER = 'x-fengshou-token'
/** The workspace the calling page was loaded for; see Host.call. */
export const WORKSPACE_HEADER = 'x-fengshou-workspace'
export const API_PREFIX = '/api/'
/**
 * Large enough for the largest plan file the app reads (PLAN_FILE_MAX_BYTES, 59 MB, sent as a
 * JSON string: its quotes escaped add about 15%), small enough that nobody can fill memory. A
 * larger body is answered 413, which the renderer words as a refusal (request_too_large).
 */
export const MAX_BODY_BYTES = 80 * 1024 * 1024

export type AppServerOptions = {
  /** The back-end host's call (host.ts): validated, scheduled, never rejects. */
  call: (channel: string, input: unknown, workspaceId?: string) => Promise<Result<unknown>>
  rendererDir: string
  token: string
  onInternalError?: (error: unknown) => void
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' })
  res.end(body)
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Host must name this loopback server (DNS rebinding); Origin, when sent, must be this server. */
function isLocalRequest(req: IncomingMessage, port: number): boolean {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  if (!allowedHosts.includes(req.headers.host ?? '')) return false
  const origin = req.headers.origin
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) return false
  return true
}

type Body = { kind: 'ok'; text: string } | { kind: 'too_large' }

/** Past this much, a client that keeps sending is cut off instead of read to the end. */
const MAX_DRAIN_BYTES = 4 * MAX_BODY_BYTES

/**
 * Reads a request body up to MAX_BODY_BYTES. A larger body is not kept: the rest is read and
 * dropped, so the client, which is still sending, can read our 413 instead of a cut connection
 * (closing early makes clients see a reset, not the answer).
 */
function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
      else chunks.length = 0
      if (size > MAX_DRAIN_BYTES) req.destroy()
    })
    req.on('end', () =>
      resolve(
        size > MAX_BODY_BYTES
          ? { kind: 'too_large' }
          : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') },
      ),
    )
    req.on('error', reject)
  })
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  channel: string,
  options: AppServerOptions,
) {
  const token = req.headers[TOKEN_HEADER]
  if (typeof token !== 'string' || !sameToken(token, options.token)) {
    send(res, 403, 'Forbidden')
    return
  }
  if (req.method !== 'POST') {
    send(res, 405, 'Method Not Allowed')
    return
  }
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    send(res, 415, 'Unsupported Media Type')
    return
  }
  const body = await readBody(req)
  if (body.kind === 'too_large') {
    res.setHeader('Connection', 'close')
    send(res, 413, 'Payload Too Large')
    return
  }
  let input: unknown
  try {
    input = body.text.length === 0 ? {} : JSON.parse(body.text)
  } catch {
    const error = {
      code: 'VALIDATION',
      message: 'Request body is not JSON',
      details: { issues: [{ path: [], rule: 'json' }] },
    }
    send(res, 200, JSON.stringify({ ok: false, error }), 'application/json; charset=utf-8')
    return
  }
  const workspace = req.headers[WORKSPACE_HEADER]
  const result = await options.call(channel, input, typeof workspace === 'string' ? workspace : undefined)
  send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8')
}

/** The file to serve for a GET, or the status to answer instead. */
function findStatic(rendererDir: string, path: string): { file: string; size: number } | 404 {
  const file = resolveStaticPath(rendererDir, path)
  if (!file) return 404
  try {
    const stat = statSync(file)
    return stat.isFile() ? { file, size: stat.size } : 404
  } catch {
    return 404
  }
}

function handleStatic(req: IncomingMessage, res: ServerResponse, path: string, rendererDir: string): void {
  const found = req.method === 'GET' || req.method === 'HEAD' ? findStatic(rendererDir, path) : 405
  if (found === 404 || found === 405) {
    send(res, found, found === 404 ? 'Not Found' : 'Method Not Allowed')
    return
  }
  const { file, size } = found
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeFor(file),
    'Content-Length': size,
    'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
  })
  if (req.method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
}

/**
 * Browser mode: the renderer build and the same back-end host as the desktop app, over HTTP on
 * 127.0.0.1 only. Every API call needs the per-run token; foreign Host or Origin gets 403.
 */
export function createAppServer(options: AppServerOptions): Server {
  const server = createServer((req, res) => {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    if (!isLocalRequest(req, port)) {
      send(res, 403, 'Forbidden')
      return
    }
    let path: string
    try {
      path = new URL(req.url ?? '/', `http://127.0.0.1:${port}`).pathname
    } catch {
      send(res, 400, 'Bad Request')
      return
    }
    if (path.startsWith(API_PREFIX)) {
      handleApi(req, res, path.slice(API_PREFIX.length), options).catch((error) => {
        options.onInternalError?.(error)
        if (!res.headersSent) send(res, 500, 'Internal Server Error')
      })
      return
    }
    handleStatic(req, res, path, options.rendererDir)
  })
  return server
}

/** Listens on loopback only. Port 0 picks a free port; the real one is returned. */
export function listenLocal(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    })
  })
}
