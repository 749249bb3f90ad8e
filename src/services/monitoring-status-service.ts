import type { Database } from '../db/database.js'
import { auditlog } from '../db/repos/auditlog.js'
import { leesOnderhoud } from '../db/repos/monitoring.js'
import {
  type ControleStandRij,
  controleStanden,
  type HandmatigeWerking,
  koppelingenMetControles,
  leesHandmatig,
  leesMetingen,
  leesRollups,
  leesStatuspagina,
  leesStoringen,
  leesUurTellingen,
  type MetingWeergave,
  type Statuspagina,
  type StoringRij,
  samenwerkingZichtbaarVoor,
  standTotalen,
  zetHandmatig,
  zetStatuspagina,
  zetTijdlijn,
} from '../db/repos/monitoring-status.js'
import { type Caller, leesbereik } from '../domain/access.js'
import { forbidden, invalidInput, msg, notFound } from '../domain/errors.js'
import type { Klok } from '../domain/klok.js'
import { parseSort } from '../domain/listing.js'
import {
  type Beschikbaarheid,
  beschikbaarheidLaatsteDagen,
  type DagBeschikbaarheid,
  maandBeschikbaarheid,
} from '../domain/monitoring/beschikbaarheid.js'
import { type Interval, onderhoudIntervallen } from '../domain/monitoring/onderhoud.js'
import { type HandmatigeStatus, type KoppelingWerking, statusVanKoppeling } from '../domain/monitoring/status.js'
import { bevestigStoring, voegNotitieToe } from '../domain/monitoring/storingen.js'
import { DAG_MS, type Maand, maandGrenzen, maandVan } from '../domain/monitoring/tijd.js'
import type { UurRollup, Werkingsstatus } from '../domain/monitoring/typen.js'
import { verstuurMelding } from '../monitor/meldingen/index.js'
import type { Verzenduitkomst } from '../monitor/meldingen/typen.js'
import type { Monitor, MonitorOpties } from '../monitor/planner.js'
import { kanaalVoorVerzenden } from '../monitor/planner.js'
import type { Uitkomst } from '../monitor/typen.js'
import type { Services } from './index.js'
import type { Actor } from './registry-service.js'
import { auditEntry, write } from './transactie.js'

// What the measurements say, read per person (issue 14): the monitoring overview, one
// controle's history, storingen with their timeline, a koppeling's working state (measured,
// or set by a person with a reason), availability per month against the gastheerschap's
// level, the status page, and the two actions that reach out now: run a controle, send a
// test notification. What a reader may not see answers like what does not exist.

export type ControleStatus = Werkingsstatus | 'gepauzeerd'

export interface ControleOverzichtRegel extends ControleStandRij {
  status: ControleStatus
  /** Share of metingen that passed in the last 24 hours (maintenance left out), floored to 3 decimals. */
  beschikbaarheid24u?: number
}

const organisatiesVan = (caller: Caller | undefined): string[] | undefined => {
  if (!caller) return undefined
  const b = leesbereik(caller)
  return b.alles ? undefined : b.organisatieIds
}

/** A controle that stopped reporting for three intervals says nothing any more. */
const verouderdNa = (intervalSeconden: number) => 3 * intervalSeconden * 1000

export function controleStatus(c: Pick<ControleStandRij, 'actief' | 'toestand' | 'intervalSeconden'>, nu: number): ControleStatus {
  if (!c.actief) return 'gepauzeerd'
  return statusVanKoppeling([{ toestand: c.toestand, verouderdNaMs: verouderdNa(c.intervalSeconden) }], { nu }).status
}

export class MonitoringStatusService {
  constructor(
    private readonly db: Database,
    private readonly services: Services,
    private readonly klok: Klok,
  ) {}

  private nu(): number {
    return this.klok.nu().getTime()
  }

