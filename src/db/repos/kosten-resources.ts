// biome-ignore-all lint/suspicious/noExplicitAny: filters run on the untyped query builder of RegistryRepository
import { type ExpressionBuilder, sql } from 'kysely'
import { leesPeriode } from '../../domain/periode.js'
import type {
  Kostenpost,
  KostenpostInvoer,
  Maatstafwaarde,
  MaatstafwaardeInvoer,
  Referentiewaarde,
  ReferentiewaardeInvoer,
  Verdeelsleutel,
  VerdeelsleutelInvoer,
} from '../../schemas/kosten.js'
import { kostenpostZichtbaarTabel, maatstafwaardeZichtbaar, verdeelsleutelZichtbaar } from './kosten-zichtbaarheid.js'
import { type FilterFn, RegistryRepository } from './registry-repository.js'

// The stored cost resources, declared like the registry aggregates: one repository
// shape, so lists, paging, ETags, 412, 409-with-dependants and the audit log behave
// the same everywhere.

const eq =
  (column: string): FilterFn =>
  (q, v) =>
    q.where(column, '=', v)
const meta = { aangemaaktOp: 'aangemaakt_op', gewijzigdOp: 'gewijzigd_op' }

export const verdeelsleutels = new RegistryRepository<VerdeelsleutelInvoer, Verdeelsleutel>({
  objecttype: 'verdeelsleutel',
  table: 'verdeelsleutel',
  nameColumn: 'naam',
  fields: {
    naam: { column: 'naam' },
    omschrijving: { column: 'omschrijving' },
    samenwerkingId: { column: 'samenwerking_id' },
    gastheerschapId: { column: 'gastheerschap_id' },
    versies: { column: 'versies', json: true },
    toelichting: { column: 'toelichting' },
  },
  children: [],
  sort: { naam: 'naam', ...meta },
  defaultSort: 'naam',
  filters: {
    samenwerkingId: eq('samenwerking_id'),
    gastheerschapId: eq('gastheerschap_id'),
  },
  references: { samenwerkingId: 'samenwerking', gastheerschapId: 'gastheerschap' },
  dependants: [
    {
      objecttype: 'kostenpost',
      relatie: 'verdeelsleutelId',
      ownerTable: 'kostenpost',
      ownerName: 'omschrijving',
      column: 'verdeelsleutel_id',
    },
  ],
  visibleTo: (q, ids) => q.where(verdeelsleutelZichtbaar(ids)),
})

export const kostenposten = new RegistryRepository<KostenpostInvoer, Kostenpost>({
  objecttype: 'kostenpost',
  table: 'kostenpost',
  nameColumn: 'omschrijving',
  fields: {
    omschrijving: { column: 'omschrijving' },
    gastheerschapId: { column: 'gastheerschap_id' },
    samenwerkingId: { column: 'samenwerking_id' },
    gemaaktDoorId: { column: 'gemaakt_door_id' },
    applicatieId: { column: 'applicatie_id' },
    periode: { column: 'periode' },
    jaar: { column: 'jaar', readOnly: true },
    soort: { column: 'soort' },
    categorie: { column: 'categorie' },
    begroting: { column: 'begroting' },
    realisatie: { column: 'realisatie' },
    verdeelsleutelId: { column: 'verdeelsleutel_id' },
    bron: { column: 'bron' },
    toelichting: { column: 'toelichting' },
    btw: { column: 'btw' },
  },
  children: [],
  derived: (input) => {
    const p = leesPeriode(String(input.periode))
    return p ? { jaar: p.jaar, periode_start: p.start, periode_eind: p.eind } : {}
  },
  sort: {
    periode: 'periode_start',
    omschrijving: 'omschrijving',
    categorie: 'categorie',
    realisatie: 'realisatie',
    begroting: 'begroting',
    ...meta,
  },
  defaultSort: 'periode',
  filters: {
    gastheerschapId: eq('gastheerschap_id'),
    samenwerkingId: (q, v) =>
      q.where((eb: ExpressionBuilder<any, any>) =>
        eb.or([
          eb('samenwerking_id', '=', v),
          eb('gastheerschap_id', 'in', eb.selectFrom('gastheerschap').select('id').where('samenwerking_id', '=', v)),
        ]),
      ),
    gemaaktDoorId: eq('gemaakt_door_id'),
    applicatieId: eq('applicatie_id'),
    verdeelsleutelId: eq('verdeelsleutel_id'),
    jaar: eq('jaar'),
    periode: eq('periode'),
    soort: eq('soort'),
    categorie: eq('categorie'),
  },
  references: {
    gastheerschapId: 'gastheerschap',
    samenwerkingId: 'samenwerking',
    gemaaktDoorId: 'organisatie',
    applicatieId: 'applicatie',
    verdeelsleutelId: 'verdeelsleutel',
  },
  dependants: [],
  visibleTo: (q, ids) => q.where(kostenpostZichtbaarTabel(ids)),
})

export const maatstafwaarden = new RegistryRepository<MaatstafwaardeInvoer, Maatstafwaarde>({
  objecttype: 'maatstafwaarde',
  table: 'maatstafwaarde',
  nameColumn: 'maatstaf',
  fields: {
    organisatieId: { column: 'organisatie_id' },
    maatstaf: { column: 'maatstaf' },
    jaar: { column: 'jaar' },
    waarde: { column: 'waarde', numeric: true },
    bron: { column: 'bron' },
  },
  children: [],
  sort: { maatstaf: 'maatstaf', jaar: 'jaar', ...meta },
  defaultSort: 'maatstaf',
  filters: {
    organisatieId: eq('organisatie_id'),
    maatstaf: (q, v) => q.where(sql<boolean>`lower(maatstaf) = lower(${v})`),
    jaar: eq('jaar'),
  },
  references: { organisatieId: 'organisatie' },
  dependants: [],
  visibleTo: (q, ids) => q.where(maatstafwaardeZichtbaar(ids)),
  // A measure is named by what it measures and when.
  weergaveNaam: () => ({ naam: sql<string>`t.maatstaf || ' ' || t.jaar` }),
})

export const referentiewaarden = new RegistryRepository<ReferentiewaardeInvoer, Referentiewaarde>({
  objecttype: 'referentiewaarde',
  table: 'referentiewaarde',
  nameColumn: 'naam',
  fields: {
    naam: { column: 'naam' },
    jaar: { column: 'jaar' },
    kostenPerInwoner: { column: 'kosten_per_inwoner' },
    kostenPerWerkplek: { column: 'kosten_per_werkplek' },
    bron: { column: 'bron' },
    toelichting: { column: 'toelichting' },
  },
  children: [],
  sort: { naam: 'naam', jaar: 'jaar', ...meta },
  defaultSort: 'naam',
  filters: { jaar: eq('jaar') },
  dependants: [],
})

export const kostenRepositories = { verdeelsleutels, kostenposten, maatstafwaarden, referentiewaarden }
