import { CONTROLE_SOORTEN, MELDINGSKANAAL_SOORTEN } from '../../../../src/domain/monitoring/invoer'
import { BEWIJS_SOORTEN } from '../../../../src/domain/vertrouwen/typen'
import {
  APPLICATIE_HOSTING,
  APPLICATIE_STATUSSEN,
  BIV_NIVEAUS,
  KOPPELING_STATUSSEN,
  KOPPELING_TYPES,
  ORGANISATIE_TYPES,
  SAMENWERKING_VORMEN,
} from '../../../../src/domain/vocabulary'
import type { Objecttype } from '../../api/types'
import { TOEGANG_OBJECT_SOORTEN } from './velden'

// What the registry pages know about each resource: its name field, the columns and
// filters of its list, and the related lists the API offers. Field labels live in the
// i18n file under `veld.<name>`.

export const SOORTEN = [
  'organisaties',
  'samenwerkingen',
  'gastheerschappen',
  'applicaties',
  'koppelingen',
  'bewijsstukken',
  'contracten',
  'toegangen',
  'controles',
  'onderhoudsvensters',
  'meldingskanalen',
  'referentiecomponenten',
] as const
export type Soort = (typeof SOORTEN)[number]

/** The monitoring types (issue 14) and GEMMA components (issue 15): not yet in the web's Objecttype (web/src/api/types.ts). */
export type RegistryObjecttype = Objecttype | 'controle' | 'onderhoudsvenster' | 'meldingskanaal' | 'referentiecomponent'

export const OBJECTTYPE: Record<Soort, RegistryObjecttype> = {
  organisaties: 'organisatie',
  samenwerkingen: 'samenwerking',
  gastheerschappen: 'gastheerschap',
  applicaties: 'applicatie',
  koppelingen: 'koppeling',
  bewijsstukken: 'bewijsstuk',
  contracten: 'contract',
  toegangen: 'toegang',
  controles: 'controle',
  onderhoudsvensters: 'onderhoudsvenster',
  meldingskanalen: 'meldingskanaal',
  referentiecomponenten: 'referentiecomponent',
}

/** Whether the caller may create objects of a kind (GET /_ik's rechten.aanmaken); the API decides regardless. */
export function magAanmaken(aanmaken: object, soort: Soort): boolean {
  return (aanmaken as Record<string, boolean | undefined>)[OBJECTTYPE[soort]] === true
}

export const SOORT_VAN: Record<string, Soort> = Object.fromEntries(Object.entries(OBJECTTYPE).map(([s, o]) => [o, s as Soort]))

/**
 * The field that names an object, its link in a list: a gastheerschap is known by its
 * task, a contract by what it delivers, a bewijsstuk by its kind and a toegang by its
 * purpose (with the party in front: see naam.ts).
 */
export const naamVeld = (soort: Soort): string => NAAM_VELD[soort] ?? 'naam'

const NAAM_VELD: Partial<Record<Soort, string>> = {
  gastheerschappen: 'taak',
  onderhoudsvensters: 'reden',
  bewijsstukken: 'soort',
  contracten: 'omschrijving',
  toegangen: 'doel',
}

export type RegistryObject = { id: string; revisie: number; toegestaneActies?: ('wijzigen' | 'verwijderen')[] } & Record<string, unknown>

/** The name without looking anything up (options of a select); naam.ts adds the party's name where it helps. */
export const naamVan = (soort: Soort, o: RegistryObject): string => String(o[naamVeld(soort)] ?? o.id)

/** How a value shows in a table cell or a detail row. */
export type Weergave =
  | { soort: 'tekst' }
  | { soort: 'datum' }
  | { soort: 'ref'; doel: Soort }
  | { soort: 'aantal' }
  | { soort: 'eindpunt'; kant: 'bron' | 'doel' }
  | { soort: 'toegangobject' }
  /** Yes or no: a boolean, or whether the field is there at all (a bewijsstuk's document). */
  | { soort: 'janee' }

