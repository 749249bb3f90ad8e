import type { Database } from '../db/database.js'
import { auditlog } from '../db/repos/auditlog.js'
import { type DeclaratieRij, declaraties, type NieuweDeclaratie, type VolledigeDeclaratieRij } from '../db/repos/declaraties.js'
import { laatsteWijziging } from '../db/repos/laatste-wijziging.js'
import { registryRepositories } from '../db/repos/registry.js'
import { type Caller, canWrite, isAdmin, leesbereik } from '../domain/access.js'
import type { AuditActie } from '../domain/audit-soorten.js'
import {
  betaaldatumProblemen,
  type Correctieverwijzing,
  correctieRegels,
  type DeclaratieActie,
  type DeclaratieRegel,
  datumInAmsterdam,
  geenVerschil,
  groepeerPerPaar,
  jaarInAmsterdam,
  nietMeerWijzigbaar,
  type Overgang,
  type Paar,
  regelVan,
  toegestaneActies,
  totaalNaCorrecties,
  totaalVan,
  type VerdeeldePost,
  volgendeStatus,
  volgendNummer,
} from '../domain/declaraties.js'
import {
  AppError,
  conflict,
  forbiddenAction,
  type InvalidParam,
  invalidInput,
  type Message,
  msg,
  notFound,
  staleVersion,
} from '../domain/errors.js'
import { type Klok, systeemklok } from '../domain/klok.js'
import { pageInfo, parseSort } from '../domain/listing.js'
import { leesPeriode, type Periode } from '../domain/periode.js'
import { POLICIES } from '../domain/policies/index.js'
import type { Taal } from '../domain/taal.js'
import {
  BetaaldMelding,
  type CorrectieVoorstel,
  type Declaratie,
  type DeclaratieLijstQuery,
  type DeclaratieSamenvatting,
  DeclaratieWijziging,
  GenereerOpdracht,
  type GenereerResultaat,
} from '../schemas/declaraties.js'
import { validateBody } from '../schemas/validator.js'
import type { ChangeFeed } from './changes.js'
import { type PostVerdeling, verdeelKostenposten } from './kosten-verdeling.js'
import type { Actor } from './registry-service.js'
import { auditEntry, type DbErrorMapping, write } from './transactie.js'

// Declaraties as named commands. Every write runs in one transaction that locks what it
// changes, checks status, version and rights, writes and appends to the audit log. The
// lines always come from verdeelKostenposten: this service never computes a share.

const OBJECTTYPE = 'declaratie'

/** The database's own guards on declaraties: the immutability trigger and the unique number per sender. */
const DATABASEFOUTEN: DbErrorMapping = {
  codes: {
    RK001: () =>
      conflict(
        msg(
          'Deze declaratie is definitief en onveranderlijk: alleen de status kan nog verder. Maak een correctiedeclaratie.',
          'This declaration is final and immutable: only its status can still move on. Make a correction declaration.',
        ),
      ),
  },
  unique: (constraint) =>
    constraint === 'declaratie_nummer_uniek'
      ? conflict(msg('Gelijktijdig definitief gemaakt; probeer het opnieuw.', 'Finalised concurrently; please retry.'))
      : undefined,
}

/** The allocation failures of these posts as one 409 naming every post and what is missing. */
function nietTeVerdelen(fouten: Extract<PostVerdeling, { ok: false }>[]): AppError {
  const params: InvalidParam[] = fouten.flatMap((f) =>
    f.fout.invalidParams.map((p) => ({
      name: `kostenposten[${f.post.id}].${p.name}`,
      code: p.code,
      reason: msg(
        `Kostenpost "${f.post.omschrijving}" (${f.post.periode}): ${p.reason.nl}`,
        `Kostenpost "${f.post.omschrijving}" (${f.post.periode}): ${p.reason.en}`,
      ),
    })),
  )
  const namen = fouten.map((f) => `"${f.post.omschrijving}" (${f.post.periode})`).join(', ')
  return new AppError(
    'conflict',
    409,
    msg('Verdeling niet mogelijk', 'Allocation not possible'),
    msg(
      `Er is niets gegenereerd: ${fouten.length} kostenpost(en) kunnen (nog) niet worden verdeeld: ${namen}. ${params.map((p) => p.reason.nl).join(' ')}`,
      `Nothing was generated: ${fouten.length} kostenpost(s) cannot be allocated (yet): ${namen}. ${params.map((p) => p.reason.en).join(' ')}`,
    ),
    params,
  )
}

