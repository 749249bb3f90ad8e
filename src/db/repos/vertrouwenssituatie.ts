import { sql } from 'kysely'
import type {
  BewijsSoort,
  Bewijsstuk,
  Contract,
  Toegang,
  ToegangObject,
  Vertrouwensbeleid,
  Vertrouwenssituatie,
} from '../../domain/vertrouwen/typen.js'
import type { BivNiveau, OrganisatieType } from '../../domain/vocabulary.js'
import type { Database } from '../database.js'

// Loads everything the trust evaluation reads (src/domain/vertrouwen) in a handful of
// queries: the registry (organisaties, confirmed leden, applicaties, koppelingen,
// gastheerschappen), the trust resources (bewijsstukken, contracten, toegangen) and the
// stored policies. A revoked grant gives no access any more, so it is left out, like one
// that ended.

type Rij = Record<string, unknown>
const tekst = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v))
const rijen = async (db: Database, q: ReturnType<typeof sql>) => (await q.execute(db)).rows as Rij[]

function zonderLeeg<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}

export async function laadRegistry(
  db: Database,
): Promise<Omit<Vertrouwenssituatie, 'bewijsstukken' | 'contracten' | 'toegangen' | 'beleid' | 'peildatum'>> {
  const [organisaties, leden, samenwerkingen, applicaties, gebruikers, koppelingen, gastheerschappen] = await Promise.all([
    rijen(db, sql`SELECT id, naam, type FROM organisatie`),
    rijen(
      db,
      sql`SELECT samenwerking_id, organisatie_id, startdatum, einddatum FROM samenwerking_lid WHERE bevestigd_op IS NOT NULL ORDER BY samenwerking_id, positie`,
    ),
    rijen(db, sql`SELECT id, naam FROM samenwerking`),
    rijen(db, sql`SELECT id, naam FROM applicatie`),
    rijen(db, sql`SELECT applicatie_id, organisatie_id FROM applicatie_gebruiker ORDER BY applicatie_id, positie`),
    rijen(
      db,
      sql`SELECT id, naam, status, vertrouwelijkheid, persoonsgegevens, eigenaar_id, gastheerschap_id,
        bron_applicatie_id, doel_applicatie_id, via_applicatie_id FROM koppeling`,
    ),
    rijen(db, sql`SELECT id, taak, gastheer_id FROM gastheerschap`),
  ])
  const ledenPer = groepeer(leden, 'samenwerking_id')
  const gebruikPer = groepeer(gebruikers, 'applicatie_id')
  return {
    organisaties: organisaties.map((o) => ({ id: String(o.id), naam: String(o.naam), type: o.type as OrganisatieType })),
    samenwerkingen: samenwerkingen.map((s) => ({
      id: String(s.id),
      naam: String(s.naam),
      leden: (ledenPer.get(String(s.id)) ?? []).map((l) =>
        zonderLeeg({ organisatieId: String(l.organisatie_id), startdatum: tekst(l.startdatum), einddatum: tekst(l.einddatum) }),
      ),
    })),
    applicaties: applicaties.map((a) => ({
      id: String(a.id),
      naam: String(a.naam),
      inGebruikBij: (gebruikPer.get(String(a.id)) ?? []).map((g) => String(g.organisatie_id)),
    })),
    koppelingen: koppelingen.map((k) =>
      zonderLeeg({
        id: String(k.id),
        naam: String(k.naam),
        status: k.status as Vertrouwenssituatie['koppelingen'][number]['status'],
        vertrouwelijkheid: k.vertrouwelijkheid as BivNiveau,
        persoonsgegevens: Boolean(k.persoonsgegevens),
        eigenaarId: tekst(k.eigenaar_id),
        gastheerschapId: tekst(k.gastheerschap_id),
        bronApplicatieId: tekst(k.bron_applicatie_id),
        doelApplicatieId: tekst(k.doel_applicatie_id),
        viaApplicatieId: tekst(k.via_applicatie_id),
      }),
    ),
    gastheerschappen: gastheerschappen.map((g) => ({ id: String(g.id), taak: String(g.taak), gastheerId: String(g.gastheer_id) })),
  }
}

function groepeer(rows: Rij[], kolom: string): Map<string, Rij[]> {
  const per = new Map<string, Rij[]>()
  for (const r of rows) {
    const k = String(r[kolom])
    per.set(k, [...(per.get(k) ?? []), r])
  }
  return per
}

