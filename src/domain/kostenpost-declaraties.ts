import type { DeclaratieSoort, DeclaratieStatus } from './vocabulary.js'

// Which declaraties hold a line for one kostenpost, and whether a correction is due:
// what was declared to each recipient (the original plus its corrections that left
// concept) against the recipient's part of the post now. Plain data in, plain data out.

/** One declaratie (original or correction) with its line(s) for this post, as stored. */
export interface PostInDeclaratie {
  id: string
  nummer: string | null
  soort: DeclaratieSoort
  status: DeclaratieStatus
  periode: string
  periodeStart: string
  periodeEind: string
  corrigeertId: string | null
  corrigeertNummer: string | null
  vanId: string
  vanNaam: string
  aanId: string
  aanNaam: string
  /** This declaratie's line(s) for the post, in cents (a correction: the difference). */
  bedrag: number
}

/** The post now: its period, its maker and each participant's part; undefined when it cannot be allocated. */
export interface PostNu {
  periodeStart: string
  periodeEind: string
  gemaaktDoorId: string
  delen: ReadonlyMap<string, number>
}

export interface DeclaratieVanPost {
  id: string
  nummer: string | null
  soort: DeclaratieSoort
  status: DeclaratieStatus
  periode: string
  corrigeertId: string | null
  corrigeertNummer: string | null
  afzender: { id: string; naam: string }
  afnemer: { id: string; naam: string }
  bedrag: number
  /** Originals: this post's part as declared so far (the original plus corrections that left concept). */
  gedeclareerdBedrag: number | null
  /** Originals: the recipient's part of the post now (0 when the post no longer belongs in it); null when it cannot be allocated. */
  actueelBedrag: number | null
  /** Originals that left concept whose declared part differs from the part now. */
  correctieNodig: boolean
}

/** The part of the post that belongs in declaratie `d` now: the recipient's share, or 0 when the post moved out of it. */
export function actueelDeel(d: Pick<PostInDeclaratie, 'vanId' | 'aanId' | 'periodeStart' | 'periodeEind'>, nu: PostNu): number {
  const binnen = nu.periodeStart >= d.periodeStart && nu.periodeEind <= d.periodeEind
  if (!binnen || nu.gemaaktDoorId !== d.vanId) return 0
  return nu.delen.get(d.aanId) ?? 0
}

/** Every declaratie with a line for the post, originals first with their corrections after them, in period order. */
export function declaratiesVanPost(rijen: readonly PostInDeclaratie[], nu: PostNu | undefined): DeclaratieVanPost[] {
  const correctiesVan = new Map<string, PostInDeclaratie[]>()
  for (const r of rijen)
    if (r.soort === 'correctie' && r.corrigeertId) correctiesVan.set(r.corrigeertId, [...(correctiesVan.get(r.corrigeertId) ?? []), r])
  const basis = (r: PostInDeclaratie) => ({
    id: r.id,
    nummer: r.nummer,
    soort: r.soort,
    status: r.status,
    periode: r.periode,
    corrigeertId: r.corrigeertId,
    corrigeertNummer: r.corrigeertNummer,
    afzender: { id: r.vanId, naam: r.vanNaam },
    afnemer: { id: r.aanId, naam: r.aanNaam },
    bedrag: r.bedrag,
  })
  const out: DeclaratieVanPost[] = []
  const origineel = rijen.filter((r) => r.soort === 'declaratie')
  for (const o of origineel) {
    const correcties = correctiesVan.get(o.id) ?? []
    const gedeclareerd = o.bedrag + correcties.filter((c) => c.status !== 'concept').reduce((s, c) => s + c.bedrag, 0)
    const actueel = nu ? actueelDeel(o, nu) : null
    out.push({
      ...basis(o),
      gedeclareerdBedrag: gedeclareerd,
      actueelBedrag: actueel,
      correctieNodig: o.status !== 'concept' && actueel !== null && actueel !== gedeclareerd,
    })
    for (const c of correcties) out.push({ ...basis(c), gedeclareerdBedrag: null, actueelBedrag: null, correctieNodig: false })
  }
  // Corrections whose original holds no line for this post (it entered the period later).
  const bekend = new Set(origineel.map((o) => o.id))
  for (const r of rijen)
    if (r.soort === 'correctie' && !(r.corrigeertId && bekend.has(r.corrigeertId)))
      out.push({ ...basis(r), gedeclareerdBedrag: null, actueelBedrag: null, correctieNodig: false })
  return out
}
