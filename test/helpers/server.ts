import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/api/app.js'
import { freshDatabase, type TestDatabase } from './database.js'

// The real server on a free loopback port with its own database; tests talk to it
// over HTTP with fetch.

export interface TestServer {
  base: string
  app: FastifyInstance
  database: TestDatabase
  close(): Promise<void>
}

export async function startServer(opts: { publicUrl?: string; bodyLimitBytes?: number } = {}): Promise<TestServer> {
  const database = await freshDatabase()
  const app = await buildApp({
    config: {
      bodyLimitBytes: opts.bodyLimitBytes ?? 1024 * 1024,
      publicUrl: opts.publicUrl ?? 'https://regiekamer.test',
      logLevel: 'silent',
    },
    database: database.handle,
    logger: false,
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    base: `http://127.0.0.1:${port}/api/v1`,
    app,
    database,
    async close() {
      await app.close()
      await database.destroy()
    },
  }
}

export interface JsonResponse<T = Record<string, unknown>> {
  status: number
  headers: Headers
  body: T
}

export async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse<T>> {
  const init: RequestInit = { method, headers: { ...headers } }
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body)
    init.headers = { 'content-type': 'application/json', ...headers }
  }
  const res = await fetch(`${base}${path}`, init)
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {}
  return { status: res.status, headers: res.headers, body: parsed as T }
}
