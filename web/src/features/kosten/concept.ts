import type { TFunction } from 'i18next'
import { bedragAlsInvoer, decimaalAlsInvoer, type Invoerfout } from '../../../../src/domain/getallen'
import type { VerdeelsleutelInvoer } from '../../../../src/schemas/kosten'
import type { Foutmelding } from '../../components/error-summary'
import type { Taal } from '../../i18n'
import { type GetalSoort, getalMelding, leesGetal } from '../../i18n/getal-invoer'
import { INFO, type KostenPagina, veldId } from './soorten'

// The form's state ("concept"): what the person typed, as strings, kept as-is through
// errors and conflicts. It becomes a request body only on submit: amounts become
// integer cents, percentages exact decimal text, years numbers. What cannot be read
// gets a message of our own at its field, and is still sent as typed, so the API
// reports everything else in the same round.

export type Fouten = Record<string, string>

// The verdeelsleutel rule as the API defines it (src/schemas/kosten.ts). The form's state
// is derived from it, field for field as text: a field the API adds to a rule fails this
// type check until the form fills it.
type Versie = VerdeelsleutelInvoer['versies'][number]
type Regel = Versie['regel']
type EnkeleRegel = Exclude<Regel, { soort: 'mix' }>
type Mix = Extract<Regel, { soort: 'mix' }>
type Percentage = Extract<EnkeleRegel, { soort: 'vast percentage' }>['percentages'][number]
/** Every field of every member of a union. */
type VeldVan<U> = U extends unknown ? keyof U : never
type AlsTekst<T> = { [K in keyof T]-?: string }

export const REGEL_SOORTEN = [
  'gelijke delen',
  'inwoners',
  'maatstaf',
  'vast percentage',
  'volledig afnemer',
  'mix',
] as const satisfies readonly Regel['soort'][]
export const ENKELE_SOORTEN = REGEL_SOORTEN.filter((s) => s !== 'mix')

export type PercentageConcept = AlsTekst<Percentage>
/** One simple rule: the fields of all kinds at once, so switching kind keeps what was typed; `soort` is the chosen kind. */
export type EnkelConcept = { [K in Exclude<VeldVan<EnkeleRegel>, 'soort' | 'percentages'>]: string } & {
  soort: string
  percentages: PercentageConcept[]
}
export type ComponentConcept = Omit<AlsTekst<Mix['componenten'][number]>, 'regel'> & { regel: EnkelConcept }
export type RegelConcept = EnkelConcept & { [K in Exclude<keyof Mix, 'soort'>]: ComponentConcept[] }
export type VersieConcept = Omit<AlsTekst<Versie>, 'regel'> & { regel: RegelConcept }
export type HoortBijConcept = AlsTekst<Pick<VerdeelsleutelInvoer, 'samenwerkingId' | 'gastheerschapId'>> & {
  keuze: 'samenwerking' | 'gastheerschap' | 'geen'
}

export type Concept = Record<string, unknown>

export const leegEnkel = (soort = 'gelijke delen'): EnkelConcept => ({ soort, maatstaf: '', deelnemerId: '', percentages: [] })
export const leegeRegel = (soort = 'gelijke delen'): RegelConcept => ({ ...leegEnkel(soort), componenten: [] })
export const leegeVersie = (jaar: number): VersieConcept => ({ geldigVanaf: String(jaar), regel: leegeRegel() })

const tekst = (v: unknown) => (v === undefined || v === null ? '' : String(v))

function enkelConcept(r: Record<string, unknown> | undefined, taal: Taal): EnkelConcept {
  return {
    soort: tekst(r?.soort) || 'gelijke delen',
    maatstaf: tekst(r?.maatstaf),
    deelnemerId: tekst(r?.deelnemerId),
    percentages: ((r?.percentages as Record<string, unknown>[] | undefined) ?? []).map((p) => ({
      deelnemerId: tekst(p.deelnemerId),
      percentage: decimaalAlsInvoer(p.percentage as string, taal),
    })),
  }
}

