import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../../app/dispatch'
import { createAppServer, listenLocal, MAX_BODY_BYTES, TOKEN_HEADER } from '../../../../app/serve/server'
import { openWorkspace } from '../../../../app/workspace'
import { tempDir } from '../../../helpers/db'
import { validField } from '../../../helpers/fields'

type Reply = { status: number; body: string; headers: Record<string, unknown> }

/** node:http lets a test send any Host and Origin, which fetch() would not. */
function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers ?? {} },
      (res) => {
        let body = ''
        res.on('data', (d) => {
          body += String(d)
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('browser mode server', () => {
  const token = 'test-token-0123456789abcdef'
  let server: Server
  let port: number
  let close: () => void
  const dir = tempDir()
  const rendererDir = join(dir, 'renderer')

  const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    send(port, `/api/${channel}`, {
      method: 'POST',
      headers: {
        host: `127.0.0.1:${port}`,
        'content-type': 'application/json',
        [TOKEN_HEADER]: token,
        ...headers,
      },
      body: JSON.stringify(body),
    })

  beforeAll(async () => {
    mkdirSync(rendererDir, { recursive: true })
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>')
    const workspace = openWorkspace({
      dataFile: join(dir, 'w.sqlite'),
      mode: 'browser',
      version: 'test',
    })
    close = workspace.close
    // The handlers in-process stand in for the back-end host here (host.test.ts drives the real one).
    const call = (channel: string, input: unknown) =>
      Promise.resolve(dispatch(workspace.handlers, channel, input))
    server = createAppServer({ call, rendererDir, token })
    port = await listenLocal(server, 0)
  })

  afterAll(() => {
    server.close()
    close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('listens on 127.0.0.1 only', () => {
    const address = server.address()
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1')
  })

  it('answers a call with the token, from our own origin', async () => {
    const reply = await api('fields:list', {}, { origin: `http://127.0.0.1:${port}` })
    expect(reply.status).toBe(200)
    const result = JSON.parse(reply.body)
    expect(result.ok).toBe(true)
    expect(result.value).toHaveLength(24)
  })

  it('refuses a call without the token, or with a wrong one', async () => {
    expect((await api('fields:list', {}, { [TOKEN_HEADER]: '' })).status).toBe(403)
    expect((await api('fields:list', {}, { [TOKEN_HEADER]: 'guess' })).status).toBe(403)
    const noHeader = await send(port, '/api/fields:list', {
      method: 'POST',
      headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(noHeader.status).toBe(403)
  })

  it('refuses a foreign Host (DNS rebinding), even with the token', async () => {
    expect((await api('fields:list', {}, { host: `evil.example:${port}` })).status).toBe(403)
    expect((await send(port, '/', { headers: { host: 'evil.example' } })).status).toBe(403)
  })

  it('refuses a foreign Origin, even with the token', async () => {
    expect((await api('fields:list', {}, { origin: 'https://evil.example' })).status).toBe(403)
    expect((await api('fields:list', {}, { origin: `http://127.0.0.1:${port + 1}` })).status).toBe(403)
  })

  it('validates input and writes nothing on a bad call', async () => {
    const reply = JSON.parse((await api('fields:create', { ...validField, areaHa: -1 })).body)
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(reply.error.details.issues).toContainEqual(expect.objectContaining({ path: ['areaHa'] }))
    const list = JSON.parse((await api('fields:list', {})).body)
    expect(list.value).toHaveLength(24)
    expect(JSON.parse((await api('nope:nothing', {})).body).error.code).toBe('UNKNOWN_CHANNEL')
    const notJson = await send(port, '/api/fields:list', {
      method: 'POST',
      headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: '{not json',
    })
    expect(JSON.parse(notJson.body).error.code).toBe('VALIDATION')
  })

  it('serves the renderer with the strict CSP and never a file outside it', async () => {
    const page = await send(port, '/', { headers: { host: `localhost:${port}` } })
    expect(page.status).toBe(200)
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self' 'wasm-unsafe-eval'")
    expect((await send(port, '/../../etc/passwd', { headers: { host: `127.0.0.1:${port}` } })).status).toBe(
      404,
    )
    expect(
      (await send(port, '/%2e%2e/%2e%2e/etc/passwd', { headers: { host: `127.0.0.1:${port}` } })).status,
    ).toBe(404)
  })

  it('answers a body over the cap with 413 before the connection closes, and still serves after', async () => {
    const body = `{"pad":"${'x'.repeat(MAX_BODY_BYTES + 1024)}"}`
    const reply = await api('fields:list', undefined, {}).then(() =>
      send(port, '/api/fields:list', {
        method: 'POST',
        headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body,
      }),
    )
    expect(reply.status).toBe(413)
    expect(reply.body).toBe('Payload Too Large')
    const list = JSON.parse((await api('fields:list', {})).body)
    expect(list.value).toHaveLength(24)
  })
})
