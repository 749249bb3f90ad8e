import { sql } from 'kysely'
import type { Message } from '../../domain/errors.js'
import type { ControleToestand } from '../../domain/monitoring/storingen.js'
import type { Storing, Tijdstip, UurRollup } from '../../domain/monitoring/typen.js'
import type { Database } from '../database.js'
import { controleZichtbaar } from './monitoring-resources.js'
import { koppelingZichtbaar, samenwerkingZichtbaar } from './registry.js'

// What people read of the measurements (issue 14): the state of controles, their history,
// storingen, the data behind availability and the status page. Every query takes the
// reader's organisations (undefined: sees all) and leaves out what they may not see.

const ms = (d: Date | string | null | undefined): number | undefined => (d == null ? undefined : new Date(d).getTime())

export interface ControleStandRij {
  id: string
  naam: string
  soort: string
  actief: boolean
  intervalSeconden: number
  koppeling?: { id: string; naam: string }
  applicatie?: { id: string; naam: string }
  samenwerkingId?: string
  toestand: ControleToestand
  laatste?: { op: Tijdstip; geslaagd: boolean; soort: string; reden?: Message; duurMs?: number; details?: unknown }
  storing?: { id: string; sinds: Tijdstip; geopendOp: Tijdstip }
}

/** The state of these controles (already checked for visibility by the caller). */
export async function controleStanden(db: Database, ids: string[]): Promise<ControleStandRij[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('controle as c')
    .leftJoin('controle_toestand as t', 't.controle_id', 'c.id')
    .leftJoin('storing as s', (j) => j.onRef('s.id', '=', 't.storing_id').on('s.gesloten_op', 'is', null))
    .leftJoin('koppeling as k', 'k.id', 'c.koppeling_id')
    .leftJoin('applicatie as a', 'a.id', 'c.applicatie_id')
    .select([
      'c.id',
      'c.naam',
      'c.soort',
      'c.actief',
      'c.interval_seconden',
      'c.koppeling_id',
      'k.naam as koppeling_naam',
      'k.samenwerking_id',
      'c.applicatie_id',
      'a.naam as applicatie_naam',
      't.laatste_op',
      't.laatste_geslaagd',
      't.laatste_soort',
      't.laatste_reden',
      't.laatste_duur_ms',
      't.laatste_details',
      't.fouten',
      't.eerste_fout_op',
      't.successen',
      's.id as storing_id',
      's.begonnen_op',
      's.geopend_op',
      's.tijdlijn',
    ])
    .where('c.id', 'in', ids)
    .execute()
  const volgorde = new Map(ids.map((id, i) => [id, i]))
  return rows
    .map((r): ControleStandRij => {
      const storing: Storing | undefined = r.storing_id
        ? {
            controleId: r.id,
            begonnenOp: ms(r.begonnen_op) as number,
            geopendOp: ms(r.geopend_op) as number,
            tijdlijn: (r.tijdlijn ?? []) as Storing['tijdlijn'],
          }
        : undefined
      return {
        id: r.id,
        naam: r.naam,
        soort: r.soort,
        actief: r.actief,
        intervalSeconden: r.interval_seconden,
        ...(r.koppeling_id ? { koppeling: { id: r.koppeling_id, naam: r.koppeling_naam ?? '' } } : {}),
        ...(r.applicatie_id ? { applicatie: { id: r.applicatie_id, naam: r.applicatie_naam ?? '' } } : {}),
        ...(r.samenwerking_id ? { samenwerkingId: r.samenwerking_id } : {}),
        toestand: {
          controleId: r.id,
          ...(r.laatste_op ? { laatsteTijdstip: ms(r.laatste_op) } : {}),
          ...(r.laatste_geslaagd === null ? {} : { laatsteGeslaagd: r.laatste_geslaagd }),
          fouten: r.fouten ?? 0,
          ...(r.eerste_fout_op ? { eersteFoutOp: ms(r.eerste_fout_op) } : {}),
          successen: r.successen ?? 0,
          ...(storing ? { storing } : {}),
        },
        ...(r.laatste_op && r.laatste_geslaagd !== null
          ? {
              laatste: {
                op: ms(r.laatste_op) as number,
                geslaagd: r.laatste_geslaagd,
                soort: r.laatste_soort ?? '',
                ...(r.laatste_reden ? { reden: r.laatste_reden } : {}),
                ...(r.laatste_duur_ms === null ? {} : { duurMs: r.laatste_duur_ms }),
                ...(r.laatste_details ? { details: r.laatste_details } : {}),
              },
            }
          : {}),
        ...(storing && r.storing_id ? { storing: { id: r.storing_id, sinds: storing.begonnenOp, geopendOp: storing.geopendOp } } : {}),
      }
    })
    .sort((a, b) => (volgorde.get(a.id) ?? 0) - (volgorde.get(b.id) ?? 0))
}

