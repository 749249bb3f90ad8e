import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { PgError } from '../../db/pg-error.js'
import { AppError, invalidInput, type Message, msg } from '../../domain/errors.js'
import type { Taal } from '../../domain/taal.js'
import { invalidParamsFromAjv } from '../../schemas/validator.js'
import { API_VERSION, languageOf, text } from '../http.js'

// One renderer for every error: application/problem+json (RFC 9457) with
// invalidParams for validation errors. Stack traces are logged, never sent.

function problemBody(err: AppError, request: FastifyRequest, lang: Taal) {
  return {
    type: `urn:regiekamer:fout:${err.kind}`,
    title: text(err.title, lang),
    status: err.status,
    detail: text(err.detail, lang),
    instance: request.url.split('?')[0],
    ...(err.invalidParams.length > 0
      ? { invalidParams: err.invalidParams.map((p) => ({ name: p.name, code: p.code, reason: text(p.reason, lang) })) }
      : {}),
    ...(err.dependants.length + err.hiddenDependants > 0 ? { afhankelijken: err.dependants } : {}),
    ...(err.hiddenDependants > 0 ? { nietZichtbareAfhankelijken: err.hiddenDependants } : {}),
    ...err.extensions,
  }
}

function simple(kind: AppError['kind'], status: number, title: Message, detail: Message): AppError {
  return new AppError(kind, status, title, detail)
}

/** The body limit in words: "10 MB" (whole mebibytes) or bytes. */
const limietTekst = (bytes: number) => (bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`)

function toAppError(error: FastifyError & PgError, bodyLimit?: number, consumes?: string[]): AppError | undefined {
  if (error instanceof AppError) return error
  if (error.validation) {
    const ctx = error.validationContext
    const params = invalidParamsFromAjv(error.validation as never)
    return invalidInput(params.map((p) => (ctx === 'body' || p.name !== 'body' ? p : { ...p, name: ctx ?? p.name })))
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return simple(
        'te-groot',
        413,
        msg('Verzoek te groot', 'Payload too large'),
        bodyLimit
          ? msg(
              `Het verzoek is groter dan toegestaan (${limietTekst(bodyLimit)}).`,
              `The request body is larger than allowed (${limietTekst(bodyLimit)}).`,
            )
          : msg('Het verzoek is groter dan toegestaan.', 'The request body is larger than allowed.'),
      )
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return simple(
        'mediatype-niet-ondersteund',
        415,
        msg('Mediatype niet ondersteund', 'Unsupported media type'),
        // A route that takes a file names what it takes; the others take JSON.
        consumes?.length
          ? msg(`Stuur ${consumes.join(' of ')}.`, `Send ${consumes.join(' or ')}.`)
          : msg(
              'Stuur application/json (of application/merge-patch+json bij PATCH).',
              'Send application/json (or application/merge-patch+json for PATCH).',
            ),
      )
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return invalidInput([{ name: 'body', code: 'verplicht', reason: msg('Het verzoek heeft geen inhoud.', 'The request has no body.') }])
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return invalidInput([
        { name: 'body', code: 'ongeldige-json', reason: msg('De inhoud is geen geldige JSON.', 'The body is not valid JSON.') },
      ])
    case 'FST_ERR_BAD_URL':
      return invalidInput([
        {
          name: 'url',
          code: 'ongeldige-url',
          reason: msg('Het pad bevat ongeldige procentcodering.', 'The path contains invalid percent-encoding.'),
        },
      ])
    case '23001':
    case '23503':
      return simple(
        'conflict',
        409,
        msg('Conflict', 'Conflict'),
        msg('Een object waarnaar verwezen wordt, is intussen verwijderd.', 'A referenced object was deleted in the meantime.'),
      )
    // A unique index that a service did not turn into a field error (two writers raced
    // past its own check): the losing write changed nothing, so a conflict, not a 500.
    case '23505':
      return simple(
        'conflict',
        409,
        msg('Conflict', 'Conflict'),
        msg('Deze gegevens zijn intussen door een ander verzoek vastgelegd.', 'This data was recorded by another request in the meantime.'),
      )
    case '40001':
    case '40P01':
      return simple(
        'conflict',
        409,
        msg('Conflict', 'Conflict'),
        msg('Gelijktijdige wijziging; probeer het opnieuw.', 'Concurrent change; please retry.'),
      )
  }
  if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
    return invalidInput([
      { name: 'body', code: 'ongeldige-json', reason: msg('De inhoud is geen geldige JSON.', 'The body is not valid JSON.') },
    ])
  }
  if (error.statusCode === 429) {
    return simple(
      'te-veel-verzoeken',
      429,
      msg('Te veel verzoeken', 'Too many requests'),
      msg('Te veel verzoeken in korte tijd; probeer het straks opnieuw.', 'Too many requests in a short time; try again shortly.'),
    )
  }
  if (error.statusCode === 400) {
    return invalidInput([
      { name: 'verzoek', code: 'ongeldig', reason: msg('Het verzoek kan niet worden gelezen.', 'The request cannot be read.') },
    ])
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return simple(
      'ongeldige-invoer',
      error.statusCode,
      msg('Verzoek afgewezen', 'Request rejected'),
      msg('Het verzoek kan niet worden verwerkt.', 'The request cannot be processed.'),
    )
  }
  return undefined
}

/** For errors raised before a route runs: always a client error, never a trace. */
export function frameworkProblem(error: FastifyError): AppError {
  const known = toAppError(error)
  if (known) return known
  return simple(
    'ongeldige-invoer',
    400,
    msg('Ongeldig verzoek', 'Bad request'),
    msg('Het verzoek kan niet worden gelezen.', 'The request cannot be read.'),
  )
}

/**
 * For requests Node's HTTP parser refuses before Fastify sees them (a NUL or other
 * control character in a header, headers over the size limit): the same problem+json
 * as every other error, in Dutch (no header could be read to choose a language).
 */
export function clientErrorProblem(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW'
  const status = tooLarge ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
  const body = JSON.stringify({
    type: 'urn:regiekamer:fout:ongeldige-invoer',
    title: tooLarge ? 'Kopregels te groot' : 'Ongeldig verzoek',
    status,
    detail: tooLarge ? 'De kopregels (of de URL) van het verzoek zijn te groot.' : 'Het verzoek kan niet worden gelezen.',
    ...(status === 400
      ? { invalidParams: [{ name: 'verzoek', code: 'ongeldig', reason: 'Het verzoek of een kopregel bevat een ongeldig teken.' }] }
      : {}),
  })
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nAPI-Version: ${API_VERSION}\r\nConnection: close\r\n\r\n${body}`,
    )
  }
  socket.destroy(err)
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, err: AppError) {
  return reply
    .code(err.status)
    .type('application/problem+json')
    .serializer(JSON.stringify)
    .send(problemBody(err, request, languageOf(request)))
}

