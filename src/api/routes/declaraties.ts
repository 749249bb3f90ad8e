import Type from 'typebox'
import { declaratieCsv } from '../../io/declaratie-csv.js'
import { bestandsnaam } from '../../io/declaratie-tekst.js'
import { declaratieXlsx } from '../../io/declaratie-xlsx.js'
import { DECLARATIE_SCHEMAS, DeclaratieLijstQuery, ExportQuery } from '../../schemas/declaraties.js'
import { addSharedSchema } from '../../schemas/validator.js'
import { declaratieDocument } from '../../services/declaratie-document.js'
import { DeclaratieService } from '../../services/declaratie-service.js'
import type { Services } from '../../services/index.js'
import { type Api, actorOf, ifMatchRevisie, languageOf, sendNoContent, sendResource } from '../http.js'
import { IdParams, IfMatchHeaders, problems } from '../schemas.js'

// Declaraties: list, read, generate concepts for a period, the forward-only status
// transitions (sub-resources), corrections, and exports as PDF, XLSX and CSV.

const TAG = ['Declaraties']

const MIME = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const

export function registerDeclaratieRoutes(app: Api, services: Services) {
  for (const s of DECLARATIE_SCHEMAS) {
    addSharedSchema(s)
    app.addSchema(s)
  }
  const service = new DeclaratieService(services.db, services.changes, services.klok)
  const ref = Type.Ref('Declaratie')

  app.get(
    '/declaraties',
    {
      schema: {
        tags: TAG,
        operationId: 'declaraties_lijst',
        summary: 'Lijst van declaraties',
        description:
          'Declaraties die de vrager mag zien: alleen die waarvan een van zijn organisaties afzender of ontvanger is. Pagineerbaar, filterbaar en sorteerbaar; de volgorde is stabiel (id als laatste sorteersleutel).',
        querystring: DeclaratieLijstQuery,
        response: { 200: Type.Ref('DeclaratieLijst'), ...problems(400, 401, 403) },
      },
    },
    async (request) => service.list(request.query, request.caller),
  )

  app.post(
    '/declaraties/_genereren',
    {
      schema: {
        tags: TAG,
        operationId: 'declaraties_genereren',
        summary: 'Concept-declaraties genereren voor een periode',
        description:
          'Neemt alle kostenposten waarvan de periode binnen de gevraagde periode valt, verdeelt ze met hun verdeelsleutel en maakt per afzender (de maker van de kosten) en ontvanger (elke andere deelnemer met een aandeel) één concept. ' +
          'Een bestaand concept voor dat paar en die periode wordt vervangen; bestaat er al een definitieve declaratie, dan wordt het paar overgeslagen en gemeld (maak dan een correctie). ' +
          'Kan een kostenpost niet worden verdeeld (bijvoorbeeld een ontbrekende maatstaf), dan 409 met die kostenpost en de reden, en wordt er niets gegenereerd.',
        body: Type.Ref('GenereerOpdracht'),
        response: { 200: Type.Ref('GenereerResultaat'), ...problems(400, 401, 403, 409, 413, 415) },
      },
    },
    async (request) => service.genereren(actorOf(request), request.body, languageOf(request)),
  )

  app.get(
    '/declaraties/:id',
    {
      schema: {
        tags: TAG,
        operationId: 'declaraties_lezen',
        summary: 'Een declaratie lezen, met regels en berekening',
        params: IdParams,
        response: { 200: ref, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => sendResource(reply, await service.get(request.params.id, request.caller)),
  )

  app.patch(
    '/declaraties/:id',
    {
      schema: {
        tags: TAG,
        operationId: 'declaraties_bijwerken',
        summary: 'De toelichting van een concept-declaratie wijzigen',
        description: 'Alleen bij een concept; een definitieve declaratie is onveranderlijk (409).',
        params: IdParams,
        headers: IfMatchHeaders,
        body: Type.Ref('DeclaratieWijziging'),
        response: { 200: ref, ...problems(400, 401, 403, 404, 409, 412, 413, 415) },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      return sendResource(reply, await service.patch(actorOf(request), id, request.body, ifMatchRevisie(request)))
    },
  )

  app.delete(
    '/declaraties/:id',
    {
      schema: {
        tags: TAG,
        operationId: 'declaraties_verwijderen',
        summary: 'Een concept-declaratie verwijderen',
        description: 'Alleen een concept; een declaratie met een nummer blijft altijd bestaan (409).',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null({ description: 'Verwijderd.' }), ...problems(400, 401, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      await service.remove(actorOf(request), id, ifMatchRevisie(request))
      return sendNoContent(reply)
    },
  )

  const overgangen = [
    {
      pad: 'definitief-maken',
      operationId: 'declaraties_definitief_maken',
      summary: 'Een concept-declaratie definitief maken',
      description:
        'Kent het volgende nummer van de afzender toe (<jaar>-<volgnummer>, zonder gaten) en legt de declaratie vast: daarna zijn regels en totaal onveranderlijk. 409 als de status geen concept is.',
      doe: (request: Parameters<typeof actorOf>[0], id: string) => service.definitiefMaken(actorOf(request), id, ifMatchRevisie(request)),
    },
    {
      pad: 'verzenden',
      operationId: 'declaraties_verzenden',
      summary: 'Een definitieve declaratie als verzonden markeren',
      description: '409 als de status niet definitief is.',
      doe: (request: Parameters<typeof actorOf>[0], id: string) => service.verzenden(actorOf(request), id, ifMatchRevisie(request)),
    },
    {
      pad: 'corrigeren',
      operationId: 'declaraties_corrigeren',
      summary: 'Een correctiedeclaratie maken op een definitieve declaratie',
      description:
        'Maakt (of vernieuwt) een concept-correctie met per kostenpost het verschil tussen de huidige verdeling en wat eerder is gedeclareerd (de declaratie en eerdere correcties). 409 als er geen verschil is of de declaratie nog een concept is.',
      doe: (request: Parameters<typeof actorOf>[0], id: string) => service.corrigeren(actorOf(request), id, ifMatchRevisie(request)),
    },
  ]
  for (const o of overgangen) {
    app.post(
      `/declaraties/:id/${o.pad}`,
      {
        schema: {
          tags: TAG,
          operationId: o.operationId,
          summary: o.summary,
          description: o.description,
          params: IdParams,
          headers: IfMatchHeaders,
          response: { [o.pad === 'corrigeren' ? 201 : 200]: ref, ...problems(400, 401, 403, 404, 409, 412) },
        },
      },
      async (request, reply) => {
        const d = await o.doe(request, request.params.id)
        if (o.pad === 'corrigeren') reply.header('Location', `${request.url.split('/declaraties/')[0]}/declaraties/${d.id}`)
        return sendResource(reply, d, o.pad === 'corrigeren' ? 201 : 200)
      },
    )
  }

  app.post(
    '/declaraties/:id/betaald-melden',
    {
      // The body is optional (no date: today); the service validates it whole.
      config: { bodyValidatedByService: true },
      schema: {
        tags: TAG,
        operationId: 'declaraties_betaald_melden',
        summary: 'De betaling van een verzonden declaratie melden',
        description: 'De afzender meldt dat de betaling binnen is; zonder datum geldt vandaag. 409 als de status niet verzonden is.',
        params: IdParams,
        headers: IfMatchHeaders,
        body: Type.Ref('BetaaldMelding'),
        response: { 200: ref, ...problems(400, 401, 403, 404, 409, 412, 413, 415) },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      return sendResource(reply, await service.betaaldMelden(actorOf(request), id, request.body, ifMatchRevisie(request)))
    },
  )

  app.get(
    '/declaraties/:id/correctievoorstel',
    {
      schema: {
        tags: TAG,
        operationId: 'declaraties_correctievoorstel',
        summary: 'Is een correctie nodig? Wat een correctiedeclaratie nu zou bevatten',
        description:
          'Vergelijkt per kostenpost het aandeel van de ontvanger volgens de huidige kostenposten en verdeling met wat is gedeclareerd (de declaratie en haar correcties die geen concept meer zijn), zonder iets te maken. Bedragen in eurocent. Voor afzender en ontvanger; een concept of een correctie geeft nodig: false. 409 als een kostenpost nu niet te verdelen is (met de reden).',
        params: IdParams,
        response: { 200: Type.Ref('CorrectieVoorstel'), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => service.correctieVoorstel(request.params.id, request.caller),
  )

  app.get(
    '/declaraties/:id/export',
    {
      schema: {
        tags: TAG,
        operationId: 'declaraties_exporteren',
        summary: 'Een declaratie exporteren als PDF, XLSX of CSV',
        description:
          'PDF: het document om te versturen, in de gevraagde taal (taal, anders Accept-Language; standaard Nederlands), getagd voor toegankelijkheid. Met de BTW-vermelding, de betaalgegevens van de afzender (IBAN, betalingskenmerk = declaratienummer, uiterste betaaldatum = datum van definitief maken + betaaltermijn in dagen) voor zover de organisatie ze heeft vastgelegd, en een pagina Berekening met per regel de kostenpost, de periode en het aandeel in woorden; een concept is gemarkeerd als CONCEPT. ' +
          'XLSX: bladen Declaratie (met BTW-vermelding) en Berekening. CSV: puntkomma, UTF-8 met BOM, decimale komma, één rij per regel, met een kolom BTW.',
        params: IdParams,
        querystring: ExportQuery,
        response: {
          200: {
            description: 'Het bestand, als bijlage (Content-Disposition) met het nummer of "concept" in de naam.',
            content: {
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
              [MIME.xlsx]: { schema: { type: 'string', format: 'binary' } },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const { formaat, taal } = request.query
      const d = await service.get(id, request.caller)
      const inhoud =
        formaat === 'pdf'
          ? await declaratieDocument(services.db, d, languageOf(request, taal))
          : formaat === 'xlsx'
            ? await declaratieXlsx(d)
            : Buffer.from(declaratieCsv(d), 'utf8')
      return reply
        .header('Content-Type', MIME[formaat])
        .header('Content-Disposition', `attachment; filename="${bestandsnaam(d, formaat)}"`)
        .header('Cache-Control', 'no-store')
        .header('X-Content-Type-Options', 'nosniff')
        .send(inhoud)
    },
  )
}
