import { type RawBuilder, sql } from 'kysely'
import type { SortKey } from '../../domain/listing.js'
import type { Bevinding as DomeinBevinding, Ernst } from '../../domain/vertrouwen/typen.js'
import type { Database } from '../database.js'
import { samenwerkingenVan } from './registry.js'
import { contractZichtbaar, toegangZichtbaar } from './vertrouwen-resources.js'

// The stored findings of the trust evaluation (migration 0015): one row per sleutel,
// opened, updated, closed and reopened by the re-evaluation (services/vertrouwen-service.ts),
// each step a row of bevinding_gebeurtenis. Who sees a finding: the organisation whose
// policy it is (eigenaar), the party itself, whoever sees its grant or contract (the same
// rules as /toegangen and /contracten), and the confirmed leden of a samenwerking that
// adopted the policy. Status is computed on the caller's "today": an accepted risk whose
// end date passed counts as open again.

const orgs = (ids: string[]) => sql`${sql.val(ids)}::uuid[]`

/** The advisory lock of the trust evaluation (the audit chain's is 7 365 001). */
const EVALUATIE_LOCK_KEY = 7_365_012

/** Findings these organisations may see, for `b` = bevinding. */
export function bevindingZichtbaar(ids: string[]): RawBuilder<boolean> {
  // A finding about a supplier as a whole (no eigenaar: the default policy's yearly assurance)
  // is read by whoever relies on that supplier, as its evidence is (bewijsstukZichtbaar).
  return sql<boolean>`(b.eigenaar_id = ANY(${orgs(ids)}) OR b.partij_id = ANY(${orgs(ids)})
    OR b.toegang_id IN (SELECT id FROM toegang WHERE ${toegangZichtbaar(ids)})
    OR b.contract_id IN (SELECT id FROM contract WHERE ${contractZichtbaar(ids)})
    OR b.beleid_id IN (SELECT vertrouwensbeleid_id FROM vertrouwensbeleid_samenwerking WHERE samenwerking_id IN ${samenwerkingenVan(ids)})
    OR (b.eigenaar_id IS NULL AND (
      b.partij_id IN (SELECT partij_id FROM toegang WHERE verleend_door_id = ANY(${orgs(ids)}) OR netwerkzone_eigenaar_id = ANY(${orgs(ids)}))
      OR b.partij_id IN (SELECT leverancier_id FROM contract WHERE afnemer_id = ANY(${orgs(ids)})))))`
}

/** The status of `b` on `peildatum`. */
export const statusSql = (peildatum: string) =>
  sql<string>`CASE WHEN b.gesloten_op IS NOT NULL THEN 'gesloten'
    WHEN b.acceptatie_tot IS NOT NULL AND b.acceptatie_tot >= ${peildatum}::date THEN 'geaccepteerd' ELSE 'open' END`

export interface OpgeslagenBevinding {
  id: string
  sleutel: string
  partijId: string
  open: boolean
  inhoud: DomeinBevinding
}

export interface BevindingFilters {
  ernst?: Ernst
  status?: 'open' | 'geaccepteerd' | 'gesloten'
  partijId?: string
  eigenaarId?: string
  samenwerkingId?: string
  regelSoort?: string
  toegangId?: string
  contractId?: string
  /** As party or as protected organisation (the CLI's --organisatie). */
  organisatieId?: string
}

export interface BevindingRij {
  id: string
  revisie: number
  sleutel: string
  status: 'open' | 'geaccepteerd' | 'gesloten'
  beleid_id: string
  beleid_naam: string | null
  partij_naam: string | null
  eigenaar_naam: string | null
  inhoud: DomeinBevinding
  geopend_op: Date
  gesloten_op: Date | null
  aangemaakt_op: Date
  gewijzigd_op: Date
  acceptatie_reden: string | null
  acceptatie_eigenaar: string | null
  acceptatie_tot: string | null
  geaccepteerd_op: Date | null
  geaccepteerd_door: string | null
}

