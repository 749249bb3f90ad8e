import { describe, expect, it } from 'vitest'
import {
  emailInhoud,
  JSON_VERSIE,
  jsonBody,
  MAX_POGINGEN,
  type Melding,
  slackBody,
  stelBerichtOp,
  teamsBody,
  tijdstipTekst,
  volgendePoging,
  WACHTTIJDEN_MS,
} from '../../src/monitor/meldingen/index.js'

// The words of a notification and its shape per format, and the retry schedule: all pure,
// pinned here exactly so a change to what a receiver gets is a visible change to a test.

// 7 December 2026 18:05 UTC = 19:05 in Amsterdam (winter, UTC+1).
const WINTER = Date.UTC(2026, 11, 7, 18, 5)
// 1 July 2026 10:00 UTC = 12:00 in Amsterdam (summer, UTC+2).
const ZOMER = Date.UTC(2026, 6, 1, 10, 0)

const storing: Melding = {
  soort: 'storing-geopend',
  sleutel: 'storing:42:geopend',
  tijdstip: WINTER,
  koppeling: { naam: 'Belastingen' },
  controle: { naam: 'Digitale Belastingbalie' },
  samenwerking: { naam: 'Wijdemeren & Hilversum' },
  reden: { nl: 'De server antwoordde met status 503, verwacht 200–299.', en: 'The server answered with status 503, expected 200–299.' },
  link: 'https://regiekamer.example.nl/monitoring/storingen/42',
}

describe('tijdstipTekst', () => {
  it('writes the Amsterdam time out, in winter and in summer', () => {
    expect(tijdstipTekst(WINTER)).toEqual({ nl: '7 december 2026 19:05', en: '7 December 2026 19:05' })
    expect(tijdstipTekst(ZOMER)).toEqual({ nl: '1 juli 2026 12:00', en: '1 July 2026 12:00' })
    // The last minute before the clocks go back (25 October 2026, 03:00 CEST = 01:00 UTC) and the first after.
    expect(tijdstipTekst(Date.UTC(2026, 9, 25, 0, 59)).nl).toBe('25 oktober 2026 02:59')
    expect(tijdstipTekst(Date.UTC(2026, 9, 25, 1, 0)).nl).toBe('25 oktober 2026 02:00')
    expect(tijdstipTekst(Date.UTC(2027, 0, 1, 0, 0)).nl).toBe('1 januari 2027 01:00')
  })

  it('does not throw on a time that is no number', () => {
    expect(tijdstipTekst(Number.NaN)).toEqual({ nl: 'onbekend tijdstip', en: 'unknown time' })
  })
})

