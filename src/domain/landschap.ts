import type { Knoop, KoppelingTelling, Landschap, Verbinding } from './typen/landschap.js'
import type { BivNiveau } from './vocabulary.js'

// The landschap graph and the koppeling counts, as pure rules over rows the caller may
// already see (the repository applies visibility). Nothing here may add an object that
// is not in its input: that is what keeps the graph inside the caller's view.

export interface LandschapApplicatie {
  id: string
  naam: string
  status: string
}

export interface LandschapOrganisatie {
  id: string
  naam: string
  type: string
}

export interface LandschapKoppeling {
  id: string
  naam: string
  richting: string
  bronApplicatieId: string | null
  bronVoorziening: string | null
  doelApplicatieId: string | null
  doelVoorziening: string | null
  viaApplicatieId: string | null
  /** Its samenwerking (chosen, from its gastheerschap or derived; domain/koppeling-samenwerking.ts), if any. */
  samenwerkingId: string | null
  vertrouwelijkheid: BivNiveau
  persoonsgegevens: boolean
  /** Lifecycle status (in gebruik, …). */
  status?: string
}

export interface LandschapGegevens {
  applicaties: LandschapApplicatie[]
  /** Who uses which of those applicaties. */
  gebruik: { applicatieId: string; organisatieId: string }[]
  /** At least every organisation named in `gebruik`. */
  organisaties: LandschapOrganisatie[]
  koppelingen: LandschapKoppeling[]
}

export interface LandschapFilter {
  /** A samenwerking with its members: its koppelingen and what its members share. */
  samenwerking?: { id: string; leden: ReadonlySet<string> }
  /** One organisation: what it uses and the koppelingen of those applicaties. */
  organisatieId?: string
  vertrouwelijkheid?: BivNiveau
  persoonsgegevens?: boolean
}

/** One node per landelijke voorziening, whatever the case of an `overig` name. */
export const voorzieningKnoopId = (naam: string) => `voorziening:${naam.trim().toLowerCase()}`

const bySoortEnNaam = (a: Knoop, b: Knoop) =>
  a.soort.localeCompare(b.soort) || a.naam.localeCompare(b.naam, 'nl') || a.id.localeCompare(b.id)

export function bouwLandschap(data: LandschapGegevens, filter: LandschapFilter = {}): Landschap {
  const apps = new Map(data.applicaties.map((a) => [a.id, a]))
  const gebruikers = gebruikersPerApplicatie(data.gebruik, apps)
  const tekening: Tekening = { getoond: new Set(applicatiesInScope(apps, gebruikers, filter)), knopen: new Map(), verbindingen: [] }
  for (const k of teTekenenKoppelingen(data.koppelingen, apps, gebruikers, filter)) tekenKoppeling(tekening, k, apps)
  for (const id of tekening.getoond) {
    const a = apps.get(id)
    if (a) tekening.knopen.set(id, { id, soort: 'applicatie', naam: a.naam, status: a.status })
  }
  tekenGebruik(tekening, data, filter)
  return { knopen: [...tekening.knopen.values()].sort(bySoortEnNaam), verbindingen: tekening.verbindingen }
}

/** The graph while it is drawn: the applicaties shown so far, the nodes and the edges. */
interface Tekening {
  getoond: Set<string>
  knopen: Map<string, Knoop>
  verbindingen: Verbinding[]
}

/** Who uses each applicatie the caller may see. */
function gebruikersPerApplicatie(gebruik: LandschapGegevens['gebruik'], apps: ReadonlyMap<string, LandschapApplicatie>) {
  const gebruikers = new Map<string, string[]>()
  for (const g of gebruik) {
    if (!apps.has(g.applicatieId)) continue
    const list = gebruikers.get(g.applicatieId)
    if (list) list.push(g.organisatieId)
    else gebruikers.set(g.applicatieId, [g.organisatieId])
  }
  return gebruikers
}

/**
 * The koppelingen within the filter. An end the caller may not see hides the whole
 * koppeling (its bron or doel would be a blank); an unseen intermediary is left out and
 * the link drawn directly (tekenKoppeling).
 */
