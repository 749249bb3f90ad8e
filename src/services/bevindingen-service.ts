import type { Database } from '../db/database.js'
import { auditlog } from '../db/repos/auditlog.js'
import { type BevindingFilters, type BevindingRij, bevindingen } from '../db/repos/bevindingen.js'
import { laadBeleid, laadSituatie } from '../db/repos/vertrouwenssituatie.js'
import { OBJECT_OPSLAG } from '../db/repos/zichtbare-ids.js'
import { type Caller, canWrite, type Leesbereik, leesbereik } from '../domain/access.js'
import { isLeeg, verschil } from '../domain/bevinding-verschil.js'
import { datumInAmsterdam } from '../domain/declaraties.js'
import { conflict, forbidden, type InvalidParam, invalidInput, msg, notFound, staleVersion } from '../domain/errors.js'
import type { Klok } from '../domain/klok.js'
import type { SortKey } from '../domain/listing.js'
import { danglingReferences, type Objecttype, type Reference } from '../domain/registry-rules.js'
import {
  type Bevinding,
  beleidVoorOrganisatie,
  evalueerIndex,
  herEvalueerPartij,
  maakIndex,
  plusDagen,
  plusMaanden,
  STANDAARDBELEID,
  type UitbestedingsVraag,
  uitbestedingstoetsOpIndex,
  type Vertrouwensbeleid,
  type Vertrouwenssituatie,
} from '../domain/vertrouwen/index.js'
import type { RisicoAcceptatieInvoer } from '../schemas/vertrouwensbeleid.js'
import type { ChangeFeed } from './changes.js'
import type { Actor } from './registry-service.js'
import { auditEntry, write } from './transactie.js'

// The findings of the trust evaluation (issue 12): re-evaluation against the database
// (after a relevant write, per party where possible, and daily), the difference stored in
// one short transaction; the findings list, risk acceptance, the review list and the
// uitbestedingstoets. "Today" is the Amsterdam date of the server's clock.

/** More new findings than this from one policy change need `bevestigGevolgen: true` (else 409). */
export const GEVOLGEN_DREMPEL = 100

export interface Herevaluatie {
  geopend: number
  heropend: number
  bijgewerkt: number
  gesloten: number
}

export interface Gevolgen {
  openen: Bevinding[]
  sluiten: Bevinding[]
}

/** Which type each id filter of the list points at. */
const ID_FILTERS: readonly (readonly [keyof BevindingFilters, Objecttype])[] = [
  ['partijId', 'organisatie'],
  ['eigenaarId', 'organisatie'],
  ['organisatieId', 'organisatie'],
  ['samenwerkingId', 'samenwerking'],
  ['toegangId', 'toegang'],
  ['contractId', 'contract'],
]

const zichtVan = (bereik: Leesbereik | undefined): string[] | 'alles' => (!bereik || bereik.alles ? 'alles' : bereik.organisatieIds)

export class BevindingenService {
  constructor(
    private readonly db: Database,
    private readonly changes: ChangeFeed | undefined,
    readonly klok: Klok,
  ) {}

  peildatum(): string {
    return datumInAmsterdam(this.klok.nu())
  }

  /** Every policy as it stands (the shipped default first), with one replaced or added for a preview. */
  private async beleid(db: Database, anders?: Vertrouwensbeleid): Promise<Vertrouwensbeleid[]> {
    const opgeslagen = (await laadBeleid(db)).filter((b) => b.id !== anders?.id)
    return [STANDAARDBELEID, ...opgeslagen, ...(anders ? [anders] : [])]
  }

  private async situatie(db: Database, anders?: Vertrouwensbeleid): Promise<Vertrouwenssituatie> {
    return laadSituatie(db, this.peildatum(), await this.beleid(db, anders))
  }

