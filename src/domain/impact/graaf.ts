import type {
  GraafApplicatie,
  GraafContract,
  GraafGastheerschap,
  GraafKoppeling,
  GraafOrganisatie,
  GraafRijen,
  GraafSamenwerking,
  GraafToegang,
} from './typen.js'

// The dependency graph of the landscape, held in memory: the rows and the indexes the
// impact analysis walks (koppelingen per applicatie or voorziening, gastheerschappen per
// samenwerking and per organisation, applicaties per user and per supplier, …). Every
// row can be replaced or removed on its own and the indexes follow in time proportional
// to that row's own links, so one changed koppeling never rebuilds the graph.

/** The node of a landelijke voorziening: one per name, whatever its case. */
export const voorzieningKnoop = (naam: string) => `voorziening:${naam.trim().toLowerCase()}`

/** A many-to-many index: key → set of ids. */
class Index {
  private readonly map = new Map<string, Set<string>>()

  add(key: string | null | undefined, id: string): void {
    if (!key) return
    let set = this.map.get(key)
    if (!set) {
      set = new Set()
      this.map.set(key, set)
    }
    set.add(id)
  }

  remove(key: string | null | undefined, id: string): void {
    if (!key) return
    const set = this.map.get(key)
    if (!set) return
    set.delete(id)
    if (set.size === 0) this.map.delete(key)
  }

  get(key: string): ReadonlySet<string> {
    return this.map.get(key) ?? LEEG
  }
}

const LEEG: ReadonlySet<string> = new Set()

/** The nodes a koppeling touches: bron, via and doel, applicaties by id and voorzieningen by name. */
export function knopenVan(k: GraafKoppeling): string[] {
  const knopen: string[] = []
  const bron = k.bronApplicatieId ?? (k.bronVoorziening ? voorzieningKnoop(k.bronVoorziening) : null)
  const doel = k.doelApplicatieId ?? (k.doelVoorziening ? voorzieningKnoop(k.doelVoorziening) : null)
  if (bron) knopen.push(bron)
  if (k.viaApplicatieId) knopen.push(k.viaApplicatieId)
  if (doel) knopen.push(doel)
  return knopen
}

export class Afhankelijkheidsgraaf {
  readonly organisaties = new Map<string, GraafOrganisatie>()
  readonly samenwerkingen = new Map<string, GraafSamenwerking>()
  readonly gastheerschappen = new Map<string, GraafGastheerschap>()
  readonly applicaties = new Map<string, GraafApplicatie>()
  readonly koppelingen = new Map<string, GraafKoppeling>()
  readonly contracten = new Map<string, GraafContract>()
  readonly toegangen = new Map<string, GraafToegang>()

  private readonly koppelingenBijKnoop = new Index()
  private readonly koppelingenVanGastheerschap = new Index()
  private readonly koppelingenVanSamenwerking = new Index()
  private readonly koppelingenOpStandaard = new Index()
  private readonly gastheerschappenVanSamenwerking = new Index()
  private readonly gastheerschappenVanOrganisatie = new Index()
  private readonly applicatiesVanGebruiker = new Index()
  private readonly applicatiesVanLeverancier = new Index()
  private readonly contractenBijObject = new Index()
  private readonly contractenVanLeverancier = new Index()
  private readonly toegangenBijObject = new Index()
  private readonly toegangenVanPartij = new Index()
  /** How many koppelingen pass through an applicatie: more than 0 makes it an intermediary. */
  private readonly viaTelling = new Map<string, number>()

  static uit(rijen: GraafRijen): Afhankelijkheidsgraaf {
    const g = new Afhankelijkheidsgraaf()
    for (const o of rijen.organisaties) g.zetOrganisatie(o)
    for (const s of rijen.samenwerkingen) g.zetSamenwerking(s)
    for (const gh of rijen.gastheerschappen) g.zetGastheerschap(gh)
    for (const a of rijen.applicaties) g.zetApplicatie(a)
    for (const k of rijen.koppelingen) g.zetKoppeling(k)
    for (const c of rijen.contracten) g.zetContract(c)
    for (const t of rijen.toegangen) g.zetToegang(t)
    return g
  }

  // ------------------------------------------------------------ reading

  koppelingenBij(knoop: string): ReadonlySet<string> {
    return this.koppelingenBijKnoop.get(knoop)
  }

  koppelingenVan(gastheerschapId: string): ReadonlySet<string> {
    return this.koppelingenVanGastheerschap.get(gastheerschapId)
  }

  koppelingenIn(samenwerkingId: string): ReadonlySet<string> {
    return this.koppelingenVanSamenwerking.get(samenwerkingId)
  }

  koppelingenMetStandaard(standaard: string): ReadonlySet<string> {
    return this.koppelingenOpStandaard.get(standaard.trim().toLowerCase())
  }

  gastheerschappenIn(samenwerkingId: string): ReadonlySet<string> {
    return this.gastheerschappenVanSamenwerking.get(samenwerkingId)
  }

  /** Gastheerschappen in which the organisation is gastheer or afnemer. */
  gastheerschappenMet(organisatieId: string): ReadonlySet<string> {
    return this.gastheerschappenVanOrganisatie.get(organisatieId)
  }

  applicatiesVan(organisatieId: string): ReadonlySet<string> {
    return this.applicatiesVanGebruiker.get(organisatieId)
  }

  applicatiesGeleverdDoor(leverancierId: string): ReadonlySet<string> {
    return this.applicatiesVanLeverancier.get(leverancierId)
  }

  contractenBij(objectId: string): ReadonlySet<string> {
    return this.contractenBijObject.get(objectId)
  }

  contractenMet(leverancierId: string): ReadonlySet<string> {
    return this.contractenVanLeverancier.get(leverancierId)
  }

