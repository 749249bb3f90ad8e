import { BIV_NIVEAUS, type BivNiveau } from '../vocabulary.js'
import { geldigOp } from './datum.js'
import type {
  Bevinding,
  BewijsSoort,
  Bewijsstuk,
  Contract,
  Datum,
  Toegang,
  ToegangObject,
  Vertrouwensbeleid,
  VertrouwensGastheerschap,
  VertrouwensKoppeling,
  VertrouwensOrganisatie,
  Vertrouwenssituatie,
} from './typen.js'

// The situatie as maps, built once, so evaluating one party reads only that party's
// grants, contracts and evidence: the full evaluation is one pass over the parties, and
// after one change only the parties it touches are evaluated again (verwerkWijziging).

/** An applicatie with its classification resolved (given, or derived from its koppelingen). */
export type GeclassificeerdeApplicatie = {
  id: string
  naam: string
  vertrouwelijkheid: BivNiveau
  persoonsgegevens: boolean
  inGebruikBij: string[]
}

export type VertrouwensIndex = {
  peildatum: Datum
  organisaties: Map<string, VertrouwensOrganisatie>
  applicaties: Map<string, GeclassificeerdeApplicatie>
  koppelingen: Map<string, VertrouwensKoppeling>
  /** Koppelingen with the applicatie as bron, doel or via; sorted ids. */
  koppelingenPerApplicatie: Map<string, string[]>
  gastheerschappen: Map<string, VertrouwensGastheerschap>
  bewijsstukken: Map<string, Bewijsstuk>
  /** Evidence per party: all of it, and per `bewijsSleutel` (party + soort, and + getekendMetId when signed with one). */
  bewijsPerPartij: Map<string, Bewijsstuk[]>
  bewijsPerSoort: Map<string, Bewijsstuk[]>
  toegangen: Map<string, Toegang>
  toegangenPerPartij: Map<string, Toegang[]>
  /** Grants per object: `applicatie:<id>`, `koppeling:<id>`, `netwerkzone:<eigenaarId>:<naam>`. */
  toegangenPerObject: Map<string, Toegang[]>
  contracten: Map<string, Contract>
  /** Contracts per leverancier. */
  contractenPerPartij: Map<string, Contract[]>
  /** Policies by id, sorted by id. */
  beleid: Vertrouwensbeleid[]
  /** The policies that apply to an organisation, sorted by id; organisations absent here get `standaard`. */
  beleidPerOrganisatie: Map<string, Vertrouwensbeleid[]>
  /** Policies without eigenaar and without samenwerkingen: for everyone without one. */
  standaard: Vertrouwensbeleid[]
  /** What a grant's object affects, by `objectSleutel`: filled while evaluating (regels.ts). */
  geraakt: Map<string, Pick<Bevinding, 'applicatieIds' | 'koppelingIds' | 'gastheerschapIds'>>
}

/** Key of `bewijsPerSoort`: a party's evidence of one soort, or of one soort signed with one organisation. */
export const bewijsSleutel = (organisatieId: string, soort: BewijsSoort, getekendMetId?: string): string =>
  getekendMetId === undefined ? `${organisatieId}|${soort}` : `${organisatieId}|${soort}|${getekendMetId}`

export const objectSleutel = (object: ToegangObject): string =>
  object.soort === 'netwerkzone' ? `netwerkzone:${object.eigenaarId}:${object.naam}` : `${object.soort}:${object.id}`

const niveau = (n: BivNiveau) => BIV_NIVEAUS.indexOf(n)
const opId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

// The per-party lists are kept sorted by id, so evaluating a party needs no sort: built
// unsorted and sorted once (maakIndex), then kept in order by binary insertion (verwerkWijziging).

function voegToe<T extends { id: string }>(map: Map<string, T[]>, sleutel: string, x: T, opVolgorde: boolean): void {
  const lijst = map.get(sleutel)
  if (!lijst) {
    map.set(sleutel, [x])
    return
  }
  if (!opVolgorde) {
    lijst.push(x)
    return
  }
  let lo = 0
  let hi = lijst.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((lijst[mid] as T).id < x.id) lo = mid + 1
    else hi = mid
  }
  lijst.splice(lo, 0, x)
}

function haalWeg<T extends { id: string }>(map: Map<string, T[]>, sleutel: string, id: string): void {
  const lijst = map.get(sleutel)
  if (!lijst) return
  const i = lijst.findIndex((x) => x.id === id)
  if (i >= 0) lijst.splice(i, 1)
  if (lijst.length === 0) map.delete(sleutel)
}

function sorteer<T extends { id: string }>(map: Map<string, T[]>): void {
  for (const lijst of map.values()) lijst.sort(opId)
}

