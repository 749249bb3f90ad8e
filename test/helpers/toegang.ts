import { randomUUID } from 'node:crypto'
import http from 'node:http'

// HTTP as a browser or a script sends it: with a session cookie and its CSRF token, or
// an API token, or nothing; from a chosen loopback address, so each simulated client has
// its own IP and per-IP rate limits (login: 10 a minute) do not spill between tests.

export interface Reply<T = Record<string, unknown>> {
  status: number
  headers: http.IncomingHttpHeaders
  /** The raw body as received. */
  text: string
  /** The parsed JSON body (or the text when it is not JSON). */
  body: T
  contentType: string
  setCookie: string[]
}

export interface Session {
  /** `rk_sessie=…`, ready for a Cookie header. */
  cookie: string
  csrfToken: string
  gebruikerId: string
}

export interface SendOptions {
  /** An object is sent as JSON; a string is sent as it is (raw JSON text). */
  body?: unknown
  headers?: Record<string, string>
  token?: string
  session?: Session
  /** With a session: the X-CSRF-Token to send on writes; default the session's own, `null` for none. */
  csrf?: string | null
  /** Local (source) address, 127.x.y.z. */
  ip?: string
}

let lastIp = 0
/** A loopback address no other client in this process has used. */
export function nextClientIp(): string {
  do lastIp++
  while ((lastIp & 255) === 0 || (lastIp & 255) === 255)
  return `127.${50 + (lastIp >> 16)}.${(lastIp >> 8) & 255}.${lastIp & 255}`
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])
// Connections are kept and reused per local address (the agent keys its pool on it).
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 })

export function send<T = Record<string, unknown>>(base: string, method: string, path: string, opts: SendOptions = {}): Promise<Reply<T>> {
  const url = new URL(base)
  const headers: Record<string, string> = { ...(opts.headers ?? {}) }
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`
  if (opts.session) {
    headers.cookie = opts.session.cookie
    const csrf = opts.csrf === undefined ? opts.session.csrfToken : opts.csrf
    if (!SAFE.has(method) && csrf !== null) headers['x-csrf-token'] = csrf
  }
  let payload: Buffer | undefined
  if (opts.body !== undefined) {
    payload = Buffer.from(typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body), 'utf8')
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json'
    headers['content-length'] = String(payload.length)
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        // Sent as given: no normalisation of `..` or percent-encoding on the way.
        path: `${url.pathname}${path}`,
        headers,
        localAddress: opts.ip,
        agent,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let body: unknown = text
          try {
            body = text ? JSON.parse(text) : null
          } catch {}
          const sc = res.headers['set-cookie']
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            body: body as T,
            contentType: String(res.headers['content-type'] ?? ''),
            setCookie: sc ? (Array.isArray(sc) ? sc : [sc]) : [],
          })
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    if (payload) req.write(payload)
    req.end()
  })
}

export const sessionCookieOf = (setCookie: string[]): string | undefined => {
  const c = setCookie.find((s) => s.startsWith('rk_sessie='))
  return c?.split(';')[0]
}

export async function login(base: string, gebruikersnaam: string, wachtwoord: string, ip?: string): Promise<Session> {
  const res = await send<{ csrfToken: string; gebruiker: { id: string } }>(base, 'POST', '/sessies', {
    body: { gebruikersnaam, wachtwoord },
    ip,
  })
  const cookie = sessionCookieOf(res.setCookie)
  if (res.status !== 201 || !cookie) throw new Error(`login ${gebruikersnaam} failed: ${res.status} ${res.text}`)
  return { cookie, csrfToken: res.body.csrfToken, gebruikerId: res.body.gebruiker.id }
}

export const WACHTWOORD = 'correct horse battery staple'

export interface NieuweGebruiker {
  id: string
  gebruikersnaam: string
  wachtwoord: string
  revisie: number
}

/** Creates a user through the API with an admin's token (with a password unless `wachtwoord: null`). */
export async function createGebruiker(
  base: string,
  adminToken: string,
  rollen: { rol: string; organisatieId?: string }[],
  opts: { wachtwoord?: string | null; prefix?: string } = {},
): Promise<NieuweGebruiker> {
  const gebruikersnaam = `${opts.prefix ?? 'gebruiker'}-${randomUUID().slice(0, 8)}`
  const wachtwoord = opts.wachtwoord === undefined ? WACHTWOORD : opts.wachtwoord
  const res = await send<{ id: string; revisie: number }>(base, 'POST', '/gebruikers', {
    token: adminToken,
    body: { gebruikersnaam, naam: `Naam van ${gebruikersnaam}`, rollen, ...(wachtwoord ? { wachtwoord } : {}) },
  })
  if (res.status !== 201) throw new Error(`create gebruiker failed: ${res.status} ${res.text}`)
  return { id: res.body.id, gebruikersnaam, wachtwoord: wachtwoord ?? '', revisie: res.body.revisie }
}

/** An API token made from a session, as a person makes one. */
export async function createApiToken(
  base: string,
  session: Session,
  scopes: string[],
  opts: { naam?: string; dagen?: number; ip?: string } = {},
): Promise<{ id: string; token: string }> {
  const res = await send<{ id: string; token: string }>(base, 'POST', '/api-tokens', {
    session,
    ip: opts.ip,
    body: {
      naam: opts.naam ?? `token ${randomUUID().slice(0, 8)}`,
      scopes,
      verlooptOp: new Date(Date.now() + (opts.dagen ?? 30) * 86_400_000).toISOString(),
    },
  })
  if (res.status !== 201) throw new Error(`create api token failed: ${res.status} ${res.text}`)
  return { id: res.body.id, token: res.body.token }
}

/** A problem+json document as RFC 9457 and DESIGN.md describe it. */
export function isProblem(reply: Reply, status: number): boolean {
  const b = reply.body as Record<string, unknown> | null
  return (
    reply.status === status &&
    reply.contentType.startsWith('application/problem+json') &&
    b !== null &&
    typeof b === 'object' &&
    b.status === status &&
    typeof b.title === 'string' &&
    typeof b.detail === 'string'
  )
}