export interface Kolom {
  veld: string
  /** Its header under `kolom.` or `veld.`, when not the field's name. */
  label?: string
  weergave: Weergave
  sorteerbaar?: boolean
  /** Less important: hidden on a narrow screen (a phone), where the detail page still shows it. */
  bijzaak?: boolean
}

export type Filter = { param: string /** Its label under `filter.`, when not the parameter's name. */; label?: string } & (
  | { soort: 'keuze'; waarden: readonly string[] }
  | { soort: 'ref'; doel: Soort }
  | { soort: 'janee' }
)

export interface Relatie {
  /** The sub-resource (`organisaties/{id}/koppelingen`), and the key of its heading. */
  sub: string
  doel: Soort
  /** The list filter that shows the same objects, for "show all". */
  filter: string
  /** No sub-resource: the list of `doel` itself, filtered (`bewijsstukken?organisatieId=…`). */
  viaLijst?: boolean
  /** The object's field the filter takes its value from (a contract's leverancierId); default its id. */
  waardeVeld?: string
  /** Left out of the page while it has nothing to show (most organisations have no bewijsstukken). */
  verbergLeeg?: boolean
}

export interface SoortInfo {
  kolommen: Kolom[]
  filters: Filter[]
  sortVelden: string[]
  relaties: Relatie[]
  /** How the API sorts the list when asked nothing, when that is not by the name field. */
  standaardSortering?: string
}

/** The trust lists of a party, an applicatie or a koppeling (only shown when there is something). */
const vertrouwen = (filters: { contracten?: string; toegangen?: string; bewijsstukken?: string }): Relatie[] =>
  (['bewijsstukken', 'contracten', 'toegangen'] as const).flatMap((doel) => {
    const filter = filters[doel]
    return filter ? [{ sub: doel, doel, filter, viaLijst: true, verbergLeeg: true }] : []
  })

const tekst: Weergave = { soort: 'tekst' }
const datum: Weergave = { soort: 'datum' }