const SORTEER: Record<string, RawBuilder<unknown>> = {
  ernst: sql`CASE b.ernst WHEN 'hoog' THEN 0 WHEN 'middel' THEN 1 ELSE 2 END`,
  geopendOp: sql`b.geopend_op`,
  datum: sql`b.datum`,
  regelSoort: sql`b.regel_soort`,
  partij: sql`p.naam`,
  id: sql`b.id`,
}
export const BEVINDING_SORTEERVELDEN = ['ernst', 'geopendOp', 'datum', 'regelSoort', 'partij'] as const

function waar(filters: BevindingFilters, peildatum: string, zicht: string[] | 'alles'): RawBuilder<boolean> {
  const delen: RawBuilder<unknown>[] = [sql`TRUE`]
  if (zicht !== 'alles') delen.push(bevindingZichtbaar(zicht))
  if (filters.ernst) delen.push(sql`b.ernst = ${filters.ernst}`)
  if (filters.status) delen.push(sql`${statusSql(peildatum)} = ${filters.status}`)
  if (filters.partijId) delen.push(sql`b.partij_id = ${filters.partijId}`)
  if (filters.eigenaarId) delen.push(sql`b.eigenaar_id = ${filters.eigenaarId}`)
  if (filters.regelSoort) delen.push(sql`b.regel_soort = ${filters.regelSoort}`)
  if (filters.toegangId) delen.push(sql`b.toegang_id = ${filters.toegangId}`)
  if (filters.contractId) delen.push(sql`b.contract_id = ${filters.contractId}`)
  if (filters.organisatieId) delen.push(sql`(b.partij_id = ${filters.organisatieId} OR b.eigenaar_id = ${filters.organisatieId})`)
  if (filters.samenwerkingId) {
    // Of a samenwerking: its adopted policies, a confirmed lid as protected organisation, or a
    // supplier as a whole (no eigenaar) that a confirmed lid relies on (bevindingZichtbaar).
    const leden = sql`(SELECT organisatie_id FROM samenwerking_lid WHERE samenwerking_id = ${filters.samenwerkingId} AND bevestigd_op IS NOT NULL)`
    delen.push(sql`(b.beleid_id IN (SELECT vertrouwensbeleid_id FROM vertrouwensbeleid_samenwerking WHERE samenwerking_id = ${filters.samenwerkingId})
      OR b.eigenaar_id IN ${leden}
      OR (b.eigenaar_id IS NULL AND (
        b.partij_id IN (SELECT partij_id FROM toegang WHERE verleend_door_id IN ${leden} OR netwerkzone_eigenaar_id IN ${leden})
        OR b.partij_id IN (SELECT leverancier_id FROM contract WHERE afnemer_id IN ${leden}))))`)
  }
  return sql<boolean>`${sql.join(delen, sql` AND `)}`
}

const kolommen = (peildatum: string) => sql`b.id, b.revisie, b.sleutel, ${statusSql(peildatum)} AS status, b.beleid_id,
  coalesce(vb.naam, b.inhoud->>'beleidNaam') AS beleid_naam, p.naam AS partij_naam, e.naam AS eigenaar_naam, b.inhoud,
  b.geopend_op, b.gesloten_op, b.aangemaakt_op, b.gewijzigd_op, b.acceptatie_reden, b.acceptatie_eigenaar,
  to_char(b.acceptatie_tot, 'YYYY-MM-DD') AS acceptatie_tot, b.geaccepteerd_op, b.geaccepteerd_door`
const joins = sql`LEFT JOIN organisatie p ON p.id = b.partij_id LEFT JOIN organisatie e ON e.id = b.eigenaar_id
  LEFT JOIN vertrouwensbeleid vb ON vb.id = b.beleid_id`

