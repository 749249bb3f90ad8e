import { Readable } from 'node:stream'
import Type from 'typebox'
import { unauthenticated } from '../../domain/errors.js'
import type { Taal } from '../../domain/taal.js'
import { bestandTeGroot, MAX_ARCHIMATE_BYTES } from '../../io/archimate/lezen.js'
import { schrijfArchimate } from '../../io/archimate/schrijven.js'
import { Id } from '../../schemas/common.js'
import { type ArchimateImportRapport, HarmonisatieQuery } from '../../schemas/interop.js'
import * as S from '../../schemas/registry.js'
import type { ImportRapport } from '../../services/archimate-service.js'
import type { Services } from '../../services/index.js'
import { type Api, actorOf, languageOf } from '../http.js'
import { ListCache } from '../list-cache.js'
import { problem, problems } from '../schemas.js'
import { type RegistryRouteDef, registerRegistryRoutes } from './registry.js'

// Interoperability with the GEMMA ecosystem (issue 15): the reference components as a
// registry resource, ArchiMate import (with a dry run) and export, and the harmonisation
// overview.

const MB = MAX_ARCHIMATE_BYTES / (1024 * 1024)
const XML_TYPES = ['application/xml', 'text/xml']

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

/** The report with every reason in the reader's language. */
function rapportIn(r: ImportRapport, taal: Taal): ArchimateImportRapport {
  return {
    ...r,
    overgeslagen: r.overgeslagen.map((o) => ({ ...o, reden: o.reden[taal] })),
    aannames: r.aannames.map((a) => ({ ...a, reden: a.reden[taal] })),
    fouten: r.fouten.map((f) => ({ ...f, reden: f.reden[taal] })),
  }
}

/** A file name from a model name: letters, digits and dashes only. */
function bestandsnaam(naam: string): string {
  const slug = naam
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
  return `${slug || 'landschap'}-archimate.xml`
}

