// What changed in an audit entry, field by field, as a person reads it. The audit log
// stores whole states (`voor`, `na`) as the API returned them; the resource's own JSON
// Schema says what each field is: an amount in euro cents (`x-eenheid: eurocent`), a
// reference to another object (`x-verwijzing`), a date, a moment, a year (`x-jaartal`), a
// choice, a list. This module walks both states along that schema and returns the
// changed fields with typed values; the names of referenced objects are filled in
// afterwards by whoever knows what the reader may see (vulVerwijzingen). Labels and
// number formats are the reader's language, so they are the UI's (web/src/features/auditlog).

import type { AuditSoort } from './audit-soorten.js'
import { isLeeg, zelfdeWaarde } from './zelfde-waarde.js'

/** A JSON Schema node, as the TypeBox schemas in src/schemas are. */
export interface SchemaKnoop {
  type?: string | string[]
  properties?: Record<string, SchemaKnoop>
  items?: SchemaKnoop
  anyOf?: SchemaKnoop[]
  enum?: readonly unknown[]
  const?: unknown
  format?: string
  $ref?: string
  'x-eenheid'?: string
  'x-verwijzing'?: string
  'x-jaartal'?: boolean
}

export const WAARDE_SOORTEN = [
  'leeg',
  'tekst',
  'keuze',
  'getal',
  'jaar',
  'janee',
  'bedrag',
  'datum',
  'tijdstip',
  'verwijzing',
  'lijst',
  'object',
] as const
export type WaardeSoort = (typeof WAARDE_SOORTEN)[number]

export const ZICHTBAARHEDEN = ['zichtbaar', 'niet-zichtbaar', 'verwijderd'] as const
export type Zichtbaarheid = (typeof ZICHTBAARHEDEN)[number]

/** One value, typed for reading. Which properties are set depends on `soort`. */
export interface Waarde {
  soort: WaardeSoort
  /** tekst, keuze, getal, jaar, datum (YYYY-MM-DD), tijdstip (ISO 8601): the stored value as text. */
  waarde?: string
  janee?: boolean
  /** bedrag: euro cents. */
  centen?: number
  /** verwijzing: the kind of object, its id (left out when the reader may not see it), its name when the reader may see it. */
  objecttype?: string
  id?: string
  naam?: string
  zichtbaarheid?: Zichtbaarheid
  items?: Waarde[]
  velden?: { veld: string; waarde: Waarde }[]
}

/** An audit entry as a person reads it: the kind of object, the object, who acted, what changed (the server's and the UI's one shape). */
export interface AuditWeergave {
  soort: AuditSoort
  object: Waarde
  actor: { gebruikersnaam: string; naam?: string }
  wijzigingen: Wijziging[]
}

export interface Wijziging {
  /** The field, as a path into nested objects: `['begroting']`, `['invoer', 'horizonJaren']`. */
  pad: string[]
  voor: Waarde
  na: Waarde
  /** Bookkeeping every write touches (id, revisie, time stamps): not what a person changed. */
  administratief: boolean
}

/** Looks up a shared schema by its `$id` (`Type.Ref('Roltoekenning')`). */
export type SchemaOpzoeker = (ref: string) => SchemaKnoop | undefined

const ADMINISTRATIEF = ['id', 'revisie', 'aangemaaktOp', 'gewijzigdOp']
/** Never part of a state's content: what the caller who caused the entry was allowed to do. */
const WEGLATEN = new Set(['toegestaneActies'])
const LEEG: Waarde = { soort: 'leeg' }
const DECIMAAL = /^-?\d+(\.\d+)?$/
const DATUM = /^\d{4}-\d{2}-\d{2}$/
const TIJDSTIP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

const heeftType = (s: SchemaKnoop, t: string) => (Array.isArray(s.type) ? s.type.includes(t) : s.type === t)

function oplossen(s: SchemaKnoop | undefined, refs: SchemaOpzoeker, diepte = 0): SchemaKnoop | undefined {
  if (!s?.$ref || diepte > 10) return s
  return oplossen(refs(s.$ref), refs, diepte + 1)
}

