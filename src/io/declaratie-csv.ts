import { euroNl, percentageNl } from '../domain/declaraties.js'
import type { Declaratie } from '../schemas/declaraties.js'
import { afrondingTekst, btwVanRegel, btwVermelding, STATUS_TEKST, stapTekst } from './declaratie-tekst.js'
import { schrijfCsv } from './spreadsheet.js'

// A declaratie as CSV for Dutch Excel: ";" separated, UTF-8 with BOM, decimal comma,
// one row per line (with the declaratie's own fields repeated, so every row stands alone),
// then one total row: the declaratie's fields, no Kostenpost-id, Omschrijving
// "Totaal van de declaratie" and the total in Bedrag (and in BTW what the declaratie
// says about BTW; each line's BTW column has its post's setting). A reader that sums the lines skips
// the row without a Kostenpost-id.

export const CSV_KOLOMMEN = [
  'Declaratienummer',
  'Soort',
  'Corrigeert',
  'Status',
  'Van',
  'Van CBS-code',
  'Aan',
  'Aan CBS-code',
  'Periode',
  'Kostenpost-id',
  'Omschrijving',
  'Periode kostenpost',
  'Soort kosten',
  'Categorie',
  'Grondslag',
  'Bedrag kostenpost',
  'Verdeelsleutel',
  'Sleutelversie vanaf',
  'Aandeel %',
  'Bedrag',
  'Eerder gedeclareerd',
  'Berekening',
  'Afronding',
  'BTW',
] as const

/** The text in the Omschrijving column of the last row, which holds the declaratie's total. */
export const CSV_TOTAALREGEL = 'Totaal van de declaratie'

const bedrag = (centen: number | undefined) => (centen === undefined ? '' : euroNl(centen).replace(/\./g, ''))

export function declaratieCsv(d: Declaratie): string {
  const kop = [
    d.nummer ?? 'concept',
    d.soort,
    d.corrigeertNummer ?? '',
    STATUS_TEKST[d.status] ?? d.status,
    d.vanNaam,
    d.vanCbsCode ?? '',
    d.aanNaam,
    d.aanCbsCode ?? '',
    d.periode,
  ]
  const rows = d.regels.map((r) => [
    ...kop,
    r.kostenpostId,
    r.omschrijving,
    r.periode,
    r.soort,
    r.categorie,
    r.grondslag,
    bedrag(r.kostenpostBedrag),
    r.sleutel.naam,
    String(r.sleutel.geldigVanaf),
    percentageNl(r.fractie),
    bedrag(r.bedrag),
    bedrag(r.eerderGedeclareerd),
    r.stappen.map((s) => stapTekst(s)).join(' + '),
    afrondingTekst(r),
    btwVanRegel(r),
  ])
  const leeg = (n: number) => new Array<string>(n).fill('')
  const kolom = (naam: (typeof CSV_KOLOMMEN)[number]) => CSV_KOLOMMEN.indexOf(naam)
  const totaal = [...kop, ...leeg(CSV_KOLOMMEN.length - kop.length)]
  totaal[kolom('Omschrijving')] = CSV_TOTAALREGEL
  totaal[kolom('Bedrag')] = bedrag(d.totaal)
  totaal[kolom('BTW')] = btwVermelding(d)
  rows.push(totaal)
  // The one CSV writer: text a spreadsheet would run as a formula gets a leading apostrophe.
  return schrijfCsv([[...CSV_KOLOMMEN], ...rows], { excel: true })
}
