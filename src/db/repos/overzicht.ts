import { sql } from 'kysely'
import type { Leesbereik } from '../../domain/access.js'
import type { Database } from '../database.js'
import { zichtbaar } from './landschap.js'
import { applicaties, gastheerschappen, koppelingen, samenwerkingen } from './registry.js'

// Reads for the dashboard: a handful of queries for the whole page, each narrowed to
// what the caller may see exactly as the list endpoints narrow it.

export interface OverzichtRijen {
  samenwerkingen: { id: string; naam: string; vorm: string; startdatum: string | null; einddatum: string | null }[]
  leden: { samenwerkingId: string; organisatieId: string; naam: string; startdatum: string | null; einddatum: string | null }[]
  gastheerschappen: { id: string; taak: string; samenwerkingId: string; gastheerId: string; gastheerNaam: string }[]
  afnemers: { gastheerschapId: string; organisatieId: string; naam: string }[]
  /** Visible koppelingen grouped by the samenwerking of their gastheerschap (null: none) and classification. */
  koppelingen: { samenwerkingId: string | null; vertrouwelijkheid: string; persoonsgegevens: boolean; aantal: number }[]
  totalen: { organisaties: number; applicaties: number; gastheerschappen: number }
}

export async function overzichtRijen(db: Database, bereik: Leesbereik): Promise<OverzichtRijen> {
  const sw = await db
    .selectFrom('samenwerking')
    .select(['id', 'naam', 'vorm', 'startdatum', 'einddatum'])
    .where(zichtbaar(db, samenwerkingen, 'samenwerking.id', bereik))
    .orderBy(sql`lower(naam)`)
    .orderBy('id')
    .execute()
  const ids = sw.map((s) => s.id)
  const leden = ids.length
    ? await db
        .selectFrom('samenwerking_lid as l')
        .innerJoin('organisatie as o', 'o.id', 'l.organisatie_id')
        .select(['l.samenwerking_id', 'l.organisatie_id', 'o.naam', 'l.startdatum', 'l.einddatum'])
        .where('l.samenwerking_id', 'in', ids)
        .orderBy('l.samenwerking_id')
        .orderBy('l.positie')
        .execute()
    : []
  const gh = ids.length
    ? await db
        .selectFrom('gastheerschap as g')
        .innerJoin('organisatie as o', 'o.id', 'g.gastheer_id')
        .select(['g.id', 'g.taak', 'g.samenwerking_id', 'g.gastheer_id', 'o.naam'])
        .where('g.samenwerking_id', 'in', ids)
        .where(zichtbaar(db, gastheerschappen, 'g.id', bereik))
        .orderBy(sql`lower(g.taak)`)
        .orderBy('g.id')
        .execute()
    : []
  const ghIds = gh.map((g) => g.id)
  const afnemers = ghIds.length
    ? await db
        .selectFrom('gastheerschap_afnemer as a')
        .innerJoin('organisatie as o', 'o.id', 'a.organisatie_id')
        .select(['a.gastheerschap_id', 'a.organisatie_id', 'o.naam'])
        .where('a.gastheerschap_id', 'in', ghIds)
        .orderBy('a.gastheerschap_id')
        .orderBy('a.positie')
        .execute()
    : []
  // Grouped by the koppeling's own samenwerking (issue 20.4: chosen, from its gastheerschap
  // or derived); only the caller's visible samenwerkingen are shown, the rest still count
  // in the totals.
  const kop = await db
    .selectFrom('koppeling as k')
    .select(['k.samenwerking_id', 'k.vertrouwelijkheid', 'k.persoonsgegevens', (eb) => eb.fn.countAll<number>().as('aantal')])
    .where(zichtbaar(db, koppelingen, 'k.id', bereik))
    .groupBy(['k.samenwerking_id', 'k.vertrouwelijkheid', 'k.persoonsgegevens'])
    .execute()
  const totalen = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('organisatie').select(eb.fn.countAll<number>().as('n')).as('organisaties'),
      eb
        .selectFrom('applicatie')
        .select(eb.fn.countAll<number>().as('n'))
        .where(zichtbaar(db, applicaties, 'applicatie.id', bereik))
        .as('applicaties'),
      eb
        .selectFrom('gastheerschap')
        .select(eb.fn.countAll<number>().as('n'))
        .where(zichtbaar(db, gastheerschappen, 'gastheerschap.id', bereik))
        .as('gastheerschappen'),
    ])
    .executeTakeFirstOrThrow()
  return {
    samenwerkingen: sw,
    leden: leden.map((l) => ({
      samenwerkingId: l.samenwerking_id,
      organisatieId: l.organisatie_id,
      naam: l.naam,
      startdatum: l.startdatum,
      einddatum: l.einddatum,
    })),
    gastheerschappen: gh.map((g) => ({
      id: g.id,
      taak: g.taak,
      samenwerkingId: g.samenwerking_id as string,
      gastheerId: g.gastheer_id,
      gastheerNaam: g.naam,
    })),
    afnemers: afnemers.map((a) => ({ gastheerschapId: a.gastheerschap_id, organisatieId: a.organisatie_id, naam: a.naam })),
    koppelingen: kop.map((k) => ({
      samenwerkingId: k.samenwerking_id,
      vertrouwelijkheid: k.vertrouwelijkheid,
      persoonsgegevens: k.persoonsgegevens,
      aantal: Number(k.aantal),
    })),
    totalen: {
      organisaties: Number(totalen.organisaties),
      applicaties: Number(totalen.applicaties),
      gastheerschappen: Number(totalen.gastheerschappen),
    },
  }
}
