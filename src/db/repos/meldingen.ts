import { sql } from 'kysely'
import type { Message } from '../../domain/errors.js'
import type { Tijdstip } from '../../domain/monitoring/typen.js'
import type { Database } from '../database.js'
import { controleZichtbaar } from './monitoring-resources.js'

// The outbox of notifications (issue 14): one row per channel and key, so an event is
// sent at most once per channel however often it is enqueued (de-duplication), and a
// failed send is retried later from the row, not from memory.

export interface Kanaal {
  id: string
  naam: string
  organisatieId: string
  soort: 'webhook' | 'email'
  formaat: 'json' | 'teams' | 'slack' | null
  doel: Buffer | null
  ontvangers: string[]
  certificaatDagen: number[]
}

/** Active channels subscribed to `gebeurtenis` whose organisation may see this controle (and, if the channel is for one samenwerking, of that one). */
export async function kanalenVoor(db: Database, controleId: string, gebeurtenis: string): Promise<Kanaal[]> {
  const kanalen = await db
    .selectFrom('meldingskanaal')
    .select(['id', 'naam', 'organisatie_id', 'samenwerking_id', 'soort', 'formaat', 'doel', 'ontvangers', 'certificaat_dagen'])
    .where('actief', '=', true)
    .where(sql<boolean>`gebeurtenissen ? ${gebeurtenis}`)
    .execute()
  const uit: Kanaal[] = []
  for (const k of kanalen) {
    const zichtbaar = await db
      .selectFrom('controle as c')
      .leftJoin('koppeling as kp', 'kp.id', 'c.koppeling_id')
      .select('c.id')
      .where('c.id', '=', controleId)
      .where(sql<boolean>`c.id IN (SELECT id FROM controle WHERE ${controleZichtbaar([k.organisatie_id])})`)
      .$if(k.samenwerking_id !== null, (q) => q.where('kp.samenwerking_id', '=', k.samenwerking_id as string))
      .executeTakeFirst()
    if (zichtbaar)
      uit.push({
        id: k.id,
        naam: k.naam,
        organisatieId: k.organisatie_id,
        soort: k.soort as Kanaal['soort'],
        formaat: k.formaat as Kanaal['formaat'],
        doel: k.doel,
        ontvangers: k.ontvangers,
        certificaatDagen: k.certificaat_dagen,
      })
  }
  return uit
}

/** Adds a notification unless this channel already has one with this key; true when added. */
export async function zetInWachtrij(db: Database, kanaalId: string, sleutel: string, inhoud: unknown, nu: Tijdstip): Promise<boolean> {
  const r = await db
    .insertInto('melding')
    .values({
      kanaal_id: kanaalId,
      sleutel,
      inhoud: JSON.stringify(inhoud),
      status: 'wachtend',
      volgende_poging: new Date(nu),
      aangemaakt_op: new Date(nu),
    })
    .onConflict((oc) => oc.columns(['kanaal_id', 'sleutel']).doNothing())
    .executeTakeFirst()
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0
}

export interface WachtendeMelding {
  id: string
  sleutel: string
  inhoud: unknown
  pogingen: number
  kanaal: Kanaal
}

/**
 * Claims up to `max` due notifications: their next attempt moves `claimMs` ahead, so a
 * process that dies while sending leaves them to be tried again after that.
 */
export async function claimMeldingen(db: Database, nu: Tijdstip, max: number, claimMs: number): Promise<WachtendeMelding[]> {
  const r = await sql<{ id: string; sleutel: string; inhoud: unknown; pogingen: number; kanaal_id: string }>`
    UPDATE melding SET volgende_poging = ${new Date(nu + claimMs)}
     WHERE id IN (SELECT id FROM melding WHERE status = 'wachtend' AND volgende_poging <= ${new Date(nu)}
                   ORDER BY volgende_poging LIMIT ${max} FOR UPDATE SKIP LOCKED)
    RETURNING id, sleutel, inhoud, pogingen, kanaal_id`.execute(db)
  if (r.rows.length === 0) return []
  const kanalen = new Map(
    (
      await db
        .selectFrom('meldingskanaal')
        .selectAll()
        .where(
          'id',
          'in',
          r.rows.map((x) => x.kanaal_id),
        )
        .execute()
    ).map((k) => [k.id, k]),
  )
  const uit: WachtendeMelding[] = []
  for (const m of r.rows) {
    const k = kanalen.get(m.kanaal_id)
    if (!k) continue
    uit.push({
      id: String(m.id),
      sleutel: m.sleutel,
      inhoud: m.inhoud,
      pogingen: m.pogingen,
      kanaal: {
        id: k.id,
        naam: k.naam,
        organisatieId: k.organisatie_id,
        soort: k.soort as Kanaal['soort'],
        formaat: k.formaat as Kanaal['formaat'],
        doel: k.doel,
        ontvangers: k.ontvangers,
        certificaatDagen: k.certificaat_dagen,
      },
    })
  }
  return uit
}

export async function meldingVerzonden(db: Database, id: string, nu: Tijdstip): Promise<void> {
  await db
    .updateTable('melding')
    .set({ status: 'verzonden', verzonden_op: new Date(nu), volgende_poging: null, pogingen: sql`pogingen + 1` })
    .where('id', '=', id)
    .execute()
}

/** A failed attempt: tried again at `volgende`, or given up when there is none. */
export async function meldingMislukt(db: Database, id: string, reden: Message, volgende: Tijdstip | undefined): Promise<void> {
  await db
    .updateTable('melding')
    .set({
      status: volgende === undefined ? 'opgegeven' : 'wachtend',
      volgende_poging: volgende === undefined ? null : new Date(volgende),
      laatste_fout: JSON.stringify(reden),
      pogingen: sql`pogingen + 1`,
    })
    .where('id', '=', id)
    .execute()
}
