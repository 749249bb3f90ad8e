import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import type { BevindingRij } from '../../db/repos/bevindingen.js'
import { BEVINDING_SORTEERVELDEN } from '../../db/repos/bevindingen.js'
import { pageInfo, parseSort } from '../../domain/listing.js'
import { STANDAARDBELEID, STANDAARDBELEID_ID } from '../../domain/vertrouwen/index.js'
import { ERNST_NIVEAUS, REGEL_SOORTEN } from '../../domain/vertrouwen/typen.js'
import { Datum, Id, Keuze, ListQuery, sortParam } from '../../schemas/common.js'
import * as B from '../../schemas/vertrouwensbeleid.js'
import type { Services } from '../../services/index.js'
import { versies, voorvertoning } from '../../services/vertrouwensbeleid-service.js'
import { type Api, actorOf, ifMatchRevisie, sendResource } from '../http.js'
import { ListCache } from '../list-cache.js'
import { IdParams, IfMatchHeaders, problems, refTo } from '../schemas.js'
import { registerRegistryRoutes } from './registry.js'

// Trust, part two (issue 12): the policy as data (CRUD with versions, the shipped default,
// a preview of a change), the findings (list, one with its history, risk acceptance, the
// dashboard's counts), the review list and the uitbestedingstoets.

const TAG = 'Vertrouwen'

function alsBevinding(
  services: Services,
  request: FastifyRequest,
  rij: BevindingRij,
  geschiedenis?: { soort: string; op: Date; uitleg: { nl: string; en: string } | null }[],
) {
  const f = rij.inhoud
  const peildatum = services.bevindingen.peildatum()
  const beleidNaam = rij.beleid_id === STANDAARDBELEID_ID ? STANDAARDBELEID.naam : (rij.beleid_naam ?? rij.beleid_id)
  return {
    id: rij.id,
    revisie: rij.revisie,
    sleutel: rij.sleutel,
    status: rij.status,
    beleidId: rij.beleid_id,
    beleidNaam,
    regelId: f.regelId,
    regelSoort: f.regelSoort,
    ernst: f.ernst,
    maatregel: f.maatregel,
    partijId: f.partijId,
    partijNaam: rij.partij_naam ?? f.partijId,
    ...(f.eigenaarId ? { eigenaarId: f.eigenaarId, eigenaarNaam: rij.eigenaar_naam ?? f.eigenaarId } : {}),
    ...(f.toegangId ? { toegangId: f.toegangId } : {}),
    ...(f.contractId ? { contractId: f.contractId } : {}),
    ...(f.bewijsstukId ? { bewijsstukId: f.bewijsstukId } : {}),
    koppelingIds: f.koppelingIds,
    gastheerschapIds: f.gastheerschapIds,
    applicatieIds: f.applicatieIds,
    ...(f.datum ? { datum: f.datum } : {}),
    uitleg: f.uitleg,
    herstel: f.herstel,
    ...(f.ontbrekendBewijs
      ? { ontbrekendBewijs: f.ontbrekendBewijs.map(({ geldigOp, ...eis }) => ({ ...eis, peildatum: geldigOp })) }
      : {}),
    geopendOp: rij.geopend_op.toISOString(),
    ...(rij.gesloten_op ? { geslotenOp: rij.gesloten_op.toISOString() } : {}),
    ...(rij.acceptatie_tot && rij.geaccepteerd_op
      ? {
          risicoAcceptatie: {
            reden: rij.acceptatie_reden ?? '',
            eigenaar: rij.acceptatie_eigenaar ?? '',
            einddatum: rij.acceptatie_tot,
            geaccepteerdOp: rij.geaccepteerd_op.toISOString(),
            geaccepteerdDoor: rij.geaccepteerd_door ?? '',
            verlopen: rij.acceptatie_tot < peildatum,
          },
        }
      : {}),
    ...(geschiedenis
      ? { geschiedenis: geschiedenis.map((g) => ({ soort: g.soort, op: g.op.toISOString(), ...(g.uitleg ? { uitleg: g.uitleg } : {}) })) }
      : {}),
    aangemaaktOp: rij.aangemaakt_op.toISOString(),
    gewijzigdOp: rij.gewijzigd_op.toISOString(),
    toegestaneActies: request.caller && services.bevindingen.magAccepteren(request.caller, rij) ? ['risico-accepteren' as const] : [],
  }
}

