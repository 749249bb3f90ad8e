import { stringify } from 'csv-stringify/sync'
import { euroNl, percentageNl } from '../domain/declaraties.js'
import type { Declaratie } from '../schemas/declaraties.js'
import { STATUS_TEKST, stapTekst } from './declaratie-tekst.js'

// A declaratie as CSV for Dutch Excel: ";" separated, UTF-8 with BOM, decimal comma,
// one row per line (with the declaratie's own fields repeated, so every row stands alone).

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
] as const

const bedrag = (centen: number | undefined) => (centen === undefined ? '' : euroNl(centen).replace(/\./g, ''))

export function declaratieCsv(d: Declaratie): string {
  const rows = d.regels.map((r) => [
    d.nummer ?? 'concept',
    d.soort,
    d.corrigeertNummer ?? '',
    STATUS_TEKST[d.status] ?? d.status,
    d.vanNaam,
    d.vanCbsCode ?? '',
    d.aanNaam,
    d.aanCbsCode ?? '',
    d.periode,
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
    r.stappen.map(stapTekst).join(' + '),
  ])
  // Cells that a spreadsheet would run as a formula are quoted with a leading apostrophe.
  const onschadelijk = (v: string) => (/^[=+\-@\t\r]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v)
  return `\uFEFF${stringify([[...CSV_KOLOMMEN], ...rows.map((row) => row.map(onschadelijk))], { delimiter: ';', record_delimiter: '\r\n' })}`
}
