import { sql } from 'kysely'
import type { Message } from '../../domain/errors.js'
import type { ControleToestand } from '../../domain/monitoring/storingen.js'
import type { Onderhoudsvenster, Storing, Tijdstip, UurRollup } from '../../domain/monitoring/typen.js'
import type { Database } from '../database.js'

// What the scheduler reads and writes (issue 14), beside the registry objects: the state
// per controle with its lease, metingen and their hourly roll-ups, storingen, the outbox
// of notifications. Instants cross this border as epoch milliseconds (domain/monitoring).

const ms = (d: Date | string | null | undefined): number | undefined => (d == null ? undefined : new Date(d).getTime())
const datum = (t: Tijdstip) => new Date(t)

/** A controle as the scheduler needs it: its columns, where it sits, and its secrets (still encrypted). */
export interface ControleRij {
  id: string
  naam: string
  soort: string
  koppelingId?: string
  applicatieId?: string
  samenwerkingId?: string
  url: string | null
  methode: string | null
  verwachteStatus: string | null
  inhoudControle: unknown
  headers: Record<string, string> | null
  verzoekInhoud: string | null
  volgRedirects: number | null
  maxBytes: number | null
  caPem: string | null
  clientCertificaatPem: string | null
  host: string | null
  poort: number | null
  servernaam: string | null
  minDagenGeldig: number | null
  dnsNaam: string | null
  dnsType: string | null
  dnsVerwacht: string | null
  intervalSeconden: number
  timeoutMs: number
  pogingen: number
  foutenVoorStoring: number
  successenVoorHerstel: number
  actief: boolean
  geheimen: Buffer | null
}

/** Makes a state row for every active controle that has none yet, first due at a random moment within its interval (the spread). */
export async function vulToestandenAan(db: Database, nu: Tijdstip): Promise<number> {
  const r = await sql`
    INSERT INTO controle_toestand (controle_id, volgende_op)
    SELECT c.id, ${datum(nu)}::timestamptz + (random() * c.interval_seconden) * interval '1 second'
      FROM controle c
     WHERE c.actief AND NOT EXISTS (SELECT 1 FROM controle_toestand t WHERE t.controle_id = c.id)
    ON CONFLICT (controle_id) DO NOTHING`.execute(db)
  return Number(r.numAffectedRows ?? 0)
}

/**
 * Takes the lease on up to `max` due controles that nobody holds (or whose holder's lease
 * ran out: that process died or hangs). SKIP LOCKED: two processes claiming at once each
 * get other rows, never the same one. A lease lasts the controle's worst case (timeout ×
 * attempts) plus `margeMs` for writing the result.
 */
export async function claimControles(db: Database, opts: { door: string; nu: Tijdstip; max: number; margeMs: number }): Promise<string[]> {
  if (opts.max <= 0) return []
  const nu = datum(opts.nu)
  const r = await sql<{ controle_id: string }>`
    UPDATE controle_toestand t
       SET lease_door = ${opts.door},
           lease_tot = ${nu}::timestamptz + ((c.timeout_ms * (c.pogingen + 1)) + ${opts.margeMs}) * interval '1 millisecond'
      FROM controle c
     WHERE c.id = t.controle_id AND t.controle_id IN (
       SELECT s.controle_id FROM controle_toestand s JOIN controle k ON k.id = s.controle_id
        WHERE s.volgende_op <= ${nu} AND k.actief AND (s.lease_tot IS NULL OR s.lease_tot < ${nu})
        ORDER BY s.volgende_op
        LIMIT ${opts.max}
        FOR UPDATE OF s SKIP LOCKED)
    RETURNING t.controle_id`.execute(db)
  return r.rows.map((x) => x.controle_id)
}

/** Gives leases back unused (a process stopping before it probed). */
export async function geefLeasesTerug(db: Database, door: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return
  await db
    .updateTable('controle_toestand')
    .set({ lease_door: null, lease_tot: null })
    .where('lease_door', '=', door)
    .where('controle_id', 'in', ids)
    .execute()
}

export async function leesControles(db: Database, ids: string[]): Promise<ControleRij[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('controle as c')
    .leftJoin('koppeling as k', 'k.id', 'c.koppeling_id')
    .selectAll('c')
    .select('k.samenwerking_id')
    .where('c.id', 'in', ids)
    .execute()
  return rows.map((c) => ({
    id: c.id,
    naam: c.naam,
    soort: c.soort,
    ...(c.koppeling_id ? { koppelingId: c.koppeling_id } : {}),
    ...(c.applicatie_id ? { applicatieId: c.applicatie_id } : {}),
    ...(c.samenwerking_id ? { samenwerkingId: c.samenwerking_id } : {}),
    url: c.url,
    methode: c.methode,
    verwachteStatus: c.verwachte_status,
    inhoudControle: c.inhoud_controle ?? undefined,
    headers: (c.headers as Record<string, string> | null) ?? null,
    verzoekInhoud: c.verzoek_inhoud,
    volgRedirects: c.volg_redirects,
    maxBytes: c.max_bytes,
    caPem: c.ca_pem,
    clientCertificaatPem: c.client_certificaat_pem,
    host: c.host,
    poort: c.poort,
    servernaam: c.servernaam,
    minDagenGeldig: c.min_dagen_geldig,
    dnsNaam: c.dns_naam,
    dnsType: c.dns_type,
    dnsVerwacht: c.dns_verwacht,
    intervalSeconden: c.interval_seconden,
    timeoutMs: c.timeout_ms,
    pogingen: c.pogingen,
    foutenVoorStoring: c.fouten_voor_storing,
    successenVoorHerstel: c.successen_voor_herstel,
    actief: c.actief,
    geheimen: c.geheimen,
  }))
}

