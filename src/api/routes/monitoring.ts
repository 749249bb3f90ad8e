import Type from 'typebox'
import { CONTROLE_SOORTEN, MELDINGSKANAAL_SOORTEN } from '../../domain/monitoring/invoer.js'
import { Id, Keuze } from '../../schemas/common.js'
import * as M from '../../schemas/monitoring.js'
import type { Services } from '../../services/index.js'
import type { Api } from '../http.js'
import { ListCache } from '../list-cache.js'
import { type RegistryRouteDef, registerRegistryRoutes } from './registry.js'

// Monitoring (issue 14): controles, onderhoudsvensters and meldingskanalen as CRUD like the
// registry (paging, ETags, 412, 409, audit log). What the metingen say (status, history,
// storingen, availability, the status page) is in monitoring-status.ts.

export function monitoringRouteDefs(services: Services): RegistryRouteDef[] {
  return [
    {
      path: services.objecttypen.controle.pad,
      tag: 'Monitoring',
      singular: 'controle',
      service: services.controles,
      input: M.ControleInvoer,
      resource: M.Controle,
      filters: {
        koppelingId: Type.Optional(Id('Alleen controles van deze koppeling.')),
        applicatieId: Type.Optional(Id('Alleen controles van deze applicatie.')),
        samenwerkingId: Type.Optional(Id('Alleen controles van koppelingen van deze samenwerking.')),
        soort: Type.Optional(Keuze(CONTROLE_SOORTEN, 'Alleen controles van deze soort.')),
        actief: Type.Optional(Type.Boolean({ description: 'Alleen actieve (true) of gepauzeerde (false) controles.' })),
      },
      sortFields: ['naam', 'soort', 'intervalSeconden', 'aangemaaktOp', 'gewijzigdOp'],
    },
    {
      path: services.objecttypen.onderhoudsvenster.pad,
      tag: 'Monitoring',
      singular: 'onderhoudsvenster',
      service: services.onderhoudsvensters,
      input: M.OnderhoudsvensterInvoer,
      resource: M.Onderhoudsvenster,
      filters: {
        controleId: Type.Optional(Id('Alleen vensters van deze controle.')),
        koppelingId: Type.Optional(Id('Alleen vensters van deze koppeling.')),
        samenwerkingId: Type.Optional(Id('Alleen vensters van deze samenwerking.')),
      },
      sortFields: ['van', 'tot', 'reden', 'aangemaaktOp', 'gewijzigdOp'],
    },
    {
      path: services.objecttypen.meldingskanaal.pad,
      tag: 'Monitoring',
      singular: 'meldingskanaal',
      service: services.meldingskanalen,
      input: M.MeldingskanaalInvoer,
      resource: M.Meldingskanaal,
      filters: {
        organisatieId: Type.Optional(Id('Alleen kanalen van deze organisatie.')),
        samenwerkingId: Type.Optional(Id('Alleen kanalen voor deze samenwerking.')),
        soort: Type.Optional(Keuze(MELDINGSKANAAL_SOORTEN, 'Alleen kanalen van deze soort.')),
      },
      sortFields: ['naam', 'soort', 'aangemaaktOp', 'gewijzigdOp'],
    },
  ]
}

export function registerMonitoringRoutes(app: Api, services: Services) {
  const cache = new ListCache(services.changes)
  for (const def of monitoringRouteDefs(services)) registerRegistryRoutes(app, def, cache)
}
