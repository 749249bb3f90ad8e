import swagger from '@fastify/swagger'
import type { FastifyInstance } from 'fastify'
import { API_PREFIX, API_VERSION } from '../http.js'

// The OpenAPI document is generated from the route schemas and then brought in line
// with the NL API Design Rules: paths relative to a server URL that ends in /v1,
// API-Version documented on every 2xx/3xx, errors as application/problem+json.

type Json = Record<string, unknown>

/** `publicUrl` is the installation's origin (and path), or '' for a relative server URL. */
export async function registerOpenapi(app: FastifyInstance, publicUrl: string) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Regiekamer API',
        version: API_VERSION,
        description:
          'De API van Regiekamer, de regiekamer voor ICT-samenwerking tussen gemeenten: register van organisaties, samenwerkingen, gastheerschappen, applicaties en koppelingen, met auditlog. Volgt de NL API Design Rules.',
        contact: { name: 'Regiekamer-ontwikkelaars', url: 'https://github.com/regiekamer/regiekamer', email: 'regiekamer@example.nl' },
        license: { name: 'EUPL-1.2', url: 'https://eupl.eu/1.2/nl/' },
      },
      servers: [{ url: `${publicUrl}${API_PREFIX}`, description: 'Deze installatie.' }],
      tags: [
        { name: 'Organisaties', description: 'Gemeenten, samenwerkingsverbanden, leveranciers en andere partijen.' },
        { name: 'Samenwerkingen', description: 'Samenwerkingen van organisaties met hun leden.' },
        { name: 'Gastheerschappen', description: 'Taken die een gastheer voor afnemers uitvoert.' },
        { name: 'Applicaties', description: 'Applicaties en wie ze gebruikt.' },
        { name: 'Koppelingen', description: 'Gegevenskoppelingen tussen applicaties en landelijke voorzieningen.' },
        {
          name: 'Kosten',
          description: 'Kostenposten, verdeelsleutels, maatstafwaarden en referentiewaarden; de verdeling van kosten tot op de cent.',
        },
        {
          name: 'Interoperabiliteit',
          description:
            'GEMMA-referentiecomponenten, import en export in het ArchiMate Model Exchange File Format, en het harmonisatieoverzicht.',
        },
        { name: 'Auditlog', description: 'Wie wat wanneer wijzigde (BIO 12.4.1).' },
        { name: 'Algemeen', description: 'Index en gezondheid.' },
      ],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (json.$id as string) ?? `Schema${i}` },
    transform: ({ schema, url }) => ({
      schema: schema as never,
      url: url.startsWith(API_PREFIX) ? url.slice(API_PREFIX.length) || '/' : url,
    }),
  })
}

const API_VERSION_HEADER = {
  description: 'Versie van de API (semver).',
  schema: { type: 'string', example: API_VERSION },
}

export function conformOpenapi(doc: Json): Json {
  const out = structuredClone(doc) as Json & { paths: Record<string, Record<string, Json>>; components: Json }
  out.components = { ...(out.components ?? {}), headers: { 'API-Version': API_VERSION_HEADER } }
  for (const [path, ops] of Object.entries(out.paths)) {
    if (!path.startsWith('/')) continue
    for (const op of Object.values(ops)) {
      const responses = (op.responses ?? {}) as Record<string, Json>
      for (const [code, response] of Object.entries(responses)) {
        const status = Number(code)
        if (status >= 200 && status < 400) {
          const headers: Json = { ...((response.headers as Json) ?? {}), 'API-Version': { $ref: '#/components/headers/API-Version' } }
          if (status === 201) headers.Location = { description: 'URI van het aangemaakte object.', schema: { type: 'string' } }
          // An ETag goes with an object that has a revisie (http.ts sendResource), not with
          // everything created or read: a new API token has none.
          if ((op.operationId as string | undefined)?.match(/_(lezen|aanmaken|vervangen|bijwerken)$/) && hasRevisie(out, response)) {
            headers.ETag = { description: 'Versie-tag van het object; stuur mee in If-Match bij wijzigen.', schema: { type: 'string' } }
          }
          response.headers = headers
        } else if (status >= 400) {
          const content = response.content as Record<string, Json> | undefined
          if (content?.['application/json']) {
            response.content = { 'application/problem+json': content['application/json'] }
          }
        }
        if (status === 204) delete response.content
      }
      const body = op.requestBody as Json | undefined
      const bodyContent = body?.content as Record<string, Json> | undefined
      if (bodyContent?.['application/json'] && (op.operationId as string | undefined)?.endsWith('_bijwerken')) {
        bodyContent['application/merge-patch+json'] = bodyContent['application/json']
      }
    }
  }
  return out
}

/** Whether the response's JSON body (its schema, following one local $ref) carries a revisie. */
function hasRevisie(doc: Json, response: Json): boolean {
  let schema = ((response.content as Record<string, Json> | undefined)?.['application/json']?.schema ?? {}) as Json
  const ref = schema.$ref
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    schema = (((doc.components as Json | undefined)?.schemas as Record<string, Json> | undefined)?.[ref.slice(21)] ?? {}) as Json
  }
  return Boolean((schema.properties as Json | undefined)?.revisie)
}
