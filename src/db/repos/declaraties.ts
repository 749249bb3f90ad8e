import { sql } from 'kysely'
import type { Leesbereik } from '../../domain/access.js'
import type { Betaalgegevens } from '../../domain/betaling.js'
import type { DeclaratieRegel } from '../../domain/declaraties.js'
import type { SortKey } from '../../domain/listing.js'
import type { DeclaratieSoort, DeclaratieStatus } from '../../domain/vocabulary.js'
import type { Database } from '../database.js'
import { declaratieZichtbaar } from './kosten-zichtbaarheid.js'

// All SQL of declaraties. Rows come back with the names and CBS codes of sender and
// recipient and the number of the declaratie a correction corrects.

export interface DeclaratieRij {
  id: string
  nummer: string | null
  soort: DeclaratieSoort
  corrigeertId: string | null
  corrigeertNummer: string | null
  vanId: string
  vanNaam: string
  vanCbsCode: string | null
  aanId: string
  aanNaam: string
  aanCbsCode: string | null
  periode: string
  periodeStart: string
  periodeEind: string
  status: DeclaratieStatus
  totaal: number
  aantalRegels: number
  toelichting: string | null
  definitiefOp: string | null
  verzondenOp: string | null
  betaaldOp: string | null
  revisie: number
  aangemaaktOp: string
  gewijzigdOp: string
}

export interface VolledigeDeclaratieRij extends DeclaratieRij {
  regels: DeclaratieRegel[]
}

export interface DeclaratieFilter {
  vanId?: string
  aanId?: string
  /** Declaraties whose period lies within these days (a year holds its quarters and months, a quarter its months). */
  binnen?: { start: string; eind: string }
  status?: string
  soort?: string
}

const SORT_COLUMNS: Record<string, string> = {
  periode: 'd.periode_start',
  nummer: 'd.nummer',
  totaal: 'd.totaal',
  status: 'd.status',
  aangemaaktOp: 'd.aangemaakt_op',
  gewijzigdOp: 'd.gewijzigd_op',
  id: 'd.id',
}

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v))

function basis(db: Database) {
  return db
    .selectFrom('declaratie as d')
    .innerJoin('organisatie as van', 'van.id', 'd.van_id')
    .innerJoin('organisatie as aan', 'aan.id', 'd.aan_id')
    .leftJoin('declaratie as orig', 'orig.id', 'd.corrigeert_id')
}

const KOLOMMEN = [
  'd.id',
  'd.nummer',
  'd.soort',
  'd.corrigeert_id',
  'orig.nummer as corrigeert_nummer',
  'd.van_id',
  'van.naam as van_naam',
  'van.cbs_code as van_cbs_code',
  'd.aan_id',
  'aan.naam as aan_naam',
  'aan.cbs_code as aan_cbs_code',
  'd.periode',
  'd.periode_start',
  'd.periode_eind',
  'd.status',
  'd.totaal',
  sql<number>`jsonb_array_length(d.regels)`.as('aantal_regels'),
  'd.toelichting',
  'd.definitief_op',
  'd.verzonden_op',
  'd.betaald_op',
  'd.revisie',
  'd.aangemaakt_op',
  'd.gewijzigd_op',
] as const
const MET_REGELS = [...KOLOMMEN, 'd.regels'] as const

function naarRij(r: Record<string, unknown>): VolledigeDeclaratieRij {
  return {
    id: r.id as string,
    nummer: (r.nummer as string | null) ?? null,
    soort: r.soort as DeclaratieSoort,
    corrigeertId: (r.corrigeert_id as string | null) ?? null,
    corrigeertNummer: (r.corrigeert_nummer as string | null) ?? null,
    vanId: r.van_id as string,
    vanNaam: r.van_naam as string,
    vanCbsCode: (r.van_cbs_code as string | null) ?? null,
    aanId: r.aan_id as string,
    aanNaam: r.aan_naam as string,
    aanCbsCode: (r.aan_cbs_code as string | null) ?? null,
    periode: r.periode as string,
    periodeStart: r.periode_start as string,
    periodeEind: r.periode_eind as string,
    status: r.status as DeclaratieStatus,
    totaal: Number(r.totaal),
    aantalRegels: Number(r.aantal_regels),
    toelichting: (r.toelichting as string | null) ?? null,
    definitiefOp: iso(r.definitief_op),
    verzondenOp: iso(r.verzonden_op),
    betaaldOp: iso(r.betaald_op),
    revisie: Number(r.revisie),
    aangemaaktOp: iso(r.aangemaakt_op) as string,
    gewijzigdOp: iso(r.gewijzigd_op) as string,
    regels: (r.regels as DeclaratieRegel[] | undefined) ?? [],
  }
}

