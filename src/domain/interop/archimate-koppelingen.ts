import type { LandelijkeVoorziening } from '../vocabulary.js'
import { gedragenId, sleutel } from './archimate-eigenschappen.js'
import type { ArchimateRelatie } from './archimate-model.js'

// Which relationships of an ArchiMate file are one koppeling: a single flow, or two Flow
// legs A → X → B through an applicatie X (the via). Legs belong together when they carry
// the same "Regiekamer-koppeling" (Regiekamer's own export), or else, carrying none, when
// they have the same name and X has exactly that one incoming and one outgoing flow of
// that name. Legs with different "Regiekamer-koppeling" values never merge.

/** An end of a koppeling as the file gives it. */
export type Eind =
  | { soort: 'applicatie'; id: string; naam: string }
  | { soort: 'voorziening'; voorziening: LandelijkeVoorziening; overig?: string; naam: string }

/** A Flow, Serving or Triggering between two ends, `index` its place among the relationships. */
export interface Poot {
  relatie: ArchimateRelatie
  index: number
  bron: Eind
  doel: Eind
  interfaces: string[]
  regiekamerKoppeling?: string
}

/** One koppeling to be: its legs (bron leg first), ends, via, and the id it carries. */
export interface Kandidaat {
  poten: Poot[]
  bron: Eind
  doel: Eind
  via?: Eind & { soort: 'applicatie' }
  gedragen?: string
}

export const eindSleutel = (e: Eind) => (e.soort === 'applicatie' ? `a:${e.id}` : `v:${e.voorziening}:${sleutel(e.overig ?? '')}`)

/** The koppelingen the legs make, in the file order of their first leg. */
export function koppelingKandidaten(poten: Poot[]): Kandidaat[] {
  const kandidaten: Kandidaat[] = []
  const gebruikt = new Set<Poot>()
  const enkel = (p: Poot, gedragen?: string): Kandidaat => ({ poten: [p], bron: p.bron, doel: p.doel, gedragen })
  const paar = (eerste: Poot, tweede: Poot, gedragen?: string): Kandidaat | undefined => {
    if (eerste.relatie.type !== 'Flow' || tweede.relatie.type !== 'Flow') return undefined
    for (const [a, b] of [
      [eerste, tweede],
      [tweede, eerste],
    ]) {
      if (a.doel.soort === 'applicatie' && eindSleutel(a.doel) === eindSleutel(b.bron)) {
        return { poten: [a, b], bron: a.bron, doel: b.doel, via: a.doel, gedragen }
      }
    }
    return undefined
  }

  // (a) The legs of one koppeling of Regiekamer's export share "Regiekamer-koppeling".
  const groepen = new Map<string, Poot[]>()
  for (const p of poten) {
    if (p.regiekamerKoppeling === undefined) continue
    const groep = groepen.get(p.regiekamerKoppeling) ?? []
    groep.push(p)
    groepen.set(p.regiekamerKoppeling, groep)
  }
  for (const [waarde, groep] of groepen) {
    const gedragen = gedragenId(waarde)
    const samen = groep.length === 2 ? paar(groep[0], groep[1], gedragen) : undefined
    if (samen) kandidaten.push(samen)
    else if (groep.length === 1) kandidaten.push(enkel(groep[0], gedragen))
    else kandidaten.push(...groep.map((p) => enkel(p)))
    for (const p of groep) gebruikt.add(p)
  }

  // (b) Otherwise two flows of one name through an applicatie that has just those two of that name.
  // Each named flow's key is computed once and its legs indexed by (end, name), so pairing stays linear.
  const vrij = poten.filter((p) => !gebruikt.has(p))
  const naamVan = new Map<Poot, string>()
  const erin = new Map<string, Poot[]>()
  const eruit = new Map<string, Poot[]>()
  const voeg = (index: Map<string, Poot[]>, k: string, p: Poot) => {
    const lijst = index.get(k)
    if (lijst) lijst.push(p)
    else index.set(k, [p])
  }
  for (const p of vrij) {
    if (p.relatie.type !== 'Flow' || (p.relatie.naam ?? '').trim() === '') continue
    const naam = sleutel(p.relatie.naam ?? '')
    naamVan.set(p, naam)
    voeg(erin, `${eindSleutel(p.doel)}\u0000${naam}`, p)
    voeg(eruit, `${eindSleutel(p.bron)}\u0000${naam}`, p)
  }
  for (const a of vrij) {
    const naam = naamVan.get(a)
    if (gebruikt.has(a) || naam === undefined || a.doel.soort !== 'applicatie') continue
    const x = `${eindSleutel(a.doel)}\u0000${naam}`
    const binnen = erin.get(x) ?? []
    const buiten = eruit.get(x) ?? []
    if (binnen.length !== 1 || buiten.length !== 1 || gebruikt.has(buiten[0]) || buiten[0] === a) continue
    const samen = paar(a, buiten[0])
    if (!samen) continue
    kandidaten.push(samen)
    gebruikt.add(a)
    gebruikt.add(buiten[0])
  }
  for (const p of vrij) if (!gebruikt.has(p)) kandidaten.push(enkel(p, gedragenId(p.relatie.id)))

  const eersteIndex = (k: Kandidaat) => Math.min(...k.poten.map((p) => p.index))
  return kandidaten.sort((a, b) => eersteIndex(a) - eersteIndex(b))
}
