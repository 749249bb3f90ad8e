import type { Database } from '../db/database.js'
import { type ApiToken, apiTokens } from '../db/repos/api-tokens.js'
import { auditlog } from '../db/repos/auditlog.js'
import { type Gebruiker, gebruikers } from '../db/repos/gebruikers.js'
import { laatsteWijziging } from '../db/repos/laatste-wijziging.js'
import { registryRepositories } from '../db/repos/registry.js'
import { sessies } from '../db/repos/sessies.js'
import { type Roltoekenning, rolesTakenAway, rolProblems } from '../domain/access.js'
import type { AuditActie } from '../domain/audit-soorten.js'
import { conflict, type InvalidParam, invalidInput, msg, notFound, staleVersion } from '../domain/errors.js'
import type { GebruikerInvoer, GebruikerWijziging } from '../schemas/toegang.js'
import { validateBody } from '../schemas/validator.js'
import { hashPassword } from './auth-service.js'
import type { Actor } from './registry-service.js'

export interface ToegangBeeindigd {
  // Never the word for password: the audit log is checked to hold none.
  reden: 'nieuwe-inloggegevens' | 'gedeactiveerd' | 'rol-ingetrokken'
  /** Sessions ended. */
  sessies: number
  /** Ids of the API tokens revoked. */
  ingetrokkenTokens: string[]
}

// Managing users and their roles. Every change is in the audit log (never a password
// or its hash); the last active admin cannot be removed or locked out.

export class GebruikersService {
  constructor(private readonly db: Database) {}

  list(): Promise<Gebruiker[]> {
    return gebruikers.list(this.db)
  }

  async get(id: string): Promise<Gebruiker> {
    const g = await gebruikers.findById(this.db, id)
    if (!g) throw notFound('gebruiker', id)
    return g
  }

  private async roleErrors(trx: Database, rollen: Roltoekenning[]): Promise<InvalidParam[]> {
    const errors: InvalidParam[] = rolProblems(rollen).map((p) => ({ ...p, reason: msg(p.reason.nl, p.reason.en) }))
    const ids = rollen.flatMap((r) => (r.organisatieId ? [r.organisatieId] : []))
    const existing = await registryRepositories.organisaties.existingIds(trx, [...new Set(ids.map((i) => i.toLowerCase()))])
    rollen.forEach((r, i) => {
      if (r.organisatieId && !existing.has(r.organisatieId.toLowerCase())) {
        errors.push({
          name: `rollen[${i}].organisatieId`,
          code: 'bestaat-niet',
          reason: msg('Deze organisatie bestaat niet.', 'This organisation does not exist.'),
        })
      }
    })
    return errors
  }

  async create(actor: Actor, input: GebruikerInvoer, schema: object): Promise<Gebruiker> {
    const shape = validateBody(schema as never, input)
    if (shape.length > 0) throw invalidInput(shape)
    const taken: InvalidParam = {
      name: 'gebruikersnaam',
      code: 'niet-uniek',
      reason: msg('Deze gebruikersnaam is al in gebruik.', 'This user name is already taken.'),
    }
    // Two requests for the same new name can both pass the check below; the unique
    // index decides, and the loser gets the same 400 as when the name was taken before.
    return this.db
      .transaction()
      .execute(async (trx) => {
        const errors = await this.roleErrors(trx, input.rollen as Roltoekenning[])
        if (await gebruikers.findIdByGebruikersnaam(trx, input.gebruikersnaam)) errors.push(taken)
        if (errors.length > 0) throw invalidInput(errors)
        const created = await gebruikers.insert(trx, {
          gebruikersnaam: input.gebruikersnaam,
          naam: input.naam,
          email: input.email,
          wachtwoordHash: input.wachtwoord ? await hashPassword(input.wachtwoord) : undefined,
          rollen: input.rollen as Roltoekenning[],
        })
        if (input.actief === false) await gebruikers.update(trx, created.id, { actief: false })
        const stored = (await gebruikers.findById(trx, created.id)) as Gebruiker
        await auditlog.append(trx, this.entry(actor, 'aanmaken', stored.id, null, stored))
        return stored
      })
      .catch((e: unknown) => {
        throw (e as { code?: string }).code === '23505' ? invalidInput([taken]) : e
      })
  }

  async update(actor: Actor, id: string, changes: GebruikerWijziging, ifMatch: number | undefined, schema: object): Promise<Gebruiker> {
    return (await this.change(actor, id, changes, ifMatch, schema)).gebruiker
  }

