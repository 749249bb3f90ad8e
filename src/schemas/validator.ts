import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormatsImport from 'ajv-formats'
import type { TSchema } from 'typebox'
import { type InvalidParam, type Message, msg } from '../domain/errors.js'
import { eurocentBuitenBereik, eurocentUitleg } from '../domain/eurocent.js'
import { UNSTORABLE } from '../domain/storable.js'

// Two validators from the same schemas: request bodies are checked strictly (no type
// coercion, unknown fields rejected), query strings and path parameters are coerced
// from text. Every error is reported at once.

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv

// Formats as strict as PostgreSQL: ajv-formats also accepts `urn:uuid:` ids, year 0000
// and leap seconds, which the database then refuses (a 500 instead of a 400).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/

export function isValidDate(value: string): boolean {
  const m = DATE.exec(value)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (year < 1 || month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function isValidDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value)
  if (!m?.[1] || !isValidDate(m[1])) return false
  return Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 60 && !Number.isNaN(Date.parse(value))
}

function createAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    coerceTypes: coerce ? 'array' : false,
    useDefaults: coerce,
    removeAdditional: false,
    verbose: true,
  })
  addFormats(ajv)
  ajv.addFormat('uuid', UUID)
  ajv.addFormat('date', { type: 'string', validate: isValidDate })
  ajv.addFormat('date-time', { type: 'string', validate: isValidDateTime })
  return ajv
}

export const bodyAjv = createAjv(false)
export const queryAjv = createAjv(true)

export function addSharedSchema(schema: TSchema & { $id?: string }): void {
  for (const ajv of [bodyAjv, queryAjv]) {
    if (schema.$id && !ajv.getSchema(schema.$id)) ajv.addSchema(schema)
  }
}

const cache = new WeakMap<object, ValidateFunction>()

export function compileBody(schema: TSchema & { $id?: string }): ValidateFunction {
  const cached = cache.get(schema)
  if (cached) return cached
  const fn = schema.$id && bodyAjv.getSchema(schema.$id) ? (bodyAjv.getSchema(schema.$id) as ValidateFunction) : bodyAjv.compile(schema)
  cache.set(schema, fn)
  return fn
}

/** JSON pointer `/leden/0/organisatieId` → `leden[0].organisatieId`. */
export function fieldName(instancePath: string, child?: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
  if (child !== undefined) parts.push(child)
  let name = ''
  for (const p of parts) {
    if (/^\d+$/.test(p)) name += `[${p}]`
    else name += name ? `.${p}` : p
  }
  return name
}

/**
 * What a person reads when a value has the wrong type or format: in words, with an
 * example, the same for every field (a field's own `x-reden` still goes first). The UI
 * shows these messages next to the field.
 */
const TYPE_UITLEG: Record<string, Message> = {
  integer: msg('Vul een geheel getal in, bijvoorbeeld 12345.', 'Enter a whole number, for example 12345.'),
  number: msg('Vul een getal in, bijvoorbeeld 99.5.', 'Enter a number, for example 99.5.'),
  string: msg('Vul hier tekst in.', 'Enter text here.'),
  boolean: msg('Kies ja of nee (true of false).', 'Choose yes or no (true or false).'),
  array: msg('Verwacht een lijst van waarden.', 'Expected a list of values.'),
  object: msg('Verwacht een object met velden.', 'Expected an object with fields.'),
}
const FORMAAT_UITLEG: Record<string, Message> = {
  uri: msg(
    'Geef een volledige URL, bijvoorbeeld https://www.voorbeeld.nl/pad.',
    'Give a complete URL, for example https://www.example.org/path.',
  ),
  uuid: msg('Geen geldige identificatie (UUID).', 'Not a valid identifier (UUID).'),
  date: msg('Geef een datum als JJJJ-MM-DD, bijvoorbeeld 2026-01-31.', 'Give a date as YYYY-MM-DD, for example 2026-01-31.'),
  'date-time': msg(
    'Geef een tijdstip met tijdzone, bijvoorbeeld 2026-01-31T09:30:00+01:00.',
    'Give a timestamp with time zone, for example 2026-01-31T09:30:00+01:00.',
  ),
  email: msg('Geef een e-mailadres, bijvoorbeeld naam@gemeente.nl.', 'Give an e-mail address, for example name@example.org.'),
}

