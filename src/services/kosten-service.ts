import type { Database } from '../db/database.js'
import { gastheerschapDeelnemers, samenwerkingDeelnemers, verdeelsleutelMetScope } from '../db/repos/kosten.js'
import { kostenRepositories } from '../db/repos/kosten-resources.js'
import type { Verantwoordelijken } from '../domain/access.js'
import { AppError, type InvalidParam, msg } from '../domain/errors.js'
import {
  type KostenpostContext,
  kostenpostInContext,
  kostenpostReferences,
  kostenpostRules,
  maatstafwaardeReferences,
  referentiewaardeRules,
  verdeelsleutelInContext,
  verdeelsleutelReferences,
  verdeelsleutelRules,
} from '../domain/kosten-rules.js'
import { leesPeriode } from '../domain/periode.js'
import { POLICIES } from '../domain/policies/index.js'
import {
  type KostenpostInvoer,
  KostenpostInvoer as KostenpostInvoerSchema,
  type KostenpostVerdeling,
  MaatstafwaardeInvoer,
  ReferentiewaardeInvoer,
  type VerdeelsleutelInvoer,
  VerdeelsleutelInvoer as VerdeelsleutelInvoerSchema,
} from '../schemas/kosten.js'
import type { ChangeFeed } from './changes.js'
import { verdeelKostenposten } from './kosten-verdeling.js'
import { geregistreerdVoor, RegistryService, registreerSchrijver } from './registry-service.js'
import { volgens } from './verantwoordelijken.js'

// Services for the stored cost resources: the generic registry commands plus the
// rules that need the database (participants, dates, the key's scope), and the
// allocation of one kostenpost as the API shows it.

const lower = (ids: string[]) => new Set(ids.map((i) => i.toLowerCase()))

async function kostenpostContext(db: Database, input: KostenpostInvoer): Promise<KostenpostContext | undefined> {
  const periode = leesPeriode(input.periode)
  const scope = input.gastheerschapId
    ? await gastheerschapDeelnemers(db, input.gastheerschapId)
    : input.samenwerkingId
      ? await samenwerkingDeelnemers(db, input.samenwerkingId, periode)
      : undefined
  const sleutel = await verdeelsleutelMetScope(db, input.verdeelsleutelId)
  if (!scope || !sleutel) return undefined
  return {
    startdatum: scope.startdatum,
    einddatum: scope.einddatum,
    samenwerkingId: scope.samenwerkingId,
    deelnemers: lower(scope.deelnemers),
    sleutel,
  }
}

const verplichtMaker: InvalidParam = {
  name: 'gemaaktDoorId',
  code: 'verplicht',
  reason: msg(
    'Geef bij kosten van een samenwerking aan welk lid ze maakt en declareert.',
    'For costs of a cooperation, give the member that incurs and declares them.',
  ),
}

/** A key's policy (domain/policies/kosten.ts), given its scope's participants and who registered it. */
async function verdeelsleutelVerantwoordelijken(
  db: Database,
  o: Partial<VerdeelsleutelInvoer> & { id?: string },
  geregistreerd: Map<string, string[]>,
): Promise<Verantwoordelijken> {
  const gastheer = o.gastheerschapId ? ((await gastheerschapDeelnemers(db, o.gastheerschapId))?.gastheerId ?? null) : undefined
  const samenwerkingLeden =
    !o.gastheerschapId && o.samenwerkingId ? ((await samenwerkingDeelnemers(db, o.samenwerkingId))?.deelnemers ?? []) : undefined
  return POLICIES.verdeelsleutel.verantwoordelijken({
    id: o.id,
    gastheer,
    samenwerkingLeden,
    geregistreerdDoor: o.id ? geregistreerd.get(o.id) : undefined,
  })
}

