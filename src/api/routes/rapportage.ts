import Type from 'typebox'
import { unauthenticated } from '../../domain/errors.js'
import type { Taal } from '../../domain/taal.js'
import { transparantiePdf } from '../../io/transparantie-pdf.js'
import { transparantieXlsx } from '../../io/transparantie-xlsx.js'
import {
  Benchmark,
  BenchmarkQuery,
  TransparantieExportQuery,
  Transparantieverslag,
  TransparantieverslagQuery,
} from '../../schemas/rapportage.js'
import type { Services } from '../../services/index.js'
import { RapportageService } from '../../services/rapportage-service.js'
import { type Api, languageOf } from '../http.js'
import { ListCache } from '../list-cache.js'
import { IdParams, problems } from '../schemas.js'

// The transparency report of a samenwerking (JSON, PDF, XLSX) and the benchmark. Both
// answer only from posts the caller may see; the JSON answers are cached until data changes.

/** A file name without anything a header or a file system could trip over. */
const bestandsnaam = (naam: string, jaar: number, ext: string, taal: Taal) =>
  `${taal === 'en' ? 'transparency-report' : 'transparantieverslag'}-${naam
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 80)}-${jaar}.${ext}`

export function registerRapportageRoutes(app: Api, services: Services) {
  const service = new RapportageService(services.db, services)
  const cache = new ListCache(services.changes)
  app.addSchema(Transparantieverslag)
  app.addSchema(Benchmark)

  app.get(
    '/samenwerkingen/:id/transparantieverslag',
    {
      schema: {
        tags: ['Kosten'],
        operationId: 'samenwerkingen_transparantieverslag',
        summary: 'Transparantieverslag van een samenwerking over een jaar',
        description:
          'Kosten per organisatie, per categorie en per organisatie en categorie; structureel en initieel; begroting tegenover realisatie met verschil en percentage; ' +
          'Het verschil vergelijkt alleen posten met zowel begroting als realisatie; posten zonder realisatie staan apart (nogGeenRealisatie: begroot bedrag en aantal), net als posten zonder begroting. ' +
          'De trend over alle jaren met kostenposten; de gebruikte verdeelsleutels met de versie die gold; de posten zelf; de posten die niet konden worden verdeeld (nietVerdeeld, met reden); ' +
          'en de geldketen: per organisatie die betaalt toegerekend, gedeclareerd (concept apart; definitief, verzonden), betaald en openstaand. ' +
          'Zonder jaar: het laatste jaar met kostenposten. ' +
          'Alle bedragen zijn sommen van de delen uit de verdeelsleutels, dezelfde als /kostenposten/{id}/verdeling. Alleen kostenposten die de vrager mag zien tellen mee.',
        params: IdParams,
        querystring: TransparantieverslagQuery,
        response: { 200: Type.Ref('Transparantieverslag'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const caller = request.caller
      if (!caller) throw unauthenticated()
      const { id } = request.params
      const { jaar } = request.query
      return cache.send(request, reply, () => service.transparantieverslag(caller, id, jaar))
    },
  )

  app.get(
    '/samenwerkingen/:id/transparantieverslag/export',
    {
      schema: {
        tags: ['Kosten'],
        operationId: 'samenwerkingen_transparantieverslag_export',
        summary: 'Transparantieverslag als PDF (voor de raad) of XLSX',
        description:
          'Hetzelfde verslag als GET /samenwerkingen/{id}/transparantieverslag: als PDF met tabellen en een staafdiagram, of als XLSX met een werkblad per tabel (bedragen als getallen in euro). ' +
          'In het Nederlands, of in het Engels met taal=en (zonder taal: volgens Accept-Language).',
        params: IdParams,
        querystring: TransparantieExportQuery,
        response: {
          200: {
            description: 'Het verslag als bijlage (Content-Disposition) met de samenwerking en het jaar in de naam.',
            content: {
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
            },
          },
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const caller = request.caller
      if (!caller) throw unauthenticated()
      const { id } = request.params
      const { jaar, formaat, taal } = request.query
      const verslag = await service.transparantieverslag(caller, id, jaar)
      const t = languageOf(request, taal)
      const body = formaat === 'pdf' ? await transparantiePdf(verslag, t) : await transparantieXlsx(verslag, t)
      return reply
        .type(formaat === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${bestandsnaam(verslag.samenwerking.naam, verslag.jaar, formaat, t)}"`)
        .header('cache-control', 'private, no-store')
        .send(body)
    },
  )

  app.get(
    '/benchmark',
    {
      schema: {
        tags: ['Kosten'],
        operationId: 'benchmark',
        summary: 'ICT-kosten per inwoner en per werkplek per gemeente, vergeleken met referentiewaarden',
        description:
          'Per gemeente en jaar: de ICT-kosten (haar delen in alle kostenposten waaraan zij deelneemt, realisatie anders begroting), inwoners, werkplekken (maatstaf werkplekken), ' +
          'kosten per inwoner en per werkplek (afgerond op hele centen, half naar boven; ontbreekt met reden als de maatstaf onbekend of 0 is) en per referentiewaarde van dat jaar het verschil en een oordeel: ' +
          "'gelijk' als het verschil hoogstens 1% van de referentie is, anders 'boven' of 'onder'. Zonder jaar: alle jaren (trend). " +
          'Alleen gemeenten waarvan de vrager alle kostenposten mag zien.',
        querystring: BenchmarkQuery,
        response: { 200: Type.Ref('Benchmark'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const caller = request.caller
      if (!caller) throw unauthenticated()
      return cache.send(request, reply, () => service.benchmark(caller, request.query))
    },
  )
}