function zonderRegels(r: VolledigeDeclaratieRij): DeclaratieRij {
  const { regels: _r, ...rest } = r
  return rest
}

export interface NieuweDeclaratie {
  soort: DeclaratieSoort
  corrigeertId: string | null
  vanId: string
  aanId: string
  periode: string
  periodeStart: string
  periodeEind: string
  totaal: number
  regels: DeclaratieRegel[]
  toelichting?: string | null
}

export const declaraties = {
  async lijst(
    db: Database,
    q: { pagina: number; paginaGrootte: number; sort: SortKey[]; filter: DeclaratieFilter },
    bereik?: Leesbereik,
  ): Promise<{ items: DeclaratieRij[]; total: number }> {
    let base = basis(db)
    const f = q.filter
    if (f.vanId) base = base.where('d.van_id', '=', f.vanId)
    if (f.aanId) base = base.where('d.aan_id', '=', f.aanId)
    if (f.binnen) base = base.where('d.periode_start', '>=', f.binnen.start).where('d.periode_eind', '<=', f.binnen.eind)
    if (f.status) base = base.where('d.status', '=', f.status)
    if (f.soort) base = base.where('d.soort', '=', f.soort)
    if (bereik && !bereik.alles) base = base.where(declaratieZichtbaar(bereik.organisatieIds, 'd'))
    const count = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
    let rows = base.select([...KOLOMMEN])
    for (const k of q.sort) {
      const col = SORT_COLUMNS[k.field]
      if (!col) continue
      rows = rows.orderBy(sql`${sql.ref(col)} ${sql.raw(k.descending ? 'desc' : 'asc')} nulls last`)
    }
    const items = await rows
      .limit(q.paginaGrootte)
      .offset((q.pagina - 1) * q.paginaGrootte)
      .execute()
    return { items: items.map((r) => zonderRegels(naarRij(r as Record<string, unknown>))), total: Number(count.n) }
  },

  /** One declaratie with its lines; undefined when absent or not visible in `bereik`. */
  async vind(db: Database, id: string, bereik?: Leesbereik): Promise<VolledigeDeclaratieRij | undefined> {
    let q = basis(db)
      .select([...MET_REGELS])
      .where('d.id', '=', id)
    if (bereik && !bereik.alles) q = q.where(declaratieZichtbaar(bereik.organisatieIds, 'd'))
    const r = await q.executeTakeFirst()
    return r ? naarRij(r as Record<string, unknown>) : undefined
  },

  /** Locks the row for the rest of the transaction and returns it in full. */
  async vergrendel(trx: Database, id: string): Promise<VolledigeDeclaratieRij | undefined> {
    const locked = await trx.selectFrom('declaratie').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
    if (!locked) return undefined
    return declaraties.vind(trx, id)
  },

  /** Locks the sender, so numbering for it runs one at a time. */
  async vergrendelAfzender(trx: Database, vanId: string): Promise<void> {
    await trx.selectFrom('organisatie').select('id').where('id', '=', vanId).forUpdate().execute()
  },

  async nummersVan(trx: Database, vanId: string, jaar: number): Promise<string[]> {
    const rows = await trx
      .selectFrom('declaratie')
      .select('nummer')
      .where('van_id', '=', vanId)
      .where('nummer', 'like', `${jaar}-%`)
      .execute()
    return rows.flatMap((r) => (r.nummer ? [r.nummer] : []))
  },

  /** Declaraties (not corrections) of a pair whose period overlaps [start, eind]. */
  async vanPaar(trx: Database, vanId: string, aanId: string, start: string, eind: string): Promise<DeclaratieRij[]> {
    const rows = await basis(trx)
      .select([...KOLOMMEN])
      .where('d.van_id', '=', vanId)
      .where('d.aan_id', '=', aanId)
      .where('d.soort', '=', 'declaratie')
      .where('d.periode_start', '<=', eind)
      .where('d.periode_eind', '>=', start)
      .orderBy('d.aangemaakt_op')
      .execute()
    return rows.map((r) => zonderRegels(naarRij(r as Record<string, unknown>)))
  },

  /** Concept declaraties (not corrections) of these senders for exactly this period. */
  async conceptenVan(trx: Database, vanIds: string[] | 'alle', periode: string): Promise<DeclaratieRij[]> {
    let q = basis(trx)
      .select([...KOLOMMEN])
      .where('d.periode', '=', periode)
      .where('d.status', '=', 'concept')
      .where('d.soort', '=', 'declaratie')
    if (vanIds !== 'alle') q = vanIds.length === 0 ? q.where(sql<boolean>`false`) : q.where('d.van_id', 'in', vanIds)
    return (await q.execute()).map((r) => zonderRegels(naarRij(r as Record<string, unknown>)))
  },

  /** Corrections of a declaratie, with their lines. */
  async correctiesVan(trx: Database, origineelId: string): Promise<VolledigeDeclaratieRij[]> {
    const rows = await basis(trx)
      .select([...MET_REGELS])
      .where('d.corrigeert_id', '=', origineelId)
      .orderBy('d.aangemaakt_op')
      .execute()
    return rows.map((r) => naarRij(r as Record<string, unknown>))
  },

  /**
   * The corrections of these declaraties (oldest first), without lines: who corrected
   * what. A correction has the sender and recipient of its original, so whoever sees the
   * original sees its corrections; `bereik` is applied all the same.
   */
  async correctiesVanAlle(
    db: Database,
    origineelIds: string[],
    bereik?: Leesbereik,
  ): Promise<Map<string, { id: string; nummer: string | null; status: DeclaratieStatus; totaal: number }[]>> {
    const out = new Map<string, { id: string; nummer: string | null; status: DeclaratieStatus; totaal: number }[]>()
    if (origineelIds.length === 0) return out
    let q = db
      .selectFrom('declaratie as d')
      .select(['d.id', 'd.nummer', 'd.status', 'd.totaal', 'd.corrigeert_id'])
      .where('d.corrigeert_id', 'in', origineelIds)
    if (bereik && !bereik.alles) q = q.where(declaratieZichtbaar(bereik.organisatieIds, 'd'))
    const rows = await q.orderBy('d.aangemaakt_op').orderBy('d.id').execute()
    for (const r of rows) {
      const lijst = out.get(r.corrigeert_id as string) ?? []
      lijst.push({ id: r.id, nummer: r.nummer ?? null, status: r.status as DeclaratieStatus, totaal: Number(r.totaal) })
      out.set(r.corrigeert_id as string, lijst)
    }
    return out
  },

  async invoegen(trx: Database, d: NieuweDeclaratie): Promise<string> {
    const r = await trx
      .insertInto('declaratie')
      .values({
        soort: d.soort,
        corrigeert_id: d.corrigeertId,
        van_id: d.vanId,
        aan_id: d.aanId,
        periode: d.periode,
        periode_start: d.periodeStart,
        periode_eind: d.periodeEind,
        totaal: d.totaal,
        regels: JSON.stringify(d.regels),
        toelichting: d.toelichting ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return r.id
  },

  async vervangRegels(trx: Database, id: string, regels: DeclaratieRegel[], totaal: number): Promise<void> {
    await trx
      .updateTable('declaratie')
      .set({ regels: JSON.stringify(regels), totaal, revisie: sql`revisie + 1`, gewijzigd_op: sql`now()` })
      .where('id', '=', id)
      .execute()
  },

  async zetToelichting(trx: Database, id: string, toelichting: string | null): Promise<void> {
    await trx
      .updateTable('declaratie')
      .set({ toelichting, revisie: sql`revisie + 1`, gewijzigd_op: sql`now()` })
      .where('id', '=', id)
      .execute()
  },

  /**
   * The sender's payment details to print on a declaratie: those recorded when it was made
   * final, or for a concept the sender's present ones; undefined where there are none.
   */
  async betaalgegevens(db: Database, id: string): Promise<Betaalgegevens> {
    const r = await db
      .selectFrom('declaratie as d')
      .innerJoin('organisatie as o', 'o.id', 'd.van_id')
      .select([
        sql<string | null>`CASE WHEN d.status = 'concept' THEN o.iban ELSE d.iban END`.as('iban'),
        sql<number | null>`CASE WHEN d.status = 'concept' THEN o.betaaltermijn_dagen ELSE d.betaaltermijn_dagen END`.as('termijn'),
      ])
      .where('d.id', '=', id)
      .executeTakeFirst()
    return { iban: r?.iban ?? undefined, betaaltermijnDagen: r?.termijn ?? undefined }
  },

  async maakDefinitief(trx: Database, id: string, nummer: string, moment: Date): Promise<void> {
    await trx
      .updateTable('declaratie')
      .set({
        status: 'definitief',
        nummer,
        definitief_op: moment,
        // The payment details printed on it from now on, whatever the sender records later.
        iban: sql`(SELECT o.iban FROM organisatie o WHERE o.id = declaratie.van_id)`,
        betaaltermijn_dagen: sql`(SELECT o.betaaltermijn_dagen FROM organisatie o WHERE o.id = declaratie.van_id)`,
        revisie: sql`revisie + 1`,
        gewijzigd_op: sql`now()`,
      })
      .where('id', '=', id)
      .execute()
  },

  async zetVerzonden(trx: Database, id: string, moment: Date): Promise<void> {
    await trx
      .updateTable('declaratie')
      .set({ status: 'verzonden', verzonden_op: moment, revisie: sql`revisie + 1`, gewijzigd_op: sql`now()` })
      .where('id', '=', id)
      .execute()
  },

  /** Paid: on a given calendar day (start of that day in Dutch time), or at `moment` (now). */
  async zetBetaald(trx: Database, id: string, datum: string | undefined, moment: Date): Promise<void> {
    await trx
      .updateTable('declaratie')
      .set({
        status: 'betaald',
        betaald_op: datum ? sql`(${datum}::date::timestamp AT TIME ZONE 'Europe/Amsterdam')` : moment,
        revisie: sql`revisie + 1`,
        gewijzigd_op: sql`now()`,
      })
      .where('id', '=', id)
      .execute()
  },

  async verwijder(trx: Database, id: string): Promise<void> {
    await trx.deleteFrom('declaratie').where('id', '=', id).execute()
  },

  async organisaties(db: Database, ids: string[]): Promise<Map<string, { naam: string; cbsCode: string | null }>> {
    if (ids.length === 0) return new Map()
    const rows = await db.selectFrom('organisatie').select(['id', 'naam', 'cbs_code']).where('id', 'in', ids).execute()
    return new Map(rows.map((r) => [r.id, { naam: r.naam, cbsCode: r.cbs_code }]))
  },
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Organisations whose id, CBS code, OIN or name (any case) is this value: how the CLI names a sender. */
export async function organisatiesMetKenmerk(db: Database, v: string): Promise<{ id: string; naam: string }[]> {
  return db
    .selectFrom('organisatie')
    .select(['id', 'naam'])
    .where((eb) =>
      eb.or([
        ...(UUID.test(v) ? [eb('id', '=', v)] : []),
        eb('cbs_code', '=', v.toUpperCase()),
        eb('oin', '=', v),
        eb(eb.fn('lower', ['naam']), '=', v.toLowerCase()),
      ]),
    )
    .execute()
}