function regelConcept(r: Record<string, unknown> | undefined, taal: Taal): RegelConcept {
  return {
    ...enkelConcept(r, taal),
    componenten: ((r?.componenten as Record<string, unknown>[] | undefined) ?? []).map((c) => ({
      aandeel: decimaalAlsInvoer(c.aandeel as string, taal),
      regel: enkelConcept(c.regel as Record<string, unknown>, taal),
    })),
  }
}

/** What the post belongs to, as ids: only the chosen one counts. */
export const gekozen = (h: HoortBijConcept | undefined) => ({
  samenwerkingId: h?.keuze === 'samenwerking' ? h.samenwerkingId || undefined : undefined,
  gastheerschapId: h?.keuze === 'gastheerschap' ? h.gastheerschapId || undefined : undefined,
})

/** An empty form; `vooraf` fills fields from the address (a link "add this measure"). */
export function leegConcept(pagina: KostenPagina, vooraf: URLSearchParams): Concept {
  const c: Concept = {}
  for (const v of INFO[pagina].velden) {
    if (v.soort === 'hoortBij') {
      const samenwerkingId = vooraf.get('samenwerkingId') ?? ''
      const gastheerschapId = vooraf.get('gastheerschapId') ?? ''
      c.hoortBij = {
        keuze: gastheerschapId ? 'gastheerschap' : samenwerkingId || !v.metGeen ? 'samenwerking' : 'geen',
        samenwerkingId,
        gastheerschapId,
      } satisfies HoortBijConcept
    } else if (v.soort === 'versies') c.versies = [leegeVersie(new Date().getFullYear())]
    else c[v.naam] = vooraf.get(v.naam) ?? (v.soort === 'keuze' ? v.standaard : undefined) ?? ''
  }
  return c
}

/** An object from the API as form state. */
export function naarConcept(pagina: KostenPagina, o: Record<string, unknown>, taal: Taal): Concept {
  const c: Concept = {}
  for (const v of INFO[pagina].velden) {
    if (v.soort === 'hoortBij') {
      const samenwerkingId = tekst(o.samenwerkingId)
      const gastheerschapId = tekst(o.gastheerschapId)
      c.hoortBij = {
        keuze: gastheerschapId ? 'gastheerschap' : samenwerkingId ? 'samenwerking' : 'geen',
        samenwerkingId,
        gastheerschapId,
      } satisfies HoortBijConcept
    } else if (v.soort === 'versies') {
      c.versies = ((o.versies as Record<string, unknown>[] | undefined) ?? []).map((x) => ({
        geldigVanaf: tekst(x.geldigVanaf),
        regel: regelConcept(x.regel as Record<string, unknown>, taal),
      }))
    } else if (v.soort === 'bedrag') c[v.naam] = bedragAlsInvoer(o[v.naam] as number | undefined, taal)
    else if (v.soort === 'getal') c[v.naam] = decimaalAlsInvoer(o[v.naam] as number | undefined, taal)
    else c[v.naam] = tekst(o[v.naam])
  }
  return c
}

export interface Invoer {
  body: Record<string, unknown>
  /** Messages of our own, by field path; they replace the API's message for that path. */
  lokaal: Record<string, { soort: GetalSoort; fout: Invoerfout; voorstel?: string }>
  /** The kind of rule at each rule path, to tell relevant API messages from noise. */
  regels: Record<string, string>
  /** The UI language, whose rule reads the numbers. */
  taal: Taal
}

/** A number as typed, read by the UI language's rule (i18n/getal-invoer.ts); what cannot be read is sent as typed, with a message of our own. */
function getal(soort: GetalSoort, s: string, pad: string, uit: Invoer): number | string {
  const r = leesGetal(soort, s, uit.taal)
  if (r.ok) return soort === 'decimaal' ? String(r.waarde) : (r.waarde as number)
  uit.lokaal[pad] = { soort, fout: r.fout, ...(r.voorstel ? { voorstel: r.voorstel } : {}) }
  return s.trim()
}
const jaar = (s: string, pad: string, uit: Invoer) => getal('jaar', s, pad, uit)
const decimaal = (s: string, pad: string, uit: Invoer) => String(getal('decimaal', s, pad, uit))

