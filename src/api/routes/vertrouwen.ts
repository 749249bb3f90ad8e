import Type from 'typebox'
import { BEWIJS_SOORTEN } from '../../domain/vertrouwen/typen.js'
import { Id, Keuze } from '../../schemas/common.js'
import * as V from '../../schemas/vertrouwen.js'
import type { Services } from '../../services/index.js'
import { bijlageLezen, bijlageToevoegen, bijlageVerwijderen, herbeoordelen } from '../../services/vertrouwen-service.js'
import { type Api, actorOf, ifMatchRevisie, sendResource } from '../http.js'
import { ListCache } from '../list-cache.js'
import { validatorCompiler } from '../plugins/validation.js'
import { presenteer } from '../presenters/presenter.js'
import { IdParams, IfMatchHeaders, problem, problems, refTo } from '../schemas.js'
import { type RegistryRouteDef, registerRegistryRoutes } from './registry.js'

// Trust (issue 12): bewijsstukken, contracten and toegangen as CRUD like the registry
// (same paging, ETags, 412, 409, audit log), the upload of a bewijsstuk's document, and
// the herbeoordeling of a toegang.

const MB = V.BIJLAGE_MAX_BYTES / (1024 * 1024)

export function vertrouwenRouteDefs(services: Services): RegistryRouteDef[] {
  return [
    {
      path: services.objecttypen.bewijsstuk.pad,
      tag: 'Vertrouwen',
      singular: 'bewijsstuk',
      service: services.bewijsstukken,
      input: V.BewijsstukInvoer,
      resource: V.Bewijsstuk,
      filters: {
        organisatieId: Type.Optional(Id('Alleen bewijsstukken over deze partij.')),
        soort: Type.Optional(Keuze(BEWIJS_SOORTEN, 'Alleen bewijsstukken van deze soort.')),
        getekendMetId: Type.Optional(Id('Alleen verwerkersovereenkomsten getekend met deze organisatie.')),
      },
      sortFields: ['geldigTot', 'geldigVanaf', 'soort', 'uitgever', 'aangemaaktOp', 'gewijzigdOp'],
    },
    {
      path: services.objecttypen.contract.pad,
      tag: 'Vertrouwen',
      singular: 'contract',
      service: services.contracten,
      input: V.ContractInvoer,
      resource: V.Contract,
      filters: {
        leverancierId: Type.Optional(Id('Alleen contracten met deze leverancier.')),
        afnemerId: Type.Optional(Id('Alleen contracten van deze afnemer.')),
        applicatieId: Type.Optional(Id('Alleen contracten die deze applicatie dekken.')),
        koppelingId: Type.Optional(Id('Alleen contracten die deze koppeling dekken.')),
        auditrecht: Type.Optional(Type.Boolean({ description: 'Alleen contracten met (true) of zonder (false) auditrecht.' })),
        exitstrategie: Type.Optional(Type.Boolean({ description: 'Alleen contracten met (true) of zonder (false) exitstrategie.' })),
      },
      sortFields: ['omschrijving', 'startdatum', 'einddatum', 'aangemaaktOp', 'gewijzigdOp'],
    },
    {
      path: services.objecttypen.toegang.pad,
      tag: 'Vertrouwen',
      singular: 'toegang',
      service: services.toegangen,
      input: V.ToegangInvoer,
      resource: V.Toegang,
      filters: {
        partijId: Type.Optional(Id('Alleen toegangen van deze partij.')),
        verleendDoorId: Type.Optional(Id('Alleen toegangen verleend door deze organisatie.')),
        applicatieId: Type.Optional(Id('Alleen toegangen tot deze applicatie.')),
        koppelingId: Type.Optional(Id('Alleen toegangen tot deze koppeling.')),
        objectSoort: Type.Optional(Keuze(['applicatie', 'koppeling', 'netwerkzone'] as const, 'Alleen toegangen tot dit soort object.')),
      },
      sortFields: ['doel', 'geldigTot', 'laatsteBeoordeling', 'aangemaaktOp', 'gewijzigdOp'],
    },
  ]
}

export async function registerVertrouwenRoutes(app: Api, services: Services) {
  const cache = new ListCache(services.changes)
  for (const def of vertrouwenRouteDefs(services)) registerRegistryRoutes(app, def, cache)
  // Its own context, so only these routes take a file; a child context needs the compiler set again (as in app.ts).
  await app.register(async (uploads: Api) => {
    uploads.setValidatorCompiler(validatorCompiler)
    registerBijlageRoutes(uploads, services)
  })
  registerHerbeoordelen(app, services)
}

