import type { Database } from '../db/database.js'
import { referentiecomponenten } from '../db/repos/interop-resources.js'
import { POLICIES } from '../domain/policies/index.js'
import { ReferentiecomponentInvoer } from '../schemas/registry.js'
import type { ChangeFeed } from './changes.js'
import { RegistryService } from './registry-service.js'
import { volgens } from './verantwoordelijken.js'

/** The GEMMA reference components as a registry resource: CRUD, ETags, audit log, CSV like every type. */
export function createReferentiecomponentServices(db: Database, changes: ChangeFeed) {
  return {
    referentiecomponenten: new RegistryService(
      db,
      referentiecomponenten,
      {
        schema: ReferentiecomponentInvoer,
        rules: () => [],
        references: () => [],
        uniqueFields: {
          referentiecomponent_naam_uniek: 'naam',
          referentiecomponent_gemma_id_uniek: 'gemmaId',
          referentiecomponent_archimate_id_uniek: 'archimateId',
        },
        responsible: volgens(POLICIES.referentiecomponent),
      },
      changes,
    ),
  }
}
