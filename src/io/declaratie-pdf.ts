import PDFDocument from 'pdfkit'
import { type Betaalgegevens, ibanInGroepen, vervaldatum } from '../domain/betaling.js'
import { datumInAmsterdam } from '../domain/declaraties.js'
import type { Taal } from '../domain/taal.js'
import type { Declaratie } from '../schemas/declaraties.js'
import {
  afrondingTekst,
  bedragIn,
  btwVanRegel,
  btwVermelding,
  datumIn,
  datumTekst,
  exactBedragIn,
  fractieInWoorden,
  nummerTekst,
  percentageIn,
  periodeTekst,
  STATUS_TEKST,
  STATUS_TEKST_EN,
  stapTekst,
  titel,
} from './declaratie-tekst.js'

// A declaratie as the document a municipality sends: both organisations, title, number
// and date, period, the lines and the total, the BTW statement and the sender's payment
// details (IBAN, reference, due date) when it recorded them; then a page "Berekening"
// with per line the post, the key version, the share in words and every measure, so an
// auditor can recompute each amount. A concept carries a CONCEPT mark on every page.
// In Dutch, or in English when asked (?taal=en). Tagged for accessibility: language,
// title shown, a structure tree (headings, paragraphs, a table with header cells), and
// the footer, rules and watermark as artifacts. Built-in Helvetica (WinAnsi): no fonts
// to ship; characters outside that set are replaced. Because the built-in fonts are not
// embedded, the document does not claim PDF/UA conformance (docs/declaraties.md).

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
  /** Language of the document; Dutch by default. */
  taal?: Taal
  /** The sender's IBAN and payment term; printed when present. */
  afzender?: Betaalgegevens
}

