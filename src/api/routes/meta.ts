import Type from 'typebox'
import type { Database } from '../../db/database.js'
import { pingDatabase } from '../../db/repos/maintenance.js'
import { API_VERSION, type Api } from '../http.js'

// The API's front door: an index of links and a health check for load balancers.

export function registerMetaRoutes(app: Api, db: Database, dbKind: string) {
  app.get(
    '/',
    {
      config: { publiek: true },
      schema: {
        tags: ['Algemeen'],
        operationId: 'index',
        summary: 'Overzicht van de API',
        response: {
          200: Type.Object(
            {
              naam: Type.String({ description: 'Naam van de toepassing.' }),
              versie: Type.String({ description: 'Versie van de API.' }),
              documentatie: Type.String({ description: 'Pad naar het OpenAPI-document.' }),
              resources: Type.Array(Type.String({ description: 'Pad van een resource.' }), { description: 'Beschikbare resources.' }),
            },
            { description: 'Overzicht van de API.' },
          ),
        },
      },
    },
    async () => ({
      naam: 'Regiekamer',
      versie: API_VERSION,
      documentatie: '/api/v1/openapi.json',
      resources: [
        'organisaties',
        'samenwerkingen',
        'gastheerschappen',
        'applicaties',
        'koppelingen',
        'auditlog',
        '_ik',
        'sessies',
        'api-tokens',
        'gebruikers',
      ].map((r) => `/api/v1/${r}`),
    }),
  )

  app.get(
    '/_gezondheid',
    {
      config: { publiek: true },
      schema: {
        tags: ['Algemeen'],
        operationId: 'gezondheid',
        summary: 'Gezondheid van de dienst en de database',
        response: {
          200: Type.Object(
            {
              status: Type.String({ description: 'ok als de database bereikbaar is.' }),
              database: Type.String({ description: 'pglite (ingebouwd) of postgresql.' }),
            },
            { description: 'De dienst is gezond.' },
          ),
        },
      },
    },
    async () => {
      await pingDatabase(db)
      return { status: 'ok', database: dbKind }
    },
  )
}
