import { sql } from 'kysely'
import type {
  GraafApplicatie,
  GraafContract,
  GraafGastheerschap,
  GraafKoppeling,
  GraafOrganisatie,
  GraafRijen,
  GraafSamenwerking,
  GraafToegang,
} from '../../domain/impact/index.js'
import type { BivNiveau } from '../../domain/vocabulary.js'
import type { Database } from '../database.js'

// The rows of the dependency graph (domain/impact): everything at once when a process
// builds it, or only the objects named when it follows a change. One query per type,
// with the child rows aggregated, so the national landscape loads in a few round trips.

/** Which objects to load per type; absent: all of them. */
export type Selectie = Partial<Record<keyof GraafRijen, readonly string[]>>

const alle = (s: Selectie | undefined, soort: keyof GraafRijen) => s === undefined || s[soort] !== undefined
const filter = (s: Selectie | undefined, soort: keyof GraafRijen, kolom: string) => {
  const ids = s?.[soort]
  return ids === undefined ? sql`TRUE` : sql`${sql.ref(kolom)} = ANY(${sql.val([...ids])}::uuid[])`
}

const voorziening = (v: string | null, overig: string | null) => (v === 'overig' ? (overig ?? v) : v)

export async function graafRijen(db: Database, s?: Selectie): Promise<GraafRijen> {
  const [organisaties, samenwerkingen, gastheerschappen, applicaties, koppelingen, contracten, toegangen] = await Promise.all([
    alle(s, 'organisaties') ? organisatieRijen(db, s) : [],
    alle(s, 'samenwerkingen') ? samenwerkingRijen(db, s) : [],
    alle(s, 'gastheerschappen') ? gastheerschapRijen(db, s) : [],
    alle(s, 'applicaties') ? applicatieRijen(db, s) : [],
    alle(s, 'koppelingen') ? koppelingRijen(db, s) : [],
    alle(s, 'contracten') ? contractRijen(db, s) : [],
    alle(s, 'toegangen') ? toegangRijen(db, s) : [],
  ])
  return { organisaties, samenwerkingen, gastheerschappen, applicaties, koppelingen, contracten, toegangen }
}

async function organisatieRijen(db: Database, s?: Selectie): Promise<GraafOrganisatie[]> {
  const { rows } = await sql<GraafOrganisatie>`SELECT id, naam, type FROM organisatie o WHERE ${filter(s, 'organisaties', 'o.id')}`.execute(
    db,
  )
  return rows
}

async function samenwerkingRijen(db: Database, s?: Selectie): Promise<GraafSamenwerking[]> {
  const { rows } = await sql<GraafSamenwerking>`
    SELECT s.id, s.naam, s.startdatum::text AS startdatum, s.einddatum::text AS einddatum,
      coalesce((SELECT json_agg(json_build_object('organisatieId', l.organisatie_id, 'startdatum', l.startdatum,
                  'einddatum', l.einddatum, 'bevestigd', l.bevestigd_op IS NOT NULL) ORDER BY l.positie)
                FROM samenwerking_lid l WHERE l.samenwerking_id = s.id), '[]') AS leden
    FROM samenwerking s WHERE ${filter(s, 'samenwerkingen', 's.id')}`.execute(db)
  return rows
}

async function gastheerschapRijen(db: Database, s?: Selectie): Promise<GraafGastheerschap[]> {
  const { rows } = await sql<GraafGastheerschap>`
    SELECT g.id, g.taak, g.gastheer_id AS "gastheerId", g.samenwerking_id AS "samenwerkingId",
      g.startdatum::text AS startdatum, g.einddatum::text AS einddatum,
      coalesce((SELECT array_agg(a.organisatie_id ORDER BY a.positie) FROM gastheerschap_afnemer a
                WHERE a.gastheerschap_id = g.id AND a.bevestigd_op IS NOT NULL), '{}') AS "afnemerIds"
    FROM gastheerschap g WHERE ${filter(s, 'gastheerschappen', 'g.id')}`.execute(db)
  return rows
}

async function applicatieRijen(db: Database, s?: Selectie): Promise<GraafApplicatie[]> {
  // All at once: one grouped pass over the users. A few: a lookup per applicatie, so
  // following one change never aggregates the whole table.
  const gebruikers =
    s?.applicaties === undefined
      ? sql`coalesce(u.ids, '{}')`
      : sql`coalesce((SELECT array_agg(x.organisatie_id ORDER BY x.positie) FROM applicatie_gebruiker x WHERE x.applicatie_id = a.id), '{}')`
  const join =
    s?.applicaties === undefined
      ? sql`LEFT JOIN (SELECT applicatie_id, array_agg(organisatie_id ORDER BY positie) AS ids FROM applicatie_gebruiker GROUP BY applicatie_id) u
          ON u.applicatie_id = a.id`
      : sql``
  const { rows } = await sql<GraafApplicatie>`
    SELECT a.id, a.naam, a.leverancier_id AS "leverancierId", a.hosting, a.status, ${gebruikers} AS "gebruikerIds"
    FROM applicatie a ${join}
    WHERE ${filter(s, 'applicaties', 'a.id')}`.execute(db)
  return rows
}

interface KoppelingRij extends Omit<GraafKoppeling, 'vertrouwelijkheid'> {
  vertrouwelijkheid: string
  bronOverig: string | null
  doelOverig: string | null
}

