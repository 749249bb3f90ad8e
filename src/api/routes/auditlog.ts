import Type from 'typebox'
import type { Database } from '../../db/database.js'
import { auditlog } from '../../db/repos/auditlog.js'
import { canReadAuditlog, leesbereik } from '../../domain/access.js'
import { forbiddenAction, msg } from '../../domain/errors.js'
import { pageInfo } from '../../domain/listing.js'
import { AuditFilterQuery } from '../../schemas/audit.js'
import { ListQuery, Tijdstip } from '../../schemas/common.js'
import { metWeergave } from '../../services/auditlog-weergave.js'
import { type Api, languageOf } from '../http.js'
import { problems } from '../schemas.js'

export const AuditRegel = Type.Object(
  {
    volgnummer: Type.Integer({ minimum: 1, description: 'Doorlopend volgnummer zonder gaten.' }),
    tijdstip: Tijdstip('Wanneer de handeling plaatsvond.'),
    actor: Type.String({ description: 'Wie de handeling uitvoerde.' }),
    herkomst: Type.Optional(
      Type.String({
        description:
          'Herkomst van het verzoek (IP-adres of cli). Alleen voor auditors en admins: wie de wijzigingen van één object leest, krijgt het IP-adres van een ander niet.',
      }),
    ),
    actie: Type.String({ description: 'Soort handeling, zie het filter actie: aanmaken, wijzigen, verwijderen, definitief-maken, …' }),
    objecttype: Type.String({ description: 'Soort object.' }),
    objectId: Type.String({ description: 'Identificatie van het object.' }),
    resultaat: Type.String({ description: 'Resultaat van de handeling.' }),
    voor: Type.Unknown({ description: 'Toestand vóór de handeling (null bij aanmaken).' }),
    na: Type.Unknown({ description: 'Toestand na de handeling (null bij verwijderen).' }),
    vorigeHash: Type.String({ description: 'Hash van de vorige regel (SHA-256, hex).' }),
    hash: Type.String({ description: 'Hash van deze regel inclusief vorigeHash (SHA-256, hex).' }),
    weergave: Type.Ref('AuditWeergave'),
  },
  { $id: 'AuditRegel', description: 'Eén regel uit de auditlog (BIO 12.4.1).' },
)

export function registerAuditRoutes(app: Api, db: Database) {
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
        description:
          'Elke regel met de ruwe toestand voor en na (wat de hashketen dekt) en een weergave zoals een mens haar leest: bedragen als bedrag, verwijzingen met de naam van het object als de lezer het mag zien, tijdstippen als tijdstip, de velden die wijzigden. Auditors en admins lezen de hele auditlog (voor zover zij de objecten mogen zien); ieder ander met objectId de regels van één object dat hij mag zien.',
        querystring: Type.Object(
          {
            pagina: ListQuery.pagina,
            paginaGrootte: ListQuery.paginaGrootte,
            objecttype: AuditFilterQuery.objecttype,
            objectId: Type.Optional(
              Type.String({
                maxLength: 100,
                description:
                  'Alleen regels over dit object. Met dit filter mag iedereen de regels lezen van een object dat hij mag zien (de Wijzigingen op elke detailpagina); zonder alleen auditors en admins.',
              }),
            ),
            actor: Type.Optional(Type.String({ maxLength: 200, description: 'Alleen regels van deze actor.' })),
            actie: AuditFilterQuery.actie,
            vanaf: Type.Optional(Tijdstip('Alleen regels vanaf dit tijdstip.')),
            tot: Type.Optional(Tijdstip('Alleen regels vóór dit tijdstip.')),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('AuditRegelLijst'), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query
      const auditor = request.caller !== undefined && canReadAuditlog(request.caller)
      if (!request.caller || (!auditor && !q.objectId)) {
        throw forbiddenAction(
          msg(
            'Alleen auditors en admins mogen de auditlog lezen; ieder ander de wijzigingen van één object dat hij mag zien (objectId).',
            'Only auditors and admins may read the audit log; anyone else the changes of one object they may see (objectId).',
          ),
        )
      }
      // An auditor reads the log of what its cooperation shares with it, an admin all of
      // it; anyone else the entries of one object, by the same rule: what they may see.
      const bereik = leesbereik(request.caller)
      const req = {
        ...q,
        pagina: q.pagina ?? 1,
        paginaGrootte: q.paginaGrootte ?? 20,
        ...(bereik.alles ? {} : { zichtbaarVoor: bereik.organisatieIds }),
      }
      const { items, total } = await auditlog.list(db, req)
      const resultaten = (await metWeergave(db, items, bereik, languageOf(request))).map((r) =>
        auditor ? r : { ...r, herkomst: undefined },
      )
      return { resultaten, paginering: pageInfo(req, total) }
    },
  )
}