function teTekenenKoppelingen(
  koppelingen: LandschapKoppeling[],
  apps: ReadonlyMap<string, LandschapApplicatie>,
  gebruikers: ReadonlyMap<string, string[]>,
  filter: LandschapFilter,
): LandschapKoppeling[] {
  const { samenwerking: sw, organisatieId } = filter
  const zichtbaar = (id: string | null) => id === null || apps.has(id)
  const ends = (k: LandschapKoppeling) => [k.bronApplicatieId, k.doelApplicatieId, k.viaApplicatieId].filter((id) => id !== null)
  const vanOrganisatie = (app: string) => (gebruikers.get(app) ?? []).includes(organisatieId ?? '')
  return koppelingen.filter(
    (k) =>
      zichtbaar(k.bronApplicatieId) &&
      zichtbaar(k.doelApplicatieId) &&
      (!sw || k.samenwerkingId === sw.id) &&
      (!organisatieId || ends(k).some(vanOrganisatie)) &&
      (filter.vertrouwelijkheid === undefined || k.vertrouwelijkheid === filter.vertrouwelijkheid) &&
      (filter.persoonsgegevens === undefined || k.persoonsgegevens === filter.persoonsgegevens),
  )
}

/**
 * Without a classification filter the applicaties in scope show too, linked or not:
 * for a samenwerking those at least two members share, for an organisation its own.
 */
function applicatiesInScope(
  apps: ReadonlyMap<string, LandschapApplicatie>,
  gebruikers: ReadonlyMap<string, string[]>,
  filter: LandschapFilter,
): string[] {
  const { samenwerking: sw, organisatieId } = filter
  if (filter.vertrouwelijkheid !== undefined || filter.persoonsgegevens !== undefined) return []
  return [...apps.keys()].filter((id) => {
    const users = gebruikers.get(id) ?? []
    return (!sw || users.filter((o) => sw.leden.has(o)).length >= 2) && (!organisatieId || users.includes(organisatieId))
  })
}

/** One edge per koppeling; its applicatie ends are shown, a voorziening end becomes a node of its own. */
function tekenKoppeling(t: Tekening, k: LandschapKoppeling, apps: ReadonlyMap<string, LandschapApplicatie>): void {
  const eind = (appId: string | null, voorziening: string | null): string => {
    if (appId !== null) {
      t.getoond.add(appId)
      return appId
    }
    const id = voorzieningKnoopId(voorziening ?? '')
    if (!t.knopen.has(id)) t.knopen.set(id, { id, soort: 'voorziening', naam: voorziening ?? '' })
    return id
  }
  const via = k.viaApplicatieId !== null && apps.has(k.viaApplicatieId) ? k.viaApplicatieId : undefined
  if (via) t.getoond.add(via)
  t.verbindingen.push({
    soort: 'koppeling',
    bron: eind(k.bronApplicatieId, k.bronVoorziening),
    doel: eind(k.doelApplicatieId, k.doelVoorziening),
    ...(via ? { via } : {}),
    koppelingId: k.id,
    naam: k.naam,
    richting: k.richting,
    vertrouwelijkheid: k.vertrouwelijkheid,
    persoonsgegevens: k.persoonsgegevens,
    ...(k.status ? { status: k.status } : {}),
  })
}

/** Who uses the applicaties shown: within a filter only the samenwerking's members or the one organisation. */
function tekenGebruik(t: Tekening, data: LandschapGegevens, filter: LandschapFilter): void {
  const { samenwerking: sw, organisatieId } = filter
  const inBeeld = (org: string) => (organisatieId ? org === organisatieId : sw ? sw.leden.has(org) : true)
  const orgs = new Map(data.organisaties.map((o) => [o.id, o]))
  for (const g of data.gebruik) {
    if (!t.getoond.has(g.applicatieId) || !inBeeld(g.organisatieId)) continue
    const o = orgs.get(g.organisatieId)
    if (!o) continue
    if (!t.knopen.has(o.id)) t.knopen.set(o.id, { id: o.id, soort: 'organisatie', naam: o.naam, type: o.type })
    t.verbindingen.push({ soort: 'gebruikt', bron: o.id, doel: g.applicatieId })
  }
}

/** Counts of koppelingen by classification, from grouped rows. */
export function telKoppelingen(rijen: { vertrouwelijkheid: string; persoonsgegevens: boolean; aantal: number }[]): KoppelingTelling {
  const t: KoppelingTelling = { totaal: 0, persoonsgegevens: 0, vertrouwelijkheid: { laag: 0, midden: 0, hoog: 0 } }
  for (const r of rijen) {
    t.totaal += r.aantal
    if (r.persoonsgegevens) t.persoonsgegevens += r.aantal
    if (r.vertrouwelijkheid === 'laag' || r.vertrouwelijkheid === 'midden' || r.vertrouwelijkheid === 'hoog')
      t.vertrouwelijkheid[r.vertrouwelijkheid] += r.aantal
  }
  return t
}