const forbiddenVoorRegisseur = () =>
  forbiddenAction(
    msg(
      'Declaraties genereren, definitief maken, verzenden, betaald melden, corrigeren en verwijderen mag de regisseur van de afzender (de organisatie die de kosten maakte).',
      'Generating, finalising, sending, registering payment, correcting and deleting declarations is for the regisseur of the sender (the organisation that incurred the costs).',
    ),
  )

const verdeeld = (p: Extract<PostVerdeling, { ok: true }>): VerdeeldePost => ({
  post: p.post,
  grondslag: p.grondslag,
  verdeling: p.verdeling,
})

type Overgeslagen = GenereerResultaat['overgeslagen'][number]

// The API's reden and melding are one text (GenereerResultaat), in the language the
// request asked for (Accept-Language), like the errors.

/** Why a pair is skipped: a declaratie of it past concept covers (part of) the period. */
function overslagReden(blokkeert: DeclaratieRij, periode: Periode): Message {
  return blokkeert.periode === periode.code
    ? msg(
        `Declaratie ${blokkeert.nummer} over ${periode.code} is al ${blokkeert.status}; maak een correctie in plaats van opnieuw te genereren.`,
        `Declaration ${blokkeert.nummer} for ${periode.code} is already ${blokkeert.status}; make a correction instead of generating it again.`,
      )
    : msg(
        `Declaratie ${blokkeert.nummer} over ${blokkeert.periode} (${blokkeert.status}) overlapt met ${periode.code}; dezelfde kosten worden niet twee keer gedeclareerd.`,
        `Declaration ${blokkeert.nummer} for ${blokkeert.periode} (${blokkeert.status}) overlaps ${periode.code}; the same costs are not declared twice.`,
      )
}

/** Why nothing was generated, if so: no posts in the period, or none that gives another participant a part. */
function nietsGegenereerd(periode: Periode, posten: number, paren: number): Message | undefined {
  if (posten === 0)
    return msg(
      `Geen kostenposten met een periode binnen ${periode.code} (${periode.start} t/m ${periode.eind}); er is niets gegenereerd.`,
      `No cost items with a period within ${periode.code} (${periode.start} to ${periode.eind}); nothing was generated.`,
    )
  if (paren === 0)
    return msg(
      `De kostenposten binnen ${periode.code} geven geen andere deelnemer een aandeel; er is niets te declareren.`,
      `The cost items within ${periode.code} give no other participant a share; there is nothing to declare.`,
    )
  return undefined
}

export class DeclaratieService {
  /** `klok`: where "now" comes from (the definitief moment and its year, status moments, audit entries, "today"). */
  constructor(
    private readonly db: Database,
    private readonly changes?: ChangeFeed,
    private readonly klok: Klok = systeemklok,
  ) {}

  /** May this caller (none: the system, e.g. the CLI) act for this sender? */
  magSchrijven(caller: Caller | undefined, vanId: string): boolean {
    return !caller || canWrite(caller, OBJECTTYPE, POLICIES.declaratie.verantwoordelijken({ vanId }))
  }

  acties(caller: Caller | undefined, d: Pick<DeclaratieRij, 'status' | 'soort' | 'vanId'>): DeclaratieActie[] {
    return toegestaneActies(d, this.magSchrijven(caller, d.vanId))
  }

  /** The corrections of these declaraties that the caller may see, by original. */
  private correcties(db: Database, rijen: DeclaratieRij[], caller: Caller | undefined) {
    const ids = rijen.filter((r) => r.soort === 'declaratie').map((r) => r.id)
    return declaraties.correctiesVanAlle(db, ids, caller ? leesbereik(caller) : undefined)
  }

