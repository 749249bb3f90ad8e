// The auditlog filters live in the address bar (shareable, back button works); this
// turns them into the API's query. Dates are calendar days in the user's time zone:
// "tot en met 3 maart" asks for everything before the start of 4 March.

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

export const OBJECTTYPEN = ['organisatie', 'samenwerking', 'gastheerschap', 'applicatie', 'koppeling', 'gebruiker'] as const
export const ACTIES = [
  'aanmaken',
  'wijzigen',
  'verwijderen',
  'importeren',
  'inloggen',
  'wachtwoord-en-gegevens-wijzigen',
  'token-aanmaken',
  'token-intrekken',
] as const

export const PAGINA_GROOTTE = 20

export function filterUitUrl(params: URLSearchParams): AuditFilter {
  const f = { ...GEEN_FILTER }
  for (const veld of VELDEN) f[veld] = params.get(veld)?.trim() ?? ''
  if (!DATUM.test(f.vanaf)) f.vanaf = ''
  if (!DATUM.test(f.tot)) f.tot = ''
  return f
}

export function paginaUitUrl(params: URLSearchParams): number {
  const n = Number(params.get('pagina'))
  return Number.isInteger(n) && n > 0 ? n : 1
}

export function filterNaarUrl(f: AuditFilter, pagina = 1): URLSearchParams {
  const params = new URLSearchParams()
  for (const veld of VELDEN) if (f[veld].trim()) params.set(veld, f[veld].trim())
  if (pagina > 1) params.set('pagina', String(pagina))
  return params
}

/** Start of a calendar day in the user's time zone, as an ISO timestamp. */
function beginVanDag(datum: string, dagenErbij = 0): string {
  const [y, m, d] = datum.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d + dagenErbij).toISOString()
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
