import {
  APPLICATIE_HOSTING,
  APPLICATIE_STATUSSEN,
  BIV_NIVEAUS,
  type BivNiveau,
  KOPPELING_RICHTINGEN,
  KOPPELING_STATUSSEN,
  KOPPELING_TYPES,
  ORGANISATIE_TYPES,
  type OrganisatieType,
} from '../vocabulary.js'
import type { ArchimateEigenschap } from './archimate-model.js'

// The ArchiMate property names Regiekamer writes and the aliases it reads (Dutch and
// English), and the mapping of their free-text values onto the vocabulary. One place, so
// the exporter writes exactly the names the importer reads.

/** The name the exporter writes first; the importer accepts every name in the list. */
export const EIGENSCHAP = {
  cbsCode: ['CBS-code', 'Gemeentecode', 'CBS code', 'CBScode'],
  oin: ['OIN'],
  organisatieType: ['Type', 'Organisatietype', 'Soort organisatie'],
  website: ['Website', 'Webadres', 'URL'],
  gemmaType: ['GEMMA type', 'Type'],
  objecttype: ['Objecttype', 'Object type'],
  gemmaId: ['GEMMA id', 'Object ID', 'GUID', 'GEMMA-id'],
  landelijkeVoorziening: ['Landelijke voorziening', 'National facility'],
  leverancier: ['Leverancier', 'Supplier', 'Vendor'],
  gebruikers: ['In gebruik bij', 'Gebruikt door', 'Gebruikers', 'Used by'],
  versie: ['Versie', 'Version'],
  hosting: ['Hosting'],
  applicatieStatus: ['Status', 'Levenscyclus', 'Lifecycle'],
  referentiecomponent: ['Referentiecomponent', 'GEMMA referentiecomponent', 'Reference component'],
  regiekamerKoppeling: ['Regiekamer-koppeling'],
  koppelingType: ['Type', 'Koppelingtype', 'Soort koppeling'],
  richting: ['Richting', 'Direction'],
  koppelingStatus: ['Status'],
  standaard: ['Standaard', 'Standard'],
  standaardVersie: ['Standaardversie', 'Versie standaard', 'Standard version'],
  gegevenscategorieen: ['Gegevenscategorieën', 'Gegevenscategorie', 'Data categories'],
  persoonsgegevens: ['Persoonsgegevens', 'Personal data'],
  beschikbaarheid: ['Beschikbaarheid', 'Availability'],
  integriteit: ['Integriteit', 'Integrity'],
  vertrouwelijkheid: ['Vertrouwelijkheid', 'Confidentiality'],
  eigenaar: ['Eigenaar', 'Owner'],
  endpoint: ['Endpoint', 'Adres', 'Eindpunt'],
} as const

/** The value of "GEMMA type" that marks a reference component. */
export const REFERENTIECOMPONENT_TYPE = 'Referentiecomponent'

/** Name comparison: case, surrounding and repeated spaces, hyphens, underscores and accents do not count. */
export const sleutel = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .replace(/[\s_-]+/g, ' ')
    .toLowerCase()

/**
 * The properties of one element or relationship, read once each: `neem` takes the first
 * non-empty value under any of the names and marks every property of those names as read;
 * `rest` gives the ones nobody read, in file order.
 */
export class EigenschappenLezer {
  private readonly gelezen = new Set<number>()
  constructor(private readonly lijst: readonly ArchimateEigenschap[]) {}

  /** The value without marking it read (for deciding what an element is). */
  kijk(namen: readonly string[]): string | undefined {
    const sleutels = new Set(namen.map(sleutel))
    for (const e of this.lijst) {
      const waarde = e.waarde.trim()
      if (sleutels.has(sleutel(e.naam)) && waarde !== '') return waarde
    }
    return undefined
  }

  neem(namen: readonly string[]): string | undefined {
    const sleutels = new Set(namen.map(sleutel))
    let gevonden: string | undefined
    this.lijst.forEach((e, i) => {
      if (!sleutels.has(sleutel(e.naam))) return
      this.gelezen.add(i)
      const waarde = e.waarde.trim()
      if (gevonden === undefined && waarde !== '') gevonden = waarde
    })
    return gevonden
  }

  rest(): ArchimateEigenschap[] {
    return this.lijst.filter((_, i) => !this.gelezen.has(i))
  }
}

