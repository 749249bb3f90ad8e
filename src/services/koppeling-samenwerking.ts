import type { Database } from '../db/database.js'
import { samenwerkingenVanLeden, samenwerkingNamen, samenwerkingVanGastheerschap } from '../db/repos/koppeling-samenwerking.js'
import { gebruikersPerApplicatie } from '../db/repos/registry.js'
import { type Caller, leesbereik } from '../domain/access.js'
import {
  type KoppelingSamenwerking,
  opTeSlaanSamenwerking,
  samenwerkingFouten,
  samenwerkingVanKoppeling,
} from '../domain/koppeling-samenwerking.js'
import type { KoppelingInvoer } from '../schemas/registry.js'
import type { ResourceRules } from './registry-service.js'

// The samenwerking of a koppeling (issue 20.4), as rules of the koppelingen service:
// filled in when it follows from the gastheerschap or the applicaties' users, a 400 when
// a person must choose (the warning on a koppeling that belongs to no samenwerking is
// api/presenters/koppeling.ts). Only samenwerkingen the writer may see are considered, so nothing
// is derived from, or named after, what the writer may not see.

async function uitkomst(db: Database, input: KoppelingInvoer, caller?: Caller): Promise<KoppelingSamenwerking> {
  const bereik = caller ? leesbereik(caller) : undefined
  const gastheerschapSamenwerkingId = input.gastheerschapId
    ? await samenwerkingVanGastheerschap(db, input.gastheerschapId, bereik)
    : undefined
  const apps = [input.bronApplicatieId, input.doelApplicatieId].filter((id): id is string => Boolean(id))
  const gebruik = await gebruikersPerApplicatie(db, apps)
  const eindGebruikers = apps.map((a) => gebruik.filter((g) => g.applicatieId === a.toLowerCase()).map((g) => g.organisatieId))
  const kandidaten =
    input.samenwerkingId || input.gastheerschapId ? [] : await samenwerkingenVanLeden(db, [...new Set(eindGebruikers.flat())], bereik)
  return samenwerkingVanKoppeling(
    {
      samenwerkingId: input.samenwerkingId,
      heeftGastheerschap: Boolean(input.gastheerschapId),
      gastheerschapSamenwerkingId,
      eindGebruikers,
    },
    kandidaten,
  )
}

export const koppelingSamenwerkingRegels: Pick<ResourceRules<KoppelingInvoer>, 'prepare' | 'contextRules'> = {
  prepare: async (db, input, caller) => {
    if (input.samenwerkingId) return input
    const id = opTeSlaanSamenwerking(await uitkomst(db, input, caller))
    return id ? { ...input, samenwerkingId: id } : input
  },
  contextRules: async (db, input, caller) => {
    const u = await uitkomst(db, input, caller)
    const ids = u.uitkomst === 'kiezen' ? u.kandidaten : u.uitkomst === 'strijdig' ? [u.gastheerschapSamenwerkingId] : []
    const namen = await samenwerkingNamen(db, ids)
    return samenwerkingFouten(u, (id) => namen.get(id) ?? id)
  },
}
