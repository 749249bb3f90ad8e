import type { Database } from '../db/database.js'
import { kanalenVoor, zetInWachtrij } from '../db/repos/meldingen.js'
import {
  type ControleRij,
  leesOnderhoud,
  leesToestanden,
  type MetingRij,
  maakStoring,
  schrijfMetingen,
  telBijUren,
  zetStoring,
  zetToestand,
} from '../db/repos/monitoring.js'
import { onderhoudIntervallen } from '../domain/monitoring/onderhoud.js'
import { rolOp } from '../domain/monitoring/rollup.js'
import { beginToestand, verwerkMetingen } from '../domain/monitoring/storingen.js'
import type { ControlePlaats, Meting, Tijdstip } from '../domain/monitoring/typen.js'
import type { Melding } from './meldingen/typen.js'
import type { Uitkomst } from './typen.js'

// One batch of probe results, written in one transaction: the metingen, their hourly
// roll-ups (maintenance counted apart), each controle's storing machine (domain/monitoring
// /storingen.ts) with the storingen it opens and closes, the next due moment, and the
// notifications those events and expiring certificates put in the outbox.

export interface Resultaat {
  controle: ControleRij
  tijdstip: Tijdstip
  uitkomst: Uitkomst
}

export interface VerwerkOpties {
  /** The process that holds the leases (its own are freed). */
  door: string
  /** For links in notifications. */
  publicUrl?: string
  /** Spread: the next run moves by up to this share of the interval, either way. */
  jitter?: number
}

const plaatsVan = (c: ControleRij): ControlePlaats => ({
  controleId: c.id,
  ...(c.koppelingId ? { koppelingId: c.koppelingId } : {}),
  ...(c.samenwerkingId ? { samenwerkingId: c.samenwerkingId } : {}),
})

export const metingVan = (r: Resultaat): MetingRij => ({
  controleId: r.controle.id,
  tijdstip: r.tijdstip,
  geslaagd: r.uitkomst.geslaagd,
  duurMs: r.uitkomst.duurMs,
  soort: r.uitkomst.soort,
  ...(r.uitkomst.geslaagd && r.uitkomst.soort === 'geslaagd' ? {} : { reden: r.uitkomst.reden }),
})

export async function verwerkResultaten(db: Database, resultaten: Resultaat[], opties: VerwerkOpties): Promise<void> {
  if (resultaten.length === 0) return
  const meldingen: { controle: ControleRij; sleutel: string; gebeurtenis: string; melding: Omit<Melding, 'sleutel'> }[] = []
  await db.transaction().execute(async (trx) => {
    // A controle deleted while it was probed: its result goes nowhere.
    const bestaand = new Set(
      (
        await trx
          .selectFrom('controle')
          .select('id')
          .where(
            'id',
            'in',
            resultaten.map((r) => r.controle.id),
          )
          .execute()
      ).map((r) => r.id),
    )
    const levend = resultaten.filter((r) => bestaand.has(r.controle.id))
    if (levend.length === 0) return
    // A controle run by hand before the scheduler saw it (or while paused) gets its state row here.
    await trx
      .insertInto('controle_toestand')
      .values(
        [...new Set(levend.map((r) => r.controle.id))].map((id) => ({
          controle_id: id,
          volgende_op: new Date(Math.min(...levend.map((r) => r.tijdstip))),
        })),
      )
      .onConflict((oc) => oc.column('controle_id').doNothing())
      .execute()
    const metingen = levend.map(metingVan)
    await schrijfMetingen(trx, metingen)

    const controles = new Map(levend.map((r) => [r.controle.id, r.controle]))
    const tijden = levend.map((r) => r.tijdstip)
    const vensters = await leesOnderhoud(trx, [...controles.values()].map(plaatsVan), Math.min(...tijden), Math.max(...tijden))
    const intervallen = new Map([...controles.values()].map((c) => [c.id, onderhoudIntervallen(vensters, plaatsVan(c))]))
    const domeinMetingen: Meting[] = metingen.map((m) => ({
      controleId: m.controleId,
      tijdstip: m.tijdstip,
      geslaagd: m.geslaagd,
      duurMs: m.duurMs,
      soort: m.soort,
    }))
    await telBijUren(
      trx,
      rolOp(domeinMetingen, (id) => intervallen.get(id) ?? []),
    )

    const toestanden = await leesToestanden(trx, [...controles.keys()])
    for (const c of controles.values()) {
      const eigen = levend.filter((r) => r.controle.id === c.id).sort((a, b) => a.tijdstip - b.tijdstip)
      const vorige = toestanden.get(c.id)
      const stap = verwerkMetingen(
        vorige ?? beginToestand(c.id),
        domeinMetingen.filter((m) => m.controleId === c.id),
        { foutenVoorStoring: c.foutenVoorStoring, successenVoorHerstel: c.successenVoorHerstel, onderhoud: intervallen.get(c.id) ?? [] },
      )
      let storingId = vorige?.storingId
      const laatste = eigen[eigen.length - 1] as Resultaat
      for (const g of stap.gebeurtenissen) {
        if (g.soort === 'geopend') {
          const oorzaak = eigen.find((r) => r.tijdstip === g.op)?.uitkomst.reden
          storingId = await maakStoring(trx, g.storing, oorzaak)
          meldingen.push({
            controle: c,
            sleutel: `storing:${storingId}:geopend`,
            gebeurtenis: 'storing-geopend',
            melding: { soort: 'storing-geopend', tijdstip: g.op, ...(oorzaak ? { reden: oorzaak } : {}), ...link(opties, storingId) },
          })
        } else if (storingId) {
          await zetStoring(trx, storingId, g.storing)
          if (g.soort === 'gesloten') {
            meldingen.push({
              controle: c,
              sleutel: `storing:${storingId}:gesloten`,
              gebeurtenis: 'storing-hersteld',
              melding: { soort: 'storing-hersteld', tijdstip: g.op, ...link(opties, storingId) },
            })
            storingId = undefined
          }
        }
      }
      const cert = laatste.uitkomst.details?.certificaat
      if (cert)
        meldingen.push({
          controle: c,
          sleutel: `certificaat:${c.id}:${cert.geldigTot}`,
          gebeurtenis: 'certificaat-verloopt',
          melding: { soort: 'certificaat-verloopt', tijdstip: laatste.tijdstip, dagenGeldig: cert.dagenGeldig, geldigTot: cert.geldigTot },
        })
      const spreiding = (opties.jitter ?? 0.05) * (Math.random() * 2 - 1)
      await zetToestand(trx, opties.door, {
        toestand: stap.toestand,
        ...(storingId ? { storingId } : {}),
        volgendeOp: laatste.tijdstip + Math.round(c.intervalSeconden * 1000 * (1 + spreiding)),
        laatste: {
          soort: laatste.uitkomst.soort,
          reden: laatste.uitkomst.reden,
          duurMs: laatste.uitkomst.duurMs,
          ...(laatste.uitkomst.details ? { details: laatste.uitkomst.details } : {}),
        },
      })
    }
    if (meldingen.length > 0) await zetMeldingenKlaar(trx, meldingen)
  })
}

