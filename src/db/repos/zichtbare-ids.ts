import type { Leesbereik } from '../../domain/access.js'
import type { Database } from '../database.js'
import { kostenRepositories } from './kosten-resources.js'
import { declaratieZichtbaar } from './kosten-zichtbaarheid.js'
import { registryRepositories } from './registry.js'
import type { DependantSpec, ZichtbareIds } from './registry-repository.js'
import { scenarios } from './scenarios.js'

// Which objects of each type a caller may see, as subqueries, by the same rules as the
// lists and reads: so a refused delete names only the dependants the caller could open.

const repositories = [...Object.values(registryRepositories), ...Object.values(kostenRepositories), scenarios]

export function zichtbareIds(db: Database, bereik: Leesbereik): (objecttype: DependantSpec['objecttype']) => ZichtbareIds {
  if (bereik.alles) return () => 'alle'
  const ids = bereik.organisatieIds
  return (objecttype) => {
    // User accounts are for admins only.
    if (objecttype === 'gebruiker') return 'geen'
    if (objecttype === 'declaratie') return db.selectFrom('declaratie').select('id').where(declaratieZichtbaar(ids))
    const repo = repositories.find((r) => r.spec.objecttype === objecttype)
    if (!repo) throw new Error(`no visibility rule for ${objecttype}`)
    return repo.idsVisibleTo(db, ids)
  }
}
