import { BTW_REGIMES } from '../../../../src/domain/betaling'
import { KOSTEN_CATEGORIEEN, KOSTEN_SOORTEN } from '../../../../src/domain/vocabulary'
import type { Ik } from '../../api/types'
import type { Soort } from '../registry/soorten'

// What the cost pages know about each cost resource: how an object is named, the
// columns and filters of its list, and its fields in the order a person fills them in.
// The same field list drives the form and the detail page.

export const KOSTEN_PAGINAS = ['kostenposten', 'verdeelsleutels', 'maatstafwaarden', 'referentiewaarden'] as const
export type KostenPagina = (typeof KOSTEN_PAGINAS)[number]

export const OBJECTTYPE: Record<KostenPagina, string> = {
  kostenposten: 'kostenpost',
  verdeelsleutels: 'verdeelsleutel',
  maatstafwaarden: 'maatstafwaarde',
  referentiewaarden: 'referentiewaarde',
}

export type KostenObject = {
  id: string
  revisie: number
  aangemaaktOp?: string
  gewijzigdOp?: string
  toegestaneActies?: ('wijzigen' | 'verwijderen')[]
} & Record<string, unknown>

/** /_ik lists the cost object types too; the UI's Ik type predates them. */
export const magAanmaken = (ik: Ik, pagina: KostenPagina): boolean =>
  (ik.rechten.aanmaken as unknown as Record<string, boolean | undefined>)[OBJECTTYPE[pagina]] === true

/** Where a reference points: a registry page, or the verdeelsleutels. */
export type Doel = Soort | 'verdeelsleutels'

export type Weergave =
  | { soort: 'tekst' }
  | { soort: 'bedrag' }
  | { soort: 'getal' }
  | { soort: 'jaar' }
  | { soort: 'ref'; doel: Doel }
  | { soort: 'hoortBij' }
  | { soort: 'regelNu' }
  | { soort: 'aantal' }

export interface Kolom {
  veld: string
  weergave: Weergave
  sorteerbaar?: boolean
  /** Less important: hidden on a narrow screen (a phone), where the detail page still shows it. */
  bijzaak?: boolean
}

export type Filter =
  | { param: string; soort: 'keuze'; waarden: readonly string[] }
  | { param: string; soort: 'ref'; doel: Doel }
  | { param: string; soort: 'jaar' }
  | { param: string; soort: 'tekst' }

export type Veld =
  | { naam: string; soort: 'tekst'; verplicht?: boolean; hint?: string; lijst?: 'maatstaven' }
  | { naam: string; soort: 'meertekst' }
  /** `labels`: the message group naming each value (else the value itself); `standaard`: the value of a new object. */
  | { naam: string; soort: 'keuze'; waarden: readonly string[]; verplicht?: boolean; labels?: string; standaard?: string }
  | { naam: string; soort: 'jaar'; verplicht?: boolean }
  | { naam: string; soort: 'getal'; verplicht?: boolean; hint?: string }
  | { naam: string; soort: 'bedrag'; verplicht?: boolean; hint?: string }
  | { naam: string; soort: 'ref'; doel: Doel; verplicht?: boolean }
  /** gastheerschapId or samenwerkingId, chosen with radio buttons. */
  | { naam: 'hoortBij'; soort: 'hoortBij'; metGeen?: boolean }
  /** An organisation among the participants of what the post belongs to. */
  | { naam: string; soort: 'deelnemer'; hint?: string }
  /** A key that fits what the post belongs to. */
  | { naam: string; soort: 'sleutel'; verplicht?: boolean; hint?: string }
  | { naam: 'versies'; soort: 'versies' }

export interface PaginaInfo {
  naamVeld: string
  kolommen: Kolom[]
  filters: Filter[]
  standaardSortering: string
  velden: Veld[]
}

const tekst: Weergave = { soort: 'tekst' }
const bedrag: Weergave = { soort: 'bedrag' }

