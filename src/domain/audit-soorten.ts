import { OBJECTTYPEN } from './registry-rules.js'

// What the audit log speaks of: every kind of object an entry can be about, and every
// action. One list each, so the API's filters, the presentation and the UI's filter
// menus offer exactly what can occur (the types of `auditlog.append` hold writers to it).

/**
 * The kinds of object in the audit log: the stored objects, user accounts, and API
 * tokens. A token's entries are stored under objecttype `gebruiker` (with the token's id
 * and a `token-` action) and were hashed so; `auditSoort` tells them apart.
 */
export const AUDIT_SOORTEN = [...OBJECTTYPEN, 'gebruiker', 'api-token'] as const
export type AuditSoort = (typeof AUDIT_SOORTEN)[number]

/** What the objecttype column holds: a stored object's type or `gebruiker` (also for tokens). */
export type AuditObjecttype = Exclude<AuditSoort, 'api-token'>

/** The actions on an API token (stored under objecttype `gebruiker`). */
export const TOKEN_ACTIES = ['token-aanmaken', 'token-intrekken'] as const

export const AUDIT_ACTIES = [
  // Every stored object
  'aanmaken',
  'wijzigen',
  'verwijderen',
  'importeren',
  // Confirming a lid or an afnemer
  'lidmaatschap-bevestigen',
  'afnemerschap-bevestigen',
  // Declaraties
  'genereren',
  'hergenereren',
  'definitief-maken',
  'verzenden',
  'betaald-melden',
  'corrigeren',
  // Bewijsstukken and toegangen (trust)
  'bijlage-toevoegen',
  'bijlage-verwijderen',
  'herbeoordelen',
  'intrekken',
  // Bevindingen (trust)
  'risico-accepteren',
  // Monitoring: a person's working state of a koppeling, a samenwerking's status page
  'werking-zetten',
  'werking-wissen',
  'statuspagina-instellen',
  // Users, sign-in and tokens
  'inloggen',
  'wachtwoord-en-gegevens-wijzigen',
  'toegang-beeindigen',
  ...TOKEN_ACTIES,
] as const
export type AuditActie = (typeof AUDIT_ACTIES)[number]

const isTokenActie = (actie: string) => (TOKEN_ACTIES as readonly string[]).includes(actie)

/** The kind of object an entry is about, as a person would name it. */
export function auditSoort(objecttype: string, actie: string): AuditSoort | undefined {
  if (objecttype === 'gebruiker' && isTokenActie(actie)) return 'api-token'
  return (AUDIT_SOORTEN as readonly string[]).includes(objecttype) ? (objecttype as AuditSoort) : undefined
}

/** The stored columns a filter on a kind of object matches. */
export function soortFilter(soort: AuditSoort): {
  objecttype: AuditObjecttype
  acties?: readonly string[]
  nietActies?: readonly string[]
} {
  if (soort === 'api-token') return { objecttype: 'gebruiker', acties: TOKEN_ACTIES }
  if (soort === 'gebruiker') return { objecttype: 'gebruiker', nietActies: TOKEN_ACTIES }
  return { objecttype: soort }
}
