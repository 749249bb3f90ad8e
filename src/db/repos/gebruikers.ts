import { sql } from 'kysely'
import type { Roltoekenning } from '../../domain/access.js'
import type { Rol } from '../../domain/vocabulary.js'
import type { Database } from '../database.js'

// Users and their roles per organisation. The password hash never leaves this module
// except to the login check.

export interface Gebruiker {
  id: string
  gebruikersnaam: string
  naam: string
  email?: string
  actief: boolean
  rollen: Roltoekenning[]
  laatstIngelogdOp?: string
  revisie: number
  aangemaaktOp: string
  gewijzigdOp: string
}

export interface LoginGegevens {
  id: string
  wachtwoordHash: string | null
  actief: boolean
  misluktePogingen: number
  geblokkeerdTot: Date | null
}

export interface NieuweGebruiker {
  gebruikersnaam: string
  naam: string
  email?: string
  wachtwoordHash?: string
  oidcIssuer?: string
  oidcSubject?: string
  rollen: Roltoekenning[]
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : undefined)

async function rollenVan(db: Database, ids: string[]): Promise<Map<string, Roltoekenning[]>> {
  const byUser = new Map<string, Roltoekenning[]>()
  if (ids.length === 0) return byUser
  const rows = await db
    .selectFrom('gebruiker_rol')
    .selectAll()
    .where('gebruiker_id', 'in', ids)
    .orderBy('rol')
    .orderBy('organisatie_id')
    .execute()
  for (const r of rows) {
    const rol: Roltoekenning = r.organisatie_id ? { organisatieId: r.organisatie_id, rol: r.rol as Rol } : { rol: r.rol as Rol }
    byUser.set(r.gebruiker_id, [...(byUser.get(r.gebruiker_id) ?? []), rol])
  }
  return byUser
}

function toGebruiker(r: Record<string, unknown>, rollen: Roltoekenning[]): Gebruiker {
  return {
    id: r.id as string,
    gebruikersnaam: r.gebruikersnaam as string,
    naam: r.naam as string,
    ...(r.email ? { email: r.email as string } : {}),
    actief: r.actief as boolean,
    rollen,
    ...(r.laatst_ingelogd_op ? { laatstIngelogdOp: iso(r.laatst_ingelogd_op as Date) } : {}),
    revisie: r.revisie as number,
    aangemaaktOp: iso(r.aangemaakt_op as Date) as string,
    gewijzigdOp: iso(r.gewijzigd_op as Date) as string,
  }
}

export const gebruikers = {
  async count(db: Database): Promise<number> {
    const { n } = await db.selectFrom('gebruiker').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
    return n
  },

  async findById(db: Database, id: string): Promise<Gebruiker | undefined> {
    const row = await db.selectFrom('gebruiker').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) return undefined
    return toGebruiker(row, (await rollenVan(db, [id])).get(id) ?? [])
  },

  async findForUpdate(db: Database, id: string): Promise<Gebruiker | undefined> {
    const row = await db.selectFrom('gebruiker').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    if (!row) return undefined
    return toGebruiker(row, (await rollenVan(db, [id])).get(id) ?? [])
  },

  async findByOidc(db: Database, issuer: string, subject: string): Promise<Gebruiker | undefined> {
    const row = await db
      .selectFrom('gebruiker')
      .select('id')
      .where('oidc_issuer', '=', issuer)
      .where('oidc_subject', '=', subject)
      .executeTakeFirst()
    return row ? this.findById(db, row.id) : undefined
  },

  async findIdByGebruikersnaam(db: Database, gebruikersnaam: string): Promise<string | undefined> {
    const row = await db.selectFrom('gebruiker').select('id').where('gebruikersnaam', '=', gebruikersnaam.toLowerCase()).executeTakeFirst()
    return row?.id
  },

  async loginGegevens(db: Database, gebruikersnaam: string): Promise<LoginGegevens | undefined> {
    const row = await db
      .selectFrom('gebruiker')
      .select(['id', 'wachtwoord_hash', 'actief', 'mislukte_pogingen', 'geblokkeerd_tot'])
      .where('gebruikersnaam', '=', gebruikersnaam.toLowerCase())
      .executeTakeFirst()
    if (!row) return undefined
    return {
      id: row.id,
      wachtwoordHash: row.wachtwoord_hash,
      actief: row.actief,
      misluktePogingen: row.mislukte_pogingen,
      geblokkeerdTot: row.geblokkeerd_tot ? new Date(row.geblokkeerd_tot) : null,
    }
  },

  async list(db: Database): Promise<Gebruiker[]> {
    const rows = await db.selectFrom('gebruiker').selectAll().orderBy('gebruikersnaam').execute()
    const rollen = await rollenVan(
      db,
      rows.map((r) => r.id),
    )
    return rows.map((r) => toGebruiker(r, rollen.get(r.id) ?? []))
  },

  async insert(trx: Database, g: NieuweGebruiker): Promise<Gebruiker> {
    const { id } = await trx
      .insertInto('gebruiker')
      .values({
        gebruikersnaam: g.gebruikersnaam.toLowerCase(),
        naam: g.naam,
        email: g.email ?? null,
        wachtwoord_hash: g.wachtwoordHash ?? null,
        oidc_issuer: g.oidcIssuer ?? null,
        oidc_subject: g.oidcSubject ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await this.setRollen(trx, id, g.rollen)
    return (await this.findById(trx, id)) as Gebruiker
  },

  async update(trx: Database, id: string, changes: { naam?: string; email?: string | null; actief?: boolean; wachtwoordHash?: string }) {
    await trx
      .updateTable('gebruiker')
      .set({
        ...(changes.naam !== undefined ? { naam: changes.naam } : {}),
        ...(changes.email !== undefined ? { email: changes.email } : {}),
        ...(changes.actief !== undefined ? { actief: changes.actief } : {}),
        ...(changes.wachtwoordHash !== undefined
          ? { wachtwoord_hash: changes.wachtwoordHash, mislukte_pogingen: 0, geblokkeerd_tot: null }
          : {}),
        revisie: sql`revisie + 1`,
        gewijzigd_op: sql`now()`,
      })
      .where('id', '=', id)
      .execute()
  },

  async setRollen(trx: Database, id: string, rollen: Roltoekenning[]): Promise<void> {
    await trx.deleteFrom('gebruiker_rol').where('gebruiker_id', '=', id).execute()
    if (rollen.length === 0) return
    await trx
      .insertInto('gebruiker_rol')
      .values(rollen.map((r) => ({ gebruiker_id: id, organisatie_id: r.organisatieId ?? null, rol: r.rol })))
      .execute()
  },

  async remove(trx: Database, id: string): Promise<void> {
    await trx.deleteFrom('gebruiker').where('id', '=', id).execute()
  },

  async recordFailedLogin(db: Database, id: string, geblokkeerdTot: Date | null): Promise<void> {
    await db
      .updateTable('gebruiker')
      .set({ mislukte_pogingen: sql`mislukte_pogingen + 1`, geblokkeerd_tot: geblokkeerdTot })
      .where('id', '=', id)
      .execute()
  },

  async recordLogin(db: Database, id: string): Promise<void> {
    await db
      .updateTable('gebruiker')
      .set({ mislukte_pogingen: 0, geblokkeerd_tot: null, laatst_ingelogd_op: sql`now()` })
      .where('id', '=', id)
      .execute()
  },
}
