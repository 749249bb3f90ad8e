import { execFileSync } from 'node:child_process'
import dgram from 'node:dgram'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { voerUit } from '../../src/monitor/probes/index.js'
import type { Controle, HttpControle, ProbeOpties, Uitkomst } from '../../src/monitor/typen.js'
import { adresToegestaan } from '../../src/monitor/veilig-adres.js'

// The probes against real servers on this machine that misbehave on purpose: slow,
// hanging, resetting, wrong status or body, a 1 GB body, redirect loops, redirects to
// forbidden addresses, bad certificates, mTLS. Every outcome must be classified with a
// Dutch and English reason, within the timeout, and thousands of probes must leave no
// memory or sockets behind. Loopback is allowed explicitly, as a test configuration does.

const LOKAAL: ProbeOpties = { loopbackToegestaan: true, priveToegestaan: false }
const MiB = 1024 * 1024

const servers: { close: () => void }[] = []
const open = new Set<net.Socket>()
const volg = <S extends net.Server>(s: S): S => {
  s.on('connection', (c: net.Socket) => {
    // The probe hanging up mid-stream resets the test server's side: expected, not a failure.
    c.on('error', () => {})
    open.add(c)
    c.on('close', () => open.delete(c))
  })
  servers.push(s)
  return s
}
const luister = (s: net.Server, host = '127.0.0.1'): Promise<number> =>
  new Promise((resolve, reject) => {
    s.once('error', reject)
    s.listen(0, host, () => resolve((s.address() as net.AddressInfo).port))
  })

/** Bytes the huge-body route actually wrote: proves the probe stopped the stream early. */
let grootGeschreven = 0
const timers = new Set<NodeJS.Timeout>()

function stroom(res: http.ServerResponse, totaal: number) {
  const stuk = Buffer.alloc(64 * 1024, 'x')
  let verstuurd = 0
  const schrijf = () => {
    while (verstuurd < totaal && !res.destroyed) {
      verstuurd += stuk.length
      grootGeschreven += stuk.length
      if (!res.write(stuk)) return void res.once('drain', schrijf)
    }
    if (!res.destroyed) res.end()
  }
  schrijf()
}

