import type { LaatsteWijziging } from '../../domain/errors.js'
import type { Database } from '../database.js'

// Who saved the current version of an object: the newest audit entry about it, with the
// actor's name when the actor is a user (the audit log stores the gebruikersnaam). Used
// when an If-Match is stale, so the 412 can say whose version the person now sees.

export async function laatsteWijziging(
  db: Database,
  objecttype: string,
  objectId: string,
  revisie: number,
): Promise<LaatsteWijziging | undefined> {
  const rij = await db
    .selectFrom('auditlog')
    .leftJoin('gebruiker', 'gebruiker.gebruikersnaam', 'auditlog.actor')
    .select(['auditlog.actor', 'gebruiker.naam'])
    .where('auditlog.objecttype', '=', objecttype)
    .where('auditlog.object_id', '=', objectId)
    // Signing in is no change to the account.
    .where('auditlog.actie', '<>', 'inloggen')
    .orderBy('auditlog.volgnummer', 'desc')
    .limit(1)
    .executeTakeFirst()
  return rij ? { door: rij.naam ?? rij.actor, revisie } : undefined
}
