import type { Message } from './errors.js'
import { formatDecimaal, isDecimaal, leesDecimaal } from './verdeling/decimaal.js'
import type { EnkeleRegel, Getal, Regel, VerdeelsleutelVersie } from './verdeling/types.js'
import { KOSTEN_CATEGORIEEN } from './vocabulary.js'

// The transparency report of one samenwerking for one year, as plain data: every figure
// is a sum of parts the allocation engine made (services/kosten-verdeling.ts), never a
// share computed here, so the report, the declaraties and the verdeling endpoint agree
// to the cent. Amounts are integer euro cents.

/** One participant's part of one allocation. */
export interface Deelbedrag {
  organisatieId: string
  bedrag: number
}

/** The outcome of allocating one amount of a post: its parts, or why it cannot be allocated. */
export type PostAllocatie = { ok: true; bedrag: number; geldigVanaf: number; delen: Deelbedrag[] } | { ok: false; reden: Message }

export type GrondslagSoort = 'realisatie' | 'begroting'

/** A kostenpost with its three allocations: the grondslag (headline), the begroting and the realisatie. */
export interface VerslagPost {
  id: string
  omschrijving: string
  categorie: string
  soort: string
  jaar: number
  periode: string
  begroting: number | null
  realisatie: number | null
  /** Which amount the grondslag allocation used. */
  grondslag: GrondslagSoort
  sleutel: { id: string; naam: string }
  allocaties: { grondslag: PostAllocatie; begroting: PostAllocatie; realisatie: PostAllocatie }
}

export interface VerslagInvoer {
  jaar: number
  /** Organisations in the order to show them (the samenwerking's members); others follow by name. */
  organisaties: { id: string; naam: string }[]
  /** Names of every organisation that may occur in an allocation. */
  namen: ReadonlyMap<string, string>
  /** Every post of the samenwerking the caller may see, all years (the trend needs them). */
  posten: VerslagPost[]
  /** The keys of those posts with all their versions. */
  sleutels: ReadonlyMap<string, { id: string; naam: string; versies: readonly VerdeelsleutelVersie[] }>
}

/**
 * Begroting against realisatie. The verschil compares only posts that have both (issue 20:
 * a post without realisatie counted as € 0 read as a 19 % underspend); what has no
 * realisatie yet, or no begroting, is shown beside it, never inside it.
 */
export interface Vergelijking {
  /** Begroting of every allocated post (a post without begroting adds nothing). */
  begroting: number
  /** Realisatie of every allocated post that has one. */
  realisatie: number
  /** The posts with both a begroting and a realisatie: the only ones compared. */
  vergelijkbaar: { begroting: number; realisatie: number; posten: number }
  /** vergelijkbaar.realisatie − vergelijkbaar.begroting. */
  verschil: number
  /** verschil as a percentage of vergelijkbaar.begroting, one decimal, half away from zero; null when that is 0. */
  verschilPercentage: number | null
  /** Posts with a begroting and no realisatie yet: their begroting and how many. */
  nogGeenRealisatie: { begroting: number; posten: number }
  /** Posts with a realisatie and no begroting: their realisatie and how many. */
  zonderBegroting: { realisatie: number; posten: number }
}

export interface Totalen extends Vergelijking {
  /** Realisatie where known, else begroting: the headline amount. */
  grondslag: number
  /** The grondslag split into structural and initial costs. */
  structureel: number
  initieel: number
}

export interface OrganisatieRegel extends Totalen {
  organisatieId: string
  naam: string
}

export interface CategorieRegel extends Totalen {
  categorie: string
}

export interface OrganisatieCategorieRegel {
  organisatieId: string
  categorie: string
  begroting: number
  realisatie: number
  grondslag: number
}

export interface JaarBedragen extends Vergelijking {
  jaar: number
  grondslag: number
}

export interface Trend {
  jaren: number[]
  organisaties: { organisatieId: string; naam: string; jaren: JaarBedragen[] }[]
  totaal: (JaarBedragen & { nietVerdeeld: number })[]
}

export interface GebruikteSleutel {
  id: string
  naam: string
  geldigVanaf: number
  beschrijving: Message
  /** Posts of the year allocated with this version. */
  posten: number
}

export interface VerslagPostRegel {
  id: string
  omschrijving: string
  categorie: string
  soort: string
  periode: string
  begroting: number | null
  realisatie: number | null
  grondslag: GrondslagSoort
  /** The amount allocated as grondslag. */
  verdeeldBedrag: number
  sleutel: { id: string; naam: string; geldigVanaf: number }
  delen: { organisatieId: string; naam: string; begroting: number; realisatie: number; grondslag: number }[]
}

