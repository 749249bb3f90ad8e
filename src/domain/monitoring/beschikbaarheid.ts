import { type Interval, inOnderhoud, overlapMs } from './onderhoud.js'
import { uniekeMetingen } from './rollup.js'
import { type Dag, dagGrenzen, dagVan, type Maand, MINUUT_MS, maandGrenzen, plusDagen, UUR_MS, uurVan } from './tijd.js'
import type { Meting, Tijdstip, UurRollup } from './typen.js'

// Availability of one controle over a period, against the agreed level.
//
// The unit is the UTC hour, because that is what the roll-ups keep for two years:
// - an hour's minutes inside an onderhoudsvenster are onderhoud: not in the denominator;
// - its other minutes are gemeten when the hour has at least one meting outside maintenance,
//   else ongemeten (the monitor was not running): also not in the denominator, reported
//   so the reader sees the coverage, never silently counted as up;
// - of its gemeten minutes, the share of metingen (outside maintenance) that passed is
//   beschikbaar, in whole ms rounded down per hour (the only rounding: ≤ 1 ms per hour,
//   always against the service).
// beschikbaarheid = beschikbaar / gemeten × 100, floored to three decimals so a shown
// 99.500 is never a value below 99.5; gehaald compares the exact ratio with the doel in
// thousandths of a percent (BigInt), so no float rounding decides a boundary case.
// A period without gemeten minutes has no beschikbaarheid ('onbekend', not 100 %).

export interface Beschikbaarheid {
  van: Tijdstip
  tot: Tijdstip
  /** Percentage, floored to 3 decimals; absent when nothing was measured. */
  beschikbaarheid?: number
  gemetenMinuten: number
  beschikbareMinuten: number
  onderhoudMinuten: number
  ongemetenMinuten: number
  /** The gastheerschap's beschikbaarheidsdoel, if it has one. */
  doel?: number
  /** Absent when there is no doel or nothing was measured. */
  gehaald?: boolean
  oordeel: 'gehaald' | 'niet-gehaald' | 'geen-doel' | 'onbekend'
}

export interface MaandBeschikbaarheid extends Beschikbaarheid {
  maand: Maand
}

export interface PeriodeOpties {
  /** The controle's maintenance (onderhoudIntervallen). */
  onderhoud: readonly Interval[]
  /** Percentage, e.g. 99.5; compared in thousandths of a percent. */
  doel?: number
  /** The period ends here if earlier (the month in progress). */
  nu?: Tijdstip
}

/** Metingen outside maintenance per UTC hour: what an hour contributes. */
type Telling = { aantal: number; geslaagd: number }

interface Totaal {
  gemeten: number
  beschikbaar: number
  onderhoud: number
  ongemeten: number
}

const einde = (van: Tijdstip, eind: Tijdstip, nu: Tijdstip | undefined) => (nu === undefined ? eind : Math.max(van, Math.min(eind, nu)))

/** The ms of [van, tot) by kind; integers, so totals of adjacent periods add up exactly. */
function optellen(uren: ReadonlyMap<Tijdstip, Telling>, van: Tijdstip, tot: Tijdstip, alleOnderhoud: readonly Interval[]): Totaal {
  const onderhoud = alleOnderhoud.filter(([a, b]) => a < tot && b > van)
  const som: Totaal = { gemeten: 0, beschikbaar: 0, onderhoud: 0, ongemeten: 0 }
  for (let uur = uurVan(van); uur < tot; uur += UUR_MS) {
    const s = Math.max(uur, van)
    const e = Math.min(uur + UUR_MS, tot)
    const ond = overlapMs(onderhoud, s, e)
    const buiten = e - s - ond
    som.onderhoud += ond
    const t = uren.get(uur)
    if (t && t.aantal > 0) {
      som.gemeten += buiten
      som.beschikbaar += Math.floor((buiten * t.geslaagd) / t.aantal)
    } else som.ongemeten += buiten
  }
  return som
}

function bereken(uren: ReadonlyMap<Tijdstip, Telling>, van: Tijdstip, eind: Tijdstip, opties: PeriodeOpties): Beschikbaarheid {
  const tot = einde(van, eind, opties.nu)
  return uitkomst(van, tot, optellen(uren, van, tot, opties.onderhoud), opties.doel)
}

function uitkomst(van: Tijdstip, tot: Tijdstip, totaal: Totaal, doel: number | undefined): Beschikbaarheid {
  const { gemeten, beschikbaar, onderhoud, ongemeten } = totaal
  const basis = {
    van,
    tot,
    gemetenMinuten: gemeten / MINUUT_MS,
    beschikbareMinuten: beschikbaar / MINUUT_MS,
    onderhoudMinuten: onderhoud / MINUUT_MS,
    ongemetenMinuten: ongemeten / MINUUT_MS,
    ...(doel === undefined ? {} : { doel }),
  }
  if (gemeten === 0) return { ...basis, oordeel: 'onbekend' }
  // Thousandths of a percent: beschikbaar × 100 000 / gemeten, exact in BigInt.
  const duizendsten = (BigInt(beschikbaar) * 100_000n) / BigInt(gemeten)
  const beschikbaarheid = Number(duizendsten) / 1000
  if (doel === undefined) return { ...basis, beschikbaarheid, oordeel: 'geen-doel' }
  const gehaald = BigInt(beschikbaar) * 100_000n >= BigInt(Math.round(doel * 1000)) * BigInt(gemeten)
  return { ...basis, beschikbaarheid, gehaald, oordeel: gehaald ? 'gehaald' : 'niet-gehaald' }
}

