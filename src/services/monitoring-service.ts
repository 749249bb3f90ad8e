import type { Database } from '../db/database.js'
import { heeftSleutel } from '../db/geheimen.js'
import { monitoringRepositories as r } from '../db/repos/monitoring-resources.js'
import { gebruikersPerApplicatie } from '../db/repos/registry.js'
import { type InvalidParam, msg } from '../domain/errors.js'
import {
  type ControleInvoer,
  controleReferences,
  controleRules,
  type MeldingskanaalInvoer,
  meldingskanaalReferences,
  meldingskanaalRules,
  onderhoudsvensterReferences,
  onderhoudsvensterRules,
} from '../domain/monitoring/invoer.js'
import { POLICIES } from '../domain/policies/index.js'
import {
  ControleInvoer as ControleSchema,
  MeldingskanaalInvoer as KanaalSchema,
  OnderhoudsvensterInvoer as VensterSchema,
} from '../schemas/monitoring.js'
import type { ChangeFeed } from './changes.js'
import { RegistryService } from './registry-service.js'
import { volgens } from './verantwoordelijken.js'

// The stored monitoring objects (issue 14) through the registry commands: a controle and an
// onderhoudsvenster are kept by who keeps what they watch (the koppeling's eigenaar and the
// users of its applicaties, the applicatie's users, a samenwerking's confirmed leden); a
// meldingskanaal by its organisation.

interface Bewaakt {
  controleId?: string
  koppelingId?: string
  applicatieId?: string
  samenwerkingId?: string
}

/** Per item, the organisations responsible for what it watches. */
async function bewakersVan(db: Database, items: Bewaakt[]): Promise<string[][]> {
  const controleIds = [...new Set(items.flatMap((i) => (i.controleId ? [i.controleId] : [])))]
  const viaControle = new Map<string, Bewaakt>()
  if (controleIds.length > 0)
    for (const c of await db
      .selectFrom('controle')
      .select(['id', 'koppeling_id', 'applicatie_id'])
      .where('id', 'in', controleIds)
      .execute())
      viaControle.set(c.id, { koppelingId: c.koppeling_id ?? undefined, applicatieId: c.applicatie_id ?? undefined })
  const doelen = items.map((i) => (i.controleId ? (viaControle.get(i.controleId) ?? {}) : i))

  const koppelingIds = [...new Set(doelen.flatMap((d) => (d.koppelingId ? [d.koppelingId] : [])))]
  const koppelingen = new Map<string, { eigenaar: string | null; apps: string[] }>()
  if (koppelingIds.length > 0)
    for (const k of await db
      .selectFrom('koppeling')
      .select(['id', 'eigenaar_id', 'bron_applicatie_id', 'doel_applicatie_id'])
      .where('id', 'in', koppelingIds)
      .execute())
      koppelingen.set(k.id, {
        eigenaar: k.eigenaar_id,
        apps: [k.bron_applicatie_id, k.doel_applicatie_id].filter((a): a is string => Boolean(a)),
      })
  const appIds = [
    ...new Set([...doelen.flatMap((d) => (d.applicatieId ? [d.applicatieId] : [])), ...[...koppelingen.values()].flatMap((k) => k.apps)]),
  ]
  const gebruikers = new Map<string, string[]>()
  for (const g of await gebruikersPerApplicatie(db, appIds))
    gebruikers.set(g.applicatieId, [...(gebruikers.get(g.applicatieId) ?? []), g.organisatieId])

  const samenwerkingIds = [...new Set(doelen.flatMap((d) => (d.samenwerkingId ? [d.samenwerkingId] : [])))]
  const leden = new Map<string, string[]>()
  if (samenwerkingIds.length > 0)
    for (const l of await db
      .selectFrom('samenwerking_lid')
      .select(['samenwerking_id', 'organisatie_id'])
      .where('samenwerking_id', 'in', samenwerkingIds)
      .where('bevestigd_op', 'is not', null)
      .execute())
      leden.set(l.samenwerking_id, [...(leden.get(l.samenwerking_id) ?? []), l.organisatie_id])

  return doelen.map((d) => {
    if (d.koppelingId) {
      const k = koppelingen.get(d.koppelingId)
      return k ? [...(k.eigenaar ? [k.eigenaar] : []), ...k.apps.flatMap((a) => gebruikers.get(a) ?? [])] : []
    }
    if (d.applicatieId) return gebruikers.get(d.applicatieId) ?? []
    if (d.samenwerkingId) return leden.get(d.samenwerkingId) ?? []
    return []
  })
}

