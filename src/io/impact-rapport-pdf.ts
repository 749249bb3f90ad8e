import PDFDocument from 'pdfkit'
import {
  type Blok,
  fictiefTekst,
  type ImpactRapport,
  type ImpactRapportGegevens,
  impactRapport,
  type Kolom,
  RAPPORT_TEKSTEN,
} from './impact-rapport.js'

// The impact report as a PDF for the council: the same text model as the Markdown
// (impact-rapport.ts), drawn on A4 with the house colours of the transparency report.
// Tables run over pages and repeat their header row; a "Fictief" scenario says so under
// the title and in every footer. Tagged for accessibility like the declaratie (language,
// title shown, headings, paragraphs, lists, tables with header cells; footer and rules as
// artifacts). Built-in Helvetica (WinAnsi): characters outside it are replaced, the path
// arrow becomes "->".

type Doc = PDFKit.PDFDocument
type Struct = PDFKit.PDFStructureElement

const MARGE = 50
const KLEUR = { kop: '#154273', lijn: '#b3c5d9', tekst: '#1a1a1a', grijs: '#555555', fictief: '#b00020', zebra: '#f2f6fa' }
/** A cell this long would not fit a page; the Markdown has it in full. */
const CEL_MAX = 600

/** Text as the built-in fonts can draw it (WinAnsi); anything else becomes '?'. */
export function winansi(s: string): string {
  return s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u2192/g, '->')
    .replace(/\u2212/g, '-')
    .replace(/[\u202f\u2009]/g, ' ')
    .replace(/[^\u0020-\u007e\u00a0-\u00ff\u20ac\u2013\u2014\u2026]/g, '?')
}

export interface ImpactPdfOpties {
  /** Uncompressed content streams (tests read them). */
  compress?: boolean
}

export function impactRapportPdf(g: ImpactRapportGegevens, opties: ImpactPdfOpties = {}): Promise<Buffer> {
  return tekenRapport(impactRapport(g), g.gemaaktOp, opties)
}

