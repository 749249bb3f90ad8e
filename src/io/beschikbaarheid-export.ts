import ExcelJS from 'exceljs'
import type { Beschikbaarheid } from '../domain/monitoring/beschikbaarheid.js'
import { schrijfCsv, schrijfXlsx } from './spreadsheet.js'

// Availability per koppeling for one month, for the DVO's periodic report (issue 14): one
// row per koppeling (its worst controle) and one per controle under it. Percentages as
// numbers with three decimals, minutes as whole numbers, the verdict in words.

export interface BeschikbaarheidRegel extends Beschikbaarheid {
  koppeling: { naam: string }
  serviceniveau?: string
  maand: string
  controles: (Beschikbaarheid & { naam: string })[]
}

const KOPPEN = [
  'Maand',
  'Koppeling',
  'Controle',
  'Beschikbaarheid (%)',
  'Doel (%)',
  'Oordeel',
  'Gemeten minuten',
  'Beschikbare minuten',
  'Onderhoud (minuten)',
  'Niet gemeten (minuten)',
  'Serviceniveau',
] as const

const OORDEEL: Record<Beschikbaarheid['oordeel'], string> = {
  gehaald: 'gehaald',
  'niet-gehaald': 'niet gehaald',
  'geen-doel': 'geen doel afgesproken',
  onbekend: 'niet gemeten',
}

function rijen(regels: BeschikbaarheidRegel[]): (string | number | null)[][] {
  const uit: (string | number | null)[][] = []
  const rij = (maand: string, koppeling: string, controle: string, b: Beschikbaarheid, serviceniveau?: string) => [
    maand,
    koppeling,
    controle,
    b.beschikbaarheid ?? null,
    b.doel ?? null,
    OORDEEL[b.oordeel],
    b.gemetenMinuten,
    b.beschikbareMinuten,
    b.onderhoudMinuten,
    b.ongemetenMinuten,
    serviceniveau ?? '',
  ]
  for (const r of regels) {
    uit.push(rij(r.maand, r.koppeling.naam, '(koppeling: slechtste controle)', r, r.serviceniveau))
    for (const c of r.controles) uit.push(rij(r.maand, r.koppeling.naam, c.naam, c, r.serviceniveau))
  }
  return uit
}

const tekst = (v: string | number | null) =>
  v === null ? '' : typeof v === 'number' ? v.toLocaleString('nl-NL', { maximumFractionDigits: 3 }) : v

export function beschikbaarheidCsv(regels: BeschikbaarheidRegel[]): string {
  return schrijfCsv([[...KOPPEN], ...rijen(regels).map((r) => r.map(tekst))], { excel: true })
}

export async function beschikbaarheidXlsx(regels: BeschikbaarheidRegel[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Beschikbaarheid', { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = KOPPEN.map((kop, i) => ({
    header: kop,
    width: i === 1 || i === 2 ? 36 : 18,
    style: i === 3 || i === 4 ? { numFmt: '0.000' } : {},
  }))
  ws.getRow(1).font = { bold: true }
  for (const r of rijen(regels)) ws.addRow(r)
  return schrijfXlsx(wb)
}