  /**
   * Evaluates (everything, or one party) and stores what changed. One evaluation at a time
   * (an advisory lock, across processes), and the situatie is read after taking it: an
   * evaluation of an older snapshot that commits last would otherwise close findings a
   * newer one had opened (seen when the demo's seed and a job overlapped).
   */
  async herevalueer(partijId?: string): Promise<Herevaluatie> {
    const nu = this.klok.nu()
    const telling: Herevaluatie = { geopend: 0, heropend: 0, bijgewerkt: 0, gesloten: 0 }
    // Told to the caches only when something changed, so an idle evaluation empties no list cache.
    await write(this.db, undefined, async (trx) => {
      await bevindingen.vergrendelEvaluatie(trx)
      const index = maakIndex(await this.situatie(trx))
      const nieuw = partijId ? herEvalueerPartij(index, partijId) : evalueerIndex(index)
      const v = verschil(await bevindingen.opgeslagen(trx, partijId), nieuw)
      if (isLeeg(v)) return
      for (const b of v.openen) await bevindingen.openen(trx, b, nu)
      for (const h of v.heropenen) await bevindingen.bijwerken(trx, h.id, h.bevinding, nu, true)
      for (const h of v.bijwerken) await bevindingen.bijwerken(trx, h.id, h.bevinding, nu, false)
      for (const s of v.sluiten) await bevindingen.sluiten(trx, s.id, nu)
      Object.assign(telling, {
        geopend: v.openen.length,
        heropend: v.heropenen.length,
        bijgewerkt: v.bijwerken.length,
        gesloten: v.sluiten.length,
      })
    })
    if (telling.geopend + telling.heropend + telling.bijgewerkt + telling.gesloten > 0) this.changes?.committed('bevinding')
    return telling
  }

  /** Which findings would open and close if `beleid` were stored (nothing is stored). */
  async gevolgen(db: Database, beleid: Vertrouwensbeleid): Promise<Gevolgen> {
    const nieuw = evalueerIndex(maakIndex(await this.situatie(db, beleid)))
    const opgeslagen = await bevindingen.opgeslagen(db)
    const v = verschil(opgeslagen, nieuw)
    return { openen: [...v.openen, ...v.heropenen.map((h) => h.bevinding)], sluiten: v.sluiten.map((s) => s.inhoud) }
  }

  /** Refuses (409) a policy change that opens more than GEVOLGEN_DREMPEL findings unless confirmed. */
  async controleerGevolgen(db: Database, beleid: Vertrouwensbeleid, bevestigd: boolean): Promise<void> {
    if (bevestigd) return
    const openen = (await this.gevolgen(db, beleid)).openen.filter((f) => f.eigenaarId === beleid.eigenaarId)
    if (openen.length <= GEVOLGEN_DREMPEL) return
    throw conflict(
      msg(
        `Deze wijziging van het vertrouwensbeleid opent ${openen.length} bevindingen (meer dan ${GEVOLGEN_DREMPEL}). Bekijk ze met POST /vertrouwensbeleid/_voorvertoning en bevestig met bevestigGevolgen: true.`,
        `This change of the trust policy opens ${openen.length} findings (more than ${GEVOLGEN_DREMPEL}). Review them with POST /vertrouwensbeleid/_voorvertoning and confirm with bevestigGevolgen: true.`,
      ),
    )
  }

  async lijst(
    caller: Caller,
    q: { filters: BevindingFilters; sort: SortKey[]; pagina: number; paginaGrootte: number },
  ): Promise<{ rijen: BevindingRij[]; totaal: number }> {
    const bereik = leesbereik(caller)
    // An id filter on what the caller may not see answers like an unknown id: nothing.
    for (const [filter, type] of ID_FILTERS) {
      const id = q.filters[filter]
      if (id && !(await OBJECT_OPSLAG[type].existingIds(this.db, [id], bereik)).has(id)) return { rijen: [], totaal: 0 }
    }
    return bevindingen.lijst(this.db, { ...q, peildatum: this.peildatum(), zicht: zichtVan(bereik) })
  }

  async get(caller: Caller, id: string) {
    const rij = await bevindingen.vind(this.db, id, this.peildatum(), zichtVan(leesbereik(caller)))
    if (!rij) throw notFound('bevinding', id)
    return { rij, geschiedenis: await bevindingen.geschiedenis(this.db, id) }
  }

  /** Whether the caller may accept this finding's risk: a beheerder of the organisation whose policy it is. */
  magAccepteren(caller: Caller, rij: BevindingRij): boolean {
    const f = rij.inhoud
    return rij.status !== 'gesloten' && canWrite(caller, 'bevinding', { organisatieIds: [f.eigenaarId ?? f.partijId] })
  }