export interface NietVerdeeld {
  id: string
  omschrijving: string
  categorie: string
  soort: string
  periode: string
  begroting: number | null
  realisatie: number | null
  sleutel: { id: string; naam: string }
  reden: Message
}

export interface Transparantieverslag {
  jaar: number
  totaal: Totalen
  organisaties: OrganisatieRegel[]
  categorieen: CategorieRegel[]
  organisatieCategorieen: OrganisatieCategorieRegel[]
  trend: Trend
  sleutels: GebruikteSleutel[]
  posten: VerslagPostRegel[]
  nietVerdeeld: NietVerdeeld[]
}

// ---------------------------------------------------------------------------------------
// Rounding

/**
 * teller / noemer rounded to a whole number, halves away from zero (2.5 → 3, −2.5 → −3).
 * Exact (BigInt), so no binary-floating-point surprises. noemer must be > 0.
 */
export function deelAfgerond(teller: bigint, noemer: bigint): bigint {
  if (noemer <= 0n) throw new RangeError('noemer must be positive')
  const negatief = teller < 0n
  const t = negatief ? -teller : teller
  const q = (2n * t + noemer) / (2n * noemer)
  return negatief ? -q : q
}

/** verschil as a percentage of basis, one decimal, halves away from zero; null when basis is 0. */
export function percentage(verschil: number, basis: number): number | null {
  if (basis === 0) return null
  return Number(deelAfgerond(BigInt(verschil) * 1000n, BigInt(basis))) / 10
}

/** The amounts of one post (or one organisation's parts of it) as the comparison counts them. */
export interface VergelijkDeel {
  begroting: number
  realisatie: number
  /** Which of the post's own amounts are known: decides where the parts go. */
  heeftBegroting: boolean
  heeftRealisatie: boolean
}

/** A running comparison: add parts with `telVergelijking`, finish with `vergelijking`. */
export interface VergelijkOptelling {
  begroting: number
  realisatie: number
  vergelijkbaar: { begroting: number; realisatie: number; posten: number }
  nogGeenRealisatie: { begroting: number; posten: number }
  zonderBegroting: { realisatie: number; posten: number }
}

export const leegVergelijk = (): VergelijkOptelling => ({
  begroting: 0,
  realisatie: 0,
  vergelijkbaar: { begroting: 0, realisatie: 0, posten: 0 },
  nogGeenRealisatie: { begroting: 0, posten: 0 },
  zonderBegroting: { realisatie: 0, posten: 0 },
})

/**
 * Adds one post (or a part of it) to a comparison. Only a post with both amounts goes into
 * the verschil; one with a begroting only goes to nogGeenRealisatie, one with a
 * realisatie only to zonderBegroting. A part of 0 (an organisation that pays nothing of
 * the post) is not counted as a post.
 */
export function telVergelijking(o: VergelijkOptelling, d: VergelijkDeel): void {
  o.begroting += d.begroting
  o.realisatie += d.realisatie
  if (d.heeftBegroting && d.heeftRealisatie) {
    o.vergelijkbaar.begroting += d.begroting
    o.vergelijkbaar.realisatie += d.realisatie
    if (d.begroting !== 0 || d.realisatie !== 0) o.vergelijkbaar.posten++
  } else if (d.heeftBegroting) {
    o.nogGeenRealisatie.begroting += d.begroting
    if (d.begroting !== 0) o.nogGeenRealisatie.posten++
  } else if (d.heeftRealisatie) {
    o.zonderBegroting.realisatie += d.realisatie
    if (d.realisatie !== 0) o.zonderBegroting.posten++
  }
}

export function vergelijking(o: VergelijkOptelling): Vergelijking {
  const verschil = o.vergelijkbaar.realisatie - o.vergelijkbaar.begroting
  return {
    begroting: o.begroting,
    realisatie: o.realisatie,
    vergelijkbaar: { ...o.vergelijkbaar },
    verschil,
    verschilPercentage: percentage(verschil, o.vergelijkbaar.begroting),
    nogGeenRealisatie: { ...o.nogGeenRealisatie },
    zonderBegroting: { ...o.zonderBegroting },
  }
}

/** Begroting against realisatie of posts that all have both amounts. */
export function vergelijk(begroting: number, realisatie: number): Vergelijking {
  const o = leegVergelijk()
  telVergelijking(o, { begroting, realisatie, heeftBegroting: true, heeftRealisatie: true })
  return vergelijking(o)
}

