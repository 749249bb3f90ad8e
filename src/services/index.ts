import type { Database } from '../db/database.js'
import { registryRepositories as repos } from '../db/repos/registry.js'
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
import { RegistryService } from './registry-service.js'

export function createServices(db: Database) {
  const cbs = gemeenten()
  return {
    db,
    organisaties: new RegistryService(db, repos.organisaties, {
      schema: OrganisatieInvoer,
      rules: (i) => organisatieRules(i, { isKnownCbsCode: (c) => cbs.has(c) }),
      references: () => [],
      uniqueFields: { organisatie_oin_key: 'oin', organisatie_cbs_code_key: 'cbsCode' },
    }),
    samenwerkingen: new RegistryService(db, repos.samenwerkingen, {
      schema: SamenwerkingInvoer,
      rules: samenwerkingRules,
      references: samenwerkingReferences,
    }),
    gastheerschappen: new RegistryService(db, repos.gastheerschappen, {
      schema: GastheerschapInvoer,
      rules: gastheerschapRules,
      references: gastheerschapReferences,
    }),
    applicaties: new RegistryService(db, repos.applicaties, {
      schema: ApplicatieInvoer,
      rules: applicatieRules,
      references: applicatieReferences,
    }),
    koppelingen: new RegistryService(db, repos.koppelingen, {
      schema: KoppelingInvoer,
      rules: koppelingRules,
      references: koppelingReferences,
    }),
  }
}

export type Services = ReturnType<typeof createServices>
