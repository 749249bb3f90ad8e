import type { FastifyReply, FastifyRequest } from 'fastify'
import { accessKey } from '../domain/access.js'
import { type ChangeFeed, GenerationCache } from '../services/changes.js'
import { languageOf } from './http.js'

// Serialized list responses, keyed by URL and valid until registry data changes. Lists
// are read far more often than the registry changes; a hit costs no database work.
// Responses depend on who asks, so the key starts with the caller's roles, and on the
// language asked for (Accept-Language: a koppeling's warnings), so that follows.

export class ListCache {
  private readonly bodies: GenerationCache<string>

  constructor(private readonly changes: ChangeFeed) {
    // At most 64 MiB of response text (two bytes per UTF-16 code unit).
    this.bodies = new GenerationCache(changes, 1000, (body) => body.length * 2, 64 * 1024 * 1024)
  }

  async send(request: FastifyRequest, reply: FastifyReply, compute: () => Promise<unknown>): Promise<FastifyReply> {
    const key = `${request.caller ? accessKey(request.caller) : 'publiek'}|${languageOf(request)}|${request.url}`
    let body = this.bodies.get(key)
    if (body === undefined) {
      const generation = this.changes.generation
      body = reply.serialize(await compute()) as string
      this.bodies.set(key, body, generation)
    }
    return reply.type('application/json; charset=utf-8').send(body)
  }
}
