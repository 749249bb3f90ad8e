import type { Database } from '../db/database.js'
import { type KostenpostRij, verdeelGegevens } from '../db/repos/kosten.js'
import type { Leesbereik } from '../domain/access.js'
import { type Message, msg } from '../domain/errors.js'
import type { Afhankelijkheidsgraaf, Wijziging } from '../domain/impact/index.js'
import type { ImpactKosten } from '../domain/impact/scenario.js'
import { maakMaatstafIndex, type VerdeelContext, verdeelKostenpost } from '../domain/verdeling/index.js'
import { grondslagVan } from './kosten-verdeling.js'

// The cost effect of a scenario per participant: each kostenpost the change touches is
// allocated twice by the engine the declaraties use (domain/verdeling) — as it is, and
// without those who leave — and the parts are summed per organisation for one year.
// Never a second calculation: where the key no longer closes without the leaver (it
// charged the leaver alone, or fixed percentages), the post is allocated to its maker
// with the same engine (a 'volledig afnemer' key) and reported for revision.

export interface Kosteneffect {
  jaar: number | null
  /** Whether the posts of that year run to its end (31 December); if not, the amounts per year are too low. */
  jaarVolledig: boolean
  perOrganisatie: {
    organisatieId: string
    naam: string
    nu: number
    straks: number
    verschil: number
    eenmalig: number
    jaarlijksExtra: number
  }[]
  herzieningNodig: { kostenpostId: string; omschrijving: string; reden: Message }[]
}

/** What a change does to one post: some deelnemers leave, or the whole post ends. */
interface PostWijziging {
  vertrekkers: Set<string>
  vervalt: boolean
}

type Scope = { samenwerkingId: string } | { gastheerschapId: string }

interface Raakt {
  scope: Scope
  /** Applies the change to one post of the scope. */
  pas: (post: KostenpostRij, w: PostWijziging) => void
}

function geraakteScopes(graaf: Afhankelijkheidsgraaf, wijzigingen: readonly Wijziging[]): Raakt[] {
  const uit: Raakt[] = []
  for (const w of wijzigingen) {
    if (w.soort === 'uittreden') {
      const o = w.organisatieId
      const scope: Scope = w.gastheerschapId ? { gastheerschapId: w.gastheerschapId } : { samenwerkingId: w.samenwerkingId ?? '' }
      uit.push({
        scope,
        pas: (post, pw) => {
          const g = post.gastheerschapId ? graaf.gastheerschappen.get(post.gastheerschapId) : undefined
          // A leaving gastheer ends its gastheerschappen in the samenwerking.
          if (g && g.gastheerId === o && !w.gastheerschapId) pw.vervalt = true
          else pw.vertrekkers.add(o)
        },
      })
    }
    if (w.soort === 'gastheer stopt')
      uit.push({
        scope: { gastheerschapId: w.gastheerschapId },
        pas: (_post, pw) => {
          pw.vervalt = true
        },
      })
  }
  return uit
}

/**
 * The year whose recurring costs stand for "per year": the latest complete year (its posts
 * run to 31 December) up to the year of the earliest change, else the latest up to it
 * (incomplete), else — only future posts — the earliest.
 */
function kostenjaar(posten: KostenpostRij[], peiljaar: number): { jaar: number | null; volledig: boolean } {
  const structureel = posten.filter((p) => p.soort === 'structureel')
  const jaren = [...new Set(structureel.map((p) => p.jaar))].sort((a, b) => a - b)
  if (jaren.length === 0) return { jaar: null, volledig: false }
  const volledig = (j: number) => structureel.some((p) => p.jaar === j && p.periodeEind >= `${j}-12-31`)
  const totPeiljaar = jaren.filter((j) => j <= peiljaar)
  const compleet = totPeiljaar.filter(volledig)
  if (compleet.length > 0) return { jaar: compleet[compleet.length - 1] as number, volledig: true }
  const jaar = totPeiljaar.length > 0 ? (totPeiljaar[totPeiljaar.length - 1] as number) : (jaren[0] as number)
  return { jaar, volledig: volledig(jaar) }
}

