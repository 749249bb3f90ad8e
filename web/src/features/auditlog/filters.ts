import { AUDIT_ACTIES, AUDIT_SOORTEN } from '../../../../src/domain/audit-soorten'

// The auditlog filters live in the address bar (shareable, back button works); this
// turns them into the API's query. Dates are calendar days in Europe/Amsterdam, where the
// log shows its times: "tot en met 3 maart" asks for everything before 4 March began there. The kinds of
// object and the actions are the server's own lists (src/domain/audit-soorten.ts).

export interface AuditFilter {
  objecttype: string
  objectId: string
  actor: string
  actie: string
  /** YYYY-MM-DD or '' */
  vanaf: string
  /** YYYY-MM-DD or '' (inclusive) */
  tot: string
}

export const GEEN_FILTER: AuditFilter = { objecttype: '', objectId: '', actor: '', actie: '', vanaf: '', tot: '' }
const VELDEN = Object.keys(GEEN_FILTER) as (keyof AuditFilter)[]
const DATUM = /^\d{4}-\d{2}-\d{2}$/

export const OBJECTTYPEN = AUDIT_SOORTEN
export const ACTIES = AUDIT_ACTIES

export const PAGINA_GROOTTE = 20

export function filterUitUrl(params: URLSearchParams): AuditFilter {
  const f = { ...GEEN_FILTER }
  for (const veld of VELDEN) f[veld] = params.get(veld)?.trim() ?? ''
  if (!DATUM.test(f.vanaf)) f.vanaf = ''
  if (!DATUM.test(f.tot)) f.tot = ''
  // A value the API does not know would be a 400: an old link shows everything instead.
  if (!(OBJECTTYPEN as readonly string[]).includes(f.objecttype)) f.objecttype = ''
  if (!(ACTIES as readonly string[]).includes(f.actie)) f.actie = ''
  return f
}

export function paginaUitUrl(params: URLSearchParams): number {
  const n = Number(params.get('pagina'))
  return Number.isInteger(n) && n > 0 ? n : 1
}

/** Raw values (as stored and hashed) instead of the presentation: `ruw=1` in the address. */
export const ruwUitUrl = (params: URLSearchParams): boolean => params.get('ruw') === '1'

export function filterNaarUrl(f: AuditFilter, pagina = 1, ruw = false): URLSearchParams {
  const params = new URLSearchParams()
  for (const veld of VELDEN) if (f[veld].trim()) params.set(veld, f[veld].trim())
  if (pagina > 1) params.set('pagina', String(pagina))
  if (ruw) params.set('ruw', '1')
  return params
}

const AMSTERDAM = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
})

/** How far Amsterdam's clock is ahead of UTC at this moment, in milliseconds (one or two hours). */
function amsterdamVoor(ms: number): number {
  const delen = AMSTERDAM.formatToParts(new Date(ms))
  const deel = (type: Intl.DateTimeFormatPartTypes) => Number(delen.find((p) => p.type === type)?.value)
  return Date.UTC(deel('year'), deel('month') - 1, deel('day'), deel('hour'), deel('minute')) - ms
}

/**
 * Start of a calendar day in Europe/Amsterdam, as an ISO timestamp: the log shows its
 * times there, so "3 maart" is that day in Amsterdam, whatever zone the browser is in.
 * Midnight is never skipped or doubled there (the clocks change at 02:00 and 03:00).
 */
function beginVanDag(datum: string, dagenErbij = 0): string {
  const [y, m, d] = datum.split('-').map(Number) as [number, number, number]
  const alsUtc = Date.UTC(y, m - 1, d + dagenErbij)
  return new Date(alsUtc - amsterdamVoor(alsUtc - amsterdamVoor(alsUtc))).toISOString()
}

export function apiQuery(f: AuditFilter, pagina: number): Record<string, string | number> {
  const q: Record<string, string | number> = { pagina, paginaGrootte: PAGINA_GROOTTE }
  if (f.objecttype) q.objecttype = f.objecttype
  if (f.objectId) q.objectId = f.objectId
  if (f.actor) q.actor = f.actor
  if (f.actie) q.actie = f.actie
  if (f.vanaf) q.vanaf = beginVanDag(f.vanaf)
  if (f.tot) q.tot = beginVanDag(f.tot, 1)
  return q
}