describe('stelBerichtOp', () => {
  it('an opened storing: subject, sentence and fields, by name', () => {
    expect(stelBerichtOp(storing)).toEqual({
      soort: 'storing-geopend',
      onderwerp: { nl: 'Storing: Belastingen — Digitale Belastingbalie', en: 'Outage: Belastingen — Digitale Belastingbalie' },
      tekst: {
        nl: 'Regiekamer heeft op 7 december 2026 19:05 een storing vastgesteld bij koppeling Belastingen (controle Digitale Belastingbalie).',
        en: 'Regiekamer detected an outage of data link Belastingen (check Digitale Belastingbalie) on 7 December 2026 19:05.',
      },
      velden: [
        { label: { nl: 'Samenwerking', en: 'Cooperation' }, waarde: { nl: 'Wijdemeren & Hilversum', en: 'Wijdemeren & Hilversum' } },
        { label: { nl: 'Koppeling', en: 'Data link' }, waarde: { nl: 'Belastingen', en: 'Belastingen' } },
        { label: { nl: 'Controle', en: 'Check' }, waarde: { nl: 'Digitale Belastingbalie', en: 'Digitale Belastingbalie' } },
        { label: { nl: 'Tijdstip', en: 'Time' }, waarde: { nl: '7 december 2026 19:05', en: '7 December 2026 19:05' } },
        { label: { nl: 'Reden', en: 'Reason' }, waarde: storing.reden, breed: true },
      ],
      link: 'https://regiekamer.example.nl/monitoring/storingen/42',
    })
  })

  it('a resolved storing', () => {
    const b = stelBerichtOp({ ...storing, soort: 'storing-hersteld', reden: undefined })
    expect(b.onderwerp).toEqual({
      nl: 'Hersteld: Belastingen — Digitale Belastingbalie',
      en: 'Resolved: Belastingen — Digitale Belastingbalie',
    })
    expect(b.tekst.nl).toBe('De storing bij koppeling Belastingen (controle Digitale Belastingbalie) is op 7 december 2026 19:05 hersteld.')
    expect(b.velden.map((v) => v.label.nl)).toEqual(['Samenwerking', 'Koppeling', 'Controle', 'Tijdstip'])
  })

  it('a certificate about to expire: the days in the subject, singular and plural, today and past', () => {
    const cert = (dagenGeldig?: number): Melding => ({
      soort: 'certificaat-verloopt',
      sleutel: 'c',
      tijdstip: ZOMER,
      koppeling: { naam: 'Gegevensmakelaar' },
      controle: { naam: 'StUF-koppelvlak' },
      ...(dagenGeldig !== undefined ? { dagenGeldig } : {}),
      geldigTot: '2026-07-15T09:30:00.000Z',
    })
    expect(stelBerichtOp(cert(14)).onderwerp).toEqual({
      nl: 'Certificaat verloopt over 14 dagen: Gegevensmakelaar — StUF-koppelvlak',
      en: 'Certificate expires in 14 days: Gegevensmakelaar — StUF-koppelvlak',
    })
    expect(stelBerichtOp(cert(14)).tekst).toEqual({
      nl: 'Het certificaat bij koppeling Gegevensmakelaar (controle StUF-koppelvlak) verloopt over 14 dagen (geldig tot 15 juli 2026 11:30); vervang het tijdig.',
      en: 'The certificate of data link Gegevensmakelaar (check StUF-koppelvlak) expires in 14 days (valid until 15 July 2026 11:30); replace it in time.',
    })
    expect(stelBerichtOp(cert(1)).onderwerp.nl).toBe('Certificaat verloopt over 1 dag: Gegevensmakelaar — StUF-koppelvlak')
    expect(stelBerichtOp(cert(1)).onderwerp.en).toBe('Certificate expires in 1 day: Gegevensmakelaar — StUF-koppelvlak')
    expect(stelBerichtOp(cert(0)).onderwerp.nl).toBe('Certificaat verloopt vandaag: Gegevensmakelaar — StUF-koppelvlak')
    expect(stelBerichtOp(cert(-3)).onderwerp.nl).toBe('Certificaat is verlopen: Gegevensmakelaar — StUF-koppelvlak')
    expect(stelBerichtOp(cert(-3)).tekst.nl).toMatch(/is verlopen \(geldig tot 15 juli 2026 11:30\); vervang het\.$/)
    expect(stelBerichtOp(cert()).onderwerp.nl).toBe('Certificaat verloopt binnenkort: Gegevensmakelaar — StUF-koppelvlak')
    expect(stelBerichtOp(cert(14)).velden.at(-1)).toEqual({
      label: { nl: 'Geldig tot', en: 'Valid until' },
      waarde: { nl: '15 juli 2026 11:30', en: '15 July 2026 11:30' },
    })
  })

  it('a test notification', () => {
    const b = stelBerichtOp({ soort: 'test', sleutel: 't', tijdstip: WINTER, samenwerking: { naam: 'BghU' } })
    expect(b.onderwerp).toEqual({ nl: 'Testmelding van Regiekamer', en: 'Test notification from Regiekamer' })
    expect(b.tekst.nl).toBe('Dit is een testmelding, verstuurd op 7 december 2026 19:05. Komt hij aan, dan werkt dit meldingskanaal.')
    expect(b.velden.map((v) => v.waarde.nl)).toEqual(['BghU', '7 december 2026 19:05'])
  })

  it('without names the subject is just the kind', () => {
    const b = stelBerichtOp({ soort: 'storing-geopend', sleutel: 's', tijdstip: WINTER })
    expect(b.onderwerp).toEqual({ nl: 'Storing', en: 'Outage' })
    expect(b.tekst.nl).toBe('Regiekamer heeft op 7 december 2026 19:05 een storing vastgesteld bij een controle.')
    const alleenKoppeling = stelBerichtOp({ soort: 'storing-geopend', sleutel: 's', tijdstip: WINTER, koppeling: { naam: 'MDU' } })
    expect(alleenKoppeling.onderwerp.nl).toBe('Storing: MDU')
  })

  it('keeps only an http(s) link without credentials', () => {
    for (const link of ['javascript:alert(1)', 'ftp://x/y', 'https://u:p@regiekamer.example.nl/', 'geen url'])
      expect(stelBerichtOp({ ...storing, link }).link).toBeUndefined()
    expect(stelBerichtOp({ ...storing, link: 'http://localhost:3000/x' }).link).toBe('http://localhost:3000/x')
  })
})