const BevindingQuery = Type.Object(
  {
    pagina: ListQuery.pagina,
    paginaGrootte: ListQuery.paginaGrootte,
    sorteer: sortParam(BEVINDING_SORTEERVELDEN, 'ernst'),
    ernst: Type.Optional(Keuze(ERNST_NIVEAUS, 'Alleen bevindingen van deze ernst.')),
    status: Type.Optional(Keuze(B.BEVINDING_STATUSSEN, 'Alleen open, geaccepteerde of gesloten bevindingen.')),
    partijId: Type.Optional(Id('Alleen bevindingen over deze partij.')),
    eigenaarId: Type.Optional(Id('Alleen bevindingen onder het beleid van deze organisatie.')),
    samenwerkingId: Type.Optional(
      Id(
        'Alleen bevindingen binnen deze samenwerking: overgenomen beleid, een bevestigd lid als beschermde organisatie, of een leverancier als geheel (zonder eigenaar) waarop een lid steunt met een toegang of contract.',
      ),
    ),
    regelSoort: Type.Optional(Keuze(REGEL_SOORTEN, 'Alleen bevindingen van deze soort regel.')),
  },
  { additionalProperties: false },
)

const Ernsttelling = Type.Object(
  {
    hoog: Type.Integer({ minimum: 0, description: 'Hoog.' }),
    middel: Type.Integer({ minimum: 0, description: 'Middel.' }),
    laag: Type.Integer({ minimum: 0, description: 'Laag.' }),
  },
  { additionalProperties: false, description: 'Aantal per ernst.' },
)

const Herbeoordeling = Type.Object(
  {
    toegangId: Id('De toegang.', 'toegang'),
    partijId: Id('Wie toegang heeft.', 'organisatie'),
    partijNaam: Type.String({ description: 'Naam van de partij.' }),
    verleendDoorId: Id('Wie de toegang verleende.', 'organisatie'),
    verleendDoorNaam: Type.String({ description: 'Naam van wie de toegang verleende.' }),
    doel: Type.String({ description: 'Doel van de toegang.' }),
    laatsteBeoordeling: Type.Optional(Datum('Laatste herbeoordeling.')),
    uiterlijk: Datum('Uiterlijke datum van de volgende herbeoordeling.'),
    achterstallig: Type.Boolean({ description: 'De uiterlijke datum is voorbij.' }),
    beleidId: Id('Het beleid met de herbeoordelingsregel.'),
    beleidNaam: Type.String({ description: 'Naam van dat beleid.' }),
    regelId: Type.String({ description: 'De regel.' }),
    maatregel: Type.String({ description: 'De maatregel.' }),
  },
  { additionalProperties: false, description: 'Een toegang die (binnenkort) herbeoordeeld moet worden.' },
)

