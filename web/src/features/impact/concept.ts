import type { TFunction } from 'i18next'
import { currentLanguage } from '../../i18n'
import { getalMelding, leesGetal } from '../../i18n/getal-invoer'
import type { ImpactInvoer, ImpactScenario, Wijziging, WijzigingSoort } from './api'

// The builder's state as a person types it (every field text), and how it becomes the
// API's ImpactInvoer: amounts typed in euros become exact cents; what cannot be read is
// a message at its field before anything is sent. The API judges the rest.

export interface WijzigingConcept {
  soort: WijzigingSoort
  datum: string
  organisatieId: string
  /** Uittreden: `sw:<id>` (from a samenwerking) or `gh:<id>` (stops taking one gastheerschap). */
  waaruit: string
  gastheerschapId: string
  leverancierId: string
  nieuweLeverancierId: string
  applicatieId: string
  vervangerId: string
  applicatieIds: string[]
  partijId: string
  standaard: string
  versie: string
  nieuweVersie: string
}

export interface KostenConcept {
  organisatieId: string
  omschrijving: string
  eenmalig: string
  jaarlijks: string
}

export interface ImpactConcept {
  naam: string
  omschrijving: string
  opstellerId: string
  vraag: string
  /** One assumption per line. */
  aannames: string
  wijzigingen: WijzigingConcept[]
  kosten: KostenConcept[]
}

/** Messages by the API's field path within the invoer (`wijzigingen[0].datum`), or a scenario field (`naam`). */
export type Fouten = Record<string, string>

export const legeWijziging = (soort: WijzigingSoort = 'uittreden'): WijzigingConcept => ({
  soort,
  datum: '',
  organisatieId: '',
  waaruit: '',
  gastheerschapId: '',
  leverancierId: '',
  nieuweLeverancierId: '',
  applicatieId: '',
  vervangerId: '',
  applicatieIds: [],
  partijId: '',
  standaard: '',
  versie: '',
  nieuweVersie: '',
})

export const legeKosten = (): KostenConcept => ({ organisatieId: '', omschrijving: '', eenmalig: '', jaarlijks: '' })

export function leegConcept(opstellerId = ''): ImpactConcept {
  return { naam: '', omschrijving: '', opstellerId, vraag: '', aannames: '', wijzigingen: [legeWijziging()], kosten: [] }
}

/** Cents as the person types euros in the UI language (12345 → "123,45", in English "123.45"). */
function euros(centen: number | undefined): string {
  if (centen === undefined) return ''
  const teken = centen < 0 ? '-' : ''
  const a = Math.abs(centen)
  const komma = currentLanguage() === 'en' ? '.' : ','
  return `${teken}${Math.floor(a / 100)}${komma}${String(a % 100).padStart(2, '0')}`
}

function wijzigingConcept(w: Wijziging): WijzigingConcept {
  const c = { ...legeWijziging(w.soort), datum: w.datum }
  switch (w.soort) {
    case 'uittreden':
      return {
        ...c,
        organisatieId: w.organisatieId,
        waaruit: w.samenwerkingId ? `sw:${w.samenwerkingId}` : w.gastheerschapId ? `gh:${w.gastheerschapId}` : '',
      }
    case 'gastheer stopt':
      return { ...c, gastheerschapId: w.gastheerschapId }
    case 'leverancier vervangen':
      return { ...c, leverancierId: w.leverancierId, nieuweLeverancierId: w.nieuweLeverancierId ?? '' }
    case 'leverancier failliet':
      return { ...c, leverancierId: w.leverancierId }
    case 'applicatie uitfaseren':
    case 'endpoint wijzigt':
      return { ...c, applicatieId: w.applicatieId }
    case 'applicatie vervangen':
      return { ...c, applicatieId: w.applicatieId, vervangerId: w.vervangerId ?? '' }
    case 'uitbesteden':
      return { ...c, organisatieId: w.organisatieId, applicatieIds: [...w.applicatieIds], partijId: w.partijId }
    case 'standaard wijzigt':
      return { ...c, standaard: w.standaard, versie: w.versie ?? '', nieuweVersie: w.nieuweVersie ?? '' }
  }
}

export function naarConcept(s: ImpactScenario): ImpactConcept {
  const i = s.invoer
  return {
    naam: s.naam,
    omschrijving: s.omschrijving ?? '',
    opstellerId: i.opstellerId,
    vraag: i.vraag ?? '',
    aannames: (i.aannames ?? []).join('\n'),
    wijzigingen: i.wijzigingen.map(wijzigingConcept),
    kosten: (i.kosten ?? []).map((k) => ({
      organisatieId: k.organisatieId,
      omschrijving: k.omschrijving,
      eenmalig: euros(k.eenmalig),
      jaarlijks: euros(k.jaarlijks),
    })),
  }
}

