import type { Verantwoordelijken } from '../policies/types.js'
import type { Reference } from '../registry-rules.js'
import type { Wijziging } from './typen.js'

// An impact scenario as stored (the scenario table, soort `impactanalyse`): the question,
// its changes, the assumptions and the one-off and yearly disentanglement costs a person
// enters. Its outcome is computed on every read from the current graph.

/** Costs a person expects for one organisation because of the scenario; integer euro cents. */
export interface ImpactKosten {
  organisatieId: string
  omschrijving: string
  /** One-off (e.g. migration, data conversion), euro cents ≥ 0. */
  eenmalig: number
  /** Extra per year from then on (negative: a saving), euro cents. */
  jaarlijks?: number
}

export interface ImpactInvoer {
  /** The organisation that draws up the scenario: it keeps it, with the organisations it names. */
  opstellerId: string
  /** The question in words, for the report ("Wat als Wijdemeren …?"). */
  vraag?: string
  wijzigingen: Wijziging[]
  aannames?: string[]
  kosten?: ImpactKosten[]
}

const ORGANISATIE_VELDEN = ['organisatieId', 'leverancierId', 'nieuweLeverancierId', 'partijId'] as const

/** Every organisation the scenario names: who drafts it, who changes, who pays. */
export function impactOrganisaties(invoer: ImpactInvoer): string[] {
  const ids = new Set<string>([invoer.opstellerId])
  for (const w of invoer.wijzigingen) {
    const velden = w as Partial<Record<(typeof ORGANISATIE_VELDEN)[number], string>>
    for (const v of ORGANISATIE_VELDEN) if (velden[v]) ids.add(velden[v] as string)
  }
  for (const k of invoer.kosten ?? []) ids.add(k.organisatieId)
  return [...ids].map((id) => id.toLowerCase())
}

/** What the scenario refers to, each on its field, so an unknown or invisible id is a 400 there. */
export function impactReferences(invoer: ImpactInvoer, prefix = 'invoer'): Reference[] {
  const pad = (naam: string) => (prefix ? `${prefix}.${naam}` : naam)
  const refs: Reference[] = [{ name: pad('opstellerId'), objecttype: 'organisatie', id: invoer.opstellerId }]
  invoer.wijzigingen.forEach((w, i) => {
    const veld = (naam: string) => pad(`wijzigingen[${i}].${naam}`)
    const ref = (naam: string, objecttype: Reference['objecttype'], id: string | undefined) => {
      if (id) refs.push({ name: veld(naam), objecttype, id })
    }
    const x = w as Partial<Record<string, string>>
    ref('organisatieId', 'organisatie', x.organisatieId)
    ref('leverancierId', 'organisatie', x.leverancierId)
    ref('nieuweLeverancierId', 'organisatie', x.nieuweLeverancierId)
    ref('partijId', 'organisatie', x.partijId)
    ref('samenwerkingId', 'samenwerking', x.samenwerkingId)
    ref('gastheerschapId', 'gastheerschap', x.gastheerschapId)
    ref('applicatieId', 'applicatie', x.applicatieId)
    ref('vervangerId', 'applicatie', x.vervangerId)
    if (w.soort === 'uitbesteden')
      w.applicatieIds.forEach((a, j) => {
        ref(`applicatieIds[${j}]`, 'applicatie', a)
      })
  })
  for (const [i, k] of (invoer.kosten ?? []).entries())
    refs.push({ name: pad(`kosten[${i}].organisatieId`), objecttype: 'organisatie', id: k.organisatieId })
  return refs
}

/** Kept by its opsteller and the organisations it names (their beheerders and regisseurs). */
export function impactVerantwoordelijken(invoer: Partial<ImpactInvoer>): Verantwoordelijken {
  if (!invoer.opstellerId || !invoer.wijzigingen) return { organisatieIds: [] }
  return { organisatieIds: impactOrganisaties(invoer as ImpactInvoer) }
}