  /** Both directions of a correction: the original names its corrections and what is due after them. */
  private metCorrecties<R extends DeclaratieRij>(r: R, correcties: Map<string, Correctieverwijzing[]>) {
    const gecorrigeerdDoor = r.soort === 'declaratie' ? (correcties.get(r.id) ?? []) : []
    return { ...r, gecorrigeerdDoor, totaalNaCorrecties: totaalNaCorrecties(r.totaal, gecorrigeerdDoor) }
  }

  private async samenvatting(db: Database, caller: Caller | undefined, r: DeclaratieRij): Promise<DeclaratieSamenvatting> {
    return this.samenvattingen(db, caller, [r]).then((s) => s[0] as DeclaratieSamenvatting)
  }

  private async samenvattingen(db: Database, caller: Caller | undefined, rijen: DeclaratieRij[]): Promise<DeclaratieSamenvatting[]> {
    const correcties = await this.correcties(db, rijen, caller)
    return rijen.map((r) => {
      const { regels: _r, ...rest } = r as VolledigeDeclaratieRij
      return {
        ...this.metCorrecties(rest, correcties),
        toegestaneActies: caller ? this.acties(caller, r) : undefined,
      } as DeclaratieSamenvatting
    })
  }

  private async volledig(db: Database, caller: Caller | undefined, r: VolledigeDeclaratieRij): Promise<Declaratie> {
    const correcties = await this.correcties(db, [r], caller)
    return { ...this.metCorrecties(r, correcties), toegestaneActies: caller ? this.acties(caller, r) : undefined } as Declaratie
  }

  async list(q: DeclaratieLijstQuery, caller?: Caller) {
    const binnen = q.periode ? leesPeriode(q.periode) : undefined
    const req = {
      pagina: q.pagina ?? 1,
      paginaGrootte: q.paginaGrootte ?? 20,
      sort: parseSort(q.sorteer, '-periode,van'),
      filter: { vanId: q.vanId, aanId: q.aanId, binnen, status: q.status, soort: q.soort },
    }
    const { items, total } = await declaraties.lijst(this.db, req, caller ? leesbereik(caller) : undefined)
    return { resultaten: await this.samenvattingen(this.db, caller, items), paginering: pageInfo(req, total) }
  }

  async get(id: string, caller?: Caller): Promise<Declaratie> {
    const r = await declaraties.vind(this.db, id, caller ? leesbereik(caller) : undefined)
    if (!r) throw notFound(OBJECTTYPE, id)
    return this.volledig(this.db, caller, r)
  }

  private write<T>(fn: (trx: Database) => Promise<T>): Promise<T> {
    return write(this.db, this.changes, fn, DATABASEFOUTEN)
  }

  private audit(trx: Database, actor: Actor, actie: AuditActie, id: string, voor: unknown, na: unknown) {
    return auditlog.append(trx, auditEntry(actor, actie, OBJECTTYPE, id, voor, na), this.klok.nu())
  }

  /**
   * Locks a declaratie (its sender first, so numbering and generation for that sender
   * run one at a time). Order: not visible → 404, stale If-Match → 412, no right → 403.
   */
  private async vergrendel(trx: Database, id: string, actor: Actor, ifMatch: number | undefined): Promise<VolledigeDeclaratieRij> {
    const bereik = actor.caller ? leesbereik(actor.caller) : undefined
    const eerst = await declaraties.vind(trx, id, bereik)
    if (!eerst) throw notFound(OBJECTTYPE, id)
    await declaraties.vergrendelAfzender(trx, eerst.vanId)
    const cur = await declaraties.vergrendel(trx, id)
    if (!cur) throw notFound(OBJECTTYPE, id)
    if (ifMatch !== undefined && ifMatch !== cur.revisie)
      throw staleVersion(OBJECTTYPE, await laatsteWijziging(trx, OBJECTTYPE, id, cur.revisie))
    if (!this.magSchrijven(actor.caller, cur.vanId)) throw forbiddenVoorRegisseur()
    return cur
  }

