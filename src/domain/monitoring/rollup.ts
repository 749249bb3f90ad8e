import { type Interval, inOnderhoud } from './onderhoud.js'
import { uurVan } from './tijd.js'
import type { Meting, Tijdstip, UurRollup } from './typen.js'

// Raw metingen (kept 30 days) summed per controle per UTC hour (kept two years). An hour is
// a UTC hour, not an Amsterdam clock hour: on the last Sunday of October Amsterdam's
// 02:00–03:00 happens twice, and two UTC hours keep those two apart (tijd.ts).
//
// The write path that stays correct under retries, late metingen and two processes is
// "recompute the hour from its raw metingen and replace the stored roll-up" (vervangUren):
// replacing is idempotent, and rolOp itself drops repeats of one meting. samenvoegen adds
// roll-ups of disjoint sets of metingen (e.g. two batches of different metingen); adding
// the same batch twice would count it twice, which is why the replace path is the default.
//
// Metingen inside an onderhoudsvenster are counted in the roll-up and also apart, so
// availability can leave them out. A window created or changed afterwards therefore means
// recomputing the hours it touches (urenVan) — possible while their raw metingen are kept.

/** One meting per controle and instant; of two different ones at the same instant, the failure (then the slower) is kept, whatever the order. */
export function vergelijkMetingen(a: Meting, b: Meting): number {
  return (
    a.tijdstip - b.tijdstip ||
    Number(a.geslaagd) - Number(b.geslaagd) ||
    b.duurMs - a.duurMs ||
    (a.soort ?? '').localeCompare(b.soort ?? '', 'en') ||
    (a.controleId < b.controleId ? -1 : a.controleId > b.controleId ? 1 : 0)
  )
}

const sleutel = (controleId: string, uur: Tijdstip) => `${controleId}\u0000${uur}`

/** Each meting once, in time order. */
export function uniekeMetingen(metingen: readonly Meting[]): Meting[] {
  const gezien = new Set<string>()
  const uit: Meting[] = []
  for (const m of [...metingen].sort(vergelijkMetingen)) {
    const k = sleutel(m.controleId, m.tijdstip)
    if (gezien.has(k)) continue
    gezien.add(k)
    uit.push(m)
  }
  return uit
}

const GEEN_ONDERHOUD: readonly Interval[] = []

/**
 * The roll-ups of `metingen`, sorted by controle and hour. `onderhoud(controleId)` gives
 * that controle's maintenance intervals (onderhoudIntervallen).
 */
export function rolOp(
  metingen: readonly Meting[],
  onderhoud: (controleId: string) => readonly Interval[] = () => GEEN_ONDERHOUD,
): UurRollup[] {
  const uren = new Map<string, UurRollup>()
  const intervallen = new Map<string, readonly Interval[]>()
  for (const m of uniekeMetingen(metingen)) {
    const uur = uurVan(m.tijdstip)
    const k = sleutel(m.controleId, uur)
    let r = uren.get(k)
    if (!r) {
      r = { controleId: m.controleId, uur, aantal: 0, geslaagd: 0, inOnderhoud: 0, geslaagdInOnderhoud: 0, duurSomMs: 0, duurMaxMs: 0 }
      uren.set(k, r)
    }
    let eigen = intervallen.get(m.controleId)
    if (!eigen) {
      eigen = onderhoud(m.controleId)
      intervallen.set(m.controleId, eigen)
    }
    const ok = m.geslaagd ? 1 : 0
    r.aantal++
    r.geslaagd += ok
    if (inOnderhoud(eigen, m.tijdstip)) {
      r.inOnderhoud++
      r.geslaagdInOnderhoud += ok
    }
    r.duurSomMs += m.duurMs
    r.duurMaxMs = Math.max(r.duurMaxMs, m.duurMs)
  }
  return [...uren.values()].sort(volgorde)
}

const volgorde = (a: UurRollup, b: UurRollup) => (a.controleId < b.controleId ? -1 : a.controleId > b.controleId ? 1 : a.uur - b.uur)

/** Roll-ups of disjoint sets of metingen added together (same controle and hour summed). */
export function samenvoegen(a: readonly UurRollup[], b: readonly UurRollup[]): UurRollup[] {
  const uren = new Map<string, UurRollup>()
  for (const r of [...a, ...b]) {
    const k = sleutel(r.controleId, r.uur)
    const bestaand = uren.get(k)
    uren.set(
      k,
      bestaand
        ? {
            controleId: r.controleId,
            uur: r.uur,
            aantal: bestaand.aantal + r.aantal,
            geslaagd: bestaand.geslaagd + r.geslaagd,
            inOnderhoud: bestaand.inOnderhoud + r.inOnderhoud,
            geslaagdInOnderhoud: bestaand.geslaagdInOnderhoud + r.geslaagdInOnderhoud,
            duurSomMs: bestaand.duurSomMs + r.duurSomMs,
            duurMaxMs: Math.max(bestaand.duurMaxMs, r.duurMaxMs),
          }
        : { ...r },
    )
  }
  return [...uren.values()].sort(volgorde)
}

/** `bestaande` with every hour that `herberekend` has replaced by it: the idempotent write path. */
export function vervangUren(bestaande: readonly UurRollup[], herberekend: readonly UurRollup[]): UurRollup[] {
  const uren = new Map<string, UurRollup>()
  for (const r of bestaande) uren.set(sleutel(r.controleId, r.uur), r)
  for (const r of herberekend) uren.set(sleutel(r.controleId, r.uur), r)
  return [...uren.values()].sort(volgorde)
}

/** The UTC hours [van, tot) touches: what to recompute when a window is added, moved or removed. */
export function urenVan(van: Tijdstip, tot: Tijdstip): Tijdstip[] {
  const uit: Tijdstip[] = []
  for (let u = uurVan(van); u < tot; u += 3_600_000) uit.push(u)
  return uit
}
