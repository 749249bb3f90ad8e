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

// What the registry pages know about each resource: its name field, the columns and
// filters of its list, and the related lists the API offers. Field labels live in the
// i18n file under `veld.<name>`.

export const SOORTEN = ['organisaties', 'samenwerkingen', 'gastheerschappen', 'applicaties', 'koppelingen'] as const
export type Soort = (typeof SOORTEN)[number]

export const OBJECTTYPE: Record<Soort, Objecttype> = {
  organisaties: 'organisatie',
  samenwerkingen: 'samenwerking',
  gastheerschappen: 'gastheerschap',
  applicaties: 'applicatie',
  koppelingen: 'koppeling',
}

export const SOORT_VAN: Record<string, Soort> = Object.fromEntries(Object.entries(OBJECTTYPE).map(([s, o]) => [o, s as Soort]))

/** The field that names an object: a gastheerschap is known by its task. */
export const naamVeld = (soort: Soort): 'naam' | 'taak' => (soort === 'gastheerschappen' ? 'taak' : 'naam')

export type RegistryObject = { id: string; revisie: number; toegestaneActies?: ('wijzigen' | 'verwijderen')[] } & Record<string, unknown>

export const naamVan = (soort: Soort, o: RegistryObject): string => String(o[naamVeld(soort)] ?? o.id)

/** How a value shows in a table cell or a detail row. */
export type Weergave =
  | { soort: 'tekst' }
  | { soort: 'datum' }
  | { soort: 'ref'; doel: Soort }
  | { soort: 'aantal' }
  | { soort: 'eindpunt'; kant: 'bron' | 'doel' }

export interface Kolom {
  veld: string
  weergave: Weergave
  sorteerbaar?: boolean
  /** Less important: hidden on a narrow screen (a phone), where the detail page still shows it. */
  bijzaak?: boolean
}

export type Filter =
  | { param: string; soort: 'keuze'; waarden: readonly string[] }
  | { param: string; soort: 'ref'; doel: Soort }
  | { param: string; soort: 'janee' }

export interface Relatie {
  sub: string
  doel: Soort
  /** The list filter that shows the same objects, for "show all". */
  filter: string
}

export interface SoortInfo {
  kolommen: Kolom[]
  filters: Filter[]
  sortVelden: string[]
  relaties: Relatie[]
}

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
    ],
    sortVelden: ['naam', 'status', 'hosting', 'aangemaaktOp', 'gewijzigdOp'],
    relaties: [{ sub: 'koppelingen', doel: 'koppelingen', filter: 'applicatieId' }],
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
    relaties: [],
  },
}