  private async herlees(trx: Database, id: string): Promise<VolledigeDeclaratieRij> {
    const r = await declaraties.vind(trx, id)
    if (!r) throw new Error(`declaratie ${id} vanished`)
    return r
  }

  /** Senders the caller may generate for: one given sender, or all it manages ('alle' for an admin or the system). */
  private async afzenders(actor: Actor, vanId: string | undefined): Promise<string[] | 'alle'> {
    const caller = actor.caller
    if (vanId) {
      const bereik = caller ? leesbereik(caller) : undefined
      const org = (await registryRepositories.organisaties.existingIds(this.db, [vanId])).has(vanId)
      const zichtbaar = org && (!bereik || bereik.alles || bereik.organisatieIds.includes(vanId) || isAdmin(caller as Caller))
      if (!org || !zichtbaar)
        throw invalidInput([
          { name: 'vanId', code: 'bestaat-niet', reason: msg('Deze organisatie bestaat niet.', 'This organisation does not exist.') },
        ])
      if (!this.magSchrijven(caller, vanId)) throw forbiddenVoorRegisseur()
      return [vanId]
    }
    if (!caller || isAdmin(caller)) {
      if (caller && !canWrite(caller, OBJECTTYPE, { organisatieIds: [], openToAnyWriter: true })) throw forbiddenVoorRegisseur()
      return 'alle'
    }
    const mijn = [...new Set(caller.rollen.flatMap((r) => (r.organisatieId ? [r.organisatieId] : [])))].filter((id) =>
      this.magSchrijven(caller, id),
    )
    if (mijn.length === 0) throw forbiddenVoorRegisseur()
    return mijn
  }

  async genereren(actor: Actor, body: unknown, taal: Taal = 'nl'): Promise<GenereerResultaat> {
    const fouten = validateBody(GenereerOpdracht, body)
    if (fouten.length > 0) throw invalidInput(fouten)
    const opdracht = body as GenereerOpdracht
    const periode = leesPeriode(opdracht.periode) as Periode
    const afzenders = await this.afzenders(actor, opdracht.vanId)

    return this.write(async (trx) => {
      const { posten, paren, namen } = await this.teDeclareren(trx, periode, opdracht.vanId, afzenders)
      const concepten = await this.vergrendelAfzenders(trx, paren, afzenders, periode)
      const result: GenereerResultaat = { periode: periode.code, gegenereerd: [], overgeslagen: [], verwijderd: [] }
      const bijgewerkt = new Set<string>()
      for (const paar of paren) {
        const uitkomst = await this.genereerPaar(trx, actor, paar, periode, namen, taal)
        if ('overgeslagen' in uitkomst) {
          result.overgeslagen.push(uitkomst.overgeslagen)
          continue
        }
        bijgewerkt.add(uitkomst.id)
        result.gegenereerd.push(await this.samenvatting(trx, actor.caller, await this.herlees(trx, uitkomst.id)))
      }
      result.verwijderd = await this.verwijderLegeConcepten(trx, actor, concepten, bijgewerkt)
      const melding = nietsGegenereerd(periode, posten, paren.length)
      if (melding) result.melding = melding[taal]
      return result
    })
  }

  /**
   * The pairs to declare for this period: the posts within it of the senders the caller
   * acts for, allocated and grouped per sender and recipient (409 naming every post that
   * cannot be allocated), with the number of those posts and every party's name.
   */
  private async teDeclareren(trx: Database, periode: Periode, vanId: string | undefined, afzenders: string[] | 'alle') {
    const { posten, namen } = await verdeelKostenposten(trx, {
      binnen: { start: periode.start, eind: periode.eind },
      ...(vanId ? { gemaaktDoorId: vanId } : {}),
    })
    const mijnPosten = posten.filter((p) => afzenders === 'alle' || afzenders.includes(p.post.gemaaktDoorId))
    const mislukt = mijnPosten.filter((p): p is Extract<PostVerdeling, { ok: false }> => !p.ok)
    if (mislukt.length > 0) throw nietTeVerdelen(mislukt)
    const paren = groepeerPerPaar(mijnPosten.filter((p): p is Extract<PostVerdeling, { ok: true }> => p.ok).map(verdeeld))
    return { posten: mijnPosten.length, paren, namen }
  }