export function registerInteropRoutes(app: Api, services: Services) {
  const cache = new ListCache(services.changes)
  for (const def of interopRouteDefs(services)) registerRegistryRoutes(app, def, cache)

  // The file streams into the reader: a large model is never held as one string, and a
  // body past the limit is cut off there (also without a Content-Length).
  // A declared length over the limit is refused before a byte is read.
  app.addContentTypeParser(XML_TYPES, (request, payload, done) => {
    const lengte = Number(request.headers['content-length'])
    if (Number.isFinite(lengte) && lengte > MAX_ARCHIMATE_BYTES) return done(bestandTeGroot(), undefined)
    done(null, payload)
  })

  app.post(
    '/archimate/import',
    {
      bodyLimit: MAX_ARCHIMATE_BYTES,
      config: { streamBody: true },
      schema: {
        tags: ['Interoperabiliteit'],
        operationId: 'archimate_importeren',
        summary: 'Een ArchiMate-bestand (Open Group exchange format) importeren, of met proef=true alleen het rapport',
        description:
          `Het bestand zelf als inhoud (Content-Type application/xml), ten hoogste ${MB} MB; ArchiMate 3.0/3.1 exchange format (namespace http://www.opengroup.org/xsd/archimate/3.0/), zoals Archi en de GEMMA Softwarecatalogus het schrijven. ` +
          'BusinessActors worden organisaties (gevonden op identificatie, CBS-code, OIN, dan naam), ApplicationComponents applicaties (of GEMMA-referentiecomponenten, of landelijke voorzieningen), Flow-, Serving- en Triggering-relaties tussen componenten koppelingen (met de tussenliggende component als via), ' +
          'eigenschappen (leverancier, versie, GEMMA-id) worden overgenomen of bewaard. Bestaande objecten worden nooit overschreven, hooguit aangevuld (gebruikers, referentiecomponenten, identificatie). ' +
          'proef=true: alleen het rapport (200), niets opgeslagen. Anders één transactie, alles of niets (201); zolang het rapport fouten noemt: 400 met die fouten in invalidParams, niets opgeslagen. ' +
          'Een onleesbaar of vijandig bestand (geen XML, een DOCTYPE/DTD — nooit verwerkt, dus geen XXE of entity-expansie —, een andere namespace of ArchiMate-versie, dubbele identificaties, relaties naar ontbrekende elementen): 400 met het regelnummer in invalidParams. ' +
          `Groter dan ${MB} MB: 413. Alleen voor een admin (403).`,
        querystring: Type.Object(
          { proef: Type.Optional(Type.Boolean({ description: 'true: proefimport, alleen het rapport; niets opgeslagen.' })) },
          { additionalProperties: false },
        ),
        consumes: XML_TYPES,
        body: Type.String({ description: `Het ArchiMate-bestand (XML), ten hoogste ${MB} MB.` }),
        response: {
          200: Type.Ref('ArchimateImportRapport', { description: 'Het rapport van de proefimport; niets opgeslagen.' }),
          201: Type.Ref('ArchimateImportRapport', { description: 'Geïmporteerd; het rapport zegt wat.' }),
          ...problems(400, 401, 403, 415),
          413: problem(`Het bestand is groter dan ${MB} MB.`),
        },
      },
    },
    async (request, reply) => {
      const proef = request.query.proef === true
      const bestand = request.body as unknown as Readable
      try {
        const rapport = await services.archimate.importeer(actorOf(request), bestand, { proef })
        return reply.code(proef ? 200 : 201).send(rapportIn(rapport, languageOf(request)))
      } catch (e) {
        // Refused before the whole file was read (403, a bad file, past the limit): the rest
        // of the upload is not waited for, and the connection closes after the answer.
        if (!bestand.readableEnded) reply.header('Connection', 'close')
        throw e
      }
    },
  )

  app.get(
    '/archimate/export',
    {
      schema: {
        tags: ['Interoperabiliteit'],
        operationId: 'archimate_exporteren',
        summary: 'Het landschap als ArchiMate-bestand (Open Group exchange format), met een diagram',
        description:
          'Wat de vrager mag zien: organisaties (BusinessActor), applicaties en GEMMA-referentiecomponenten (ApplicationComponent, met Realization), gebruik (Serving) en koppelingen (Flow, via als twee stromen), met hun eigenschappen, en één gegenereerd diagram zodat Archi het model met plaat opent. ' +
          'Met samenwerkingId alleen die samenwerking: haar koppelingen, de applicaties die haar bevestigde leden gebruiken en die de koppelingen verbinden. Een import van dit bestand in een lege database geeft hetzelfde landschap met dezelfde id’s.',
        querystring: Type.Object(
          { samenwerkingId: Type.Optional(Id('Alleen het landschap van deze samenwerking.')) },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: 'Het ArchiMate-bestand als bijlage (Content-Disposition).',
            content: { 'application/xml': { schema: { type: 'string' } } },
          },
          ...problems(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      if (!request.caller) throw unauthenticated()
      const model = await services.archimate.exporteer(request.caller, request.query.samenwerkingId)
      return reply
        .header('Content-Type', 'application/xml; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${bestandsnaam(model.naam)}"`)
        .header('Cache-Control', 'private, no-store')
        .header('X-Content-Type-Options', 'nosniff')
        .send(Readable.from(schrijfArchimate(model)))
    },
  )

  app.get(
    '/harmonisatie',
    {
      schema: {
        tags: ['Interoperabiliteit'],
        operationId: 'harmonisatie',
        summary: 'Waar leden van een samenwerking verschillende applicaties gebruiken voor hetzelfde doel',
        description:
          'Per GEMMA-referentiecomponent de applicaties die bevestigde leden van de samenwerking gebruiken, met leverancier, gebruikers en — waar kostenposten de applicatie noemen en de vrager ze mag zien — de kosten in het jaar (eurocent). ' +
          'Componenten met meer dan één applicatie eerst (verschillend = true); applicaties zonder referentiecomponent apart. Een samenwerking die de vrager niet mag zien: 404.',
        querystring: HarmonisatieQuery,
        response: { 200: Type.Ref('Harmonisatie'), ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      if (!request.caller) throw unauthenticated()
      return services.harmonisatie.overzicht(request.caller, request.query.samenwerkingId, request.query.jaar)
    },
  )
}