/** The file name a client gives in `Content-Disposition: attachment; filename="…"` (or filename*=UTF-8''…). */
function gegevenBestandsnaam(header: string | undefined): string | undefined {
  if (!header) return undefined
  const utf8 = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)
  if (utf8) {
    try {
      return decodeURIComponent(utf8[1].trim())
    } catch {
      return undefined
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(header)?.[1]?.trim()
}

/** `attachment` with an ASCII fallback and the exact name in RFC 5987 form. */
function bijlageDisposition(bestandsnaam: string): string {
  const ascii = bestandsnaam.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(bestandsnaam)}`
}

function registerBijlageRoutes(app: Api, services: Services) {
  // Only here a body may be a file: PDF, PNG or JPEG as raw bytes, up to the upload limit.
  app.addContentTypeParser([...V.BIJLAGE_MEDIATYPES], { parseAs: 'buffer' }, (_request, body, done) => done(null, body))
  const pad = `/${services.objecttypen.bewijsstuk.pad}/:id/bijlage`

  app.put(
    pad,
    {
      bodyLimit: V.BIJLAGE_MAX_BYTES,
      config: { rawBody: true },
      schema: {
        tags: ['Vertrouwen'],
        operationId: 'bewijsstukken_bijlage_plaatsen',
        summary: 'Het document van een bewijsstuk uploaden (of vervangen)',
        description:
          `Het bestand zelf als inhoud, met Content-Type application/pdf, image/png of image/jpeg; ten hoogste ${MB} MB (${V.BIJLAGE_MAX_BYTES} bytes). ` +
          'Het type wordt aan de inhoud vastgesteld (%PDF-, de PNG-handtekening, FF D8 FF), niet aan naam of header: past de inhoud niet bij het Content-Type, of is het bestand leeg, dan 400 op veld bijlage. ' +
          'De bestandsnaam mag mee in Content-Disposition (attachment; filename="…"). De SHA-256 wordt bewaard en getoond. ' +
          'Mag: wie het bewijsstuk mag wijzigen. Volgorde: 404 (niet zichtbaar) → 412 (verouderde If-Match) → 403 → 400.',
        params: IdParams,
        headers: Type.Object({
          ...IfMatchHeaders.properties,
          'content-disposition': Type.Optional(Type.String({ maxLength: 500, description: 'attachment; filename="certificaat.pdf"' })),
        }),
        consumes: [...V.BIJLAGE_MEDIATYPES],
        body: Type.String({ format: 'binary', description: `Het bestand (PDF, PNG of JPEG), ten hoogste ${MB} MB.` }),
        response: {
          200: Type.Ref('Bewijsstuk'),
          ...problems(400, 401, 403, 404, 412, 415),
          413: problem(`Het bestand is groter dan ${MB} MB (${V.BIJLAGE_MAX_BYTES} bytes).`),
        },
      },
    },
    async (request, reply) => {
      const upload = {
        inhoud: request.body as unknown as Buffer,
        mediatype: String(request.headers['content-type'] ?? '')
          .split(';')[0]
          .trim()
          .toLowerCase(),
        bestandsnaam: gegevenBestandsnaam(request.headers['content-disposition']),
      }
      const updated = await bijlageToevoegen(services.bewijsstukken, actorOf(request), request.params.id, ifMatchRevisie(request), upload)
      const [shown] = await presenteer(services.bewijsstukken, {}, request, [updated])
      return sendResource(reply, shown)
    },
  )

  app.get(
    pad,
    {
      schema: {
        tags: ['Vertrouwen'],
        operationId: 'bewijsstukken_bijlage_lezen',
        summary: 'Het document van een bewijsstuk downloaden',
        description:
          'Het geüploade bestand, met het bewaarde mediatype, als bijlage (Content-Disposition: attachment) en X-Content-Type-Options: nosniff. ' +
          'Alleen voor wie het bewijsstuk mag zien; anders, en zonder bijlage, 404.',
        params: IdParams,
        response: {
          200: {
            description: 'Het bestand, als bijlage (Content-Disposition) met het bewaarde mediatype en nosniff.',
            content: Object.fromEntries(V.BIJLAGE_MEDIATYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
          },
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const b = await bijlageLezen(services.db, services.bewijsstukken, request.params.id, request.caller)
      return reply
        .header('Content-Type', b.mediatype)
        .header('Content-Disposition', bijlageDisposition(b.bestandsnaam))
        .header('X-Content-Type-Options', 'nosniff')
        .header('X-Checksum-SHA256', b.sha256)
        .send(b.inhoud)
    },
  )

  app.delete(
    pad,
    {
      schema: {
        tags: ['Vertrouwen'],
        operationId: 'bewijsstukken_bijlage_verwijderen',
        summary: 'Het document van een bewijsstuk verwijderen',
        description: 'Mag: wie het bewijsstuk mag wijzigen. 404 als het bewijsstuk niet zichtbaar is of geen bijlage heeft.',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 200: Type.Ref('Bewijsstuk'), ...problems(400, 401, 403, 404, 412) },
      },
    },
    async (request, reply) => {
      const updated = await bijlageVerwijderen(services.bewijsstukken, actorOf(request), request.params.id, ifMatchRevisie(request))
      const [shown] = await presenteer(services.bewijsstukken, {}, request, [updated])
      return sendResource(reply, shown)
    },
  )
}

function registerHerbeoordelen(app: Api, services: Services) {
  app.post(
    `/${services.objecttypen.toegang.pad}/:id/herbeoordelen`,
    {
      schema: {
        tags: ['Vertrouwen'],
        operationId: 'toegangen_herbeoordelen',
        summary: 'Een toegang herbeoordelen: goedkeuren of intrekken',
        description:
          'goedkeuren: laatsteBeoordeling wordt vandaag (datum in Europe/Amsterdam), beoordelaar de vrager; met geldigTot ook een nieuwe einddatum (niet vóór vandaag). ' +
          'intrekken (reden verplicht): de toegang eindigt vandaag (geldigTot; een eerdere einddatum blijft), de intrekking met reden staat in intrekking. ' +
          'Een ingetrokken toegang goedkeuren geeft 409. Mag: wie de toegang mag wijzigen (een beheerder van de verlenende organisatie). ' +
          'Volgorde: 404 → 412 → 403 → 400 → 409. In het auditlog als herbeoordelen of intrekken.',
        params: IdParams,
        headers: IfMatchHeaders,
        body: refTo(V.Herbeoordeling),
        response: { 200: Type.Ref('Toegang'), ...problems(400, 401, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const updated = await herbeoordelen(
        services.toegangen,
        services.klok,
        actorOf(request),
        request.params.id,
        ifMatchRevisie(request),
        request.body,
      )
      const [shown] = await presenteer(services.toegangen, {}, request, [updated])
      return sendResource(reply, shown)
    },
  )
}
