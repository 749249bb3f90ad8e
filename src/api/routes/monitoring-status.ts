import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import type { Caller } from '../../domain/access.js'
import { invalidInput, unauthenticated } from '../../domain/errors.js'
import { pageInfo } from '../../domain/listing.js'
import { CONTROLE_SOORTEN } from '../../domain/monitoring/invoer.js'
import { WERKINGSSTATUSSEN } from '../../domain/monitoring/typen.js'
import { beschikbaarheidCsv, beschikbaarheidXlsx } from '../../io/beschikbaarheid-export.js'
import type { Monitor, MonitorOpties } from '../../monitor/planner.js'
import { Id, Keuze, ListQuery, Tijdstip } from '../../schemas/common.js'
import { STATUSSEN, TestmeldingUitkomst, Totalen, Verloop, Werking } from '../../schemas/monitoring-status.js'
import type { Services } from '../../services/index.js'
import type { ControleOverzichtRegel } from '../../services/monitoring-status-service.js'
import { MonitoringStatusService } from '../../services/monitoring-status-service.js'
import type { Actor } from '../../services/registry-service.js'
import { type Api, actorOf, sendNoContent } from '../http.js'
import { IdParams, problems } from '../schemas.js'

// What the measurements say (issue 14), per reader: the monitoring overview, one
// controle's history and "run now", storingen with their timeline, a koppeling's working
// state and its override, availability per month (JSON, CSV, XLSX), the status page (also
// public, when a samenwerking chose so), and a test notification. Instants go out as ISO
// 8601 (UTC); the UI shows them in Europe/Amsterdam.

const TAG = ['Monitoring']
const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString())
function toonControle(c: ControleOverzichtRegel) {
  return {
    id: c.id,
    naam: c.naam,
    soort: c.soort,
    status: c.status,
    intervalSeconden: c.intervalSeconden,
    ...(c.koppeling ? { koppeling: c.koppeling } : {}),
    ...(c.applicatie ? { applicatie: c.applicatie } : {}),
    ...(c.laatste
      ? {
          laatsteMeting: {
            op: iso(c.laatste.op),
            geslaagd: c.laatste.geslaagd,
            soort: c.laatste.soort,
            ...(c.laatste.reden ? { reden: c.laatste.reden } : {}),
            ...(c.laatste.duurMs === undefined ? {} : { duurMs: c.laatste.duurMs }),
          },
        }
      : {}),
    ...(c.storing ? { storing: { id: c.storing.id, sinds: iso(c.storing.sinds) } } : {}),
    ...(c.beschikbaarheid24u === undefined ? {} : { beschikbaarheid24u: c.beschikbaarheid24u }),
  }
}

type StoringIn = Awaited<ReturnType<MonitoringStatusService['storing']>>
function toonStoring(s: StoringIn) {
  return {
    id: s.id,
    controle: s.controle,
    ...(s.koppeling ? { koppeling: s.koppeling } : {}),
    begonnenOp: iso(s.begonnenOp),
    geopendOp: iso(s.geopendOp),
    ...(s.geslotenOp ? { geslotenOp: iso(s.geslotenOp) } : {}),
    open: s.geslotenOp === undefined,
    ...(s.reden ? { reden: s.reden } : {}),
    tijdlijn: s.tijdlijn.map((g) => ({ ...g, op: iso(g.op) })),
  }
}

/** The signed-in caller: the auth plugin lets no request without one reach these routes. */
function ingelogd(request: FastifyRequest): Caller {
  if (!request.caller) throw unauthenticated()
  return request.caller
}

/** The signed-in actor, for what is audited. */
const actorMet = (request: FastifyRequest): Actor & { caller: Caller } => ({ ...actorOf(request), caller: ingelogd(request) })

const MIME = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }

