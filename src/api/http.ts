import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify'
import type { Message } from '../domain/errors.js'
import { type Taal, voorkeurstaal } from '../domain/taal.js'
import type { Actor } from '../services/registry-service.js'

export const API_VERSION = '1.0.0'
export const API_PREFIX = '/api/v1'

/**
 * The Fastify instance routes are registered on. Its TypeBox type provider gives each
 * handler `request.params`, `query`, `headers` and `body` typed from the route's schemas,
 * so no route casts them. Types only: plugins/validation.ts validates every part at run
 * time, Fastify's own validator stays a no-op.
 */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>

/**
 * The language to answer in: the one the request names (a document's `taal`), else the
 * caller's preference in Accept-Language, else Dutch. Every answer chooses it here.
 */
export function languageOf(request: FastifyRequest, gevraagd?: Taal): Taal {
  return gevraagd ?? voorkeurstaal(request.headers['accept-language'])
}

export const text = (m: Message, lang: Taal): string => m[lang]

export function etagOf(revisie: number): string {
  return `"${revisie}"`
}

/**
 * Revisie named by If-Match, `undefined` when absent or `*`. A value that names no
 * revisie can never match, so it becomes -1 and the write answers 412.
 */
export function ifMatchRevisie(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match']
  if (header === undefined) return undefined
  const value = Array.isArray(header) ? header[0] : header
  if (value.trim() === '*') return undefined
  const m = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(value)
  return m ? Number(m[1]) : -1
}

export function actorOf(request: FastifyRequest): Actor {
  return { naam: request.caller?.gebruikersnaam ?? 'anoniem', herkomst: request.ip, caller: request.caller }
}

export function sendResource(reply: FastifyReply, resource: { revisie: number }, status = 200) {
  return reply.code(status).header('ETag', etagOf(resource.revisie)).send(resource)
}

/**
 * 204 without a body. Through the type provider a route whose 204 is `Type.Null` would
 * have to send `null`; the answer is no body at all, as before.
 */
export function sendNoContent(reply: FastifyReply) {
  return reply.code(204).send()
}