export const INFO: Record<Soort, SoortInfo> = {
  organisaties: {
    kolommen: [
      { veld: 'naam', weergave: tekst, sorteerbaar: true },
      { veld: 'type', weergave: tekst, sorteerbaar: true },
      { veld: 'cbsCode', weergave: tekst, sorteerbaar: true },
      { veld: 'oin', weergave: tekst, bijzaak: true },
    ],
    filters: [
      { param: 'type', soort: 'keuze', waarden: ORGANISATIE_TYPES },
      { param: 'samenwerkingId', soort: 'ref', doel: 'samenwerkingen' },
    ],
    sortVelden: ['naam', 'type', 'cbsCode', 'aangemaaktOp', 'gewijzigdOp'],
    relaties: [
      { sub: 'samenwerkingen', doel: 'samenwerkingen', filter: 'organisatieId' },
      { sub: 'gastheerschappen', doel: 'gastheerschappen', filter: 'organisatieId' },
      { sub: 'applicaties', doel: 'applicaties', filter: 'inGebruikBij' },
      { sub: 'koppelingen', doel: 'koppelingen', filter: 'organisatieId' },
      ...vertrouwen({ bewijsstukken: 'organisatieId', contracten: 'leverancierId', toegangen: 'partijId' }),
    ],
  },
  samenwerkingen: {
    kolommen: [
      { veld: 'naam', weergave: tekst, sorteerbaar: true },
      { veld: 'vorm', weergave: tekst, sorteerbaar: true },
      { veld: 'startdatum', weergave: datum, sorteerbaar: true, bijzaak: true },
      { veld: 'leden', weergave: { soort: 'aantal' }, bijzaak: true },
    ],
    filters: [
      { param: 'vorm', soort: 'keuze', waarden: SAMENWERKING_VORMEN },
      { param: 'organisatieId', soort: 'ref', doel: 'organisaties' },
    ],
    sortVelden: ['naam', 'vorm', 'startdatum', 'aangemaaktOp', 'gewijzigdOp'],
    // The leden are in the object's own fields (with their confirmation): not listed twice.
    relaties: [
      { sub: 'gastheerschappen', doel: 'gastheerschappen', filter: 'samenwerkingId' },
      { sub: 'koppelingen', doel: 'koppelingen', filter: 'samenwerkingId' },
      { sub: 'applicaties', doel: 'applicaties', filter: 'samenwerkingId' },
    ],
  },
  gastheerschappen: {
    kolommen: [
      { veld: 'taak', weergave: tekst, sorteerbaar: true },
      { veld: 'gastheerId', weergave: { soort: 'ref', doel: 'organisaties' } },
      { veld: 'afnemerIds', weergave: { soort: 'aantal' }, bijzaak: true },
      { veld: 'startdatum', weergave: datum, sorteerbaar: true, bijzaak: true },
      { veld: 'einddatum', weergave: datum, sorteerbaar: true, bijzaak: true },
    ],
    filters: [
      { param: 'gastheerId', soort: 'ref', doel: 'organisaties' },
      { param: 'afnemerId', soort: 'ref', doel: 'organisaties' },
      { param: 'organisatieId', soort: 'ref', doel: 'organisaties' },
      { param: 'samenwerkingId', soort: 'ref', doel: 'samenwerkingen' },
    ],
    sortVelden: ['taak', 'startdatum', 'einddatum', 'aangemaaktOp', 'gewijzigdOp'],
    relaties: [{ sub: 'koppelingen', doel: 'koppelingen', filter: 'gastheerschapId' }],
  },
  applicaties: {
    kolommen: [
      { veld: 'naam', weergave: tekst, sorteerbaar: true },
      { veld: 'status', weergave: tekst, sorteerbaar: true },
      { veld: 'hosting', weergave: tekst, sorteerbaar: true, bijzaak: true },
      { veld: 'leverancierId', weergave: { soort: 'ref', doel: 'organisaties' }, bijzaak: true },
    ],
    filters: [
      { param: 'status', soort: 'keuze', waarden: APPLICATIE_STATUSSEN },
      { param: 'hosting', soort: 'keuze', waarden: APPLICATIE_HOSTING },
      { param: 'inGebruikBij', soort: 'ref', doel: 'organisaties' },
      { param: 'leverancierId', soort: 'ref', doel: 'organisaties' },
      { param: 'samenwerkingId', soort: 'ref', doel: 'samenwerkingen' },
      { param: 'referentiecomponentId', soort: 'ref', doel: 'referentiecomponenten' },
    ],
    sortVelden: ['naam', 'status', 'hosting', 'aangemaaktOp', 'gewijzigdOp'],
    relaties: [
      { sub: 'koppelingen', doel: 'koppelingen', filter: 'applicatieId' },
      ...vertrouwen({ contracten: 'applicatieId', toegangen: 'applicatieId' }),
    ],
  },
  koppelingen: {
    kolommen: [
      { veld: 'naam', weergave: tekst, sorteerbaar: true },
      { veld: 'bron', weergave: { soort: 'eindpunt', kant: 'bron' }, bijzaak: true },
      { veld: 'doel', weergave: { soort: 'eindpunt', kant: 'doel' }, bijzaak: true },
      { veld: 'type', weergave: tekst, sorteerbaar: true, bijzaak: true },
      { veld: 'status', weergave: tekst, sorteerbaar: true },
      { veld: 'vertrouwelijkheid', weergave: tekst, sorteerbaar: true, bijzaak: true },
    ],
    filters: [
      { param: 'status', soort: 'keuze', waarden: KOPPELING_STATUSSEN },
      { param: 'type', soort: 'keuze', waarden: KOPPELING_TYPES },
      { param: 'vertrouwelijkheid', soort: 'keuze', waarden: BIV_NIVEAUS },
      { param: 'persoonsgegevens', soort: 'janee' },
      { param: 'organisatieId', soort: 'ref', doel: 'organisaties' },
      { param: 'applicatieId', soort: 'ref', doel: 'applicaties' },
      { param: 'gastheerschapId', soort: 'ref', doel: 'gastheerschappen' },
      { param: 'samenwerkingId', soort: 'ref', doel: 'samenwerkingen' },
    ],
    sortVelden: ['naam', 'status', 'type', 'vertrouwelijkheid', 'aangemaaktOp', 'gewijzigdOp'],
    relaties: vertrouwen({ contracten: 'koppelingId', toegangen: 'koppelingId' }),
  },
  // Trust (src/api/routes/vertrouwen.ts): the filters and sort fields the API offers.
  bewijsstukken: {
    kolommen: [
      // The name: kind and party ("ISO 27001-certificaat — Leverancier"), sorted by kind.
      { veld: 'soort', label: 'bewijsstuk', weergave: tekst, sorteerbaar: true },
      { veld: 'uitgever', weergave: tekst, sorteerbaar: true, bijzaak: true },
      { veld: 'geldigTot', weergave: datum, sorteerbaar: true },
      { veld: 'bijlage', weergave: { soort: 'janee' }, bijzaak: true },
    ],
    filters: [
      { param: 'organisatieId', label: 'partij', soort: 'ref', doel: 'organisaties' },
      { param: 'soort', label: 'soortBewijsstuk', soort: 'keuze', waarden: BEWIJS_SOORTEN },
      { param: 'getekendMetId', soort: 'ref', doel: 'organisaties' },
    ],
    sortVelden: ['geldigTot', 'geldigVanaf', 'soort', 'uitgever', 'aangemaaktOp', 'gewijzigdOp'],
    relaties: [],
    // What expires first comes first.
    standaardSortering: 'geldigTot',
  },
  contracten: {
    kolommen: [
      { veld: 'omschrijving', label: 'levert', weergave: tekst, sorteerbaar: true },
      { veld: 'leverancierId', weergave: { soort: 'ref', doel: 'organisaties' } },
      { veld: 'einddatum', weergave: datum, sorteerbaar: true, bijzaak: true },
      { veld: 'auditrecht', weergave: { soort: 'janee' }, bijzaak: true },
      { veld: 'exitstrategie', weergave: { soort: 'janee' }, bijzaak: true },
    ],
    filters: [
      { param: 'leverancierId', soort: 'ref', doel: 'organisaties' },
      { param: 'afnemerId', soort: 'ref', doel: 'organisaties' },
      { param: 'applicatieId', soort: 'ref', doel: 'applicaties' },
      { param: 'koppelingId', soort: 'ref', doel: 'koppelingen' },
      { param: 'auditrecht', soort: 'janee' },
      { param: 'exitstrategie', soort: 'janee' },
    ],
    sortVelden: ['omschrijving', 'startdatum', 'einddatum', 'aangemaaktOp', 'gewijzigdOp'],
    relaties: [
      { sub: 'bewijsstukkenLeverancier', doel: 'bewijsstukken', filter: 'organisatieId', viaLijst: true, waardeVeld: 'leverancierId' },
    ],
  },
  toegangen: {
    kolommen: [
      // The name: party and purpose ("Leverancier → Applicatiebeheer"), sorted by purpose.
      { veld: 'doel', label: 'toegang', weergave: tekst, sorteerbaar: true },
      { veld: 'object', weergave: { soort: 'toegangobject' }, bijzaak: true },
      { veld: 'geldigTot', weergave: datum, sorteerbaar: true, bijzaak: true },
      { veld: 'laatsteBeoordeling', weergave: datum, sorteerbaar: true },
    ],
    filters: [
      { param: 'partijId', soort: 'ref', doel: 'organisaties' },
      { param: 'verleendDoorId', soort: 'ref', doel: 'organisaties' },
      { param: 'objectSoort', soort: 'keuze', waarden: TOEGANG_OBJECT_SOORTEN },
      { param: 'applicatieId', soort: 'ref', doel: 'applicaties' },
      { param: 'koppelingId', soort: 'ref', doel: 'koppelingen' },
    ],
    sortVelden: ['doel', 'geldigTot', 'laatsteBeoordeling', 'aangemaaktOp', 'gewijzigdOp'],
    relaties: [{ sub: 'bewijsstukkenPartij', doel: 'bewijsstukken', filter: 'organisatieId', viaLijst: true, waardeVeld: 'partijId' }],
  },
  // Monitoring (src/api/routes/monitoring.ts): the filters and sort fields the API offers.
  // A controle's own page (status, history, run now) is features/monitoring/Controle.tsx.
  controles: {
    kolommen: [
      { veld: 'naam', weergave: tekst, sorteerbaar: true },
      { veld: 'soort', label: 'soortControle', weergave: tekst, sorteerbaar: true },
      { veld: 'koppelingId', weergave: { soort: 'ref', doel: 'koppelingen' } },
      { veld: 'intervalSeconden', weergave: tekst, sorteerbaar: true, bijzaak: true },
      { veld: 'actief', weergave: { soort: 'janee' }, bijzaak: true },
    ],
    filters: [
      { param: 'koppelingId', soort: 'ref', doel: 'koppelingen' },
      { param: 'applicatieId', soort: 'ref', doel: 'applicaties' },
      { param: 'samenwerkingId', soort: 'ref', doel: 'samenwerkingen' },
      { param: 'soort', label: 'soortControle', soort: 'keuze', waarden: CONTROLE_SOORTEN },
      { param: 'actief', soort: 'janee' },
    ],
    sortVelden: ['naam', 'soort', 'intervalSeconden', 'aangemaaktOp', 'gewijzigdOp'],
    relaties: [],
  },
  onderhoudsvensters: {
    kolommen: [
      { veld: 'reden', weergave: tekst, sorteerbaar: true },
      { veld: 'van', weergave: datum, sorteerbaar: true },
      { veld: 'tot', weergave: datum, sorteerbaar: true },
      { veld: 'koppelingId', weergave: { soort: 'ref', doel: 'koppelingen' }, bijzaak: true },
      { veld: 'controleId', weergave: { soort: 'ref', doel: 'controles' }, bijzaak: true },
    ],
    filters: [
      { param: 'controleId', soort: 'ref', doel: 'controles' },
      { param: 'koppelingId', soort: 'ref', doel: 'koppelingen' },
      { param: 'samenwerkingId', soort: 'ref', doel: 'samenwerkingen' },
    ],
    sortVelden: ['van', 'tot', 'reden', 'aangemaaktOp', 'gewijzigdOp'],
    relaties: [],
  },
  meldingskanalen: {
    kolommen: [
      { veld: 'naam', weergave: tekst, sorteerbaar: true },
      { veld: 'soort', label: 'soortKanaal', weergave: tekst, sorteerbaar: true },
      { veld: 'organisatieId', weergave: { soort: 'ref', doel: 'organisaties' } },
      { veld: 'actief', weergave: { soort: 'janee' }, bijzaak: true },
    ],
    filters: [
      { param: 'organisatieId', soort: 'ref', doel: 'organisaties' },
      { param: 'samenwerkingId', soort: 'ref', doel: 'samenwerkingen' },
      { param: 'soort', label: 'soortKanaal', soort: 'keuze', waarden: MELDINGSKANAAL_SOORTEN },
    ],
    sortVelden: ['naam', 'soort', 'aangemaaktOp', 'gewijzigdOp'],
    relaties: [],
  },
  // GEMMA reference components (issue 15, src/api/routes/interop.ts): a catalogue only an
  // admin keeps; its page lists the applicaties that fulfil it.
  referentiecomponenten: {
    kolommen: [
      { veld: 'naam', weergave: tekst, sorteerbaar: true },
      { veld: 'gemmaId', weergave: tekst, bijzaak: true },
    ],
    filters: [],
    sortVelden: ['naam', 'aangemaaktOp', 'gewijzigdOp'],
    relaties: [{ sub: 'applicaties', doel: 'applicaties', filter: 'referentiecomponentId', viaLijst: true }],
  },
}
