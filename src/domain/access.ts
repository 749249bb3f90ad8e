import { POLICIES, type Verantwoordelijken } from './policies/index.js'
import type { Objecttype } from './registry-rules.js'
import type { Rol, TokenScope } from './vocabulary.js'

// Who may do what, as pure rules. Visibility of registry data is by organisation: a
// caller sees what concerns the organisations it holds a role at, and what their
// samenwerkingen share with them (the repositories turn a Leesbereik into SQL).

/** A role at an organisation; `admin` is held without one. */
export interface Roltoekenning {
  organisatieId?: string
  rol: Rol
}

export interface Caller {
  gebruikerId: string
  gebruikersnaam: string
  rollen: Roltoekenning[]
  /** Sessions may do all their roles allow; tokens only their scopes. */
  scopes: readonly TokenScope[] | 'alle'
  via: 'sessie' | 'token'
}

/** The organisations whose view a caller has, or everything (admin). */
export type Leesbereik = { alles: true } | { alles: false; organisatieIds: string[] }

export type { Verantwoordelijken } from './policies/index.js'

const unique = (ids: string[]) => [...new Set(ids)].sort()

export function isAdmin(caller: Caller): boolean {
  return caller.rollen.some((r) => r.rol === 'admin')
}

export function hasScope(caller: Caller, scope: TokenScope): boolean {
  return caller.scopes === 'alle' || caller.scopes.includes(scope)
}

export function leesbereik(caller: Caller): Leesbereik {
  if (isAdmin(caller)) return { alles: true }
  return { alles: false, organisatieIds: unique(caller.rollen.flatMap((r) => (r.organisatieId ? [r.organisatieId] : []))) }
}

/** A stable key for caches whose content depends on what the caller may see and do. */
export function accessKey(caller: Caller): string {
  const scopes = caller.scopes === 'alle' ? 'alle' : [...caller.scopes].sort().join('+')
  if (isAdmin(caller)) return `admin|${scopes}`
  return `${unique(caller.rollen.map((r) => `${r.organisatieId ?? ''}:${r.rol}`)).join(',')}|${scopes}`
}

export function canReadAuditlog(caller: Caller): boolean {
  return isAdmin(caller) || caller.rollen.some((r) => r.rol === 'auditor')
}

export function canManageUsers(caller: Caller): boolean {
  return isAdmin(caller) && hasScope(caller, 'beheer')
}

/** Roles that may change objects of this type for their organisation (the type's policy). */
function writerRoles(objecttype: Objecttype): readonly Rol[] {
  return POLICIES[objecttype].schrijvers
}

/** The organisations at which the caller holds a role that writes this type: who registers what it makes. */
export function writerOrganisaties(caller: Caller, objecttype: Objecttype): string[] {
  const roles = writerRoles(objecttype)
  return unique(caller.rollen.filter((r) => roles.includes(r.rol)).flatMap((r) => (r.organisatieId ? [r.organisatieId] : [])))
}

export function canWrite(caller: Caller, objecttype: Objecttype, responsible: Verantwoordelijken): boolean {
  if (!hasScope(caller, 'schrijven')) return false
  if (isAdmin(caller)) return true
  const mine = writerOrganisaties(caller, objecttype)
  if (mine.length === 0) return false
  if (responsible.openToAnyWriter) return true
  return responsible.organisatieIds.some((id) => mine.includes(id))
}

/** What the caller may do with an object: every write, or none (the API's `toegestaneActies`). */
export function toegestaneActies(caller: Caller, objecttype: Objecttype, responsible: Verantwoordelijken): ('wijzigen' | 'verwijderen')[] {
  return canWrite(caller, objecttype, responsible) ? ['wijzigen', 'verwijderen'] : []
}

/** Whether the caller may create anything of this type at all (drives the UI's "new" button). */
export function canCreateAny(caller: Caller, objecttype: Objecttype): boolean {
  return canWrite(caller, objecttype, { organisatieIds: [], openToAnyWriter: true })
}

/**
 * Whether the caller may speak for this organisation, such as to confirm its lid of a
 * samenwerking or that it is afnemer of a gastheerschap (services/deelname.ts): an
 * admin, or a beheerder or regisseur of that organisation (with a token: scope schrijven).
 */
export function canSpeakFor(caller: Caller, organisatieId: string): boolean {
  if (!hasScope(caller, 'schrijven')) return false
  if (isAdmin(caller)) return true
  return caller.rollen.some((r) => (r.rol === 'beheerder' || r.rol === 'regisseur') && r.organisatieId === organisatieId)
}

const rolKey = (r: Roltoekenning) => `${r.rol}@${(r.organisatieId ?? '').toLowerCase()}`

/** True when a role the user held is not among its new roles. */
export function rolesTakenAway(before: Roltoekenning[], after: Roltoekenning[]): boolean {
  const kept = new Set(after.map(rolKey))
  return before.some((r) => !kept.has(rolKey(r)))
}

/** Roles as given: admin without an organisation, every other role with one, no doubles. */
export function rolProblems(
  rollen: Roltoekenning[],
  field = 'rollen',
): { name: string; code: string; reason: { nl: string; en: string } }[] {
  const problems: { name: string; code: string; reason: { nl: string; en: string } }[] = []
  const seen = new Set<string>()
  rollen.forEach((r, i) => {
    if (r.rol === 'admin' && r.organisatieId) {
      problems.push({
        name: `${field}[${i}].organisatieId`,
        code: 'niet-toegestaan',
        reason: {
          nl: 'De rol admin geldt voor de hele installatie en hoort bij geen organisatie.',
          en: 'The admin role covers the whole installation and belongs to no organisation.',
        },
      })
    }
    if (r.rol !== 'admin' && !r.organisatieId) {
      problems.push({
        name: `${field}[${i}].organisatieId`,
        code: 'verplicht',
        reason: {
          nl: `De rol ${r.rol} geldt bij een organisatie: geef organisatieId.`,
          en: `The role ${r.rol} is held at an organisation: give organisatieId.`,
        },
      })
    }
    const key = `${r.rol}|${r.organisatieId ?? ''}`
    if (seen.has(key))
      problems.push({
        name: `${field}[${i}]`,
        code: 'dubbel',
        reason: { nl: 'Deze rol komt dubbel voor.', en: 'This role occurs more than once.' },
      })
    seen.add(key)
  })
  return problems
}
