import type { Message } from './errors.js'
import { deelAfgerond, type PostAllocatie, percentage } from './transparantie.js'
import { isDecimaal, leesDecimaal } from './verdeling/decimaal.js'
import type { Getal } from './verdeling/types.js'

// The benchmark as plain data: ICT costs per inwoner and per werkplek of each
// municipality and year, against reference values people enter. A municipality's costs
// are its allocated parts of every post it takes part in (its own share as host
// included), as the allocation engine made them. Amounts are integer euro cents.
//
// Rounding: kosten per inwoner = kosten / inwoners and kosten per werkplek = kosten /
// werkplekken, computed exactly and rounded to whole cents, halves up (x,5 cent → x+1).
// A measure that is missing or zero gives no figure but a reason; nothing is divided by 0.
//
// Flag: the difference is figure − reference. 'gelijk' when |difference| ≤ 1% of the
// reference (so within one percent either way, boundary included), 'boven' when higher,
// 'onder' when lower. A reference of 0 is 'gelijk' only for a figure of 0.

export type Oordeel = 'boven' | 'onder' | 'gelijk'

/** Relative band (in percent of the reference) within which a figure counts as equal. */
export const GELIJK_MARGE_PROCENT = 1

export interface BenchmarkPost {
  id: string
  omschrijving: string
  jaar: number
  /** Everyone taking part in the post. */
  deelnemers: readonly string[]
  /** The allocation of the grondslag (realisatie, else begroting). */
  allocatie: PostAllocatie
}

export interface BenchmarkOrganisatie {
  id: string
  naam: string
  /** Inwonertal per year (Organisatie.inwoners). */
  inwoners: ReadonlyMap<number, number>
  /** Werkplekken per year (maatstafwaarde 'werkplekken'), exact decimal. */
  werkplekken: ReadonlyMap<number, Getal>
}

export interface BenchmarkReferentie {
  id: string
  naam: string
  jaar: number
  kostenPerInwoner?: number
  kostenPerWerkplek?: number
}

export interface BenchmarkInvoer {
  organisaties: BenchmarkOrganisatie[]
  posten: BenchmarkPost[]
  referenties: BenchmarkReferentie[]
  /** Years to report; absent: every year in which a listed organisation takes part in a post. */
  jaren?: number[]
}

/** A figure, or why there is none. */
export interface Kengetal {
  bedrag?: number
  reden?: Message
}

export interface Afwijking {
  /** The reference value in cents, when the reference has one. */
  referentie?: number
  /** figure − reference, in cents. */
  verschil?: number
  /** verschil as a percentage of the reference, one decimal; null when the reference is 0. */
  verschilPercentage?: number | null
  oordeel?: Oordeel
  /** Why there is no comparison (the figure or the reference value is missing). */
  reden?: Message
}

export interface Referentievergelijking {
  referentiewaardeId: string
  naam: string
  perInwoner: Afwijking
  perWerkplek: Afwijking
}

export interface BenchmarkRegel {
  organisatieId: string
  naam: string
  jaar: number
  /** Allocated ICT costs in cents (grondslag: realisatie, else begroting). */
  kosten: number
  /** Posts the organisation takes part in. */
  posten: number
  inwoners: number | null
  werkplekken: number | null
  perInwoner: Kengetal
  perWerkplek: Kengetal
  vergelijkingen: Referentievergelijking[]
  /** Posts that could not be allocated: the costs above lack them. */
  nietVerdeeld: { kostenpostId: string; omschrijving: string; reden: Message }[]
}

export interface Benchmark {
  jaren: number[]
  regels: BenchmarkRegel[]
}

/** cents / measure, exact, rounded to whole cents halves up; undefined when the measure is not a positive number. */
export function perEenheid(kosten: number, eenheden: Getal): number | undefined {
  const d = leesDecimaal(eenheden)
  if (!isDecimaal(d) || d.teller === 0n) return undefined
  // kosten / (teller / 10^schaal) = kosten · 10^schaal / teller
  return Number(deelAfgerond(BigInt(kosten) * 10n ** BigInt(d.schaal), d.teller))
}

