import Type from 'typebox'
import { canCreateAny, canManageUsers, canReadAuditlog } from '../../../domain/access.js'
import { DOOR_HET_SYSTEEM_GEMAAKT, OBJECTTYPEN } from '../../../domain/registry-rules.js'
import type { Api } from '../../http.js'
import { problems } from '../../schemas.js'
import { callerOf, type ToegangDeps, tags } from './shared.js'

// GET /_ik: who is calling and what they may do, so the UI shows only what is allowed.

export function registerIkRoute(app: Api, { gebruikers }: Pick<ToegangDeps, 'gebruikers'>) {
  app.get(
    '/_ik',
    {
      schema: {
        tags,
        operationId: 'ik',
        summary: 'Wie ben ik en wat mag ik?',
        description: 'De ingelogde gebruiker, de rollen en wat die mag; de UI toont alleen wat mag.',
        response: { 200: Type.Ref('Ik'), ...problems(401) },
      },
    },
    async (request) => {
      const caller = callerOf(request)
      return {
        gebruiker: await gebruikers.get(caller.gebruikerId),
        via: caller.via,
        ...(request.csrfToken ? { csrfToken: request.csrfToken } : {}),
        rechten: {
          auditlogLezen: canReadAuditlog(caller),
          gebruikersBeheren: canManageUsers(caller),
          aanmaken: Object.fromEntries(
            OBJECTTYPEN.filter((t) => !DOOR_HET_SYSTEEM_GEMAAKT.has(t)).map((t) => [t, canCreateAny(caller, t)]),
          ),
        },
      }
    },
  )
}