export async function kosteneffect(
  db: Database,
  graaf: Afhankelijkheidsgraaf,
  wijzigingen: readonly Wijziging[],
  ingevuld: readonly ImpactKosten[],
  bereik: Leesbereik,
): Promise<Kosteneffect> {
  const peiljaar = Math.min(...wijzigingen.map((w) => Number(w.datum.slice(0, 4))))
  const scopes = geraakteScopes(graaf, wijzigingen)
  const perPost = new Map<string, PostWijziging>()
  const gegevens = []
  for (const s of scopes) {
    const g = await verdeelGegevens(db, { ...s.scope, bereik })
    gegevens.push(g)
    for (const p of g.posten) {
      const pw = perPost.get(p.id) ?? { vertrekkers: new Set(), vervalt: false }
      s.pas(p, pw)
      perPost.set(p.id, pw)
    }
  }
  const posten = new Map(gegevens.flatMap((g) => g.posten.map((p) => [p.id, p] as const)))
  const { jaar, volledig } = kostenjaar([...posten.values()], peiljaar)

  const bedragen = new Map<string, { nu: number; straks: number }>()
  const tel = (o: string, veld: 'nu' | 'straks', bedrag: number) => {
    const b = bedragen.get(o) ?? { nu: 0, straks: 0 }
    b[veld] += bedrag
    bedragen.set(o, b)
  }
  const herzieningNodig: Kosteneffect['herzieningNodig'] = []
  for (const g of gegevens) {
    const { index, bron } = maakMaatstafIndex(g.maatstaven)
    const context: VerdeelContext = { maatstaven: index, bron, naam: (id) => g.namen.get(id), cbsCode: (id) => g.cbsCodes.get(id) }
    for (const post of g.posten) {
      // Per year: the recurring costs; a one-off post is no yearly effect.
      if (post.jaar !== jaar || post.soort !== 'structureel' || !posten.has(post.id)) continue
      posten.delete(post.id)
      const sleutel = g.sleutels.get(post.verdeelsleutelId)
      if (!sleutel) continue
      const teVerdelen = {
        id: post.id,
        jaar: post.jaar,
        periode: post.periode,
        bedrag: grondslagVan(post).bedrag,
        deelnemers: post.deelnemers,
      }
      const nu = verdeelKostenpost(teVerdelen, sleutel, context)
      if (!nu.ok) continue
      for (const d of nu.waarde.delen) tel(d.deelnemerId, 'nu', d.bedrag)
      for (const d of post.deelnemers) tel(d, 'straks', 0)
      const pw = perPost.get(post.id)
      if (!pw || pw.vervalt) continue
      const blijvers = post.deelnemers.filter((d) => !pw.vertrekkers.has(d))
      const straks = blijvers.length > 0 ? verdeelKostenpost({ ...teVerdelen, deelnemers: blijvers }, sleutel, context) : undefined
      if (straks?.ok) {
        for (const d of straks.waarde.delen) tel(d.deelnemerId, 'straks', d.bedrag)
        continue
      }
      const maker = post.gemaaktDoorId
      const opMaker = verdeelKostenpost(
        { ...teVerdelen, deelnemers: [maker] },
        {
          id: sleutel.id,
          naam: sleutel.naam,
          versies: [{ geldigVanaf: post.jaar, regel: { soort: 'volledig afnemer', deelnemerId: maker } }],
        },
        context,
      )
      if (opMaker.ok) for (const d of opMaker.waarde.delen) tel(d.deelnemerId, 'straks', d.bedrag)
      const makerNaam = graaf.organisaties.get(maker)?.naam ?? maker
      herzieningNodig.push({
        kostenpostId: post.id,
        omschrijving: post.omschrijving,
        reden: msg(
          `De verdeelsleutel "${sleutel.naam}" sluit niet meer zonder wie vertrekt; tot herziening draagt ${makerNaam} deze kosten.`,
          `The allocation key "${sleutel.naam}" no longer closes without those who leave; until it is revised ${makerNaam} bears these costs.`,
        ),
      })
    }
  }
  for (const k of ingevuld) if (!bedragen.has(k.organisatieId)) bedragen.set(k.organisatieId, { nu: 0, straks: 0 })
  const perOrganisatie = [...bedragen.entries()]
    .map(([organisatieId, b]) => {
      const eigen = ingevuld.filter((k) => k.organisatieId === organisatieId)
      return {
        organisatieId,
        naam: graaf.organisaties.get(organisatieId)?.naam ?? organisatieId,
        nu: b.nu,
        straks: b.straks,
        verschil: b.straks - b.nu,
        eenmalig: eigen.reduce((s, k) => s + k.eenmalig, 0),
        jaarlijksExtra: eigen.reduce((s, k) => s + (k.jaarlijks ?? 0), 0),
      }
    })
    .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'))
  return { jaar, jaarVolledig: volledig, perOrganisatie, herzieningNodig }
}
