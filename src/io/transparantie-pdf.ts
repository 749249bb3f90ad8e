import PDFDocument from 'pdfkit'
import type { Taal } from '../domain/taal.js'
import { categorie, datum, euro, procent, soort, status, TEKSTEN, type Verslag, vandaag } from './transparantie-format.js'

// The transparency report as a PDF for the council: title block, key figures, tables
// per organisation, category, budget against actual, the trend, the keys used, the
// posts, the money chain (allocated → declared → paid), and a simple bar chart drawn with
// rectangles. Built-in Helvetica (WinAnsi), A4, page numbers in the footer. Dutch or
// English (`taal`).

type Doc = PDFKit.PDFDocument
interface Kolom {
  kop: string
  breedte: number
  rechts?: boolean
}

const MARGE = 50
const KLEUR = { kop: '#154273', lijn: '#b3c5d9', balk: '#2b6cb0', balk2: '#9fc3e7', tekst: '#1a1a1a', grijs: '#555555' }

function kop(doc: Doc, tekst: string) {
  if (doc.y > doc.page.height - MARGE - 80) doc.addPage()
  doc.moveDown(0.8)
  doc.font('Helvetica-Bold').fontSize(13).fillColor(KLEUR.kop).text(tekst, MARGE, doc.y)
  doc.moveDown(0.3)
  doc.font('Helvetica').fontSize(9).fillColor(KLEUR.tekst)
}

function tabel(doc: Doc, kolommen: Kolom[], rijen: string[][], opties: { totaalrij?: boolean } = {}) {
  const breedte = doc.page.width - 2 * MARGE
  const som = kolommen.reduce((s, k) => s + k.breedte, 0)
  const w = kolommen.map((k) => (k.breedte / som) * breedte)
  const pad = 3
  const rij = (cellen: string[], vet: boolean, achtergrond?: string) => {
    doc.font(vet ? 'Helvetica-Bold' : 'Helvetica').fontSize(9)
    const h = Math.max(...cellen.map((c, i) => doc.heightOfString(c, { width: (w[i] ?? 0) - 2 * pad }))) + 2 * pad
    if (doc.y + h > doc.page.height - MARGE - 20) {
      doc.addPage()
      if (!vet || !achtergrond) kopRij()
    }
    const y = doc.y
    if (achtergrond) doc.rect(MARGE, y, breedte, h).fill(achtergrond)
    let x = MARGE
    doc.fillColor(achtergrond === KLEUR.kop ? '#ffffff' : KLEUR.tekst)
    cellen.forEach((c, i) => {
      doc.text(c, x + pad, y + pad, { width: (w[i] ?? 0) - 2 * pad, align: kolommen[i]?.rechts ? 'right' : 'left' })
      x += w[i] ?? 0
    })
    doc
      .moveTo(MARGE, y + h)
      .lineTo(MARGE + breedte, y + h)
      .lineWidth(0.5)
      .strokeColor(KLEUR.lijn)
      .stroke()
    doc.fillColor(KLEUR.tekst)
    doc.x = MARGE
    doc.y = y + h
  }
  const kopRij = () =>
    rij(
      kolommen.map((k) => k.kop),
      true,
      KLEUR.kop,
    )
  kopRij()
  rijen.forEach((r, i) => {
    rij(r, opties.totaalrij === true && i === rijen.length - 1)
  })
  doc.moveDown(0.5)
}