export const INFO: Record<KostenPagina, PaginaInfo> = {
  kostenposten: {
    naamVeld: 'omschrijving',
    kolommen: [
      { veld: 'omschrijving', weergave: tekst, sorteerbaar: true },
      { veld: 'periode', weergave: tekst, sorteerbaar: true },
      { veld: 'hoortBij', weergave: { soort: 'hoortBij' }, bijzaak: true },
      { veld: 'categorie', weergave: tekst, sorteerbaar: true, bijzaak: true },
      { veld: 'begroting', weergave: bedrag, sorteerbaar: true },
      { veld: 'realisatie', weergave: bedrag, sorteerbaar: true, bijzaak: true },
    ],
    filters: [
      { param: 'samenwerkingId', soort: 'ref', doel: 'samenwerkingen' },
      { param: 'gastheerschapId', soort: 'ref', doel: 'gastheerschappen' },
      { param: 'jaar', soort: 'jaar' },
      { param: 'soort', soort: 'keuze', waarden: KOSTEN_SOORTEN },
      { param: 'categorie', soort: 'keuze', waarden: KOSTEN_CATEGORIEEN },
      { param: 'verdeelsleutelId', soort: 'ref', doel: 'verdeelsleutels' },
      { param: 'applicatieId', soort: 'ref', doel: 'applicaties' },
    ],
    standaardSortering: 'periode',
    velden: [
      { naam: 'omschrijving', soort: 'tekst', verplicht: true },
      { naam: 'hoortBij', soort: 'hoortBij' },
      { naam: 'gemaaktDoorId', soort: 'deelnemer', hint: 'gemaaktDoorId' },
      { naam: 'periode', soort: 'tekst', verplicht: true, hint: 'periode' },
      { naam: 'soort', soort: 'keuze', waarden: KOSTEN_SOORTEN, verplicht: true },
      { naam: 'categorie', soort: 'keuze', waarden: KOSTEN_CATEGORIEEN, verplicht: true },
      // What the costs are for (issue 15): the harmonisation overview adds them up per applicatie.
      { naam: 'applicatieId', soort: 'ref', doel: 'applicaties' },
      { naam: 'begroting', soort: 'bedrag', hint: 'begroting' },
      { naam: 'realisatie', soort: 'bedrag', hint: 'realisatie' },
      { naam: 'verdeelsleutelId', soort: 'sleutel', verplicht: true, hint: 'verdeelsleutelId' },
      { naam: 'bron', soort: 'tekst' },
      { naam: 'toelichting', soort: 'meertekst' },
      // Printed on the declaraties of this post (docs/declaraties.md).
      { naam: 'btw', soort: 'keuze', waarden: BTW_REGIMES, verplicht: true, labels: 'btwKeuze', standaard: 'geen' },
    ],
  },
  verdeelsleutels: {
    naamVeld: 'naam',
    kolommen: [
      { veld: 'naam', weergave: tekst, sorteerbaar: true },
      { veld: 'hoortBij', weergave: { soort: 'hoortBij' }, bijzaak: true },
      { veld: 'regel', weergave: { soort: 'regelNu' } },
      { veld: 'versies', weergave: { soort: 'aantal' }, bijzaak: true },
    ],
    filters: [
      { param: 'samenwerkingId', soort: 'ref', doel: 'samenwerkingen' },
      { param: 'gastheerschapId', soort: 'ref', doel: 'gastheerschappen' },
    ],
    standaardSortering: 'naam',
    velden: [
      { naam: 'naam', soort: 'tekst', verplicht: true },
      { naam: 'omschrijving', soort: 'meertekst' },
      { naam: 'hoortBij', soort: 'hoortBij', metGeen: true },
      { naam: 'versies', soort: 'versies' },
      { naam: 'toelichting', soort: 'meertekst' },
    ],
  },
  maatstafwaarden: {
    naamVeld: 'maatstaf',
    kolommen: [
      { veld: 'maatstaf', weergave: tekst, sorteerbaar: true },
      { veld: 'organisatieId', weergave: { soort: 'ref', doel: 'organisaties' } },
      { veld: 'jaar', weergave: { soort: 'jaar' }, sorteerbaar: true },
      { veld: 'waarde', weergave: { soort: 'getal' } },
      { veld: 'bron', weergave: tekst, bijzaak: true },
    ],
    filters: [
      { param: 'organisatieId', soort: 'ref', doel: 'organisaties' },
      { param: 'jaar', soort: 'jaar' },
    ],
    standaardSortering: 'maatstaf',
    velden: [
      { naam: 'organisatieId', soort: 'ref', doel: 'organisaties', verplicht: true },
      { naam: 'maatstaf', soort: 'tekst', verplicht: true, hint: 'maatstaf', lijst: 'maatstaven' },
      { naam: 'jaar', soort: 'jaar', verplicht: true },
      { naam: 'waarde', soort: 'getal', verplicht: true, hint: 'waarde' },
      { naam: 'bron', soort: 'tekst' },
    ],
  },
  referentiewaarden: {
    naamVeld: 'naam',
    kolommen: [
      { veld: 'naam', weergave: tekst, sorteerbaar: true },
      { veld: 'jaar', weergave: { soort: 'jaar' }, sorteerbaar: true },
      { veld: 'kostenPerInwoner', weergave: bedrag },
      { veld: 'kostenPerWerkplek', weergave: bedrag, bijzaak: true },
      { veld: 'bron', weergave: tekst, bijzaak: true },
    ],
    filters: [{ param: 'jaar', soort: 'jaar' }],
    standaardSortering: 'naam',
    velden: [
      { naam: 'naam', soort: 'tekst', verplicht: true },
      { naam: 'jaar', soort: 'jaar', verplicht: true },
      { naam: 'kostenPerInwoner', soort: 'bedrag', hint: 'bedrag' },
      { naam: 'kostenPerWerkplek', soort: 'bedrag', hint: 'bedrag' },
      { naam: 'bron', soort: 'tekst' },
      { naam: 'toelichting', soort: 'meertekst' },
    ],
  },
}

export const naamVan = (pagina: KostenPagina, o: Record<string, unknown>): string => {
  const naam = o[INFO[pagina].naamVeld]
  if (pagina === 'maatstafwaarden') return `${String(naam ?? '')} ${String(o.jaar ?? '')}`.trim() || String(o.id)
  return naam === undefined || naam === null || naam === '' ? String(o.id) : String(naam)
}

/** Where a form field's error is shown: `versies[0].regel.componenten` → `veld-versies-0-regel-componenten`. */
export const veldId = (pad: string) => `veld-${pad.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`