async function koppelingRijen(db: Database, s?: Selectie): Promise<GraafKoppeling[]> {
  const { rows } = await sql<KoppelingRij>`
    SELECT id, naam, bron_applicatie_id AS "bronApplicatieId", bron_voorziening AS "bronVoorziening",
      bron_voorziening_overig AS "bronOverig", doel_applicatie_id AS "doelApplicatieId", doel_voorziening AS "doelVoorziening",
      doel_voorziening_overig AS "doelOverig", via_applicatie_id AS "viaApplicatieId", eigenaar_id AS "eigenaarId",
      gastheerschap_id AS "gastheerschapId", samenwerking_id AS "samenwerkingId", vertrouwelijkheid, persoonsgegevens,
      standaard, standaard_versie AS "standaardVersie", status
    FROM koppeling k WHERE ${filter(s, 'koppelingen', 'k.id')}`.execute(db)
  return rows.map(({ bronOverig, doelOverig, ...k }) => ({
    ...k,
    vertrouwelijkheid: k.vertrouwelijkheid as BivNiveau,
    bronVoorziening: voorziening(k.bronVoorziening, bronOverig),
    doelVoorziening: voorziening(k.doelVoorziening, doelOverig),
  }))
}

async function contractRijen(db: Database, s?: Selectie): Promise<GraafContract[]> {
  const { rows } = await sql<GraafContract>`
    SELECT c.id, c.leverancier_id AS "leverancierId", c.afnemer_id AS "afnemerId", c.omschrijving, c.exitstrategie,
      coalesce((SELECT array_agg(applicatie_id ORDER BY positie) FROM contract_applicatie x WHERE x.contract_id = c.id), '{}') AS "applicatieIds",
      coalesce((SELECT array_agg(koppeling_id ORDER BY positie) FROM contract_koppeling x WHERE x.contract_id = c.id), '{}') AS "koppelingIds"
    FROM contract c WHERE ${filter(s, 'contracten', 'c.id')}`.execute(db)
  return rows
}

interface ToegangRij {
  id: string
  partijId: string
  verleendDoorId: string
  doel: string
  geldigTot: string | null
  soort: 'applicatie' | 'koppeling' | 'netwerkzone'
  applicatieId: string | null
  koppelingId: string | null
  netwerkzone: string | null
}

/** Grants in force: not revoked. */
async function toegangRijen(db: Database, s?: Selectie): Promise<GraafToegang[]> {
  const { rows } = await sql<ToegangRij>`
    SELECT id, partij_id AS "partijId", verleend_door_id AS "verleendDoorId", doel, geldig_tot::text AS "geldigTot", object_soort AS soort,
      applicatie_id AS "applicatieId", koppeling_id AS "koppelingId", netwerkzone_naam AS netwerkzone
    FROM toegang t WHERE ingetrokken_op IS NULL AND ${filter(s, 'toegangen', 't.id')}`.execute(db)
  return rows.map((r) => ({
    id: r.id,
    partijId: r.partijId,
    verleendDoorId: r.verleendDoorId,
    doel: r.doel,
    geldigTot: r.geldigTot,
    object:
      r.soort === 'netwerkzone'
        ? { soort: 'netwerkzone', naam: r.netwerkzone ?? '' }
        : { soort: r.soort, id: (r.soort === 'applicatie' ? r.applicatieId : r.koppelingId) ?? '' },
  }))
}

/** The newest audit volgnummer: where a graph built now starts following changes. */
export async function laatsteVolgnummer(db: Database): Promise<number> {
  const { rows } = await sql<{ n: number | null }>`SELECT max(volgnummer)::int8 AS n FROM auditlog`.execute(db)
  return rows[0]?.n ?? 0
}

/** Audit object types the graph is built from. */
export const GRAAF_OBJECTTYPEN = ['organisatie', 'samenwerking', 'gastheerschap', 'applicatie', 'koppeling', 'contract', 'toegang'] as const

/**
 * The graph's objects written since `na` (the audit entries of other types are skipped),
 * at most `max`, and the newest volgnummer looked at. Only ids shaped as a UUID: the
 * selection casts them.
 */
export async function wijzigingenSinds(
  db: Database,
  na: number,
  max: number,
): Promise<{ tot: number; objecten: { objecttype: string; objectId: string }[] }> {
  // One statement, one snapshot: the newest volgnummer and the entries up to it agree.
  const { rows } = await sql<{ hoogste: number | null; rijen: { volgnummer: number; objecttype: string; objectId: string }[] }>`
    SELECT (SELECT max(volgnummer) FROM auditlog)::int8 AS hoogste,
      coalesce((SELECT json_agg(x ORDER BY x.volgnummer) FROM (
        SELECT volgnummer, objecttype, object_id AS "objectId" FROM auditlog
         WHERE volgnummer > ${na} AND objecttype = ANY(${sql.val([...GRAAF_OBJECTTYPEN])}::text[])
           AND object_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
         ORDER BY volgnummer LIMIT ${max}) x), '[]') AS rijen`.execute(db)
  const { hoogste, rijen } = rows[0] ?? { hoogste: null, rijen: [] }
  // All the graph's entries fit: everything up to the newest entry is followed; else up to the last one read.
  const tot = rijen.length < max ? Math.max(na, hoogste ?? 0) : (rijen[rijen.length - 1] as { volgnummer: number }).volgnummer
  return { tot, objecten: rijen }
}
