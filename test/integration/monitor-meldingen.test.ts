import http from 'node:http'
import net from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  emailInhoud,
  type Melding,
  type Meldingskanaal,
  slackBody,
  stelBerichtOp,
  teamsBody,
  type VerzendOpties,
  type Verzenduitkomst,
  verstuurMelding,
} from '../../src/monitor/meldingen/index.js'

// Sending one notification for real: webhooks to a node:http server on 127.0.0.1 (exact
// payload per format, headers, and a server that hangs, fails, refuses, throttles or
// redirects), the address policy (loopback refused unless allowed, metadata always), and
// e-mail through an in-process SMTP server (delivery, login, a refused recipient, a
// server that never greets). Every send must come back — no exception — within its timeout.

const LOKAAL: VerzendOpties = { loopbackToegestaan: true, priveToegestaan: false, timeoutMs: 2_000 }
const TEST = { timeout: 10_000 }

const melding: Melding = {
  soort: 'storing-geopend',
  sleutel: 'storing:42:geopend',
  tijdstip: Date.UTC(2026, 11, 7, 18, 5),
  koppeling: { naam: 'Belastingen' },
  controle: { naam: 'Digitale Belastingbalie' },
  samenwerking: { naam: 'Wijdemeren & Hilversum' },
  reden: { nl: 'De server antwoordde met status 503.', en: 'The server answered with status 503.' },
  link: 'https://regiekamer.example.nl/monitoring/storingen/42',
}

interface Ontvangen {
  methode: string
  pad: string
  headers: http.IncomingHttpHeaders
  body: string
}

const ontvangen: Ontvangen[] = []
const sockets = new Set<net.Socket>()
let webPoort = 0
let webServer: http.Server

function route(req: http.IncomingMessage, res: http.ServerResponse) {
  const stuur = (status: number, tekst = '', headers: Record<string, string> = {}) => {
    res.writeHead(status, headers)
    res.end(tekst)
  }
  switch (req.url?.split('?')[0]) {
    case '/ok':
    case '/hooks/T000/B000/GEHEIM':
      return stuur(200, 'ok')
    case '/aangenomen':
      return stuur(202)
    case '/kapot':
      return stuur(500, 'interne fout')
    case '/onbekend':
      return stuur(404, 'no_service\n   (the webhook was deleted)')
    case '/druk':
      return stuur(429, 'rate_limited', { 'retry-after': '30' })
    case '/traag-verzoek':
      return stuur(408)
    case '/verhuisd':
      return stuur(302, '', { location: `http://127.0.0.1:${webPoort}/ok` })
    case '/groot-fout': {
      res.writeHead(400, { 'content-type': 'text/plain' })
      // 2 MiB of error page: only 64 KiB may be read.
      res.end(Buffer.alloc(2 * 1024 * 1024, 'x'))
      return
    }
    case '/hangt':
      // Never answers; the socket is destroyed in afterAll if the client did not.
      return
    default:
      return stuur(404)
  }
}