export const bevindingen = {
  /** The stored findings (all, or of one party), for the re-evaluation's comparison. */
  async opgeslagen(db: Database, partijId?: string): Promise<OpgeslagenBevinding[]> {
    const filter = partijId ? sql`WHERE partij_id = ${partijId}` : sql``
    const { rows } = await sql<{ id: string; sleutel: string; partij_id: string; open: boolean; inhoud: DomeinBevinding }>`
      SELECT id, sleutel, partij_id, gesloten_op IS NULL AS open, inhoud FROM bevinding ${filter}`.execute(db)
    return rows.map((r) => ({ id: r.id, sleutel: r.sleutel, partijId: r.partij_id, open: r.open, inhoud: r.inhoud }))
  },

  async openen(trx: Database, f: DomeinBevinding, nu: Date): Promise<void> {
    const { rows } = await sql<{ id: string }>`
      INSERT INTO bevinding (aangemaakt_op, gewijzigd_op, sleutel, beleid_id, regel_id, regel_soort, ernst, maatregel, partij_id,
        eigenaar_id, toegang_id, contract_id, bewijsstuk_id, datum, inhoud, geopend_op)
      VALUES (${nu}, ${nu}, ${f.sleutel}, ${f.beleidId}, ${f.regelId}, ${f.regelSoort}, ${f.ernst}, ${f.maatregel}, ${f.partijId},
        ${f.eigenaarId ?? null}, ${f.toegangId ?? null}, ${f.contractId ?? null}, ${f.bewijsstukId ?? null}, ${f.datum ?? null},
        ${JSON.stringify(f)}::jsonb, ${nu})
      RETURNING id`.execute(trx)
    await gebeurtenis(trx, rows[0].id, 'geopend', nu, f)
  },

  /** A finding found again: reopened (when closed) or updated (when its content changed); a reopened finding starts without acceptance. */
  async bijwerken(trx: Database, id: string, f: DomeinBevinding, nu: Date, heropenen: boolean): Promise<void> {
    const heropen = heropenen
      ? sql`, gesloten_op = NULL, geopend_op = ${nu}, acceptatie_reden = NULL, acceptatie_eigenaar = NULL, acceptatie_tot = NULL,
          geaccepteerd_op = NULL, geaccepteerd_door = NULL`
      : sql``
    await sql`UPDATE bevinding SET revisie = revisie + 1, gewijzigd_op = ${nu}, ernst = ${f.ernst}, maatregel = ${f.maatregel},
        regel_soort = ${f.regelSoort}, eigenaar_id = ${f.eigenaarId ?? null}, toegang_id = ${f.toegangId ?? null},
        contract_id = ${f.contractId ?? null}, bewijsstuk_id = ${f.bewijsstukId ?? null}, datum = ${f.datum ?? null},
        inhoud = ${JSON.stringify(f)}::jsonb ${heropen}
      WHERE id = ${id}`.execute(trx)
    await gebeurtenis(trx, id, heropenen ? 'heropend' : 'bijgewerkt', nu, f)
  },

  async sluiten(trx: Database, id: string, nu: Date): Promise<void> {
    await sql`UPDATE bevinding SET revisie = revisie + 1, gewijzigd_op = ${nu}, gesloten_op = ${nu} WHERE id = ${id}`.execute(trx)
    await gebeurtenis(trx, id, 'gesloten', nu)
  },

  /** Serializes evaluations (held until the transaction ends), across processes on one PostgreSQL. */
  async vergrendelEvaluatie(trx: Database): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(${EVALUATIE_LOCK_KEY})`.execute(trx)
  },

  async lijst(
    db: Database,
    opts: {
      filters: BevindingFilters
      peildatum: string
      zicht: string[] | 'alles'
      sort: SortKey[]
      pagina: number
      paginaGrootte: number
    },
  ): Promise<{ rijen: BevindingRij[]; totaal: number }> {
    const w = waar(opts.filters, opts.peildatum, opts.zicht)
    const orde = sql.join(
      opts.sort.map((k) => sql`${SORTEER[k.field] ?? SORTEER.id} ${sql.raw(k.descending ? 'DESC' : 'ASC')} NULLS LAST`),
      sql`, `,
    )
    const [{ rows }, telling] = await Promise.all([
      sql<BevindingRij>`SELECT ${kolommen(opts.peildatum)} FROM bevinding b ${joins} WHERE ${w}
        ORDER BY ${orde} LIMIT ${opts.paginaGrootte} OFFSET ${(opts.pagina - 1) * opts.paginaGrootte}`.execute(db),
      sql<{ n: number }>`SELECT count(*)::int AS n FROM bevinding b WHERE ${w}`.execute(db),
    ])
    return { rijen: rows, totaal: telling.rows[0]?.n ?? 0 }
  },

  async vind(db: Database, id: string, peildatum: string, zicht: string[] | 'alles', opties: { voorUpdate?: boolean } = {}) {
    const zichtbaar = zicht === 'alles' ? sql`TRUE` : bevindingZichtbaar(zicht)
    const slot = opties.voorUpdate ? sql`FOR UPDATE OF b` : sql``
    const { rows } = await sql<BevindingRij>`SELECT ${kolommen(peildatum)} FROM bevinding b ${joins}
      WHERE b.id = ${id} AND ${zichtbaar} ${slot}`.execute(db)
    return rows[0]
  },

  async geschiedenis(db: Database, id: string) {
    const { rows } = await sql<{ soort: string; op: Date; uitleg: { nl: string; en: string } | null }>`
      SELECT soort, op, uitleg FROM bevinding_gebeurtenis WHERE bevinding_id = ${id} ORDER BY volgnummer`.execute(db)
    return rows
  },

  async accepteren(trx: Database, id: string, a: { reden: string; eigenaar: string; tot: string; door: string }, nu: Date): Promise<void> {
    await sql`UPDATE bevinding SET revisie = revisie + 1, gewijzigd_op = ${nu}, acceptatie_reden = ${a.reden},
        acceptatie_eigenaar = ${a.eigenaar}, acceptatie_tot = ${a.tot}, geaccepteerd_op = ${nu}, geaccepteerd_door = ${a.door}
      WHERE id = ${id}`.execute(trx)
    await gebeurtenis(trx, id, 'risico-geaccepteerd', nu)
  },

  /** Open and accepted findings by severity, of what these organisations may see. */
  async tellingen(db: Database, peildatum: string, zicht: string[] | 'alles') {
    const zichtbaar = zicht === 'alles' ? sql`TRUE` : bevindingZichtbaar(zicht)
    const { rows } = await sql<{ ernst: Ernst; status: string; n: number }>`
      SELECT b.ernst, ${statusSql(peildatum)} AS status, count(*)::int AS n FROM bevinding b
      WHERE b.gesloten_op IS NULL AND ${zichtbaar} GROUP BY 1, 2`.execute(db)
    return rows
  },

  async existingIds(db: Database, ids: string[], zicht: string[] | 'alles'): Promise<Set<string>> {
    if (ids.length === 0) return new Set()
    const zichtbaar = zicht === 'alles' ? sql`TRUE` : bevindingZichtbaar(zicht)
    const { rows } = await sql<{
      id: string
    }>`SELECT b.id FROM bevinding b WHERE b.id = ANY(${sql.val(ids)}::uuid[]) AND ${zichtbaar}`.execute(db)
    return new Set(rows.map((r) => r.id))
  },
}

async function gebeurtenis(trx: Database, id: string, soort: string, op: Date, f?: DomeinBevinding): Promise<void> {
  await sql`INSERT INTO bevinding_gebeurtenis (bevinding_id, volgnummer, soort, op, uitleg)
    SELECT ${id}, coalesce(max(volgnummer), 0) + 1, ${soort}, ${op}, ${f ? JSON.stringify(f.uitleg) : null}::jsonb
    FROM bevinding_gebeurtenis WHERE bevinding_id = ${id}`.execute(trx)
}