const kies = <T extends string>(waarden: readonly T[], aliassen: Record<string, T>, tekst: string): T | undefined => {
  const s = sleutel(tekst)
  return waarden.find((w) => sleutel(w) === s) ?? Object.entries(aliassen).find(([a]) => sleutel(a) === s)?.[1]
}

export const alsOrganisatieType = (t: string): OrganisatieType | undefined =>
  kies(ORGANISATIE_TYPES, { municipality: 'gemeente', supplier: 'leverancier', vendor: 'leverancier', other: 'overig' }, t)

export const alsHosting = (t: string) =>
  kies(
    APPLICATIE_HOSTING,
    { saas: 'SaaS', cloud: 'SaaS', 'on premise': 'on-premise', onpremise: 'on-premise', 'bij de gastheer': 'bij gastheer' },
    t,
  )

export const alsApplicatieStatus = (t: string) =>
  kies(
    APPLICATIE_STATUSSEN,
    { 'in gebruik': 'in productie', productie: 'in productie', uitfaseren: 'uit te faseren', 'in uitfasering': 'uit te faseren' },
    t,
  )

export const alsKoppelingType = (t: string) =>
  kies(
    KOPPELING_TYPES,
    {
      rest: 'api',
      'rest api': 'api',
      webservice: 'webservices',
      soap: 'webservices',
      'web services': 'webservices',
      bestand: 'bestandsoverdracht',
      'file transfer': 'bestandsoverdracht',
      mq: 'message queue',
      queue: 'message queue',
      berichtenwachtrij: 'message queue',
      portaal: 'upload naar portaal',
    },
    t,
  )

export const alsRichting = (t: string) =>
  kies(
    KOPPELING_RICHTINGEN,
    {
      'a->b': 'A→B',
      'a > b': 'A→B',
      'b->a': 'B→A',
      'b > a': 'B→A',
      bidirectional: 'bidirectioneel',
      beide: 'bidirectioneel',
      tweerichtingen: 'bidirectioneel',
      'twee richtingen': 'bidirectioneel',
    },
    t,
  )

export const alsKoppelingStatus = (t: string) =>
  kies(
    KOPPELING_STATUSSEN,
    {
      actief: 'in gebruik',
      productie: 'in gebruik',
      'in productie': 'in gebruik',
      'in use': 'in gebruik',
      ontwikkeling: 'in ontwikkeling',
      'in development': 'in ontwikkeling',
      'end of support': 'einde ondersteuning',
      'buiten gebruik': 'teruggetrokken',
      withdrawn: 'teruggetrokken',
    },
    t,
  )

export const alsBiv = (t: string): BivNiveau | undefined =>
  kies(BIV_NIVEAUS, { middel: 'midden', gemiddeld: 'midden', low: 'laag', medium: 'midden', high: 'hoog' }, t)

export const alsJaNee = (t: string): boolean | undefined => {
  const s = sleutel(t)
  if (['ja', 'j', 'true', 'yes', 'y', 'waar', '1'].includes(s)) return true
  if (['nee', 'n', 'false', 'no', 'onwaar', '0'].includes(s)) return false
  return undefined
}

/** "GM0402", "gm 402", "0402" and "402" as GM0402; anything else undefined. */
export const alsCbsCode = (t: string): string | undefined => {
  const m = /^(?:gm)?\s*(\d{1,4})$/i.exec(t.trim())
  return m ? `GM${m[1].padStart(4, '0')}` : undefined
}

/** Spaces and dots people put in an OIN do not count; 20 digits remain or it is no OIN. */
export const alsOin = (t: string): string | undefined => {
  const s = t.replace(/[\s.]/g, '')
  return /^[0-9]{20}$/.test(s) ? s : undefined
}

/** Comma- or semicolon-separated values, trimmed, empty ones left out. */
export const lijstWaarden = (t: string): string[] =>
  t
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')

const ID_MET_UUID = /^id-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i

/** The record id an identifier of Regiekamer's own export (`id-<uuid>`) carries, else undefined. */
export const gedragenId = (identificatie: string | undefined): string | undefined =>
  identificatie ? ID_MET_UUID.exec(identificatie.trim())?.[1]?.toLowerCase() : undefined

/** The identifier Regiekamer's export gives a record. */
export const alsIdentificatie = (id: string): string => `id-${id}`

/** Cut a text to a limit without splitting a surrogate pair. */
export const kort = (t: string, max: number): string => {
  if (t.length <= max) return t
  const s = t.slice(0, max)
  return /[\uD800-\uDBFF]$/.test(s) ? s.slice(0, -1) : s
}