const TEKST = {
  nl: {
    aan: 'Aan',
    concept: 'CONCEPT - geen geldige declaratie, nog niet definitief',
    nummer: 'Declaratienummer',
    datum: 'Datum',
    periode: 'Periode',
    status: 'Status',
    corrigeert: 'Corrigeert',
    omschrijving: 'Omschrijving',
    categorie: 'Categorie',
    sleutel: 'Verdeelsleutel',
    aandeel: 'Aandeel',
    bedrag: 'Bedrag',
    verschil: 'Verschil',
    totaal: 'Totaal',
    vanaf: 'vanaf',
    toelichting: 'Toelichting',
    uitleg: (aan: string, van: string) =>
      `Bedragen in euro. Elke regel is het aandeel van ${aan} in een kostenpost van ${van}, verdeeld met de genoemde verdeelsleutel; ` +
      'de berekening per regel staat op de pagina Berekening. Correcties volgen als correctiedeclaratie met een verwijzing naar dit nummer.',
    betaling: 'Betaling',
    iban: 'IBAN',
    tnv: 't.n.v.',
    kenmerk: 'Betalingskenmerk',
    kenmerkConcept: 'het declaratienummer (volgt bij definitief maken)',
    uiterlijk: 'Uiterste betaaldatum',
    termijn: (n: number, datum: string) => `${n} dagen na ${datum}`,
    termijnConcept: (n: number) => `${n} dagen na de datum van definitief maken`,
    verzoek: (bedrag: string, kenmerk: string) => `U wordt verzocht ${bedrag} over te maken onder vermelding van ${kenmerk}.`,
    credit: (van: string, bedrag: string) => `Dit is een creditbedrag: ${van} betaalt ${bedrag} terug of verrekent het.`,
    berekening: 'Berekening',
    berekeningUitleg:
      'Per regel: de kostenpost en het verdeelde bedrag, de gebruikte versie van de verdeelsleutel, het aandeel van de ontvanger in woorden en per onderdeel van de sleutel de waarde van de ontvanger en het totaal van alle deelnemers. ' +
      'Aandeel = som over de onderdelen van (aandeel in sleutel x waarde / totaal); bedrag = kostenpost x aandeel, afgerond op centen volgens de grootste-restmethode.',
    kostenpost: 'Kostenpost',
    verdeeld: (grondslag: string, bedrag: string) => `verdeeld bedrag (${grondslag}): ${bedrag}`,
    grondslag: { realisatie: 'realisatie', begroting: 'begroting' } as Record<string, string>,
    versie: (naam: string, jaar: number) => `${naam}, versie geldig vanaf ${jaar}`,
    aandeelVan: (aan: string) => `Aandeel ${aan}`,
    exact: 'exact vóór afronden',
    restcent: 'inclusief een restcent na afronden',
    afronding: 'Afronding',
    eerder: (eerder: string, verschil: string) => `Eerder gedeclareerd: ${eerder}; verschil: ${verschil}`,
    btw: 'BTW',
    pagina: (i: number, n: number) => `pagina ${i} van ${n}`,
    aanWoord: 'aan',
  },
  en: {
    aan: 'To',
    concept: 'DRAFT - not a valid declaration, not final yet',
    nummer: 'Declaration number',
    datum: 'Date',
    periode: 'Period',
    status: 'Status',
    corrigeert: 'Corrects',
    omschrijving: 'Description',
    categorie: 'Category',
    sleutel: 'Allocation key',
    aandeel: 'Share',
    bedrag: 'Amount',
    verschil: 'Difference',
    totaal: 'Total',
    vanaf: 'from',
    toelichting: 'Note',
    uitleg: (aan: string, van: string) =>
      `Amounts in euros. Each line is the share of ${aan} in a cost item of ${van}, allocated with the key named; ` +
      'the computation per line is on the page Computation. Corrections follow as a correction declaration referring to this number.',
    betaling: 'Payment',
    iban: 'IBAN',
    tnv: 'in the name of',
    kenmerk: 'Payment reference',
    kenmerkConcept: 'the declaration number (given when it is made final)',
    uiterlijk: 'Due date',
    termijn: (n: number, datum: string) => `${n} days after ${datum}`,
    termijnConcept: (n: number) => `${n} days after the date it is made final`,
    verzoek: (bedrag: string, kenmerk: string) => `Please transfer ${bedrag} quoting ${kenmerk}.`,
    credit: (van: string, bedrag: string) => `This is a credit: ${van} refunds ${bedrag} or sets it off.`,
    berekening: 'Computation',
    berekeningUitleg:
      "Per line: the cost item and the amount allocated, the version of the allocation key used, the recipient's share in words and per component of the key the recipient's value and the total of all participants. " +
      'Share = sum over the components of (share in key x value / total); amount = cost item x share, rounded to cents by the largest-remainder method.',
    kostenpost: 'Cost item',
    verdeeld: (grondslag: string, bedrag: string) => `amount allocated (${grondslag}): ${bedrag}`,
    grondslag: { realisatie: 'actual', begroting: 'budget' } as Record<string, string>,
    versie: (naam: string, jaar: number) => `${naam}, version valid from ${jaar}`,
    aandeelVan: (aan: string) => `Share of ${aan}`,
    exact: 'exactly, before rounding',
    restcent: 'including a remainder cent after rounding',
    afronding: 'Rounding',
    eerder: (eerder: string, verschil: string) => `Declared before: ${eerder}; difference: ${verschil}`,
    btw: 'VAT',
    pagina: (i: number, n: number) => `page ${i} of ${n}`,
    aanWoord: 'to',
  },
}