export function createKostenServices(db: Database, changes: ChangeFeed) {
  const r = kostenRepositories
  return {
    verdeelsleutels: new RegistryService(
      db,
      r.verdeelsleutels,
      {
        schema: VerdeelsleutelInvoerSchema,
        rules: verdeelsleutelRules,
        references: verdeelsleutelReferences,
        contextRules: async (trx, input) => {
          const scope = input.gastheerschapId
            ? await gastheerschapDeelnemers(trx, input.gastheerschapId)
            : input.samenwerkingId
              ? await samenwerkingDeelnemers(trx, input.samenwerkingId)
              : undefined
          return verdeelsleutelInContext(input, scope ? lower(scope.deelnemers) : undefined)
        },
        responsible: async (trx, items) => {
          const geregistreerd = await geregistreerdVoor(trx, 'verdeelsleutel', items)
          return Promise.all(items.map((o) => verdeelsleutelVerantwoordelijken(trx, o as VerdeelsleutelInvoer, geregistreerd)))
        },
        afterWrite: registreerSchrijver('verdeelsleutel'),
      },
      changes,
    ),
    kostenposten: new RegistryService(
      db,
      r.kostenposten,
      {
        schema: KostenpostInvoerSchema,
        rules: kostenpostRules,
        references: kostenpostReferences,
        prepare: async (trx, gegeven) => {
          // Without a BTW setting the amounts carry none (docs/declaraties.md).
          const input: KostenpostInvoer = { ...gegeven, btw: gegeven.btw ?? 'geen' }
          if (input.gemaaktDoorId || !input.gastheerschapId) return input
          const g = await gastheerschapDeelnemers(trx, input.gastheerschapId)
          return g ? { ...input, gemaaktDoorId: g.gastheerId } : input
        },
        contextRules: async (trx, input) => {
          const ctx = await kostenpostContext(trx, input)
          const errors = ctx ? kostenpostInContext(input, ctx) : []
          if (!input.gemaaktDoorId) errors.push(verplichtMaker)
          return errors
        },
        responsible: volgens(POLICIES.kostenpost),
      },
      changes,
    ),
    maatstafwaarden: new RegistryService(
      db,
      r.maatstafwaarden,
      {
        schema: MaatstafwaardeInvoer,
        rules: () => [],
        references: maatstafwaardeReferences,
        uniqueFields: { maatstafwaarde_uniek: 'maatstaf' },
        responsible: volgens(POLICIES.maatstafwaarde),
      },
      changes,
    ),
    referentiewaarden: new RegistryService(
      db,
      r.referentiewaarden,
      {
        schema: ReferentiewaardeInvoer,
        rules: referentiewaardeRules,
        references: () => [],
        responsible: volgens(POLICIES.referentiewaarde),
      },
      changes,
    ),
  }
}

/** The allocation of one kostenpost, every part with its computation; 409 naming what is missing when it cannot be made. */
export async function verdelingVanKostenpost(db: Database, id: string): Promise<KostenpostVerdeling> {
  const { posten, namen } = await verdeelKostenposten(db, { ids: [id] })
  const [p] = posten
  if (!p) throw new Error(`kostenpost ${id} vanished`)
  if (!p.ok) {
    return Promise.reject(
      new AppError(
        'conflict',
        409,
        msg('Verdeling niet mogelijk', 'Allocation not possible'),
        msg(
          `Deze kostenpost kan (nog) niet worden verdeeld: ${p.fout.invalidParams.map((e) => e.reason.nl).join(' ')}`,
          `This kostenpost cannot be allocated (yet): ${p.fout.invalidParams.map((e) => e.reason.en).join(' ')}`,
        ),
        p.fout.invalidParams,
      ),
    )
  }
  const v = p.verdeling
  return {
    kostenpostId: v.kostenpostId,
    jaar: v.jaar,
    bedrag: v.bedrag,
    grondslag: p.grondslag,
    sleutel: v.sleutel,
    delen: v.delen.map((d) => ({ ...d, naam: namen.get(d.deelnemerId) ?? d.deelnemerId })),
    afronding: v.afronding,
  }
}
