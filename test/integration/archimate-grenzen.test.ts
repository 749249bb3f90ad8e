import http from 'node:http'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startServer, type TestServer } from '../helpers/server.js'

// The ArchiMate upload's limits at the connection: a declared length over 50 MB is refused
// before anything is read, and a refused upload does not keep its connection open.
let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  server?.app.server.closeAllConnections()
  await server?.close()
})
const NS = 'xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'

/** Sends headers declaring `lengte` bytes and only `stuur` bytes of body; resolves with the status or 0 after `wacht` ms. */
function declareer(lengte: number, stuur: number, wacht: number): Promise<{ status: number; connection?: string }> {
  const url = new URL(server.base)
  return new Promise((resolve) => {
    const req = http.request({
      host: url.hostname,
      port: url.port,
      method: 'POST',
      path: `${url.pathname}/archimate/import`,
      headers: { 'content-type': 'application/xml', 'content-length': String(lengte), authorization: `Bearer ${server.adminToken}` },
    })
    const t = setTimeout(() => {
      req.destroy()
      resolve({ status: 0 })
    }, wacht)
    req.on('response', (res) => {
      clearTimeout(t)
      res.resume()
      resolve({ status: res.statusCode ?? 0, connection: res.headers.connection })
      req.destroy()
    })
    req.on('error', () => {})
    req.write(Buffer.alloc(stuur, 0x20))
  })
}

it('refuses a declared Content-Length over 50 MB at once (413) without reading 50 MB first', async () => {
  expect((await declareer(51 * 1024 * 1024, 64 * 1024, 5_000)).status).toBe(413)
})

it('closes the connection after a 413 for an oversized body (Connection: close), so it is not held for 72 s', async () => {
  const url = new URL(server.base)
  const antwoord = await new Promise<{ status: number; connection?: string }>((resolve) => {
    const req = http.request({
      host: url.hostname,
      port: url.port,
      method: 'POST',
      path: `${url.pathname}/archimate/import`,
      headers: { 'content-type': 'application/xml', authorization: `Bearer ${server.adminToken}` },
    })
    let klaar = false
    req.on('response', (res) => {
      klaar = true
      res.resume()
      resolve({ status: res.statusCode ?? 0, connection: res.headers.connection })
      req.destroy()
    })
    req.on('error', () => {})
    const stuk = Buffer.alloc(1024 * 1024, 0x20)
    let n = 0
    const schrijf = () => {
      while (!klaar && n++ < 52) if (!req.write(n === 1 ? Buffer.from(`<model ${NS}>`) : stuk)) return void req.once('drain', schrijf)
      if (!klaar) req.end()
    }
    schrijf()
  })
  expect(antwoord).toEqual({ status: 413, connection: 'close' })
  const open = () => new Promise<number>((r) => server.app.server.getConnections((_e, n) => r(n)))
  await expect.poll(open, { timeout: 5_000 }).toBe(0)
})