  toegangenTot(objectId: string): ReadonlySet<string> {
    return this.toegangenBijObject.get(objectId)
  }

  toegangenVan(partijId: string): ReadonlySet<string> {
    return this.toegangenVanPartij.get(partijId)
  }

  /** Whether data passes through this applicatie for some koppeling (a Gegevensmakelaar, a servicebus). */
  isTussenschakel(applicatieId: string): boolean {
    return (this.viaTelling.get(applicatieId) ?? 0) > 0
  }

  gebruikt(organisatieId: string, applicatieId: string): boolean {
    return this.applicaties.get(applicatieId)?.gebruikerIds.includes(organisatieId) ?? false
  }

  get omvang(): { knopen: number; koppelingen: number } {
    return {
      knopen: this.organisaties.size + this.samenwerkingen.size + this.gastheerschappen.size + this.applicaties.size,
      koppelingen: this.koppelingen.size,
    }
  }

  // ------------------------------------------------------------ changing

  zetOrganisatie(o: GraafOrganisatie): void {
    this.organisaties.set(o.id, o)
  }

  verwijderOrganisatie(id: string): void {
    this.organisaties.delete(id)
  }

  zetSamenwerking(s: GraafSamenwerking): void {
    this.samenwerkingen.set(s.id, s)
  }

  verwijderSamenwerking(id: string): void {
    this.samenwerkingen.delete(id)
  }

  zetGastheerschap(g: GraafGastheerschap): void {
    this.verwijderGastheerschap(g.id)
    this.gastheerschappen.set(g.id, g)
    this.gastheerschappenVanSamenwerking.add(g.samenwerkingId, g.id)
    for (const o of [g.gastheerId, ...g.afnemerIds]) this.gastheerschappenVanOrganisatie.add(o, g.id)
  }

  verwijderGastheerschap(id: string): void {
    const oud = this.gastheerschappen.get(id)
    if (!oud) return
    this.gastheerschappen.delete(id)
    this.gastheerschappenVanSamenwerking.remove(oud.samenwerkingId, id)
    for (const o of [oud.gastheerId, ...oud.afnemerIds]) this.gastheerschappenVanOrganisatie.remove(o, id)
  }

  zetApplicatie(a: GraafApplicatie): void {
    this.verwijderApplicatie(a.id)
    this.applicaties.set(a.id, a)
    for (const o of a.gebruikerIds) this.applicatiesVanGebruiker.add(o, a.id)
    this.applicatiesVanLeverancier.add(a.leverancierId, a.id)
  }

  verwijderApplicatie(id: string): void {
    const oud = this.applicaties.get(id)
    if (!oud) return
    this.applicaties.delete(id)
    for (const o of oud.gebruikerIds) this.applicatiesVanGebruiker.remove(o, id)
    this.applicatiesVanLeverancier.remove(oud.leverancierId, id)
  }

  zetKoppeling(k: GraafKoppeling): void {
    this.verwijderKoppeling(k.id)
    this.koppelingen.set(k.id, k)
    for (const knoop of knopenVan(k)) this.koppelingenBijKnoop.add(knoop, k.id)
    this.koppelingenVanGastheerschap.add(k.gastheerschapId, k.id)
    this.koppelingenVanSamenwerking.add(k.samenwerkingId, k.id)
    this.koppelingenOpStandaard.add(k.standaard?.trim().toLowerCase(), k.id)
    if (k.viaApplicatieId) this.viaTelling.set(k.viaApplicatieId, (this.viaTelling.get(k.viaApplicatieId) ?? 0) + 1)
  }

  verwijderKoppeling(id: string): void {
    const oud = this.koppelingen.get(id)
    if (!oud) return
    this.koppelingen.delete(id)
    for (const knoop of knopenVan(oud)) this.koppelingenBijKnoop.remove(knoop, id)
    this.koppelingenVanGastheerschap.remove(oud.gastheerschapId, id)
    this.koppelingenVanSamenwerking.remove(oud.samenwerkingId, id)
    this.koppelingenOpStandaard.remove(oud.standaard?.trim().toLowerCase(), id)
    if (oud.viaApplicatieId) {
      const n = (this.viaTelling.get(oud.viaApplicatieId) ?? 1) - 1
      if (n > 0) this.viaTelling.set(oud.viaApplicatieId, n)
      else this.viaTelling.delete(oud.viaApplicatieId)
    }
  }

  zetContract(c: GraafContract): void {
    this.verwijderContract(c.id)
    this.contracten.set(c.id, c)
    this.contractenVanLeverancier.add(c.leverancierId, c.id)
    for (const o of [...c.applicatieIds, ...c.koppelingIds]) this.contractenBijObject.add(o, c.id)
  }

  verwijderContract(id: string): void {
    const oud = this.contracten.get(id)
    if (!oud) return
    this.contracten.delete(id)
    this.contractenVanLeverancier.remove(oud.leverancierId, id)
    for (const o of [...oud.applicatieIds, ...oud.koppelingIds]) this.contractenBijObject.remove(o, id)
  }

  zetToegang(t: GraafToegang): void {
    this.verwijderToegang(t.id)
    this.toegangen.set(t.id, t)
    this.toegangenVanPartij.add(t.partijId, t.id)
    if (t.object.soort !== 'netwerkzone') this.toegangenBijObject.add(t.object.id, t.id)
  }

  verwijderToegang(id: string): void {
    const oud = this.toegangen.get(id)
    if (!oud) return
    this.toegangen.delete(id)
    this.toegangenVanPartij.remove(oud.partijId, id)
    if (oud.object.soort !== 'netwerkzone') this.toegangenBijObject.remove(oud.object.id, id)
  }
}
