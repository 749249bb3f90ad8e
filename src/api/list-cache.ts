import type { FastifyReply, FastifyRequest } from 'fastify'
import { type ChangeFeed, GenerationCache } from '../services/changes.js'

// Serialized list responses, keyed by URL and valid until registry data changes. Lists
// are read far more often than the registry changes; a hit costs no database work.
// Once responses depend on who asks, the key must include the caller's access scope.

export class ListCache {
  private readonly bodies: GenerationCache<string>

  constructor(private readonly changes: ChangeFeed) {
    this.bodies = new GenerationCache(changes, 1000)
  }

  async send(request: FastifyRequest, reply: FastifyReply, compute: () => Promise<unknown>): Promise<FastifyReply> {
    const key = request.url
    let body = this.bodies.get(key)
    if (body === undefined) {
      const generation = this.changes.generation
      body = reply.serialize(await compute()) as string
      this.bodies.set(key, body, generation)
    }
    return reply.type('application/json; charset=utf-8').send(body)
  }
}