async function problemPlugin(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError & PgError, request, reply) => {
    const consumes = (request.routeOptions?.schema as { consumes?: string[] } | undefined)?.consumes
    const appError = toAppError(error, request.routeOptions?.bodyLimit, consumes)
    if (appError) return sendProblem(reply, request, appError)
    request.log.error({ err: error }, 'onverwachte fout')
    return sendProblem(
      reply,
      request,
      simple(
        'interne-fout',
        500,
        msg('Interne fout', 'Internal error'),
        msg('Er ging iets mis aan onze kant. De fout is gelogd.', 'Something went wrong on our side. The error was logged.'),
      ),
    )
  })
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? ''
    // A path that exists, asked with a method it lacks: 405 with the methods it has.
    // The router refuses a parameter longer than it accepts (GET then falls through to
    // the web UI's catch-all, other methods not): no resource has such an id, so 404.
    const maxParamLength = request.server.initialConfig.maxParamLength ?? 100
    const tooLong = path.split('/').some((segment) => segment.length > maxParamLength)
    const allow = tooLong ? [] : allowedMethods(request.server, path)
    if (allow.length > 0) {
      reply.header('Allow', allow.join(', '))
      return sendProblem(
        reply,
        request,
        simple(
          'methode-niet-toegestaan',
          405,
          msg('Methode niet toegestaan', 'Method not allowed'),
          msg(
            `${request.method} kan niet op ${path}; wel: ${allow.join(', ')}.`,
            `${request.method} is not possible on ${path}; allowed: ${allow.join(', ')}.`,
          ),
        ),
      )
    }
    return sendProblem(reply, request, notFoundAt(path))
  })
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

/**
 * The methods registered for a concrete path, asked of Fastify's router. The web UI's
 * catch-all (GET /*) does not count: it serves pages, not this path.
 */
export function allowedMethods(app: FastifyInstance, path: string): string[] {
  return METHODS.filter((method) => {
    const route = app.findRoute({ method, url: path })
    return route !== null && !('*' in ((route.params as Record<string, string> | undefined) ?? {}))
  })
}

export function notFoundAt(path: string, hint?: Message): AppError {
  const detail = msg(`Er is geen resource op ${path}.`, `There is no resource at ${path}.`)
  return simple(
    'niet-gevonden',
    404,
    msg('Niet gevonden', 'Not found'),
    hint ? msg(`${detail.nl} ${hint.nl}`, `${detail.en} ${hint.en}`) : detail,
  )
}

/**
 * NL API Design Rules /core/no-trailing-slash: a path under the API that ends in `/`
 * names no resource (404), whichever route its prefix would match. Only the index
 * (`/api/v1/`, the server URL plus the document's path `/`) keeps its slash.
 */
export function trailingSlashProblem(url: string, apiPrefix: string): AppError | undefined {
  const path = url.split('?')[0] ?? ''
  if (!path.startsWith(`${apiPrefix}/`) || path === `${apiPrefix}/` || !path.endsWith('/')) return undefined
  const zonder = path.replace(/\/+$/, '')
  return notFoundAt(
    path,
    msg(`Paden eindigen niet op een schuine streep: bedoelt u ${zonder}?`, `Paths do not end in a slash: did you mean ${zonder}?`),
  )
}

export default fp(problemPlugin, { name: 'problem' })