  /** The overview: counts per state and one page of controles with their state. */
  async overzicht(
    caller: Caller,
    req: {
      pagina: number
      paginaGrootte: number
      zoek?: string
      samenwerkingId?: string
      status?: ControleStatus
      soort?: string
      koppelingId?: string
    },
  ) {
    const nu = this.nu()
    const orgs = organisatiesVan(caller)
    const filters: Record<string, unknown> = {}
    if (req.samenwerkingId) filters.samenwerkingId = req.samenwerkingId
    if (req.soort) filters.soort = req.soort
    if (req.koppelingId) filters.koppelingId = req.koppelingId
    if (req.status) filters.status = req.status
    const lijst = { pagina: req.pagina, paginaGrootte: req.paginaGrootte, zoek: req.zoek, sort: parseSort('naam', 'naam'), filters }
    const { items, total: bewaard } = await this.services.controles.list(lijst, caller)
    // The list keeps a query's total until a registry write; a state changes with every
    // meting, so a total by state is counted again (an empty answer for a hidden filter stays empty).
    const total =
      req.status && (items.length > 0 || bewaard > 0)
        ? (await this.services.controles.repo.list(this.db, { ...lijst, pagina: 1, paginaGrootte: 1 }, undefined, leesbereik(caller))).total
        : bewaard
    const standen = await controleStanden(
      this.db,
      items.map((c) => c.id),
    )
    const rollups = await leesRollups(
      this.db,
      items.map((c) => c.id),
      nu - DAG_MS,
    )
    const perId = perControleId(rollups)
    const regels: ControleOverzichtRegel[] = standen.map((s) => {
      const b = beschikbaarheid24u(perId.get(s.id) ?? [])
      return {
        ...s,
        status: controleStatus(s, nu),
        ...(b === undefined ? {} : { beschikbaarheid24u: b }),
      }
    })
    return { totalen: await standTotalen(this.db, orgs, nu, req.samenwerkingId), regels, total }
  }

  /** One controle's state, hourly history (`dagen` back) and latest raw metingen. */
  async verloop(caller: Caller, id: string, dagen: number) {
    await this.services.controles.get(id, caller)
    const nu = this.nu()
    const [stand] = await controleStanden(this.db, [id])
    if (!stand) throw notFound('controle', id)
    const uren = await leesRollups(this.db, [id], nu - dagen * DAG_MS)
    const metingen: MetingWeergave[] = await leesMetingen(this.db, id, nu - 7 * DAG_MS, nu + 1, 50)
    const b = beschikbaarheid24u(uren.filter((u) => u.uur >= nu - DAG_MS))
    return { stand: { ...stand, status: controleStatus(stand, nu), ...(b === undefined ? {} : { beschikbaarheid24u: b }) }, uren, metingen }
  }

  /** Runs a controle now (who may change it may run it) and returns what the probe found. */
  async voerUit(caller: Caller, id: string, monitor: Monitor): Promise<Uitkomst> {
    const controle = await this.services.controles.get(id, caller)
    const [acties] = await this.services.controles.allowedActions(caller, [controle])
    if (!acties?.includes('wijzigen')) throw forbidden('controle')
    const r = await monitor.voerNuUit(id)
    if (!r) throw notFound('controle', id)
    return r.uitkomst
  }

  async storingen(
    caller: Caller,
    filter: { controleId?: string; koppelingId?: string; samenwerkingId?: string; open?: boolean; max: number },
  ): Promise<StoringRij[]> {
    return leesStoringen(this.db, organisatiesVan(caller), filter)
  }

  async storing(caller: Caller, id: string): Promise<StoringRij> {
    const [s] = await leesStoringen(this.db, organisatiesVan(caller), { id, max: 1 })
    if (!s) throw notFound('storing', id)
    return s
  }

  /** A person's line on a storing: 'bevestigd' (someone is on it) or a 'notitie'. Who may change the controle may write it. */
  async regelToevoegen(
    caller: Caller,
    id: string,
    regel: { soort: 'bevestigd' | 'notitie'; tekst?: string },
    door: string,
  ): Promise<StoringRij> {
    const s = await this.storing(caller, id)
    const controle = await this.services.controles.get(s.controle.id, caller)
    const [acties] = await this.services.controles.allowedActions(caller, [controle])
    if (!acties?.includes('wijzigen')) throw forbidden('storing')
    const menselijk = { op: this.nu(), door, ...(regel.tekst === undefined ? {} : { tekst: regel.tekst }) }
    // The storing's row is locked while its timeline is read and written: two notes at once both stay.
    return write(this.db, undefined, async (trx) => {
      await trx.selectFrom('storing').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
      const [nu] = await leesStoringen(trx, undefined, { id, max: 1 })
      if (!nu) throw notFound('storing', id)
      const basis = {
        controleId: nu.controle.id,
        begonnenOp: nu.begonnenOp,
        geopendOp: nu.geopendOp,
        tijdlijn: nu.tijdlijn,
        ...(nu.geslotenOp ? { geslotenOp: nu.geslotenOp } : {}),
      }
      const uit = regel.soort === 'bevestigd' ? bevestigStoring(basis, menselijk) : voegNotitieToe(basis, menselijk)
      if (!uit.ok) throw invalidInput(uit.fouten)
      await zetTijdlijn(trx, id, uit.storing.tijdlijn)
      return { ...nu, tijdlijn: uit.storing.tijdlijn }
    })
  }

