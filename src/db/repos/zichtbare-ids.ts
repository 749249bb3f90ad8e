import { sql } from 'kysely'
import type { Leesbereik } from '../../domain/access.js'
import type { Objecttype } from '../../domain/registry-rules.js'
import type { Taal } from '../../domain/taal.js'
import type { Database } from '../database.js'
import { referentiecomponenten } from './interop-resources.js'
import { kostenposten, maatstafwaarden, referentiewaarden, verdeelsleutels } from './kosten-resources.js'
import { declaratieZichtbaar } from './kosten-zichtbaarheid.js'
import { controles, meldingskanalen, onderhoudsvensters } from './monitoring-resources.js'
import { applicaties, gastheerschappen, koppelingen, organisaties, samenwerkingen } from './registry.js'
import type { DependantSpec, ObjectOpslag, ZichtbareIds } from './registry-repository.js'
import { scenarios } from './scenarios.js'
import { bewijsstukken, contracten, toegangen } from './vertrouwen-resources.js'
import { bevindingOpslag, vertrouwensbeleid } from './vertrouwensbeleid.js'

// The storage of every object type (ObjectOpslag): what the object-type register, the
// audit log, the names it shows and the reference checks ask of a type. Which objects of
// each type a caller may see, as subqueries, by the same rules as the lists and reads:
// so a refused delete names only the dependants the caller could open.

/** A concept declaratie's name says it is one, in the reader's language. */
const CONCEPT: Record<Taal, string> = { nl: 'concept', en: 'draft' }

/** Declaraties keep a repository of their own (declaraties.ts); this is what the register needs of it. */
export const declaratieOpslag: ObjectOpslag = {
  objecttype: 'declaratie',
  tabel: 'declaratie',
  naamKolom: 'periode',
  // A concept has no number yet: its period and parties.
  weergaveNaam: (taal) => ({
    naam: sql<string>`coalesce(t.nummer, t.periode || ' ' || van.naam || ' → ' || aan.naam || ' (' || ${CONCEPT[taal]}::text || ')')`,
    joins: (q) => q.innerJoin('organisatie as van', 'van.id', 't.van_id').innerJoin('organisatie as aan', 'aan.id', 't.aan_id'),
  }),
  async existingIds(db: Database, ids: string[], bereik?: Leesbereik): Promise<Set<string>> {
    if (ids.length === 0) return new Set()
    let q = db.selectFrom('declaratie').select('id').where('id', 'in', ids)
    if (bereik && !bereik.alles) q = q.where(declaratieZichtbaar(bereik.organisatieIds))
    return new Set((await q.execute()).map((r) => r.id))
  },
  idsVisibleTo: (db, organisatieIds) => db.selectFrom('declaratie').select('id').where(declaratieZichtbaar(organisatieIds)),
  auditZichtbaar: (_db, organisatieIds) => sql<string>`(SELECT id::text FROM declaratie WHERE ${declaratieZichtbaar(organisatieIds)})`,
}

/** Every object type's storage; a type without one does not compile. */
export const OBJECT_OPSLAG: Record<Objecttype, ObjectOpslag> = {
  organisatie: organisaties,
  samenwerking: samenwerkingen,
  gastheerschap: gastheerschappen,
  applicatie: applicaties,
  koppeling: koppelingen,
  kostenpost: kostenposten,
  verdeelsleutel: verdeelsleutels,
  maatstafwaarde: maatstafwaarden,
  referentiewaarde: referentiewaarden,
  referentiecomponent: referentiecomponenten,
  declaratie: declaratieOpslag,
  scenario: scenarios,
  bewijsstuk: bewijsstukken,
  contract: contracten,
  toegang: toegangen,
  vertrouwensbeleid,
  bevinding: bevindingOpslag,
  controle: controles,
  onderhoudsvenster: onderhoudsvensters,
  meldingskanaal: meldingskanalen,
}

export function zichtbareIds(db: Database, bereik: Leesbereik): (objecttype: DependantSpec['objecttype']) => ZichtbareIds {
  if (bereik.alles) return () => 'alle'
  const ids = bereik.organisatieIds
  return (objecttype) => {
    // User accounts are for admins only.
    if (objecttype === 'gebruiker') return 'geen'
    return OBJECT_OPSLAG[objecttype].idsVisibleTo(db, ids)
  }
}
