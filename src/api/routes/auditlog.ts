import type { FastifyInstance } from 'fastify'
import Type from 'typebox'
import type { Database } from '../../db/database.js'
import { auditlog } from '../../db/repos/auditlog.js'
import { canReadAuditlog, leesbereik } from '../../domain/access.js'
import { forbiddenAction, msg } from '../../domain/errors.js'
import { pageInfo } from '../../domain/listing.js'
import { ListQuery, Tijdstip } from '../../schemas/common.js'
import { problems } from '../schemas.js'

export const AuditRegel = Type.Object(
  {
    volgnummer: Type.Integer({ minimum: 1, description: 'Doorlopend volgnummer zonder gaten.' }),
    tijdstip: Tijdstip('Wanneer de handeling plaatsvond.'),
    actor: Type.String({ description: 'Wie de handeling uitvoerde.' }),
    herkomst: Type.String({ description: 'Herkomst van het verzoek (IP-adres of cli).' }),
    actie: Type.String({ description: 'Soort handeling: aanmaken, wijzigen, verwijderen, importeren.' }),
    objecttype: Type.String({ description: 'Soort object.' }),
    objectId: Type.String({ description: 'Identificatie van het object.' }),
    resultaat: Type.String({ description: 'Resultaat van de handeling.' }),
    voor: Type.Unknown({ description: 'Toestand vóór de handeling (null bij aanmaken).' }),
    na: Type.Unknown({ description: 'Toestand na de handeling (null bij verwijderen).' }),
    vorigeHash: Type.String({ description: 'Hash van de vorige regel (SHA-256, hex).' }),
    hash: Type.String({ description: 'Hash van deze regel inclusief vorigeHash (SHA-256, hex).' }),
  },
  { $id: 'AuditRegel', description: 'Eén regel uit de auditlog (BIO 12.4.1).' },
)

export function registerAuditRoutes(app: FastifyInstance, db: Database) {
  app.addSchema(
    Type.Object(
      { resultaten: Type.Array(Type.Ref('AuditRegel')), paginering: Type.Ref('Paginering') },
      { $id: 'AuditRegelLijst', description: 'Een pagina auditregels, nieuwste eerst.' },
    ),
  )
  app.get(
    '/auditlog',
    {
      schema: {
        tags: ['Auditlog'],
        operationId: 'auditlog_lijst',
        summary: 'De auditlog, nieuwste eerst',
        querystring: Type.Object(
          {
            pagina: ListQuery.pagina,
            paginaGrootte: ListQuery.paginaGrootte,
            objecttype: Type.Optional(Type.String({ maxLength: 50, description: 'Alleen regels over dit soort object.' })),
            objectId: Type.Optional(Type.String({ maxLength: 100, description: 'Alleen regels over dit object.' })),
            actor: Type.Optional(Type.String({ maxLength: 200, description: 'Alleen regels van deze actor.' })),
            actie: Type.Optional(Type.String({ maxLength: 50, description: 'Alleen regels met deze actie.' })),
            vanaf: Type.Optional(Tijdstip('Alleen regels vanaf dit tijdstip.')),
            tot: Type.Optional(Tijdstip('Alleen regels vóór dit tijdstip.')),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('AuditRegelLijst'), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      if (!request.caller || !canReadAuditlog(request.caller)) {
        throw forbiddenAction(msg('Alleen auditors en admins mogen de auditlog lezen.', 'Only auditors and admins may read the audit log.'))
      }
      const q = request.query as { pagina?: number; paginaGrootte?: number } & Record<string, string | undefined>
      // An auditor reads the log of what its cooperation shares with it; an admin all of it.
      const bereik = leesbereik(request.caller)
      const req = {
        ...q,
        pagina: q.pagina ?? 1,
        paginaGrootte: q.paginaGrootte ?? 20,
        ...(bereik.alles ? {} : { zichtbaarVoor: bereik.organisatieIds }),
      }
      const { items, total } = await auditlog.list(db, req)
      return { resultaten: items, paginering: pageInfo(req, total) }
    },
  )
}
