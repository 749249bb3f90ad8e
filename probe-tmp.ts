import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { buildApp } from './src/api/app.js'
import { openMigrated } from './src/runtime.js'

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rkp-'))
await fs.cp('/work/main/.tmp/pglite-template', dir, { recursive: true })
const { handle } = await openMigrated({ dataDir: dir, databaseUrl: undefined })
const app = await buildApp({ config: { bodyLimitBytes: 1 << 20, publicUrl: 'https://x.test', logLevel: 'silent' }, database: handle, logger: false })
await app.listen({ host: '127.0.0.1', port: 0 })
const port = (app.server.address() as any).port
const base = `http://127.0.0.1:${port}/api/v1`
async function req(method: string, p: string, body?: unknown) {
  const r = await fetch(base + p, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: body === undefined ? {} : { 'content-type': 'application/json' } })
  await r.text(); return r.status
}
const org = await (await fetch(base + '/organisaties', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'overig', naam: 'X' }) })).json()
for (const [name, fn] of [
  ['post invalid', () => req('POST', '/organisaties', { type: 'bad', naam: 3 })],
  ['post valid', () => req('POST', '/organisaties', { type: 'overig', naam: 'n' + Math.random() })],
  ['put existing invalid', () => req('PUT', `/organisaties/${org.id}`, { type: 'bad' })],
  ['patch existing invalid', () => req('PATCH', `/organisaties/${org.id}`, { type: 'bad' })],
  ['put random uuid', () => req('PUT', `/organisaties/${randomUUID()}`, { type: 'bad' })],
  ['delete random uuid', () => req('DELETE', `/organisaties/${randomUUID()}`)],
  ['put bad id', () => req('PUT', `/organisaties/xx`, { type: 'bad' })],
] as const) {
  const t = Date.now(); const n = 200
  for (let i = 0; i < n; i++) await fn()
  console.log(name, ((Date.now() - t) / n).toFixed(1), 'ms/req')
}
await app.close(); await handle.close(); await fs.rm(dir, { recursive: true })
