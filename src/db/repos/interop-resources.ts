import type { Referentiecomponent, ReferentiecomponentInvoer } from '../../schemas/registry.js'
import { RegistryRepository } from './registry-repository.js'

// The GEMMA reference components: a catalogue everyone reads (no visibility rule), so
// the harmonisation overview of every samenwerking groups by the same components.

export const referentiecomponenten = new RegistryRepository<ReferentiecomponentInvoer, Referentiecomponent>({
  objecttype: 'referentiecomponent',
  table: 'referentiecomponent',
  nameColumn: 'naam',
  fields: {
    naam: { column: 'naam' },
    gemmaId: { column: 'gemma_id' },
    omschrijving: { column: 'omschrijving' },
    toelichting: { column: 'toelichting' },
    archimateId: { column: 'archimate_id' },
  },
  children: [],
  sort: { naam: 'naam', aangemaaktOp: 'aangemaakt_op', gewijzigdOp: 'gewijzigd_op' },
  defaultSort: 'naam',
  filters: {},
  dependants: [
    {
      objecttype: 'applicatie',
      relatie: 'referentiecomponentIds',
      ownerTable: 'applicatie',
      ownerName: 'naam',
      linkTable: 'applicatie_referentiecomponent',
      linkOwnerColumn: 'applicatie_id',
      column: 'referentiecomponent_id',
    },
  ],
})