  /** Order: not visible → 404, stale If-Match → 412, not allowed → 403, closed → 409; then write and audit. */
  async risicoAccepteren(actor: Actor, id: string, invoer: RisicoAcceptatieInvoer, ifMatch: number | undefined) {
    const peildatum = this.peildatum()
    const fouten: InvalidParam[] = []
    if (invoer.einddatum < peildatum)
      fouten.push({
        name: 'einddatum',
        code: 'in-het-verleden',
        reason: msg('De einddatum ligt vóór vandaag.', 'The end date is before today.'),
      })
    if (fouten.length > 0) throw invalidInput(fouten)
    const zicht = zichtVan(actor.caller ? leesbereik(actor.caller) : undefined)
    await write(
      this.db,
      this.changes,
      async (trx) => {
        const voor = await bevindingen.vind(trx, id, peildatum, zicht, { voorUpdate: true })
        if (!voor) throw notFound('bevinding', id)
        if (ifMatch !== undefined && ifMatch !== voor.revisie) throw staleVersion('bevinding')
        const f = voor.inhoud
        if (actor.caller && !canWrite(actor.caller, 'bevinding', { organisatieIds: [f.eigenaarId ?? f.partijId] }))
          throw forbidden('bevinding')
        if (voor.status === 'gesloten')
          throw conflict(
            msg('Deze bevinding is gesloten; er is geen risico te aanvaarden.', 'This finding is closed; there is no risk to accept.'),
          )
        const nu = this.klok.nu()
        await bevindingen.accepteren(
          trx,
          id,
          { reden: invoer.reden, eigenaar: invoer.eigenaar, tot: invoer.einddatum, door: actor.naam },
          nu,
        )
        const na = await bevindingen.vind(trx, id, peildatum, 'alles')
        await auditlog.append(trx, auditEntry(actor, 'risico-accepteren', 'bevinding', id, staat(voor), staat(na)), nu)
      },
      {},
      'bevinding',
    )
    const rij = (await bevindingen.vind(this.db, id, peildatum, 'alles')) as BevindingRij
    return { rij, geschiedenis: await bevindingen.geschiedenis(this.db, id) }
  }

  /** Open and accepted findings by severity, of what the caller may see (the dashboard). */
  async tellingen(caller: Caller) {
    const rijen = await bevindingen.tellingen(this.db, this.peildatum(), zichtVan(leesbereik(caller)))
    const per = (status: string) => {
      const t = { hoog: 0, middel: 0, laag: 0 }
      for (const r of rijen) if (r.status === status) t[r.ernst] += r.n
      return t
    }
    return { peildatum: this.peildatum(), open: per('open'), geaccepteerd: per('geaccepteerd') }
  }

  /** The situatie narrowed to what the caller may see (evidence, contracts, grants, applicaties, koppelingen, gastheerschappen). */
  private async zichtbareSituatie(caller: Caller): Promise<Vertrouwenssituatie> {
    const s = await this.situatie(this.db)
    const bereik = leesbereik(caller)
    if (bereik.alles) return s
    const zichtbaar = async <T extends { id: string }>(type: Objecttype, rijen: T[]): Promise<T[]> => {
      const ids = await OBJECT_OPSLAG[type].existingIds(
        this.db,
        rijen.map((r) => r.id),
        bereik,
      )
      return rijen.filter((r) => ids.has(r.id))
    }
    const [applicaties, koppelingen, gastheerschappen, bewijsstukken, contracten, toegangen] = await Promise.all([
      zichtbaar('applicatie', s.applicaties),
      zichtbaar('koppeling', s.koppelingen),
      zichtbaar('gastheerschap', s.gastheerschappen),
      zichtbaar('bewijsstuk', s.bewijsstukken),
      zichtbaar('contract', s.contracten),
      zichtbaar('toegang', s.toegangen),
    ])
    return { ...s, applicaties, koppelingen, gastheerschappen, bewijsstukken, contracten, toegangen }
  }