export function registerBevindingenRoutes(app: Api, services: Services) {
  const cache = new ListCache(services.changes)
  const pad = services.objecttypen.vertrouwensbeleid.pad

  // Static paths before the generated /{id}: the shipped default and the preview.
  app.get(
    `/${pad}/standaard`,
    {
      schema: {
        tags: [TAG],
        operationId: 'vertrouwensbeleid_standaard',
        summary: 'Het meegeleverde standaardbeleid (BIO), alleen lezen',
        description:
          'Geldt voor elke organisatie zonder eigen beleid en zonder overgenomen beleid. Iedereen die is aangemeld mag het lezen.',
        response: { 200: Type.Ref('Standaardbeleid'), ...problems(401) },
      },
    },
    async () => ({ id: STANDAARDBELEID.id, naam: STANDAARDBELEID.naam, versie: STANDAARDBELEID.versie, regels: STANDAARDBELEID.regels }),
  )

  app.post(
    `/${pad}/_voorvertoning`,
    {
      schema: {
        tags: [TAG],
        operationId: 'vertrouwensbeleid_voorvertoning',
        summary: 'Welke bevindingen een beleidswijziging zou openen en sluiten, zonder op te slaan',
        description: `Mag: wie het beleid mag vastleggen (beheerder van de eigenaar). Niets wordt opgeslagen of gelogd. Opslaan van een wijziging die meer dan ${100} bevindingen opent, vraagt daarna bevestigGevolgen: true (anders 409 met het aantal).`,
        body: refTo(B.Voorvertoning),
        response: { 200: Type.Ref('VoorvertoningUitkomst'), ...problems(400, 401, 403) },
      },
    },
    async (request) => voorvertoning(services.db, services.bevindingen, request.caller as NonNullable<typeof request.caller>, request.body),
  )

  registerRegistryRoutes(
    app,
    {
      path: pad,
      tag: TAG,
      singular: 'vertrouwensbeleid',
      service: services.vertrouwensbeleid,
      input: B.VertrouwensbeleidInvoer,
      resource: B.Vertrouwensbeleid,
      filters: {
        eigenaarId: Type.Optional(Id('Alleen het beleid van deze organisatie.')),
        samenwerkingId: Type.Optional(Id('Alleen beleid dat deze samenwerking overnam.')),
      },
      sortFields: ['naam', 'aangemaaktOp', 'gewijzigdOp'],
    },
    cache,
  )

  app.get(
    `/${pad}/:id/versies`,
    {
      schema: {
        tags: [TAG],
        operationId: 'vertrouwensbeleid_versies',
        summary: 'Alle opgeslagen versies van een beleid, oudste eerst',
        params: IdParams,
        response: {
          200: Type.Object({ resultaten: Type.Array(Type.Ref('BeleidsVersie')) }, { description: 'De versies.' }),
          ...problems(400, 401, 404),
        },
      },
    },
    async (request) => {
      await services.vertrouwensbeleid.get(request.params.id, request.caller)
      const rijen = await versies.lijst(services.db, request.params.id)
      return {
        resultaten: rijen.map((r) => ({
          versie: r.versie,
          vastgesteldOp: new Date(r.vastgesteld_op).toISOString(),
          vastgesteldDoor: r.vastgesteld_door,
          beleid: { ...r.staat, versie: r.versie },
        })),
      }
    },
  )

  const bevindingen = services.objecttypen.bevinding.pad
  app.get(
    `/${bevindingen}`,
    {
      schema: {
        tags: [TAG],
        operationId: 'bevindingen_lijst',
        summary: 'Bevindingen: waar de werkelijkheid het vertrouwensbeleid breekt',
        description:
          'Alleen wat de vrager mag zien: de beschermde organisatie, de partij zelf, wie de toegang of het contract ziet, en leden van een samenwerking die het beleid overnam. Een geaccepteerd risico waarvan de einddatum voorbij is, telt weer als open.',
        querystring: BevindingQuery,
        response: {
          200: Type.Object(
            { resultaten: Type.Array(Type.Ref('Bevinding')), paginering: Type.Ref('Paginering') },
            { description: 'Een pagina bevindingen.' },
          ),
          ...problems(400, 401),
        },
      },
    },
    async (request) => {
      const { pagina = 1, paginaGrootte = 20, sorteer, ...filters } = request.query
      const sort = parseSort(sorteer, 'ernst,-geopendOp')
      const { rijen, totaal } = await services.bevindingen.lijst(request.caller as NonNullable<typeof request.caller>, {
        filters,
        sort,
        pagina,
        paginaGrootte,
      })
      return { resultaten: rijen.map((r) => alsBevinding(services, request, r)), paginering: pageInfo({ pagina, paginaGrootte }, totaal) }
    },
  )

  app.get(
    `/${bevindingen}/_tellingen`,
    {
      schema: {
        tags: [TAG],
        operationId: 'bevindingen_tellingen',
        summary: 'Open en geaccepteerde bevindingen per ernst (het dashboard)',
        response: {
          200: Type.Object(
            { peildatum: Datum('Vandaag (Europe/Amsterdam).'), open: Ernsttelling, geaccepteerd: Ernsttelling },
            { description: 'Aantallen van wat de vrager mag zien.' },
          ),
          ...problems(401),
        },
      },
    },
    async (request) => services.bevindingen.tellingen(request.caller as NonNullable<typeof request.caller>),
  )

  app.get(
    `/${bevindingen}/:id`,
    {
      schema: {
        tags: [TAG],
        operationId: 'bevindingen_lezen',
        summary: 'Eén bevinding met haar geschiedenis',
        params: IdParams,
        response: { 200: Type.Ref('Bevinding'), ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { rij, geschiedenis } = await services.bevindingen.get(request.caller as NonNullable<typeof request.caller>, request.params.id)
      return sendResource(reply, alsBevinding(services, request, rij, geschiedenis))
    },
  )

  app.post(
    `/${bevindingen}/:id/risico-accepteren`,
    {
      schema: {
        tags: [TAG],
        operationId: 'bevindingen_risico_accepteren',
        summary: 'Een bevinding als risico aanvaarden: reden, risico-eigenaar en einddatum',
        description:
          'Mag: een beheerder (CISO) van de organisatie wier beleid de bevinding betreft. De bevinding blijft zichtbaar (status geaccepteerd) tot en met de einddatum en telt daarna weer als open. Volgorde: 404 → 412 → 403 → 409 (gesloten). Staat in het auditlog (risico-accepteren).',
        params: IdParams,
        headers: IfMatchHeaders,
        body: refTo(B.RisicoAcceptatieInvoer),
        response: { 200: Type.Ref('Bevinding'), ...problems(400, 401, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const { rij, geschiedenis } = await services.bevindingen.risicoAccepteren(
        actorOf(request),
        request.params.id,
        request.body,
        ifMatchRevisie(request),
      )
      return sendResource(reply, alsBevinding(services, request, rij, geschiedenis))
    },
  )

  app.get(
    '/herbeoordelingen',
    {
      schema: {
        tags: [TAG],
        operationId: 'herbeoordelingen_lijst',
        summary: 'Toegangen die (binnen N dagen) herbeoordeeld moeten worden',
        description:
          'Volgens de herbeoordelingsregel van het beleid dat op elke toegang van toepassing is; alleen toegangen die de vrager mag zien. Herbeoordelen zelf: POST /toegangen/{id}/herbeoordelen.',
        querystring: Type.Object(
          {
            binnenDagen: Type.Optional(
              Type.Integer({ minimum: 0, maximum: 366, default: 30, description: 'Ook wat binnen zoveel dagen verloopt (standaard 30).' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object(
            {
              peildatum: Datum('Vandaag.'),
              binnenDagen: Type.Integer({ description: 'Gevraagd venster.' }),
              resultaten: Type.Array(Herbeoordeling),
            },
            { description: 'De herbeoordelingslijst, vroegste eerst.' },
          ),
          ...problems(400, 401),
        },
      },
    },
    async (request) =>
      services.bevindingen.herbeoordelingen(request.caller as NonNullable<typeof request.caller>, request.query.binnenDagen ?? 30),
  )

  app.post(
    '/uitbestedingstoets',
    {
      schema: {
        tags: [TAG],
        operationId: 'uitbestedingstoets',
        summary: 'Uitbestedingstoets: wat partij P zou raken, welke toegang zij nodig heeft en welke regels zij vandaag breekt',
        description:
          'Alleen lezen, niets wordt opgeslagen of gelogd. Alleen wat de vrager mag zien telt mee; een id dat de vrager niet mag zien is onbekend (400 bestaat-niet).',
        body: refTo(B.Uitbestedingsvraag),
        response: {
          200: Type.Unsafe({
            type: 'object',
            additionalProperties: true,
            description: 'De uitkomst (Uitbestedingstoets van src/domain/vertrouwen).',
          }),
          ...problems(400, 401),
        },
      },
    },
    async (request) => services.bevindingen.uitbestedingstoets(request.caller as NonNullable<typeof request.caller>, request.body),
  )
}