export function maakIndex(situatie: Vertrouwenssituatie): VertrouwensIndex {
  const koppelingen = new Map(situatie.koppelingen.map((k) => [k.id, k]))
  const koppelingenPerApplicatie = perApplicatie(situatie.koppelingen)
  const index: VertrouwensIndex = {
    peildatum: situatie.peildatum,
    organisaties: new Map(situatie.organisaties.map((o) => [o.id, o])),
    applicaties: new Map(situatie.applicaties.map((a) => [a.id, classificeer(a, koppelingenPerApplicatie.get(a.id) ?? [], koppelingen)])),
    koppelingen,
    koppelingenPerApplicatie,
    gastheerschappen: new Map(situatie.gastheerschappen.map((g) => [g.id, g])),
    bewijsstukken: new Map(),
    bewijsPerPartij: new Map(),
    bewijsPerSoort: new Map(),
    toegangen: new Map(),
    toegangenPerPartij: new Map(),
    toegangenPerObject: new Map(),
    contracten: new Map(),
    contractenPerPartij: new Map(),
    beleid: [...situatie.beleid].sort(opId),
    beleidPerOrganisatie: new Map(),
    standaard: [],
    geraakt: new Map(),
  }
  for (const b of situatie.bewijsstukken) zetBewijsstuk(index, b, false)
  for (const t of situatie.toegangen) zetToegang(index, t, false)
  for (const c of situatie.contracten) zetContract(index, c, false)
  for (const map of [
    index.bewijsPerPartij,
    index.bewijsPerSoort,
    index.toegangenPerPartij,
    index.toegangenPerObject,
    index.contractenPerPartij,
  ]) {
    sorteer<{ id: string }>(map)
  }
  wijsBeleidToe(index, situatie)
  return index
}

function perApplicatie(koppelingen: readonly VertrouwensKoppeling[]): Map<string, string[]> {
  const per = new Map<string, Set<string>>()
  const voeg = (a: string | undefined, k: string) => {
    if (a === undefined) return
    const set = per.get(a)
    if (set) set.add(k)
    else per.set(a, new Set([k]))
  }
  for (const k of koppelingen) {
    voeg(k.bronApplicatieId, k.id)
    voeg(k.doelApplicatieId, k.id)
    voeg(k.viaApplicatieId, k.id)
  }
  return new Map([...per].map(([a, ids]) => [a, [...ids].sort()]))
}

function classificeer(
  a: Vertrouwenssituatie['applicaties'][number],
  koppelingIds: readonly string[],
  koppelingen: Map<string, VertrouwensKoppeling>,
): GeclassificeerdeApplicatie {
  let hoogste: BivNiveau = 'laag'
  let persoonsgegevens = false
  for (const id of koppelingIds) {
    const k = koppelingen.get(id)
    if (!k) continue
    if (niveau(k.vertrouwelijkheid) > niveau(hoogste)) hoogste = k.vertrouwelijkheid
    persoonsgegevens ||= k.persoonsgegevens
  }
  return {
    id: a.id,
    naam: a.naam,
    vertrouwelijkheid: a.vertrouwelijkheid ?? hoogste,
    persoonsgegevens: a.persoonsgegevens ?? persoonsgegevens,
    inGebruikBij: a.inGebruikBij,
  }
}

/** An organisation's own policies and those adopted by a samenwerking it is a lid of on the peildatum. */
function wijsBeleidToe(index: VertrouwensIndex, situatie: Vertrouwenssituatie): void {
  const per = new Map<string, Map<string, Vertrouwensbeleid>>()
  const wijs = (organisatieId: string, b: Vertrouwensbeleid) => {
    const eigen = per.get(organisatieId) ?? new Map<string, Vertrouwensbeleid>()
    eigen.set(b.id, b)
    per.set(organisatieId, eigen)
  }
  const samenwerkingen = new Map(situatie.samenwerkingen.map((s) => [s.id, s]))
  for (const b of index.beleid) {
    if (b.eigenaarId === undefined && b.samenwerkingIds.length === 0) index.standaard.push(b)
    if (b.eigenaarId !== undefined) wijs(b.eigenaarId, b)
    for (const sId of b.samenwerkingIds) {
      for (const lid of samenwerkingen.get(sId)?.leden ?? []) {
        if (geldigOp(index.peildatum, lid.startdatum ?? '0000-01-01', lid.einddatum)) wijs(lid.organisatieId, b)
      }
    }
  }
  for (const [org, beleid] of per) index.beleidPerOrganisatie.set(org, [...beleid.values()].sort(opId))
}

