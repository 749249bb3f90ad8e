import { sql } from 'kysely'
import type { Leesbereik } from '../../domain/access.js'
import type { BestaandLandschap } from '../../domain/interop/typen.js'
import type { SamenwerkingMetLeden } from '../../domain/koppeling-samenwerking.js'
import type { LandelijkeVoorziening } from '../../domain/vocabulary.js'
import type { Database } from '../database.js'
import { kostenpostZichtbaarTabel } from './kosten-zichtbaarheid.js'
import { zichtbaar } from './landschap.js'
import { applicaties, samenwerkingen } from './registry.js'

// Reads for the ArchiMate import and the harmonisation overview: the registered landscape
// as far as matching needs it (everything: only an admin imports), and per samenwerking
// which applicaties its confirmed leden use, with their reference components and costs.

const zonderNull = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], null>
  }

/** Groups rows of (key, value) into a map of arrays. */
function perSleutel(rows: { k: string; v: string }[]): Map<string, string[]> {
  const m = new Map<string, string[]>()
  for (const r of rows) {
    const lijst = m.get(r.k)
    if (lijst) lijst.push(r.v)
    else m.set(r.k, [r.v])
  }
  return m
}

/** The whole registered landscape in the shape the import plan matches against. */
export async function bestaandLandschap(db: Database): Promise<BestaandLandschap> {
  const [organisaties, componenten, apps, gebruikers, appComponenten, koppelingen] = await Promise.all([
    db.selectFrom('organisatie').select(['id', 'naam', 'type', 'cbs_code', 'oin', 'archimate_id']).orderBy('id').execute(),
    db.selectFrom('referentiecomponent').select(['id', 'naam', 'gemma_id', 'archimate_id']).orderBy('id').execute(),
    db.selectFrom('applicatie').select(['id', 'naam', 'archimate_id']).orderBy('id').execute(),
    db
      .selectFrom('applicatie_gebruiker')
      .select(['applicatie_id as k', 'organisatie_id as v'])
      .orderBy('applicatie_id')
      .orderBy('positie')
      .execute(),
    db
      .selectFrom('applicatie_referentiecomponent')
      .select(['applicatie_id as k', 'referentiecomponent_id as v'])
      .orderBy('applicatie_id')
      .orderBy('positie')
      .execute(),
    db
      .selectFrom('koppeling')
      .select(['id', 'naam', 'archimate_id', 'bron_applicatie_id', 'doel_applicatie_id', 'bron_voorziening', 'doel_voorziening'])
      .orderBy('id')
      .execute(),
  ])
  const gebruikPer = perSleutel(gebruikers)
  const componentenPer = perSleutel(appComponenten)
  return {
    organisaties: organisaties.map((o) =>
      zonderNull({ id: o.id, naam: o.naam, type: o.type, cbsCode: o.cbs_code, oin: o.oin, archimateId: o.archimate_id }),
    ),
    referentiecomponenten: componenten.map((r) => zonderNull({ id: r.id, naam: r.naam, gemmaId: r.gemma_id, archimateId: r.archimate_id })),
    applicaties: apps.map((a) => ({
      ...zonderNull({ id: a.id, naam: a.naam, archimateId: a.archimate_id }),
      inGebruikBij: gebruikPer.get(a.id) ?? [],
      referentiecomponentIds: componentenPer.get(a.id) ?? [],
    })),
    koppelingen: koppelingen.map((k) =>
      zonderNull({
        id: k.id,
        naam: k.naam,
        archimateId: k.archimate_id,
        bronApplicatieId: k.bron_applicatie_id,
        doelApplicatieId: k.doel_applicatie_id,
        bronVoorziening: k.bron_voorziening as LandelijkeVoorziening | null,
        doelVoorziening: k.doel_voorziening as LandelijkeVoorziening | null,
      }),
    ),
  }
}

