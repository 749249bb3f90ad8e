import type { TFunction } from 'i18next'
import { type GetalSoort, getalMelding, leesGetal } from '../../i18n/getal-invoer'
import { eindpuntVelden, geldt, type Veld } from './velden'

// The form's state ("concept"): what the person typed, as strings, checkboxes and
// rows, kept as-is through errors and conflicts. It becomes a request body only on
// submit: empty optional fields are left out, numbers become numbers.

export interface Eindpunt {
  keuze: 'applicatie' | 'voorziening'
  app: string
  /** One of LANDELIJKE_VOORZIENINGEN, or '' */
  voorziening: string
  /** The name of a facility that is not in the list (with voorziening `overig`). */
  overig: string
}

/** What a toegang opens, as the form holds it: the fields of all three kinds, so switching loses nothing. */
export interface ToegangObject {
  soort: 'applicatie' | 'koppeling' | 'netwerkzone'
  id: string
  naam: string
  eigenaarId: string
}

export type Rij = Record<string, string>
export type Concept = Record<string, unknown>

function leegeWaarde(veld: Veld): unknown {
  switch (veld.soort) {
    case 'janee':
      return false
    case 'refs':
    case 'rijen':
    case 'teksten':
    case 'eigenschappen':
      return []
    case 'eindpunt':
      return { keuze: 'applicatie', app: '', voorziening: '', overig: '' } satisfies Eindpunt
    case 'toegangobject':
      return { soort: 'applicatie', id: '', naam: '', eigenaarId: '' } satisfies ToegangObject
    default:
      return ''
  }
}

export const leegConcept = (velden: Veld[]): Concept => Object.fromEntries(velden.map((v) => [v.naam, leegeWaarde(v)]))

const alsTekst = (v: unknown): string => (v === undefined || v === null ? '' : String(v))

export const leegeRij = (velden: Veld[]): Rij => Object.fromEntries(velden.map((v) => [v.naam, '']))

/** An object from the API as form state. */
export function naarConcept(velden: Veld[], object: Record<string, unknown>): Concept {
  const concept: Concept = {}
  for (const veld of velden) {
    const v = object[veld.naam]
    switch (veld.soort) {
      case 'janee':
        concept[veld.naam] = v === true
        break
      case 'refs':
        concept[veld.naam] = Array.isArray(v) ? [...v] : []
        break
      case 'eigenschappen':
        concept[veld.naam] = Array.isArray(v)
          ? v.map((e: { naam: unknown; waarde: unknown }) => ({ naam: alsTekst(e.naam), waarde: alsTekst(e.waarde) }))
          : []
        break
      case 'teksten':
        concept[veld.naam] = Array.isArray(v) ? v.map(alsTekst) : []
        break
      case 'rijen':
        concept[veld.naam] = Array.isArray(v)
          ? v.map((rij: Record<string, unknown>) => Object.fromEntries(veld.velden.map((s) => [s.naam, alsTekst(rij[s.naam])])))
          : []
        break
      case 'eindpunt': {
        const n = eindpuntVelden(veld.kant)
        const app = alsTekst(object[n.app])
        const voorziening = alsTekst(object[n.voorziening])
        const overig = alsTekst(object[n.overig])
        concept[veld.naam] = { keuze: voorziening && !app ? 'voorziening' : 'applicatie', app, voorziening, overig } satisfies Eindpunt
        break
      }
      case 'toegangobject': {
        const o = (v ?? {}) as Record<string, unknown>
        const soort = o.soort === 'koppeling' || o.soort === 'netwerkzone' ? o.soort : 'applicatie'
        concept[veld.naam] = {
          soort,
          id: alsTekst(o.id),
          naam: alsTekst(o.naam),
          eigenaarId: alsTekst(o.eigenaarId),
        } satisfies ToegangObject
        break
      }
      default:
        concept[veld.naam] = alsTekst(v)
    }
  }
  return concept
}

