import Type from 'typebox'
import { notFound } from '../../domain/errors.js'
import { KOSTEN_CATEGORIEEN, KOSTEN_SOORTEN } from '../../domain/vocabulary.js'
import { Id, Keuze } from '../../schemas/common.js'
import * as K from '../../schemas/kosten.js'
import { DeclaratiesVanKostenpost } from '../../schemas/kostenpost-declaraties.js'
import type { Services } from '../../services/index.js'
import { verdelingVanKostenpost } from '../../services/kosten-service.js'
import { declaratiesVanKostenpost } from '../../services/kostenpost-declaraties.js'
import type { Api } from '../http.js'
import { ListCache } from '../list-cache.js'
import { IdParams, problems } from '../schemas.js'
import { type RegistryRouteDef, registerRegistryRoutes } from './registry.js'

// Verdeelsleutels, kostenposten, maatstafwaarden and referentiewaarden: CRUD like the
// registry (same paging, ETags, 412, 409, audit log), plus the allocation of one
// kostenpost with every part's computation.

export function kostenRouteDefs(services: Services): RegistryRouteDef[] {
  return [
    {
      path: services.objecttypen.verdeelsleutel.pad,
      tag: 'Kosten',
      singular: 'verdeelsleutel',
      service: services.verdeelsleutels,
      input: K.VerdeelsleutelInvoer,
      resource: K.Verdeelsleutel,
      filters: {
        samenwerkingId: Type.Optional(Id('Alleen sleutels van deze samenwerking.')),
        gastheerschapId: Type.Optional(Id('Alleen sleutels van dit gastheerschap.')),
      },
      sortFields: ['naam', 'aangemaaktOp', 'gewijzigdOp'],
    },
    {
      path: services.objecttypen.kostenpost.pad,
      tag: 'Kosten',
      singular: 'kostenpost',
      service: services.kostenposten,
      input: K.KostenpostInvoer,
      resource: K.Kostenpost,
      filters: {
        gastheerschapId: Type.Optional(Id('Alleen kostenposten van dit gastheerschap.')),
        samenwerkingId: Type.Optional(Id('Alleen kostenposten van deze samenwerking en haar gastheerschappen.')),
        gemaaktDoorId: Type.Optional(Id('Alleen kostenposten die deze organisatie maakt.')),
        applicatieId: Type.Optional(Id('Alleen kostenposten voor deze applicatie.')),
        verdeelsleutelId: Type.Optional(Id('Alleen kostenposten met deze verdeelsleutel.')),
        jaar: Type.Optional(K.Jaar('Alleen kostenposten in dit jaar.')),
        periode: Type.Optional(K.Periode('Alleen kostenposten met precies deze periode.')),
        soort: Type.Optional(Keuze(KOSTEN_SOORTEN, 'Alleen kostenposten van deze soort.')),
        categorie: Type.Optional(Keuze(KOSTEN_CATEGORIEEN, 'Alleen kostenposten in deze categorie.')),
      },
      sortFields: ['periode', 'omschrijving', 'categorie', 'realisatie', 'begroting', 'aangemaaktOp', 'gewijzigdOp'],
    },
    {
      path: services.objecttypen.maatstafwaarde.pad,
      tag: 'Kosten',
      singular: 'maatstafwaarde',
      service: services.maatstafwaarden,
      input: K.MaatstafwaardeInvoer,
      resource: K.Maatstafwaarde,
      filters: {
        organisatieId: Type.Optional(Id('Alleen waarden van deze organisatie.')),
        maatstaf: Type.Optional(Type.String({ maxLength: 200, description: 'Alleen deze maatstaf (hoofdletters maken niet uit).' })),
        jaar: Type.Optional(K.Jaar('Alleen waarden in dit jaar.')),
      },
      sortFields: ['maatstaf', 'jaar', 'aangemaaktOp', 'gewijzigdOp'],
    },
    {
      path: services.objecttypen.referentiewaarde.pad,
      tag: 'Kosten',
      singular: 'referentiewaarde',
      service: services.referentiewaarden,
      input: K.ReferentiewaardeInvoer,
      resource: K.Referentiewaarde,
      filters: { jaar: Type.Optional(K.Jaar('Alleen referenties voor dit jaar.')) },
      sortFields: ['naam', 'jaar', 'aangemaaktOp', 'gewijzigdOp'],
    },
  ]
}

export function registerKostenRoutes(app: Api, services: Services) {
  const cache = new ListCache(services.changes)
  for (const def of kostenRouteDefs(services)) registerRegistryRoutes(app, def, cache)

  app.get(
    '/kostenposten/:id/verdeling',
    {
      schema: {
        tags: ['Kosten'],
        operationId: 'kostenposten_verdeling',
        summary: 'De verdeling van een kostenpost over de deelnemers, met de berekening per deel',
        description:
          'Verdeelt de realisatie (of, zolang die er niet is, de begroting) met de versie van de verdeelsleutel die in het jaar van de kostenpost geldt. ' +
          'De delen tellen exact op tot het bedrag (grootste-restmethode; bij gelijke rest: grotere exacte breuk, dan organisatie-id). ' +
          'Ontbreekt een maatstaf voor een deelnemer, dan 409 met die deelnemer, maatstaf en jaar in invalidParams.',
        params: IdParams,
        response: { 200: Type.Ref('KostenpostVerdeling'), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      if (!(await services.kostenposten.exists(id, request.caller))) throw notFound('kostenpost', id)
      return cache.send(request, reply, () => verdelingVanKostenpost(services.db, id))
    },
  )

  app.get(
    '/kostenposten/:id/declaraties',
    {
      schema: {
        tags: ['Kosten'],
        operationId: 'kostenposten_declaraties',
        summary: 'De declaraties waarin een kostenpost is opgenomen, en of een correctie nodig is',
        description:
          'Elke declaratie met een regel voor deze kostenpost, met status en afnemer, voor zover de aanvrager haar mag zien: alleen afzender en afnemer zien een declaratie; ' +
          'wie de kostenpost wel maar de declaratie niet mag zien, krijgt een lege lijst. Per oorspronkelijke declaratie: wat is gedeclareerd (met correcties die geen concept meer zijn) ' +
          'en het deel van de afnemer nu; wijkt het deel nu af van wat in een definitieve declaratie staat, dan is correctieNodig waar en maakt de afzender een correctie met POST /declaraties/{id}/corrigeren.',
        params: IdParams,
        response: { 200: DeclaratiesVanKostenpost, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params
      if (!(await services.kostenposten.exists(id, request.caller))) throw notFound('kostenpost', id)
      return declaratiesVanKostenpost(services.db, id, request.caller)
    },
  )
}
