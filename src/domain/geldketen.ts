import { DECLARATIE_STATUSSEN, type DeclaratieSoort, type DeclaratieStatus } from './vocabulary.js'

// The money chain of one samenwerking and year (issue 20, item 7): per organisation that
// pays, what was allocated to it (toegerekend), what was declared to it and in which
// status, what it paid and what is still open, side by side. Pure: the service passes
// the allocated posts and the declaraties the caller may see. Amounts are euro cents.
//
// Definitions (docs/rapportage.md):
// - toegerekend: the organisation's parts (grondslag: realisatie, else begroting) of the
//   year's allocated posts of this samenwerking that another organisation made: what
//   that maker may declare to it. Its part of its own posts is never declared.
// - a declaratie counts with the lines whose kostenpost is one of those posts, so a
//   declaratie that also covers other samenwerkingen counts only for its part here, and a
//   correction (lines = differences) counts in the year of its original's posts.
// - by the declaratie's current status: concept (shown, never in "gedeclareerd"),
//   definitief, verzonden, betaald;
//   gedeclareerd = definitief + verzonden + betaald (everything made final);
//   openstaand = gedeclareerd − betaald = definitief + verzonden (final, not yet paid);
//   nogTeDeclareren = toegerekend − gedeclareerd (negative: more declared than allocated,
//   a correction is due).
// - a declaratie is seen only by its sender and recipient: a pair (maker → payer) the
//   caller sees neither side of has `zichtbaar: false` and no declaratie figures (null),
//   never a zero that reads as "nothing declared".

export interface KetenPost {
  id: string
  gemaaktDoorId: string
  /** The grondslag parts; absent when the post could not be allocated. */
  delen?: { organisatieId: string; bedrag: number }[]
}

export interface KetenDeclaratieInvoer {
  id: string
  nummer: string | null
  soort: DeclaratieSoort
  corrigeertId: string | null
  corrigeertNummer: string | null
  vanId: string
  aanId: string
  periode: string
  status: DeclaratieStatus
  totaal: number
  betaaldOp: string | null
  regels: { kostenpostId: string; bedrag: number }[]
}

export interface KetenInvoer {
  /** The posts of the samenwerking in the year, allocated (grondslag) where possible. */
  posten: KetenPost[]
  /** Declaraties the caller may see that have a line on one of those posts. */
  declaraties: KetenDeclaratieInvoer[]
  /** Whether the caller may see declaraties between these two (sender, recipient). */
  zichtbaar: (vanId: string, aanId: string) => boolean
  naam: (id: string) => string
  /** Organisations in the order to show them; others follow by name. */
  volgorde: string[]
}

export interface KetenBedragen {
  toegerekend: number
  /** null: the caller may not see these declaraties. */
  concept: number | null
  definitief: number | null
  verzonden: number | null
  betaald: number | null
  gedeclareerd: number | null
  openstaand: number | null
  nogTeDeclareren: number | null
  zichtbaar: boolean
}

export interface KetenDeclaratie {
  id: string
  nummer: string | null
  soort: DeclaratieSoort
  corrigeertId: string | null
  corrigeertNummer: string | null
  periode: string
  status: DeclaratieStatus
  /** The lines on this samenwerking's posts of the year. */
  bedrag: number
  /** The whole declaratie (it may also cover other samenwerkingen). */
  totaal: number
  betaaldOp: string | null
}

export interface KetenPaar extends KetenBedragen {
  vanId: string
  vanNaam: string
  declaraties: KetenDeclaratie[]
}

export interface KetenRegel extends KetenBedragen {
  organisatieId: string
  naam: string
  /** Per organisation that declares to it. */
  van: KetenPaar[]
}

export interface Geldketen {
  organisaties: KetenRegel[]
  totaal: KetenBedragen
}

/** Zero for every status: the start of a sum per status. */
const nulPerStatus = (): Record<DeclaratieStatus, number> => ({ concept: 0, definitief: 0, verzonden: 0, betaald: 0 })