  /** The outsourcing check on what the caller may see; an id it may not see is unknown (400 bestaat-niet). Read-only. */
  async uitbestedingstoets(caller: Caller, vraag: UitbestedingsVraag) {
    const refs: Reference[] = [
      { name: 'organisatieId', objecttype: 'organisatie', id: vraag.organisatieId },
      { name: 'partijId', objecttype: 'organisatie', id: vraag.partijId },
      ...vraag.applicatieIds.map((id, i) => ({ name: `applicatieIds[${i}]`, objecttype: 'applicatie' as const, id })),
    ]
    const bereik = leesbereik(caller)
    const bestaand = new Map<Objecttype, Set<string>>([
      ['organisatie', await OBJECT_OPSLAG.organisatie.existingIds(this.db, [vraag.organisatieId, vraag.partijId], bereik)],
      ['applicatie', await OBJECT_OPSLAG.applicatie.existingIds(this.db, vraag.applicatieIds, bereik)],
    ])
    const fouten = danglingReferences(refs, bestaand)
    if (vraag.applicatieIds.length === 0 && (vraag.netwerkzones ?? []).length === 0)
      fouten.push({
        name: 'applicatieIds',
        code: 'verplicht',
        reason: msg(
          'Kies ten minste één applicatie of netwerkzone die verhuist.',
          'Choose at least one application or network zone that moves.',
        ),
      })
    if (fouten.length > 0) throw invalidInput(fouten)
    return uitbestedingstoetsOpIndex(maakIndex(await this.zichtbareSituatie(caller)), vraag)
  }

  /** Grants (the caller may see) whose review is due within `dagen` days, by the herbeoordeling rules of the policies that apply. */
  async herbeoordelingen(caller: Caller, dagen: number) {
    const s = await this.zichtbareSituatie(caller)
    const index = maakIndex(s)
    const grens = plusDagen(s.peildatum, dagen)
    const uit = []
    for (const t of s.toegangen) {
      if (t.geldigVanaf > s.peildatum || (t.geldigTot && t.geldigTot < s.peildatum)) continue
      const basis = t.laatsteBeoordeling ?? t.geldigVanaf
      let uiterlijk: string | undefined
      let regel: { beleidId: string; beleidNaam: string; regelId: string; maatregel: string } | undefined
      for (const b of beleidVoorOrganisatie(index, t.verleendDoorId)) {
        for (const r of b.regels) {
          if (r.soort !== 'herbeoordeling') continue
          const datum = plusMaanden(basis, r.maxMaanden)
          if (!uiterlijk || datum < uiterlijk) {
            uiterlijk = datum
            regel = { beleidId: b.id, beleidNaam: b.naam, regelId: r.id, maatregel: r.maatregel }
          }
        }
      }
      if (!uiterlijk || !regel || uiterlijk > grens) continue
      uit.push({
        toegangId: t.id,
        partijId: t.partijId,
        partijNaam: index.organisaties.get(t.partijId)?.naam ?? t.partijId,
        verleendDoorId: t.verleendDoorId,
        verleendDoorNaam: index.organisaties.get(t.verleendDoorId)?.naam ?? t.verleendDoorId,
        doel: t.doel,
        ...(t.laatsteBeoordeling ? { laatsteBeoordeling: t.laatsteBeoordeling } : {}),
        uiterlijk,
        achterstallig: uiterlijk < s.peildatum,
        ...regel,
      })
    }
    return {
      peildatum: s.peildatum,
      binnenDagen: dagen,
      resultaten: uit.sort((a, b) => (a.uiterlijk < b.uiterlijk ? -1 : a.uiterlijk > b.uiterlijk ? 1 : a.toegangId < b.toegangId ? -1 : 1)),
    }
  }
}

/** A finding as its audit entry keeps it. */
function staat(rij: BevindingRij | undefined) {
  if (!rij) return null
  return {
    id: rij.id,
    revisie: rij.revisie,
    sleutel: rij.sleutel,
    status: rij.status,
    ernst: rij.inhoud.ernst,
    partijId: rij.inhoud.partijId,
    ...(rij.inhoud.eigenaarId ? { eigenaarId: rij.inhoud.eigenaarId } : {}),
    regelId: rij.inhoud.regelId,
    ...(rij.acceptatie_tot
      ? { risicoAcceptatie: { reden: rij.acceptatie_reden, eigenaar: rij.acceptatie_eigenaar, einddatum: rij.acceptatie_tot } }
      : {}),
  }
}