/** Counts per working state of the controles these organisations may see (undefined: all), optionally of one samenwerking. */
export async function standTotalen(
  db: Database,
  organisatieIds: string[] | undefined,
  nu: Tijdstip,
  samenwerkingId?: string,
): Promise<Record<'werkt' | 'verstoord' | 'storing' | 'onbekend' | 'gepauzeerd', number>> {
  const r = await sql<{ status: string; aantal: string }>`
    SELECT CASE
             WHEN NOT c.actief THEN 'gepauzeerd'
             WHEN t.storing_id IS NOT NULL THEN 'storing'
             WHEN t.laatste_op IS NULL OR t.laatste_op < ${new Date(nu)}::timestamptz - (3 * c.interval_seconden) * interval '1 second' THEN 'onbekend'
             WHEN t.laatste_geslaagd THEN 'werkt'
             ELSE 'verstoord'
           END AS status, count(*) AS aantal
      FROM controle c LEFT JOIN controle_toestand t ON t.controle_id = c.id
     WHERE ${organisatieIds ? controleZichtbaar(organisatieIds) : sql<boolean>`true`}
       AND ${samenwerkingId ? sql<boolean>`c.koppeling_id IN (SELECT id FROM koppeling WHERE samenwerking_id = ${samenwerkingId})` : sql<boolean>`true`}
     GROUP BY 1`.execute(db)
  const uit = { werkt: 0, verstoord: 0, storing: 0, onbekend: 0, gepauzeerd: 0 }
  for (const x of r.rows) uit[x.status as keyof typeof uit] = Number(x.aantal)
  return uit
}

/** Hourly roll-ups of these controles from `van` on. */
export async function leesRollups(db: Database, controleIds: string[], van: Tijdstip, tot?: Tijdstip): Promise<UurRollup[]> {
  if (controleIds.length === 0) return []
  let q = db.selectFrom('meting_uur').selectAll().where('controle_id', 'in', controleIds).where('uur', '>=', new Date(van))
  if (tot !== undefined) q = q.where('uur', '<', new Date(tot))
  const rows = await q.orderBy('uur').execute()
  return rows.map((r) => ({
    controleId: r.controle_id,
    uur: ms(r.uur) as number,
    aantal: r.aantal,
    geslaagd: r.geslaagd,
    inOnderhoud: r.in_onderhoud,
    geslaagdInOnderhoud: r.geslaagd_in_onderhoud,
    duurSomMs: Number(r.duur_som_ms),
    duurMaxMs: r.duur_max_ms,
  }))
}

/**
 * What availability needs of the roll-ups of these controles in [van, tot), per controle:
 * per hour the metingen outside maintenance (aantal and geslaagd with the maintenance
 * counts already subtracted, so inOnderhoud is 0) and no durations (0). A status page
 * reads 1 000 controles × 90 days: one array parameter instead of 1 000, four columns
 * instead of eight, the hour as epoch seconds instead of a timestamp to parse, and the
 * rows grouped per controle here rather than filtered per controle by the caller.
 */
export async function leesUurTellingen(
  db: Database,
  controleIds: string[],
  van: Tijdstip,
  tot?: Tijdstip,
): Promise<Map<string, UurRollup[]>> {
  const uit = new Map<string, UurRollup[]>()
  if (controleIds.length === 0) return uit
  const r = await sql<{ controle_id: string; uur: number; aantal: number; geslaagd: number }>`
    SELECT controle_id, date_part('epoch', uur) AS uur, aantal - in_onderhoud AS aantal, geslaagd - geslaagd_in_onderhoud AS geslaagd
      FROM meting_uur
     WHERE controle_id = ANY(${controleIds}::uuid[]) AND uur >= ${new Date(van)}
       ${tot === undefined ? sql`` : sql`AND uur < ${new Date(tot)}`}`.execute(db)
  for (const x of r.rows) {
    const rollup: UurRollup = {
      controleId: x.controle_id,
      uur: Number(x.uur) * 1000,
      aantal: x.aantal,
      geslaagd: x.geslaagd,
      inOnderhoud: 0,
      geslaagdInOnderhoud: 0,
      duurSomMs: 0,
      duurMaxMs: 0,
    }
    const lijst = uit.get(x.controle_id)
    if (lijst) lijst.push(rollup)
    else uit.set(x.controle_id, [rollup])
  }
  return uit
}

export interface MetingWeergave {
  tijdstip: Tijdstip
  geslaagd: boolean
  duurMs: number
  soort: string
  reden?: Message
}

