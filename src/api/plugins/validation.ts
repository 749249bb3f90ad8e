import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction, RouteOptions } from 'fastify'
import Type, { type TSchema } from 'typebox'
import { type InvalidParam, invalidInput, msg } from '../../domain/errors.js'
import { compileBody, compileQuery, invalidParamsFromAjv, storableBodyErrors, validateBody } from '../../schemas/validator.js'
import { API_PREFIX } from '../http.js'
import { PROBLEMS } from '../schemas.js'

// Every API request is checked against its route's schema before a handler runs, so
// nothing unchecked is stored, hashed or written to the audit log. One hook checks all
// parts together and answers one 400 with every error:
// - path parameters, query string and headers with the coercing validator; a route
//   without a query schema takes no query parameters;
// - the body against the route's body schema, strictly (no coercion, unknown fields
//   refused), unless the route says its service validates the whole body
//   (`config.bodyValidatedByService`: shape, rules and references in one 400); text that
//   cannot be stored and over-deep nesting are refused here even then;
// - a route without a body schema takes no body.
// Fastify's own per-part validation (which stops at the first failing part) is off.

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The service validates the complete body itself (and reports all errors in one 400). */
    bodyValidatedByService?: boolean
    /** The body is a file (a Buffer from a content-type parser of its own), checked by the service from its bytes. */
    rawBody?: boolean
    /** The body is a file streamed to the service (a large upload, never held whole), which reads and checks it. */
    streamBody?: boolean
  }
}

/** Fastify's validator: a no-op, the hook below has validated already. */
export const validatorCompiler = () => () => true

type Check = (request: FastifyRequest) => InvalidParam[]

function partCheck(schema: object, part: 'params' | 'query' | 'headers'): Check {
  const fn = compileQuery(schema)
  return (request) => {
    // Coerces and fills defaults in place, as Fastify's validator would.
    if (fn(request[part] ?? {})) return []
    const where = part === 'query' ? 'query' : part
    return invalidParamsFromAjv(fn.errors).map((p) => (p.name === 'body' ? { ...p, name: where } : p))
  }
}

function bodyCheck(route: RouteOptions): Check {
  const schema = (route.schema as { body?: TSchema }).body
  if (route.config?.streamBody === true)
    return (request) =>
      request.body instanceof Readable
        ? []
        : [
            {
              name: 'body',
              code: 'geen-bestand',
              reason: msg(
                'Stuur het bestand zelf als inhoud, met Content-Type application/xml.',
                'Send the file itself as the body, with Content-Type application/xml.',
              ),
            },
          ]
  if (schema === undefined) {
    return (request) =>
      request.body === undefined || request.body === null
        ? []
        : [{ name: 'body', code: 'niet-toegestaan', reason: msg('Deze bewerking heeft geen inhoud.', 'This operation takes no body.') }]
  }
  if (route.config?.bodyValidatedByService === true) return (request) => storableBodyErrors(request.body ?? null)
  // Only a file passes (its own content-type parser gives a Buffer): JSON that reached this route is no upload.
  if (route.config?.rawBody === true)
    return (request) =>
      Buffer.isBuffer(request.body)
        ? []
        : request.body === undefined || request.body === null
          ? [{ name: 'bijlage', code: 'leeg', reason: msg('Het bestand is leeg (0 bytes).', 'The file is empty (0 bytes).') }]
          : [
              {
                name: 'body',
                code: 'geen-bestand',
                reason: msg(
                  'Stuur het bestand zelf als inhoud, met Content-Type application/pdf, image/png of image/jpeg.',
                  'Send the file itself as the body, with Content-Type application/pdf, image/png or image/jpeg.',
                ),
              },
            ]
  // Compiled now, so a body schema that does not resolve stops start-up, not a request.
  compileBody(schema)
  return (request) => validateBody(schema, request.body ?? null)
}

/** No query parameters at all: an unknown one is a 400, as on every other route. */
const NoQuery = Type.Object({}, { additionalProperties: false })

/** Gives every API route the validation described above; routes outside the API (web UI) are left alone. */
export function validateEveryRoute(route: RouteOptions): void {
  if (!route.url.startsWith(API_PREFIX)) return
  route.schema ??= {}
  const schema = route.schema as Record<string, object | undefined>
  schema.querystring ??= NoQuery
  // Any route can answer 400 now (an unknown query parameter): document it.
  const responses = schema.response as Record<string, unknown> | undefined
  if (responses && !responses['400'] && !responses['4xx']) responses['400'] = PROBLEMS[400]
  const checks: Check[] = [
    ...(schema.params ? [partCheck(schema.params, 'params')] : []),
    partCheck(schema.querystring, 'query'),
    ...(schema.headers ? [partCheck(schema.headers, 'headers')] : []),
    bodyCheck(route),
  ]
  const validate = (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const errors = checks.flatMap((check) => check(request))
    done(errors.length > 0 ? invalidInput(errors) : undefined)
  }
  route.preValidation = [route.preValidation ?? [], validate].flat() as RouteOptions['preValidation']
}

export function registerValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(validatorCompiler)
  app.addHook('onRoute', validateEveryRoute)
}