function routes(poort: () => number): http.RequestListener {
  return (req, res) => {
    const u = new URL(req.url ?? '/', 'http://x')
    const stuur = (status: number, body = '', headers: Record<string, string> = {}) => {
      res.writeHead(status, headers)
      res.end(body)
    }
    switch (u.pathname) {
      case '/ok':
        return stuur(200, 'alles goed met de koppeling')
      case '/json':
        return stuur(200, JSON.stringify({ status: 'UP', onderdelen: { db: { status: 'UP' }, 'a/b': 1 }, lijst: [1, 2] }), {
          'content-type': 'application/json',
        })
      case '/kapot':
        return stuur(503, 'onderhoud')
      case '/niet-json':
        return stuur(200, '<html>geen json</html>')
      case '/traag': {
        const t = setTimeout(() => {
          timers.delete(t)
          stuur(200, 'eindelijk')
        }, 3000)
        timers.add(t)
        return
      }
      case '/groot':
        res.writeHead(200, { 'content-type': 'application/octet-stream' })
        return stroom(res, 1024 * MiB)
      case '/groot-met-lengte':
        res.writeHead(200, { 'content-length': String(1024 * MiB) })
        if (req.method === 'HEAD') return void res.end()
        return stroom(res, 1024 * MiB)
      case '/lus-a':
        return stuur(302, '', { location: '/lus-b' })
      case '/lus-b':
        return stuur(301, '', { location: `http://127.0.0.1:${poort()}/lus-a` })
      case '/zelf':
        return stuur(307, '', { location: '/zelf' })
      case '/naar-ok':
        return stuur(302, '', { location: '/ok' })
      case '/naar-metadata':
        return stuur(302, '', { location: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/' })
      case '/naar-andere-oorsprong':
        return stuur(302, '', { location: `http://127.0.0.1:${u.searchParams.get('poort')}/kop` })
      case '/naar-file':
        return stuur(302, '', { location: 'file:///etc/passwd' })
      case '/kop':
        return stuur(200, JSON.stringify({ host: req.headers.host, geheim: req.headers['x-geheim'] ?? null, methode: req.method }))
      default: {
        const keten = /^\/keten\/(\d+)$/.exec(u.pathname)
        if (keten) return stuur(302, '', { location: `/keten/${Number(keten[1]) + 1}` })
        return stuur(404, 'niet gevonden')
      }
    }
  }
}

let gezond = 0
const url = (p: string) => `http://127.0.0.1:${gezond}${p}`
const http_ = (pad: string, extra: Partial<HttpControle> = {}): HttpControle => ({
  soort: 'http',
  url: url(pad),
  methode: 'GET',
  timeoutMs: 2000,
  ...extra,
})

const verwacht = (u: Uitkomst, soort: Uitkomst['soort']) => {
  expect(u.soort, JSON.stringify(u)).toBe(soort)
  expect(u.reden.nl.length).toBeGreaterThan(10)
  expect(u.reden.en.length).toBeGreaterThan(10)
  expect(u.reden.nl).not.toBe(u.reden.en)
}

beforeAll(async () => {
  const s = volg(http.createServer(routes(() => gezond)))
  gezond = await luister(s)
})

afterAll(() => {
  for (const t of timers) clearTimeout(t)
  for (const c of open) c.destroy()
  for (const s of servers) s.close()
})

describe('HTTP probe', () => {
  it('passes a healthy endpoint and reports status, size and address', async () => {
    const u = await voerUit(http_('/ok'), LOKAAL)
    verwacht(u, 'geslaagd')
    expect(u.geslaagd).toBe(true)
    expect(u.details).toMatchObject({ status: 200, bytes: 27, adres: '127.0.0.1' })
    expect(u.reden.nl).toContain('200')
    expect(u.duurMs).toBeLessThan(1000)
  })

  it('sends the Host of the URL and the configured headers while connecting to the checked address', async () => {
    const u = await voerUit(
      http_('/kop', {
        methode: 'POST',
        headers: { 'X-Geheim': 's3cret', Host: 'kwaadaardig.example' },
        verzoekBody: '{}',
        body: { soort: 'json-pointer', pointer: '/host', waarde: `127.0.0.1:${gezond}` },
      }),
      LOKAAL,
    )
    verwacht(u, 'geslaagd')
  })

  it('classifies a wrong status, and accepts it when listed as expected (single or range)', async () => {
    const u = await voerUit(http_('/kapot'), LOKAAL)
    verwacht(u, 'fout-status')
    expect(u.geslaagd).toBe(false)
    expect(u.reden.nl).toBe('De server antwoordde met status 503, verwacht 200–299.')
    verwacht(await voerUit(http_('/kapot', { verwachteStatus: [503] }), LOKAAL), 'geslaagd')
    verwacht(await voerUit(http_('/kapot', { verwachteStatus: [200, { van: 500, tot: 599 }] }), LOKAAL), 'geslaagd')
    verwacht(await voerUit(http_('/bestaat-niet', { verwachteStatus: [{ van: 200, tot: 399 }] }), LOKAAL), 'fout-status')
  })

  it('classifies a wrong body: missing text, a JSON pointer with another value, no JSON at all', async () => {
    verwacht(await voerUit(http_('/ok', { body: { soort: 'tekst-bevat', tekst: 'alles goed' } }), LOKAAL), 'geslaagd')
    const tekst = await voerUit(http_('/ok', { body: { soort: 'tekst-bevat', tekst: 'status: UP' } }), LOKAAL)
    verwacht(tekst, 'fout-inhoud')
    expect(tekst.reden.nl).toBe("Het antwoord bevat de tekst 'status: UP' niet.")

    verwacht(
      await voerUit(http_('/json', { body: { soort: 'json-pointer', pointer: '/onderdelen/db/status', waarde: 'UP' } }), LOKAAL),
      'geslaagd',
    )
    verwacht(await voerUit(http_('/json', { body: { soort: 'json-pointer', pointer: '/onderdelen/a~1b', waarde: 1 } }), LOKAAL), 'geslaagd')
    verwacht(await voerUit(http_('/json', { body: { soort: 'json-pointer', pointer: '/lijst', waarde: [1, 2] } }), LOKAAL), 'geslaagd')
    const anders = await voerUit(http_('/json', { body: { soort: 'json-pointer', pointer: '/status', waarde: 'DOWN' } }), LOKAAL)
    verwacht(anders, 'fout-inhoud')
    expect(anders.reden.nl).toBe('Op /status staat "UP", verwacht "DOWN".')
    const weg = await voerUit(http_('/json', { body: { soort: 'json-pointer', pointer: '/lijst/5', waarde: 1 } }), LOKAAL)
    expect(weg.reden.nl).toBe('Het antwoord heeft geen waarde op /lijst/5.')
    const geenJson = await voerUit(http_('/niet-json', { body: { soort: 'json-pointer', pointer: '/status', waarde: 'UP' } }), LOKAAL)
    verwacht(geenJson, 'fout-inhoud')
    expect(geenJson.reden.nl).toBe('Het antwoord is geen geldige JSON.')
  })

  it('gives up on a slow endpoint at the timeout, saying in which phase', async () => {
    const u = await voerUit(http_('/traag', { timeoutMs: 300 }), LOKAAL)
    verwacht(u, 'time-out')
    expect(u.reden.nl).toBe('Geen antwoord binnen 300 ms (wachtend op het antwoord).')
    expect(u.duurMs).toBeGreaterThanOrEqual(290)
    expect(u.duurMs).toBeLessThan(1500)
  })

  it('gives up on a server that accepts and never answers', async () => {
    const s = volg(net.createServer(() => {}))
    const poort = await luister(s)
    const u = await voerUit({ soort: 'http', url: `http://127.0.0.1:${poort}/`, methode: 'GET', timeoutMs: 300 }, LOKAAL)
    verwacht(u, 'time-out')
    expect(u.duurMs).toBeLessThan(1500)
    // Also a TLS handshake that never comes.
    const t = await voerUit({ soort: 'tls', host: '127.0.0.1', port: poort, minDagenGeldig: 14, timeoutMs: 300 }, LOKAAL)
    verwacht(t, 'time-out')
    expect(t.reden.nl).toContain('TLS-handdruk')
  })

  it('keeps one deadline for the whole probe: a body trickling in byte by byte is cut off', async () => {
    const s = volg(
      net.createServer((c) =>
        c.once('data', () => {
          c.write('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n')
          const t = setInterval(() => (c.destroyed ? clearInterval(t) : c.write('1\r\nx\r\n')), 20)
          timers.add(t)
        }),
      ),
    )
    const poort = await luister(s)
    const u = await voerUit({ soort: 'http', url: `http://127.0.0.1:${poort}/`, methode: 'GET', timeoutMs: 300 }, LOKAAL)
    verwacht(u, 'time-out')
    expect(u.reden.nl).toBe('Geen antwoord binnen 300 ms (bij het lezen van het antwoord).')
    expect(u.duurMs).toBeLessThan(1500)
  })

  it('stops on endless response headers', async () => {
    const s = volg(
      net.createServer((c) =>
        c.once('data', () => {
          c.write('HTTP/1.1 200 OK\r\n')
          const regel = Buffer.from(`x-vulling: ${'a'.repeat(1000)}\r\n`)
          const schrijf = () => {
            while (!c.destroyed && c.write(regel));
            if (!c.destroyed) c.once('drain', schrijf)
          }
          schrijf()
        }),
      ),
    )
    const poort = await luister(s)
    const u = await voerUit({ soort: 'http', url: `http://127.0.0.1:${poort}/`, methode: 'GET', timeoutMs: 2000 }, LOKAAL)
    verwacht(u, 'te-groot')
    expect(u.reden.nl).toBe('De kopregels van het antwoord zijn te groot.')
  })

  it('classifies a connection reset by the server', async () => {
    const s = volg(net.createServer((c) => c.once('data', () => c.resetAndDestroy())))
    const poort = await luister(s)
    const u = await voerUit({ soort: 'http', url: `http://127.0.0.1:${poort}/`, methode: 'GET', timeoutMs: 2000 }, LOKAAL)
    verwacht(u, 'verbinding-verbroken')
    // Half a response, then the connection goes away.
    const h = volg(
      net.createServer((c) =>
        c.once('data', () => {
          c.write('HTTP/1.1 200 OK\r\ncontent-length: 1000\r\n\r\nbegin')
          setTimeout(() => c.destroy(), 20)
        }),
      ),
    )
    const hp = await luister(h)
    verwacht(
      await voerUit({ soort: 'http', url: `http://127.0.0.1:${hp}/`, methode: 'GET', timeoutMs: 2000 }, LOKAAL),
      'verbinding-verbroken',
    )
    // Not HTTP at all.
    const g = volg(net.createServer((c) => c.once('data', () => c.end('SSH-2.0-OpenSSH_9.6\r\n'))))
    const gp = await luister(g)
    verwacht(await voerUit({ soort: 'http', url: `http://127.0.0.1:${gp}/`, methode: 'GET', timeoutMs: 2000 }, LOKAAL), 'ongeldig-antwoord')
  })

  it('stops reading a 1 GB body at maxBytes, fast, whether or not its length is announced', async () => {
    grootGeschreven = 0
    const u = await voerUit(http_('/groot', { timeoutMs: 10_000 }), LOKAAL)
    verwacht(u, 'te-groot')
    expect(u.details?.bytes).toBeGreaterThan(MiB)
    expect(u.details?.bytes).toBeLessThan(2 * MiB)
    expect(u.duurMs).toBeLessThan(2000)
    // The server noticed and stopped too: far less than the gigabyte went out.
    await new Promise((r) => setTimeout(r, 50))
    expect(grootGeschreven).toBeLessThan(64 * MiB)

    const klein = await voerUit(http_('/groot', { maxBytes: 100_000, body: { soort: 'tekst-bevat', tekst: 'y' } }), LOKAAL)
    verwacht(klein, 'te-groot')
    expect(klein.reden.nl).toBe('Het antwoord is groter dan 100000 bytes; het lezen is gestopt.')

    const metLengte = await voerUit(http_('/groot-met-lengte'), LOKAAL)
    verwacht(metLengte, 'te-groot')
    expect(metLengte.details?.bytes).toBe(1024 * MiB)
    expect(metLengte.duurMs).toBeLessThan(1000)
    // HEAD announces the length without sending the body: nothing too large there.
    verwacht(await voerUit(http_('/groot-met-lengte', { methode: 'HEAD' }), LOKAAL), 'geslaagd')
  })

  it('follows redirects when allowed and judges the 3xx itself when not', async () => {
    const gevolgd = await voerUit(http_('/naar-ok', { volgRedirects: 3 }), LOKAAL)
    verwacht(gevolgd, 'geslaagd')
    expect(gevolgd.details?.redirects).toEqual([url('/ok')])
    verwacht(await voerUit(http_('/naar-ok'), LOKAAL), 'fout-status')
    verwacht(await voerUit(http_('/naar-ok', { verwachteStatus: [302] }), LOKAAL), 'geslaagd')
  })

  it('does not carry the configured headers (secrets) along a redirect to another origin', async () => {
    const ander = volg(http.createServer(routes(() => gezond)))
    const anderePoort = await luister(ander)
    const geheim = { 'X-Geheim': 's3cret' }
    const zelfde = await voerUit(http_('/naar-ok', { headers: geheim, volgRedirects: 2 }), LOKAAL)
    verwacht(zelfde, 'geslaagd')
    const u = await voerUit(
      http_(`/naar-andere-oorsprong?poort=${anderePoort}`, {
        headers: geheim,
        volgRedirects: 2,
        body: { soort: 'json-pointer', pointer: '/geheim', waarde: null },
      }),
      LOKAAL,
    )
    verwacht(u, 'geslaagd')
    expect(u.details?.redirects).toEqual([`http://127.0.0.1:${anderePoort}/kop`])
    // While on the first origin it is sent.
    verwacht(
      await voerUit(http_('/kop', { headers: geheim, body: { soort: 'json-pointer', pointer: '/geheim', waarde: 's3cret' } }), LOKAAL),
      'geslaagd',
    )
  })

  it('classifies a redirect loop and too many redirects', async () => {
    const lus = await voerUit(http_('/lus-a', { volgRedirects: 10 }), LOKAAL)
    verwacht(lus, 'redirect-lus')
    expect(lus.details?.redirects).toEqual([url('/lus-b'), url('/lus-a')])
    verwacht(await voerUit(http_('/zelf', { volgRedirects: 10 }), LOKAAL), 'redirect-lus')
    const keten = await voerUit(http_('/keten/0', { volgRedirects: 5 }), LOKAAL)
    verwacht(keten, 'te-veel-redirects')
    expect(keten.details?.redirects).toHaveLength(6)
  })

  it('refuses a redirect to the metadata address or another scheme, without connecting', async () => {
    const u = await voerUit(http_('/naar-metadata', { volgRedirects: 5 }), LOKAAL)
    verwacht(u, 'verboden-adres')
    expect(u.reden.nl).toContain('Doorverwezen naar http://169.254.169.254/')
    expect(u.reden.nl).toContain('metadata-adres')
    expect(u.details?.adres).toBe('169.254.169.254')
    verwacht(await voerUit(http_('/naar-file', { volgRedirects: 5 }), LOKAAL), 'verboden-adres')
  })

  it('refuses loopback when the configuration does not allow it: a literal address, a name resolving to it, a redirect to it', async () => {
    const streng: ProbeOpties = { loopbackToegestaan: false, priveToegestaan: true }
    const direct = await voerUit(http_('/ok'), streng)
    verwacht(direct, 'verboden-adres')
    expect(direct.reden.nl).toContain('loopback')
    const naam = await voerUit({ ...http_('/ok'), url: `http://localhost:${gezond}/ok` }, streng)
    verwacht(naam, 'verboden-adres')
    verwacht(await voerUit({ soort: 'tcp', host: '::ffff:127.0.0.1', port: gezond, timeoutMs: 500 }, streng), 'verboden-adres')

    // A redirect from an allowed (non-loopback) address of this machine to 127.0.0.1.
    const eigen = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && !a.internal && adresToegestaan(a.address, streng).ok && !a.address.startsWith('fe80'))
    if (!eigen) {
      console.warn('monitor-probes: no non-loopback address on this machine that the policy allows; redirect-to-loopback case skipped')
      return
    }
    const s = volg(http.createServer((_req, res) => res.writeHead(302, { location: `http://127.0.0.1:${gezond}/ok` }).end()))
    const poort = await luister(s, eigen.address)
    const host = eigen.family === 'IPv6' ? `[${eigen.address}]` : eigen.address
    const u = await voerUit({ soort: 'http', url: `http://${host}:${poort}/`, methode: 'GET', timeoutMs: 2000, volgRedirects: 3 }, streng)
    verwacht(u, 'verboden-adres')
    expect(u.reden.nl).toContain(`Doorverwezen naar http://127.0.0.1:${gezond}/ok`)
    expect(u.reden.nl).toContain('loopback')
  })

  it('classifies a name that does not exist (.invalid) as a DNS failure', async () => {
    const u = await voerUit({ soort: 'http', url: 'http://regiekamer-bestaat-niet.invalid/', methode: 'GET', timeoutMs: 3000 }, LOKAAL)
    verwacht(u, 'dns-fout')
    expect(u.reden.nl).toContain('regiekamer-bestaat-niet.invalid')
  })

  it('refuses invalid definitions before anything goes out', async () => {
    verwacht(await voerUit({ ...http_('/ok'), url: `http://gebruiker:wachtwoord@127.0.0.1:${gezond}/ok` }, LOKAAL), 'ongeldige-controle')
    verwacht(await voerUit({ ...http_('/ok'), methode: 'DELETE' as 'GET' }, LOKAAL), 'ongeldige-controle')
    verwacht(await voerUit({ ...http_('/ok'), url: 'ftp://127.0.0.1/' }, LOKAAL), 'ongeldige-controle')
    verwacht(await voerUit({ ...http_('/ok'), timeoutMs: 0 }, LOKAAL), 'ongeldige-controle')
    verwacht(await voerUit({ soort: 'tcp', host: '127.0.0.1', port: 70_000, timeoutMs: 500 }, LOKAAL), 'ongeldige-controle')
    verwacht(await voerUit(http_('/ok', { headers: { 'X-Kop': 'a\r\nX-Ingesmokkeld: 1' } }), LOKAAL), 'ongeldige-controle')
    const pem = await voerUit(
      { ...http_('/ok'), url: 'https://127.0.0.1:1/', clientCertificaat: { certPem: 'geen pem', keyPem: 'ook niet' } },
      LOKAAL,
    )
    verwacht(pem, 'ongeldige-controle')
    expect(pem.reden.nl).toContain('clientcertificaat')
  })
})

describe('TCP and DNS probes', () => {
  it('connects to an open port and classifies a closed one', async () => {
    const ok = await voerUit({ soort: 'tcp', host: '127.0.0.1', port: gezond, timeoutMs: 1000 }, LOKAAL)
    verwacht(ok, 'geslaagd')
    expect(ok.reden.nl).toBe(`Poort ${gezond} neemt verbindingen aan.`)
    const s = net.createServer()
    const dicht = await luister(s)
    await new Promise((r) => s.close(r))
    const u = await voerUit({ soort: 'tcp', host: '127.0.0.1', port: dicht, timeoutMs: 1000 }, LOKAAL)
    verwacht(u, 'verbinding-geweigerd')
    expect(u.reden.nl).toBe('De server weigert de verbinding (poort gesloten).')
    verwacht(
      await voerUit({ soort: 'http', url: `http://127.0.0.1:${dicht}/`, methode: 'GET', timeoutMs: 1000 }, LOKAAL),
      'verbinding-geweigerd',
    )
  })

  it('classifies a name that does not exist at the system DNS (.invalid)', async () => {
    const u = await voerUit({ soort: 'dns', naam: 'regiekamer-bestaat-niet.invalid', type: 'A', timeoutMs: 3000 }, LOKAAL)
    // Without network the system resolver may not answer at all: then it is the time-out.
    expect(['dns-fout', 'time-out']).toContain(u.soort)
    expect(u.geslaagd).toBe(false)
    verwacht(await voerUit({ soort: 'dns', naam: 'x.invalid', type: 'TXT', timeoutMs: 3000 }, LOKAAL), u.soort)
  })

  it('asks a DNS server: answers, the expected answer, a missing name, a server that stays silent', async () => {
    const dns = await dnsServer({ 'koppeling.test': { A: ['192.0.2.7', '198.51.100.9'], TXT: ['v=spf1 -all'] } })
    const opties: ProbeOpties = { ...LOKAAL, dnsServers: [`127.0.0.1:${dns.poort}`] }
    const a = await voerUit({ soort: 'dns', naam: 'koppeling.test', type: 'A', timeoutMs: 2000 }, opties)
    verwacht(a, 'geslaagd')
    expect(a.details?.antwoorden).toEqual(['192.0.2.7', '198.51.100.9'])
    verwacht(
      await voerUit({ soort: 'dns', naam: 'KOPPELING.test.', type: 'A', verwacht: '198.51.100.9', timeoutMs: 2000 }, opties),
      'geslaagd',
    )
    verwacht(
      await voerUit({ soort: 'dns', naam: 'koppeling.test', type: 'TXT', verwacht: 'v=spf1 -all', timeoutMs: 2000 }, opties),
      'geslaagd',
    )
    const anders = await voerUit({ soort: 'dns', naam: 'koppeling.test', type: 'A', verwacht: '203.0.113.1', timeoutMs: 2000 }, opties)
    verwacht(anders, 'fout-inhoud')
    expect(anders.reden.nl).toBe('koppeling.test (A) wijst niet naar 203.0.113.1 maar naar 192.0.2.7, 198.51.100.9.')
    const weg = await voerUit({ soort: 'dns', naam: 'weg.test', type: 'A', timeoutMs: 2000 }, opties)
    verwacht(weg, 'dns-fout')
    expect(weg.reden.nl).toBe('De naam weg.test bestaat niet in DNS.')
    const geenType = await voerUit({ soort: 'dns', naam: 'koppeling.test', type: 'MX', timeoutMs: 2000 }, opties)
    verwacht(geenType, 'dns-fout')
    dns.stil = true
    const stil = await voerUit({ soort: 'dns', naam: 'koppeling.test', type: 'A', timeoutMs: 300 }, opties)
    verwacht(stil, 'time-out')
    expect(stil.duurMs).toBeLessThan(1500)
  })
})

type Zone = Record<string, { A?: string[]; TXT?: string[] }>

/** A DNS server over UDP for A and TXT questions: just enough of RFC 1035 to answer the probe. */
async function dnsServer(zone: Zone) {
  const socket = dgram.createSocket('udp4')
  servers.push({ close: () => socket.close() })
  const staat = { poort: 0, stil: false }
  socket.on('message', (vraag, van) => {
    if (staat.stil) return
    let i = 12
    const labels: string[] = []
    while ((vraag[i] as number) > 0) {
      labels.push(vraag.subarray(i + 1, i + 1 + (vraag[i] as number)).toString('ascii'))
      i += (vraag[i] as number) + 1
    }
    const vraagEinde = i + 5
    const type = vraag.readUInt16BE(i + 1)
    const naam = labels.join('.').toLowerCase()
    const records = zone[naam]
    const waarden = type === 1 ? records?.A : type === 16 ? records?.TXT : undefined
    const antwoorden = (waarden ?? []).map((w) => {
      const rdata = type === 1 ? Buffer.from(w.split('.').map(Number)) : Buffer.concat([Buffer.from([w.length]), Buffer.from(w)])
      const kop = Buffer.alloc(12)
      kop.writeUInt16BE(0xc00c, 0) // pointer to the name in the question
      kop.writeUInt16BE(type, 2)
      kop.writeUInt16BE(1, 4)
      kop.writeUInt32BE(60, 6)
      kop.writeUInt16BE(rdata.length, 10)
      return Buffer.concat([kop, rdata])
    })
    const kop = Buffer.from(vraag.subarray(0, 12))
    kop.writeUInt16BE(records ? 0x8180 : 0x8183, 2) // answer; NXDOMAIN for an unknown name
    kop.writeUInt16BE(1, 4)
    kop.writeUInt16BE(antwoorden.length, 6)
    kop.writeUInt32BE(0, 8)
    socket.send(Buffer.concat([kop, vraag.subarray(12, vraagEinde), ...antwoorden]), van.port, van.address)
  })
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()))
  staat.poort = socket.address().port
  return staat
}