/** Raw metingen of one controle in [van, tot), newest first, at most `max`. */
export async function leesMetingen(db: Database, controleId: string, van: Tijdstip, tot: Tijdstip, max: number): Promise<MetingWeergave[]> {
  const rows = await db
    .selectFrom('meting')
    .selectAll()
    .where('controle_id', '=', controleId)
    .where('tijdstip', '>=', new Date(van))
    .where('tijdstip', '<', new Date(tot))
    .orderBy('tijdstip', 'desc')
    .limit(max)
    .execute()
  return rows.map((r) => ({
    tijdstip: ms(r.tijdstip) as number,
    geslaagd: r.geslaagd,
    duurMs: r.duur_ms,
    soort: r.soort,
    ...(r.reden ? { reden: r.reden } : {}),
  }))
}

export interface StoringRij {
  id: string
  controle: { id: string; naam: string }
  koppeling?: { id: string; naam: string }
  begonnenOp: Tijdstip
  geopendOp: Tijdstip
  geslotenOp?: Tijdstip
  meetsoort?: string
  reden?: Message
  tijdlijn: Storing['tijdlijn']
}

/** Storingen these organisations may see (through their controle), newest first. */
export async function leesStoringen(
  db: Database,
  organisatieIds: string[] | undefined,
  filter: { id?: string; controleId?: string; koppelingId?: string; samenwerkingId?: string; open?: boolean; max: number; na?: number },
): Promise<StoringRij[]> {
  let q = db
    .selectFrom('storing as s')
    .innerJoin('controle as c', 'c.id', 's.controle_id')
    .leftJoin('koppeling as k', 'k.id', 'c.koppeling_id')
    .select([
      's.id',
      's.begonnen_op',
      's.geopend_op',
      's.gesloten_op',
      's.meetsoort',
      's.reden',
      's.tijdlijn',
      'c.id as controle_id',
      'c.naam as controle_naam',
      'k.id as koppeling_id',
      'k.naam as koppeling_naam',
    ])
  if (organisatieIds) q = q.where(sql<boolean>`c.id IN (SELECT id FROM controle WHERE ${controleZichtbaar(organisatieIds)})`)
  if (filter.id) q = q.where('s.id', '=', filter.id)
  if (filter.controleId) q = q.where('c.id', '=', filter.controleId)
  if (filter.koppelingId) q = q.where('c.koppeling_id', '=', filter.koppelingId)
  if (filter.samenwerkingId) q = q.where('k.samenwerking_id', '=', filter.samenwerkingId)
  if (filter.open === true) q = q.where('s.gesloten_op', 'is', null)
  if (filter.open === false) q = q.where('s.gesloten_op', 'is not', null)
  if (filter.na !== undefined)
    q = q.where((eb) => eb.or([eb('s.gesloten_op', 'is', null), eb('s.gesloten_op', '>=', new Date(filter.na as number))]))
  const rows = await q.orderBy('s.geopend_op', 'desc').orderBy('s.id').limit(filter.max).execute()
  return rows.map((r) => ({
    id: r.id,
    controle: { id: r.controle_id, naam: r.controle_naam },
    ...(r.koppeling_id ? { koppeling: { id: r.koppeling_id, naam: r.koppeling_naam ?? '' } } : {}),
    begonnenOp: ms(r.begonnen_op) as number,
    geopendOp: ms(r.geopend_op) as number,
    ...(r.gesloten_op ? { geslotenOp: ms(r.gesloten_op) } : {}),
    ...(r.meetsoort ? { meetsoort: r.meetsoort } : {}),
    ...(r.reden ? { reden: r.reden } : {}),
    tijdlijn: (r.tijdlijn ?? []) as Storing['tijdlijn'],
  }))
}

export async function zetTijdlijn(db: Database, storingId: string, tijdlijn: Storing['tijdlijn']): Promise<void> {
  await db
    .updateTable('storing')
    .set({ tijdlijn: JSON.stringify(tijdlijn), gewijzigd_op: new Date() })
    .where('id', '=', storingId)
    .execute()
}

/**
 * Koppelingen these organisations may see that have controles (paused ones too: their
 * history still counts), with their gastheerschap's level, optionally of one samenwerking.
 */