  /** Locks every sender this generation touches and returns the concepts of the period it may replace or delete. */
  private async vergrendelAfzenders(trx: Database, paren: Paar[], afzenders: string[] | 'alle', periode: Periode) {
    // Senders one at a time, in a fixed order (no deadlocks between two generators).
    const vanIds = [...new Set(paren.map((p) => p.vanId))].sort()
    for (const van of vanIds) await declaraties.vergrendelAfzender(trx, van)
    const concepten = await declaraties.conceptenVan(trx, afzenders, periode.code)
    for (const c of concepten) if (!vanIds.includes(c.vanId)) await declaraties.vergrendelAfzender(trx, c.vanId)
    return concepten
  }

  /** One pair's concept, new or regenerated; skipped when a declaratie past concept already covers the period. */
  private async genereerPaar(
    trx: Database,
    actor: Actor,
    paar: Paar,
    periode: Periode,
    namen: Map<string, string>,
    taal: Taal,
  ): Promise<{ overgeslagen: Overgeslagen } | { id: string }> {
    const bestaand = await declaraties.vanPaar(trx, paar.vanId, paar.aanId, periode.start, periode.eind)
    const blokkeert = bestaand.find((d) => d.status !== 'concept')
    if (blokkeert)
      return {
        overgeslagen: {
          vanId: paar.vanId,
          vanNaam: namen.get(paar.vanId) ?? paar.vanId,
          aanId: paar.aanId,
          aanNaam: namen.get(paar.aanId) ?? paar.aanId,
          declaratieId: blokkeert.id,
          nummer: blokkeert.nummer,
          status: blokkeert.status,
          reden: overslagReden(blokkeert, periode)[taal],
        },
      }
    const concept = bestaand.find((d) => d.periode === periode.code)
    if (concept) return { id: await this.hergenereer(trx, actor, await this.herlees(trx, concept.id), paar.regels, paar.totaal) }
    const id = await this.invoegen(trx, actor, 'genereren', {
      soort: 'declaratie',
      corrigeertId: null,
      vanId: paar.vanId,
      aanId: paar.aanId,
      periode: periode.code,
      periodeStart: periode.start,
      periodeEind: periode.eind,
      totaal: paar.totaal,
      regels: paar.regels,
    })
    return { id }
  }

  /** A concept's lines replaced (regenerated), with its audit entry; returns its id. */
  private async hergenereer(trx: Database, actor: Actor, voor: VolledigeDeclaratieRij, regels: DeclaratieRegel[], totaal: number) {
    await declaraties.vervangRegels(trx, voor.id, regels, totaal)
    await this.audit(trx, actor, 'hergenereren', voor.id, voor, await this.herlees(trx, voor.id))
    return voor.id
  }

  /** A new concept (a declaratie or a correction), with its audit entry; returns its id. */
  private async invoegen(trx: Database, actor: Actor, actie: 'genereren' | 'corrigeren', nieuw: NieuweDeclaratie) {
    const id = await declaraties.invoegen(trx, nieuw)
    await this.audit(trx, actor, actie, id, null, await this.herlees(trx, id))
    return id
  }

  /** Concepts of this period with nothing left to declare, deleted; returns their ids. */
  private async verwijderLegeConcepten(trx: Database, actor: Actor, concepten: DeclaratieRij[], bijgewerkt: Set<string>) {
    const verwijderd: string[] = []
    for (const c of concepten) {
      if (bijgewerkt.has(c.id)) continue
      const voor = await this.herlees(trx, c.id)
      await declaraties.verwijder(trx, c.id)
      await this.audit(trx, actor, 'verwijderen', c.id, voor, null)
      verwijderd.push(c.id)
    }
    return verwijderd
  }