describe('formats', () => {
  const b = stelBerichtOp(storing)

  it('json: the versioned body, ISO time in UTC, only names', () => {
    expect(jsonBody(storing, b)).toEqual({
      versie: 1,
      soort: 'storing-geopend',
      sleutel: 'storing:42:geopend',
      tijdstip: '2026-12-07T18:05:00.000Z',
      onderwerp: b.onderwerp,
      tekst: b.tekst,
      samenwerking: { naam: 'Wijdemeren & Hilversum' },
      koppeling: { naam: 'Belastingen' },
      controle: { naam: 'Digitale Belastingbalie' },
      reden: storing.reden,
      link: 'https://regiekamer.example.nl/monitoring/storingen/42',
    })
    expect(JSON_VERSIE).toBe(1)
    const cert: Melding = {
      soort: 'certificaat-verloopt',
      sleutel: 'c',
      tijdstip: ZOMER,
      dagenGeldig: 0,
      geldigTot: '2026-07-01T23:00:00Z',
    }
    expect(jsonBody(cert, stelBerichtOp(cert))).toMatchObject({ dagenGeldig: 0, geldigTot: '2026-07-01T23:00:00Z' })
    expect(Object.keys(jsonBody(cert, stelBerichtOp(cert)))).not.toContain('koppeling')
  })

  it('no format carries more than the names: ids or a probe target slipped into the input stay out', () => {
    const lekkend = {
      ...storing,
      koppeling: { naam: 'Belastingen', id: 'id-geheim-1' },
      controle: { naam: 'Digitale Belastingbalie', id: 'id-geheim-2', url: 'https://probe.intern.example/health' },
    } as Melding
    const bl = stelBerichtOp(lekkend)
    const uit = JSON.stringify([jsonBody(lekkend, bl), slackBody(bl), teamsBody(bl), emailInhoud(bl)])
    expect(uit).not.toContain('id-geheim')
    expect(uit).not.toContain('probe.intern')
  })

  it('slack (and Mattermost): text with the subject in bold, fields in a coloured attachment, <>& escaped', () => {
    const s = slackBody(stelBerichtOp({ ...storing, koppeling: { naam: 'A <!channel> & B' } }))
    expect(s.text).toBe(
      [
        '*Storing: A &lt;!channel&gt; &amp; B — Digitale Belastingbalie*',
        'Regiekamer heeft op 7 december 2026 19:05 een storing vastgesteld bij koppeling A &lt;!channel&gt; &amp; B (controle Digitale Belastingbalie).',
        'Regiekamer detected an outage of data link A &lt;!channel&gt; &amp; B (check Digitale Belastingbalie) on 7 December 2026 19:05.',
        '<https://regiekamer.example.nl/monitoring/storingen/42|Openen in Regiekamer (open in Regiekamer)>',
      ].join('\n'),
    )
    expect(s.attachments).toEqual([
      {
        fallback:
          'Storing: A &lt;!channel&gt; &amp; B — Digitale Belastingbalie — Regiekamer heeft op 7 december 2026 19:05 een storing vastgesteld bij koppeling A &lt;!channel&gt; &amp; B (controle Digitale Belastingbalie).',
        color: '#d13438',
        fields: [
          { title: 'Samenwerking', value: 'Wijdemeren &amp; Hilversum', short: true },
          { title: 'Koppeling', value: 'A &lt;!channel&gt; &amp; B', short: true },
          { title: 'Controle', value: 'Digitale Belastingbalie', short: true },
          { title: 'Tijdstip', value: '7 december 2026 19:05\n7 December 2026 19:05', short: true },
          {
            title: 'Reden',
            value: 'De server antwoordde met status 503, verwacht 200–299.\nThe server answered with status 503, expected 200–299.',
            short: false,
          },
        ],
        title: 'Openen in Regiekamer',
        title_link: 'https://regiekamer.example.nl/monitoring/storingen/42',
      },
    ])
    expect(slackBody(stelBerichtOp({ ...storing, soort: 'storing-hersteld' })).attachments[0]?.color).toBe('#107c10')
  })

  it('teams: a message with one Adaptive Card 1.4', () => {
    expect(teamsBody(b)).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            msteams: { width: 'Full' },
            body: [
              {
                type: 'TextBlock',
                text: 'Storing: Belastingen — Digitale Belastingbalie',
                weight: 'Bolder',
                size: 'Medium',
                color: 'Attention',
                wrap: true,
              },
              { type: 'TextBlock', text: b.tekst.nl, wrap: true },
              {
                type: 'FactSet',
                facts: [
                  { title: 'Samenwerking', value: 'Wijdemeren & Hilversum' },
                  { title: 'Koppeling', value: 'Belastingen' },
                  { title: 'Controle', value: 'Digitale Belastingbalie' },
                  { title: 'Tijdstip', value: '7 december 2026 19:05' },
                  { title: 'Reden', value: 'De server antwoordde met status 503, verwacht 200–299.' },
                ],
              },
              {
                type: 'TextBlock',
                text: `Outage: Belastingen — Digitale Belastingbalie. ${b.tekst.en}`,
                wrap: true,
                isSubtle: true,
                size: 'Small',
                spacing: 'Medium',
              },
            ],
            actions: [
              { type: 'Action.OpenUrl', title: 'Openen in Regiekamer', url: 'https://regiekamer.example.nl/monitoring/storingen/42' },
            ],
          },
        },
      ],
    })
    const zonderLink = teamsBody(stelBerichtOp({ ...storing, link: undefined }))
    expect(zonderLink.attachments[0]?.content).not.toHaveProperty('actions')
  })

  it('e-mail: Dutch subject on one line, text with both languages, HTML escaped', () => {
    const e = emailInhoud(stelBerichtOp({ ...storing, koppeling: { naam: 'Belastingen\r\nBcc: iedereen@example.nl <script>' } }))
    expect(e.onderwerp).toBe('Storing: Belastingen Bcc: iedereen@example.nl <script> — Digitale Belastingbalie')
    expect(e.html).not.toContain('<script>')
    expect(e.html).toContain('Belastingen\r\nBcc: iedereen@example.nl &lt;script&gt;')
    const gewoon = emailInhoud(b)
    expect(gewoon.tekst).toBe(
      [
        'Storing: Belastingen — Digitale Belastingbalie',
        '',
        b.tekst.nl,
        '',
        'Samenwerking: Wijdemeren & Hilversum',
        'Koppeling: Belastingen',
        'Controle: Digitale Belastingbalie',
        'Tijdstip: 7 december 2026 19:05',
        'Reden: De server antwoordde met status 503, verwacht 200–299.',
        '',
        'Openen in Regiekamer: https://regiekamer.example.nl/monitoring/storingen/42',
        '',
        '-- English --',
        '',
        'Outage: Belastingen — Digitale Belastingbalie',
        '',
        b.tekst.en,
        '',
        'Cooperation: Wijdemeren & Hilversum',
        'Data link: Belastingen',
        'Check: Digitale Belastingbalie',
        'Time: 7 December 2026 19:05',
        'Reason: The server answered with status 503, expected 200–299.',
        '',
        'Open in Regiekamer: https://regiekamer.example.nl/monitoring/storingen/42',
        '',
      ].join('\n'),
    )
    expect(gewoon.html).toContain('<td style="padding:2px 0">Wijdemeren &amp; Hilversum</td>')
    expect(gewoon.html).toContain('<a href="https://regiekamer.example.nl/monitoring/storingen/42">Openen in Regiekamer</a>')
    expect(gewoon.html).toContain('<div lang="en">')
  })
})