/** Horizontal bars, one per label, scaled to the largest value. */
function staafdiagram(
  doc: Doc,
  titel: string,
  waarden: { label: string; waarde: number; tweede?: number }[],
  taal: Taal,
  legenda?: [string, string],
) {
  if (waarden.length === 0) return
  const balkH = legenda ? 10 : 12
  const rijH = legenda ? 26 : 18
  const hoogte = 24 + waarden.length * rijH + (legenda ? 16 : 0)
  if (doc.y + hoogte > doc.page.height - MARGE - 20) doc.addPage()
  const labelW = 150
  const bedragW = 90
  const max = Math.max(1, ...waarden.flatMap((v) => [v.waarde, v.tweede ?? 0]))
  const maxW = doc.page.width - 2 * MARGE - labelW - bedragW - 10
  doc.font('Helvetica-Bold').fontSize(10).fillColor(KLEUR.tekst).text(titel, MARGE, doc.y)
  let y = doc.y + 6
  doc.font('Helvetica').fontSize(8)
  for (const v of waarden) {
    doc.fillColor(KLEUR.tekst).text(v.label, MARGE, y + 2, { width: labelW - 6, ellipsis: true, lineBreak: false })
    const b1 = Math.max(1, (Math.max(0, v.waarde) / max) * maxW)
    doc.rect(MARGE + labelW, y, b1, balkH).fill(KLEUR.balk)
    doc.fillColor(KLEUR.tekst).text(euro(v.waarde, taal), MARGE + labelW + b1 + 4, y, { lineBreak: false })
    if (v.tweede !== undefined) {
      const b2 = Math.max(1, (Math.max(0, v.tweede) / max) * maxW)
      doc.rect(MARGE + labelW, y + balkH + 1, b2, balkH).fill(KLEUR.balk2)
      doc.fillColor(KLEUR.grijs).text(euro(v.tweede, taal), MARGE + labelW + b2 + 4, y + balkH + 1, { lineBreak: false })
    }
    y += rijH
  }
  if (legenda) {
    doc.rect(MARGE + labelW, y + 2, 8, 8).fill(KLEUR.balk)
    doc.fillColor(KLEUR.tekst).text(legenda[0], MARGE + labelW + 12, y + 1, { lineBreak: false })
    doc.rect(MARGE + labelW + 110, y + 2, 8, 8).fill(KLEUR.balk2)
    doc.fillColor(KLEUR.tekst).text(legenda[1], MARGE + labelW + 122, y + 1, { lineBreak: false })
    y += 16
  }
  doc.x = MARGE
  doc.y = y + 6
}

function paginanummers(doc: Doc, titel: string, pagina: (i: number, n: number) => string) {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const onder = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(KLEUR.grijs)
      .text(`${titel} — ${pagina(i + 1, range.count)}`, MARGE, doc.page.height - 35, {
        width: doc.page.width - 2 * MARGE,
        align: 'center',
        lineBreak: false,
      })
    doc.page.margins.bottom = onder
  }
}