  /** A koppeling's working state from its controles, with a person's override on top. */
  async werking(
    caller: Caller,
    koppelingId: string,
  ): Promise<KoppelingWerking & { controles: ControleOverzichtRegel[]; handmatig?: HandmatigeWerking }> {
    await this.services.koppelingen.get(koppelingId, caller)
    const nu = this.nu()
    const { items } = await this.services.controles.list(
      { pagina: 1, paginaGrootte: 200, sort: parseSort('naam', 'naam'), filters: { koppelingId } },
      caller,
    )
    const standen = await controleStanden(
      this.db,
      items.map((c) => c.id),
    )
    const handmatig = (await leesHandmatig(this.db, [koppelingId])).get(koppelingId)
    const actief = standen.filter((s) => s.actief)
    const werking = statusVanKoppeling(
      actief.map((s) => ({ toestand: s.toestand, verouderdNaMs: verouderdNa(s.intervalSeconden) })),
      {
        nu,
        ...(handmatig
          ? {
              handmatig: {
                status: handmatig.status as Werkingsstatus,
                reden: handmatig.reden,
                ...(handmatig.tot ? { tot: handmatig.tot } : {}),
              },
            }
          : {}),
      },
    )
    return {
      ...werking,
      controles: standen.map((s) => ({ ...s, status: controleStatus(s, nu) })),
      ...(handmatig && (handmatig.tot === undefined || nu < handmatig.tot) ? { handmatig } : {}),
    }
  }

  /**
   * Sets (or with undefined removes) a person's override of a koppeling's state, in one
   * transaction with its audit entry on the koppeling (werking-zetten / werking-wissen).
   * Who may change the koppeling may set it.
   */
  async zetWerking(actor: Actor & { caller: Caller }, koppelingId: string, h: HandmatigeStatus | undefined): Promise<void> {
    const k = await this.services.koppelingen.get(koppelingId, actor.caller)
    const [acties] = await this.services.koppelingen.allowedActions(actor.caller, [k])
    if (!acties?.includes('wijzigen')) throw forbidden('koppeling')
    const { toegestaneActies: _t, ...koppeling } = k as typeof k & { toegestaneActies?: unknown }
    await write(this.db, this.services.changes, async (trx) => {
      await trx.selectFrom('koppeling').select('id').where('id', '=', koppelingId).forUpdate().executeTakeFirst()
      const oud = (await leesHandmatig(trx, [koppelingId])).get(koppelingId)
      const nieuw = h
        ? { status: h.status, reden: h.reden, ...(h.tot === undefined ? {} : { tot: h.tot }), door: actor.naam, op: this.nu() }
        : undefined
      if (!oud && !nieuw) return
      await zetHandmatig(trx, koppelingId, nieuw)
      const staat = (w: HandmatigeWerking | undefined) => ({
        ...koppeling,
        ...(w
          ? {
              werkingHandmatig: {
                status: w.status,
                reden: w.reden,
                ...(w.tot === undefined ? {} : { tot: new Date(w.tot).toISOString() }),
              },
            }
          : {}),
      })
      await auditlog.append(
        trx,
        auditEntry(actor, nieuw ? 'werking-zetten' : 'werking-wissen', 'koppeling', koppelingId, staat(oud), staat(nieuw)),
      )
    })
  }