function enkelInvoer(r: EnkelConcept, pad: string, uit: Invoer): Record<string, unknown> {
  uit.regels[pad] = r.soort
  switch (r.soort) {
    case 'maatstaf':
      return { soort: r.soort, maatstaf: r.maatstaf.trim() }
    case 'volledig afnemer':
      return { soort: r.soort, deelnemerId: r.deelnemerId }
    case 'vast percentage':
      return {
        soort: r.soort,
        percentages: r.percentages.map((p, i) => ({
          deelnemerId: p.deelnemerId,
          percentage: decimaal(p.percentage, `${pad}.percentages[${i}].percentage`, uit),
        })),
      }
    default:
      return { soort: r.soort }
  }
}

function regelInvoer(r: RegelConcept, pad: string, uit: Invoer): Record<string, unknown> {
  if (r.soort !== 'mix') return enkelInvoer(r, pad, uit)
  uit.regels[pad] = 'mix'
  return {
    soort: 'mix',
    componenten: r.componenten.map((c, i) => ({
      aandeel: decimaal(c.aandeel, `${pad}.componenten[${i}].aandeel`, uit),
      regel: enkelInvoer(c.regel, `${pad}.componenten[${i}].regel`, uit),
    })),
  }
}

/** The request body (the *Invoer schema) from the form state. */
export function naarInvoer(pagina: KostenPagina, c: Concept, taal: Taal = 'nl'): Invoer {
  const uit: Invoer = { body: {}, lokaal: {}, regels: {}, taal }
  const body = uit.body
  for (const v of INFO[pagina].velden) {
    const w = c[v.naam]
    switch (v.soort) {
      case 'hoortBij': {
        const h = w as HoortBijConcept
        if (h.keuze === 'samenwerking' && h.samenwerkingId) body.samenwerkingId = h.samenwerkingId
        if (h.keuze === 'gastheerschap' && h.gastheerschapId) body.gastheerschapId = h.gastheerschapId
        break
      }
      case 'versies':
        body.versies = (w as VersieConcept[]).map((x, i) => ({
          geldigVanaf: jaar(x.geldigVanaf, `versies[${i}].geldigVanaf`, uit),
          regel: regelInvoer(x.regel, `versies[${i}].regel`, uit),
        }))
        break
      case 'bedrag':
      case 'getal':
      case 'jaar': {
        const s = String(w ?? '')
        if (!s.trim()) break
        const n = getal(v.soort === 'getal' ? 'decimaal' : v.soort, s, v.naam, uit)
        body[v.naam] = v.soort === 'getal' && typeof n === 'string' && !uit.lokaal[v.naam] ? Number(n) : n
        break
      }
      default: {
        const s = String(w ?? '')
        if (s.trim()) body[v.naam] = v.soort === 'tekst' || v.soort === 'meertekst' ? s : s.trim()
      }
    }
  }
  return uit
}

/** The fields each kind of rule has; anything else the API says about a rule is about another kind. */
const REGEL_VELDEN: { [S in Regel['soort']]: Exclude<VeldVan<Extract<Regel, { soort: S }>>, 'soort'>[] } = {
  inwoners: [],
  'gelijke delen': [],
  maatstaf: ['maatstaf'],
  'vast percentage': ['percentages'],
  'volledig afnemer': ['deelnemerId'],
  mix: ['componenten'],
}
const veldenVan = (soort: string): readonly string[] => (REGEL_VELDEN as Record<string, readonly string[] | undefined>)[soort] ?? []

/**
 * The API validates a rule against every kind it could be (a JSON Schema anyOf) and, when
 * none fits, reports what each kind misses. Only the messages about the chosen kind help
 * the person; the others ("componenten: dit veld bestaat niet") are left out.
 */
export function relevanteFouten(apiFouten: Fouten, regels: Invoer['regels']): Fouten {
  const uit: Fouten = {}
  for (const [pad, melding] of Object.entries(apiFouten)) {
    const m = /^(.*\.regel)(?:\.([A-Za-z]+))?(.*)$/.exec(pad)
    const soort = m ? regels[m[1] as string] : undefined
    if (!m || soort === undefined) {
      uit[pad] = melding
      continue
    }
    const sleutel = m[2]
    if (sleutel === 'soort') continue
    if (sleutel && !veldenVan(soort).includes(sleutel)) continue
    uit[pad] = melding
  }
  // "Ongeldige waarde (anyOf)" on the rule itself says nothing once a precise message remains.
  for (const pad of Object.keys(uit)) {
    if (regels[pad] !== undefined && Object.keys(uit).some((p) => p !== pad && p.startsWith(`${pad}.`))) delete uit[pad]
  }
  return uit
}

