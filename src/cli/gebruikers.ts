import { randomBytes } from 'node:crypto'
import type { Config } from '../config.js'
import { registryRepositories } from '../db/repos/registry.js'
import type { Roltoekenning } from '../domain/access.js'
import { AppError, msg } from '../domain/errors.js'
import { ROLLEN, type Rol } from '../domain/vocabulary.js'
import { openMigrated } from '../runtime.js'
import { GebruikerInvoer } from '../schemas/toegang.js'
import { GebruikersService } from '../services/gebruikers-service.js'
import { cliActor } from './actor.js'

// `regiekamer gebruiker toevoegen`: the way in for the first admin and for scripts.
// Roles are given as rol@organisatie, the organisatie by CBS code, OIN, id or name.

function invalid(nl: string, en: string): AppError {
  return new AppError('ongeldige-invoer', 400, msg('Ongeldige invoer', 'Invalid input'), msg(nl, en))
}

export async function addUser(
  config: Config,
  gebruikersnaam: string,
  opts: { naam?: string; email?: string; admin?: boolean; rol?: string[] },
): Promise<void> {
  const { handle } = await openMigrated(config)
  try {
    const rollen: Roltoekenning[] = opts.admin ? [{ rol: 'admin' }] : []
    for (const spec of opts.rol ?? []) {
      const [rol, org] = spec.split('@')
      if (!(ROLLEN as readonly string[]).includes(rol) || rol === 'admin' || !org) {
        throw invalid(
          `Rol "${spec}": gebruik rol@organisatie met rol een van ${ROLLEN.filter((r) => r !== 'admin').join(', ')} (admin via --admin).`,
          `Role "${spec}": use role@organisation with role one of ${ROLLEN.filter((r) => r !== 'admin').join(', ')} (admin via --admin).`,
        )
      }
      const all = await registryRepositories.organisaties.all(handle.db)
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
