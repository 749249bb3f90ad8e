import type { FastifyRequest } from 'fastify'
import Type, { type TSchema } from 'typebox'
import type { Resource } from '../../db/repos/registry-repository.js'
import { pageInfo, parseSort } from '../../domain/listing.js'
import { ListQuery, sortParam } from '../../schemas/common.js'
import type { ObjectService } from '../../services/object-service.js'
import { type Api, actorOf, ifMatchRevisie, sendNoContent, sendResource } from '../http.js'
import type { ListCache } from '../list-cache.js'
import { type Presenter, presenteer } from '../presenters/presenter.js'
import { IdParams, IfMatchHeaders, problems } from '../schemas.js'

// CRUD routes for one registry resource, generated from its declaration. Routes stay
// thin: validate (schemas), call the service, shape the response.

export interface RegistryRouteDef<T extends Resource = Resource> {
  path: string
  tag: string
  singular: string
  service: ObjectService<T>
  /** How the API shows an object beyond what is stored (src/api/presenters/); absent: as stored, with toegestaneActies. */
  presenter?: Presenter<T>
  input: TSchema & { $id?: string }
  resource: TSchema & { $id?: string }
  filters: Record<string, TSchema>
  sortFields: string[]
}

export function listQuerySchema(def: Pick<RegistryRouteDef, 'filters' | 'sortFields'>) {
  return Type.Object(
    { ...ListQuery, sorteer: sortParam(def.sortFields, def.sortFields[0]), ...def.filters },
    { additionalProperties: false },
  )
}

export function listResponseSchema(def: Pick<RegistryRouteDef, 'resource'>, naam: string) {
  return Type.Object(
    { resultaten: Type.Array(Type.Ref(def.resource.$id as string)), paginering: Type.Ref('Paginering') },
    { $id: naam, description: 'Een pagina resultaten.' },
  )
}

export type ListQueryValue = { pagina?: number; paginaGrootte?: number; zoek?: string; sorteer?: string } & Record<string, unknown>

/** One page of a list, as the request asks for it (its query, extra filters of the path) and shows it to its caller. */
export async function listWith<T extends Resource>(
  def: Pick<RegistryRouteDef<T>, 'service' | 'presenter'>,
  request: FastifyRequest,
  query: ListQueryValue,
  extraFilters: Record<string, unknown> = {},
) {
  const { pagina = 1, paginaGrootte = 20, zoek, sorteer, ...filters } = query
  const req = {
    pagina,
    paginaGrootte,
    zoek,
    sort: parseSort(sorteer, def.service.repo.spec.defaultSort),
    filters: { ...filters, ...extraFilters },
  }
  const { items, total } = await def.service.list(req, request.caller)
  return { resultaten: await presenteer(def.service, def.presenter ?? {}, request, items), paginering: pageInfo(req, total) }
}

async function present<T extends Resource>(def: RegistryRouteDef<T>, request: FastifyRequest, resource: T): Promise<T> {
  const [one] = await presenteer(def.service, def.presenter ?? {}, request, [resource])
  return one
}

export function registerRegistryRoutes<T extends Resource>(app: Api, def: RegistryRouteDef<T>, cache: ListCache) {
  // An id filter the service does not know the type of could not be checked for visibility.
  const references = def.service.repo.spec.references ?? {}
  for (const [name, schema] of Object.entries(def.filters))
    if ((schema as { format?: string }).format === 'uuid' && !references[name])
      throw new Error(`filter ${def.path}.${name} takes an id: declare its type in the repository's references`)
  const base = `/${def.path}`
  const item = `${base}/:id`
  const listName = `${def.resource.$id}Lijst`
  app.addSchema(listResponseSchema(def, listName))
  const resourceRef = Type.Ref(def.resource.$id as string)
  const tags = [def.tag]

  app.get(
    base,
    {
      schema: {
        tags,
        operationId: `${def.path}_lijst`,
        summary: `Lijst van ${def.path}`,
        description: `Pagineerbare, filterbare en sorteerbare lijst van ${def.path}. De volgorde is stabiel (id als laatste sorteersleutel).`,
        querystring: listQuerySchema(def),
        response: { 200: Type.Ref(listName), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => cache.send(request, reply, () => listWith(def, request, request.query)),
  )

  app.post(
    base,
    {
      // The service validates the whole body: shape, rules and references in one 400.
      config: { bodyValidatedByService: true },
      schema: {
        tags,
        operationId: `${def.path}_aanmaken`,
        summary: `Een ${def.singular} aanmaken`,
        body: Type.Ref(def.input.$id as string),
        response: { 201: resourceRef, ...problems(400, 401, 403, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const created = await def.service.create(actorOf(request), request.body)
      reply.header('Location', `${request.url.split('?')[0]}/${created.id}`)
      return sendResource(reply, await present(def, request, created), 201)
    },
  )

  app.get(
    item,
    {
      schema: {
        tags,
        operationId: `${def.path}_lezen`,
        summary: `Een ${def.singular} lezen`,
        params: IdParams,
        response: { 200: resourceRef, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => sendResource(reply, await present(def, request, await def.service.get(request.params.id, request.caller))),
  )

  app.put(
    item,
    {
      // The service validates the whole body: shape, rules and references in one 400.
      config: { bodyValidatedByService: true },
      schema: {
        tags,
        operationId: `${def.path}_vervangen`,
        summary: `Een ${def.singular} volledig vervangen`,
        params: IdParams,
        headers: IfMatchHeaders,
        body: Type.Ref(def.input.$id as string),
        response: { 200: resourceRef, ...problems(400, 401, 403, 404, 409, 412, 413, 415) },
      },
    },
    async (request, reply) => {
      const updated = await def.service.replace(actorOf(request), request.params.id, request.body, ifMatchRevisie(request))
      return sendResource(reply, await present(def, request, updated))
    },
  )

  app.patch(
    item,
    {
      // The service validates the whole body: shape, rules and references in one 400.
      config: { bodyValidatedByService: true },
      schema: {
        tags,
        operationId: `${def.path}_bijwerken`,
        summary: `Een ${def.singular} gedeeltelijk wijzigen`,
        description: `JSON merge patch (RFC 7396) op ${def.input.$id}: alleen meegestuurde velden wijzigen; een veld met null wordt leeggemaakt.`,
        params: IdParams,
        headers: IfMatchHeaders,
        body: Type.Object({}, { additionalProperties: true, description: `Gedeeltelijke ${def.input.$id}.` }),
        response: { 200: resourceRef, ...problems(400, 401, 403, 404, 409, 412, 413, 415) },
      },
    },
    async (request, reply) => {
      const updated = await def.service.patch(actorOf(request), request.params.id, request.body, ifMatchRevisie(request))
      return sendResource(reply, await present(def, request, updated))
    },
  )

  app.delete(
    item,
    {
      schema: {
        tags,
        operationId: `${def.path}_verwijderen`,
        summary: `Een ${def.singular} verwijderen`,
        description: 'Weigert met 409 (en een lijst afhankelijken) zolang andere objecten ernaar verwijzen.',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null({ description: 'Verwijderd.' }), ...problems(400, 401, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      await def.service.remove(actorOf(request), request.params.id, ifMatchRevisie(request))
      return sendNoContent(reply)
    },
  )
}