export function declaratiePdf(d: Declaratie, opties: PdfOpties = {}): Promise<Buffer> {
  const taal: Taal = opties.taal ?? 'nl'
  const x = TEKST[taal]
  const bedrag = (centen: number) => bedragIn(centen, taal)
  const concept = d.status === 'concept'
  const kopTitel = `${titel(d, taal)} ${d.nummer ?? (taal === 'nl' ? 'CONCEPT' : 'DRAFT')}`
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGE,
    compress: opties.compress ?? true,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    displayTitle: true,
    lang: taal === 'nl' ? 'nl-NL' : 'en-GB',
    info: {
      Title: winansi(kopTitel),
      Author: winansi(d.vanNaam),
      Subject: winansi(
        `${kopTitel} ${taal === 'nl' ? 'van' : 'from'} ${d.vanNaam} ${x.aanWoord} ${d.aanNaam}, ${x.periode.toLowerCase()} ${d.periode}`,
      ),
      Creator: 'Regiekamer',
      Keywords: winansi(`${taal === 'nl' ? 'declaratie' : 'declaration'} ${d.nummer ?? 'concept'} ${d.periode}`),
    },
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const klaar = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const t = (s: string) => winansi(s)

  // The structure tree: one Document element; every piece of text sits in a heading,
  // paragraph or table cell of it, in reading order.
  const root = doc.struct('Document')
  doc.addStructure(root)
  const blok = (type: 'H1' | 'H2' | 'H3' | 'P', teken: () => void) => root.add(doc.struct(type, {}, teken))
  const artefact = (teken: () => void) => {
    doc.markContent('Artifact', { type: 'Layout' })
    teken()
    doc.endMarkedContent()
  }

  // Header: sender left, recipient below, title and meta right.
  blok('P', () => doc.font('Helvetica-Bold').fontSize(16).text(t(d.vanNaam), MARGE, MARGE))
  doc.font('Helvetica').fontSize(9).fillColor(GRIJS)
  if (d.vanCbsCode) blok('P', () => doc.text(`CBS-code ${d.vanCbsCode}`))
  doc.fillColor('black').moveDown(2)
  blok('P', () => {
    doc.font('Helvetica').fontSize(9).fillColor(GRIJS).text(x.aan)
    doc.fillColor('black').font('Helvetica-Bold').fontSize(11).text(t(d.aanNaam))
    doc.font('Helvetica').fontSize(9)
    if (d.aanCbsCode) doc.text(`CBS-code ${d.aanCbsCode}`)
  })
  doc.moveDown(2)

  blok('H1', () =>
    doc
      .font('Helvetica-Bold')
      .fontSize(18)
      .text(t(titel(d, taal))),
  )
  if (concept) blok('P', () => doc.font('Helvetica-Bold').fontSize(11).fillColor('#b00020').text(x.concept).fillColor('black'))
  doc.moveDown(0.5)
  const meta: [string, string][] = [
    [x.nummer, nummerTekst(d, taal)],
    [x.datum, datumTekst(d, taal)],
    [x.periode, periodeTekst(d.periode, taal)],
    [x.status, (taal === 'nl' ? STATUS_TEKST : STATUS_TEKST_EN)[d.status] ?? d.status],
  ]
  if (d.soort === 'correctie') meta.push([x.corrigeert, d.corrigeertNummer ?? ''])
  const paren = (rijen: [string, string][]) => {
    for (const [k, v] of rijen) {
      const y = doc.y
      blok('P', () => {
        doc
          .font('Helvetica')
          .fontSize(10)
          .fillColor(GRIJS)
          .text(`${t(k)}: `, MARGE, y, { width: 120 })
        doc.fillColor('black').text(t(v), MARGE + 120, y, { width: BREEDTE - 120 })
      })
    }
  }
  paren(meta)
  doc.moveDown(1.5)

  // Lines: a table with a header row.
  const corr = d.soort === 'correctie'
  const kolommen = [
    { kop: x.omschrijving, breedte: 150, rechts: false },
    { kop: x.periode, breedte: 50, rechts: false },
    { kop: x.categorie, breedte: 60, rechts: false },
    { kop: x.sleutel, breedte: 110, rechts: false },
    { kop: x.aandeel, breedte: 50, rechts: true },
    { kop: corr ? x.verschil : x.bedrag, breedte: BREEDTE - 420, rechts: true },
  ]
  const tabel = doc.struct('Table')
  root.add(tabel)
  const rij = (cellen: string[], kop = false) => {
    doc.font(kop ? 'Helvetica-Bold' : 'Helvetica').fontSize(9)
    const hoogte = Math.max(...cellen.map((c, i) => doc.heightOfString(t(c), { width: (kolommen[i]?.breedte ?? 50) - 6 })))
    if (doc.y + hoogte > doc.page.height - MARGE - 30) doc.addPage()
    const y = doc.y
    let links = MARGE
    const tr = doc.struct('TR')
    tabel.add(tr)
    cellen.forEach((c, i) => {
      const k = kolommen[i]
      if (!k) return
      const x0 = links
      tr.add(
        // pdfkit writes a header cell's scope (/A /O /Table /Scope); its types do not list the option.
        doc.struct(kop ? 'TH' : 'TD', (kop ? { scope: 'Column' } : {}) as Parameters<typeof doc.struct>[1], () =>
          doc.text(t(c), x0, y, { width: k.breedte - 6, align: k.rechts ? 'right' : 'left' }),
        ),
      )
      links += k.breedte
    })
    tr.end()
    doc.x = MARGE
    doc.y = y + hoogte + 4
  }
  const lijn = () => {
    artefact(() =>
      doc
        .moveTo(MARGE, doc.y)
        .lineTo(MARGE + BREEDTE, doc.y)
        .lineWidth(0.5)
        .strokeColor('#999999')
        .stroke(),
    )
    doc.y += 3
  }
  rij(
    kolommen.map((k) => k.kop),
    true,
  )
  lijn()
  for (const r of d.regels)
    rij([
      r.omschrijving,
      r.periode,
      r.categorie,
      `${r.sleutel.naam} (${x.vanaf} ${r.sleutel.geldigVanaf})`,
      percentageIn(r.fractie, taal),
      bedrag(r.bedrag),
    ])
  lijn()
  rij([x.totaal, '', '', '', '', bedrag(d.totaal)], true)
  tabel.end()
  doc.moveDown(0.5)
  blok('P', () =>
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(t(btwVermelding(d, taal)), MARGE, undefined, { width: BREEDTE }),
  )
  doc.moveDown(1)
  if (d.toelichting) {
    blok('H2', () => doc.font('Helvetica-Bold').fontSize(10).text(x.toelichting, MARGE))
    blok('P', () =>
      doc
        .font('Helvetica')
        .fontSize(10)
        .text(t(d.toelichting ?? ''), { width: BREEDTE }),
    )
    doc.moveDown(1)
  }

  // Payment: the sender's IBAN, the reference (the number) and the due date, when the sender recorded them.
  const afzender = opties.afzender ?? {}
  if (afzender.iban || afzender.betaaltermijnDagen !== undefined) {
    if (doc.y > doc.page.height - MARGE - 120) doc.addPage()
    blok('H2', () => doc.font('Helvetica-Bold').fontSize(11).text(x.betaling, MARGE))
    doc.moveDown(0.3)
    const kenmerk = d.nummer ?? x.kenmerkConcept
    const rijen: [string, string][] = []
    if (afzender.iban) rijen.push([x.iban, `${ibanInGroepen(afzender.iban)} ${x.tnv} ${d.vanNaam}`])
    rijen.push([x.kenmerk, kenmerk])
    const termijn = afzender.betaaltermijnDagen
    if (termijn !== undefined && d.totaal > 0) {
      if (d.definitiefOp) {
        const dag = datumInAmsterdam(new Date(d.definitiefOp))
        rijen.push([x.uiterlijk, `${datumIn(vervaldatum(dag, termijn), taal)} (${x.termijn(termijn, datumIn(dag, taal))})`])
      } else rijen.push([x.uiterlijk, x.termijnConcept(termijn)])
    }
    paren(rijen)
    doc.moveDown(0.3)
    // Nothing to pay (a total of zero): no request.
    const zin = d.totaal > 0 ? x.verzoek(bedrag(d.totaal), d.nummer ?? kenmerk) : d.totaal < 0 ? x.credit(d.vanNaam, bedrag(-d.totaal)) : ''
    if (zin) blok('P', () => doc.font('Helvetica').fontSize(10).text(t(zin), MARGE, undefined, { width: BREEDTE }))
    doc.moveDown(1)
  }
  blok('P', () =>
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(GRIJS)
      .text(t(x.uitleg(d.aanNaam, d.vanNaam)), MARGE, undefined, { width: BREEDTE })
      .fillColor('black'),
  )

  // The computation.
  doc.addPage()
  blok('H1', () => doc.font('Helvetica-Bold').fontSize(16).text(x.berekening, MARGE, MARGE))
  blok('P', () => doc.font('Helvetica').fontSize(9).fillColor(GRIJS).text(t(x.berekeningUitleg), { width: BREEDTE }).fillColor('black'))
  doc.moveDown(1)
  d.regels.forEach((r, i) => {
    if (doc.y > doc.page.height - MARGE - 130) doc.addPage()
    blok('H2', () =>
      doc
        .font('Helvetica-Bold')
        .fontSize(10)
        .text(t(`${i + 1}. ${r.omschrijving} — ${periodeTekst(r.periode, taal)}`), MARGE, undefined, { width: BREEDTE }),
    )
    doc.font('Helvetica').fontSize(9)
    const exact = exactBedragIn(r.exactBedrag, taal)
    const afgerond = corr ? (r.nieuwBedrag ?? r.bedrag) : r.bedrag
    const regels = [
      `${x.kostenpost}: ${r.omschrijving}, ${x.periode.toLowerCase()} ${r.periode}; ${x.verdeeld(x.grondslag[r.grondslag] ?? r.grondslag, bedrag(r.kostenpostBedrag))}`,
      `${x.sleutel}: ${x.versie(r.sleutel.naam, r.sleutel.geldigVanaf)}`,
      `${x.aandeelVan(d.aanNaam)}: ${fractieInWoorden(r, taal)}`,
      ...r.stappen.filter((s) => s.regel !== 'volledig afnemer').map((s) => `  - ${stapTekst(s, taal, true)}`),
      `${x.bedrag}: ${bedrag(afgerond)}${exact !== bedrag(afgerond) && r.stappen.length > 0 ? ` (${x.exact}: ${exact})` : ''}${r.restcent ? `; ${x.restcent}` : ''}`,
      ...(afrondingTekst(r, taal) ? [`${x.afronding}: ${afrondingTekst(r, taal)}`] : []),
      ...(corr ? [x.eerder(bedrag(r.eerderGedeclareerd ?? 0), bedrag(r.bedrag))] : []),
      `${x.btw}: ${btwVanRegel(r, taal)}`,
    ]
    for (const regel of regels) blok('P', () => doc.text(t(regel), MARGE, undefined, { width: BREEDTE }))
    doc.moveDown(0.7)
  })

  // Footer and CONCEPT mark on every page: artifacts, not part of the text.
  const paginas = doc.bufferedPageRange()
  for (let i = 0; i < paginas.count; i++) {
    doc.switchToPage(paginas.start + i)
    const onder = doc.page.height - MARGE + 10
    doc.page.margins.bottom = 0
    doc.markContent('Artifact', { type: 'Pagination' })
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(GRIJS)
      .text(t(`${kopTitel} - ${d.vanNaam} ${x.aanWoord} ${d.aanNaam} - ${d.periode} - ${x.pagina(i + 1, paginas.count)}`), MARGE, onder, {
        width: BREEDTE,
        align: 'center',
        lineBreak: false,
      })
    doc.endMarkedContent()
    if (concept) {
      doc.markContent('Artifact', { type: 'Layout' })
      doc.save()
      doc.rotate(-40, { origin: [doc.page.width / 2, doc.page.height / 2] })
      doc
        .font('Helvetica-Bold')
        .fontSize(110)
        .fillColor('#cc0000')
        .fillOpacity(0.12)
        .text(taal === 'nl' ? 'CONCEPT' : 'DRAFT', 0, doc.page.height / 2 - 55, {
          width: doc.page.width,
          align: 'center',
          lineBreak: false,
        })
      doc.restore()
      doc.endMarkedContent()
    }
    doc.fillColor('black').fillOpacity(1)
  }
  root.end()
  doc.end()
  return klaar
}
