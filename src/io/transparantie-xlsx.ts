import ExcelJS from 'exceljs'
import type { Taal } from '../domain/taal.js'
import { schrijfXlsx } from './spreadsheet.js'
import { categorie, soort, status, TEKSTEN, type Verslag, vandaag } from './transparantie-format.js'

// The transparency report as a workbook: one sheet per table, amounts as numbers in
// euros with the format '€ #,##0.00' (so they add up in the spreadsheet), percentages
// as numbers. Dutch or English (`taal`), sheet names included.

const EURO_FORMAAT = '€ #,##0.00'
const PROCENT_FORMAAT = '0.0"%"'

type Cel = string | number | null
interface Kolom {
  kop: string
  breedte?: number
  soort?: 'euro' | 'procent' | 'tekst' | 'getal'
}

const inEuro = (centen: number | null | undefined) => (centen === null || centen === undefined ? null : centen / 100)

function blad(wb: ExcelJS.Workbook, naam: string, kolommen: Kolom[], rijen: Cel[][], opties: { totaalrij?: boolean } = {}) {
  const ws = wb.addWorksheet(naam, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = kolommen.map((k) => ({
    header: k.kop,
    width: k.breedte ?? (k.soort === 'euro' ? 16 : 24),
    style: k.soort === 'euro' ? { numFmt: EURO_FORMAAT } : k.soort === 'procent' ? { numFmt: PROCENT_FORMAAT } : {},
  }))
  ws.getRow(1).font = { bold: true }
  for (const r of rijen) ws.addRow(r)
  if (opties.totaalrij && rijen.length > 0) ws.getRow(rijen.length + 1).font = { bold: true }
  return ws
}

const BLADEN: Record<Taal, Record<string, string>> = {
  nl: {
    verslag: 'Verslag',
    organisatie: 'Per organisatie',
    categorie: 'Per categorie',
    matrix: 'Organisatie x categorie',
    br: 'Begroting en realisatie',
    keten: 'Toerekening tot betaling',
    declaraties: 'Declaraties per afnemer',
    trend: 'Trend',
    sleutels: 'Verdeelsleutels',
    posten: 'Kostenposten',
    nietVerdeeld: 'Niet verdeeld',
  },
  en: {
    verslag: 'Report',
    organisatie: 'Per organisation',
    categorie: 'Per category',
    matrix: 'Organisation x category',
    br: 'Budget and actual',
    keten: 'Allocation to payment',
    declaraties: 'Declarations per customer',
    trend: 'Trend',
    sleutels: 'Allocation keys',
    posten: 'Cost items',
    nietVerdeeld: 'Not allocated',
  },
}

export async function transparantieXlsx(v: Verslag, taal: Taal = 'nl', nu = new Date()): Promise<Buffer> {
  const T = TEKSTEN[taal]
  const B = BLADEN[taal] as Record<string, string>
  const cat = (c: string) => categorie(c, taal)
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Regiekamer'
  wb.created = nu
  wb.title = `${T.titel} ${v.samenwerking.naam} ${v.jaar}`
  const t = v.totaal

  const info = wb.addWorksheet(B.verslag)
  info.columns = [{ width: 40 }, { width: 90 }]
  info.addRows([
    [T.kopTitel],
    [T.samenwerking, v.samenwerking.naam],
    [T.verslagjaar, v.jaar],
    [T.opgesteldOp, vandaag(nu, taal)],
    [T.toelichting, T.TOELICHTING],
  ])
  info.getRow(1).font = { bold: true, size: 14 }
  info.getCell('B5').alignment = { wrapText: true, vertical: 'top' }

  const totaalKolommen: Kolom[] = [
    { kop: T.kostenLang, soort: 'euro', breedte: 20 },
    { kop: T.structureel, soort: 'euro' },
    { kop: T.initieel, soort: 'euro' },
    { kop: T.begrotingTotaal, soort: 'euro', breedte: 20 },
    { kop: T.realisatieTotaal, soort: 'euro', breedte: 20 },
    { kop: T.begrotingVergeleken, soort: 'euro', breedte: 20 },
    { kop: T.verschil, soort: 'euro' },
    { kop: T.verschilPct, soort: 'procent', breedte: 12 },
    { kop: T.nogGeenRealisatieKop, soort: 'euro', breedte: 22 },
    { kop: `${T.nogGeenRealisatie}: ${T.postenKop.toLowerCase()}`, soort: 'getal', breedte: 14 },
  ]
  const totaalCellen = (x: typeof t): Cel[] => [
    inEuro(x.grondslag),
    inEuro(x.structureel),
    inEuro(x.initieel),
    inEuro(x.begroting),
    inEuro(x.realisatie),
    inEuro(x.vergelijkbaar.begroting),
    inEuro(x.verschil),
    x.verschilPercentage,
    inEuro(x.nogGeenRealisatie.begroting),
    x.nogGeenRealisatie.posten,
  ]

  blad(
    wb,
    B.organisatie as string,
    [{ kop: T.organisatie, breedte: 30 }, ...totaalKolommen],
    [...v.organisaties.map((o) => [o.naam, ...totaalCellen(o)]), [T.totaal, ...totaalCellen(t)]],
    { totaalrij: true },
  )
  blad(
    wb,
    B.categorie as string,
    [{ kop: T.categorie, breedte: 20 }, ...totaalKolommen],
    [...v.categorieen.map((c) => [cat(c.categorie), ...totaalCellen(c)]), [T.totaal, ...totaalCellen(t)]],
    { totaalrij: true },
  )
  blad(
    wb,
    B.matrix as string,
    [
      { kop: T.organisatie, breedte: 30 },
      { kop: T.categorie, breedte: 20 },
      { kop: T.kosten, soort: 'euro' },
      { kop: T.begroting, soort: 'euro' },
      { kop: T.realisatie, soort: 'euro' },
    ],
    v.organisatieCategorieen.map((x) => [
      v.organisaties.find((o) => o.organisatieId === x.organisatieId)?.naam ?? x.organisatieId,
      cat(x.categorie),
      inEuro(x.grondslag),
      inEuro(x.begroting),
      inEuro(x.realisatie),
    ]),
  )
  const brKolommen: Kolom[] = [
    { kop: T.organisatie, breedte: 30 },
    { kop: T.begrotingVergeleken, soort: 'euro', breedte: 20 },
    { kop: T.realisatie, soort: 'euro' },
    { kop: T.verschil, soort: 'euro' },
    { kop: T.verschilPct, soort: 'procent', breedte: 12 },
    { kop: T.nogGeenRealisatieKop, soort: 'euro', breedte: 22 },
    { kop: `${T.nogGeenRealisatie}: ${T.postenKop.toLowerCase()}`, soort: 'getal', breedte: 14 },
  ]
  const brCellen = (x: typeof t): Cel[] => [
    inEuro(x.vergelijkbaar.begroting),
    inEuro(x.vergelijkbaar.realisatie),
    inEuro(x.verschil),
    x.verschilPercentage,
    inEuro(x.nogGeenRealisatie.begroting),
    x.nogGeenRealisatie.posten,
  ]
  blad(wb, B.br as string, brKolommen, [...v.organisaties.map((o) => [o.naam, ...brCellen(o)]), [T.totaal, ...brCellen(t)]], {
    totaalrij: true,
  })

  const k = v.geldketen
  const zichtbaarOf = (b: number | null): Cel => (b === null ? T.nietZichtbaar : inEuro(b))
  const ketenCellen = (r: typeof k.totaal): Cel[] => [
    inEuro(r.toegerekend),
    zichtbaarOf(r.concept),
    zichtbaarOf(r.definitief),
    zichtbaarOf(r.verzonden),
    zichtbaarOf(r.betaald),
    zichtbaarOf(r.gedeclareerd),
    zichtbaarOf(r.openstaand),
    zichtbaarOf(r.nogTeDeclareren),
  ]
  blad(
    wb,
    B.keten as string,
    [
      { kop: T.afnemer, breedte: 30 },
      { kop: T.van, breedte: 30 },
      ...[T.toegerekend, T.concept, T.definitief, T.verzonden, T.betaald, T.gedeclareerd, T.openstaand, T.nogTeDeclareren].map(
        (kop): Kolom => ({ kop, soort: 'euro' }),
      ),
    ],
    [
      ...k.organisaties.flatMap((o) => [
        [o.naam, T.totaal, ...ketenCellen(o)],
        ...(o.van.length > 1 ? o.van.map((p) => [o.naam, p.vanNaam, ...ketenCellen(p)]) : []),
      ]),
      [T.totaal, '', ...ketenCellen(k.totaal)],
    ],
    { totaalrij: true },
  )
  blad(
    wb,
    B.declaraties as string,
    [
      { kop: T.afnemer, breedte: 30 },
      { kop: T.van, breedte: 30 },
      { kop: T.nummer, breedte: 12 },
      { kop: T.periode, breedte: 12 },
      { kop: T.soort, breedte: 24 },
      { kop: T.status, breedte: 12 },
      { kop: T.bedrag, soort: 'euro' },
      { kop: T.betaaldOp, breedte: 14 },
    ],
    k.organisaties.flatMap((o) =>
      o.van.flatMap((p) =>
        p.declaraties.map((d) => [
          o.naam,
          p.vanNaam,
          d.nummer ?? T.geenNummer,
          d.periode,
          d.corrigeertNummer ? T.corrigeert(d.corrigeertNummer) : '',
          status(d.status, taal),
          inEuro(d.bedrag),
          d.betaaldOp ? d.betaaldOp.slice(0, 10) : '',
        ]),
      ),
    ),
  )
  blad(
    wb,
    B.trend as string,
    [
      { kop: T.organisatie, breedte: 30 },
      { kop: T.jaar, soort: 'getal', breedte: 8 },
      { kop: T.kosten, soort: 'euro' },
      { kop: T.begroting, soort: 'euro' },
      { kop: T.realisatie, soort: 'euro' },
      { kop: T.begrotingVergeleken, soort: 'euro', breedte: 20 },
      { kop: T.verschil, soort: 'euro' },
      { kop: T.verschilPct, soort: 'procent', breedte: 12 },
      { kop: T.nogGeenRealisatieKop, soort: 'euro', breedte: 22 },
    ],
    [
      ...v.trend.organisaties.flatMap((o) => o.jaren.map((j) => [o.naam, j.jaar, ...trendCellen(j)])),
      ...v.trend.totaal.map((j) => [T.totaal, j.jaar, ...trendCellen(j)]),
    ],
  )
  blad(
    wb,
    B.sleutels as string,
    [
      { kop: T.sleutel, breedte: 50 },
      { kop: T.versieVanaf, soort: 'getal', breedte: 12 },
      { kop: T.regel, breedte: 70 },
      { kop: T.postenKop, soort: 'getal', breedte: 8 },
    ],
    v.sleutels.map((s) => [s.naam, s.geldigVanaf, s.beschrijving[taal], s.posten]),
  )
  blad(
    wb,
    B.posten as string,
    [
      { kop: T.omschrijving, breedte: 45 },
      { kop: T.periode, breedte: 10 },
      { kop: T.categorie, breedte: 14 },
      { kop: T.soort, breedte: 12 },
      { kop: T.begroting, soort: 'euro' },
      { kop: T.realisatie, soort: 'euro' },
      { kop: T.verdeeld, soort: 'euro' },
      { kop: T.sleutel, breedte: 50 },
      { kop: T.versieVanaf, soort: 'getal', breedte: 12 },
    ],
    v.posten.map((p) => [
      p.omschrijving,
      p.periode,
      cat(p.categorie),
      soort(p.soort, taal),
      inEuro(p.begroting),
      inEuro(p.realisatie),
      inEuro(p.verdeeldBedrag),
      p.sleutel.naam,
      p.sleutel.geldigVanaf,
    ]),
  )
  blad(
    wb,
    B.nietVerdeeld as string,
    [
      { kop: T.omschrijving, breedte: 45 },
      { kop: T.periode, breedte: 10 },
      { kop: T.begroting, soort: 'euro' },
      { kop: T.realisatie, soort: 'euro' },
      { kop: T.reden, breedte: 90 },
    ],
    v.nietVerdeeld.map((p) => [p.omschrijving, p.periode, inEuro(p.begroting), inEuro(p.realisatie), p.reden[taal]]),
  )
  return schrijfXlsx(wb)
}

const trendCellen = (j: Verslag['trend']['organisaties'][number]['jaren'][number]): Cel[] => [
  inEuro(j.grondslag),
  inEuro(j.begroting),
  inEuro(j.realisatie),
  inEuro(j.vergelijkbaar.begroting),
  inEuro(j.verschil),
  j.verschilPercentage,
  inEuro(j.nogGeenRealisatie.begroting),
]