/** The storing machine's state per controle (with its open storing), for those that have one. */
export async function leesToestanden(
  db: Database,
  ids: string[],
): Promise<Map<string, ControleToestand & { storingId?: string; leaseDoor?: string }>> {
  const uit = new Map<string, ControleToestand & { storingId?: string; leaseDoor?: string }>()
  if (ids.length === 0) return uit
  const rows = await db
    .selectFrom('controle_toestand as t')
    .leftJoin('storing as s', (j) => j.onRef('s.id', '=', 't.storing_id').on('s.gesloten_op', 'is', null))
    .select([
      't.controle_id',
      't.laatste_op',
      't.laatste_geslaagd',
      't.fouten',
      't.eerste_fout_op',
      't.successen',
      't.storing_id',
      't.lease_door',
      's.id as s_id',
      's.begonnen_op',
      's.geopend_op',
      's.tijdlijn',
    ])
    .where('t.controle_id', 'in', ids)
    .execute()
  for (const r of rows) {
    const storing: Storing | undefined = r.s_id
      ? {
          controleId: r.controle_id,
          begonnenOp: ms(r.begonnen_op) as number,
          geopendOp: ms(r.geopend_op) as number,
          tijdlijn: (r.tijdlijn ?? []) as Storing['tijdlijn'],
        }
      : undefined
    uit.set(r.controle_id, {
      controleId: r.controle_id,
      ...(r.laatste_op ? { laatsteTijdstip: ms(r.laatste_op) } : {}),
      ...(r.laatste_geslaagd === null ? {} : { laatsteGeslaagd: r.laatste_geslaagd }),
      fouten: r.fouten,
      ...(r.eerste_fout_op ? { eersteFoutOp: ms(r.eerste_fout_op) } : {}),
      successen: r.successen,
      ...(storing ? { storing, storingId: r.s_id as string } : {}),
      ...(r.lease_door ? { leaseDoor: r.lease_door } : {}),
    })
  }
  return uit
}

export interface MetingRij {
  controleId: string
  tijdstip: Tijdstip
  geslaagd: boolean
  duurMs: number
  soort: string
  reden?: Message
}

/** Inserts metingen; a repeat (same controle and instant) is ignored. */
export async function schrijfMetingen(db: Database, metingen: MetingRij[]): Promise<void> {
  for (let i = 0; i < metingen.length; i += 1000) {
    await db
      .insertInto('meting')
      .values(
        metingen.slice(i, i + 1000).map((m) => ({
          controle_id: m.controleId,
          tijdstip: datum(m.tijdstip),
          geslaagd: m.geslaagd,
          duur_ms: Math.round(m.duurMs),
          soort: m.soort,
          reden: m.reden ? JSON.stringify(m.reden) : null,
        })),
      )
      .onConflict((oc) => oc.columns(['controle_id', 'tijdstip']).doNothing())
      .execute()
  }
}