export function registerMonitoringStatusRoutes(
  app: Api,
  services: Services,
  monitor: Monitor,
  opties: Omit<MonitorOpties, 'klok' | 'log'>,
) {
  const status = new MonitoringStatusService(services.db, services, services.klok)

  app.get(
    '/monitoring',
    {
      schema: {
        tags: TAG,
        operationId: 'monitoring_overzicht',
        summary: 'Overzicht van de controles en hun werking',
        description:
          'Aantallen per werking en één pagina controles (op naam) met hun laatste meting, open storing en beschikbaarheid van de laatste 24 uur. Alleen wat de vrager mag zien.',
        querystring: Type.Object(
          {
            ...ListQuery,
            samenwerkingId: Type.Optional(Id('Alleen controles van koppelingen van deze samenwerking.')),
            koppelingId: Type.Optional(Id('Alleen controles van deze koppeling.')),
            status: Type.Optional(Keuze(STATUSSEN, 'Alleen controles met deze werking.')),
            soort: Type.Optional(Keuze(CONTROLE_SOORTEN, 'Alleen controles van deze soort.')),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            totalen: Totalen,
            resultaten: Type.Array(Type.Ref('ControleStatus')),
            paginering: Type.Ref('Paginering'),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const q = request.query
      const pagina = q.pagina ?? 1
      const paginaGrootte = q.paginaGrootte ?? 20
      const r = await status.overzicht(ingelogd(request), { ...q, pagina, paginaGrootte })
      return {
        totalen: r.totalen,
        resultaten: r.regels.map(toonControle),
        paginering: pageInfo({ pagina, paginaGrootte }, r.total),
      }
    },
  )

  app.get(
    `/${services.objecttypen.controle.pad}/:id/verloop`,
    {
      schema: {
        tags: TAG,
        operationId: 'controles_verloop',
        summary: 'Werking en geschiedenis van één controle',
        description: 'De werking nu, de uurtotalen van de laatste dagen (voor de grafiek) en de laatste 50 metingen van de afgelopen week.',
        params: IdParams,
        querystring: Type.Object(
          { dagen: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 7, description: 'Hoeveel dagen uurtotalen (1–90).' })) },
          { additionalProperties: false },
        ),
        response: {
          200: Verloop,
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const r = await status.verloop(ingelogd(request), request.params.id, request.query.dagen ?? 7)
      return {
        stand: toonControle(r.stand),
        uren: r.uren.map((u) => ({
          uur: iso(u.uur),
          aantal: u.aantal,
          geslaagd: u.geslaagd,
          inOnderhoud: u.inOnderhoud,
          gemiddeldeDuurMs: u.aantal > 0 ? Math.round(u.duurSomMs / u.aantal) : 0,
          maxDuurMs: u.duurMaxMs,
        })),
        metingen: r.metingen.map((m) => ({ ...m, tijdstip: iso(m.tijdstip) })),
      }
    },
  )

  app.post(
    `/${services.objecttypen.controle.pad}/:id/uitvoeren`,
    {
      schema: {
        tags: TAG,
        operationId: 'controles_uitvoeren',
        summary: 'Een controle nu uitvoeren',
        description:
          'Voert de controle nu uit (buiten het schema om), legt de meting vast zoals elke andere en geeft de uitkomst. Mag: wie de controle mag wijzigen.',
        params: IdParams,
        response: { 200: Type.Ref('Uitkomst'), ...problems(401, 403, 404) },
      },
    },
    async (request) => status.voerUit(ingelogd(request), request.params.id, monitor),
  )

  app.get(
    '/storingen',
    {
      schema: {
        tags: TAG,
        operationId: 'storingen_lijst',
        summary: 'Storingen',
        description: 'Storingen van controles die de vrager mag zien, nieuwste eerst (hoogstens 200).',
        querystring: Type.Object(
          {
            controleId: Type.Optional(Id('Alleen storingen van deze controle.')),
            koppelingId: Type.Optional(Id('Alleen storingen van controles van deze koppeling.')),
            samenwerkingId: Type.Optional(Id('Alleen storingen binnen deze samenwerking.')),
            open: Type.Optional(Type.Boolean({ description: 'true: alleen open storingen; false: alleen gesloten.' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ resultaten: Type.Array(Type.Ref('Storing')) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({ resultaten: (await status.storingen(ingelogd(request), { ...request.query, max: 200 })).map(toonStoring) }),
  )

  app.get(
    '/storingen/:id',
    {
      schema: {
        tags: TAG,
        operationId: 'storingen_lezen',
        summary: 'Eén storing met haar tijdlijn',
        params: IdParams,
        response: { 200: Type.Ref('Storing'), ...problems(401, 403, 404) },
      },
    },
    async (request) => toonStoring(await status.storing(ingelogd(request), request.params.id)),
  )

  app.post(
    '/storingen/:id/tijdlijn',
    {
      schema: {
        tags: TAG,
        operationId: 'storingen_tijdlijn_aanvullen',
        summary: 'Een storing bevestigen of er een notitie bij zetten',
        description:
          'bevestigd: iemand pakt het op (alleen bij een open storing; tekst mag). notitie: tekst verplicht, ook na sluiten. Mag: wie de controle mag wijzigen.',
        params: IdParams,
        body: Type.Object(
          {
            soort: Keuze(['bevestigd', 'notitie'] as const, 'bevestigd of notitie.'),
            tekst: Type.Optional(Type.String({ maxLength: 4000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('Storing'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      toonStoring(
        await status.regelToevoegen(ingelogd(request), request.params.id, request.body, request.caller?.gebruikersnaam ?? 'onbekend'),
      ),
  )

  const WerkingInvoer = Type.Object(
    {
      status: Keuze(WERKINGSSTATUSSEN, 'De werking die getoond moet worden.'),
      reden: Type.String({
        minLength: 1,
        maxLength: 1000,
        pattern: '\\S',
        description: 'Waarom (verplicht; wordt bij de status getoond).',
      }),
      tot: Type.Optional(Tijdstip('Tot wanneer; leeg: tot iemand het weghaalt.')),
    },
    { additionalProperties: false, $id: 'WerkingHandmatig', description: 'Een handmatige werking van een koppeling.' },
  )

  app.get(
    `/${services.objecttypen.koppeling.pad}/:id/werking`,
    {
      schema: {
        tags: TAG,
        operationId: 'koppelingen_werking',
        summary: 'De werking van een koppeling',
        description: 'Gemeten uit haar controles (één open storing: storing), met een handmatige werking erboven zolang die geldt.',
        params: IdParams,
        response: {
          200: Werking,
          ...problems(401, 403, 404),
        },
      },
    },
    async (request) => {
      const w = await status.werking(ingelogd(request), request.params.id)
      return {
        status: w.status,
        gemeten: w.gemeten,
        bron: w.bron,
        ...(w.reden ? { reden: w.reden } : {}),
        uitleg: w.uitleg,
        ...(w.handmatig ? { handmatig: { ...w.handmatig, tot: iso(w.handmatig.tot), op: iso(w.handmatig.op) } } : {}),
        controles: w.controles.map(toonControle),
      }
    },
  )

  app.put(
    `/${services.objecttypen.koppeling.pad}/:id/werking`,
    {
      schema: {
        tags: TAG,
        operationId: 'koppelingen_werking_zetten',
        summary: 'De werking van een koppeling handmatig zetten',
        description: 'Overschrijft wat gemeten wordt, met een reden, eventueel tot een tijdstip. Mag: wie de koppeling mag wijzigen.',
        params: IdParams,
        body: WerkingInvoer,
        response: { 204: Type.Null({ description: 'Gezet.' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const b = request.body
      const tot = b.tot === undefined ? undefined : Date.parse(b.tot)
      await status.zetWerking(actorMet(request), request.params.id, {
        status: b.status,
        reden: b.reden.trim(),
        ...(tot === undefined ? {} : { tot }),
      })
      return sendNoContent(reply)
    },
  )

  app.delete(
    `/${services.objecttypen.koppeling.pad}/:id/werking`,
    {
      schema: {
        tags: TAG,
        operationId: 'koppelingen_werking_wissen',
        summary: 'De handmatige werking van een koppeling weghalen',
        params: IdParams,
        response: { 204: Type.Null({ description: 'Weggehaald.' }), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await status.zetWerking(actorMet(request), request.params.id, undefined)
      return sendNoContent(reply)
    },
  )

  app.get(
    '/beschikbaarheid',
    {
      schema: {
        tags: TAG,
        operationId: 'beschikbaarheid_maand',
        summary: 'Beschikbaarheid per koppeling in een maand, tegen het afgesproken niveau',
        description:
          'Per koppeling met actieve controles: de beschikbaarheid van haar slechtste controle in de maand (Europe/Amsterdam) tegen het beschikbaarheidsdoel van haar gastheerschap. Onderhoud en ongemeten minuten tellen niet mee. formaat=csv of xlsx voor de periodieke DVO-rapportage.',
        querystring: Type.Object(
          {
            maand: Type.Optional(
              Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'JJJJ-MM; standaard de huidige maand.' }),
            ),
            samenwerkingId: Type.Optional(Id('Alleen koppelingen van deze samenwerking.')),
            formaat: Type.Optional(Keuze(['json', 'csv', 'xlsx'] as const, 'json (standaard), csv of xlsx.')),
          },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: 'De beschikbaarheid',
            content: {
              'application/json': {
                schema: Type.Object({ maand: Type.String(), resultaten: Type.Array(Type.Ref('KoppelingBeschikbaarheid')) }),
              },
              'text/csv': { schema: { type: 'string' } },
              [MIME.xlsx]: { schema: { type: 'string', format: 'binary' } },
            },
          },
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const maand = request.query.maand ?? status.dezeMaand()
      const regels = await status.beschikbaarheid(ingelogd(request), maand, request.query)
      const formaat = request.query.formaat ?? 'json'
      if (formaat === 'json')
        return {
          maand,
          resultaten: regels.map(({ van: _v, tot: _t, ...r }) => ({ ...r, controles: r.controles.map(({ van: _a, tot: _b, ...c }) => c) })),
        }
      const inhoud = formaat === 'xlsx' ? await beschikbaarheidXlsx(regels) : Buffer.from(beschikbaarheidCsv(regels), 'utf8')
      return reply
        .header('Content-Type', MIME[formaat])
        .header('Content-Disposition', `attachment; filename="beschikbaarheid-${maand}.${formaat}"`)
        .header('Cache-Control', 'no-store')
        .header('X-Content-Type-Options', 'nosniff')
        .send(inhoud)
    },
  )

  app.get(
    `/${services.objecttypen.samenwerking.pad}/:id/status`,
    {
      schema: {
        tags: TAG,
        operationId: 'samenwerkingen_status',
        summary: 'De statuspagina van een samenwerking',
        params: IdParams,
        response: { 200: Type.Ref('Statuspagina'), ...problems(401, 403, 404) },
      },
    },
    async (request) => toonStatuspagina(await status.statuspagina(request.params.id, request.caller)),
  )

  app.put(
    `/${services.objecttypen.samenwerking.pad}/:id/statuspagina`,
    {
      schema: {
        tags: TAG,
        operationId: 'samenwerkingen_statuspagina_instellen',
        summary: 'De statuspagina openbaar maken (of niet)',
        description:
          'openbaar: iedereen kan haar lezen op /status/{slug}, zonder inloggen; zij toont alleen namen, werking en beschikbaarheid. Mag: wie de samenwerking mag wijzigen.',
        params: IdParams,
        body: Type.Object(
          {
            openbaar: Type.Boolean(),
            slug: Type.Optional(
              Type.String({
                pattern: '^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$',
                description: 'Het adres: kleine letters, cijfers en streepjes (verplicht als openbaar).',
              }),
            ),
            titel: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ openbaar: Type.Boolean(), slug: Type.Optional(Type.String()), titel: Type.Optional(Type.String()) }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const b = request.body
      if (b.openbaar && !b.slug)
        throw invalidInput([
          {
            name: 'slug',
            code: 'verplicht',
            reason: { nl: 'Een openbare statuspagina heeft een adres (slug) nodig.', en: 'A public status page needs an address (slug).' },
          },
        ])
      const r = await status.statuspaginaInstellen(actorMet(request), request.params.id, b)
      return { openbaar: r.openbaar, ...(r.slug ? { slug: r.slug } : {}), ...(r.titel ? { titel: r.titel } : {}) }
    },
  )

  app.get(
    '/status/:slug',
    {
      config: { publiek: true },
      schema: {
        tags: TAG,
        operationId: 'status_openbaar',
        summary: 'Een openbare statuspagina (zonder inloggen)',
        params: Type.Object({ slug: Type.String({ maxLength: 60, pattern: '^[a-z0-9-]+$' }) }, { additionalProperties: false }),
        response: { 200: Type.Ref('Statuspagina'), ...problems(404) },
      },
    },
    async (request) => toonStatuspagina(await status.openbareStatuspagina(request.params.slug)),
  )

  app.post(
    `/${services.objecttypen.meldingskanaal.pad}/:id/test`,
    {
      schema: {
        tags: TAG,
        operationId: 'meldingskanalen_test',
        summary: 'Een testmelding versturen',
        description: 'Verstuurt nu een testmelding naar het kanaal en zegt hoe dat ging. Mag: wie het kanaal mag wijzigen.',
        params: IdParams,
        response: {
          200: TestmeldingUitkomst,
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => status.testMelding(ingelogd(request), request.params.id, opties),
  )
}

function toonStatuspagina(
  p: Awaited<ReturnType<MonitoringStatusService['statuspagina']>> | Awaited<ReturnType<MonitoringStatusService['openbareStatuspagina']>>,
) {
  return { ...p, bijgewerktOp: iso(p.bijgewerktOp) }
}
