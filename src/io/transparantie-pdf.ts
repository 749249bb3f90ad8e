import PDFDocument from 'pdfkit'
import { categorie, euro, procent, soort, TOELICHTING, type Verslag, vandaag } from './transparantie-format.js'

// The transparency report as a PDF for the council: title block, key figures, tables
// per organisation, category, budget against actual, the trend, the keys used, the
// posts, and a simple bar chart drawn with rectangles. Built-in Helvetica (WinAnsi),
// A4, page numbers in the footer.

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
function staafdiagram(doc: Doc, titel: string, waarden: { label: string; waarde: number; tweede?: number }[], legenda?: [string, string]) {
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
    doc.fillColor(KLEUR.tekst).text(euro(v.waarde), MARGE + labelW + b1 + 4, y, { lineBreak: false })
    if (v.tweede !== undefined) {
      const b2 = Math.max(1, (Math.max(0, v.tweede) / max) * maxW)
      doc.rect(MARGE + labelW, y + balkH + 1, b2, balkH).fill(KLEUR.balk2)
      doc.fillColor(KLEUR.grijs).text(euro(v.tweede), MARGE + labelW + b2 + 4, y + balkH + 1, { lineBreak: false })
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

function paginanummers(doc: Doc, titel: string) {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const onder = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(KLEUR.grijs)
      .text(`${titel} — pagina ${i + 1} van ${range.count}`, MARGE, doc.page.height - 35, {
        width: doc.page.width - 2 * MARGE,
        align: 'center',
        lineBreak: false,
      })
    doc.page.margins.bottom = onder
  }
}

export function transparantiePdf(v: Verslag, nu = new Date()): Promise<Buffer> {
  const titel = `Transparantieverslag ${v.samenwerking.naam} ${v.jaar}`
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGE,
    bufferPages: true,
    info: { Title: titel, Author: 'Regiekamer', Subject: 'Transparantie en verantwoording van de kostenverdeling', CreationDate: nu },
    lang: 'nl-NL',
  } as PDFKit.PDFDocumentOptions)
  const chunks: Buffer[] = []
  const klaar = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  // Title block
  doc.rect(0, 0, doc.page.width, 8).fill(KLEUR.kop)
  doc.font('Helvetica-Bold').fontSize(20).fillColor(KLEUR.kop).text('Transparantieverslag ICT-kosten', MARGE, MARGE)
  doc.font('Helvetica-Bold').fontSize(14).fillColor(KLEUR.tekst).text(v.samenwerking.naam)
  doc.font('Helvetica').fontSize(11).text(`Verslagjaar ${v.jaar} · ${v.samenwerking.vorm}`)
  doc
    .fontSize(9)
    .fillColor(KLEUR.grijs)
    .text(`Opgesteld op ${vandaag(nu)} door de Regiekamer.`)
  doc.moveDown(0.5)
  doc.fillColor(KLEUR.tekst).text(TOELICHTING, { width: doc.page.width - 2 * MARGE })

  kop(doc, 'Kerncijfers')
  const t = v.totaal
  tabel(
    doc,
    [
      { kop: 'Kerncijfer', breedte: 3 },
      { kop: 'Bedrag', breedte: 2, rechts: true },
    ],
    [
      ['Kosten (realisatie, anders begroting)', euro(t.grondslag)],
      ['waarvan structureel', euro(t.structureel)],
      ['waarvan initieel', euro(t.initieel)],
      ['Begroting', euro(t.begroting)],
      ['Realisatie', euro(t.realisatie)],
      ['Verschil (realisatie - begroting)', `${euro(t.verschil)} (${procent(t.verschilPercentage)})`],
      ['Aantal verdeelde kostenposten', String(v.posten.length)],
      ['Niet verdeelde kostenposten', String(v.nietVerdeeld.length)],
    ],
  )

  kop(doc, 'Kosten per organisatie')
  tabel(
    doc,
    [
      { kop: 'Organisatie', breedte: 3 },
      { kop: 'Structureel', breedte: 2, rechts: true },
      { kop: 'Initieel', breedte: 2, rechts: true },
      { kop: 'Totaal', breedte: 2, rechts: true },
    ],
    [
      ...v.organisaties.map((o) => [o.naam, euro(o.structureel), euro(o.initieel), euro(o.grondslag)]),
      ['Totaal', euro(t.structureel), euro(t.initieel), euro(t.grondslag)],
    ],
    { totaalrij: true },
  )
  staafdiagram(
    doc,
    'Grafiek: kosten per organisatie',
    v.organisaties.map((o) => ({ label: o.naam, waarde: o.grondslag })),
  )

  kop(doc, 'Kosten per categorie')
  tabel(
    doc,
    [
      { kop: 'Categorie', breedte: 3 },
      { kop: 'Structureel', breedte: 2, rechts: true },
      { kop: 'Initieel', breedte: 2, rechts: true },
      { kop: 'Totaal', breedte: 2, rechts: true },
    ],
    [
      ...v.categorieen.map((c) => [categorie(c.categorie), euro(c.structureel), euro(c.initieel), euro(c.grondslag)]),
      ['Totaal', euro(t.structureel), euro(t.initieel), euro(t.grondslag)],
    ],
    { totaalrij: true },
  )
  if (v.organisaties.length > 0 && v.categorieen.length > 0) {
    kop(doc, 'Kosten per organisatie en categorie')
    tabel(
      doc,
      [{ kop: 'Categorie', breedte: 3 }, ...v.organisaties.map((o) => ({ kop: o.naam, breedte: 2, rechts: true }))],
      v.categorieen.map((c) => [
        categorie(c.categorie),
        ...v.organisaties.map((o) =>
          euro(v.organisatieCategorieen.find((x) => x.organisatieId === o.organisatieId && x.categorie === c.categorie)?.grondslag ?? 0),
        ),
      ]),
    )
  }

  kop(doc, 'Begroting en realisatie')
  const brKolommen: Kolom[] = [
    { kop: '', breedte: 3 },
    { kop: 'Begroting', breedte: 2, rechts: true },
    { kop: 'Realisatie', breedte: 2, rechts: true },
    { kop: 'Verschil', breedte: 2, rechts: true },
    { kop: '%', breedte: 1, rechts: true },
  ]
  tabel(
    doc,
    [{ ...brKolommen[0], kop: 'Organisatie' } as Kolom, ...brKolommen.slice(1)],
    [
      ...v.organisaties.map((o) => [o.naam, euro(o.begroting), euro(o.realisatie), euro(o.verschil), procent(o.verschilPercentage)]),
      ['Totaal', euro(t.begroting), euro(t.realisatie), euro(t.verschil), procent(t.verschilPercentage)],
    ],
    { totaalrij: true },
  )
  tabel(
    doc,
    [{ ...brKolommen[0], kop: 'Categorie' } as Kolom, ...brKolommen.slice(1)],
    v.categorieen.map((c) => [
      categorie(c.categorie),
      euro(c.begroting),
      euro(c.realisatie),
      euro(c.verschil),
      procent(c.verschilPercentage),
    ]),
  )
  staafdiagram(
    doc,
    'Grafiek: begroting en realisatie per organisatie',
    v.organisaties.map((o) => ({ label: o.naam, waarde: o.begroting, tweede: o.realisatie })),
    ['Begroting', 'Realisatie'],
  )

  kop(doc, 'Ontwikkeling over de jaren')
  doc.text('Kosten (realisatie, anders begroting) per organisatie per jaar.', MARGE, doc.y)
  doc.moveDown(0.3)
  tabel(
    doc,
    [{ kop: 'Organisatie', breedte: 3 }, ...v.trend.jaren.map((j) => ({ kop: String(j), breedte: 2, rechts: true }))],
    [
      ...v.trend.organisaties.map((o) => [o.naam, ...o.jaren.map((j) => euro(j.grondslag))]),
      ['Totaal', ...v.trend.totaal.map((j) => euro(j.grondslag))],
    ],
    { totaalrij: true },
  )

  kop(doc, 'Gebruikte verdeelsleutels')
  tabel(
    doc,
    [
      { kop: 'Verdeelsleutel', breedte: 3 },
      { kop: 'Versie vanaf', breedte: 1, rechts: true },
      { kop: 'Regel', breedte: 4 },
      { kop: 'Posten', breedte: 1, rechts: true },
    ],
    v.sleutels.map((s) => [s.naam, String(s.geldigVanaf), s.beschrijving.nl, String(s.posten)]),
  )

  kop(doc, 'Kostenposten')
  tabel(
    doc,
    [
      { kop: 'Omschrijving', breedte: 4 },
      { kop: 'Periode', breedte: 1.3 },
      { kop: 'Categorie', breedte: 2 },
      { kop: 'Soort', breedte: 1.8 },
      { kop: 'Begroting', breedte: 2, rechts: true },
      { kop: 'Realisatie', breedte: 2, rechts: true },
      { kop: 'Verdeelsleutel', breedte: 3 },
    ],
    v.posten.map((p) => [
      p.omschrijving,
      p.periode,
      categorie(p.categorie),
      soort(p.soort),
      euro(p.begroting),
      euro(p.realisatie),
      `${p.sleutel.naam} (${p.sleutel.geldigVanaf})`,
    ]),
  )

  if (v.nietVerdeeld.length > 0) {
    kop(doc, 'Niet verdeelde kostenposten')
    doc.text('Deze posten tellen in geen enkel totaal hierboven mee, tot de ontbrekende gegevens zijn ingevuld.', MARGE, doc.y)
    doc.moveDown(0.3)
    tabel(
      doc,
      [
        { kop: 'Omschrijving', breedte: 3 },
        { kop: 'Periode', breedte: 1 },
        { kop: 'Begroting', breedte: 1.6, rechts: true },
        { kop: 'Realisatie', breedte: 1.6, rechts: true },
        { kop: 'Reden', breedte: 5 },
      ],
      v.nietVerdeeld.map((p) => [p.omschrijving, p.periode, euro(p.begroting), euro(p.realisatie), p.reden.nl]),
    )
  }

  paginanummers(doc, titel)
  doc.end()
  return klaar
}