/** Adds roll-up counts to their hours (the counts of a batch, summed per controle and hour). */
export async function telBijUren(db: Database, rollups: UurRollup[]): Promise<void> {
  for (let i = 0; i < rollups.length; i += 1000) {
    await db
      .insertInto('meting_uur')
      .values(
        rollups.slice(i, i + 1000).map((r) => ({
          controle_id: r.controleId,
          uur: datum(r.uur),
          aantal: r.aantal,
          geslaagd: r.geslaagd,
          in_onderhoud: r.inOnderhoud,
          geslaagd_in_onderhoud: r.geslaagdInOnderhoud,
          duur_som_ms: Math.round(r.duurSomMs),
          duur_max_ms: Math.round(r.duurMaxMs),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['controle_id', 'uur']).doUpdateSet({
          aantal: sql`meting_uur.aantal + excluded.aantal`,
          geslaagd: sql`meting_uur.geslaagd + excluded.geslaagd`,
          in_onderhoud: sql`meting_uur.in_onderhoud + excluded.in_onderhoud`,
          geslaagd_in_onderhoud: sql`meting_uur.geslaagd_in_onderhoud + excluded.geslaagd_in_onderhoud`,
          duur_som_ms: sql`meting_uur.duur_som_ms + excluded.duur_som_ms`,
          duur_max_ms: sql`greatest(meting_uur.duur_max_ms, excluded.duur_max_ms)`,
        }),
      )
      .execute()
  }
}

export interface NieuweToestand {
  toestand: ControleToestand
  storingId?: string
  volgendeOp: Tijdstip
  laatste?: { soort: string; reden: Message; duurMs: number; details?: unknown }
}

/** Writes a controle's state after a batch and frees the lease if this process still holds it. */
export async function zetToestand(db: Database, door: string, n: NieuweToestand): Promise<void> {
  const t = n.toestand
  await db
    .updateTable('controle_toestand')
    .set({
      volgende_op: datum(n.volgendeOp),
      laatste_op: t.laatsteTijdstip === undefined ? null : datum(t.laatsteTijdstip),
      laatste_geslaagd: t.laatsteGeslaagd ?? null,
      fouten: t.fouten,
      eerste_fout_op: t.eersteFoutOp === undefined ? null : datum(t.eersteFoutOp),
      successen: t.successen,
      storing_id: n.storingId ?? null,
      ...(n.laatste
        ? {
            laatste_soort: n.laatste.soort,
            laatste_reden: JSON.stringify(n.laatste.reden),
            laatste_duur_ms: Math.round(n.laatste.duurMs),
            laatste_details: n.laatste.details === undefined ? null : JSON.stringify(n.laatste.details),
          }
        : {}),
      lease_door: sql`CASE WHEN lease_door = ${door} THEN NULL ELSE lease_door END`,
      lease_tot: sql`CASE WHEN lease_door = ${door} THEN NULL ELSE lease_tot END`,
    })
    .where('controle_id', '=', t.controleId)
    .execute()
}

export async function maakStoring(db: Database, s: Storing, reden: Message | undefined): Promise<string> {
  const r = await db
    .insertInto('storing')
    .values({
      controle_id: s.controleId,
      begonnen_op: datum(s.begonnenOp),
      geopend_op: datum(s.geopendOp),
      gesloten_op: s.geslotenOp === undefined ? null : datum(s.geslotenOp),
      meetsoort: s.tijdlijn.find((g) => g.soort === 'geopend')?.meetsoort ?? null,
      reden: reden ? JSON.stringify(reden) : null,
      tijdlijn: JSON.stringify(s.tijdlijn),
      gewijzigd_op: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return r.id
}

export async function zetStoring(db: Database, id: string, s: Storing): Promise<void> {
  await db
    .updateTable('storing')
    .set({
      gesloten_op: s.geslotenOp === undefined ? null : datum(s.geslotenOp),
      tijdlijn: JSON.stringify(s.tijdlijn),
      gewijzigd_op: new Date(),
    })
    .where('id', '=', id)
    .execute()
}

/** The windows that may cover these controles between van and tot, as the domain reads them. */
export async function leesOnderhoud(
  db: Database,
  plaatsen: { controleId: string; koppelingId?: string; samenwerkingId?: string }[],
  van: Tijdstip,
  tot: Tijdstip,
): Promise<Onderhoudsvenster[]> {
  if (plaatsen.length === 0) return []
  const controleIds = plaatsen.map((p) => p.controleId)
  const koppelingIds = plaatsen.flatMap((p) => (p.koppelingId ? [p.koppelingId] : []))
  const samenwerkingIds = plaatsen.flatMap((p) => (p.samenwerkingId ? [p.samenwerkingId] : []))
  const rows = await db
    .selectFrom('onderhoudsvenster')
    .select(['controle_id', 'koppeling_id', 'samenwerking_id', 'van', 'tot', 'reden'])
    .where('tot', '>', datum(van))
    .where('van', '<=', datum(tot))
    .where((eb) =>
      eb.or([
        eb('controle_id', 'in', controleIds),
        ...(koppelingIds.length ? [eb('koppeling_id', 'in', koppelingIds)] : []),
        ...(samenwerkingIds.length ? [eb('samenwerking_id', 'in', samenwerkingIds)] : []),
      ]),
    )
    .execute()
  return rows.map((r) => ({
    bereik: r.controle_id
      ? { soort: 'controle' as const, controleId: r.controle_id }
      : r.koppeling_id
        ? { soort: 'koppeling' as const, koppelingId: r.koppeling_id }
        : { soort: 'samenwerking' as const, samenwerkingId: r.samenwerking_id as string },
    van: ms(r.van) as number,
    tot: ms(r.tot) as number,
    reden: r.reden,
  }))
}

/** Deletes metingen and roll-ups past their retention; returns how many of each. */
export async function ruimOp(
  db: Database,
  grens: { metingen: Tijdstip; rollups: Tijdstip },
): Promise<{ metingen: number; rollups: number }> {
  const m = await db.deleteFrom('meting').where('tijdstip', '<', datum(grens.metingen)).executeTakeFirst()
  const u = await db.deleteFrom('meting_uur').where('uur', '<', datum(grens.rollups)).executeTakeFirst()
  return { metingen: Number(m.numDeletedRows), rollups: Number(u.numDeletedRows) }
}
