import type { Database } from '../db/database.js'
import { bevestigDeelnemers, type DeelnameTabel } from '../db/repos/registry.js'
import type { Resource } from '../db/repos/registry-repository.js'
import { canSpeakFor } from '../domain/access.js'
import type { AuditActie } from '../domain/audit-soorten.js'
import { AppError, forbiddenAction, type Message, msg } from '../domain/errors.js'
import type { ObjectService } from './object-service.js'
import type { Actor } from './registry-service.js'

// An organisation another writer names on a registry object takes part only once its
// own organisation confirmed (issue 10): otherwise one beheerder could declare a
// samenwerking with any municipality, or whoever may write gastheerschappen name any
// gemeente as afnemer, and read its measures and show it what the object shares.
// A deelnemer (a lid, an afnemer) is confirmed
// - at once when whoever writes it may speak for that organisation (an admin, a
//   beheerder or regisseur of it, the CLI and the demo seed), or
// - later by such a person, through POST /{resource}/{id}/{lijst}/{organisatieId}/bevestigen.
// Who may speak for an organisation is canSpeakFor in domain/access.ts; the SQL that lets
// only confirmed deelnemers share (and pay) is in db/repos/registry.ts and db/repos/kosten.ts.
// Each kind is one declaration below; the service wires its `deelnameRegels`, the API
// registers one route per declaration in DEELNAMES (api/routes/resources.ts) and shows
// each deelnemer's actions (api/presenters/deelname.ts).

/** One kind of confirmed participation. */
export interface Deelname {
  /** The resource (its path) that names the deelnemers. */
  resource: string
  /** Its read-only list of deelnemers (each with `organisatieId` and `bevestigd`), also the route's segment. */
  lijst: string
  /** The child table that stores the confirmation (db/repos/registry.ts). */
  tabel: DeelnameTabel
  /** The audit log's action for a confirmation. */
  actie: AuditActie
  /** 404 detail: the organisation is not named in this object's list. */
  geenDeelnemer(organisatieId: string): Message
  /** 403 detail: the caller may not speak for that organisation. */
  nietNamens: Message
  /** The route's OpenAPI texts. */
  api: { summary: string; description: string; organisatieId: string }
}

/** A member organisation confirms its lid of a samenwerking; only then does the lid share anything. */
export const lidmaatschap: Deelname = {
  resource: 'samenwerkingen',
  lijst: 'leden',
  tabel: 'samenwerking_lid',
  actie: 'lidmaatschap-bevestigen',
  geenDeelnemer: (organisatieId) =>
    msg(
      `Organisatie ${organisatieId} is geen lid van deze samenwerking.`,
      `Organisation ${organisatieId} is not a member of this samenwerking.`,
    ),
  nietNamens: msg(
    'Alleen een beheerder of regisseur van deze organisatie (of een admin) mag haar lidmaatschap bevestigen.',
    'Only a beheerder or regisseur of this organisation (or an admin) may confirm its membership.',
  ),
  api: {
    summary: 'Het lidmaatschap van een organisatie bevestigen',
    description:
      'Een lid deelt pas gegevens binnen de samenwerking als de organisatie het lidmaatschap heeft bevestigd. Mag: een beheerder of regisseur van die organisatie, of een admin. 404 als de samenwerking niet zichtbaar is of de organisatie geen lid is; 403 voor wie niet namens de organisatie mag bevestigen. Een bevestigd lid nogmaals bevestigen verandert niets.',
    organisatieId: 'Het lid: de organisatie (UUID).',
  },
}

/**
 * An afnemer organisation confirms it takes the gastheerschap; only then does it share
 * (both ways) or take part in its costs (db/repos/registry.ts gastheerschappenVan,
 * db/repos/kosten.ts).
 */
export const afnemerschap: Deelname = {
  resource: 'gastheerschappen',
  lijst: 'afnemers',
  tabel: 'gastheerschap_afnemer',
  actie: 'afnemerschap-bevestigen',
  geenDeelnemer: (organisatieId) =>
    msg(
      `Organisatie ${organisatieId} is geen afnemer van dit gastheerschap.`,
      `Organisation ${organisatieId} is not a guest (afnemer) of this gastheerschap.`,
    ),
  nietNamens: msg(
    'Alleen een beheerder of regisseur van deze organisatie (of een admin) mag bevestigen dat zij afnemer is.',
    'Only a beheerder or regisseur of this organisation (or an admin) may confirm that it is a guest (afnemer).',
  ),
  api: {
    summary: 'Bevestigen dat een organisatie afnemer is',
    description:
      'Een afnemer deelt pas gegevens met de gastheer (en ziet pas wat het gastheerschap deelt) en neemt pas deel aan de kosten als de organisatie heeft bevestigd dat zij afnemer is. Mag: een beheerder of regisseur van die organisatie, of een admin. 404 als het gastheerschap niet zichtbaar is of de organisatie geen afnemer is; 403 voor wie niet namens de organisatie mag bevestigen. Een bevestigde afnemer nogmaals bevestigen verandert niets.',
    organisatieId: 'De afnemer: de organisatie (UUID).',
  },
}

/** Every kind, in the order their routes are registered. */
export const DEELNAMES: readonly Deelname[] = [lidmaatschap, afnemerschap]

export interface Deelnemer {
  organisatieId: string
  bevestigd: boolean
  toegestaneActies?: 'bevestigen'[]
}

/** The deelnemers an object names, in its read-only list. */
export function deelnemers(deelname: Deelname, item: Resource | undefined): Deelnemer[] {
  return ((item as Record<string, unknown> | undefined)?.[deelname.lijst] as Deelnemer[] | undefined) ?? []
}

/** The service rules of a resource with deelnemers (ResourceRules.afterWrite). */
export function deelnameRegels(deelname: Deelname) {
  return {
    /** After a write: the new deelnemers the writer may speak for are confirmed in the same transaction. */
    afterWrite: async (trx: Database, actor: Actor, na: Resource, voor: Resource | undefined): Promise<boolean> => {
      const eerder = new Set(deelnemers(deelname, voor).map((d) => d.organisatieId))
      const nieuw = deelnemers(deelname, na)
        .filter((d) => !eerder.has(d.organisatieId) && !d.bevestigd)
        .map((d) => d.organisatieId)
      const caller = actor.caller
      const mag = caller ? nieuw.filter((id) => canSpeakFor(caller, id)) : nieuw
      return (await bevestigDeelnemers(trx, deelname.tabel, na.id, mag, actor.naam)).length > 0
    },
  }
}

/**
 * Confirms one deelnemer: 404 when the object is not visible or does not name the
 * organisation, 412 on a stale If-Match, 403 unless the caller may speak for that
 * organisation. Confirming what is confirmed already changes nothing.
 */
export function deelnemerBevestigen(
  deelname: Deelname,
  service: ObjectService,
  actor: Actor,
  id: string,
  organisatieId: string,
  ifMatch: number | undefined,
): Promise<Resource> {
  return service.operation(actor, id, ifMatch, deelname.actie, async (trx, current) => {
    const deelnemer = deelnemers(deelname, current).find((d) => d.organisatieId === organisatieId.toLowerCase())
    if (!deelnemer) {
      throw new AppError('niet-gevonden', 404, msg('Niet gevonden', 'Not found'), deelname.geenDeelnemer(organisatieId))
    }
    if (actor.caller && !canSpeakFor(actor.caller, deelnemer.organisatieId)) throw forbiddenAction(deelname.nietNamens)
    return (await bevestigDeelnemers(trx, deelname.tabel, current.id, [deelnemer.organisatieId], actor.naam)).length > 0
  })
}
