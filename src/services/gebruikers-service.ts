import type { Database } from '../db/database.js'
import { auditlog } from '../db/repos/auditlog.js'
import { type Gebruiker, gebruikers } from '../db/repos/gebruikers.js'
import { registryRepositories } from '../db/repos/registry.js'
import { sessies } from '../db/repos/sessies.js'
import { type Roltoekenning, rolProblems } from '../domain/access.js'
import { conflict, type InvalidParam, invalidInput, msg, notFound, staleVersion } from '../domain/errors.js'
import type { GebruikerInvoer, GebruikerWijziging } from '../schemas/toegang.js'
import { validateBody } from '../schemas/validator.js'
import { hashPassword } from './auth-service.js'
import type { Actor } from './registry-service.js'

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
    return this.db.transaction().execute(async (trx) => {
      const errors = await this.roleErrors(trx, input.rollen as Roltoekenning[])
      if (await gebruikers.findIdByGebruikersnaam(trx, input.gebruikersnaam)) {
        errors.push({
          name: 'gebruikersnaam',
          code: 'niet-uniek',
          reason: msg('Deze gebruikersnaam is al in gebruik.', 'This user name is already taken.'),
        })
      }
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
  }

  async update(actor: Actor, id: string, changes: GebruikerWijziging, ifMatch: number | undefined, schema: object): Promise<Gebruiker> {
    const shape = validateBody(schema as never, changes)
    if (shape.length > 0) throw invalidInput(shape)
    return this.db.transaction().execute(async (trx) => {
      const current = await gebruikers.findForUpdate(trx, id)
      if (!current) throw notFound('gebruiker', id)
      if (ifMatch !== undefined && ifMatch !== current.revisie) throw staleVersion('gebruiker')
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
      // A new password or a blocked account ends every open session.
      if (changes.wachtwoord || changes.actief === false) await sessies.removeAllFor(trx, id)
      const updated = (await gebruikers.findById(trx, id)) as Gebruiker
      await auditlog.append(
        trx,
        this.entry(actor, changes.wachtwoord ? 'wachtwoord-en-gegevens-wijzigen' : 'wijzigen', id, current, updated),
      )
      return updated
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

  private entry(actor: Actor, actie: string, objectId: string, voor: unknown, na: unknown) {
    return { actor: actor.naam, herkomst: actor.herkomst, actie, objecttype: 'gebruiker', objectId, resultaat: 'geslaagd', voor, na }
  }
}
