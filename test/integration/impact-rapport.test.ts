import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { alsGebruiker, type Lijst, startDemoServer } from '../helpers/demo.js'
import { pdfTekst } from '../helpers/pdf.js'
import type { TestServer } from '../helpers/server.js'
import { isProblem, type Session } from '../helpers/toegang.js'

// The council report of an impact scenario over HTTP on the demo: the seed's own
// question "Wijdemeren stopt met de gastheerschappen van Hilversum", as Markdown and
// PDF, per role — a party that takes no part does not learn the scenario exists.

let server: TestServer
const sessies: Record<string, Session> = {}
const als = alsGebruiker(() => server, sessies)
let impactId = ''
let businesscaseId = ''

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

beforeAll(async () => {
  server = await startDemoServer(['admin', 'regisseur-hilversum', 'lezer-wijdemeren'], sessies)
  const heemstede = await als.get<Lijst<{ id: string }>>('admin', '/organisaties?cbsCode=GM0397')
  await als.gebruikerMet('lezer-heemstede', [{ rol: 'lezer', organisatieId: heemstede.body.resultaten[0]?.id ?? '' }])
  const scenarios = await als.get<Lijst<{ id: string; naam: string; soort: string }>>('regisseur-hilversum', '/scenarios?paginaGrootte=100')
  impactId = scenarios.body.resultaten.find((s) => s.naam.startsWith('Wijdemeren stopt'))?.id ?? ''
  businesscaseId = scenarios.body.resultaten.find((s) => s.soort === 'nieuwe samenwerking')?.id ?? ''
  expect(impactId).not.toBe('')
  expect(businesscaseId).not.toBe('')
}, 120_000)
afterAll(async () => server?.close())

