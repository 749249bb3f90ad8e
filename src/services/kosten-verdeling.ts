import type { Database } from '../db/database.js'
import { type KostenpostFilter, type KostenpostRij, verdeelGegevens } from '../db/repos/kosten.js'
import type { AppError } from '../domain/errors.js'
import { maakMaatstafIndex, type VerdeelContext, type Verdeling, verdeelKostenpost } from '../domain/verdeling/index.js'

// Allocates stored kostenposten with the engine in domain/verdeling: the one way every
// cost feature (the verdeling endpoint, declaraties, the transparency report, the
// benchmark) turns posts into parts, so they can never disagree by a cent.

export type Grondslag = 'realisatie' | 'begroting'

/** The amount a post allocates: its realisatie once known, else its begroting. */
export function grondslagVan(post: Pick<KostenpostRij, 'realisatie' | 'begroting'>): { bedrag: number; grondslag: Grondslag } {
  return post.realisatie !== null
    ? { bedrag: post.realisatie, grondslag: 'realisatie' }
    : { bedrag: post.begroting ?? 0, grondslag: 'begroting' }
}

export type PostVerdeling =
  | { post: KostenpostRij; ok: true; grondslag: Grondslag; verdeling: Verdeling }
  | { post: KostenpostRij; ok: false; grondslag: Grondslag; fout: AppError }

export interface VerdeelResultaat {
  posten: PostVerdeling[]
  /** Organisation names of everyone involved. */
  namen: Map<string, string>
}

/**
 * Every matching post allocated, or the reason it cannot be (a missing measure names
 * the participant, measure and year). `bedrag` selects which amount is allocated:
 * the grondslag (realisatie, else begroting; the default), or explicitly one of both
 * (a post without that amount then allocates 0).
 */
export async function verdeelKostenposten(
  db: Database,
  filter: KostenpostFilter,
  bedrag: 'grondslag' | Grondslag = 'grondslag',
): Promise<VerdeelResultaat> {
  const g = await verdeelGegevens(db, filter)
  const { index, bron } = maakMaatstafIndex(g.maatstaven)
  const context: VerdeelContext = { maatstaven: index, bron, naam: (id) => g.namen.get(id), cbsCode: (id) => g.cbsCodes.get(id) }
  const posten = g.posten.map((post): PostVerdeling => {
    const basis =
      bedrag === 'grondslag'
        ? grondslagVan(post)
        : { bedrag: (bedrag === 'realisatie' ? post.realisatie : post.begroting) ?? 0, grondslag: bedrag }
    const sleutel = g.sleutels.get(post.verdeelsleutelId)
    if (!sleutel) throw new Error(`verdeelsleutel ${post.verdeelsleutelId} of kostenpost ${post.id} is missing`)
    const uitkomst = verdeelKostenpost(
      { id: post.id, jaar: post.jaar, periode: post.periode, bedrag: basis.bedrag, deelnemers: post.deelnemers },
      sleutel,
      context,
    )
    return uitkomst.ok
      ? { post, ok: true, grondslag: basis.grondslag, verdeling: uitkomst.waarde }
      : { post, ok: false, grondslag: basis.grondslag, fout: uitkomst.fout }
  })
  return { posten, namen: g.namen }
}
