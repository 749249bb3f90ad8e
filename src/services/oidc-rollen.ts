import { ROLLEN, type Rol } from '../domain/vocabulary.js'

// Which roles an OpenID Connect login asks for, read from the ID token's claims. One
// notation everywhere: "rol@organisatie", where organisatie is a CBS code (GM0402), an
// OIN (20 digits) or the organisation's id in Regiekamer; "admin" has no organisation.
// The strings come from the claim OIDC_ROLLEN_CLAIM and, through OIDC_ROLMAPPING, from
// the groups in the "groups" claim. Turning an organisation reference into an id needs
// the database and happens in oidc-service.ts.

export interface GevraagdeRol {
  rol: Rol
  /** CBS code, OIN or id as written; absent for admin. */
  organisatie?: string
}

export interface RolInstellingen {
  rollenClaim: string
  rolmapping: Record<string, string[]>
}

/** A claim as a list of strings: providers send one value as a plain string. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
  return []
}

/** Parses one "rol@organisatie" string, or says why it is not a role. */
export function leesRol(tekst: string): GevraagdeRol | { fout: string } {
  const at = tekst.indexOf('@')
  const rol = (at < 0 ? tekst : tekst.slice(0, at)).trim().toLowerCase()
  const organisatie = at < 0 ? '' : tekst.slice(at + 1).trim()
  if (!(ROLLEN as readonly string[]).includes(rol)) return { fout: `onbekende rol "${rol}"` }
  if (rol === 'admin') return organisatie ? { fout: 'admin geldt voor de hele installatie, zonder organisatie' } : { rol: 'admin' }
  if (!organisatie) return { fout: `de rol ${rol} heeft een organisatie nodig (${rol}@GM0402)` }
  return { rol: rol as Rol, organisatie }
}

/** The roles the claims ask for, and the strings that are not roles (to log). */
export function gevraagdeRollen(
  claims: Record<string, unknown>,
  instellingen: RolInstellingen,
): { rollen: GevraagdeRol[]; ongeldig: { tekst: string; fout: string }[] } {
  const teksten = [
    ...strings(claims[instellingen.rollenClaim]),
    ...strings(claims.groups).flatMap((groep) => instellingen.rolmapping[groep] ?? []),
  ]
  const rollen: GevraagdeRol[] = []
  const ongeldig: { tekst: string; fout: string }[] = []
  for (const tekst of teksten) {
    const r = leesRol(tekst)
    if ('fout' in r) ongeldig.push({ tekst, fout: r.fout })
    else rollen.push(r)
  }
  return { rollen, ongeldig }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const OIN = /^\d{20}$/

/** What an organisation reference names: an id, an OIN or (otherwise) a CBS code. */
export function soortVerwijzing(organisatie: string): 'id' | 'oin' | 'cbsCode' {
  if (UUID.test(organisatie)) return 'id'
  if (OIN.test(organisatie)) return 'oin'
  return 'cbsCode'
}