  /**
   * Changes a user (API and CLI alike). A new password, deactivation or a role taken
   * away ends every session of the user and revokes every API token, in the same
   * transaction: what someone could do with the old password or rights stops now, and
   * reactivating the account brings none of it back.
   */
  async change(
    actor: Actor,
    id: string,
    changes: GebruikerWijziging,
    ifMatch: number | undefined,
    schema: object,
  ): Promise<{ gebruiker: Gebruiker; beeindigd?: ToegangBeeindigd }> {
    const shape = validateBody(schema as never, changes)
    if (shape.length > 0) throw invalidInput(shape)
    return this.db.transaction().execute(async (trx) => {
      const current = await gebruikers.findForUpdate(trx, id)
      if (!current) throw notFound('gebruiker', id)
      if (ifMatch !== undefined && ifMatch !== current.revisie)
        throw staleVersion('gebruiker', await laatsteWijziging(trx, 'gebruiker', id, current.revisie))
      if (changes.rollen) {
        const errors = await this.roleErrors(trx, changes.rollen as Roltoekenning[])
        if (errors.length > 0) throw invalidInput(errors)
      }
      const losesAdmin =
        current.rollen.some((r) => r.rol === 'admin') &&
        current.actief &&
        (changes.actief === false || (changes.rollen !== undefined && !(changes.rollen as Roltoekenning[]).some((r) => r.rol === 'admin')))
      if (losesAdmin) await this.keepAnAdmin(trx, id)
      await gebruikers.update(trx, id, {
        naam: changes.naam,
        email: changes.email,
        actief: changes.actief,
        wachtwoordHash: changes.wachtwoord ? await hashPassword(changes.wachtwoord) : undefined,
      })
      if (changes.rollen) await gebruikers.setRollen(trx, id, changes.rollen as Roltoekenning[])
      const updated = (await gebruikers.findById(trx, id)) as Gebruiker
      await auditlog.append(
        trx,
        this.entry(actor, changes.wachtwoord ? 'wachtwoord-en-gegevens-wijzigen' : 'wijzigen', id, current, updated),
      )
      const reden = changes.wachtwoord
        ? 'nieuwe-inloggegevens'
        : changes.actief === false
          ? 'gedeactiveerd'
          : rolesTakenAway(current.rollen, updated.rollen)
            ? 'rol-ingetrokken'
            : undefined
      if (!reden) return { gebruiker: updated }
      return { gebruiker: updated, beeindigd: await this.endAccess(trx, actor, id, reden) }
    })
  }

  /** Ends every session and revokes every API token of a user, with one audit entry. */
  private async endAccess(trx: Database, actor: Actor, id: string, reden: ToegangBeeindigd['reden']): Promise<ToegangBeeindigd> {
    const ended = await sessies.removeAllFor(trx, id)
    const tokens = await apiTokens.revokeAllFor(trx, id)
    const beeindigd: ToegangBeeindigd = { reden, sessies: ended, ingetrokkenTokens: tokens }
    if (ended > 0 || tokens.length > 0) await auditlog.append(trx, this.entry(actor, 'toegang-beeindigen', id, null, beeindigd))
    return beeindigd
  }

  /** The API tokens of a user, without their secrets (admin). */
  async listTokens(gebruikerId: string): Promise<ApiToken[]> {
    await this.get(gebruikerId)
    return apiTokens.listFor(this.db, gebruikerId)
  }

  /** Revokes one API token of a user (admin); 404 when the user or that user's token does not exist. */
  async revokeToken(actor: Actor, gebruikerId: string, tokenId: string): Promise<ApiToken> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await gebruikers.findForUpdate(trx, gebruikerId))) throw notFound('gebruiker', gebruikerId)
      const revoked = await apiTokens.revoke(trx, gebruikerId, tokenId)
      if (!revoked) throw notFound('api-token', tokenId)
      await auditlog.append(trx, this.entry(actor, 'token-intrekken', tokenId, null, { ...revoked, gebruikerId }))
      return revoked
    })
  }

  async remove(actor: Actor, id: string, ifMatch: number | undefined): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const current = await gebruikers.findForUpdate(trx, id)
      if (!current) throw notFound('gebruiker', id)
      if (ifMatch !== undefined && ifMatch !== current.revisie) throw staleVersion('gebruiker')
      if (current.actief && current.rollen.some((r) => r.rol === 'admin')) await this.keepAnAdmin(trx, id)
      await gebruikers.remove(trx, id)
      await auditlog.append(trx, this.entry(actor, 'verwijderen', id, current, null))
    })
  }

  private async keepAnAdmin(trx: Database, leaving: string): Promise<void> {
    const others = (await gebruikers.list(trx)).filter((g) => g.id !== leaving && g.actief && g.rollen.some((r) => r.rol === 'admin'))
    if (others.length === 0) {
      throw conflict(
        msg(
          'Dit is de laatste actieve admin; maak eerst een andere admin aan.',
          'This is the last active admin; create another admin first.',
        ),
      )
    }
  }

  private entry(actor: Actor, actie: AuditActie, objectId: string, voor: unknown, na: unknown) {
    return {
      actor: actor.naam,
      herkomst: actor.herkomst,
      actie,
      objecttype: 'gebruiker' as const,
      objectId,
      resultaat: 'geslaagd',
      voor,
      na,
    }
  }
}