/** The branch of a union a value belongs to (a verdeelregel by its `soort`); a decimal text in a number-or-text union is a number. */
function kies(schema: SchemaKnoop | undefined, value: unknown, refs: SchemaOpzoeker): SchemaKnoop | undefined {
  const s = oplossen(schema, refs)
  if (!s?.anyOf) return s
  // A union of unions (a verdeelregel: one rule or a mix) is one list of branches.
  const plat = (t: SchemaKnoop | undefined): SchemaKnoop[] => {
    const o = oplossen(t, refs)
    return o?.anyOf ? o.anyOf.flatMap(plat) : o ? [o] : []
  }
  const takken = plat(s)
  if (typeof value === 'string') {
    if (DECIMAAL.test(value) && takken.some((t) => heeftType(t, 'number') || heeftType(t, 'integer'))) return { type: 'number' }
    return takken.find((t) => heeftType(t, 'string') || t.enum || typeof t.const === 'string')
  }
  if (typeof value === 'number') return takken.find((t) => heeftType(t, 'number') || heeftType(t, 'integer'))
  if (typeof value === 'boolean') return takken.find((t) => heeftType(t, 'boolean'))
  if (Array.isArray(value)) return takken.find((t) => heeftType(t, 'array'))
  if (isObject(value)) {
    const objecten = takken.filter((t) => heeftType(t, 'object') || t.properties)
    return objecten.find((t) => t.properties?.soort?.const !== undefined && t.properties.soort.const === value.soort) ?? objecten[0]
  }
  return undefined
}

/** Fields in the order the schema lists them (the order a person fills them in), then any others. */
function volgorde(keys: string[], schema: SchemaKnoop | undefined): string[] {
  const bekend = Object.keys(schema?.properties ?? {})
  const rang = (k: string) => {
    const i = bekend.indexOf(k)
    return i < 0 ? bekend.length : i
  }
  return [...keys].sort((a, b) => rang(a) - rang(b) || (a < b ? -1 : a > b ? 1 : 0))
}

/** A value without a schema (a field no schema names any more): its JSON type says enough. */
function zonderSchema(value: string): Waarde {
  if (TIJDSTIP.test(value)) return { soort: 'tijdstip', waarde: value }
  if (DATUM.test(value)) return { soort: 'datum', waarde: value }
  return { soort: 'tekst', waarde: value }
}

/** One value as a person reads it, along its schema. */
export function presenteer(schema: SchemaKnoop | undefined, value: unknown, refs: SchemaOpzoeker = () => undefined): Waarde {
  if (isLeeg(value)) return LEEG
  const s = kies(schema, value, refs)
  if (typeof value === 'string' && s?.['x-verwijzing']) return { soort: 'verwijzing', objecttype: s['x-verwijzing'], id: value }
  if (typeof value === 'number' && s?.['x-eenheid'] === 'eurocent') return { soort: 'bedrag', centen: value }
  if (typeof value === 'boolean') return { soort: 'janee', janee: value }
  if (typeof value === 'number') return { soort: s?.['x-jaartal'] ? 'jaar' : 'getal', waarde: String(value) }
  if (typeof value === 'string') {
    if (!s) return zonderSchema(value)
    if (s.format === 'date') return { soort: 'datum', waarde: value }
    if (s.format === 'date-time') return { soort: 'tijdstip', waarde: value }
    if (heeftType(s, 'number') || heeftType(s, 'integer')) return { soort: 'getal', waarde: value }
    if (s.enum || s.const !== undefined) return { soort: 'keuze', waarde: value }
    return { soort: 'tekst', waarde: value }
  }
  if (Array.isArray(value)) return { soort: 'lijst', items: value.map((v) => presenteer(s?.items, v, refs)) }
  if (isObject(value)) {
    const velden = volgorde(
      Object.keys(value).filter((k) => !WEGLATEN.has(k) && !isLeeg(value[k])),
      s,
    ).map((veld) => ({ veld, waarde: presenteer(s?.properties?.[veld], value[veld], refs) }))
    return { soort: 'object', velden }
  }
  return { soort: 'tekst', waarde: String(value) }
}