function reasonFor(e: ErrorObject): { code: string; reason: Message } {
  const p = e.params as Record<string, unknown>
  const explained = (e.parentSchema as Record<string, unknown> | undefined)?.['x-reden'] as Message | undefined
  if (explained && (e.keyword === 'pattern' || e.keyword === 'format'))
    return { code: e.keyword === 'pattern' ? 'ongeldig-patroon' : 'ongeldig-formaat', reason: explained }
  if (explained && e.keyword === 'enum') return { code: 'ongeldige-waarde', reason: explained }
  // A number whose explanation names its range and unit ("0 tot en met 365 dagen") says so for every way it can be wrong.
  const numeriek = ['integer', 'number'].includes(String((e.parentSchema as Record<string, unknown> | undefined)?.type))
  if (explained && numeriek && (e.keyword === 'type' || e.keyword === 'minimum' || e.keyword === 'maximum'))
    return { code: e.keyword === 'type' ? 'ongeldig-type' : e.keyword === 'minimum' ? 'te-klein' : 'te-groot', reason: explained }
  // An amount names its unit and the fix: "bedrag in eurocent, een geheel getal: 100.50 euro is 10050".
  if ((e.parentSchema as Record<string, unknown> | undefined)?.['x-eenheid'] === 'eurocent') {
    if (e.keyword === 'type') return { code: 'ongeldig-type', reason: eurocentUitleg(e.data) }
    if (e.keyword === 'minimum' || e.keyword === 'maximum')
      return { code: e.keyword === 'minimum' ? 'te-klein' : 'te-groot', reason: eurocentBuitenBereik(e.keyword, Number(p.limit)) }
  }
  switch (e.keyword) {
    case 'required':
      return { code: 'verplicht', reason: msg('Dit veld is verplicht.', 'This field is required.') }
    case 'additionalProperties':
      return { code: 'onbekend-veld', reason: msg('Dit veld bestaat niet.', 'This field does not exist.') }
    case 'type':
      return { code: 'ongeldig-type', reason: TYPE_UITLEG[String(p.type)] ?? msg(`Verwacht type ${p.type}.`, `Expected type ${p.type}.`) }
    case 'enum':
      return {
        code: 'ongeldige-waarde',
        reason: msg(
          `Kies een van: ${(p.allowedValues as string[]).join(', ')}.`,
          `Choose one of: ${(p.allowedValues as string[]).join(', ')}.`,
        ),
      }
    case 'format':
      return {
        code: 'ongeldig-formaat',
        reason: FORMAAT_UITLEG[String(p.format)] ?? msg(`Geen geldig formaat (${p.format}).`, `Not a valid format (${p.format}).`),
      }
    case 'pattern':
      return {
        code: 'ongeldig-patroon',
        reason: msg(`Voldoet niet aan het patroon ${p.pattern}.`, `Does not match the pattern ${p.pattern}.`),
      }
    case 'minLength':
      return p.limit === 1
        ? { code: 'verplicht', reason: msg('Mag niet leeg zijn.', 'Must not be empty.') }
        : { code: 'te-kort', reason: msg(`Minimaal ${p.limit} tekens.`, `At least ${p.limit} characters.`) }
    case 'maxLength':
      return { code: 'te-lang', reason: msg(`Maximaal ${p.limit} tekens.`, `At most ${p.limit} characters.`) }
    case 'minimum':
    case 'exclusiveMinimum':
      return { code: 'te-klein', reason: msg(`Moet minimaal ${p.limit} zijn.`, `Must be at least ${p.limit}.`) }
    case 'maximum':
    case 'exclusiveMaximum':
      return { code: 'te-groot', reason: msg(`Mag maximaal ${p.limit} zijn.`, `Must be at most ${p.limit}.`) }
    case 'minItems':
      return { code: 'te-weinig', reason: msg(`Minimaal ${p.limit} element(en).`, `At least ${p.limit} item(s).`) }
    case 'maxItems':
      return { code: 'te-veel', reason: msg(`Maximaal ${p.limit} elementen.`, `At most ${p.limit} items.`) }
    case 'uniqueItems':
      return { code: 'dubbel', reason: msg('Elementen komen dubbel voor.', 'Items occur more than once.') }
    case 'x-teken':
      return {
        code: 'ongeldig-teken',
        reason: msg(
          'Bevat een teken dat niet kan worden opgeslagen (U+0000 of een losse surrogaat).',
          'Contains a character that cannot be stored (U+0000 or an unpaired surrogate).',
        ),
      }
    default:
      return { code: 'ongeldig', reason: msg(`Ongeldige waarde (${e.keyword}).`, `Invalid value (${e.keyword}).`) }
  }
}

