import Type, { type Static, type TSchema, type TUnsafe } from 'typebox'

// Response pieces shared by route schemas, referenced by $id so the OpenAPI document
// lists them once under components.schemas.

/**
 * A `$ref` to a shared schema (one added by its `$id`), typed as that schema. The OpenAPI
 * document gets the same `{ $ref }` as `Type.Ref('Naam')`, but the type provider (`Api`
 * in http.ts) infers `request.body` from it, where a plain `Type.Ref` infers `unknown`.
 */
export function refTo<S extends TSchema>(schema: S): TUnsafe<Static<S>> {
  // TypeBox 1.x declares no fields on TSchema; $id is read as the plain JSON Schema it is.
  const { $id } = schema as { $id?: unknown }
  if (typeof $id !== 'string') throw new Error('refTo: the schema has no $id to refer to')
  return Type.Unsafe<Static<S>>(Type.Ref($id))
}

export const problem = (description: string) => ({ ...Type.Ref('Problem'), description })

export const PROBLEMS = {
  400: problem('Ongeldige invoer: alle fouten staan in invalidParams.'),
  401: problem('Niet ingelogd: log in of stuur een geldig API-token mee.'),
  403: problem('Geen toestemming voor deze handeling (rol, token-scope of CSRF-token).'),
  404: problem('Niet gevonden.'),
  409: problem('Conflict, bijvoorbeeld omdat andere objecten ernaar verwijzen (zie afhankelijken).'),
  412: problem('De If-Match-versie is verouderd: iemand anders heeft het object intussen gewijzigd.'),
  413: problem('Het verzoek is te groot.'),
  415: problem('Mediatype niet ondersteund.'),
} as const

export function problems<K extends keyof typeof PROBLEMS>(...codes: K[]): Record<K, TSchema> {
  const out: Partial<Record<K, TSchema>> = {}
  for (const c of codes) out[c] = PROBLEMS[c]
  return out as Record<K, TSchema>
}

export const IdParams = Type.Object(
  { id: Type.String({ format: 'uuid', description: 'Identificatie (UUID).' }) },
  { additionalProperties: false },
)

export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({ description: 'ETag van de versie waarop de wijziging is gebaseerd; bij een verouderde versie volgt 412.' }),
  ),
})

export const Leeg = Type.Null({ description: 'Geen inhoud.' })
