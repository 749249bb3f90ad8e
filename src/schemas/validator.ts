import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormatsImport from 'ajv-formats'
import type { TSchema } from 'typebox'
import { type InvalidParam, type Message, msg } from '../domain/errors.js'

// Two validators from the same schemas: request bodies are checked strictly (no type
// coercion, unknown fields rejected), query strings and path parameters are coerced
// from text. Every error is reported at once.

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv

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

function reasonFor(e: ErrorObject): { code: string; reason: Message } {
  const p = e.params as Record<string, unknown>
  const explained = (e.parentSchema as Record<string, unknown> | undefined)?.['x-reden'] as Message | undefined
  if (explained && (e.keyword === 'pattern' || e.keyword === 'format'))
    return { code: e.keyword === 'pattern' ? 'ongeldig-patroon' : 'ongeldig-formaat', reason: explained }
  switch (e.keyword) {
    case 'required':
      return { code: 'verplicht', reason: msg('Dit veld is verplicht.', 'This field is required.') }
    case 'additionalProperties':
      return { code: 'onbekend-veld', reason: msg('Dit veld bestaat niet.', 'This field does not exist.') }
    case 'type':
      return { code: 'ongeldig-type', reason: msg(`Verwacht type ${p.type}.`, `Expected type ${p.type}.`) }
    case 'enum':
      return {
        code: 'ongeldige-waarde',
        reason: msg(
          `Kies een van: ${(p.allowedValues as string[]).join(', ')}.`,
          `Choose one of: ${(p.allowedValues as string[]).join(', ')}.`,
        ),
      }
    case 'format':
      return { code: 'ongeldig-formaat', reason: msg(`Geen geldig formaat (${p.format}).`, `Not a valid format (${p.format}).`) }
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
    default:
      return { code: 'ongeldig', reason: msg(`Ongeldige waarde (${e.keyword}).`, `Invalid value (${e.keyword}).`) }
  }
}

export function invalidParamsFromAjv(errors: ErrorObject[] | null | undefined, prefix = ''): InvalidParam[] {
  const seen = new Set<string>()
  const result: InvalidParam[] = []
  for (const e of errors ?? []) {
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

export function validateBody(schema: TSchema, value: unknown): InvalidParam[] {
  const fn = compileBody(schema)
  return fn(value) ? [] : invalidParamsFromAjv(fn.errors)
}