/** Which kind of number a number field holds: a year, a percentage (any decimals) or a count. */
export const getalSoort = (veld: Extract<Veld, { soort: 'getal' }>): GetalSoort =>
  veld.jaartal ? 'jaar' : veld.stap === 'any' ? 'decimaal' : 'aantal'

/** A typed number read by the UI language's rule ("12.345" is 12345); anything else is sent as typed, so the API judges the rest. */
function getal(veld: Extract<Veld, { soort: 'getal' }>, s: string): number | string {
  const r = leesGetal(getalSoort(veld), s)
  return r.ok ? Number(r.waarde) : s
}

function enkel(veld: Veld, s: string): unknown {
  if (s.trim() === '') return undefined
  return veld.soort === 'getal' ? getal(veld, s) : s
}

/** Our own message for every number field that cannot be read, by API field path; it replaces the API's ("Een geheel getal"). */
export function getalFouten(velden: Veld[], concept: Concept, t: TFunction): Record<string, string> {
  const uit: Record<string, string> = {}
  const kijk = (veld: Veld, s: string, pad: string) => {
    if (veld.soort !== 'getal' || s.trim() === '') return
    const m = getalMelding(getalSoort(veld), leesGetal(getalSoort(veld), s), t)
    if (m) uit[pad] = m
  }
  for (const veld of velden) {
    if (veld.soort === 'rijen')
      (concept[veld.naam] as Rij[]).forEach((rij, i) => {
        for (const sub of veld.velden) kijk(sub, rij[sub.naam] ?? '', `${veld.naam}[${i}].${sub.naam}`)
      })
    else kijk(veld, String(concept[veld.naam] ?? ''), veld.naam)
  }
  return uit
}

/** The request body (the *Invoer schema) from the form state. */
export function naarInvoer(velden: Veld[], concept: Concept): Record<string, unknown> {
  const invoer: Record<string, unknown> = {}
  for (const veld of velden) {
    // A field that does not apply is not sent (what was typed stays in the form).
    if (!geldt(veld, concept)) continue
    const v = concept[veld.naam]
    switch (veld.soort) {
      case 'janee':
        invoer[veld.naam] = v === true
        break
      case 'refs':
      case 'teksten':
        invoer[veld.naam] = [...(v as string[])]
        break
      case 'eigenschappen':
        // Sent back as they came from the import; an object without any sends none.
        if ((v as unknown[]).length > 0) invoer[veld.naam] = (v as { naam: string; waarde: string }[]).map((e) => ({ ...e }))
        break
      case 'rijen':
        invoer[veld.naam] = (v as Rij[]).map((rij) => {
          const uit: Record<string, unknown> = {}
          for (const sub of veld.velden) {
            const w = enkel(sub, rij[sub.naam] ?? '')
            if (w !== undefined) uit[sub.naam] = w
          }
          return uit
        })
        break
      case 'eindpunt': {
        const e = v as Eindpunt
        const n = eindpuntVelden(veld.kant)
        if (e.keuze === 'applicatie' && e.app) invoer[n.app] = e.app
        if (e.keuze === 'voorziening' && e.voorziening.trim()) invoer[n.voorziening] = e.voorziening
        if (e.keuze === 'voorziening' && e.voorziening === 'overig' && e.overig.trim()) invoer[n.overig] = e.overig
        break
      }
      case 'toegangobject': {
        // Only the fields of the chosen kind. An empty id or owner is left out, so the API
        // says it is required — except with an empty zone name too: then both go as they
        // are, which keeps the API judging a netwerkzone (rather than another kind).
        const o = v as ToegangObject
        if (o.soort !== 'netwerkzone') invoer[veld.naam] = { soort: o.soort, ...(o.id ? { id: o.id } : {}) }
        else
          invoer[veld.naam] = {
            soort: o.soort,
            naam: o.naam,
            ...(o.eigenaarId || !o.naam.trim() ? { eigenaarId: o.eigenaarId } : {}),
          }
        break
      }
      default: {
        const w = enkel(veld, String(v ?? ''))
        if (w !== undefined) invoer[veld.naam] = w
      }
    }
  }
  return invoer
}