describe('volgendePoging', () => {
  const NU = 1_800_000_000_000
  const midden = () => 0.5

  it('waits 30 s, 2 min, 10 min, 30 min, 2 h, then gives up', () => {
    expect(WACHTTIJDEN_MS).toEqual([30_000, 120_000, 600_000, 1_800_000, 7_200_000])
    expect(MAX_POGINGEN).toBe(6)
    expect([1, 2, 3, 4, 5].map((n) => (volgendePoging(n, NU, midden) as number) - NU)).toEqual([
      30_000, 120_000, 600_000, 1_800_000, 7_200_000,
    ])
    expect(volgendePoging(6, NU, midden)).toBeUndefined()
    expect(volgendePoging(100, NU, midden)).toBeUndefined()
    expect(volgendePoging(0, NU, midden)).toBe(NU)
  })

  it('jitter stays within ±20 % and spreads', () => {
    expect(volgendePoging(1, NU, () => 0)).toBe(NU + 24_000)
    expect(volgendePoging(1, NU, () => 0.999_999)).toBe(NU + 36_000)
    // A broken random source cannot push a retry outside the band.
    expect(volgendePoging(1, NU, () => 7)).toBe(NU + 36_000)
    expect(volgendePoging(1, NU, () => -1)).toBe(NU + 24_000)
    const gezien = new Set<number>()
    for (let i = 0; i < 200; i++) {
      const t = volgendePoging(5, NU) as number
      expect(t - NU).toBeGreaterThanOrEqual(5_760_000)
      expect(t - NU).toBeLessThanOrEqual(8_640_000)
      gezien.add(t)
    }
    expect(gezien.size).toBeGreaterThan(100)
  })

  it('an attempt count that is no count gives up rather than retrying forever', () => {
    expect(volgendePoging(-1, NU)).toBeUndefined()
    expect(volgendePoging(1.5, NU)).toBeUndefined()
    expect(volgendePoging(Number.NaN, NU)).toBeUndefined()
  })
})