const geenSleutel = (veld: string): InvalidParam => ({
  name: veld,
  code: 'geen-geheimsleutel',
  reason: msg(
    'Regiekamer heeft geen sleutel om geheimen versleuteld te bewaren: de beheerder zet GEHEIMSLEUTEL (32 bytes, bijvoorbeeld `openssl rand -hex 32`).',
    'Regiekamer has no key to store secrets encrypted: the operator sets GEHEIMSLEUTEL (32 bytes, for example `openssl rand -hex 32`).',
  ),
})

export function createMonitoringServices(db: Database, changes: ChangeFeed) {
  return {
    controles: new RegistryService(
      db,
      r.controles,
      {
        schema: ControleSchema,
        rules: controleRules,
        references: controleReferences,
        // The defaults are stored, so what a controle does is what it shows.
        prepare: async (_trx, i) => ({ pogingen: 0, foutenVoorStoring: 3, successenVoorHerstel: 1, actief: true, ...i }),
        contextRules: async (_trx, input: ControleInvoer) => {
          const g = input.geheimen
          const geheim = g && (Object.keys(g.headers ?? {}).length > 0 || g.clientSleutelPem !== undefined)
          return geheim && !heeftSleutel() ? [geenSleutel('geheimen')] : []
        },
        responsible: async (trx, items) => {
          const bewakers = await bewakersVan(trx, items as Bewaakt[])
          return bewakers.map((b) => POLICIES.controle.verantwoordelijken({ bewakers: b }))
        },
      },
      changes,
    ),
    onderhoudsvensters: new RegistryService(
      db,
      r.onderhoudsvensters,
      {
        schema: VensterSchema,
        rules: onderhoudsvensterRules,
        references: onderhoudsvensterReferences,
        responsible: async (trx, items) => {
          const bewakers = await bewakersVan(trx, items as Bewaakt[])
          return bewakers.map((b) => POLICIES.onderhoudsvenster.verantwoordelijken({ bewakers: b }))
        },
      },
      changes,
    ),
    meldingskanalen: new RegistryService(
      db,
      r.meldingskanalen,
      {
        schema: KanaalSchema,
        rules: (i: MeldingskanaalInvoer) => meldingskanaalRules(i, { bestaand: true }),
        prepare: async (_trx, i) => ({ actief: true, certificaatDagen: [30, 14, 7], ...i }),
        references: meldingskanaalReferences,
        contextRules: async (trx, input: MeldingskanaalInvoer, _caller, id) => {
          const fouten: InvalidParam[] = []
          // Without a URL in the input a webhook keeps the stored one; there must be one.
          const bewaard =
            id !== undefined &&
            (await trx.selectFrom('meldingskanaal').select('id').where('id', '=', id).where('doel', 'is not', null).executeTakeFirst()) !==
              undefined
          if (input.soort === 'webhook' && !input.webhookUrl && !bewaard)
            fouten.push({
              name: 'webhookUrl',
              code: 'verplicht',
              reason: msg('Een webhook heeft een URL nodig.', 'A webhook needs a URL.'),
            })
          if (input.webhookUrl && !heeftSleutel()) fouten.push(geenSleutel('webhookUrl'))
          return fouten
        },
        responsible: volgens(POLICIES.meldingskanaal),
      },
      changes,
    ),
  }
}