export async function laadBewijsstukken(db: Database, partijId?: string): Promise<Bewijsstuk[]> {
  const waar = partijId ? sql`WHERE organisatie_id = ${partijId}` : sql``
  const rows = await rijen(
    db,
    sql`SELECT id, organisatie_id, soort, uitgever, geldig_vanaf, geldig_tot, scope, getekend_met_id FROM bewijsstuk ${waar}`,
  )
  return rows.map((b) =>
    zonderLeeg({
      id: String(b.id),
      organisatieId: String(b.organisatie_id),
      soort: b.soort as BewijsSoort,
      uitgever: String(b.uitgever),
      geldigVanaf: String(b.geldig_vanaf),
      geldigTot: tekst(b.geldig_tot),
      scope: tekst(b.scope),
      getekendMetId: tekst(b.getekend_met_id),
    }),
  )
}

export async function laadContracten(db: Database): Promise<Contract[]> {
  const [rows, apps, kops] = await Promise.all([
    rijen(
      db,
      sql`SELECT id, leverancier_id, afnemer_id, omschrijving, startdatum, einddatum, opzegtermijn_maanden, auditrecht, exitstrategie FROM contract`,
    ),
    rijen(db, sql`SELECT contract_id, applicatie_id FROM contract_applicatie ORDER BY contract_id, positie`),
    rijen(db, sql`SELECT contract_id, koppeling_id FROM contract_koppeling ORDER BY contract_id, positie`),
  ])
  const appsPer = groepeer(apps, 'contract_id')
  const kopsPer = groepeer(kops, 'contract_id')
  return rows.map((c) =>
    zonderLeeg({
      id: String(c.id),
      leverancierId: String(c.leverancier_id),
      afnemerId: String(c.afnemer_id),
      omschrijving: String(c.omschrijving),
      startdatum: String(c.startdatum),
      einddatum: tekst(c.einddatum),
      opzegtermijnMaanden: Number(c.opzegtermijn_maanden),
      auditrecht: Boolean(c.auditrecht),
      exitstrategie: Boolean(c.exitstrategie),
      applicatieIds: (appsPer.get(String(c.id)) ?? []).map((r) => String(r.applicatie_id)),
      koppelingIds: (kopsPer.get(String(c.id)) ?? []).map((r) => String(r.koppeling_id)),
    }),
  )
}

function toegangObject(t: Rij): ToegangObject {
  if (t.object_soort === 'applicatie') return { soort: 'applicatie', id: String(t.applicatie_id) }
  if (t.object_soort === 'koppeling') return { soort: 'koppeling', id: String(t.koppeling_id) }
  return { soort: 'netwerkzone', naam: String(t.netwerkzone_naam), eigenaarId: String(t.netwerkzone_eigenaar_id) }
}

export async function laadToegangen(db: Database): Promise<Toegang[]> {
  const rows = await rijen(
    db,
    sql`SELECT id, partij_id, object_soort, applicatie_id, koppeling_id, netwerkzone_naam, netwerkzone_eigenaar_id, doel,
      verleend_door_id, geldig_vanaf, geldig_tot, laatste_beoordeling, beoordelaar FROM toegang WHERE ingetrokken_op IS NULL`,
  )
  return rows.map((t) =>
    zonderLeeg({
      id: String(t.id),
      partijId: String(t.partij_id),
      object: toegangObject(t),
      doel: String(t.doel),
      verleendDoorId: String(t.verleend_door_id),
      geldigVanaf: String(t.geldig_vanaf),
      geldigTot: tekst(t.geldig_tot),
      laatsteBeoordeling: tekst(t.laatste_beoordeling),
      beoordelaar: tekst(t.beoordelaar),
    }),
  )
}

/** The current version of every stored policy (the shipped default is added by the caller). */
export async function laadBeleid(db: Database): Promise<Vertrouwensbeleid[]> {
  const [rows, sw] = await Promise.all([
    rijen(db, sql`SELECT id, eigenaar_id, naam, revisie, regels FROM vertrouwensbeleid`),
    rijen(db, sql`SELECT vertrouwensbeleid_id, samenwerking_id FROM vertrouwensbeleid_samenwerking ORDER BY vertrouwensbeleid_id, positie`),
  ])
  const swPer = groepeer(sw, 'vertrouwensbeleid_id')
  return rows.map((b) => ({
    id: String(b.id),
    eigenaarId: String(b.eigenaar_id),
    naam: String(b.naam),
    versie: Number(b.revisie),
    samenwerkingIds: (swPer.get(String(b.id)) ?? []).map((r) => String(r.samenwerking_id)),
    regels: b.regels as Vertrouwensbeleid['regels'],
  }))
}

/** The whole situatie on `peildatum`, with `beleid` (stored + default) as given. */
export async function laadSituatie(db: Database, peildatum: string, beleid: Vertrouwensbeleid[]): Promise<Vertrouwenssituatie> {
  const [registry, bewijsstukken, contracten, toegangen] = await Promise.all([
    laadRegistry(db),
    laadBewijsstukken(db),
    laadContracten(db),
    laadToegangen(db),
  ])
  return { ...registry, bewijsstukken, contracten, toegangen, beleid, peildatum }
}
