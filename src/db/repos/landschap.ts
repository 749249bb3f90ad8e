import { type Expression, type Kysely, type SqlBool, sql } from 'kysely'
import type { Leesbereik } from '../../domain/access.js'
import type { LandschapGegevens, LandschapKoppeling } from '../../domain/landschap.js'
import type { BivNiveau } from '../../domain/vocabulary.js'
import type { Database } from '../database.js'
import { applicaties, koppelingen, samenwerkingen } from './registry.js'
import type { RegistryRepository } from './registry-repository.js'

// Reads for the landschap graph: every row the caller may see, with only the columns
// the graph draws. Visibility is the registry's own (`visibleTo` in registry.ts), so
// the graph and the lists can never disagree about what someone may see.

// biome-ignore lint/suspicious/noExplicitAny: visibleTo works on the untyped builder (see registry-repository.ts)
type AnyDb = Kysely<any>
// biome-ignore lint/suspicious/noExplicitAny: any registry aggregate
type AnyRepo = RegistryRepository<any, any>

/**
 * `<kolom> IN (ids the caller may see)` for one aggregate, or true for an admin. As a
 * subquery, so it combines with joins without clashing column names.
 */
export function zichtbaar(db: Database, repo: AnyRepo, kolom: string, bereik: Leesbereik): Expression<SqlBool> {
  if (bereik.alles || !repo.spec.visibleTo) return sql<SqlBool>`true`
  const ids = repo.spec.visibleTo((db as AnyDb).selectFrom(repo.spec.table).select('id'), bereik.organisatieIds)
  return sql<SqlBool>`${sql.ref(kolom)} IN (${ids})`
}

export async function landschapGegevens(db: Database, bereik: Leesbereik): Promise<LandschapGegevens> {
  const apps = await db
    .selectFrom('applicatie')
    .select(['id', 'naam', 'status'])
    .where(zichtbaar(db, applicaties, 'applicatie.id', bereik))
    .execute()
  const gebruik = await db
    .selectFrom('applicatie_gebruiker as g')
    .innerJoin('organisatie as o', 'o.id', 'g.organisatie_id')
    .select(['g.applicatie_id', 'g.organisatie_id', 'o.naam', 'o.type'])
    .where(zichtbaar(db, applicaties, 'g.applicatie_id', bereik))
    .orderBy('g.applicatie_id')
    .orderBy('g.positie')
    .execute()
  // The samenwerking (the koppeling's own: chosen, from its gastheerschap or derived,
  // issue 20.4) only serves the samenwerking filter, which the service applies only to a
  // samenwerking the caller may see.
  const rows = await db
    .selectFrom('koppeling as k')
    .select([
      'k.id',
      'k.naam',
      'k.richting',
      'k.bron_applicatie_id',
      'k.bron_voorziening',
      'k.bron_voorziening_overig',
      'k.doel_applicatie_id',
      'k.doel_voorziening',
      'k.doel_voorziening_overig',
      'k.via_applicatie_id',
      'k.vertrouwelijkheid',
      'k.persoonsgegevens',
      'k.status',
      'k.samenwerking_id',
    ])
    .where(zichtbaar(db, koppelingen, 'k.id', bereik))
    .orderBy('k.naam')
    .orderBy('k.id')
    .execute()
  const organisaties = new Map<string, { id: string; naam: string; type: string }>()
  for (const g of gebruik) organisaties.set(g.organisatie_id, { id: g.organisatie_id, naam: g.naam, type: g.type })
  return {
    applicaties: apps,
    gebruik: gebruik.map((g) => ({ applicatieId: g.applicatie_id, organisatieId: g.organisatie_id })),
    organisaties: [...organisaties.values()],
    koppelingen: rows.map(
      (k): LandschapKoppeling => ({
        id: k.id,
        naam: k.naam,
        richting: k.richting,
        bronApplicatieId: k.bron_applicatie_id,
        bronVoorziening: k.bron_voorziening_overig ?? k.bron_voorziening,
        doelApplicatieId: k.doel_applicatie_id,
        doelVoorziening: k.doel_voorziening_overig ?? k.doel_voorziening,
        viaApplicatieId: k.via_applicatie_id,
        samenwerkingId: k.samenwerking_id,
        vertrouwelijkheid: k.vertrouwelijkheid as BivNiveau,
        persoonsgegevens: k.persoonsgegevens,
        status: k.status,
      }),
    ),
  }
}

/** The confirmed members of a samenwerking the caller may see; an empty list when it is not visible or does not exist. */
export async function zichtbareLeden(db: Database, bereik: Leesbereik, samenwerkingId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('samenwerking_lid')
    .select('organisatie_id')
    .where('samenwerking_id', '=', samenwerkingId)
    .where('bevestigd_op', 'is not', null)
    .where(zichtbaar(db, samenwerkingen, 'samenwerking_lid.samenwerking_id', bereik))
    .execute()
  return rows.map((r) => r.organisatie_id)
}
