import type { Database } from '../db/database.js'
import { bevestigAfnemers } from '../db/repos/registry.js'
import type { Resource } from '../db/repos/registry-repository.js'
import { type Caller, canConfirmMembership } from '../domain/access.js'
import { AppError, forbiddenAction, msg } from '../domain/errors.js'
import type { Gastheerschap } from '../schemas/registry.js'
import type { Actor, RegistryService } from './registry-service.js'

// The afnemers of a gastheerschap share — both ways — and take part in its costs only
// once their own organisation confirmed (issue 10, the samenwerking lid's mistake
// elsewhere): otherwise whoever may write gastheerschappen could name any gemeente as
// afnemer, read its measures in a verdeling and show it what the gastheerschap shares.
// An afnemer is confirmed
// - at once when whoever writes it may speak for that organisation (an admin, a
//   beheerder or regisseur of it, the CLI and the demo seed), or
// - later by such a person, through POST /gastheerschappen/{id}/afnemers/{organisatieId}/bevestigen.
// Who may speak for an organisation is the lid's rule (canConfirmMembership in
// domain/access.ts); the SQL that lets only confirmed afnemers share and pay is in
// db/repos/registry.ts (gastheerschappenVan) and db/repos/kosten.ts.

type Afnemer = Gastheerschap['afnemers'][number]

/** After a write: the new afnemers the writer may speak for are confirmed in the same transaction. */
export async function bevestigEigenAfnemers(trx: Database, actor: Actor, na: Resource, voor: Resource | undefined): Promise<boolean> {
  const eerder = new Set((voor as Gastheerschap | undefined)?.afnemerIds ?? [])
  const nieuw = (na as Gastheerschap).afnemers.filter((a) => !eerder.has(a.organisatieId) && !a.bevestigd).map((a) => a.organisatieId)
  const caller = actor.caller
  const mag = caller ? nieuw.filter((id) => canConfirmMembership(caller, id)) : nieuw
  return (await bevestigAfnemers(trx, na.id, mag, actor.naam)).length > 0
}

/** Each afnemer with what this caller may do with it: `bevestigen` while it waits for this caller's organisation. */
export function metAfnemerActies(caller: Caller, item: Resource): Resource {
  const g = item as Gastheerschap
  return {
    ...item,
    afnemers: g.afnemers.map(
      (a): Afnemer => ({ ...a, toegestaneActies: !a.bevestigd && canConfirmMembership(caller, a.organisatieId) ? ['bevestigen'] : [] }),
    ),
  }
}

function geenAfnemer(organisatieId: string): AppError {
  return new AppError(
    'niet-gevonden',
    404,
    msg('Niet gevonden', 'Not found'),
    msg(
      `Organisatie ${organisatieId} is geen afnemer van dit gastheerschap.`,
      `Organisation ${organisatieId} is not a guest (afnemer) of this gastheerschap.`,
    ),
  )
}

/**
 * Confirms one afnemer: 404 when the gastheerschap is not visible or the organisation is
 * no afnemer, 412 on a stale If-Match, 403 unless the caller may speak for that
 * organisation. Confirming what is confirmed already changes nothing.
 */
export function afnemerBevestigen(
  service: RegistryService<object, Resource>,
  actor: Actor,
  gastheerschapId: string,
  organisatieId: string,
  ifMatch: number | undefined,
): Promise<Resource> {
  return service.operation(actor, gastheerschapId, ifMatch, 'afnemerschap-bevestigen', async (trx, current) => {
    const afnemer = (current as unknown as Gastheerschap).afnemers.find((a) => a.organisatieId === organisatieId.toLowerCase())
    if (!afnemer) throw geenAfnemer(organisatieId)
    if (actor.caller && !canConfirmMembership(actor.caller, afnemer.organisatieId)) {
      throw forbiddenAction(
        msg(
          'Alleen een beheerder of regisseur van deze organisatie (of een admin) mag bevestigen dat zij afnemer is.',
          'Only a beheerder or regisseur of this organisation (or an admin) may confirm that it is a guest (afnemer).',
        ),
      )
    }
    return (await bevestigAfnemers(trx, current.id, [afnemer.organisatieId], actor.naam)).length > 0
  })
}
