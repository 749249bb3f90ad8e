import { createHash } from 'node:crypto'
import { storableJson, storableText } from './storable.js'

// The audit log is a hash chain: each entry's hash covers its content and the
// previous entry's hash, so changing, inserting or deleting a row breaks the chain
// from that row on (BIO2 8.15.05). Volgnummers are gapless for the same reason.

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditContent {
  volgnummer: number
  tijdstip: string
  actor: string
  herkomst: string
  actie: string
  objecttype: string
  objectId: string
  resultaat: string
  voor: unknown
  na: unknown
}

export interface AuditEntry extends AuditContent {
  vorigeHash: string
  hash: string
}

/** JSON with object keys sorted at every level: jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function auditHash(content: AuditContent, vorigeHash: string): string {
  const c = content
  const payload = canonicalJson([
    c.volgnummer,
    c.tijdstip,
    c.actor,
    c.herkomst,
    c.actie,
    c.objecttype,
    c.objectId,
    c.resultaat,
    c.voor,
    c.na,
    vorigeHash,
  ])
  return createHash('sha256').update(payload).digest('hex')
}

/** Longest actor or herkomst kept: no real one comes near it, and a client's text must not fill the log. */
export const AUDIT_TEXT_MAX = 300

/**
 * The content exactly as the database will store it, so the hash covers what a later
 * verification reads back, whatever string a caller (or a client through it) passed.
 */
export function storableContent(c: AuditContent): AuditContent {
  const bounded = (s: string) => storableText(s.slice(0, AUDIT_TEXT_MAX))
  return {
    volgnummer: c.volgnummer,
    tijdstip: c.tijdstip,
    actor: bounded(c.actor),
    herkomst: bounded(c.herkomst),
    actie: storableText(c.actie),
    objecttype: storableText(c.objecttype),
    objectId: storableText(c.objectId),
    resultaat: storableText(c.resultaat),
    voor: storableJson(c.voor),
    na: storableJson(c.na),
  }
}

export function chainEntry(content: AuditContent, previous: { volgnummer: number; hash: string } | undefined): AuditEntry {
  const vorigeHash = previous?.hash ?? GENESIS_HASH
  const stored = storableContent(content)
  return { ...stored, vorigeHash, hash: auditHash(stored, vorigeHash) }
}

export type AuditProblemKind = 'ontbrekend-volgnummer' | 'keten-onderbroken' | 'inhoud-gewijzigd'

export interface AuditProblem {
  volgnummer: number
  kind: AuditProblemKind
  nl: string
  en: string
}

export interface AuditVerification {
  checked: number
  headHash: string
  problems: AuditProblem[]
}

/**
 * Checks entries in volgnummer order. Reports the first problem of each kind per row;
 * `startAfter` lets a caller verify in batches by passing the last verified entry.
 */
export function verifyAuditChain(entries: Iterable<AuditEntry>, startAfter?: { volgnummer: number; hash: string }): AuditVerification {
  const problems: AuditProblem[] = []
  let expectedNummer = (startAfter?.volgnummer ?? 0) + 1
  let expectedPrev = startAfter?.hash ?? GENESIS_HASH
  let checked = 0
  for (const e of entries) {
    checked++
    if (e.volgnummer !== expectedNummer) {
      problems.push({
        volgnummer: e.volgnummer,
        kind: 'ontbrekend-volgnummer',
        nl: `Verwacht volgnummer ${expectedNummer}, gevonden ${e.volgnummer}: regels verwijderd of ingevoegd.`,
        en: `Expected sequence number ${expectedNummer}, found ${e.volgnummer}: rows deleted or inserted.`,
      })
    }
    if (e.vorigeHash !== expectedPrev) {
      problems.push({
        volgnummer: e.volgnummer,
        kind: 'keten-onderbroken',
        nl: 'De verwijzing naar de vorige regel klopt niet: een regel is verwijderd, ingevoegd of gewijzigd.',
        en: 'The link to the previous row does not match: a row was deleted, inserted or changed.',
      })
    }
    if (auditHash(e, e.vorigeHash) !== e.hash) {
      problems.push({
        volgnummer: e.volgnummer,
        kind: 'inhoud-gewijzigd',
        nl: 'De inhoud van deze regel past niet bij zijn hash: de regel is gewijzigd.',
        en: 'The content of this row does not match its hash: the row was changed.',
      })
    }
    expectedNummer = e.volgnummer + 1
    expectedPrev = e.hash
  }
  return { checked, headHash: expectedPrev, problems }
}
