import { randomBytes } from 'node:crypto'
import type { Config } from '../config.js'
import type { Database } from '../db/database.js'
import { gebruikers } from '../db/repos/gebruikers.js'
import { registryRepositories } from '../db/repos/registry.js'
import type { Roltoekenning } from '../domain/access.js'
import { AppError, msg } from '../domain/errors.js'
import { ROLLEN, type Rol } from '../domain/vocabulary.js'
import { openMigrated } from '../runtime.js'
import { GebruikerInvoer, GebruikerWijziging } from '../schemas/toegang.js'
import { GebruikersService } from '../services/gebruikers-service.js'
import { cliActor } from './actor.js'

// `regiekamer gebruiker toevoegen`: the way in for the first admin and for scripts.
// Roles are given as rol@organisatie, the organisatie by CBS code, OIN, id or name.

function invalid(nl: string, en: string): AppError {
  return new AppError('ongeldige-invoer', 400, msg('Ongeldige invoer', 'Invalid input'), msg(nl, en))
}

async function rolesFrom(db: Database, specs: string[]): Promise<Roltoekenning[]> {
  const rollen: Roltoekenning[] = []
  const all = specs.length > 0 ? await registryRepositories.organisaties.all(db) : []
  for (const spec of specs) {
    const [rol, org] = spec.split('@')
    if (!(ROLLEN as readonly string[]).includes(rol) || rol === 'admin' || !org) {
      throw invalid(
        `Rol "${spec}": gebruik rol@organisatie met rol een van ${ROLLEN.filter((r) => r !== 'admin').join(', ')} (admin via --admin).`,
        `Role "${spec}": use role@organisation with role one of ${ROLLEN.filter((r) => r !== 'admin').join(', ')} (admin via --admin).`,
      )
    }
    const key = org.trim().toLowerCase()
    const matches = all.filter((o) => [o.id, o.cbsCode, o.oin, o.naam].some((v) => typeof v === 'string' && v.toLowerCase() === key))
    if (matches.length !== 1) {
      throw invalid(
        `Organisatie "${org}" ${matches.length === 0 ? 'bestaat niet' : 'is niet eenduidig'}; gebruik CBS-code, OIN of id.`,
        `Organisation "${org}" ${matches.length === 0 ? 'does not exist' : 'is ambiguous'}; use CBS code, OIN or id.`,
      )
    }
    rollen.push({ rol: rol as Rol, organisatieId: matches[0].id })
  }
  return rollen
}

export async function addUser(
  config: Config,
  gebruikersnaam: string,
  opts: { naam?: string; email?: string; admin?: boolean; rol?: string[] },
): Promise<void> {
  const { handle } = await openMigrated(config)
  try {
    const rollen: Roltoekenning[] = [...(opts.admin ? [{ rol: 'admin' as const }] : []), ...(await rolesFrom(handle.db, opts.rol ?? []))]
    const given = process.env.REGIEKAMER_WACHTWOORD
    const wachtwoord = given ?? randomBytes(12).toString('base64url')
    const created = await new GebruikersService(handle.db).create(
      cliActor(),
      { gebruikersnaam, naam: opts.naam ?? gebruikersnaam, ...(opts.email ? { email: opts.email } : {}), wachtwoord, rollen },
      GebruikerInvoer,
    )
    console.log(`Gebruiker ${created.gebruikersnaam} aangemaakt met ${rollen.length} rol(len).`)
    if (!given) console.log(`Tijdelijk wachtwoord (wordt niet opnieuw getoond): ${wachtwoord}`)
  } finally {
    await handle.close()
  }
}

export async function listUsers(config: Config): Promise<void> {
  const { handle } = await openMigrated(config)
  try {
    const names = new Map((await registryRepositories.organisaties.names(handle.db)).map((o) => [o.id, o.naam]))
    for (const g of await new GebruikersService(handle.db).list()) {
      const rollen = g.rollen.map((r) => (r.organisatieId ? `${r.rol}@${names.get(r.organisatieId) ?? r.organisatieId}` : r.rol)).join(', ')
      console.log(`${g.gebruikersnaam}\t${g.naam}\t${g.actief ? 'actief' : 'inactief'}\t${rollen || '(geen rollen)'}`)
    }
  } finally {
    await handle.close()
  }
}

/** Changes roles, status or password; roles given replace all current roles. */
export async function changeUser(
  config: Config,
  gebruikersnaam: string,
  opts: { admin?: boolean; rol?: string[]; actief?: boolean; nieuwWachtwoord?: boolean },
): Promise<void> {
  const { handle } = await openMigrated(config)
  try {
    const id = await gebruikers.findIdByGebruikersnaam(handle.db, gebruikersnaam)
    if (!id) throw invalid(`Gebruiker "${gebruikersnaam}" bestaat niet.`, `User "${gebruikersnaam}" does not exist.`)
    const changes: GebruikerWijziging = {}
    if (opts.admin || opts.rol)
      changes.rollen = [...(opts.admin ? [{ rol: 'admin' as const }] : []), ...(await rolesFrom(handle.db, opts.rol ?? []))]
    if (opts.actief !== undefined) changes.actief = opts.actief
    let wachtwoord: string | undefined
    if (opts.nieuwWachtwoord) {
      wachtwoord = process.env.REGIEKAMER_WACHTWOORD ?? randomBytes(12).toString('base64url')
      changes.wachtwoord = wachtwoord
    }
    const { gebruiker: updated, beeindigd } = await new GebruikersService(handle.db).change(
      cliActor(),
      id,
      changes,
      undefined,
      GebruikerWijziging,
    )
    console.log(
      `Gebruiker ${updated.gebruikersnaam} bijgewerkt: ${updated.actief ? 'actief' : 'inactief'}, ${updated.rollen.length} rol(len).`,
    )
    // The same rule as in the API: a new password, deactivation or a role taken away ends all access.
    if (beeindigd) {
      console.log(`${beeindigd.sessies} sessie(s) beëindigd, ${beeindigd.ingetrokkenTokens.length} API-token(s) ingetrokken.`)
    }
    if (wachtwoord && !process.env.REGIEKAMER_WACHTWOORD) console.log(`Tijdelijk wachtwoord (wordt niet opnieuw getoond): ${wachtwoord}`)
  } finally {
    await handle.close()
  }
}
