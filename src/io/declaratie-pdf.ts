import PDFDocument from 'pdfkit'
import { bedragNl, euroNl } from '../domain/declaraties.js'
import type { Declaratie } from '../schemas/declaraties.js'
import {
  aandeelTekst,
  afrondingTekst,
  datumTekst,
  nummerTekst,
  periodeTekst,
  REGEL_TEKST,
  STATUS_TEKST,
  stapTekst,
  titel,
} from './declaratie-tekst.js'

// A declaratie as the document a municipality sends: both organisations, title, number
// and date, period, the lines and the total; then a page "Berekening" with the key
// version and every measure per line, so an auditor can recompute each amount. A
// concept carries a CONCEPT mark on every page. Built-in Helvetica (WinAnsi): no fonts
// to ship; characters outside that set are replaced.

const MARGE = 50
const BREEDTE = 595.28 - 2 * MARGE // A4
const GRIJS = '#555555'

/** Text as the built-in fonts can draw it (WinAnsi); anything else becomes '?'. */
function winansi(s: string): string {
  return s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u2192/g, '->')
    .replace(/[^\u0020-\u007e\u00a0-\u00ff\u20ac\u2013\u2014\u2026]/g, '?')
}

export interface PdfOpties {
  /** Uncompressed content streams (tests read them). */
  compress?: boolean
}