beforeAll(async () => {
  webServer = http.createServer((req, res) => {
    const delen: Buffer[] = []
    req.on('data', (d: Buffer) => delen.push(d))
    req.on('end', () => {
      const body = Buffer.concat(delen).toString('utf8')
      ontvangen.push({ methode: req.method ?? '', pad: req.url ?? '', headers: req.headers, body })
      route(req, res)
    })
  })
  webServer.on('connection', (s) => {
    s.on('error', () => {})
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  webPoort = await new Promise<number>((resolve) =>
    webServer.listen(0, '127.0.0.1', () => resolve((webServer.address() as net.AddressInfo).port)),
  )
})

afterAll(async () => {
  for (const s of sockets) s.destroy()
  await new Promise<void>((resolve) => webServer.close(() => resolve()))
})

const url = (pad: string) => `http://127.0.0.1:${webPoort}${pad}`
const webhook = (pad: string, formaat: 'json' | 'teams' | 'slack' = 'json', headers?: Record<string, string>): Meldingskanaal => ({
  soort: 'webhook',
  formaat,
  url: url(pad),
  ...(headers ? { headers } : {}),
})

/** Sends and returns what the server received on that path during the send. */
async function stuur(kanaal: Meldingskanaal, opties: VerzendOpties = LOKAAL, m: Melding = melding) {
  const voor = ontvangen.length
  const uitkomst = await verstuurMelding(kanaal, m, opties)
  return { uitkomst, verzoeken: ontvangen.slice(voor) }
}

const mislukt = (u: Verzenduitkomst) => {
  if (u.geslaagd) throw new Error('expected a failure')
  return u
}

describe('webhook: payload per format', () => {
  it('json: the versioned body, POST, content type, own headers sent, reserved ones not overridden', TEST, async () => {
    const { uitkomst, verzoeken } = await stuur(
      webhook('/ok', 'json', {
        Authorization: 'Bearer geheim-token',
        'X-Omgeving': 'test',
        'Content-Type': 'text/plain',
        Host: 'elders.example',
      }),
    )
    expect(uitkomst).toEqual({ geslaagd: true, duurMs: expect.any(Number) })
    expect(verzoeken).toHaveLength(1)
    const v = verzoeken[0] as Ontvangen
    expect(v.methode).toBe('POST')
    expect(v.pad).toBe('/ok')
    expect(v.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(v.headers.authorization).toBe('Bearer geheim-token')
    expect(v.headers['x-omgeving']).toBe('test')
    expect(v.headers.host).toBe(`127.0.0.1:${webPoort}`)
    expect(v.headers['user-agent']).toBe('Regiekamer-meldingen/1')
    expect(Number(v.headers['content-length'])).toBe(Buffer.byteLength(v.body))
    expect(JSON.parse(v.body)).toEqual({
      versie: 1,
      soort: 'storing-geopend',
      sleutel: 'storing:42:geopend',
      tijdstip: '2026-12-07T18:05:00.000Z',
      onderwerp: { nl: 'Storing: Belastingen — Digitale Belastingbalie', en: 'Outage: Belastingen — Digitale Belastingbalie' },
      tekst: {
        nl: 'Regiekamer heeft op 7 december 2026 19:05 een storing vastgesteld bij koppeling Belastingen (controle Digitale Belastingbalie).',
        en: 'Regiekamer detected an outage of data link Belastingen (check Digitale Belastingbalie) on 7 December 2026 19:05.',
      },
      samenwerking: { naam: 'Wijdemeren & Hilversum' },
      koppeling: { naam: 'Belastingen' },
      controle: { naam: 'Digitale Belastingbalie' },
      reden: { nl: 'De server antwoordde met status 503.', en: 'The server answered with status 503.' },
      link: 'https://regiekamer.example.nl/monitoring/storingen/42',
    })
  })

  it('teams: the Adaptive Card message; 202 (as Workflows answers) is a success', TEST, async () => {
    const { uitkomst, verzoeken } = await stuur(webhook('/aangenomen', 'teams'))
    expect(uitkomst.geslaagd).toBe(true)
    expect(JSON.parse((verzoeken[0] as Ontvangen).body)).toEqual(teamsBody(stelBerichtOp(melding)))
    const kaart = JSON.parse((verzoeken[0] as Ontvangen).body)
    expect(kaart.type).toBe('message')
    expect(kaart.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive')
    expect(kaart.attachments[0].content.type).toBe('AdaptiveCard')
    expect(kaart.attachments[0].content.body[0].text).toBe('Storing: Belastingen — Digitale Belastingbalie')
  })

  it('slack / Mattermost: text plus one attachment', TEST, async () => {
    const hersteld: Melding = { ...melding, soort: 'storing-hersteld', reden: undefined }
    const { uitkomst, verzoeken } = await stuur(webhook('/hooks/T000/B000/GEHEIM', 'slack'), LOKAAL, hersteld)
    expect(uitkomst.geslaagd).toBe(true)
    const body = JSON.parse((verzoeken[0] as Ontvangen).body)
    expect(body).toEqual(slackBody(stelBerichtOp(hersteld)))
    expect(body.text.split('\n')[0]).toBe('*Hersteld: Belastingen — Digitale Belastingbalie*')
    expect(body.attachments[0].color).toBe('#107c10')
  })
})

describe('webhook: how a failure is judged', () => {
  it('500 → temporary', TEST, async () => {
    const u = mislukt((await stuur(webhook('/kapot'))).uitkomst)
    expect(u.tijdelijk).toBe(true)
    expect(u.reden.nl).toBe(`De webhook op 127.0.0.1:${webPoort} gaf een serverfout (status 500) ("interne fout").`)
  })

  it('404 → permanent, with the start of the answer on one line', TEST, async () => {
    const u = mislukt((await stuur(webhook('/onbekend'))).uitkomst)
    expect(u.tijdelijk).toBe(false)
    expect(u.reden.en).toContain('refused the notification with status 404 ("no_service (the webhook was deleted)")')
  })

  it('429 and 408 → temporary', TEST, async () => {
    const druk = mislukt((await stuur(webhook('/druk'))).uitkomst)
    expect(druk.tijdelijk).toBe(true)
    expect(druk.reden.nl).toContain('status 429 (te veel verzoeken)')
    expect(mislukt((await stuur(webhook('/traag-verzoek'))).uitkomst).tijdelijk).toBe(true)
  })

  it('a redirect is not followed → permanent', TEST, async () => {
    const { uitkomst, verzoeken } = await stuur(webhook('/verhuisd'))
    const u = mislukt(uitkomst)
    expect(u.tijdelijk).toBe(false)
    expect(u.reden.nl).toContain('verwijst door (status 302); Regiekamer volgt geen doorverwijzingen')
    expect(verzoeken.map((v) => v.pad)).toEqual(['/verhuisd'])
  })

  it('a hanging server → temporary time-out, within the timeout', TEST, async () => {
    const start = performance.now()
    const { uitkomst } = await stuur(webhook('/hangt'), { ...LOKAAL, timeoutMs: 300 })
    const duur = performance.now() - start
    const u = mislukt(uitkomst)
    expect(u.tijdelijk).toBe(true)
    expect(u.reden.nl).toBe(`Webhook op 127.0.0.1:${webPoort}: Geen antwoord binnen 300 ms (wachtend op het antwoord).`)
    expect(duur).toBeGreaterThanOrEqual(290)
    expect(duur).toBeLessThan(1_000)
    expect(u.duurMs).toBeLessThan(1_000)
  })

  it('a huge error page is read no further than 64 KiB', TEST, async () => {
    const start = performance.now()
    const u = mislukt((await stuur(webhook('/groot-fout'))).uitkomst)
    expect(u.tijdelijk).toBe(false)
    expect(u.reden.nl).toContain('status 400')
    expect(performance.now() - start).toBeLessThan(1_500)
  })

  it('a closed port → temporary', TEST, async () => {
    const leeg = net.createServer()
    const poort = await new Promise<number>((resolve) =>
      leeg.listen(0, '127.0.0.1', () => resolve((leeg.address() as net.AddressInfo).port)),
    )
    await new Promise<void>((resolve) => leeg.close(() => resolve()))
    const u = mislukt(await verstuurMelding({ soort: 'webhook', formaat: 'json', url: `http://127.0.0.1:${poort}/x` }, melding, LOKAAL))
    expect(u.tijdelijk).toBe(true)
    expect(u.reden.nl).toContain('De server weigert de verbinding')
  })

  it('never names the webhook URL (often the secret itself), only its host', TEST, async () => {
    const u = mislukt(
      await verstuurMelding(
        { soort: 'webhook', formaat: 'slack', url: url('/hooks/T000/B000/GEHEIM').replace('GEHEIM', 'GEHEIM-maar-kapot') },
        melding,
        LOKAAL,
      ),
    )
    expect(JSON.stringify(u)).not.toContain('GEHEIM')
    expect(u.reden.nl).toContain(`127.0.0.1:${webPoort}`)
  })
})

describe('webhook: which addresses and URLs are refused before anything goes out', () => {
  it('loopback when the configuration does not allow it → permanent, nothing received', TEST, async () => {
    const { uitkomst, verzoeken } = await stuur(webhook('/ok'), { ...LOKAAL, loopbackToegestaan: false })
    const u = mislukt(uitkomst)
    expect(u.tijdelijk).toBe(false)
    expect(u.reden.nl).toBe('127.0.0.1 is een loopback-adres (deze machine zelf); dat is niet toegestaan in de configuratie.')
    expect(verzoeken).toEqual([])
  })

  it('"localhost" resolves to loopback and is refused the same way', TEST, async () => {
    const u = mislukt(
      await verstuurMelding({ soort: 'webhook', formaat: 'json', url: `http://localhost:${webPoort}/ok` }, melding, {
        ...LOKAAL,
        loopbackToegestaan: false,
      }),
    )
    expect(u.tijdelijk).toBe(false)
    expect(u.reden.nl).toContain('loopback-adres')
  })

  it('169.254.169.254 always, even with loopback and private allowed', TEST, async () => {
    const start = performance.now()
    const u = mislukt(
      await verstuurMelding({ soort: 'webhook', formaat: 'json', url: 'http://169.254.169.254/latest/meta-data/' }, melding, {
        ...LOKAAL,
        priveToegestaan: true,
      }),
    )
    expect(u.tijdelijk).toBe(false)
    expect(u.reden.nl).toBe('169.254.169.254 is een metadata-adres van een cloudplatform; daar mag een controle nooit komen.')
    expect(performance.now() - start).toBeLessThan(200)
  })

  it('a URL with credentials → permanent, nothing received', TEST, async () => {
    const { uitkomst, verzoeken } = await stuur({
      soort: 'webhook',
      formaat: 'json',
      url: `http://gebruiker:wachtwoord@127.0.0.1:${webPoort}/ok`,
    })
    const u = mislukt(uitkomst)
    expect(u.tijdelijk).toBe(false)
    expect(u.reden.nl).toContain('gebruikersnaam of wachtwoord')
    expect(JSON.stringify(u)).not.toContain('wachtwoord@')
    expect(verzoeken).toEqual([])
  })

  it('other schemes, an invalid URL, a header with a line break, a bad timeout → permanent', TEST, async () => {
    const fouten = await Promise.all([
      verstuurMelding({ soort: 'webhook', formaat: 'json', url: 'ftp://127.0.0.1/x' }, melding, LOKAAL),
      verstuurMelding({ soort: 'webhook', formaat: 'json', url: 'geen url' }, melding, LOKAAL),
      verstuurMelding(webhook('/ok', 'json', { 'X-Kop': 'a\r\nX-Extra: b' }), melding, LOKAAL),
      verstuurMelding(webhook('/ok'), melding, { ...LOKAAL, timeoutMs: 0 }),
      verstuurMelding({ soort: 'webhook', formaat: 'xml' as 'json', url: url('/ok') }, melding, LOKAAL),
    ])
    for (const f of fouten) expect(mislukt(f).tijdelijk).toBe(false)
    expect(mislukt(fouten[2] as Verzenduitkomst).reden.nl).toBe("De header 'X-Kop' heeft een ongeldige naam of waarde.")
  })
})

// --- e-mail ------------------------------------------------------------------------------

interface Mail {
  van: string
  aan: string[]
  gebruiker?: string
  ruw: string
}

/** RFC 2047 encoded words (as nodemailer writes a non-ASCII subject), adjacent ones joined. */
function decodeerKop(waarde: string): string {
  const ontvouwen = waarde.replace(/\r?\n[ \t]+/g, ' ')
  return ontvouwen.replace(/\?=\s+=\?/g, '?==?').replace(/(=\?UTF-8\?([QB])\?([^?]*)\?=)+/gi, (geheel) => {
    const bytes: Buffer[] = []
    for (const [, soort, tekst] of geheel.matchAll(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi)) {
      if ((soort as string).toUpperCase() === 'B') bytes.push(Buffer.from(tekst as string, 'base64'))
      else
        bytes.push(
          Buffer.from(
            (tekst as string).replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ),
        )
    }
    return Buffer.concat(bytes).toString('utf8')
  })
}

const kop = (ruw: string, naam: string): string | undefined => {
  const kopdeel = ruw.split(/\r\n\r\n/)[0] as string
  const m = new RegExp(`^${naam}:(.*(?:\\r\\n[ \\t].*)*)`, 'im').exec(kopdeel)
  return m ? decodeerKop((m[1] as string).trim()) : undefined
}

/** The text/plain part of the multipart message, quoted-printable or base64 decoded. */
function tekstDeel(ruw: string): string {
  const grens = /boundary="?([^";\r\n]+)"?/i.exec(ruw)?.[1]
  if (!grens) throw new Error(`not multipart:\n${ruw}`)
  const deel = ruw.split(`--${grens}`).find((d) => /^\r\nContent-Type: text\/plain/i.test(d))
  if (!deel) throw new Error(`no text/plain part in:\n${ruw}`)
  const scheiding = deel.indexOf('\r\n\r\n')
  const codering = /Content-Transfer-Encoding: ([\w-]+)/i.exec(deel.slice(0, scheiding))?.[1]?.toLowerCase() ?? '7bit'
  const inhoud = deel.slice(scheiding + 4).replace(/\r\n$/, '')
  if (codering === 'base64') return Buffer.from(inhoud, 'base64').toString('utf8')
  if (codering === 'quoted-printable')
    return Buffer.from(
      inhoud.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(Number.parseInt(h, 16))),
      'latin1',
    )
      .toString('utf8')
      .replace(/\r\n/g, '\n')
  return inhoud.replace(/\r\n/g, '\n')
}

const mails: Mail[] = []
let smtpServer: SMTPServer
let smtpPoort = 0
let stilServer: net.Server
let stilPoort = 0
const stilleSockets = new Set<net.Socket>()

beforeAll(async () => {
  smtpServer = new SMTPServer({
    logger: false,
    // A local test server without TLS; login over plain text is allowed only here.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    onAuth(auth, _sessie, klaar) {
      if (auth.username === 'regiekamer' && auth.password === 'g3h€im:/@') return klaar(null, { user: auth.username })
      return klaar(Object.assign(new Error('Aanmelden mislukt'), { responseCode: 535 }))
    },
    onRcptTo(adres, _sessie, klaar) {
      if (adres.address.startsWith('onbekend@')) return klaar(Object.assign(new Error('Mailbox bestaat niet'), { responseCode: 550 }))
      if (adres.address.startsWith('vol@')) return klaar(Object.assign(new Error('Mailbox tijdelijk vol'), { responseCode: 452 }))
      klaar()
    },
    onData(stroom, sessie, klaar) {
      const delen: Buffer[] = []
      stroom.on('data', (d: Buffer) => delen.push(d))
      stroom.on('end', () => {
        mails.push({
          van: sessie.envelope.mailFrom ? sessie.envelope.mailFrom.address : '',
          aan: sessie.envelope.rcptTo.map((r) => r.address),
          ...(typeof sessie.user === 'string' ? { gebruiker: sessie.user } : {}),
          ruw: Buffer.concat(delen).toString('utf8'),
        })
        klaar()
      })
    },
  })
  smtpPoort = await new Promise<number>((resolve) => {
    const s = smtpServer.listen(0, '127.0.0.1', () => resolve((s.address() as net.AddressInfo).port))
  })
  // Accepts the connection and never says a word: no greeting.
  stilServer = net.createServer((s) => {
    s.on('error', () => {})
    stilleSockets.add(s)
    s.on('close', () => stilleSockets.delete(s))
  })
  stilPoort = await new Promise<number>((resolve) =>
    stilServer.listen(0, '127.0.0.1', () => resolve((stilServer.address() as net.AddressInfo).port)),
  )
})