// Optional text: left out when empty, so the API's own rules (minLength) never see "".
const opt = <K extends string>(k: K, v: string) => (v.trim() ? ({ [k]: v.trim() } as Record<K, string>) : {})

function naarWijziging(c: WijzigingConcept): Wijziging {
  const datum = c.datum.trim()
  switch (c.soort) {
    case 'uittreden': {
      const [soort, id] = [c.waaruit.slice(0, 3), c.waaruit.slice(3)]
      return {
        soort: 'uittreden',
        datum,
        organisatieId: c.organisatieId,
        ...(soort === 'sw:' && id ? { samenwerkingId: id } : {}),
        ...(soort === 'gh:' && id ? { gastheerschapId: id } : {}),
      }
    }
    case 'gastheer stopt':
      return { soort: c.soort, datum, gastheerschapId: c.gastheerschapId }
    case 'leverancier vervangen':
      return { soort: c.soort, datum, leverancierId: c.leverancierId, ...opt('nieuweLeverancierId', c.nieuweLeverancierId) }
    case 'leverancier failliet':
      return { soort: c.soort, datum, leverancierId: c.leverancierId }
    case 'applicatie uitfaseren':
    case 'endpoint wijzigt':
      return { soort: c.soort, datum, applicatieId: c.applicatieId }
    case 'applicatie vervangen':
      return { soort: c.soort, datum, applicatieId: c.applicatieId, ...opt('vervangerId', c.vervangerId) }
    case 'uitbesteden':
      return { soort: c.soort, datum, organisatieId: c.organisatieId, applicatieIds: c.applicatieIds, partijId: c.partijId }
    case 'standaard wijzigt':
      return { soort: c.soort, datum, standaard: c.standaard.trim(), ...opt('versie', c.versie), ...opt('nieuweVersie', c.nieuweVersie) }
  }
}

/** The API's ImpactInvoer from the form, and the messages of what could not be read (amounts). */
export function naarInvoer(c: ImpactConcept, t: TFunction): { invoer: ImpactInvoer; fouten: Fouten } {
  const fouten: Fouten = {}
  const bedrag = (veld: string, tekst: string, negatiefMag: boolean): number | undefined => {
    if (!tekst.trim()) return undefined
    // A yearly amount may be a saving: the sign is read here, the number by the one rule for amounts.
    const min = negatiefMag ? /^\s*[-−]\s*/.exec(tekst) : null
    const r = leesGetal('bedrag', min ? tekst.slice(min[0].length) : tekst)
    if (r.ok) return min ? -(r.waarde as number) : (r.waarde as number)
    fouten[veld] = getalMelding('bedrag', r, t) ?? t('scenarios:formulier.verplicht')
    return undefined
  }
  const kosten = c.kosten.map((k, i) => {
    const eenmalig = bedrag(`kosten[${i}].eenmalig`, k.eenmalig, false) ?? 0
    const jaarlijks = bedrag(`kosten[${i}].jaarlijks`, k.jaarlijks, true)
    return {
      organisatieId: k.organisatieId,
      omschrijving: k.omschrijving.trim(),
      eenmalig,
      ...(jaarlijks === undefined ? {} : { jaarlijks }),
    }
  })
  const aannames = c.aannames
    .split('\n')
    .map((r) => r.trim())
    .filter(Boolean)
  const invoer: ImpactInvoer = {
    opstellerId: c.opstellerId,
    ...opt('vraag', c.vraag),
    wijzigingen: c.wijzigingen.map(naarWijziging),
    ...(aannames.length ? { aannames } : {}),
    ...(kosten.length ? { kosten } : {}),
  }
  return { invoer, fouten }
}

/**
 * The API's field path as this form keys it: without `body.` and `invoer.` (the preview
 * names `wijzigingen[0].datum`, a save `invoer.wijzigingen[0].datum`), and an uittreden's
 * samenwerking or gastheerschap at the one field that chooses either.
 */
export function formVeld(naam: string, c: ImpactConcept): string {
  const pad = naam.replace(/^body\.?/, '').replace(/^invoer\./, '')
  const m = /^wijzigingen\[(\d+)\]\.(samenwerkingId|gastheerschapId)$/.exec(pad)
  if (m && c.wijzigingen[Number(m[1])]?.soort === 'uittreden') return `wijzigingen[${m[1]}].waaruit`
  return pad.replace(/^(wijzigingen\[\d+\])\.applicatieIds\[\d+\]$/, '$1.applicatieIds')
}