function bedragen(toegerekend: number, perStatus: Record<DeclaratieStatus, number> | null): KetenBedragen {
  if (!perStatus)
    return {
      toegerekend,
      concept: null,
      definitief: null,
      verzonden: null,
      betaald: null,
      gedeclareerd: null,
      openstaand: null,
      nogTeDeclareren: null,
      zichtbaar: false,
    }
  const gedeclareerd = perStatus.definitief + perStatus.verzonden + perStatus.betaald
  return {
    toegerekend,
    ...perStatus,
    gedeclareerd,
    openstaand: gedeclareerd - perStatus.betaald,
    nogTeDeclareren: toegerekend - gedeclareerd,
    zichtbaar: true,
  }
}

/** Sums of several rows; null as soon as one of them is not visible. */
function somVan(rijen: KetenBedragen[]): KetenBedragen {
  const toegerekend = rijen.reduce((s, r) => s + r.toegerekend, 0)
  if (rijen.some((r) => !r.zichtbaar)) return bedragen(toegerekend, null)
  const perStatus = nulPerStatus()
  for (const r of rijen) for (const s of DECLARATIE_STATUSSEN) perStatus[s] += r[s] ?? 0
  return bedragen(toegerekend, perStatus)
}

export function maakGeldketen(invoer: KetenInvoer): Geldketen {
  const postIds = new Set(invoer.posten.map((p) => p.id))
  const paren = new Map<string, { aanId: string; vanId: string; toegerekend: number; declaraties: KetenDeclaratie[] }>()
  const paar = (vanId: string, aanId: string) => {
    const key = `${aanId}|${vanId}`
    let p = paren.get(key)
    if (!p) {
      p = { aanId, vanId, toegerekend: 0, declaraties: [] }
      paren.set(key, p)
    }
    return p
  }
  for (const p of invoer.posten)
    for (const d of p.delen ?? [])
      if (d.organisatieId !== p.gemaaktDoorId && d.bedrag !== 0) paar(p.gemaaktDoorId, d.organisatieId).toegerekend += d.bedrag

  for (const d of invoer.declaraties) {
    const regels = d.regels.filter((r) => postIds.has(r.kostenpostId))
    if (regels.length === 0 || !invoer.zichtbaar(d.vanId, d.aanId)) continue
    paar(d.vanId, d.aanId).declaraties.push({
      id: d.id,
      nummer: d.nummer,
      soort: d.soort,
      corrigeertId: d.corrigeertId,
      corrigeertNummer: d.corrigeertNummer,
      periode: d.periode,
      status: d.status,
      bedrag: regels.reduce((s, r) => s + r.bedrag, 0),
      totaal: d.totaal,
      betaaldOp: d.betaaldOp,
    })
  }

  const perAan = new Map<string, KetenPaar[]>()
  for (const p of paren.values()) {
    const zichtbaar = invoer.zichtbaar(p.vanId, p.aanId)
    const perStatus = nulPerStatus()
    for (const d of p.declaraties) perStatus[d.status] += d.bedrag
    const declaraties = [...p.declaraties].sort(
      (a, b) =>
        a.periode.localeCompare(b.periode) || (a.nummer ?? '\uffff').localeCompare(b.nummer ?? '\uffff') || a.id.localeCompare(b.id),
    )
    const lijst = perAan.get(p.aanId) ?? []
    lijst.push({ vanId: p.vanId, vanNaam: invoer.naam(p.vanId), ...bedragen(p.toegerekend, zichtbaar ? perStatus : null), declaraties })
    perAan.set(p.aanId, lijst)
  }
  const rang = (id: string) => {
    const i = invoer.volgorde.indexOf(id)
    return i === -1 ? invoer.volgorde.length : i
  }
  const sorteer = (a: string, b: string) => rang(a) - rang(b) || invoer.naam(a).localeCompare(invoer.naam(b), 'nl') || a.localeCompare(b)
  const organisaties = [...perAan.keys()].sort(sorteer).map((aanId): KetenRegel => {
    const van = (perAan.get(aanId) ?? []).sort((a, b) => sorteer(a.vanId, b.vanId))
    return { organisatieId: aanId, naam: invoer.naam(aanId), ...somVan(van), van }
  })
  return { organisaties, totaal: somVan(organisaties) }
}