  async patch(actor: Actor, id: string, patch: unknown, ifMatch: number | undefined): Promise<Declaratie> {
    return this.write(async (trx) => {
      const cur = await this.vergrendel(trx, id, actor, ifMatch)
      if (cur.status !== 'concept') throw nietMeerWijzigbaar(cur.status, cur.nummer, 'wijzigen')
      const fouten = validateBody(DeclaratieWijziging, patch)
      if (fouten.length > 0) throw invalidInput(fouten)
      const p = patch as { toelichting?: string | null }
      if ('toelichting' in p) await declaraties.zetToelichting(trx, id, p.toelichting ?? null)
      const na = await this.herlees(trx, id)
      await this.audit(trx, actor, 'wijzigen', id, cur, na)
      return this.volledig(trx, actor.caller, na)
    })
  }

  async remove(actor: Actor, id: string, ifMatch: number | undefined): Promise<void> {
    await this.write(async (trx) => {
      const cur = await this.vergrendel(trx, id, actor, ifMatch)
      if (cur.status !== 'concept') throw nietMeerWijzigbaar(cur.status, cur.nummer, 'verwijderen')
      await declaraties.verwijder(trx, id)
      await this.audit(trx, actor, 'verwijderen', id, cur, null)
    })
  }

  private async overgang(
    actor: Actor,
    id: string,
    ifMatch: number | undefined,
    overgang: Overgang,
    doe: (trx: Database, cur: VolledigeDeclaratieRij) => Promise<void>,
  ): Promise<Declaratie> {
    return this.write(async (trx) => {
      const cur = await this.vergrendel(trx, id, actor, ifMatch)
      const naar = volgendeStatus(cur.status, overgang)
      if (naar instanceof AppError) throw naar
      await doe(trx, cur)
      const na = await this.herlees(trx, id)
      await this.audit(trx, actor, overgang, id, cur, na)
      return this.volledig(trx, actor.caller, na)
    })
  }

  async definitiefMaken(actor: Actor, id: string, ifMatch: number | undefined): Promise<Declaratie> {
    return this.overgang(actor, id, ifMatch, 'definitief-maken', async (trx, cur) => {
      if (cur.soort === 'declaratie') {
        const ander = (await declaraties.vanPaar(trx, cur.vanId, cur.aanId, cur.periodeStart, cur.periodeEind)).find(
          (d) => d.id !== cur.id && d.status !== 'concept',
        )
        if (ander)
          throw conflict(
            msg(
              `Declaratie ${ander.nummer} over ${ander.periode} aan ${cur.aanNaam} is al ${ander.status}; dezelfde kosten worden niet twee keer gedeclareerd. Maak een correctie op ${ander.nummer}.`,
              `Declaration ${ander.nummer} for ${ander.periode} to ${cur.aanNaam} is already ${ander.status}; the same costs are not declared twice. Make a correction of ${ander.nummer}.`,
            ),
          )
      }
      const moment = this.klok.nu()
      const nummer = volgendNummer(jaarInAmsterdam(moment), await declaraties.nummersVan(trx, cur.vanId, jaarInAmsterdam(moment)))
      await declaraties.maakDefinitief(trx, cur.id, nummer, moment)
    })
  }

  async verzenden(actor: Actor, id: string, ifMatch: number | undefined): Promise<Declaratie> {
    return this.overgang(actor, id, ifMatch, 'verzenden', (trx, cur) => declaraties.zetVerzonden(trx, cur.id, this.klok.nu()))
  }

  async betaaldMelden(actor: Actor, id: string, body: unknown, ifMatch: number | undefined): Promise<Declaratie> {
    const fouten = validateBody(BetaaldMelding, body ?? {})
    if (fouten.length > 0) throw invalidInput(fouten)
    const datum = (body as { datum?: string } | undefined)?.datum
    return this.overgang(actor, id, ifMatch, 'betaald-melden', async (trx, cur) => {
      const nu = this.klok.nu()
      if (datum) {
        const p = betaaldatumProblemen(datum, datumInAmsterdam(nu), cur.verzondenOp ? datumInAmsterdam(new Date(cur.verzondenOp)) : null)
        if (p.length > 0) throw invalidInput(p)
      }
      await declaraties.zetBetaald(trx, cur.id, datum, nu)
    })
  }