describe('GET /scenarios/{id}/rapport', () => {
  it('gives the Markdown report by default: question, paths, owners, euros, Fictief, no ids', async () => {
    const res = await als.get<string>('regisseur-hilversum', `/scenarios/${impactId}/rapport`)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/markdown; charset=utf-8/)
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="impactanalyse-wijdemeren-stopt-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.md"$/,
    )
    expect(res.headers['cache-control']).toBe('private, no-store')
    const md = res.text
    expect(md).toContain('# Impactanalyse: Wijdemeren stopt met de gastheerschappen van Hilversum')
    expect(md).toContain('Kan de samenwerking worden ontvlochten en zo ja, wat zijn daarvan de gevolgen?')
    expect(md).toMatch(/Wijdemeren treedt per 1 januari 2028 uit de samenwerking \S/)
    expect(md).toMatch(/\S → \S/)
    expect(md).toMatch(/€\s(\+|-)?\d{1,3}(\.\d{3})*,\d{2}/)
    expect(md).toContain('€\u00a0180.000,00')
    expect(md).toContain('Hilversum')
    expect(md).toContain('## Kosteneffect')
    expect(md).toContain('## Open risico’s')
    expect(md).toContain('FICTIEF')
    expect(md).toMatch(/Gemaakt door Regiekamer op .* \(Europe\/Amsterdam\)/)
    expect(md).not.toMatch(UUID)
    // Every table row has as many cells as its header (no pipe from the data splits a cell).
    for (const blok of md.split('\n\n').filter((b) => b.startsWith('| '))) {
      const regels = blok.split('\n')
      const cellen = (r: string) => r.replace(/\\\|/g, '').split('|').length
      for (const r of regels) expect(cellen(r), r).toBe(cellen(regels[0] ?? ''))
    }
  })

  it('names the owner of every koppeling in the report', async () => {
    const impact = await als.get<{ koppelingen: { naam: string; eigenaarNaam: string; pad: { naam: string }[] }[] }>(
      'regisseur-hilversum',
      `/scenarios/${impactId}/impact`,
    )
    expect(impact.status).toBe(200)
    const md = (await als.get<string>('regisseur-hilversum', `/scenarios/${impactId}/rapport?formaat=markdown`)).text
    expect(impact.body.koppelingen.length).toBeGreaterThan(0)
    for (const k of impact.body.koppelingen) {
      expect(md).toContain(k.eigenaarNaam)
      expect(md).toContain(k.pad.map((s) => s.naam).join(' → '))
    }
  })

  it('gives a PDF with the same content', async () => {
    const res = await als.get<string>('regisseur-hilversum', `/scenarios/${impactId}/rapport?formaat=pdf`)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="impactanalyse-wijdemeren-stopt-.*\.pdf"$/)
    const pdf = Buffer.from(res.text, 'latin1')
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })

  it('reads the PDF back: title, question, euros and the Fictief footer', async () => {
    const raw = await fetch(`${server.base}/scenarios/${impactId}/rapport?formaat=pdf`, {
      headers: { cookie: sessies['regisseur-hilversum']?.cookie ?? '' },
    })
    const pdf = Buffer.from(await raw.arrayBuffer())
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const tekst = pdfTekst(pdf)
    expect(tekst).toContain('Impactanalyse: Wijdemeren stopt')
    expect(tekst).toContain('Kosteneffect')
    expect(tekst).toMatch(/€ ?180\.000,00/)
    expect(tekst).toContain('FICTIEF')
    expect(tekst).not.toMatch(UUID)
  })

  it('follows taal=en', async () => {
    const res = await als.get<string>('regisseur-hilversum', `/scenarios/${impactId}/rapport?taal=en`)
    expect(res.status).toBe(200)
    expect(res.headers['content-disposition']).toMatch(/filename="impact-analysis-/)
    expect(res.text).toContain('# Impact analysis: Wijdemeren stopt')
    expect(res.text).toContain('## Cost effect')
    expect(res.text).toMatch(/€180,000\.00/)
  })

  it('lets a lezer of a named party read it', async () => {
    const res = await als.get<string>('lezer-wijdemeren', `/scenarios/${impactId}/rapport`)
    expect(res.status).toBe(200)
    expect(res.text).toContain('Kan de samenwerking worden ontvlochten')
    expect(res.text).not.toMatch(UUID)
  })

  it('answers 404 to a lezer of another organisation, for both formats', async () => {
    for (const formaat of ['markdown', 'pdf']) {
      const res = await als.get('lezer-heemstede', `/scenarios/${impactId}/rapport?formaat=${formaat}`)
      expect(isProblem(res, 404), `${formaat}: ${res.status}`).toBe(true)
      expect(res.text).not.toContain('Wijdemeren stopt')
    }
    const onbekend = await als.get('regisseur-hilversum', '/scenarios/00000000-0000-4000-8000-000000000000/rapport')
    expect(isProblem(onbekend, 404)).toBe(true)
  })

  it('answers 400 for a business case, an unknown formaat or an unknown parameter', async () => {
    const bc = await als.get<{ invalidParams?: { name: string }[] }>('regisseur-hilversum', `/scenarios/${businesscaseId}/rapport`)
    expect(isProblem(bc, 400)).toBe(true)
    expect(JSON.stringify(bc.body)).toContain('andere-soort')
    const xyz = await als.get('regisseur-hilversum', `/scenarios/${impactId}/rapport?formaat=xyz`)
    expect(isProblem(xyz, 400)).toBe(true)
    expect(xyz.text).toContain('formaat')
    const extra = await als.get('regisseur-hilversum', `/scenarios/${impactId}/rapport?formaat=pdf&kleur=rood`)
    expect(extra.status).toBe(400)
    const geenId = await als.get('regisseur-hilversum', '/scenarios/geen-uuid/rapport')
    expect(geenId.status).toBe(400)
  })

  it('refuses an anonymous caller (401)', async () => {
    const res = await fetch(`${server.base}/scenarios/${impactId}/rapport`)
    expect(res.status).toBe(401)
  })
})