// ---------------------------------------------------------------------------------------
// Describing a key in words

const pct = (g: Getal, taal: 'nl' | 'en'): string => {
  const d = leesDecimaal(g)
  const s = isDecimaal(d) ? formatDecimaal(d) : String(g)
  return `${taal === 'nl' ? s.replace('.', ',') : s}%`
}

function beschrijfEnkel(regel: EnkeleRegel, naam: (id: string) => string, taal: 'nl' | 'en'): string {
  switch (regel.soort) {
    case 'inwoners':
      return taal === 'nl' ? 'naar inwoners' : 'by inhabitants'
    case 'maatstaf':
      return taal === 'nl' ? `naar ${regel.maatstaf}` : `by ${regel.maatstaf}`
    case 'gelijke delen':
      return taal === 'nl' ? 'gelijke delen' : 'equal shares'
    case 'vast percentage':
      return `${taal === 'nl' ? 'vast percentage' : 'fixed percentage'}: ${regel.percentages
        .map((p) => `${naam(p.deelnemerId)} ${pct(p.percentage, taal)}`)
        .join(', ')}`
    case 'volledig afnemer':
      return taal === 'nl' ? `${naam(regel.deelnemerId)} betaalt alles` : `${naam(regel.deelnemerId)} pays everything`
  }
}

/** A rule in words, e.g. "50% gelijke delen + 50% naar inwoners". */
export function beschrijfRegel(regel: Regel, naam: (id: string) => string): Message {
  const tekst = (taal: 'nl' | 'en') =>
    regel.soort === 'mix'
      ? regel.componenten.map((c) => `${pct(c.aandeel, taal)} ${beschrijfEnkel(c.regel, naam, taal)}`).join(' + ')
      : beschrijfEnkel(regel, naam, taal)
  return { nl: tekst('nl'), en: tekst('en') }
}

// ---------------------------------------------------------------------------------------
// The report

interface Optelling {
  vergelijk: VergelijkOptelling
  grondslag: number
  structureel: number
  initieel: number
}
const leeg = (): Optelling => ({ vergelijk: leegVergelijk(), grondslag: 0, structureel: 0, initieel: 0 })

const totalen = (o: Optelling): Totalen => ({
  ...vergelijking(o.vergelijk),
  grondslag: o.grondslag,
  structureel: o.structureel,
  initieel: o.initieel,
})

/** Which of its amounts a post has. */
const bekend = (p: VerslagPost) => ({ heeftBegroting: p.begroting !== null, heeftRealisatie: p.realisatie !== null })

const bij = <K>(map: Map<K, Optelling>, key: K): Optelling => {
  let o = map.get(key)
  if (!o) {
    o = leeg()
    map.set(key, o)
  }
  return o
}

const categorieVolgorde = (c: string) => {
  const i = (KOSTEN_CATEGORIEEN as readonly string[]).indexOf(c)
  return i === -1 ? KOSTEN_CATEGORIEEN.length : i
}

/** A post whose three allocations all succeeded. */
type VerdeeldePost = VerslagPost & { allocaties: { [K in keyof VerslagPost['allocaties']]: Extract<PostAllocatie, { ok: true }> } }

/** A post counts as allocated only when all three of its allocations succeeded. */
export function isVerdeeld(p: VerslagPost): p is VerdeeldePost {
  return p.allocaties.grondslag.ok && p.allocaties.begroting.ok && p.allocaties.realisatie.ok
}

function reden(p: VerslagPost): Message {
  for (const a of [p.allocaties.grondslag, p.allocaties.begroting, p.allocaties.realisatie]) if (!a.ok) return a.reden
  return { nl: '', en: '' }
}

const perOrganisatie = (delen: readonly Deelbedrag[]) => {
  const m = new Map<string, number>()
  for (const d of delen) m.set(d.organisatieId, (m.get(d.organisatieId) ?? 0) + d.bedrag)
  return m
}

/** The three amounts of a post, or one organisation's parts of them. */
interface Bedragen {
  begroting: number
  realisatie: number
  grondslag: number
}

/** Each organisation's parts of a post's three allocations. */
function delenPerOrganisatie(p: VerdeeldePost): Map<string, Bedragen> {
  const { grondslag, begroting, realisatie } = p.allocaties
  const b = perOrganisatie(begroting.delen)
  const r = perOrganisatie(realisatie.delen)
  const g = perOrganisatie(grondslag.delen)
  const ids = new Set([...g.keys(), ...b.keys(), ...r.keys()])
  return new Map([...ids].map((id) => [id, { begroting: b.get(id) ?? 0, realisatie: r.get(id) ?? 0, grondslag: g.get(id) ?? 0 }]))
}

