import * as S from '../../schemas/registry.js'
import type { Services } from '../../services/index.js'
import type { Api } from '../http.js'
import { ListCache } from '../list-cache.js'
import { type RegistryRouteDef, registerRegistryRoutes } from './registry.js'

// Interoperability with the GEMMA ecosystem (issue 15): the reference components as a
// registry resource.

export function interopRouteDefs(services: Services): RegistryRouteDef[] {
  return [
    {
      path: services.objecttypen.referentiecomponent.pad,
      tag: 'Interoperabiliteit',
      singular: 'referentiecomponent',
      service: services.referentiecomponenten,
      input: S.ReferentiecomponentInvoer,
      resource: S.Referentiecomponent,
      filters: {},
      sortFields: ['naam', 'aangemaaktOp', 'gewijzigdOp'],
    },
  ]
}

export function registerInteropRoutes(app: Api, services: Services) {
  const cache = new ListCache(services.changes)
  for (const def of interopRouteDefs(services)) registerRegistryRoutes(app, def, cache)
}