/** Drop the API's "this field does not exist" for fields the form itself sends; kept for unexpected ones. */
export function zonderOnbekend(params: { name: string; code?: string; reason: string }[], regels: Invoer['regels']): Fouten {
  const out: Fouten = {}
  for (const p of params) {
    const key = p.name.replace(/^body\.?/, '')
    const binnenRegel = Object.keys(regels).some((r) => key.startsWith(`${r}.`))
    if (p.code === 'onbekend-veld' && binnenRegel) continue
    out[key] = out[key] ? `${out[key]} ${p.reason}` : p.reason
  }
  return out
}

export function lokaleMeldingen(lokaal: Invoer['lokaal'], t: TFunction): Fouten {
  return Object.fromEntries(
    Object.entries(lokaal).map(([pad, l]) => [pad, getalMelding(l.soort, { ok: false, fout: l.fout, voorstel: l.voorstel }, t) ?? '']),
  )
}

/** Readable name of a field path: "Versie 1 · Onderdeel 2 · Aandeel (%)". */
export function labelVoor(pad: string, t: TFunction): string {
  if (!pad) return t('kosten:formulier')
  const delen: string[] = []
  for (const stuk of pad.split('.')) {
    const m = /^(\w+)(?:\[(\d+)\])?$/.exec(stuk)
    if (!m) return pad
    const [, naam, index] = m
    const nummer = index === undefined ? undefined : Number(index) + 1
    if (naam === 'versies' && nummer) delen.push(t('kosten:versie', { nummer }))
    else if (naam === 'componenten' && nummer) delen.push(t('kosten:onderdeel', { nummer }))
    else if (naam === 'percentages' && nummer) delen.push(t('kosten:percentageRij', { nummer }))
    else if (naam === 'regel' && delen.length && stuk !== pad.split('.').at(-1)) continue
    else delen.push(t(`kosten:veld.${naam}`, { defaultValue: naam }))
  }
  return delen.join(' · ')
}

/** Where the summary jumps to: the field itself, or for the samenwerking/gastheerschap choice its group. */
export const doelVoor = (pad: string) => veldId(pad)

/**
 * The API names `gastheerschapId` when a post belongs to neither; the person chose one of
 * the two, so the message goes to the field they chose and says what to do there.
 */
export function hoortBijFouten(fouten: Fouten, c: Concept, t: TFunction): Fouten {
  const h = c.hoortBij as HoortBijConcept | undefined
  if (!h || h.keuze === 'geen') return fouten
  const gekozen = h.keuze === 'samenwerking' ? 'samenwerkingId' : 'gastheerschapId'
  const ander = h.keuze === 'samenwerking' ? 'gastheerschapId' : 'samenwerkingId'
  if (h[gekozen] || !(fouten[ander] || fouten[gekozen])) return fouten
  const { [ander]: _weg, ...rest } = fouten
  return { ...rest, [gekozen]: t(`kosten:fout.kies.${h.keuze}`) }
}

/** Messages in the order of their fields on the page (the summary reads top to bottom, as the form does). */
export function inFormulierVolgorde(meldingen: Foutmelding[]): Foutmelding[] {
  if (typeof document === 'undefined') return meldingen
  const el = (m: Foutmelding) => (m.doel ? document.getElementById(m.doel) : null)
  return [...meldingen].sort((a, b) => {
    const x = el(a)
    const y = el(b)
    if (!x || !y) return x ? -1 : y ? 1 : 0
    if (x === y) return 0
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1
  })
}

export function foutmeldingen(fouten: Fouten, t: TFunction): Foutmelding[] {
  return inFormulierVolgorde(Object.entries(fouten).map(([pad, melding]) => ({ doel: doelVoor(pad), label: labelVoor(pad, t), melding })))
}