/**
 * For a value that matches none of the alternatives of a union (anyOf), Ajv reports
 * why it fails every alternative. Keep only the alternative the value was meant as:
 * the one whose discriminating constant (e.g. `soort`) matched, else the one with the
 * fewest errors — so a person reads "percentage must be ≥ 0", not a list of why it is
 * not a mix either.
 */
function withinIntendedAlternative(errors: ErrorObject[]): ErrorObject[] {
  // Innermost first: a union nested in an alternative is settled before that alternative is weighed.
  const unions = errors.filter((e) => e.keyword === 'anyOf').sort((a, b) => b.schemaPath.length - a.schemaPath.length)
  let kept = errors
  for (const u of unions) {
    if (!kept.includes(u)) continue
    const branch = new Map<number, ErrorObject[]>()
    for (const e of kept) {
      if (!e.schemaPath.startsWith(`${u.schemaPath}/`)) continue
      const i = Number(e.schemaPath.slice(u.schemaPath.length + 1).split('/')[0])
      branch.set(i, [...(branch.get(i) ?? []), e])
    }
    if (branch.size < 2) continue
    // No alternative's discriminating constant matched (a `soort` that none has): one
    // error on that field naming every value it may take.
    const constanten = [...branch.values()].map((es) => es.find((e) => e.keyword === 'const'))
    const pad = constanten[0]?.instancePath
    if (constanten.every((c) => c !== undefined && c.instancePath === pad)) {
      const allowedValues = constanten.map((c) => ((c as ErrorObject).params as { allowedValue: unknown }).allowedValue)
      const binnen = new Set([...branch.values()].flat())
      kept = [
        ...kept.filter((e) => !binnen.has(e) && e !== u),
        { ...(constanten[0] as ErrorObject), keyword: 'enum', params: { allowedValues } },
      ]
      continue
    }
    // The discriminating field is missing: one "required" on it, not the first alternative's other fields.
    const ontbrekend = [...branch.values()].map((es) =>
      es.find(
        (e) =>
          e.keyword === 'required' &&
          e.instancePath === u.instancePath &&
          (e.params as { missingProperty?: string }).missingProperty === 'soort',
      ),
    )
    if (ontbrekend.every((e) => e !== undefined)) {
      const binnen = new Set([...branch.values()].flat())
      kept = [...kept.filter((e) => !binnen.has(e) && e !== u), ontbrekend[0] as ErrorObject]
      continue
    }
    const ranked = [...branch.entries()].sort(([, a], [, b]) => {
      const constA = a.some((e) => e.keyword === 'const') ? 1 : 0
      const constB = b.some((e) => e.keyword === 'const') ? 1 : 0
      return constA - constB || a.length - b.length
    })
    const chosen = new Set(ranked[0]?.[1])
    const dropped = new Set(ranked.slice(1).flatMap(([, es]) => es))
    kept = kept.filter((e) => !dropped.has(e) && (e !== u || chosen.size === 0))
  }
  return kept
}

