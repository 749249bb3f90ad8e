import type { Objecttype, RegistryObjecttype } from './registry-rules.js'
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

/** Roles that may change registry objects of this type for their organisation. */
function writerRoles(objecttype: Objecttype): Rol[] {
  switch (objecttype) {
    case 'gastheerschap':
    case 'maatstafwaarde':
    case 'referentiewaarde':
    case 'scenario':
      return ['beheerder', 'regisseur']
    // Costs and declarations of a host are the regisseur's (DESIGN.md, security baseline).
    case 'kostenpost':
    case 'verdeelsleutel':
    case 'declaratie':
      return ['regisseur']
    default:
      return ['beheerder']
  }
}

/**
 * The organisations responsible for an object: a beheerder (for a gastheerschap also a
 * regisseur) of one of them may change it. `openToAnyWriter` marks objects no single
 * municipality owns (a supplier), which any beheerder may keep up to date.
 */
export interface Verantwoordelijken {
  organisatieIds: string[]
  openToAnyWriter?: boolean
}

export function canWrite(caller: Caller, objecttype: Objecttype, responsible: Verantwoordelijken): boolean {
  if (!hasScope(caller, 'schrijven')) return false
  if (isAdmin(caller)) return true
  const roles = writerRoles(objecttype)
  const mine = caller.rollen.filter((r) => roles.includes(r.rol)).flatMap((r) => (r.organisatieId ? [r.organisatieId] : []))
  if (mine.length === 0) return false
  if (responsible.openToAnyWriter) return true
  return responsible.organisatieIds.some((id) => mine.includes(id))
}

/** Whether the caller may create anything of this type at all (drives the UI's "new" button). */
export function canCreateAny(caller: Caller, objecttype: Objecttype): boolean {
  return canWrite(caller, objecttype, { organisatieIds: [], openToAnyWriter: true })
}

export interface RegistryShape {
  id?: string
  type?: string
  leden?: { organisatieId: string }[]
  gastheerId?: string
  inGebruikBij?: string[]
  leverancierId?: string
  eigenaarId?: string
}

/**
 * Responsible organisations of a registry object. For a koppeling, pass the users of
 * its bron and doel applicaties (looked up by the caller of this rule).
 */
export function verantwoordelijken(objecttype: RegistryObjecttype, o: RegistryShape, appGebruikers: string[] = []): Verantwoordelijken {
  switch (objecttype) {
    case 'organisatie':
      return { organisatieIds: o.id ? [o.id] : [], openToAnyWriter: o.type !== 'gemeente' }
    case 'samenwerking':
      return { organisatieIds: (o.leden ?? []).map((l) => l.organisatieId) }
    case 'gastheerschap':
      return { organisatieIds: o.gastheerId ? [o.gastheerId] : [] }
    case 'applicatie':
      return { organisatieIds: o.inGebruikBij ?? [] }
    case 'koppeling':
      return { organisatieIds: unique([...(o.eigenaarId ? [o.eigenaarId] : []), ...appGebruikers]) }
  }
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