/** Certificates made for this test by the openssl command: a CA, and leaves signed by it or by themselves. */
function maakCertificaten(map: string) {
  const ossl = (...args: string[]) => execFileSync('openssl', args, { cwd: map, stdio: 'pipe' })
  const sleutel = (naam: string) => ossl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${naam}.key`)
  sleutel('ca')
  ossl('req', '-x509', '-new', '-key', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', '/CN=Regiekamer Test-CA/O=Regiekamer')
  ossl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'zelf.key',
    '-out',
    'zelf.pem',
    '-days',
    '30',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost,IP:127.0.0.1',
  )
  // `openssl ca` sets any start and end date, so an already expired certificate can be made.
  const cnf = `[ca]\ndefault_ca=d\n[d]\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial\ndefault_md=sha256\npolicy=p\nunique_subject=no\n[p]\ncommonName=supplied\n[server]\nbasicConstraints=CA:FALSE\nsubjectAltName=$ENV::SAN\nextendedKeyUsage=serverAuth\n[client]\nbasicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n`
  execFileSync('sh', ['-c', `printf '%s' "$CNF" > ca.cnf && : > index.txt && echo 01 > serial`], {
    cwd: map,
    env: { ...process.env, CNF: cnf },
  })
  const blad = (naam: string, cn: string, san: string, ext: 'server' | 'client', datums: string[]) => {
    sleutel(naam)
    ossl('req', '-new', '-key', `${naam}.key`, '-out', `${naam}.csr`, '-subj', `/CN=${cn}`)
    execFileSync(
      'openssl',
      [
        'ca',
        '-batch',
        '-config',
        'ca.cnf',
        '-cert',
        'ca.pem',
        '-keyfile',
        'ca.key',
        '-in',
        `${naam}.csr`,
        '-out',
        `${naam}.pem`,
        '-extensions',
        ext,
        ...datums,
      ],
      {
        cwd: map,
        stdio: 'pipe',
        env: { ...process.env, SAN: san },
      },
    )
  }
  blad('goed', 'localhost', 'DNS:localhost,IP:127.0.0.1', 'server', ['-days', '100'])
  blad('verlopen', 'localhost', 'DNS:localhost,IP:127.0.0.1', 'server', ['-startdate', '20200101000000Z', '-enddate', '20200201000000Z'])
  blad('anders', 'andere.example', 'DNS:andere.example', 'server', ['-days', '100'])
  blad('client', 'gemeente-voorbeeld', 'DNS:unused', 'client', ['-days', '30'])
  const lees = (f: string) => readFileSync(path.join(map, f), 'utf8')
  // Read now: the folder is removed right after.
  const paren = Object.fromEntries(
    ['goed', 'zelf', 'verlopen', 'anders', 'client'].map((n) => [n, { cert: lees(`${n}.pem`), key: lees(`${n}.key`) }]),
  )
  return {
    ca: lees('ca.pem'),
    paar: (naam: string) => paren[naam] as { cert: string; key: string },
  }
}

let certificaten: ReturnType<typeof maakCertificaten> | undefined
let geenOpenssl = ''
try {
  const map = mkdtempSync(path.join(os.tmpdir(), 'regiekamer-certs-'))
  try {
    certificaten = maakCertificaten(map)
  } finally {
    rmSync(map, { recursive: true, force: true })
  }
} catch (e) {
  // node:crypto cannot issue X.509 certificates, so without openssl there is nothing to serve.
  geenOpenssl = `openssl is not usable on this machine (${(e as Error).message.split('\n')[0]}); TLS probe tests skipped`
  console.warn(`monitor-probes: ${geenOpenssl}`)
}

describe.skipIf(!certificaten)('TLS and HTTPS probes with certificates made in the test', () => {
  const c = certificaten as NonNullable<typeof certificaten>
  const poorten: Record<string, number> = {}
  beforeAll(async () => {
    const maak = async (naam: string, paar: { cert: string; key: string }, extra: https.ServerOptions = {}) => {
      const s = volg(https.createServer({ ...paar, ...extra }, (_req, res) => res.end('veilig')))
      // A TLS failure on the server side is expected here, not a test error.
      s.on('tlsClientError', () => {})
      poorten[naam] = await luister(s)
    }
    await maak('goed', c.paar('goed'))
    await maak('zelf', c.paar('zelf'))
    await maak('verlopen', c.paar('verlopen'))
    await maak('anders', c.paar('anders'))
    await maak('mtls', c.paar('goed'), { requestCert: true, rejectUnauthorized: true, ca: c.ca })
  })
  const tls = (naam: string, extra: Partial<Controle> = {}) =>
    voerUit(
      {
        soort: 'tls',
        host: '127.0.0.1',
        port: poorten[naam] as number,
        servername: 'localhost',
        minDagenGeldig: 14,
        timeoutMs: 2000,
        caPem: c.ca,
        ...extra,
      } as Controle,
      LOKAAL,
    )
  const https_ = (naam: string, extra: Partial<HttpControle> = {}) =>
    voerUit({ soort: 'http', url: `https://127.0.0.1:${poorten[naam]}/`, methode: 'GET', timeoutMs: 2000, caPem: c.ca, ...extra }, LOKAAL)

  it('passes a valid certificate and describes it', async () => {
    const u = await tls('goed')
    verwacht(u, 'geslaagd')
    expect(u.details?.certificaat).toMatchObject({ hostnaamKlopt: true, ketenGeldig: true, onderwerp: 'localhost' })
    expect(u.details?.certificaat?.uitgever).toContain('Regiekamer Test-CA')
    expect([99, 100]).toContain(u.details?.certificaat?.dagenGeldig)
    const h = await https_('goed', { body: { soort: 'tekst-bevat', tekst: 'veilig' } })
    verwacht(h, 'geslaagd')
    expect(h.details?.certificaat?.ketenGeldig).toBe(true)
  })

  it('warns, still passing, when the certificate expires within minDagenGeldig', async () => {
    const u = await tls('goed', { minDagenGeldig: 120 })
    verwacht(u, 'certificaat-verloopt')
    expect(u.geslaagd).toBe(true)
    expect(u.reden.nl).toMatch(/^Het certificaat verloopt over (99|100) dagen/)
    // The same certificate seen from 95 days later.
    const later = await voerUit(
      {
        soort: 'tls',
        host: '127.0.0.1',
        port: poorten.goed as number,
        servername: 'localhost',
        minDagenGeldig: 7,
        timeoutMs: 2000,
        caPem: c.ca,
      },
      { ...LOKAAL, nu: () => new Date(Date.now() + 95 * 86_400_000) },
    )
    verwacht(later, 'certificaat-verloopt')
  })

  it('classifies an expired certificate', async () => {
    const u = await tls('verlopen')
    verwacht(u, 'certificaat-verlopen')
    expect(u.reden.nl).toBe('Het certificaat is verlopen op 2020-02-01.')
    expect(u.details?.certificaat?.dagenGeldig).toBeLessThan(0)
    verwacht(await https_('verlopen'), 'certificaat-verlopen')
  })

  it('classifies a self-signed certificate and an unknown CA as an untrusted chain', async () => {
    const u = await tls('zelf')
    verwacht(u, 'tls-fout')
    expect(u.reden.nl).toContain('zelfondertekend')
    expect(u.details?.certificaat).toMatchObject({ ketenGeldig: false, hostnaamKlopt: true })
    verwacht(await https_('zelf'), 'tls-fout')
    // Without the test CA among the trusted roots, a well-made certificate is not trusted either.
    const onbekend = await https_('goed', { caPem: undefined })
    verwacht(onbekend, 'tls-fout')
    expect(onbekend.reden.nl).toContain('uitgever')
  })

  it('classifies a certificate for another host name, with the chain still valid', async () => {
    const u = await tls('anders')
    verwacht(u, 'tls-fout')
    // An IP address as servername is no SNI (RFC 6066), but still the name the certificate must carry.
    const ip = await tls('anders', { servername: '127.0.0.1' })
    expect(ip.reden.nl).toBe('Het certificaat hoort niet bij 127.0.0.1.')
    verwacht(await tls('goed', { servername: '127.0.0.1' }), 'geslaagd')
    expect(u.reden.nl).toBe('Het certificaat hoort niet bij localhost.')
    expect(u.details?.certificaat).toMatchObject({ ketenGeldig: true, hostnaamKlopt: false, onderwerp: 'andere.example' })
    const h = await https_('anders')
    verwacht(h, 'tls-fout')
    expect(h.reden.nl).toBe('Het certificaat van de server hoort niet bij deze hostnaam.')
  })

  it('passes mTLS with the client certificate and fails clearly without it', async () => {
    const met = await https_('mtls', { clientCertificaat: { certPem: c.paar('client').cert, keyPem: c.paar('client').key } })
    verwacht(met, 'geslaagd')
    const zonder = await https_('mtls')
    expect(['tls-fout', 'verbinding-verbroken']).toContain(zonder.soort)
    expect(zonder.geslaagd).toBe(false)
    console.log(`monitor-probes: mTLS without client certificate → ${zonder.soort}: ${zonder.reden.nl}`)
  })
})