export function oordeel(waarde: number, referentie: number): Oordeel {
  const verschil = waarde - referentie
  // |verschil| ≤ marge% · referentie, in integers: 100 · |verschil| ≤ marge · referentie
  if (Math.abs(verschil) * 100 <= GELIJK_MARGE_PROCENT * referentie) return 'gelijk'
  return verschil > 0 ? 'boven' : 'onder'
}

const ontbreekt = (nl: string, en: string): Message => ({ nl, en })

function kengetal(kosten: number, maat: Getal | undefined, wat: { nl: string; en: string }, jaar: number): Kengetal {
  if (maat === undefined) return { reden: ontbreekt(`Geen ${wat.nl} bekend voor ${jaar}.`, `No ${wat.en} known for ${jaar}.`) }
  const bedrag = perEenheid(kosten, maat)
  if (bedrag === undefined) return { reden: ontbreekt(`Het aantal ${wat.nl} in ${jaar} is 0.`, `The number of ${wat.en} in ${jaar} is 0.`) }
  return { bedrag }
}

function afwijking(k: Kengetal, referentie: number | undefined, wat: { nl: string; en: string }): Afwijking {
  if (referentie === undefined)
    return { reden: ontbreekt(`De referentie noemt geen kosten per ${wat.nl}.`, `The reference gives no costs per ${wat.en}.`) }
  if (k.bedrag === undefined) return { referentie, reden: k.reden }
  const verschil = k.bedrag - referentie
  return { referentie, verschil, verschilPercentage: percentage(verschil, referentie), oordeel: oordeel(k.bedrag, referentie) }
}

const INWONER = { nl: 'inwoner', en: 'inhabitant' }
const WERKPLEK = { nl: 'werkplek', en: 'workplace' }

export function maakBenchmark(invoer: BenchmarkInvoer): Benchmark {
  const ids = new Set(invoer.organisaties.map((o) => o.id))
  const jaren =
    invoer.jaren ?? [...new Set(invoer.posten.filter((p) => p.deelnemers.some((d) => ids.has(d))).map((p) => p.jaar))].sort((a, b) => a - b)
  const regels: BenchmarkRegel[] = []
  for (const jaar of jaren) {
    const posten = invoer.posten.filter((p) => p.jaar === jaar)
    const referenties = invoer.referenties.filter((r) => r.jaar === jaar)
    for (const o of invoer.organisaties) {
      const mijn = posten.filter((p) => p.deelnemers.includes(o.id))
      if (mijn.length === 0) continue
      let kosten = 0
      const nietVerdeeld: BenchmarkRegel['nietVerdeeld'] = []
      for (const p of mijn) {
        if (p.allocatie.ok) {
          for (const d of p.allocatie.delen) if (d.organisatieId === o.id) kosten += d.bedrag
        } else nietVerdeeld.push({ kostenpostId: p.id, omschrijving: p.omschrijving, reden: p.allocatie.reden })
      }
      const inwoners = o.inwoners.get(jaar)
      const werkplekken = o.werkplekken.get(jaar)
      const perInwoner = kengetal(kosten, inwoners, { nl: 'inwoners', en: 'inhabitants' }, jaar)
      const perWerkplek = kengetal(kosten, werkplekken, { nl: 'werkplekken', en: 'workplaces' }, jaar)
      regels.push({
        organisatieId: o.id,
        naam: o.naam,
        jaar,
        kosten,
        posten: mijn.length,
        inwoners: inwoners ?? null,
        werkplekken: werkplekken === undefined ? null : Number(werkplekken),
        perInwoner,
        perWerkplek,
        vergelijkingen: referenties.map((r) => ({
          referentiewaardeId: r.id,
          naam: r.naam,
          perInwoner: afwijking(perInwoner, r.kostenPerInwoner, INWONER),
          perWerkplek: afwijking(perWerkplek, r.kostenPerWerkplek, WERKPLEK),
        })),
        nietVerdeeld,
      })
    }
  }
  return { jaren, regels }
}
