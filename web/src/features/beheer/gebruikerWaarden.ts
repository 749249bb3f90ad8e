import type * as schema from '../../../../src/schemas/toegang'
import type { Roltoekenning } from '../../api/types'
import { type RolRij, rijenUit, rollenUit } from './rollen'
import type { GebruikerDetail } from './types'

// What the user form holds, and the request bodies made from it. Empty optional
// fields are left out: the API rejects an empty email or a short password.

/** The request bodies, with the roles typed (a schema reference there). */
export type GebruikerInvoer = Omit<schema.GebruikerInvoer, 'rollen'> & { rollen: Roltoekenning[] }
export type GebruikerWijziging = Omit<schema.GebruikerWijziging, 'rollen'> & { rollen?: Roltoekenning[] }

export interface GebruikerWaarden {
  gebruikersnaam: string
  naam: string
  email: string
  actief: boolean
  wachtwoord: string
  rollen: RolRij[]
}

export const LEGE_GEBRUIKER: GebruikerWaarden = { gebruikersnaam: '', naam: '', email: '', actief: true, wachtwoord: '', rollen: [] }

export function waardenUit(g: GebruikerDetail): GebruikerWaarden {
  return {
    gebruikersnaam: g.gebruikersnaam,
    naam: g.naam,
    email: g.email ?? '',
    actief: g.actief,
    wachtwoord: '',
    rollen: rijenUit(g.rollen),
  }
}

export function invoerUit(w: GebruikerWaarden): GebruikerInvoer {
  return {
    gebruikersnaam: w.gebruikersnaam.trim(),
    naam: w.naam,
    ...(w.email.trim() ? { email: w.email.trim() } : {}),
    ...(w.wachtwoord ? { wachtwoord: w.wachtwoord } : {}),
    actief: w.actief,
    rollen: rollenUit(w.rollen),
  }
}

export function wijzigingUit(w: GebruikerWaarden): GebruikerWijziging {
  const { gebruikersnaam: _vast, ...rest } = invoerUit(w)
  return rest
}
