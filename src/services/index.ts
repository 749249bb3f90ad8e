import type { Database } from '../db/database.js'
import { registryRepositories as repos } from '../db/repos/registry.js'
import { scenarios as scenarioRepo } from '../db/repos/scenarios.js'
import { normaliseerIban } from '../domain/betaling.js'
import { scenarioReferences, scenarioRules } from '../domain/businesscase.js'
import { type Klok, systeemklok } from '../domain/klok.js'
import { POLICIES } from '../domain/policies/index.js'
import type { OrganisatieShape } from '../domain/policies/organisatie.js'
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
import { AfhankelijkhedenService } from './afhankelijkheden-service.js'
import { ArchimateService } from './archimate-service.js'
import { ChangeFeed } from './changes.js'
import { afnemerschap, deelnameRegels, lidmaatschap } from './deelname.js'
import { HarmonisatieService } from './harmonisatie-service.js'
import { controleerImpact, ImpactService } from './impact-service.js'
import { koppelingSamenwerkingRegels } from './koppeling-samenwerking.js'
import { createKostenServices } from './kosten-service.js'
import { createMonitoringServices } from './monitoring-service.js'
import type { ObjectService } from './object-service.js'
import { bouwObjecttypeRegister, standaardBouwstenen } from './objecttypen.js'
import { createReferentiecomponentServices } from './referentiecomponent-service.js'
import { geregistreerdVoor, RegistryService, registreerSchrijver } from './registry-service.js'
import { koppelingVerantwoordelijken, volgens } from './verantwoordelijken.js'
import { createVertrouwenServices } from './vertrouwen-service.js'
import { createBeleidServices } from './vertrouwensbeleid-service.js'

/**
 * The services and the object-type register built from them (services/objecttypen.ts),
 * which refuses (a configuration error) when a type lacks a part.
 * `analyzeEvery`: refresh planner statistics after so many writes (PGlite has no autovacuum).
 */
/** `klok`: where services that depend on "now" read it (default: the system clock); tests move it. */
export function createServices(db: Database, opts: { analyzeEvery?: number; klok?: Klok } = {}) {
  const services = createRegistryServices(db, opts)
  const generiek: ObjectService[] = [
    services.organisaties,
    services.samenwerkingen,
    services.gastheerschappen,
    services.applicaties,
    services.koppelingen,
    services.verdeelsleutels,
    services.kostenposten,
    services.maatstafwaarden,
    services.referentiewaarden,
    services.scenarios,
    services.bewijsstukken,
    services.contracten,
    services.toegangen,
    services.controles,
    services.onderhoudsvensters,
    services.meldingskanalen,
    services.referentiecomponenten,
  ]
  const diensten = Object.fromEntries(generiek.map((s) => [s.objecttype, s]))
  const klok = opts.klok ?? systeemklok
  const beleid = createBeleidServices(db, services.changes, klok)
  const afhankelijkheden = new AfhankelijkhedenService(db, services.changes)
  return {
    ...services,
    ...beleid,
    afhankelijkheden,
    impact: new ImpactService(db, afhankelijkheden, beleid.bevindingen),
    archimate: new ArchimateService(db, services.changes),
    harmonisatie: new HarmonisatieService(db, klok),
    klok,
    objecttypen: bouwObjecttypeRegister(standaardBouwstenen(diensten)),
  }
}

function createRegistryServices(db: Database, opts: { analyzeEvery?: number }) {
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
        // An IBAN is stored as the bank prints it without spaces: NL91ABNA0417164300.
        prepare: async (_trx, i) => (i.iban ? { ...i, iban: normaliseerIban(i.iban) } : i),
        uniqueFields: { organisatie_oin_key: 'oin', organisatie_cbs_code_key: 'cbsCode', organisatie_archimate_id_uniek: 'archimateId' },
        // A supplier is kept by the organisations whose beheerder registered it (access.ts).
        responsible: async (trx, items) => {
          const door = await geregistreerdVoor(trx, 'organisatie', items)
          return items.map((o: OrganisatieShape) =>
            POLICIES.organisatie.verantwoordelijken({ ...o, geregistreerdDoor: door.get(o.id ?? '') ?? [] }),
          )
        },
        afterWrite: registreerSchrijver('organisatie'),
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
        responsible: volgens(POLICIES.samenwerking),
        // Leden share only once confirmed (services/deelname.ts).
        ...deelnameRegels(lidmaatschap),
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
        responsible: volgens(POLICIES.gastheerschap),
        // Afnemers share and pay only once confirmed (services/deelname.ts).
        ...deelnameRegels(afnemerschap),
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
        uniqueFields: { applicatie_archimate_id_uniek: 'archimateId' },
        responsible: volgens(POLICIES.applicatie),
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
        uniqueFields: { koppeling_archimate_id_uniek: 'archimateId' },
        // Its eigenaar and the users of its bron and doel applicaties.
        responsible: koppelingVerantwoordelijken(POLICIES.koppeling),
        // Its samenwerking: chosen, from the gastheerschap or derived (issue 20.4).
        ...koppelingSamenwerkingRegels,
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
        responsible: volgens(POLICIES.scenario),
        // An impact scenario's dates and memberships, against the objects it names.
        contextRules: async (trx, input) => (input.soort === 'impactanalyse' ? controleerImpact(trx, input.invoer) : []),
      },
      changes,
    ),
    ...createVertrouwenServices(db, changes),
    ...createMonitoringServices(db, changes),
    ...createReferentiecomponentServices(db, changes),
  }
}

export type Services = ReturnType<typeof createServices>