  /**
   * Availability per koppeling in an Amsterdam month against its gastheerschap's level. A
   * koppeling works when all its controles do: its figure is its worst controle's.
   */
  async beschikbaarheid(caller: Caller | undefined, maand: Maand, filter: { samenwerkingId?: string; koppelingId?: string } = {}) {
    const nu = this.nu()
    const orgs = organisatiesVan(caller)
    if (filter.samenwerkingId && !(await samenwerkingZichtbaarVoor(this.db, filter.samenwerkingId, orgs)))
      throw notFound('samenwerking', filter.samenwerkingId)
    const koppelingen = await koppelingenMetControles(this.db, orgs, filter.samenwerkingId, filter.koppelingId)
    const { van, tot } = maandGrenzen(maand)
    const perId = await leesUurTellingen(
      this.db,
      koppelingen.flatMap((k) => k.controleIds),
      van,
      tot,
    )
    const namen = new Map(
      (
        await controleStanden(
          this.db,
          koppelingen.flatMap((k) => k.controleIds),
        )
      ).map((c) => [c.id, c.naam]),
    )
    const onderhoud = await this.onderhoudPerControle(koppelingen, van, tot)
    return koppelingen.map((k) => {
      const controles = k.controleIds.map((id) => ({
        id,
        naam: namen.get(id) ?? id,
        ...maandBeschikbaarheid(perId.get(id) ?? [], maand, {
          onderhoud: onderhoud(id, k),
          nu,
          ...(k.doel === undefined ? {} : { doel: k.doel }),
        }),
      }))
      const gemeten = controles.filter((c) => c.beschikbaarheid !== undefined)
      const slechtste = gemeten.sort((a, b) => (a.beschikbaarheid as number) - (b.beschikbaarheid as number))[0]
      const totaal: Beschikbaarheid = slechtste ??
        controles[0] ?? {
          van,
          tot,
          gemetenMinuten: 0,
          beschikbareMinuten: 0,
          onderhoudMinuten: 0,
          ongemetenMinuten: 0,
          oordeel: 'onbekend',
        }
      return {
        koppeling: { id: k.id, naam: k.naam },
        ...(k.serviceniveau ? { serviceniveau: k.serviceniveau } : {}),
        maand,
        ...stripMaand(totaal),
        controles,
      }
    })
  }

  /** The status page of a samenwerking: its koppelingen, their state now and 90 days of availability; no URLs, hosts or error texts. */
  async statuspagina(samenwerkingId: string, caller: Caller | undefined) {
    const orgs = organisatiesVan(caller)
    const sw = await samenwerkingZichtbaarVoor(this.db, samenwerkingId, orgs)
    if (!sw) throw notFound('samenwerking', samenwerkingId)
    // A public page shows the whole samenwerking as it is: the reader is the samenwerking itself.
    const koppelingen = await koppelingenMetControles(this.db, caller ? orgs : undefined, samenwerkingId)
    const nu = this.nu()
    const ids = koppelingen.flatMap((k) => k.controleIds)
    const standen = new Map((await controleStanden(this.db, ids)).map((s) => [s.id, s]))
    const perId = await leesUurTellingen(this.db, ids, nu - 91 * DAG_MS)
    const handmatig = await leesHandmatig(
      this.db,
      koppelingen.map((k) => k.id),
    )
    const instelling = await leesStatuspagina(this.db, { samenwerkingId })
    const onderhoud = await this.onderhoudPerControle(koppelingen, nu - 91 * DAG_MS, nu)
    const regels = koppelingen.map((k) => {
      // The state now comes from the active controles; a paused one says nothing about now.
      const eigen = k.controleIds.map((id) => standen.get(id)).filter((s): s is ControleStandRij => Boolean(s?.actief))
      const h = handmatig.get(k.id)
      const werking = statusVanKoppeling(
        eigen.map((s) => ({ toestand: s.toestand, verouderdNaMs: verouderdNa(s.intervalSeconden) })),
        { nu, ...(h ? { handmatig: { status: h.status as Werkingsstatus, reden: h.reden, ...(h.tot ? { tot: h.tot } : {}) } } : {}) },
      )
      // Per day the worst controle of the koppeling.
      const perControle = k.controleIds.map((id) =>
        beschikbaarheidLaatsteDagen(perId.get(id) ?? [], {
          nu,
          dagen: 90,
          onderhoud: onderhoud(id, k),
          ...(k.doel === undefined ? {} : { doel: k.doel }),
        }),
      )
      const dagen: DagBeschikbaarheid[] = (perControle[0]?.dagen ?? []).map((d, i) => slechtsteDag(perControle.map((p) => p.dagen[i] ?? d)))
      const totaal = perControle
        .map((p) => p.totaal)
        .filter((t) => t.beschikbaarheid !== undefined)
        .sort((a, b) => (a.beschikbaarheid as number) - (b.beschikbaarheid as number))[0]
      return {
        koppeling: { id: k.id, naam: k.naam },
        status: werking.status,
        ...(k.doel === undefined ? {} : { doel: k.doel }),
        ...(totaal?.beschikbaarheid === undefined ? {} : { beschikbaarheid90d: totaal.beschikbaarheid }),
        dagen,
      }
    })
    return {
      samenwerking: sw,
      titel: instelling?.titel ?? sw.naam,
      openbaar: instelling?.openbaar ?? false,
      ...(instelling?.slug ? { slug: instelling.slug } : {}),
      bijgewerktOp: nu,
      koppelingen: regels,
    }
  }