  /** What a correction of this declaratie would hold now, without making it (anyone who sees the declaratie). */
  async correctieVoorstel(id: string, caller?: Caller): Promise<CorrectieVoorstel> {
    const orig = await declaraties.vind(this.db, id, caller ? leesbereik(caller) : undefined)
    if (!orig) throw notFound(OBJECTTYPE, id)
    if (orig.soort === 'correctie' || orig.status === 'concept') return { nodig: false, verschil: 0, regels: [] }
    const regels = await this.correctieRegelsNu(this.db, orig)
    return {
      nodig: regels.length > 0,
      verschil: totaalVan(regels),
      regels: regels.map((r) => ({
        kostenpostId: r.kostenpostId,
        omschrijving: r.omschrijving,
        periode: r.periode,
        eerderGedeclareerd: r.eerderGedeclareerd ?? 0,
        nieuwBedrag: r.nieuwBedrag ?? 0,
        verschil: r.bedrag,
      })),
    }
  }

  /** Per kostenpost the difference between the recipient's part now and what was declared (the original and corrections past concept). */
  private async correctieRegelsNu(db: Database, orig: VolledigeDeclaratieRij): Promise<DeclaratieRegel[]> {
    const { posten } = await verdeelKostenposten(db, {
      binnen: { start: orig.periodeStart, eind: orig.periodeEind },
      gemaaktDoorId: orig.vanId,
    })
    const mislukt = posten.filter((p): p is Extract<PostVerdeling, { ok: false }> => !p.ok)
    if (mislukt.length > 0) throw nietTeVerdelen(mislukt)
    const nu = posten
      .filter((p): p is Extract<PostVerdeling, { ok: true }> => p.ok)
      .flatMap((p) => {
        const r = regelVan(verdeeld(p), orig.aanId)
        return r ? [r] : []
      })
    const correcties = await declaraties.correctiesVan(db, orig.id)
    const eerder: DeclaratieRegel[][] = [orig.regels, ...correcties.filter((c) => c.status !== 'concept').map((c) => c.regels)]
    return correctieRegels(nu, eerder)
  }

  /** A concept correction of a declaratie that left concept: per kostenpost the difference with what was declared. */
  async corrigeren(actor: Actor, id: string, ifMatch: number | undefined): Promise<Declaratie> {
    return this.write(async (trx) => {
      const orig = await this.vergrendel(trx, id, actor, ifMatch)
      if (orig.soort === 'correctie')
        throw conflict(
          msg(
            `Dit is een correctie; corrigeer de oorspronkelijke declaratie ${orig.corrigeertNummer ?? ''}.`,
            `This is a correction; correct the original declaration ${orig.corrigeertNummer ?? ''}.`,
          ),
        )
      if (orig.status === 'concept')
        throw conflict(
          msg(
            'Een concept corrigeert u niet: genereer het opnieuw of verwijder het.',
            'A draft is not corrected: generate it again or delete it.',
          ),
        )
      const regels = await this.correctieRegelsNu(trx, orig)
      if (regels.length === 0) throw geenVerschil(orig.nummer)
      const totaal = totaalVan(regels)
      const concept = (await declaraties.correctiesVan(trx, orig.id)).find((c) => c.status === 'concept')
      const cid = concept
        ? await this.hergenereer(trx, actor, concept, regels, totaal)
        : await this.invoegen(trx, actor, 'corrigeren', {
            soort: 'correctie',
            corrigeertId: orig.id,
            vanId: orig.vanId,
            aanId: orig.aanId,
            periode: orig.periode,
            periodeStart: orig.periodeStart,
            periodeEind: orig.periodeEind,
            totaal,
            regels,
          })
      return this.volledig(trx, actor.caller, await this.herlees(trx, cid))
    })
  }
}