describe('soak', () => {
  it('runs thousands of probes without growing the heap or leaving sockets and timers behind', async () => {
    v8.setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    const AANTAL = 5000
    const TEGELIJK = 25
    // The failure paths too: a reset, a hang cut off by the deadline, a body cut off at maxBytes.
    const reset = volg(net.createServer((c) => c.once('data', () => c.resetAndDestroy())))
    const resetPoort = await luister(reset)
    // Reads the request (so it notices the probe hanging up), never answers.
    const hangt = volg(net.createServer((c) => c.resume()))
    const hangtPoort = await luister(hangt)
    const controles: Controle[] = [
      http_('/ok'),
      http_('/json', { body: { soort: 'json-pointer', pointer: '/status', waarde: 'UP' } }),
      http_('/kapot'),
      http_('/lus-a', { volgRedirects: 5 }),
      { soort: 'tcp', host: '127.0.0.1', port: gezond, timeoutMs: 1000 },
      { soort: 'http', url: `http://127.0.0.1:${resetPoort}/`, methode: 'GET', timeoutMs: 1000 },
      { soort: 'http', url: `http://127.0.0.1:${hangtPoort}/`, methode: 'GET', timeoutMs: 20 },
      http_('/groot', { maxBytes: 64 * 1024 }),
    ]
    // TLS too (a secure context per probe, with the extra CA), when openssl made certificates.
    if (certificaten) {
      const c = certificaten
      const s = volg(https.createServer(c.paar('goed'), (_req, res) => res.end('veilig')))
      const poort = await luister(s)
      controles.push(
        { soort: 'tls', host: '127.0.0.1', port: poort, servername: 'localhost', minDagenGeldig: 7, timeoutMs: 2000, caPem: c.ca },
        { soort: 'http', url: `https://127.0.0.1:${poort}/`, methode: 'GET', timeoutMs: 2000, caPem: c.ca },
      )
    }
    const waarschuwingen: string[] = []
    const bijWaarschuwing = (w: Error) => waarschuwingen.push(`${w.name}: ${w.message}`)
    process.on('warning', bijWaarschuwing)
    const ronde = async (n: number) => {
      let volgende = 0
      const soorten = new Map<string, number>()
      await Promise.all(
        Array.from({ length: TEGELIJK }, async () => {
          while (volgende < n) {
            const c = controles[volgende++ % controles.length] as Controle
            const u = await voerUit(c, LOKAAL)
            soorten.set(u.soort, (soorten.get(u.soort) ?? 0) + 1)
          }
        }),
      )
      return soorten
    }
    const bronnen = () => {
      const telling: Record<string, number> = {}
      for (const r of process.getActiveResourcesInfo()) telling[r] = (telling[r] ?? 0) + 1
      // The probes' own sockets: all TCP sockets minus those the test servers still hold.
      telling.clientSockets = (telling.TCPSocketWrap ?? 0) - open.size
      return telling
    }
    await ronde(500) // warm up: JIT, lazily loaded modules
    await new Promise((r) => setTimeout(r, 100))
    gc()
    const voor = process.memoryUsage().heapUsed
    const bronnenVoor = bronnen()
    const start = performance.now()
    const soorten = await ronde(AANTAL)
    const duur = performance.now() - start
    await new Promise((r) => setTimeout(r, 100))
    gc()
    gc()
    const na = process.memoryUsage().heapUsed
    const bronnenNa = bronnen()
    const groei = (na - voor) / MiB
    console.log(
      `monitor-probes soak: ${AANTAL} probes (${TEGELIJK} at a time) in ${(duur / 1000).toFixed(1)} s; heap ${(voor / MiB).toFixed(1)} MiB before, ${(na / MiB).toFixed(1)} MiB after (${groei >= 0 ? '+' : ''}${groei.toFixed(2)} MiB); outcomes ${JSON.stringify(Object.fromEntries(soorten))}; active resources before ${JSON.stringify(bronnenVoor)} after ${JSON.stringify(bronnenNa)}`,
    )
    process.off('warning', bijWaarschuwing)
    const elk = AANTAL / controles.length
    expect(Object.fromEntries(soorten)).toEqual({
      geslaagd: elk * (certificaten ? 5 : 3),
      'fout-status': elk,
      'redirect-lus': elk,
      'verbinding-verbroken': elk,
      'time-out': elk,
      'te-groot': elk,
    })
    // E.g. MaxListenersExceededWarning would mean listeners pile up on a shared object.
    expect(waarschuwingen).toEqual([])
    expect(groei).toBeLessThan(20)
    // No client socket or probe timer outlived its probe.
    expect(bronnenNa.clientSockets).toBeLessThanOrEqual(bronnenVoor.clientSockets as number)
    expect(bronnenNa.Timeout ?? 0).toBeLessThanOrEqual(bronnenVoor.Timeout ?? 0)
  })
})
