import type { FastifyRequest } from 'fastify'
import type { Resource } from '../../db/repos/registry-repository.js'
import type { Caller } from '../../domain/access.js'
import type { Taal } from '../../domain/taal.js'
import type { ObjectService } from '../../services/object-service.js'
import { languageOf } from '../http.js'

// How the API shows a stored resource (after Outline's server/presenters): what the
// service stored, what every reader gets beyond it, and what one caller may do with it.
// One presenter per resource that adds anything; the others show what is stored.

export interface Presenter<T extends Resource = Resource> {
  /** What every object carries beyond what is stored, for every reader (e.g. a scenario's outcome). */
  verrijk?(items: T[]): Promise<T[]>
  /** What one caller is shown beyond the object: per-lid actions, warnings in the caller's language. */
  voor?(caller: Caller, item: T, taal: Taal): T
}

/**
 * Each object as this request's caller is shown it: the presenter's additions, then
 * toegestaneActies (the type's policy, computed once for the whole page), then what the
 * caller alone is shown, in their language.
 */
export async function presenteer<T extends Resource>(
  service: ObjectService<T>,
  presenter: Presenter<T>,
  request: FastifyRequest,
  stored: T[],
): Promise<T[]> {
  const items = presenter.verrijk ? await presenter.verrijk(stored) : stored
  const caller = request.caller
  if (!caller) return items
  const actions = await service.allowedActions(caller, items)
  const taal = languageOf(request)
  const voor = presenter.voor ?? ((_c: Caller, item: T) => item)
  return items.map((item, i) => voor(caller, { ...item, toegestaneActies: actions[i] }, taal))
}