export async function koppelingenMetControles(
  db: Database,
  organisatieIds: string[] | undefined,
  samenwerkingId?: string,
  koppelingId?: string,
): Promise<{ id: string; naam: string; doel?: number; serviceniveau?: string; samenwerkingId?: string; controleIds: string[] }[]> {
  const rows = await db
    .selectFrom('koppeling as k')
    .innerJoin('controle as c', 'c.koppeling_id', 'k.id')
    .leftJoin('gastheerschap as g', 'g.id', 'k.gastheerschap_id')
    .select(['k.id', 'k.naam', 'k.samenwerking_id', 'g.beschikbaarheidsdoel', 'g.serviceniveau', 'c.id as controle_id'])
    .$if(organisatieIds !== undefined, (q) =>
      q.where(sql<boolean>`k.id IN (SELECT id FROM koppeling WHERE ${koppelingZichtbaar(organisatieIds as string[])})`),
    )
    .$if(samenwerkingId !== undefined, (q) => q.where('k.samenwerking_id', '=', samenwerkingId as string))
    .$if(koppelingId !== undefined, (q) => q.where('k.id', '=', koppelingId as string))
    .orderBy('k.naam')
    .orderBy('k.id')
    .execute()
  const uit = new Map<
    string,
    { id: string; naam: string; doel?: number; serviceniveau?: string; samenwerkingId?: string; controleIds: string[] }
  >()
  for (const r of rows) {
    let k = uit.get(r.id)
    if (!k) {
      k = {
        id: r.id,
        naam: r.naam,
        ...(r.beschikbaarheidsdoel == null ? {} : { doel: Number(r.beschikbaarheidsdoel) }),
        ...(r.serviceniveau ? { serviceniveau: r.serviceniveau } : {}),
        ...(r.samenwerking_id ? { samenwerkingId: r.samenwerking_id } : {}),
        controleIds: [],
      }
      uit.set(r.id, k)
    }
    k.controleIds.push(r.controle_id)
  }
  return [...uit.values()]
}

export async function samenwerkingZichtbaarVoor(
  db: Database,
  samenwerkingId: string,
  organisatieIds: string[] | undefined,
): Promise<{ id: string; naam: string } | undefined> {
  return db
    .selectFrom('samenwerking')
    .select(['id', 'naam'])
    .where('id', '=', samenwerkingId)
    .$if(organisatieIds !== undefined, (q) => q.where(samenwerkingZichtbaar(organisatieIds as string[])))
    .executeTakeFirst()
}

export interface Statuspagina {
  samenwerkingId: string
  openbaar: boolean
  slug?: string
  titel?: string
}

export async function leesStatuspagina(db: Database, by: { samenwerkingId?: string; slug?: string }): Promise<Statuspagina | undefined> {
  let q = db.selectFrom('statuspagina').selectAll()
  if (by.samenwerkingId) q = q.where('samenwerking_id', '=', by.samenwerkingId)
  if (by.slug) q = q.where('slug', '=', by.slug)
  const r = await q.executeTakeFirst()
  return r
    ? {
        samenwerkingId: r.samenwerking_id,
        openbaar: r.openbaar,
        ...(r.slug ? { slug: r.slug } : {}),
        ...(r.titel ? { titel: r.titel } : {}),
      }
    : undefined
}

export async function zetStatuspagina(db: Database, s: Statuspagina): Promise<void> {
  await db
    .insertInto('statuspagina')
    .values({ samenwerking_id: s.samenwerkingId, openbaar: s.openbaar, slug: s.slug ?? null, titel: s.titel ?? null })
    .onConflict((oc) => oc.column('samenwerking_id').doUpdateSet({ openbaar: s.openbaar, slug: s.slug ?? null, titel: s.titel ?? null }))
    .execute()
}

export interface HandmatigeWerking {
  status: string
  reden: string
  tot?: Tijdstip
  door: string
  op: Tijdstip
}

export async function leesHandmatig(db: Database, koppelingIds: string[]): Promise<Map<string, HandmatigeWerking>> {
  const uit = new Map<string, HandmatigeWerking>()
  if (koppelingIds.length === 0) return uit
  for (const r of await db.selectFrom('koppeling_werking').selectAll().where('koppeling_id', 'in', koppelingIds).execute())
    uit.set(r.koppeling_id, {
      status: r.status,
      reden: r.reden,
      ...(r.tot ? { tot: ms(r.tot) } : {}),
      door: r.door,
      op: ms(r.op) as number,
    })
  return uit
}

export async function zetHandmatig(db: Database, koppelingId: string, w: HandmatigeWerking | undefined): Promise<void> {
  await db.deleteFrom('koppeling_werking').where('koppeling_id', '=', koppelingId).execute()
  if (w)
    await db
      .insertInto('koppeling_werking')
      .values({
        koppeling_id: koppelingId,
        status: w.status,
        reden: w.reden,
        tot: w.tot === undefined ? null : new Date(w.tot),
        door: w.door,
        op: new Date(w.op),
      })
      .execute()
}