/** Every samenwerking with its confirmed leden: where a koppeling between applicaties belongs (domain/koppeling-samenwerking.ts). */
export async function samenwerkingenMetLeden(db: Database): Promise<SamenwerkingMetLeden[]> {
  const rows = await db
    .selectFrom('samenwerking as s')
    .innerJoin('samenwerking_lid as l', 'l.samenwerking_id', 's.id')
    .select(['s.id', 's.naam', 'l.organisatie_id'])
    .where('l.bevestigd_op', 'is not', null)
    .orderBy('s.naam')
    .orderBy('s.id')
    .execute()
  const out = new Map<string, { id: string; naam: string; leden: string[] }>()
  for (const r of rows) {
    const s = out.get(r.id) ?? { id: r.id, naam: r.naam, leden: [] }
    s.leden.push(r.organisatie_id)
    out.set(r.id, s)
  }
  return [...out.values()]
}

export interface HarmonisatieRij {
  referentiecomponentId: string | null
  referentiecomponentNaam: string | null
  gemmaId: string | null
  applicatieId: string
  applicatieNaam: string
  leverancierId: string | null
  leverancierNaam: string | null
  gebruikerId: string
  gebruikerNaam: string
}

/**
 * The applicaties the caller may see that confirmed leden of the samenwerking use, one row
 * per (reference component, applicatie, lid using it); an applicatie without a component
 * has one row with nulls. A leverancier the caller may not see is left out.
 */
export async function harmonisatieRijen(db: Database, samenwerkingId: string, bereik: Leesbereik): Promise<HarmonisatieRij[]> {
  const rows = await db
    .selectFrom('samenwerking_lid as l')
    .innerJoin('organisatie as o', 'o.id', 'l.organisatie_id')
    .innerJoin('applicatie_gebruiker as g', 'g.organisatie_id', 'l.organisatie_id')
    .innerJoin('applicatie as a', 'a.id', 'g.applicatie_id')
    .leftJoin('applicatie_referentiecomponent as ar', 'ar.applicatie_id', 'a.id')
    .leftJoin('referentiecomponent as r', 'r.id', 'ar.referentiecomponent_id')
    .leftJoin('organisatie as lev', 'lev.id', 'a.leverancier_id')
    .select([
      'r.id as referentiecomponentId',
      'r.naam as referentiecomponentNaam',
      'r.gemma_id as gemmaId',
      'a.id as applicatieId',
      'a.naam as applicatieNaam',
      'lev.id as leverancierId',
      'lev.naam as leverancierNaam',
      'o.id as gebruikerId',
      'o.naam as gebruikerNaam',
    ])
    .where('l.samenwerking_id', '=', samenwerkingId)
    .where('l.bevestigd_op', 'is not', null)
    .where(zichtbaar(db, samenwerkingen, 'l.samenwerking_id', bereik))
    .where(zichtbaar(db, applicaties, 'a.id', bereik))
    .orderBy(sql`lower(r.naam)`)
    .orderBy(sql`lower(a.naam)`)
    .orderBy('a.id')
    .orderBy(sql`lower(o.naam)`)
    .execute()
  return rows as HarmonisatieRij[]
}

/** Per applicatie: the sum of its kostenposten in the year that the caller may see (realisatie, else begroting), in eurocents, and how many. */
export async function kostenPerApplicatie(
  db: Database,
  applicatieIds: string[],
  jaar: number,
  bereik: Leesbereik,
): Promise<Map<string, { bedrag: number; posten: number }>> {
  if (applicatieIds.length === 0) return new Map()
  let q = db
    .selectFrom('kostenpost')
    .select(['applicatie_id', sql<string>`sum(coalesce(realisatie, begroting))`.as('bedrag'), sql<number>`count(*)::int`.as('posten')])
    .where('applicatie_id', 'in', applicatieIds)
    .where('jaar', '=', jaar)
    .groupBy('applicatie_id')
  if (!bereik.alles) q = q.where(kostenpostZichtbaarTabel(bereik.organisatieIds))
  const rows = await q.execute()
  return new Map(rows.map((r) => [r.applicatie_id as string, { bedrag: Number(r.bedrag), posten: r.posten }]))
}
