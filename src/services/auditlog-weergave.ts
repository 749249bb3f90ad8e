import type { Database } from '../db/database.js'
import { actornamen, objectnamen } from '../db/repos/objectnamen.js'
import type { Leesbereik } from '../domain/access.js'
import { type AuditSoort, auditSoort } from '../domain/audit-soorten.js'
import type { AuditEntry } from '../domain/auditchain.js'
import type { Taal } from '../domain/taal.js'
import { type AuditWeergave, naamSleutel, verwijzingenIn, vulVerwijzingen, type Waarde, wijzigingen } from '../domain/wijzigingen.js'
import { auditSchemaRef, auditStaatSchema } from '../schemas/audit.js'

// Audit entries as a person reads them (issue 20): the changed fields with their values
// typed by the object's schema, referenced objects by name where the reader may see
// them, and who acted by name. The stored entry (voor, na: what the chain hashes) is
// returned unchanged beside it.

/** Where a state keeps the name of its object. */
const NAAMVELDEN = ['naam', 'taak', 'omschrijving', 'nummer', 'maatstaf', 'gebruikersnaam']

function naamUitStaat(e: AuditEntry): string | undefined {
  for (const staat of [e.na, e.voor]) {
    if (typeof staat !== 'object' || staat === null) continue
    for (const veld of NAAMVELDEN) {
      const v = (staat as Record<string, unknown>)[veld]
      if (typeof v === 'string' && v) return v
    }
  }
  return undefined
}

export async function metWeergave<E extends AuditEntry>(
  db: Database,
  entries: E[],
  bereik: Leesbereik,
  taal: Taal,
): Promise<(E & { weergave: AuditWeergave })[]> {
  const regels = entries.map((e) => {
    // Every stored objecttype is a kind the log knows; an unknown one reads without schema.
    const soort = (auditSoort(e.objecttype, e.actie) ?? e.objecttype) as AuditSoort
    const schema = auditStaatSchema(soort)
    const object: Waarde = { soort: 'verwijzing', objecttype: soort, id: e.objectId }
    return { e, soort, object, wijzigingen: wijzigingen(schema, e.voor, e.na, auditSchemaRef) }
  })
  const waarden = regels.flatMap((r) => r.wijzigingen.flatMap((w) => [w.voor, w.na]))
  const namen = await objectnamen(
    db,
    bereik,
    [...verwijzingenIn(waarden), ...regels.map((r) => ({ objecttype: r.soort, id: r.e.objectId }))],
    taal,
  )
  vulVerwijzingen(waarden, namen, bereik.alles)
  // The object itself the reader may read about: when it no longer exists, by the name its entry gives.
  for (const r of regels) {
    const naam = namen.get(naamSleutel(r.soort, r.e.objectId))
    if (naam !== undefined) Object.assign(r.object, { naam, zichtbaarheid: 'zichtbaar' })
    else Object.assign(r.object, { naam: naamUitStaat(r.e), zichtbaarheid: 'verwijderd' })
    if (r.object.naam === undefined) delete r.object.naam
  }
  const actors = await actornamen(
    db,
    entries.map((e) => e.actor),
  )
  return regels.map((r) => ({
    ...r.e,
    weergave: {
      soort: r.soort,
      object: r.object,
      actor: { gebruikersnaam: r.e.actor, naam: actors.get(r.e.actor.toLowerCase()) },
      wijzigingen: r.wijzigingen,
    },
  }))
}