export function declaratiePdf(d: Declaratie, opties: PdfOpties = {}): Promise<Buffer> {
  const concept = d.status === 'concept'
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGE,
    compress: opties.compress ?? true,
    bufferPages: true,
    info: {
      Title: winansi(`${titel(d)} ${d.nummer ?? 'CONCEPT'}`),
      Author: winansi(d.vanNaam),
      Subject: winansi(`${titel(d)} ${d.nummer ?? 'CONCEPT'} van ${d.vanNaam} aan ${d.aanNaam}, periode ${d.periode}`),
      Creator: 'Regiekamer',
      Keywords: winansi(`declaratie ${d.nummer ?? 'concept'} ${d.periode}`),
    },
    lang: 'nl-NL',
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const klaar = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const t = (s: string) => winansi(s)

  // Header: sender left, recipient below, title and meta right.
  doc.font('Helvetica-Bold').fontSize(16).text(t(d.vanNaam), MARGE, MARGE)
  doc.font('Helvetica').fontSize(9).fillColor(GRIJS)
  if (d.vanCbsCode) doc.text(`CBS-code ${d.vanCbsCode}`)
  doc.fillColor('black').moveDown(2)
  doc.font('Helvetica').fontSize(9).fillColor(GRIJS).text('Aan')
  doc.fillColor('black').font('Helvetica-Bold').fontSize(11).text(t(d.aanNaam))
  doc.font('Helvetica').fontSize(9)
  if (d.aanCbsCode) doc.text(`CBS-code ${d.aanCbsCode}`)
  doc.moveDown(2)

  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(t(titel(d)))
  if (concept)
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .fillColor('#b00020')
      .text('CONCEPT - geen geldige declaratie, nog niet definitief')
      .fillColor('black')
  doc.moveDown(0.5)
  const meta: [string, string][] = [
    ['Declaratienummer', nummerTekst(d)],
    ['Datum', datumTekst(d)],
    ['Periode', periodeTekst(d.periode)],
    ['Status', STATUS_TEKST[d.status] ?? d.status],
  ]
  if (d.soort === 'correctie') meta.push(['Corrigeert', d.corrigeertNummer ?? ''])
  for (const [k, v] of meta) {
    const y = doc.y
    doc.font('Helvetica').fontSize(10).fillColor(GRIJS).text(k, MARGE, y, { width: 120 })
    doc.fillColor('black').text(t(v), MARGE + 120, y, { width: BREEDTE - 120 })
  }
  doc.moveDown(1.5)

  // Lines.
  const corr = d.soort === 'correctie'
  const kolommen = [
    { kop: 'Omschrijving', breedte: 150, rechts: false },
    { kop: 'Periode', breedte: 50, rechts: false },
    { kop: 'Categorie', breedte: 60, rechts: false },
    { kop: 'Verdeelsleutel', breedte: 110, rechts: false },
    { kop: 'Aandeel', breedte: 50, rechts: true },
    { kop: corr ? 'Verschil' : 'Bedrag', breedte: BREEDTE - 420, rechts: true },
  ]
  const rij = (cellen: string[], vet = false) => {
    doc.font(vet ? 'Helvetica-Bold' : 'Helvetica').fontSize(9)
    const hoogte = Math.max(...cellen.map((c, i) => doc.heightOfString(t(c), { width: (kolommen[i]?.breedte ?? 50) - 6 })))
    if (doc.y + hoogte > doc.page.height - MARGE - 30) doc.addPage()
    const y = doc.y
    let x = MARGE
    cellen.forEach((c, i) => {
      const k = kolommen[i]
      if (!k) return
      doc.text(t(c), x, y, { width: k.breedte - 6, align: k.rechts ? 'right' : 'left' })
      x += k.breedte
    })
    doc.x = MARGE
    doc.y = y + hoogte + 4
  }
  const lijn = () => {
    doc
      .moveTo(MARGE, doc.y)
      .lineTo(MARGE + BREEDTE, doc.y)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke()
    doc.y += 3
  }
  rij(
    kolommen.map((k) => k.kop),
    true,
  )
  lijn()
  for (const r of d.regels)
    rij([r.omschrijving, r.periode, r.categorie, `${r.sleutel.naam} (vanaf ${r.sleutel.geldigVanaf})`, aandeelTekst(r), bedragNl(r.bedrag)])
  lijn()
  rij(['Totaal', '', '', '', '', bedragNl(d.totaal)], true)
  doc.moveDown(1)
  if (d.toelichting) {
    doc.font('Helvetica-Bold').fontSize(10).text('Toelichting', MARGE)
    doc.font('Helvetica').fontSize(10).text(t(d.toelichting), { width: BREEDTE })
    doc.moveDown(1)
  }
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor(GRIJS)
    .text(
      t(
        `Bedragen in euro. Elke regel is het aandeel van ${d.aanNaam} in een kostenpost van ${d.vanNaam}, verdeeld met de genoemde verdeelsleutel; ` +
          'de berekening per regel staat op de pagina Berekening. Correcties volgen als correctiedeclaratie met een verwijzing naar dit nummer.',
      ),
      MARGE,
      undefined,
      { width: BREEDTE },
    )
    .fillColor('black')

  // The computation.
  doc.addPage()
  doc.font('Helvetica-Bold').fontSize(16).text('Berekening', MARGE, MARGE)
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(GRIJS)
    .text(
      'Per regel: het verdeelde bedrag van de kostenpost, de gebruikte versie van de verdeelsleutel en per onderdeel van de sleutel de waarde van de ontvanger en het totaal van alle deelnemers. ' +
        'Aandeel = som over de onderdelen van (aandeel in sleutel x waarde / totaal); bedrag = kostenpost x aandeel, afgerond op centen volgens de grootste-restmethode.',
      { width: BREEDTE },
    )
    .fillColor('black')
  doc.moveDown(1)
  d.regels.forEach((r, i) => {
    if (doc.y > doc.page.height - MARGE - 110) doc.addPage()
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(t(`${i + 1}. ${r.omschrijving} (${r.periode})`), MARGE, undefined, { width: BREEDTE })
    doc.font('Helvetica').fontSize(9)
    const regels = [
      `Kostenpost ${r.kostenpostId}: ${r.grondslag} ${bedragNl(r.kostenpostBedrag)}`,
      `Verdeelsleutel: ${r.sleutel.naam}, versie geldig vanaf ${r.sleutel.geldigVanaf}`,
      ...r.stappen.map(
        (s) => `  - ${stapTekst(s)}${s.regel === 'maatstaf' || s.regel === 'inwoners' ? '' : ` (${REGEL_TEKST[s.regel] ?? s.regel})`}`,
      ),
      `Aandeel ${d.aanNaam}: ${aandeelTekst(r)} = ${r.fractie.teller}/${r.fractie.noemer}; exact ${r.exactBedrag.teller}/${r.exactBedrag.noemer} cent`,
      `Bedrag: ${bedragNl(corr ? (r.nieuwBedrag ?? r.bedrag) : r.bedrag)}${r.restcent ? ' (inclusief een restcent na afronden)' : ''}`,
      ...(afrondingTekst(r) ? [`Afronding: ${afrondingTekst(r)}`] : []),
      ...(corr ? [`Eerder gedeclareerd: ${bedragNl(r.eerderGedeclareerd ?? 0)}; verschil: ${euroNl(r.bedrag)}`] : []),
    ]
    for (const regel of regels) doc.text(t(regel), MARGE, undefined, { width: BREEDTE })
    doc.moveDown(0.7)
  })

  // Footer and CONCEPT mark on every page.
  const paginas = doc.bufferedPageRange()
  for (let i = 0; i < paginas.count; i++) {
    doc.switchToPage(paginas.start + i)
    const onder = doc.page.height - MARGE + 10
    doc.page.margins.bottom = 0
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(GRIJS)
      .text(
        t(`${titel(d)} ${d.nummer ?? 'CONCEPT'} - ${d.vanNaam} aan ${d.aanNaam} - ${d.periode} - pagina ${i + 1} van ${paginas.count}`),
        MARGE,
        onder,
        { width: BREEDTE, align: 'center', lineBreak: false },
      )
    if (concept) {
      doc.save()
      doc.rotate(-40, { origin: [doc.page.width / 2, doc.page.height / 2] })
      doc
        .font('Helvetica-Bold')
        .fontSize(110)
        .fillColor('#cc0000')
        .fillOpacity(0.12)
        .text('CONCEPT', 0, doc.page.height / 2 - 55, { width: doc.page.width, align: 'center', lineBreak: false })
      doc.restore()
    }
    doc.fillColor('black').fillOpacity(1)
  }
  doc.end()
  return klaar
}