export function transparantiePdf(v: Verslag, taal: Taal = 'nl', nu = new Date()): Promise<Buffer> {
  const T = TEKSTEN[taal]
  const e = (c: number | null | undefined) => euro(c, taal)
  const pct = (p: number | null) => procent(p, taal)
  const cat = (c: string) => categorie(c, taal)
  const titel = `${T.titel} ${v.samenwerking.naam} ${v.jaar}`
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGE,
    bufferPages: true,
    info: { Title: titel, Author: 'Regiekamer', Subject: T.onderwerp, CreationDate: nu },
    lang: taal === 'en' ? 'en-GB' : 'nl-NL',
    displayTitle: true,
  } as PDFKit.PDFDocumentOptions)
  const chunks: Buffer[] = []
  const klaar = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  // Title block
  doc.rect(0, 0, doc.page.width, 8).fill(KLEUR.kop)
  doc.font('Helvetica-Bold').fontSize(20).fillColor(KLEUR.kop).text(T.kopTitel, MARGE, MARGE)
  doc.font('Helvetica-Bold').fontSize(14).fillColor(KLEUR.tekst).text(v.samenwerking.naam)
  doc.font('Helvetica').fontSize(11).text(`${T.verslagjaar} ${v.jaar} · ${v.samenwerking.vorm}`)
  doc
    .fontSize(9)
    .fillColor(KLEUR.grijs)
    .text(T.opgesteld(vandaag(nu, taal)))
  doc.moveDown(0.5)
  doc.fillColor(KLEUR.tekst).text(T.TOELICHTING, { width: doc.page.width - 2 * MARGE })

  kop(doc, T.kerncijfers)
  const t = v.totaal
  tabel(
    doc,
    [
      { kop: T.kerncijfer, breedte: 3 },
      { kop: T.bedrag, breedte: 2, rechts: true },
    ],
    [
      [T.kostenLang, e(t.grondslag)],
      [T.waarvanStructureel, e(t.structureel)],
      [T.waarvanInitieel, e(t.initieel)],
      [T.begrotingTotaal, e(t.begroting)],
      [T.realisatieTotaal, e(t.realisatie)],
      [T.verschilLang(t.vergelijkbaar.posten), `${e(t.verschil)} (${pct(t.verschilPercentage)})`],
      [T.nogGeenRealisatie, T.nogGeenRealisatieTekst(e(t.nogGeenRealisatie.begroting), t.nogGeenRealisatie.posten)],
      ...(t.zonderBegroting.posten > 0
        ? [[T.zonderBegroting, T.zonderBegrotingTekst(e(t.zonderBegroting.realisatie), t.zonderBegroting.posten)]]
        : []),
      [T.aantalVerdeeld, String(v.posten.length)],
      [T.aantalNietVerdeeld, String(v.nietVerdeeld.length)],
    ],
  )

  kop(doc, T.perOrganisatie)
  tabel(
    doc,
    [
      { kop: T.organisatie, breedte: 3 },
      { kop: T.structureel, breedte: 2, rechts: true },
      { kop: T.initieel, breedte: 2, rechts: true },
      { kop: T.totaal, breedte: 2, rechts: true },
    ],
    [
      ...v.organisaties.map((o) => [o.naam, e(o.structureel), e(o.initieel), e(o.grondslag)]),
      [T.totaal, e(t.structureel), e(t.initieel), e(t.grondslag)],
    ],
    { totaalrij: true },
  )
  staafdiagram(
    doc,
    T.grafiekOrganisatie,
    v.organisaties.map((o) => ({ label: o.naam, waarde: o.grondslag })),
    taal,
  )

  kop(doc, T.perCategorie)
  tabel(
    doc,
    [
      { kop: T.categorie, breedte: 3 },
      { kop: T.structureel, breedte: 2, rechts: true },
      { kop: T.initieel, breedte: 2, rechts: true },
      { kop: T.totaal, breedte: 2, rechts: true },
    ],
    [
      ...v.categorieen.map((c) => [cat(c.categorie), e(c.structureel), e(c.initieel), e(c.grondslag)]),
      [T.totaal, e(t.structureel), e(t.initieel), e(t.grondslag)],
    ],
    { totaalrij: true },
  )
  if (v.organisaties.length > 0 && v.categorieen.length > 0) {
    kop(doc, T.perOrganisatieCategorie)
    tabel(
      doc,
      [{ kop: T.categorie, breedte: 3 }, ...v.organisaties.map((o) => ({ kop: o.naam, breedte: 2, rechts: true }))],
      v.categorieen.map((c) => [
        cat(c.categorie),
        ...v.organisaties.map((o) =>
          e(v.organisatieCategorieen.find((x) => x.organisatieId === o.organisatieId && x.categorie === c.categorie)?.grondslag ?? 0),
        ),
      ]),
    )
  }

  kop(doc, T.begrotingRealisatie)
  doc.text(T.begrotingRealisatieUitleg, MARGE, doc.y, { width: doc.page.width - 2 * MARGE })
  doc.moveDown(0.3)
  const brKolommen = (eerste: string): Kolom[] => [
    { kop: eerste, breedte: 3 },
    { kop: T.begrotingVergeleken, breedte: 2, rechts: true },
    { kop: T.realisatie, breedte: 2, rechts: true },
    { kop: T.verschil, breedte: 2, rechts: true },
    { kop: '%', breedte: 1, rechts: true },
    { kop: T.nogGeenRealisatieKop, breedte: 2, rechts: true },
    { kop: T.postenKop, breedte: 1, rechts: true },
  ]
  const brRij = (naam: string, x: Verslag['totaal']) => [
    naam,
    e(x.vergelijkbaar.begroting),
    e(x.vergelijkbaar.realisatie),
    e(x.verschil),
    pct(x.verschilPercentage),
    e(x.nogGeenRealisatie.begroting),
    String(x.nogGeenRealisatie.posten),
  ]
  tabel(doc, brKolommen(T.organisatie), [...v.organisaties.map((o) => brRij(o.naam, o)), brRij(T.totaal, t)], { totaalrij: true })
  tabel(
    doc,
    brKolommen(T.categorie),
    v.categorieen.map((c) => brRij(cat(c.categorie), c)),
  )
  staafdiagram(
    doc,
    T.grafiekBegroting,
    v.organisaties.map((o) => ({ label: o.naam, waarde: o.vergelijkbaar.begroting, tweede: o.vergelijkbaar.realisatie })),
    taal,
    [T.begroting, T.realisatie],
  )

  kop(doc, T.keten)
  doc.text(T.ketenUitleg, MARGE, doc.y, { width: doc.page.width - 2 * MARGE })
  doc.moveDown(0.3)
  const k = v.geldketen
  if (k.organisaties.length === 0) doc.text(T.geenKeten, MARGE, doc.y)
  else {
    const z = (b: number | null) => (b === null ? T.nietZichtbaar : e(b))
    const ketenRij = (naam: string, r: Verslag['geldketen']['totaal']) => [
      naam,
      e(r.toegerekend),
      z(r.concept),
      z(r.definitief),
      z(r.verzonden),
      z(r.betaald),
      z(r.gedeclareerd),
      z(r.openstaand),
      z(r.nogTeDeclareren),
    ]
    tabel(
      doc,
      [
        { kop: T.afnemer, breedte: 2.4 },
        ...[T.toegerekend, T.concept, T.definitief, T.verzonden, T.betaald, T.gedeclareerd, T.openstaand, T.nogTeDeclareren].map((kop) => ({
          kop,
          breedte: 1.7,
          rechts: true,
        })),
      ],
      [...k.organisaties.map((o) => ketenRij(o.naam, o)), ...(k.organisaties.length > 1 ? [ketenRij(T.totaal, k.totaal)] : [])],
      { totaalrij: k.organisaties.length > 1 },
    )
    const declaraties = k.organisaties.flatMap((o) =>
      o.van.flatMap((p) =>
        p.declaraties.map((d) => [
          o.naam,
          p.vanNaam,
          d.nummer ?? T.geenNummer,
          `${d.periode}${d.corrigeertNummer ? ` (${T.corrigeert(d.corrigeertNummer)})` : ''}`,
          status(d.status, taal),
          e(d.bedrag),
          datum(d.betaaldOp, taal),
        ]),
      ),
    )
    if (declaraties.length > 0) {
      doc.font('Helvetica-Bold').fontSize(10).text(T.ketenDeclaraties, MARGE, doc.y)
      doc.font('Helvetica').fontSize(9).moveDown(0.2)
      tabel(
        doc,
        [
          { kop: T.afnemer, breedte: 2 },
          { kop: T.van, breedte: 2 },
          { kop: T.nummer, breedte: 1.5 },
          { kop: T.periode, breedte: 2.5 },
          { kop: T.status, breedte: 1.5 },
          { kop: T.bedrag, breedte: 2, rechts: true },
          { kop: T.betaaldOp, breedte: 2 },
        ],
        declaraties,
      )
    }
  }

  kop(doc, T.trend)
  doc.text(T.trendUitleg, MARGE, doc.y)
  doc.moveDown(0.3)
  tabel(
    doc,
    [{ kop: T.organisatie, breedte: 3 }, ...v.trend.jaren.map((j) => ({ kop: String(j), breedte: 2, rechts: true }))],
    [
      ...v.trend.organisaties.map((o) => [o.naam, ...o.jaren.map((j) => e(j.grondslag))]),
      [T.totaal, ...v.trend.totaal.map((j) => e(j.grondslag))],
    ],
    { totaalrij: true },
  )

  kop(doc, T.sleutels)
  tabel(
    doc,
    [
      { kop: T.sleutel, breedte: 3 },
      { kop: T.versieVanaf, breedte: 1, rechts: true },
      { kop: T.regel, breedte: 4 },
      { kop: T.postenKop, breedte: 1, rechts: true },
    ],
    v.sleutels.map((s) => [s.naam, String(s.geldigVanaf), s.beschrijving[taal], String(s.posten)]),
  )

  kop(doc, T.posten)
  tabel(
    doc,
    [
      { kop: T.omschrijving, breedte: 4 },
      { kop: T.periode, breedte: 1.3 },
      { kop: T.categorie, breedte: 2 },
      { kop: T.soort, breedte: 1.8 },
      { kop: T.begroting, breedte: 2, rechts: true },
      { kop: T.realisatie, breedte: 2, rechts: true },
      { kop: T.sleutel, breedte: 3 },
    ],
    v.posten.map((p) => [
      p.omschrijving,
      p.periode,
      cat(p.categorie),
      soort(p.soort, taal),
      e(p.begroting),
      e(p.realisatie),
      `${p.sleutel.naam} (${p.sleutel.geldigVanaf})`,
    ]),
  )

  if (v.nietVerdeeld.length > 0) {
    kop(doc, T.nietVerdeeld)
    doc.text(T.nietVerdeeldUitleg, MARGE, doc.y)
    doc.moveDown(0.3)
    tabel(
      doc,
      [
        { kop: T.omschrijving, breedte: 3 },
        { kop: T.periode, breedte: 1 },
        { kop: T.begroting, breedte: 1.6, rechts: true },
        { kop: T.realisatie, breedte: 1.6, rechts: true },
        { kop: T.reden, breedte: 5 },
      ],
      v.nietVerdeeld.map((p) => [p.omschrijving, p.periode, e(p.begroting), e(p.realisatie), p.reden[taal]]),
    )
  }

  paginanummers(doc, titel, T.pagina)
  doc.end()
  return klaar
}