afterAll(async () => {
  for (const s of stilleSockets) s.destroy()
  await new Promise<void>((resolve) => stilServer.close(() => resolve()))
  await new Promise<void>((resolve) => smtpServer.close(() => resolve()))
})

const smtpOpties = (gebruiker = 'regiekamer', wachtwoord = 'g3h€im:/@', poort = () => smtpPoort): VerzendOpties => ({
  // loopback is NOT allowed: the mail server is the operator's configuration, not checked by the address policy.
  loopbackToegestaan: false,
  priveToegestaan: false,
  timeoutMs: 3_000,
  smtp: {
    url: `smtp://${encodeURIComponent(gebruiker)}:${encodeURIComponent(wachtwoord)}@127.0.0.1:${poort()}`,
    van: 'Regiekamer <noreply@regiekamer.example.nl>',
  },
})

describe('e-mail', () => {
  it('arrives with subject, recipients, sender, both parts, after logging in', TEST, async () => {
    const voor = mails.length
    const u = await verstuurMelding(
      { soort: 'email', aan: ['beheer@gemeente.example.nl', 'ciso@gemeente.example.nl'] },
      melding,
      smtpOpties(),
    )
    expect(u).toEqual({ geslaagd: true, duurMs: expect.any(Number) })
    expect(mails).toHaveLength(voor + 1)
    const mail = mails.at(-1) as Mail
    expect(mail.gebruiker).toBe('regiekamer')
    expect(mail.van).toBe('noreply@regiekamer.example.nl')
    expect(mail.aan).toEqual(['beheer@gemeente.example.nl', 'ciso@gemeente.example.nl'])
    expect(kop(mail.ruw, 'Subject')).toBe('Storing: Belastingen — Digitale Belastingbalie')
    expect(kop(mail.ruw, 'To')).toBe('beheer@gemeente.example.nl, ciso@gemeente.example.nl')
    expect(kop(mail.ruw, 'Auto-Submitted')).toBe('auto-generated')
    expect(kop(mail.ruw, 'X-Regiekamer-Melding')).toBe('storing-geopend')
    expect(mail.ruw).toMatch(/Content-Type: multipart\/alternative/i)
    expect(mail.ruw).toMatch(/Content-Type: text\/html/i)
    const tekst = tekstDeel(mail.ruw)
    expect(tekst).toContain(
      'Regiekamer heeft op 7 december 2026 19:05 een storing vastgesteld bij koppeling Belastingen (controle Digitale Belastingbalie).',
    )
    expect(tekst).toContain('Reden: De server antwoordde met status 503.')
    expect(tekst).toContain('Reason: The server answered with status 503.')
    expect(tekst).toBe(emailInhoud(stelBerichtOp(melding)).tekst)
  })

  it('a test notification has its own subject', TEST, async () => {
    const u = await verstuurMelding(
      { soort: 'email', aan: ['beheer@gemeente.example.nl'] },
      { soort: 'test', sleutel: 't', tijdstip: melding.tijdstip },
      smtpOpties(),
    )
    expect(u.geslaagd).toBe(true)
    expect(kop((mails.at(-1) as Mail).ruw, 'Subject')).toBe('Testmelding van Regiekamer')
  })

  it('a wrong password → permanent (535)', TEST, async () => {
    const u = mislukt(
      await verstuurMelding({ soort: 'email', aan: ['beheer@gemeente.example.nl'] }, melding, smtpOpties('regiekamer', 'fout')),
    )
    expect(u.tijdelijk).toBe(false)
    expect(u.reden.nl).toContain('weigerde de aanmelding (535')
    expect(JSON.stringify(u)).not.toContain('verkeerd-wachtwoord-7')
  })

  it('a recipient refused with 550 → permanent, nothing delivered', TEST, async () => {
    const voor = mails.length
    const u = mislukt(await verstuurMelding({ soort: 'email', aan: ['onbekend@gemeente.example.nl'] }, melding, smtpOpties()))
    expect(u.tijdelijk).toBe(false)
    expect(u.reden.nl).toContain('550')
    expect(mails).toHaveLength(voor)
  })

  it('a recipient refused for now (452) → temporary', TEST, async () => {
    const u = mislukt(await verstuurMelding({ soort: 'email', aan: ['vol@gemeente.example.nl'] }, melding, smtpOpties()))
    expect(u.tijdelijk).toBe(true)
    expect(u.reden.nl).toContain('452')
  })

  it('one of two recipients refused: the other has it, so no retry (permanent) and the reason names who', TEST, async () => {
    const voor = mails.length
    const u = mislukt(
      await verstuurMelding({ soort: 'email', aan: ['beheer@gemeente.example.nl', 'onbekend@gemeente.example.nl'] }, melding, smtpOpties()),
    )
    expect(u.tijdelijk).toBe(false)
    expect(u.reden.nl).toContain('onbekend@gemeente.example.nl')
    expect(mails).toHaveLength(voor + 1)
    expect((mails.at(-1) as Mail).aan).toEqual(['beheer@gemeente.example.nl'])
  })

  it('a server that never greets → temporary, within the timeout', TEST, async () => {
    const start = performance.now()
    const u = mislukt(
      await verstuurMelding({ soort: 'email', aan: ['beheer@gemeente.example.nl'] }, melding, {
        ...smtpOpties('regiekamer', 'g3h€im:/@', () => stilPoort),
        timeoutMs: 400,
      }),
    )
    const duur = performance.now() - start
    expect(u.tijdelijk).toBe(true)
    expect(u.reden.nl).toBe(`De mailserver 127.0.0.1:${stilPoort} antwoordde niet binnen 400 ms.`)
    expect(duur).toBeGreaterThanOrEqual(390)
    expect(duur).toBeLessThan(1_500)
  })

  it('a closed port → temporary', TEST, async () => {
    const leeg = net.createServer()
    const poort = await new Promise<number>((resolve) =>
      leeg.listen(0, '127.0.0.1', () => resolve((leeg.address() as net.AddressInfo).port)),
    )
    await new Promise<void>((resolve) => leeg.close(() => resolve()))
    const u = mislukt(
      await verstuurMelding(
        { soort: 'email', aan: ['beheer@gemeente.example.nl'] },
        melding,
        smtpOpties('a', 'b', () => poort),
      ),
    )
    expect(u.tijdelijk).toBe(true)
  })

  it('no SMTP server, a wrong scheme, a bad sender or recipient, no recipients → permanent, nothing sent', TEST, async () => {
    const voor = mails.length
    const aan = { soort: 'email' as const, aan: ['beheer@gemeente.example.nl'] }
    const { smtp: _, ...zonder } = smtpOpties()
    const basis = smtpOpties()
    const fouten = await Promise.all([
      verstuurMelding(aan, melding, zonder),
      verstuurMelding(aan, melding, { ...basis, smtp: { url: `http://127.0.0.1:${smtpPoort}`, van: 'a@b.nl' } }),
      verstuurMelding(aan, melding, { ...basis, smtp: { url: basis.smtp?.url as string, van: 'geen adres' } }),
      verstuurMelding({ soort: 'email', aan: ['a@b.nl\r\nBcc: x@y.nl'] }, melding, basis),
      verstuurMelding({ soort: 'email', aan: [] }, melding, basis),
    ])
    for (const f of fouten) expect(mislukt(f).tijdelijk).toBe(false)
    expect(mislukt(fouten[0] as Verzenduitkomst).reden.nl).toBe(
      'Er is geen SMTP-server ingesteld; e-mailmeldingen kunnen niet worden verstuurd.',
    )
    expect(mails).toHaveLength(voor)
  })
})
