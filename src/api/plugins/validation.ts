import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify'
import Type, { type TSchema } from 'typebox'
import { invalidInput, msg } from '../../domain/errors.js'
import { compileBody, compileQuery, storableBodyErrors, validateBody } from '../../schemas/validator.js'
import { API_PREFIX } from '../http.js'
import { PROBLEMS } from '../schemas.js'

// Every request is checked against its route's schema before a handler runs, so
// nothing unchecked is stored, hashed or written to the audit log:
// - a body against the route's body schema, strictly (no coercion, unknown fields
//   refused, every error at once), unless the route says its service validates the
//   whole body (`config.bodyValidatedByService`: shape, rules and references in one
//   400); text that cannot be stored is refused at the route even then;
// - a route without a body schema takes no body;
// - query strings, path parameters and headers with the coercing validator; a route
//   without a query schema takes no query parameters.

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The service validates the complete body itself (and reports all errors in one 400). */
    bodyValidatedByService?: boolean
  }
}

type CompilerInput = { schema: object; httpPart?: string }
type Validator = (data: unknown) => boolean | { error: Error }

function strictBody(schema: object): Validator {
  // Compiled now, so a body schema that does not resolve stops start-up, not a request.
  compileBody(schema as TSchema)
  return (data) => {
    const errors = validateBody(schema as TSchema, data)
    return errors.length === 0 ? true : { error: invalidInput(errors) }
  }
}

const storableOnly: Validator = (data) => {
  const errors = storableBodyErrors(data)
  return errors.length === 0 ? true : { error: invalidInput(errors) }
}

/** The default for every route: bodies strictly, the rest coerced. */
export const validatorCompiler = ({ schema, httpPart }: CompilerInput) => (httpPart === 'body' ? strictBody(schema) : compileQuery(schema))

const serviceValidatesBody = ({ schema, httpPart }: CompilerInput) => (httpPart === 'body' ? storableOnly : compileQuery(schema))

/** No query parameters at all: an unknown one is a 400, as for every other route. */
const NoQuery = Type.Object({}, { additionalProperties: false })

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

function noBodyExpected(request: FastifyRequest, _reply: unknown, done: (err?: Error) => void) {
  if (request.body === undefined || request.body === null) return done()
  done(
    invalidInput([
      { name: 'body', code: 'niet-toegestaan', reason: msg('Deze bewerking heeft geen inhoud.', 'This operation takes no body.') },
    ]),
  )
}

/** Gives every API route the validation described above; routes outside the API (web UI) are left alone. */
export function validateEveryRoute(route: RouteOptions): void {
  if (!route.url.startsWith(API_PREFIX)) return
  route.schema ??= {}
  const schema = route.schema as Record<string, unknown>
  schema.querystring ??= NoQuery
  // Any route can now answer 400 (an unknown query parameter): document it.
  const responses = schema.response as Record<string, unknown> | undefined
  if (responses && !responses['400'] && !responses['4xx']) responses['400'] = PROBLEMS[400]
  const methods = ([] as string[]).concat(route.method)
  if (schema.body === undefined) {
    if (methods.some((m) => METHODS_WITH_BODY.has(m))) {
      route.preValidation = [route.preValidation ?? [], noBodyExpected].flat() as RouteOptions['preValidation']
    }
  } else if (route.config?.bodyValidatedByService === true) {
    route.validatorCompiler = serviceValidatesBody as never
  }
}

export function registerValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(validatorCompiler)
  app.addHook('onRoute', validateEveryRoute)
}
