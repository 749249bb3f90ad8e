import type { Database } from '../db/database.js'
import { organisatieNamen } from '../db/repos/kosten.js'
import { beleidsversies, vertrouwensbeleid as repo } from '../db/repos/vertrouwensbeleid.js'
import { OBJECT_OPSLAG } from '../db/repos/zichtbare-ids.js'
import { type Caller, canWrite, leesbereik } from '../domain/access.js'
import { forbidden, type InvalidParam, invalidInput, msg } from '../domain/errors.js'
import type { Klok } from '../domain/klok.js'
import { POLICIES } from '../domain/policies/index.js'
import { danglingReferences, type Objecttype, type Reference } from '../domain/registry-rules.js'
import type { Vertrouwensbeleid as DomeinBeleid } from '../domain/vertrouwen/typen.js'
import { type Vertrouwensbeleid, VertrouwensbeleidInvoer, type Voorvertoning } from '../schemas/vertrouwensbeleid.js'
import { BevindingenService, GEVOLGEN_DREMPEL } from './bevindingen-service.js'
import type { ChangeFeed } from './changes.js'
import { RegistryService } from './registry-service.js'
import { volgens } from './verantwoordelijken.js'

// Vertrouwensbeleid through the registry machinery (paging, ETag/412, audit log), plus
// what a policy needs beyond CRUD: every stored version kept (afterWrite), a rule id used
// twice refused, and a change that would open more than GEVOLGEN_DREMPEL findings refused
// (409) unless the writer confirms with `bevestigGevolgen: true` — the preview
// (`voorvertoning`) shows them first.

/** The id a new policy has in a preview, before it is stored. */
export const NIEUW_BELEID_ID = '00000000-0000-4000-8000-000000000000'

type Invoer = VertrouwensbeleidInvoer & { bevestigGevolgen?: boolean }

/** Every problem of a policy the schema cannot see: a rule id used twice. */
export function beleidRegels(invoer: Pick<Invoer, 'regels'>): InvalidParam[] {
  const gezien = new Set<string>()
  const fouten: InvalidParam[] = []
  invoer.regels.forEach((r, i) => {
    if (gezien.has(r.id))
      fouten.push({
        name: `regels[${i}].id`,
        code: 'niet-uniek',
        reason: msg('Een andere regel van dit beleid heeft dezelfde id.', 'Another rule of this policy has the same id.'),
      })
    gezien.add(r.id)
  })
  return fouten
}

export const beleidReferenties = (invoer: Pick<Invoer, 'eigenaarId' | 'samenwerkingIds'>): Reference[] => [
  { name: 'eigenaarId', objecttype: 'organisatie', id: invoer.eigenaarId },
  ...invoer.samenwerkingIds.map((id, i) => ({ name: `samenwerkingIds[${i}]`, objecttype: 'samenwerking' as const, id })),
]

const alsDomein = (b: Vertrouwensbeleid): DomeinBeleid => ({
  id: b.id,
  eigenaarId: b.eigenaarId,
  naam: b.naam,
  versie: b.versie,
  samenwerkingIds: b.samenwerkingIds,
  regels: b.regels,
})

export function createBeleidServices(db: Database, changes: ChangeFeed, klok: Klok) {
  const bevindingen = new BevindingenService(db, changes, klok)
  // Writes whose writer confirmed the consequences, by their transaction.
  const bevestigd = new WeakSet<Database>()
  const vertrouwensbeleid = new RegistryService<Invoer, Vertrouwensbeleid>(
    db,
    repo,
    {
      schema: VertrouwensbeleidInvoer,
      rules: beleidRegels,
      references: beleidReferenties,
      responsible: volgens(POLICIES.vertrouwensbeleid),
      prepare: async (trx, invoer) => {
        const { bevestigGevolgen, ...rest } = invoer
        if (bevestigGevolgen) bevestigd.add(trx)
        return rest
      },
      afterWrite: async (trx, actor, na) => {
        const beleid = na as Vertrouwensbeleid
        await bevindingen.controleerGevolgen(trx, alsDomein(beleid), bevestigd.has(trx))
        await beleidsversies.bewaar(trx, beleid, actor.naam, klok.nu())
        return false
      },
    },
    changes,
  )
  return { vertrouwensbeleid, bevindingen }
}

/**
 * The preview of a policy change: what would open and close, of the findings about the
 * policy's eigenaar. Only a writer of that policy may ask (as for saving it); an id or
 * reference the caller may not see is unknown.
 */
export async function voorvertoning(db: Database, bevindingen: BevindingenService, caller: Caller, v: Voorvertoning) {
  const bereik = leesbereik(caller)
  const refs = [...beleidReferenties(v.beleid), ...(v.id ? [{ name: 'id', objecttype: 'vertrouwensbeleid' as const, id: v.id }] : [])]
  const bestaand = new Map<Objecttype, Set<string>>()
  for (const type of new Set(refs.map((r) => r.objecttype)))
    bestaand.set(
      type,
      await OBJECT_OPSLAG[type].existingIds(
        db,
        refs.filter((r) => r.objecttype === type).map((r) => r.id.toLowerCase()),
        bereik,
      ),
    )
  const fouten = [...beleidRegels(v.beleid), ...danglingReferences(refs, bestaand)]
  if (fouten.length > 0) throw invalidInput(fouten)
  if (!canWrite(caller, 'vertrouwensbeleid', POLICIES.vertrouwensbeleid.verantwoordelijken(v.beleid))) throw forbidden('vertrouwensbeleid')
  const id = v.id ?? NIEUW_BELEID_ID
  const { openen, sluiten } = await bevindingen.gevolgen(db, { id, versie: 0, ...v.beleid })
  const vanEigenaar = (f: { eigenaarId?: string }) => f.eigenaarId === v.beleid.eigenaarId
  const o = openen.filter(vanEigenaar)
  const s = sluiten.filter(vanEigenaar)
  const namen = await organisatieNamen(db, [...new Set([...o, ...s].map((f) => f.partijId))])
  const regel = (f: (typeof openen)[number]) => ({
    sleutel: f.sleutel,
    ernst: f.ernst,
    regelId: f.regelId,
    maatregel: f.maatregel,
    partijId: f.partijId,
    partijNaam: namen.get(f.partijId) ?? f.partijId,
    uitleg: f.uitleg,
  })
  return {
    aantalOpenen: o.length,
    aantalSluiten: s.length,
    drempel: GEVOLGEN_DREMPEL,
    bevestigingNodig: o.length > GEVOLGEN_DREMPEL,
    openen: o.slice(0, 200).map(regel),
    sluiten: s.slice(0, 200).map(regel),
  }
}

export const versies = beleidsversies
