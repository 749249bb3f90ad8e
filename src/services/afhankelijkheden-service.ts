import type { Database } from '../db/database.js'
import { graafRijen, laatsteVolgnummer, type Selectie, wijzigingenSinds } from '../db/repos/afhankelijkheden.js'
import { Afhankelijkheidsgraaf, type GraafRijen } from '../domain/impact/index.js'
import type { ChangeFeed } from './changes.js'

// The dependency graph of this process: built from the database on first use, then kept
// current. Every write leaves an audit entry naming its object; when the ChangeFeed moves
// (a commit here, or a NOTIFY from another process on the same PostgreSQL), the graph
// reads the audit entries after the last one it applied and reloads just those objects.
// So one changed koppeling costs one small query and an update of that koppeling's
// index entries, never a rebuild — and another process's writes arrive the same way.

/** Audit object types that are part of the graph, and where their rows go. */
const SOORT: Record<string, keyof GraafRijen> = {
  organisatie: 'organisaties',
  samenwerking: 'samenwerkingen',
  gastheerschap: 'gastheerschappen',
  applicatie: 'applicaties',
  koppeling: 'koppelingen',
  contract: 'contracten',
  toegang: 'toegangen',
}

/** More changes than this at once: a rebuild is cheaper than following them one by one. */
const MAX_STAPPEN = 5000

export class AfhankelijkhedenService {
  private graaf: Afhankelijkheidsgraaf | undefined
  private totVolgnummer = 0
  private generatie = -1
  private bezig: Promise<Afhankelijkheidsgraaf> | undefined

  constructor(
    private readonly db: Database,
    private readonly changes: ChangeFeed,
  ) {}

  /**
   * The graph as of the last commit this process knew of when asked. Concurrent callers
   * share one refresh; commits arriving meanwhile are for the next caller, so a steady
   * stream of writes never keeps a reader waiting.
   */
  async actueel(): Promise<Afhankelijkheidsgraaf> {
    const doel = this.changes.generation
    while (!this.graaf || this.generatie < doel) {
      this.bezig ??= this.verversen().finally(() => {
        this.bezig = undefined
      })
      await this.bezig
    }
    return this.graaf
  }

  private async verversen(): Promise<Afhankelijkheidsgraaf> {
    const generatie = this.changes.generation
    if (!this.graaf) await this.bouwen()
    else await this.bijwerken()
    this.generatie = generatie
    return this.graaf as Afhankelijkheidsgraaf
  }

  private async bouwen(): Promise<void> {
    // The volgnummer first: what commits while the rows load is applied again afterwards (harmless).
    const tot = await laatsteVolgnummer(this.db)
    this.graaf = Afhankelijkheidsgraaf.uit(await graafRijen(this.db))
    this.totVolgnummer = tot
  }

  private async bijwerken(): Promise<void> {
    const { tot, objecten } = await wijzigingenSinds(this.db, this.totVolgnummer, MAX_STAPPEN)
    if (objecten.length >= MAX_STAPPEN) {
      this.graaf = undefined
      return this.bouwen()
    }
    const selectie: Record<string, Set<string>> = {}
    for (const o of objecten) {
      const soort = SOORT[o.objecttype]
      if (!soort) continue
      selectie[soort] ??= new Set()
      selectie[soort].add(o.objectId)
    }
    if (Object.keys(selectie).length > 0) {
      const s: Selectie = Object.fromEntries(Object.entries(selectie).map(([k, v]) => [k, [...v]]))
      pasToe(this.graaf as Afhankelijkheidsgraaf, s, await graafRijen(this.db, s))
    }
    this.totVolgnummer = tot
  }
}

/** Puts every loaded row in the graph and removes what was asked for but no longer exists. */
export function pasToe(graaf: Afhankelijkheidsgraaf, gevraagd: Selectie, rijen: GraafRijen): void {
  const zet = {
    organisaties: (r: never) => graaf.zetOrganisatie(r),
    samenwerkingen: (r: never) => graaf.zetSamenwerking(r),
    gastheerschappen: (r: never) => graaf.zetGastheerschap(r),
    applicaties: (r: never) => graaf.zetApplicatie(r),
    koppelingen: (r: never) => graaf.zetKoppeling(r),
    contracten: (r: never) => graaf.zetContract(r),
    toegangen: (r: never) => graaf.zetToegang(r),
  }
  const verwijder = {
    organisaties: (id: string) => graaf.verwijderOrganisatie(id),
    samenwerkingen: (id: string) => graaf.verwijderSamenwerking(id),
    gastheerschappen: (id: string) => graaf.verwijderGastheerschap(id),
    applicaties: (id: string) => graaf.verwijderApplicatie(id),
    koppelingen: (id: string) => graaf.verwijderKoppeling(id),
    contracten: (id: string) => graaf.verwijderContract(id),
    toegangen: (id: string) => graaf.verwijderToegang(id),
  }
  for (const soort of Object.keys(gevraagd) as (keyof GraafRijen)[]) {
    const gevonden = new Set<string>()
    for (const r of rijen[soort]) {
      gevonden.add(r.id)
      zet[soort](r as never)
    }
    for (const id of gevraagd[soort] ?? []) if (!gevonden.has(id)) verwijder[soort](id)
  }
}