/** Per hour, the metingen outside maintenance, from roll-ups of one controle. */
export function tellingenUitRollups(rollups: readonly UurRollup[]): Map<Tijdstip, Telling> {
  const uren = new Map<Tijdstip, Telling>()
  for (const r of rollups) {
    const t = uren.get(r.uur) ?? { aantal: 0, geslaagd: 0 }
    t.aantal += r.aantal - r.inOnderhoud
    t.geslaagd += r.geslaagd - r.geslaagdInOnderhoud
    uren.set(r.uur, t)
  }
  return uren
}

/** Per hour, the metingen outside maintenance, straight from raw metingen of one controle (each counted once). */
export function tellingenUitMetingen(metingen: readonly Meting[], onderhoud: readonly Interval[]): Map<Tijdstip, Telling> {
  const uren = new Map<Tijdstip, Telling>()
  for (const m of uniekeMetingen(metingen)) {
    if (inOnderhoud(onderhoud, m.tijdstip)) continue
    const uur = uurVan(m.tijdstip)
    const t = uren.get(uur) ?? { aantal: 0, geslaagd: 0 }
    t.aantal++
    if (m.geslaagd) t.geslaagd++
    uren.set(uur, t)
  }
  return uren
}

/** Availability over [van, tot) from per-hour tellingen (from roll-ups or raw metingen: same answer). */
export function beschikbaarheidOver(
  tellingen: ReadonlyMap<Tijdstip, Telling>,
  van: Tijdstip,
  tot: Tijdstip,
  opties: PeriodeOpties,
): Beschikbaarheid {
  return bereken(tellingen, van, tot, opties)
}

/** Availability of one controle in an Amsterdam month, from its roll-ups. */
export function maandBeschikbaarheid(rollups: readonly UurRollup[], maand: Maand, opties: PeriodeOpties): MaandBeschikbaarheid {
  const { van, tot } = maandGrenzen(maand)
  return { maand, ...bereken(tellingenUitRollups(rollups), van, tot, opties) }
}

/** The same month from raw metingen (the current month, while they are kept). */
export function maandBeschikbaarheidUitMetingen(metingen: readonly Meting[], maand: Maand, opties: PeriodeOpties): MaandBeschikbaarheid {
  const { van, tot } = maandGrenzen(maand)
  return { maand, ...bereken(tellingenUitMetingen(metingen, opties.onderhoud), van, tot, opties) }
}

export interface DagBeschikbaarheid {
  dag: Dag
  beschikbaarheid?: number
  oordeel: Beschikbaarheid['oordeel']
}

/**
 * The status page's view: the last `dagen` Amsterdam days up to `nu` (today included, up
 * to now), as one figure and one bar per day. Days are 23, 24 or 25 hours around DST.
 */
export function beschikbaarheidLaatsteDagen(
  rollups: readonly UurRollup[],
  opties: { nu: Tijdstip; dagen?: number; onderhoud: readonly Interval[]; doel?: number },
): { totaal: Beschikbaarheid; dagen: DagBeschikbaarheid[] } {
  const aantal = opties.dagen ?? 90
  const tellingen = tellingenUitRollups(rollups)
  const vandaag = dagVan(opties.nu)
  const eerste = plusDagen(vandaag, -(aantal - 1))
  const som: Totaal = { gemeten: 0, beschikbaar: 0, onderhoud: 0, ongemeten: 0 }
  const dagen: DagBeschikbaarheid[] = []
  // Each UTC hour lies in one Amsterdam day, so the period's total is the sum of its days.
  for (let i = 0; i < aantal; i++) {
    const dag = plusDagen(eerste, i)
    const grenzen = dagGrenzen(dag)
    const tot = einde(grenzen.van, grenzen.tot, opties.nu)
    const t = optellen(tellingen, grenzen.van, tot, opties.onderhoud)
    som.gemeten += t.gemeten
    som.beschikbaar += t.beschikbaar
    som.onderhoud += t.onderhoud
    som.ongemeten += t.ongemeten
    const b = uitkomst(grenzen.van, tot, t, opties.doel)
    dagen.push({ dag, oordeel: b.oordeel, ...(b.beschikbaarheid === undefined ? {} : { beschikbaarheid: b.beschikbaarheid }) })
  }
  const totaal = uitkomst(dagGrenzen(eerste).van, einde(dagGrenzen(eerste).van, dagGrenzen(vandaag).tot, opties.nu), som, opties.doel)
  return { totaal, dagen }
}
