import type { Database } from '../db/database.js'
import { declaratiesMetPost } from '../db/repos/kostenpost-declaraties.js'
import { type Caller, canWrite, leesbereik } from '../domain/access.js'
import { type DeclaratieVanPost, declaratiesVanPost, type PostNu } from '../domain/kostenpost-declaraties.js'
import { leesPeriode } from '../domain/periode.js'
import { POLICIES } from '../domain/policies/index.js'
import { verdeelKostenposten } from './kosten-verdeling.js'

// GET /kostenposten/{id}/declaraties: the declaraties the caller may see that hold this
// post, each original with what was declared and the recipient's part now, so the post's
// page can say "in declaratie 2026-0001 (definitief)" and, after a change, that a
// correction is due. The caller must see the post itself (checked by the route).

export async function declaratiesVanKostenpost(
  db: Database,
  id: string,
  caller: Caller | undefined,
): Promise<{ kostenpostId: string; declaraties: (DeclaratieVanPost & { magCorrigeren: boolean })[] }> {
  const rijen = await declaratiesMetPost(db, id, caller ? leesbereik(caller) : undefined)
  if (rijen.length === 0) return { kostenpostId: id, declaraties: [] }
  const { posten } = await verdeelKostenposten(db, { ids: [id] })
  const [p] = posten
  const periode = p ? leesPeriode(p.post.periode) : undefined
  const nu: PostNu | undefined =
    p?.ok && periode
      ? {
          periodeStart: periode.start,
          periodeEind: periode.eind,
          gemaaktDoorId: p.post.gemaaktDoorId,
          delen: new Map(p.verdeling.delen.map((d) => [d.deelnemerId, d.bedrag])),
        }
      : undefined
  // Who may make the correction: the sender's regisseur (as POST /declaraties/{id}/corrigeren decides).
  const magCorrigeren = (vanId: string) => !caller || canWrite(caller, 'declaratie', POLICIES.declaratie.verantwoordelijken({ vanId }))
  return {
    kostenpostId: id,
    declaraties: declaratiesVanPost(rijen, nu).map((d) => ({ ...d, magCorrigeren: d.correctieNodig && magCorrigeren(d.afzender.id) })),
  }
}