export function invalidParamsFromAjv(errors: ErrorObject[] | null | undefined, prefix = ''): InvalidParam[] {
  const seen = new Set<string>()
  const result: InvalidParam[] = []
  for (const e of withinIntendedAlternative(errors ?? [])) {
    const p = e.params as Record<string, unknown>
    const child =
      e.keyword === 'required' ? String(p.missingProperty) : e.keyword === 'additionalProperties' ? String(p.additionalProperty) : undefined
    let name = fieldName(e.instancePath, child)
    if (prefix) name = name ? `${prefix}.${name}` : prefix
    const { code, reason } = reasonFor(e)
    // One error per field: the first is the most basic (required before pattern).
    if (seen.has(name)) continue
    seen.add(name)
    result.push({ name: name || 'body', code, reason })
  }
  return result
}

/** Paths of strings (or keys) that hold characters no database can store. */
export function unstorableText(value: unknown, path = ''): InvalidParam[] {
  const found: InvalidParam[] = []
  const visit = (v: unknown, p: string) => {
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) {
        found.push({
          name: p || 'body',
          code: 'ongeldig-teken',
          reason: msg(
            'Bevat een teken dat niet kan worden opgeslagen (U+0000 of een losse surrogaat).',
            'Contains a character that cannot be stored (U+0000 or an unpaired surrogate).',
          ),
        })
      }
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => {
        visit(item, `${p}[${i}]`)
      })
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (UNSTORABLE.test(k)) visit(k, p)
        else visit(item, p ? `${p}.${k}` : k)
      }
    }
  }
  visit(value, path)
  return found
}

/** No resource nests deeper than this; deeper input is refused before any recursion. */
const MAX_DEPTH = 32

function exceedsDepth(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number]
    if (v === null || typeof v !== 'object') continue
    if (depth >= MAX_DEPTH) return true
    for (const child of Object.values(v)) stack.push([child, depth + 1])
  }
  return false
}

const TOO_DEEP: InvalidParam = {
  name: 'body',
  code: 'te-diep-genest',
  reason: msg(`Meer dan ${MAX_DEPTH} niveaus genest.`, `Nested more than ${MAX_DEPTH} levels deep.`),
}

/** Only the checks every body must pass, whoever validates the rest: depth and storable text. */
export function storableBodyErrors(value: unknown): InvalidParam[] {
  return exceedsDepth(value) ? [TOO_DEEP] : unstorableText(value)
}

export function validateBody(schema: TSchema, value: unknown): InvalidParam[] {
  if (exceedsDepth(value)) return [TOO_DEEP]
  const fn = compileBody(schema)
  const shape = fn(value) ? [] : invalidParamsFromAjv(fn.errors)
  const flagged = new Set(shape.map((e) => e.name))
  return [...shape, ...unstorableText(value).filter((e) => !flagged.has(e.name))]
}

/**
 * Validator for query strings and path parameters: coerces text to the schema's types
 * and refuses unstorable characters, reported as ajv errors so one handler renders all.
 */
export function compileQuery(schema: object): ValidateFunction {
  const fn = queryAjv.compile(schema)
  const wrapped = ((data: unknown) => {
    const ok = fn(data)
    const text = unstorableText(data).map(
      (p): ErrorObject => ({ keyword: 'x-teken', instancePath: `/${p.name}`, schemaPath: '', params: {}, message: p.reason.en }),
    )
    wrapped.errors = [...(ok ? [] : (fn.errors ?? [])), ...text]
    return wrapped.errors.length === 0
  }) as ValidateFunction
  return wrapped
}