  async openbareStatuspagina(slug: string) {
    const s = await leesStatuspagina(this.db, { slug })
    if (!s?.openbaar) throw notFound('statuspagina', slug)
    const { samenwerking: _sw, openbaar: _o, ...pagina } = await this.statuspagina(s.samenwerkingId, undefined)
    // Public: no ids either (the koppelingen's names are what the samenwerking chose to publish).
    return {
      ...pagina,
      koppelingen: pagina.koppelingen.map(({ koppeling, ...rest }) => ({ koppeling: { naam: koppeling.naam }, ...rest })),
    }
  }

  /** Makes a samenwerking's status page public or not, with its audit entry on the samenwerking. Who may change the samenwerking may. */
  async statuspaginaInstellen(
    actor: Actor & { caller: Caller },
    samenwerkingId: string,
    s: Omit<Statuspagina, 'samenwerkingId'>,
  ): Promise<Statuspagina> {
    const sw = await this.services.samenwerkingen.get(samenwerkingId, actor.caller)
    const [acties] = await this.services.samenwerkingen.allowedActions(actor.caller, [sw])
    if (!acties?.includes('wijzigen')) throw forbidden('samenwerking')
    const { toegestaneActies: _t, ...samenwerking } = sw as typeof sw & { toegestaneActies?: unknown }
    const pagina = { samenwerkingId, ...s }
    const slugBezet = () =>
      invalidInput([
        {
          name: 'slug',
          code: 'bezet',
          reason: msg('Deze naam is al in gebruik door een andere statuspagina.', 'This name is already used by another status page.'),
        },
      ])
    await write(
      this.db,
      this.services.changes,
      async (trx) => {
        await trx.selectFrom('samenwerking').select('id').where('id', '=', samenwerkingId).forUpdate().executeTakeFirst()
        const bestaand = s.slug ? await leesStatuspagina(trx, { slug: s.slug }) : undefined
        if (bestaand && bestaand.samenwerkingId !== samenwerkingId) throw slugBezet()
        const oud = await leesStatuspagina(trx, { samenwerkingId })
        await zetStatuspagina(trx, pagina)
        const staat = (p: Statuspagina | undefined) => ({
          ...samenwerking,
          ...(p
            ? { statuspagina: { openbaar: p.openbaar, ...(p.slug ? { slug: p.slug } : {}), ...(p.titel ? { titel: p.titel } : {}) } }
            : {}),
        })
        await auditlog.append(trx, auditEntry(actor, 'statuspagina-instellen', 'samenwerking', samenwerkingId, staat(oud), staat(pagina)))
      },
      // Two samenwerkingen claiming one slug at the same moment: the key decides, the loser hears why.
      { unique: (c) => (c === 'statuspagina_slug_key' ? slugBezet() : undefined) },
    )
    return pagina
  }