/** The policies protecting an organisation's systems (see Vertrouwensbeleid). */
export function beleidVoorOrganisatie(index: VertrouwensIndex, organisatieId: string): Vertrouwensbeleid[] {
  return index.beleidPerOrganisatie.get(organisatieId) ?? index.standaard
}

// ---------------------------------------------------------------- wijzigingen

export type Wijziging =
  | { soort: 'toegang'; toegang: Toegang }
  | { soort: 'toegang-verwijderd'; id: string }
  | { soort: 'bewijsstuk'; bewijsstuk: Bewijsstuk }
  | { soort: 'bewijsstuk-verwijderd'; id: string }
  | { soort: 'contract'; contract: Contract }
  | { soort: 'contract-verwijderd'; id: string }

/**
 * Applies one added, changed or removed grant, evidence item or contract to the index and
 * returns the parties whose findings must be replaced (herEvalueerPartij): every finding
 * is about one party, and these objects touch only their own party (before and after the
 * change). A changed organisation, applicatie, koppeling, samenwerking or policy touches
 * many parties: build the index again.
 */
export function verwerkWijziging(index: VertrouwensIndex, wijziging: Wijziging): string[] {
  const partijen = new Set<string>()
  const oud = (p: string | undefined) => p !== undefined && partijen.add(p)
  switch (wijziging.soort) {
    case 'toegang':
      oud(verwijderToegang(index, wijziging.toegang.id))
      zetToegang(index, wijziging.toegang, true)
      partijen.add(wijziging.toegang.partijId)
      break
    case 'toegang-verwijderd':
      oud(verwijderToegang(index, wijziging.id))
      break
    case 'bewijsstuk':
      oud(verwijderBewijsstuk(index, wijziging.bewijsstuk.id))
      zetBewijsstuk(index, wijziging.bewijsstuk, true)
      partijen.add(wijziging.bewijsstuk.organisatieId)
      break
    case 'bewijsstuk-verwijderd':
      oud(verwijderBewijsstuk(index, wijziging.id))
      break
    case 'contract':
      oud(verwijderContract(index, wijziging.contract.id))
      zetContract(index, wijziging.contract, true)
      partijen.add(wijziging.contract.leverancierId)
      break
    case 'contract-verwijderd':
      oud(verwijderContract(index, wijziging.id))
      break
  }
  return [...partijen].sort()
}

function zetToegang(index: VertrouwensIndex, t: Toegang, opVolgorde: boolean): void {
  index.toegangen.set(t.id, t)
  voegToe(index.toegangenPerPartij, t.partijId, t, opVolgorde)
  voegToe(index.toegangenPerObject, objectSleutel(t.object), t, opVolgorde)
}

function verwijderToegang(index: VertrouwensIndex, id: string): string | undefined {
  const t = index.toegangen.get(id)
  if (!t) return undefined
  index.toegangen.delete(id)
  haalWeg(index.toegangenPerPartij, t.partijId, id)
  haalWeg(index.toegangenPerObject, objectSleutel(t.object), id)
  return t.partijId
}

function zetBewijsstuk(index: VertrouwensIndex, b: Bewijsstuk, opVolgorde: boolean): void {
  index.bewijsstukken.set(b.id, b)
  voegToe(index.bewijsPerPartij, b.organisatieId, b, opVolgorde)
  voegToe(index.bewijsPerSoort, bewijsSleutel(b.organisatieId, b.soort), b, opVolgorde)
  if (b.getekendMetId !== undefined) voegToe(index.bewijsPerSoort, bewijsSleutel(b.organisatieId, b.soort, b.getekendMetId), b, opVolgorde)
}

function verwijderBewijsstuk(index: VertrouwensIndex, id: string): string | undefined {
  const b = index.bewijsstukken.get(id)
  if (!b) return undefined
  index.bewijsstukken.delete(id)
  haalWeg(index.bewijsPerPartij, b.organisatieId, id)
  haalWeg(index.bewijsPerSoort, bewijsSleutel(b.organisatieId, b.soort), id)
  if (b.getekendMetId !== undefined) haalWeg(index.bewijsPerSoort, bewijsSleutel(b.organisatieId, b.soort, b.getekendMetId), id)
  return b.organisatieId
}

function zetContract(index: VertrouwensIndex, c: Contract, opVolgorde: boolean): void {
  index.contracten.set(c.id, c)
  voegToe(index.contractenPerPartij, c.leverancierId, c, opVolgorde)
}

function verwijderContract(index: VertrouwensIndex, id: string): string | undefined {
  const c = index.contracten.get(id)
  if (!c) return undefined
  index.contracten.delete(id)
  haalWeg(index.contractenPerPartij, c.leverancierId, id)
  return c.leverancierId
}