function verschillen(
  schema: SchemaKnoop | undefined,
  voor: Record<string, unknown>,
  na: Record<string, unknown>,
  pad: string[],
  refs: SchemaOpzoeker,
  uit: Wijziging[],
): void {
  const keys = [...new Set([...Object.keys(voor), ...Object.keys(na)])].filter((k) => !WEGLATEN.has(k))
  for (const veld of volgorde(keys, schema)) {
    const a = voor[veld]
    const b = na[veld]
    if (zelfdeWaarde(a, b)) continue
    const veldSchema = schema?.properties?.[veld]
    const hier = [...pad, veld]
    // Two versions of one nested object (a scenario's invoer): the fields inside that changed.
    const tak = isObject(a) && isObject(b) ? kies(veldSchema, a, refs) : undefined
    if (tak && tak === kies(veldSchema, b, refs)) {
      verschillen(tak, a as Record<string, unknown>, b as Record<string, unknown>, hier, refs, uit)
      continue
    }
    uit.push({
      pad: hier,
      voor: presenteer(veldSchema, a, refs),
      na: presenteer(veldSchema, b, refs),
      administratief: pad.length === 0 && ADMINISTRATIEF.includes(veld),
    })
  }
}

/**
 * The fields that differ between two states of one object (either may be null: created,
 * deleted), each with its value before and after. What a person changed comes first, in
 * the schema's order; bookkeeping (id, revisie, time stamps) last.
 */
export function wijzigingen(
  schema: SchemaKnoop | undefined,
  voor: unknown,
  na: unknown,
  refs: SchemaOpzoeker = () => undefined,
): Wijziging[] {
  const a = isObject(voor) ? voor : isLeeg(voor) ? {} : { waarde: voor }
  const b = isObject(na) ? na : isLeeg(na) ? {} : { waarde: na }
  const uit: Wijziging[] = []
  verschillen(oplossen(schema, refs), a, b, [], refs, uit)
  return [...uit.filter((w) => !w.administratief), ...uit.filter((w) => w.administratief)]
}

function* alleWaarden(w: Waarde): Generator<Waarde> {
  yield w
  for (const item of w.items ?? []) yield* alleWaarden(item)
  for (const v of w.velden ?? []) yield* alleWaarden(v.waarde)
}

/** Every reference in these values (to look their names up at once). */
export function verwijzingenIn(waarden: Waarde[]): { objecttype: string; id: string }[] {
  const uit: { objecttype: string; id: string }[] = []
  for (const w of waarden) {
    for (const v of alleWaarden(w)) if (v.soort === 'verwijzing' && v.objecttype && v.id) uit.push({ objecttype: v.objecttype, id: v.id })
  }
  return uit
}

export const naamSleutel = (objecttype: string, id: string) => `${objecttype}:${id.toLowerCase()}`

/**
 * Fills in the names of referenced objects the reader may see (`namen`, by naamSleutel).
 * Any other reference is "not visible": without its name and id, so the presentation
 * never names what the reader may not open. Whoever may see everything (an admin) sees
 * a reference to an object that no longer exists as deleted, with its id.
 */
export function vulVerwijzingen(waarden: Waarde[], namen: ReadonlyMap<string, string>, zietAlles: boolean): void {
  for (const w of waarden) {
    for (const v of alleWaarden(w)) {
      if (v.soort !== 'verwijzing' || !v.objecttype || !v.id) continue
      const naam = namen.get(naamSleutel(v.objecttype, v.id))
      if (naam !== undefined) {
        v.naam = naam
        v.zichtbaarheid = 'zichtbaar'
      } else if (zietAlles) {
        v.zichtbaarheid = 'verwijderd'
      } else {
        v.zichtbaarheid = 'niet-zichtbaar'
        delete v.id
      }
    }
  }
}