function tekenRapport(r: ImpactRapport, op: Date, opties: ImpactPdfOpties): Promise<Buffer> {
  const T = RAPPORT_TEKSTEN[r.taal]
  const t = winansi
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margin: MARGE,
    compress: opties.compress ?? true,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    displayTitle: true,
    lang: r.taal === 'en' ? 'en-GB' : 'nl-NL',
    info: { Title: t(r.titel), Author: 'Regiekamer', Subject: t(r.ondertitel ?? r.titel), Creator: 'Regiekamer', CreationDate: op },
  })
  const chunks: Buffer[] = []
  const klaar = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const breedte = doc.page.width - 2 * MARGE
  const onderrand = () => doc.page.height - MARGE - 24
  const root = doc.struct('Document')
  doc.addStructure(root)
  const blok = (type: 'H1' | 'H2' | 'H3' | 'P', teken: () => void, ouder: Struct = root) => ouder.add(doc.struct(type, {}, teken))
  const artefact = (teken: () => void) => {
    doc.markContent('Artifact', { type: 'Layout' })
    teken()
    doc.endMarkedContent()
  }

  // Title block.
  artefact(() => doc.rect(0, 0, doc.page.width, 8).fill(KLEUR.kop))
  blok('H1', () => doc.font('Helvetica-Bold').fontSize(18).fillColor(KLEUR.kop).text(t(r.titel), MARGE, MARGE, { width: breedte }))
  if (r.ondertitel) {
    doc.moveDown(0.3)
    blok('P', () =>
      doc
        .font('Helvetica')
        .fontSize(10)
        .fillColor(KLEUR.tekst)
        .text(t(r.ondertitel ?? ''), MARGE, doc.y, { width: breedte }),
    )
  }
  if (r.fictief.length > 0) {
    doc.moveDown(0.5)
    blok('P', () => {
      const rest = fictiefTekst(r.fictief)
      doc
        .font('Helvetica-Bold')
        .fontSize(10)
        .fillColor(KLEUR.fictief)
        .text(t(rest ? `${T.fictiefKop}: ` : T.fictiefKop), MARGE, doc.y, { width: breedte, continued: rest !== '' })
      if (rest) doc.font('Helvetica').text(t(rest))
    })
    doc.fillColor(KLEUR.tekst)
  }

  const ruimte = (nodig: number) => {
    if (doc.y + nodig > onderrand()) doc.addPage()
  }

  const tabel = (b: Extract<Blok, { soort: 'tabel' }>) => {
    const som = b.kolommen.reduce((s, k) => s + k.breedte, 0)
    const w = b.kolommen.map((k) => (k.breedte / som) * breedte)
    const pad = 3
    const element = doc.struct('Table')
    root.add(element)
    const teksten = (cellen: string[]) => cellen.map((c) => t(c.length > CEL_MAX ? `${c.slice(0, CEL_MAX)}…` : c))
    const hoogte = (cellen: string[], vet: boolean) => {
      doc.font(vet ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5)
      return Math.max(...teksten(cellen).map((c, j) => doc.heightOfString(c || ' ', { width: (w[j] ?? 0) - 2 * pad }))) + 2 * pad
    }
    const rij = (cellen: string[], soort: 'kop' | 'gewoon' | 'totaal', i = 0) => {
      const vet = soort !== 'gewoon'
      const h = hoogte(cellen, vet)
      if (doc.y + h > onderrand()) {
        doc.addPage()
        if (soort !== 'kop') kopRij()
        doc.font(vet ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5)
      }
      const y = doc.y
      const achtergrond = soort === 'kop' ? KLEUR.kop : i % 2 === 1 ? KLEUR.zebra : undefined
      if (achtergrond) artefact(() => doc.rect(MARGE, y, breedte, h).fill(achtergrond))
      const tr = doc.struct('TR')
      element.add(tr)
      let x = MARGE
      teksten(cellen).forEach((c, j) => {
        const x0 = x
        const kolom: Kolom | undefined = b.kolommen[j]
        tr.add(
          // pdfkit writes a header cell's scope; its types do not list the option.
          doc.struct(soort === 'kop' ? 'TH' : 'TD', (soort === 'kop' ? { scope: 'Column' } : {}) as Parameters<typeof doc.struct>[1], () =>
            doc
              .fillColor(soort === 'kop' ? '#ffffff' : KLEUR.tekst)
              .text(c, x0 + pad, y + pad, { width: (w[j] ?? 0) - 2 * pad, align: kolom?.rechts ? 'right' : 'left' }),
          ),
        )
        x += w[j] ?? 0
      })
      tr.end()
      artefact(() =>
        doc
          .moveTo(MARGE, y + h)
          .lineTo(MARGE + breedte, y + h)
          .lineWidth(soort === 'totaal' ? 1 : 0.5)
          .strokeColor(KLEUR.lijn)
          .stroke(),
      )
      doc.fillColor(KLEUR.tekst)
      doc.x = MARGE
      doc.y = y + h
    }
    const kopRij = () =>
      rij(
        b.kolommen.map((k) => k.kop),
        'kop',
      )
    // The header row never stands alone at the foot of a page.
    const kopCellen = b.kolommen.map((k) => k.kop)
    ruimte(hoogte(kopCellen, true) + (b.rijen[0] ? hoogte(b.rijen[0], false) : 0))
    kopRij()
    b.rijen.forEach((cellen, i) => {
      rij(cellen, b.totaalrij && i === b.rijen.length - 1 ? 'totaal' : 'gewoon', i)
    })
    element.end()
    doc.moveDown(0.6)
  }

  for (const s of r.secties) {
    // A heading never ends a page: room for it and the start of what follows (a table's header and first row).
    const [eerste, tweede] = s.blokken
    ruimte(!eerste ? 170 : eerste.soort === 'tabel' ? 120 : eerste.soort === 'alinea' && tweede?.soort === 'tabel' ? 150 : 80)
    doc.moveDown(s.niveau === 2 ? 0.9 : 0.5)
    blok(s.niveau === 2 ? 'H2' : 'H3', () =>
      doc
        .font('Helvetica-Bold')
        .fontSize(s.niveau === 2 ? 13 : 11)
        .fillColor(KLEUR.kop)
        .text(t(s.kop), MARGE, doc.y, { width: breedte }),
    )
    doc.moveDown(0.3)
    doc.font('Helvetica').fontSize(9.5).fillColor(KLEUR.tekst)
    s.blokken.forEach((b, i) => {
      if (b.soort === 'alinea') {
        // A paragraph that introduces a table stays with its first rows.
        doc.font(b.nadruk ? 'Helvetica-Bold' : 'Helvetica').fontSize(9.5)
        ruimte(doc.heightOfString(t(b.tekst), { width: breedte }) + (s.blokken[i + 1]?.soort === 'tabel' ? 50 : 0))
        blok('P', () =>
          doc
            .font(b.nadruk ? 'Helvetica-Bold' : 'Helvetica')
            .fontSize(9.5)
            .fillColor(KLEUR.tekst)
            .text(t(b.tekst), MARGE, doc.y, { width: breedte }),
        )
        doc.moveDown(0.4)
      } else if (b.soort === 'lijst') {
        const lijst = doc.struct('L')
        root.add(lijst)
        b.items.forEach((item, i) => {
          const teken = b.genummerd ? `${i + 1}.` : '•'
          doc.font('Helvetica').fontSize(9.5)
          ruimte(doc.heightOfString(t(item), { width: breedte - 18 }))
          const y = doc.y
          const li = doc.struct('LI')
          lijst.add(li)
          li.add(doc.struct('Lbl', {}, () => doc.fillColor(KLEUR.tekst).text(teken, MARGE, y, { width: 16 })))
          li.add(doc.struct('LBody', {}, () => doc.text(t(item), MARGE + 18, y, { width: breedte - 18 })))
          li.end()
          doc.moveDown(0.2)
        })
        lijst.end()
        doc.x = MARGE
        doc.moveDown(0.3)
      } else if (b.soort === 'paren') {
        for (const [k, v] of b.paren) {
          doc.font('Helvetica').fontSize(9.5)
          ruimte(doc.heightOfString(t(v), { width: breedte - 130 }))
          const y = doc.y
          blok('P', () => {
            doc.fillColor(KLEUR.grijs).text(`${t(k)}:`, MARGE, y, { width: 125 })
            doc.fillColor(KLEUR.tekst).text(t(v), MARGE + 130, y, { width: breedte - 130 })
          })
          doc.y = Math.max(doc.y, y + 12)
        }
        doc.x = MARGE
        doc.moveDown(0.4)
      } else tabel(b)
    })
  }

  // Footer on every page: generation time, the Fictief mark, page numbers. Artifacts, not text of the report.
  const paginas = doc.bufferedPageRange()
  for (let i = 0; i < paginas.count; i++) {
    doc.switchToPage(paginas.start + i)
    const onder = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc.markContent('Artifact', { type: 'Pagination' })
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor(r.fictief.length > 0 ? KLEUR.fictief : KLEUR.grijs)
      .text(
        t(`${r.voettekst} · ${r.taal === 'en' ? `page ${i + 1} of ${paginas.count}` : `pagina ${i + 1} van ${paginas.count}`}`),
        MARGE,
        doc.page.height - 35,
        {
          width: breedte,
          align: 'center',
          lineBreak: false,
        },
      )
    doc.endMarkedContent()
    doc.page.margins.bottom = onder
  }
  doc.fillColor('black')
  root.end()
  doc.end()
  return klaar
}
