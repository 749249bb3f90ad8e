import type { Database } from '../db/database.js'
import { bevestigLeden } from '../db/repos/registry.js'
import type { Resource } from '../db/repos/registry-repository.js'
import { type Caller, canConfirmMembership } from '../domain/access.js'
import { AppError, forbiddenAction, msg } from '../domain/errors.js'
import type { Samenwerking } from '../schemas/registry.js'
import type { Actor, RegistryService } from './registry-service.js'

// Leden of a samenwerking share only once their own organisation confirmed them (issue
// 10): otherwise one beheerder could declare a samenwerking with any municipality and
// see what that municipality's partners see. A lid is confirmed
// - at once when whoever writes it may speak for that organisation (an admin, a
//   beheerder or regisseur of it, the CLI and the demo seed), or
// - later by such a person, through POST /samenwerkingen/{id}/leden/{organisatieId}/bevestigen.
// The rules of who may are in domain/access.ts (canConfirmMembership); the SQL that lets
// only confirmed leden share is in db/repos/registry.ts.

type Lid = Samenwerking['leden'][number]

/** After a write: the new leden the writer may speak for are confirmed in the same transaction. */
export async function bevestigEigenLeden(trx: Database, actor: Actor, na: Resource, voor: Resource | undefined): Promise<boolean> {
  const eerder = new Set(((voor as Samenwerking | undefined)?.leden ?? []).map((l) => l.organisatieId))
  const nieuw = (na as Samenwerking).leden.filter((l) => !eerder.has(l.organisatieId) && !l.bevestigd).map((l) => l.organisatieId)
  const caller = actor.caller
  const mag = caller ? nieuw.filter((id) => canConfirmMembership(caller, id)) : nieuw
  return (await bevestigLeden(trx, na.id, mag, actor.naam)).length > 0
}

/** Each lid with what this caller may do with it: `bevestigen` while it waits for this caller's organisation. */
export function metLidActies(caller: Caller, item: Resource): Resource {
  const s = item as Samenwerking
  return {
    ...item,
    leden: s.leden.map(
      (l): Lid => ({ ...l, toegestaneActies: !l.bevestigd && canConfirmMembership(caller, l.organisatieId) ? ['bevestigen'] : [] }),
    ),
  }
}

function geenLid(organisatieId: string): AppError {
  return new AppError(
    'niet-gevonden',
    404,
    msg('Niet gevonden', 'Not found'),
    msg(
      `Organisatie ${organisatieId} is geen lid van deze samenwerking.`,
      `Organisation ${organisatieId} is not a member of this samenwerking.`,
    ),
  )
}

/**
 * Confirms one lid: 404 when the samenwerking is not visible or the organisation is no
 * lid, 412 on a stale If-Match, 403 unless the caller may speak for that organisation.
 * Confirming what is confirmed already changes nothing.
 */
export function lidBevestigen(
  service: RegistryService<object, Resource>,
  actor: Actor,
  samenwerkingId: string,
  organisatieId: string,
  ifMatch: number | undefined,
): Promise<Resource> {
  return service.operation(actor, samenwerkingId, ifMatch, 'lidmaatschap-bevestigen', async (trx, current) => {
    const lid = (current as unknown as Samenwerking).leden.find((l) => l.organisatieId === organisatieId.toLowerCase())
    if (!lid) throw geenLid(organisatieId)
    if (actor.caller && !canConfirmMembership(actor.caller, lid.organisatieId)) {
      throw forbiddenAction(
        msg(
          'Alleen een beheerder of regisseur van deze organisatie (of een admin) mag haar lidmaatschap bevestigen.',
          'Only a beheerder or regisseur of this organisation (or an admin) may confirm its membership.',
        ),
      )
    }
    return (await bevestigLeden(trx, current.id, [lid.organisatieId], actor.naam)).length > 0
  })
}