  /** Sends a test notification to a channel now and says how it went. Who may change the channel may test it. */
  async testMelding(caller: Caller, kanaalId: string, opties: Omit<MonitorOpties, 'klok' | 'log'>): Promise<Verzenduitkomst> {
    const k = await this.services.meldingskanalen.get(kanaalId, caller)
    const [acties] = await this.services.meldingskanalen.allowedActions(caller, [k])
    if (!acties?.includes('wijzigen')) throw forbidden('meldingskanaal')
    const rij = await this.db
      .selectFrom('meldingskanaal')
      .select(['soort', 'formaat', 'doel', 'ontvangers'])
      .where('id', '=', kanaalId)
      .executeTakeFirstOrThrow()
    const kanaal = kanaalVoorVerzenden(rij)
    if (!kanaal)
      throw invalidInput([
        {
          name: 'webhookUrl',
          code: 'niet-te-ontsleutelen',
          reason: msg(
            'Het kanaal heeft geen bruikbaar doel: geef de webhook-URL opnieuw op.',
            'The channel has no usable target: enter the webhook URL again.',
          ),
        },
      ])
    if (kanaal.soort === 'email' && !opties.smtp)
      return {
        geslaagd: false,
        tijdelijk: false,
        reden: msg('Er is geen mailserver ingesteld (SMTP_URL en SMTP_VAN).', 'No mail server is configured (SMTP_URL and SMTP_VAN).'),
        duurMs: 0,
      }
    return verstuurMelding(
      kanaal,
      { soort: 'test', sleutel: `test:${kanaalId}:${this.nu()}`, tijdstip: this.nu() },
      { ...opties, timeoutMs: 10_000, ...(opties.smtp ? { smtp: opties.smtp } : {}) },
    )
  }

  /**
   * The maintenance intervals of each controle of these koppelingen in [van, tot): its own
   * windows, its koppeling's and its samenwerking's (minutes in them are onderhoud, not
   * measured time, in availability).
   */
  private async onderhoudPerControle(
    koppelingen: { id: string; samenwerkingId?: string; controleIds: string[] }[],
    van: number,
    tot: number,
  ): Promise<(controleId: string, k: { id: string; samenwerkingId?: string }) => Interval[]> {
    const plaatsen = koppelingen.flatMap((k) =>
      k.controleIds.map((controleId) => ({
        controleId,
        koppelingId: k.id,
        ...(k.samenwerkingId ? { samenwerkingId: k.samenwerkingId } : {}),
      })),
    )
    const vensters = await leesOnderhoud(this.db, plaatsen, van, tot)
    if (vensters.length === 0) return () => []
    return (controleId, k) =>
      onderhoudIntervallen(vensters, { controleId, koppelingId: k.id, ...(k.samenwerkingId ? { samenwerkingId: k.samenwerkingId } : {}) })
  }

  /** The current Amsterdam month. */
  dezeMaand(): Maand {
    return maandVan(this.nu())
  }
}

/** Roll-ups per controle in one pass: filtering the whole list per controle is quadratic (1 000 controles × 720 000 roll-ups on a status page). */
function perControleId(rollups: readonly UurRollup[]): Map<string, UurRollup[]> {
  const uit = new Map<string, UurRollup[]>()
  for (const r of rollups) {
    const lijst = uit.get(r.controleId)
    if (lijst) lijst.push(r)
    else uit.set(r.controleId, [r])
  }
  return uit
}

/** The share of metingen outside maintenance that passed in these hours, floored to three decimals; undefined when none. */
function beschikbaarheid24u(uren: readonly UurRollup[]): number | undefined {
  const aantal = uren.reduce((n, r) => n + r.aantal - r.inOnderhoud, 0)
  const geslaagd = uren.reduce((n, r) => n + r.geslaagd - r.geslaagdInOnderhoud, 0)
  return aantal > 0 ? Math.floor((geslaagd * 100_000) / aantal) / 1000 : undefined
}

function stripMaand(b: Beschikbaarheid & { maand?: unknown }): Beschikbaarheid {
  const { maand: _m, ...rest } = b
  return rest
}

const ERNST: Record<DagBeschikbaarheid['oordeel'], number> = { 'niet-gehaald': 0, gehaald: 2, 'geen-doel': 1, onbekend: 3 }

function slechtsteDag(dagen: DagBeschikbaarheid[]): DagBeschikbaarheid {
  return [...dagen].sort((a, b) => {
    if (a.beschikbaarheid !== undefined && b.beschikbaarheid !== undefined) return a.beschikbaarheid - b.beschikbaarheid
    return ERNST[a.oordeel] - ERNST[b.oordeel]
  })[0] as DagBeschikbaarheid
}