/** Adds amounts of a post (its whole, or one organisation's parts) to a sum. */
function telOp(o: Optelling, p: VerslagPost, bedragen: Bedragen): void {
  telVergelijking(o.vergelijk, { begroting: bedragen.begroting, realisatie: bedragen.realisatie, ...bekend(p) })
  o.grondslag += bedragen.grondslag
  if (p.soort === 'structureel') o.structureel += bedragen.grondslag
  else o.initieel += bedragen.grondslag
}

/** The sums of one year: per organisation, per category, per organisation and category, and overall. */
interface Sommen {
  perOrg: Map<string, Optelling>
  perCat: Map<string, Optelling>
  perOrgCat: Map<string, Optelling>
  totaal: Optelling
}

function telPost(s: Sommen, p: VerdeeldePost): void {
  for (const [id, bedragen] of delenPerOrganisatie(p)) {
    telOp(bij(s.perOrg, id), p, bedragen)
    telOp(bij(s.perOrgCat, `${id}|${p.categorie}`), p, bedragen)
  }
  // Category and overall totals from the allocated whole, which equals the sum of its parts.
  const { grondslag, begroting, realisatie } = p.allocaties
  const geheel = { begroting: begroting.bedrag, realisatie: realisatie.bedrag, grondslag: grondslag.bedrag }
  telOp(bij(s.perCat, p.categorie), p, geheel)
  telOp(s.totaal, p, geheel)
}

/** Counts the key version a post was allocated with, describing it in words the first time. */
function telSleutel(gebruik: Map<string, GebruikteSleutel>, p: VerdeeldePost, invoer: VerslagInvoer, naam: (id: string) => string): void {
  const { geldigVanaf } = p.allocaties.grondslag
  const sleutelKey = `${p.sleutel.id}|${geldigVanaf}`
  const gebruikt = gebruik.get(sleutelKey)
  if (gebruikt) {
    gebruikt.posten++
    return
  }
  const versie = invoer.sleutels.get(p.sleutel.id)?.versies.find((v) => v.geldigVanaf === geldigVanaf)
  gebruik.set(sleutelKey, {
    id: p.sleutel.id,
    naam: p.sleutel.naam,
    geldigVanaf,
    beschrijving: versie ? beschrijfRegel(versie.regel, naam) : { nl: '', en: '' },
    posten: 1,
  })
}

function postRegel(p: VerdeeldePost, naam: (id: string) => string): VerslagPostRegel {
  const { grondslag, begroting, realisatie } = p.allocaties
  return {
    id: p.id,
    omschrijving: p.omschrijving,
    categorie: p.categorie,
    soort: p.soort,
    periode: p.periode,
    begroting: p.begroting,
    realisatie: p.realisatie,
    grondslag: p.grondslag,
    verdeeldBedrag: grondslag.bedrag,
    sleutel: { id: p.sleutel.id, naam: p.sleutel.naam, geldigVanaf: grondslag.geldigVanaf },
    delen: grondslag.delen.map((d) => ({
      organisatieId: d.organisatieId,
      naam: naam(d.organisatieId),
      begroting: begroting.delen.find((x) => x.organisatieId === d.organisatieId)?.bedrag ?? 0,
      realisatie: realisatie.delen.find((x) => x.organisatieId === d.organisatieId)?.bedrag ?? 0,
      grondslag: d.bedrag,
    })),
  }
}

const nietVerdeeldRegel = (p: VerslagPost): NietVerdeeld => ({
  id: p.id,
  omschrijving: p.omschrijving,
  categorie: p.categorie,
  soort: p.soort,
  periode: p.periode,
  begroting: p.begroting,
  realisatie: p.realisatie,
  sleutel: p.sleutel,
  reden: reden(p),
})

/** Categories in the vocabulary's order; unknown ones after, by name. */
const categorieRegels = (perCat: Map<string, Optelling>): CategorieRegel[] =>
  [...perCat.entries()]
    .sort(([a], [b]) => categorieVolgorde(a) - categorieVolgorde(b) || a.localeCompare(b))
    .map(([categorie, o]) => ({ categorie, ...totalen(o) }))