function link(opties: VerwerkOpties, storingId: string): { link?: string } {
  return opties.publicUrl ? { link: `${opties.publicUrl}/storingen/${storingId}` } : {}
}

/** Names for what a notification is about (a notification leaves Regiekamer: names, never ids). */
async function namenVan(db: Database, c: ControleRij): Promise<Pick<Melding, 'controle' | 'koppeling' | 'samenwerking'>> {
  const k = c.koppelingId
    ? await db
        .selectFrom('koppeling as k')
        .leftJoin('samenwerking as s', 's.id', 'k.samenwerking_id')
        .select(['k.naam as koppeling', 's.naam as samenwerking'])
        .where('k.id', '=', c.koppelingId)
        .executeTakeFirst()
    : undefined
  return {
    controle: { naam: c.naam },
    ...(k ? { koppeling: { naam: k.koppeling } } : {}),
    ...(k?.samenwerking ? { samenwerking: { naam: k.samenwerking } } : {}),
  }
}

/**
 * The warning threshold a certificate with `dagen` left has crossed: the smallest of the
 * channel's thresholds at or above it (14 days left with 30/14/7 → 14), so each threshold
 * warns once per certificate and a fresh channel does not warn three times at once.
 */
export function certificaatDrempel(dagen: number | undefined, drempels: readonly number[]): number | undefined {
  if (dagen === undefined) return undefined
  return [...drempels].sort((a, b) => a - b).find((d) => dagen <= d)
}

async function zetMeldingenKlaar(
  db: Database,
  meldingen: { controle: ControleRij; sleutel: string; gebeurtenis: string; melding: Omit<Melding, 'sleutel'> }[],
): Promise<void> {
  for (const m of meldingen) {
    const kanalen = await kanalenVoor(db, m.controle.id, m.gebeurtenis)
    if (kanalen.length === 0) continue
    const namen = await namenVan(db, m.controle)
    for (const k of kanalen) {
      let sleutel = m.sleutel
      if (m.gebeurtenis === 'certificaat-verloopt') {
        const drempel = certificaatDrempel(m.melding.dagenGeldig, k.certificaatDagen)
        if (drempel === undefined) continue
        sleutel = `${m.sleutel}:${drempel}`
      }
      const inhoud: Melding = { ...m.melding, ...namen, sleutel }
      await zetInWachtrij(db, k.id, sleutel, inhoud, m.melding.tijdstip)
    }
  }
}
