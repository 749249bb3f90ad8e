import type { Database } from '../db/database.js'
import { registryRepositories as repos } from '../db/repos/registry.js'
import { scenarios as scenarioRepo } from '../db/repos/scenarios.js'
import { scenarioReferences, scenarioRules, scenarioVerantwoordelijken } from '../domain/businesscase.js'
import {
  applicatieReferences,
  applicatieRules,
  gastheerschapReferences,
  gastheerschapRules,
  koppelingReferences,
  koppelingRules,
  organisatieRules,
  samenwerkingReferences,
  samenwerkingRules,
} from '../domain/registry-rules.js'
import { gemeenten } from '../io/gemeenten.js'
import { ApplicatieInvoer, GastheerschapInvoer, KoppelingInvoer, OrganisatieInvoer, SamenwerkingInvoer } from '../schemas/registry.js'
import { ScenarioInvoer } from '../schemas/scenario.js'
import { ChangeFeed } from './changes.js'
import { createKostenServices } from './kosten-service.js'
import { RegistryService } from './registry-service.js'

/** `analyzeEvery`: refresh planner statistics after so many writes (PGlite has no autovacuum). */
export function createServices(db: Database, opts: { analyzeEvery?: number } = {}) {
  const changes = new ChangeFeed(opts.analyzeEvery ?? 0)
  const cbs = gemeenten()
  return {
    db,
    changes,
    organisaties: new RegistryService(
      db,
      repos.organisaties,
      {
        schema: OrganisatieInvoer,
        rules: (i) => organisatieRules(i, { isKnownCbsCode: (c) => cbs.has(c) }),
        references: () => [],
        uniqueFields: { organisatie_oin_key: 'oin', organisatie_cbs_code_key: 'cbsCode' },
      },
      changes,
    ),
    samenwerkingen: new RegistryService(
      db,
      repos.samenwerkingen,
      {
        schema: SamenwerkingInvoer,
        rules: samenwerkingRules,
        references: samenwerkingReferences,
      },
      changes,
    ),
    gastheerschappen: new RegistryService(
      db,
      repos.gastheerschappen,
      {
        schema: GastheerschapInvoer,
        rules: gastheerschapRules,
        references: gastheerschapReferences,
      },
      changes,
    ),
    applicaties: new RegistryService(
      db,
      repos.applicaties,
      {
        schema: ApplicatieInvoer,
        rules: applicatieRules,
        references: applicatieReferences,
      },
      changes,
    ),
    koppelingen: new RegistryService(
      db,
      repos.koppelingen,
      {
        schema: KoppelingInvoer,
        rules: koppelingRules,
        references: koppelingReferences,
      },
      changes,
    ),
    ...createKostenServices(db, changes),
    scenarios: new RegistryService(
      db,
      scenarioRepo,
      {
        schema: ScenarioInvoer,
        rules: scenarioRules,
        references: scenarioReferences,
        responsible: async (_db, items) => items.map((s) => scenarioVerantwoordelijken(s as ScenarioInvoer)),
      },
      changes,
    ),
  }
}

export type Services = ReturnType<typeof createServices>