/** Every organisation and category that has a sum, organisations first. */
const organisatieCategorieRegels = (
  volgorde: string[],
  categorieen: CategorieRegel[],
  perOrgCat: Map<string, Optelling>,
): OrganisatieCategorieRegel[] =>
  volgorde.flatMap((id) =>
    categorieen.flatMap((c) => {
      const o = perOrgCat.get(`${id}|${c.categorie}`)
      return o
        ? [
            {
              organisatieId: id,
              categorie: c.categorie,
              begroting: o.vergelijk.begroting,
              realisatie: o.vergelijk.realisatie,
              grondslag: o.grondslag,
            },
          ]
        : []
    }),
  )

/** The report of one year; the trend covers every year that has posts. */
export function maakTransparantieverslag(invoer: VerslagInvoer): Transparantieverslag {
  const naam = (id: string) => invoer.namen.get(id) ?? invoer.organisaties.find((o) => o.id === id)?.naam ?? id
  const vanJaar = invoer.posten.filter((p) => p.jaar === invoer.jaar)
  const verdeeld = vanJaar.filter(isVerdeeld)

  const sommen: Sommen = { perOrg: new Map(), perCat: new Map(), perOrgCat: new Map(), totaal: leeg() }
  const sleutelGebruik = new Map<string, GebruikteSleutel>()
  for (const p of verdeeld) {
    telPost(sommen, p)
    telSleutel(sleutelGebruik, p, invoer, naam)
  }

  const volgorde = organisatieVolgorde(invoer, [...sommen.perOrg.keys()], naam)
  const categorieen = categorieRegels(sommen.perCat)
  return {
    jaar: invoer.jaar,
    totaal: totalen(sommen.totaal),
    organisaties: volgorde.map((id) => ({ organisatieId: id, naam: naam(id), ...totalen(bij(sommen.perOrg, id)) })),
    categorieen,
    organisatieCategorieen: organisatieCategorieRegels(volgorde, categorieen, sommen.perOrgCat),
    trend: maakTrend(invoer, naam),
    sleutels: [...sleutelGebruik.values()].sort((a, b) => a.naam.localeCompare(b.naam, 'nl') || a.geldigVanaf - b.geldigVanaf),
    posten: verdeeld.map((p) => postRegel(p, naam)),
    nietVerdeeld: vanJaar.filter((p) => !isVerdeeld(p)).map(nietVerdeeldRegel),
  }
}

function organisatieVolgorde(invoer: VerslagInvoer, ids: string[], naam: (id: string) => string): string[] {
  const bekend = invoer.organisaties.map((o) => o.id).filter((id) => ids.includes(id))
  const rest = ids.filter((id) => !bekend.includes(id)).sort((a, b) => naam(a).localeCompare(naam(b), 'nl') || a.localeCompare(b))
  return [...bekend, ...rest]
}

function maakTrend(invoer: VerslagInvoer, naam: (id: string) => string): Trend {
  const jaren = [...new Set(invoer.posten.map((p) => p.jaar))].sort((a, b) => a - b)
  const perOrgJaar = new Map<string, Map<number, Optelling>>()
  const totaal = new Map<number, { o: Optelling; nietVerdeeld: number }>(jaren.map((jaar) => [jaar, { o: leeg(), nietVerdeeld: 0 }]))
  for (const p of invoer.posten) {
    const t = totaal.get(p.jaar)
    if (!t) continue
    if (!isVerdeeld(p)) {
      t.nietVerdeeld++
      continue
    }
    const { grondslag, begroting, realisatie } = p.allocaties
    telOp(t.o, p, { begroting: begroting.bedrag, realisatie: realisatie.bedrag, grondslag: grondslag.bedrag })
    for (const [id, bedragen] of delenPerOrganisatie(p)) {
      const m = perOrgJaar.get(id) ?? new Map<number, Optelling>()
      perOrgJaar.set(id, m)
      telOp(bij(m, p.jaar), p, bedragen)
    }
  }
  const jaarBedragen = (jaar: number, o: Optelling): JaarBedragen => ({ jaar, ...vergelijking(o.vergelijk), grondslag: o.grondslag })
  const volgorde = organisatieVolgorde(invoer, [...perOrgJaar.keys()], naam)
  return {
    jaren,
    organisaties: volgorde.map((id) => ({
      organisatieId: id,
      naam: naam(id),
      jaren: jaren.map((jaar) => jaarBedragen(jaar, perOrgJaar.get(id)?.get(jaar) ?? leeg())),
    })),
    totaal: jaren.map((jaar) => {
      const t = totaal.get(jaar) ?? { o: leeg(), nietVerdeeld: 0 }
      return { ...jaarBedragen(jaar, t.o), nietVerdeeld: t.nietVerdeeld }
    }),
  }
}
