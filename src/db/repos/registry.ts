// biome-ignore-all lint/suspicious/noExplicitAny: filters run on the untyped query builder of RegistryRepository
import { type ExpressionBuilder, sql } from 'kysely'
import type {
  Applicatie,
  ApplicatieInvoer,
  Gastheerschap,
  GastheerschapInvoer,
  Koppeling,
  KoppelingInvoer,
  Organisatie,
  OrganisatieInvoer,
  Samenwerking,
  SamenwerkingInvoer,
} from '../../schemas/registry.js'
import type { Database } from '../database.js'
import { type FilterFn, RegistryRepository } from './registry-repository.js'

// The five registry aggregates, declared. Field names are the API's, columns the
// database's; filters are the query parameters each list endpoint accepts.

const eq =
  (column: string): FilterFn =>
  (q, v) =>
    q.where(column, '=', v)

const inChild =
  (table: string, parentColumn: string, column: string): FilterFn =>
  (q, v) =>
    q.where('id', 'in', (eb: ExpressionBuilder<any, any>) => eb.selectFrom(table).select(parentColumn).where(column, '=', v))

const meta = { aangemaaktOp: 'aangemaakt_op', gewijzigdOp: 'gewijzigd_op' }

// Visibility. O is the caller's organisations. What a samenwerking shares with its
// members flows through its gastheerschappen (and their koppelingen); an organisation's
// other business stays its own: a partner in one cooperation does not see what the
// other partner runs with a third. Only confirmed leden share (bevestigd_op): a lid one
// member declared for another organisation grants nothing to either side until that
// organisation confirms it; the invited organisation sees the samenwerking itself, so
// it can confirm. The same holds for the afnemers of a gastheerschap: an afnemer the
// gastheer named sees the gastheerschap, but shares (and pays) only once confirmed.
const orgs = (ids: string[]) => sql`${sql.val(ids)}::uuid[]`
/** The samenwerkingen in which O holds a confirmed lid: the only ones that share anything. */
export const samenwerkingenVan = (ids: string[]) =>
  sql`(SELECT samenwerking_id FROM samenwerking_lid WHERE organisatie_id = ANY(${orgs(ids)}) AND bevestigd_op IS NOT NULL)`
/** O plus the confirmed members of O's samenwerkingen: for who can read about which organisation. */
export const partnersVan = (ids: string[]) =>
  sql`(SELECT organisatie_id FROM samenwerking_lid WHERE bevestigd_op IS NOT NULL AND samenwerking_id IN ${samenwerkingenVan(ids)}
       UNION SELECT unnest(${orgs(ids)}))`
/** The samenwerkingen that name O as lid, confirmed or not: what O sees of samenwerkingen themselves. */
const lidmaatschappenVan = (ids: string[]) => sql`(SELECT samenwerking_id FROM samenwerking_lid WHERE organisatie_id = ANY(${orgs(ids)}))`
/** The applicaties O uses. */
export const applicatiesVan = (ids: string[]) =>
  sql`(SELECT applicatie_id FROM applicatie_gebruiker WHERE organisatie_id = ANY(${orgs(ids)}))`
/** The gastheerschappen O hosts, takes as a confirmed afnemer or shares through a samenwerking: the only ones that share anything. */
export const gastheerschappenVan = (ids: string[]) =>
  sql`(SELECT id FROM gastheerschap WHERE gastheer_id = ANY(${orgs(ids)}) OR samenwerking_id IN ${samenwerkingenVan(ids)}
       UNION SELECT gastheerschap_id FROM gastheerschap_afnemer WHERE organisatie_id = ANY(${orgs(ids)}) AND bevestigd_op IS NOT NULL)`
/** The gastheerschappen that name O as afnemer, confirmed or not: what O sees of gastheerschappen themselves. */
const afnemerschappenVan = (ids: string[]) =>
  sql`(SELECT gastheerschap_id FROM gastheerschap_afnemer WHERE organisatie_id = ANY(${orgs(ids)}))`

/** Which samenwerkingen these organisations may see: where they are a lid (confirmed or not). */
export const samenwerkingZichtbaar = (ids: string[]) => sql<boolean>`id IN ${lidmaatschappenVan(ids)}`

/** Which applicaties these organisations may see, as a condition on an applicatie row (also used by what hangs off one). */
export const applicatieZichtbaar = (ids: string[]) =>
  sql<boolean>`(leverancier_id = ANY(${orgs(ids)}) OR id IN ${applicatiesVan(ids)}
    OR id IN (SELECT unnest(ARRAY[bron_applicatie_id, doel_applicatie_id, via_applicatie_id]) FROM koppeling
              WHERE gastheerschap_id IN ${gastheerschappenVan(ids)}))`

/** Which koppelingen these organisations may see, as a condition on a koppeling row. */
export const koppelingZichtbaar = (ids: string[]) =>
  sql<boolean>`(eigenaar_id = ANY(${orgs(ids)}) OR bron_applicatie_id IN ${applicatiesVan(ids)}
    OR doel_applicatie_id IN ${applicatiesVan(ids)} OR via_applicatie_id IN ${applicatiesVan(ids)}
    OR gastheerschap_id IN ${gastheerschappenVan(ids)})`

/** Whether a lid or afnemer is confirmed, and when: shown read-only on each. */
const bevestiging = (row: Record<string, unknown>) => ({
  bevestigd: row.bevestigd_op !== null && row.bevestigd_op !== undefined,
  ...(row.bevestigd_op ? { bevestigdOp: new Date(row.bevestigd_op as string).toISOString() } : {}),
})

export const organisaties = new RegistryRepository<OrganisatieInvoer, Organisatie>({
  objecttype: 'organisatie',
  table: 'organisatie',
  nameColumn: 'naam',
  fields: {
    type: { column: 'type' },
    naam: { column: 'naam' },
    oin: { column: 'oin' },
    cbsCode: { column: 'cbs_code' },
    inwoners: { column: 'inwoners', json: true },
    website: { column: 'website' },
    toelichting: { column: 'toelichting' },
    iban: { column: 'iban' },
    betaaltermijnDagen: { column: 'betaaltermijn_dagen' },
    archimateId: { column: 'archimate_id' },
  },
  children: [],
  sort: { naam: 'naam', type: 'type', cbsCode: 'cbs_code', ...meta },
  defaultSort: 'naam',
  filters: {
    type: eq('type'),
    cbsCode: eq('cbs_code'),
    oin: eq('oin'),
    samenwerkingId: (q, v) =>
      q.where('id', 'in', (eb: ExpressionBuilder<any, any>) =>
        eb.selectFrom('samenwerking_lid').select('organisatie_id').where('samenwerking_id', '=', v),
      ),
  },
  references: { samenwerkingId: 'samenwerking' },
  dependants: [
    { objecttype: 'meldingskanaal', relatie: 'organisatieId', ownerTable: 'meldingskanaal', ownerName: 'naam', column: 'organisatie_id' },
    {
      objecttype: 'samenwerking',
      relatie: 'leden',
      ownerTable: 'samenwerking',
      ownerName: 'naam',
      linkTable: 'samenwerking_lid',
      linkOwnerColumn: 'samenwerking_id',
      column: 'organisatie_id',
    },
    { objecttype: 'gastheerschap', relatie: 'gastheerId', ownerTable: 'gastheerschap', ownerName: 'taak', column: 'gastheer_id' },
    {
      objecttype: 'gastheerschap',
      relatie: 'afnemerIds',
      ownerTable: 'gastheerschap',
      ownerName: 'taak',
      linkTable: 'gastheerschap_afnemer',
      linkOwnerColumn: 'gastheerschap_id',
      column: 'organisatie_id',
    },
    { objecttype: 'applicatie', relatie: 'leverancierId', ownerTable: 'applicatie', ownerName: 'naam', column: 'leverancier_id' },
    {
      objecttype: 'applicatie',
      relatie: 'inGebruikBij',
      ownerTable: 'applicatie',
      ownerName: 'naam',
      linkTable: 'applicatie_gebruiker',
      linkOwnerColumn: 'applicatie_id',
      column: 'organisatie_id',
    },
    { objecttype: 'koppeling', relatie: 'eigenaarId', ownerTable: 'koppeling', ownerName: 'naam', column: 'eigenaar_id' },
    { objecttype: 'kostenpost', relatie: 'gemaaktDoorId', ownerTable: 'kostenpost', ownerName: 'omschrijving', column: 'gemaakt_door_id' },
    {
      objecttype: 'maatstafwaarde',
      relatie: 'organisatieId',
      ownerTable: 'maatstafwaarde',
      ownerName: 'maatstaf',
      column: 'organisatie_id',
    },
    { objecttype: 'declaratie', relatie: 'vanId', ownerTable: 'declaratie', ownerName: 'periode', column: 'van_id' },
    { objecttype: 'declaratie', relatie: 'aanId', ownerTable: 'declaratie', ownerName: 'periode', column: 'aan_id' },
    { objecttype: 'scenario', relatie: 'deelnemers', ownerTable: 'scenario', ownerName: 'naam', column: 'deelnemer_ids', array: true },
    { objecttype: 'bewijsstuk', relatie: 'organisatieId', ownerTable: 'bewijsstuk', ownerName: 'soort', column: 'organisatie_id' },
    { objecttype: 'bewijsstuk', relatie: 'getekendMetId', ownerTable: 'bewijsstuk', ownerName: 'soort', column: 'getekend_met_id' },
    { objecttype: 'contract', relatie: 'leverancierId', ownerTable: 'contract', ownerName: 'omschrijving', column: 'leverancier_id' },
    { objecttype: 'contract', relatie: 'afnemerId', ownerTable: 'contract', ownerName: 'omschrijving', column: 'afnemer_id' },
    { objecttype: 'toegang', relatie: 'partijId', ownerTable: 'toegang', ownerName: 'doel', column: 'partij_id' },
    { objecttype: 'toegang', relatie: 'verleendDoorId', ownerTable: 'toegang', ownerName: 'doel', column: 'verleend_door_id' },
    { objecttype: 'toegang', relatie: 'object.eigenaarId', ownerTable: 'toegang', ownerName: 'doel', column: 'netwerkzone_eigenaar_id' },
    {
      objecttype: 'gebruiker',
      relatie: 'rollen',
      ownerTable: 'gebruiker',
      ownerName: 'gebruikersnaam',
      linkTable: 'gebruiker_rol',
      linkOwnerColumn: 'gebruiker_id',
      column: 'organisatie_id',
    },
  ],
  // Every organisation is visible, but its audit entries only to itself and its partners.
  auditZichtbaar: (ids) => sql<string>`(SELECT organisatie_id::text FROM ${partnersVan(ids)} AS p(organisatie_id))`,
})

export const samenwerkingen = new RegistryRepository<SamenwerkingInvoer, Samenwerking>({
  objecttype: 'samenwerking',
  table: 'samenwerking',
  nameColumn: 'naam',
  fields: {
    naam: { column: 'naam' },
    vorm: { column: 'vorm' },
    omschrijving: { column: 'omschrijving' },
    startdatum: { column: 'startdatum' },
    einddatum: { column: 'einddatum' },
    toelichting: { column: 'toelichting' },
  },
  children: [
    {
      field: 'leden',
      table: 'samenwerking_lid',
      parentColumn: 'samenwerking_id',
      kind: 'rows',
      idColumn: 'organisatie_id',
      rowFields: { organisatieId: 'organisatie_id', startdatum: 'startdatum', einddatum: 'einddatum' },
      // A confirmation stays with the organisation while it remains a lid.
      keptColumns: ['bevestigd_op', 'bevestigd_door'],
      shown: bevestiging,
    },
  ],
  sort: { naam: 'naam', vorm: 'vorm', startdatum: 'startdatum', ...meta },
  defaultSort: 'naam',
  filters: {
    vorm: eq('vorm'),
    organisatieId: inChild('samenwerking_lid', 'samenwerking_id', 'organisatie_id'),
  },
  references: { organisatieId: 'organisatie' },
  dependants: [
    {
      objecttype: 'onderhoudsvenster',
      relatie: 'samenwerkingId',
      ownerTable: 'onderhoudsvenster',
      ownerName: 'reden',
      column: 'samenwerking_id',
    },
    { objecttype: 'meldingskanaal', relatie: 'samenwerkingId', ownerTable: 'meldingskanaal', ownerName: 'naam', column: 'samenwerking_id' },
    { objecttype: 'gastheerschap', relatie: 'samenwerkingId', ownerTable: 'gastheerschap', ownerName: 'taak', column: 'samenwerking_id' },
    { objecttype: 'koppeling', relatie: 'samenwerkingId', ownerTable: 'koppeling', ownerName: 'naam', column: 'samenwerking_id' },
    { objecttype: 'kostenpost', relatie: 'samenwerkingId', ownerTable: 'kostenpost', ownerName: 'omschrijving', column: 'samenwerking_id' },
    { objecttype: 'verdeelsleutel', relatie: 'samenwerkingId', ownerTable: 'verdeelsleutel', ownerName: 'naam', column: 'samenwerking_id' },
    { objecttype: 'scenario', relatie: 'samenwerkingId', ownerTable: 'scenario', ownerName: 'naam', column: 'samenwerking_id' },
  ],
  visibleTo: (q, ids) => q.where(samenwerkingZichtbaar(ids)),
})

export const gastheerschappen = new RegistryRepository<GastheerschapInvoer, Gastheerschap>({
  objecttype: 'gastheerschap',
  table: 'gastheerschap',
  nameColumn: 'taak',
  fields: {
    taak: { column: 'taak' },
    omschrijving: { column: 'omschrijving' },
    gastheerId: { column: 'gastheer_id' },
    samenwerkingId: { column: 'samenwerking_id' },
    dvoReferentie: { column: 'dvo_referentie' },
    startdatum: { column: 'startdatum' },
    einddatum: { column: 'einddatum' },
    beschikbaarheidsdoel: { column: 'beschikbaarheidsdoel' },
    serviceniveau: { column: 'serviceniveau' },
    kostenafspraak: { column: 'kostenafspraak' },
    toelichting: { column: 'toelichting' },
  },
  children: [
    {
      field: 'afnemerIds',
      table: 'gastheerschap_afnemer',
      parentColumn: 'gastheerschap_id',
      kind: 'ids',
      idColumn: 'organisatie_id',
      // A confirmation stays with the organisation while it remains afnemer; `afnemers` shows it.
      keptColumns: ['bevestigd_op', 'bevestigd_door'],
      shownAs: 'afnemers',
      shown: bevestiging,
    },
  ],
  sort: { taak: 'taak', startdatum: 'startdatum', einddatum: 'einddatum', ...meta },
  defaultSort: 'taak',
  filters: {
    gastheerId: eq('gastheer_id'),
    samenwerkingId: eq('samenwerking_id'),
    afnemerId: inChild('gastheerschap_afnemer', 'gastheerschap_id', 'organisatie_id'),
    organisatieId: (q, v) =>
      q.where((eb) =>
        eb.or([
          eb('gastheer_id', '=', v),
          eb('id', 'in', eb.selectFrom('gastheerschap_afnemer').select('gastheerschap_id').where('organisatie_id', '=', v)),
        ]),
      ),
  },
  references: { gastheerId: 'organisatie', samenwerkingId: 'samenwerking', afnemerId: 'organisatie', organisatieId: 'organisatie' },
  dependants: [
    { objecttype: 'koppeling', relatie: 'gastheerschapId', ownerTable: 'koppeling', ownerName: 'naam', column: 'gastheerschap_id' },
    {
      objecttype: 'kostenpost',
      relatie: 'gastheerschapId',
      ownerTable: 'kostenpost',
      ownerName: 'omschrijving',
      column: 'gastheerschap_id',
    },
    {
      objecttype: 'verdeelsleutel',
      relatie: 'gastheerschapId',
      ownerTable: 'verdeelsleutel',
      ownerName: 'naam',
      column: 'gastheerschap_id',
    },
  ],
  visibleTo: (q, ids) => q.where(sql<boolean>`(id IN ${gastheerschappenVan(ids)} OR id IN ${afnemerschappenVan(ids)})`),
})

export const applicaties = new RegistryRepository<ApplicatieInvoer, Applicatie>({
  objecttype: 'applicatie',
  table: 'applicatie',
  nameColumn: 'naam',
  fields: {
    naam: { column: 'naam' },
    omschrijving: { column: 'omschrijving' },
    leverancierId: { column: 'leverancier_id' },
    hosting: { column: 'hosting' },
    versie: { column: 'versie' },
    status: { column: 'status' },
    statusHistorie: { column: 'status_historie', json: true },
    toelichting: { column: 'toelichting' },
    archimateId: { column: 'archimate_id' },
    eigenschappen: { column: 'eigenschappen', json: true },
  },
  children: [
    { field: 'inGebruikBij', table: 'applicatie_gebruiker', parentColumn: 'applicatie_id', kind: 'ids', idColumn: 'organisatie_id' },
    {
      field: 'referentiecomponentIds',
      table: 'applicatie_referentiecomponent',
      parentColumn: 'applicatie_id',
      kind: 'ids',
      idColumn: 'referentiecomponent_id',
    },
  ],
  sort: { naam: 'naam', status: 'status', hosting: 'hosting', ...meta },
  defaultSort: 'naam',
  filters: {
    leverancierId: eq('leverancier_id'),
    hosting: eq('hosting'),
    status: eq('status'),
    inGebruikBij: inChild('applicatie_gebruiker', 'applicatie_id', 'organisatie_id'),
    referentiecomponentId: inChild('applicatie_referentiecomponent', 'applicatie_id', 'referentiecomponent_id'),
    samenwerkingId: (q, v) =>
      q.where('id', 'in', (eb: ExpressionBuilder<any, any>) =>
        eb
          .selectFrom('applicatie_gebruiker as g')
          .innerJoin('samenwerking_lid as l', 'l.organisatie_id', 'g.organisatie_id')
          .select('g.applicatie_id')
          .where('l.samenwerking_id', '=', v)
          .where('l.bevestigd_op', 'is not', null),
      ),
  },
  references: {
    leverancierId: 'organisatie',
    inGebruikBij: 'organisatie',
    samenwerkingId: 'samenwerking',
    referentiecomponentId: 'referentiecomponent',
  },
  dependants: [
    { objecttype: 'controle', relatie: 'applicatieId', ownerTable: 'controle', ownerName: 'naam', column: 'applicatie_id' },
    { objecttype: 'kostenpost', relatie: 'applicatieId', ownerTable: 'kostenpost', ownerName: 'omschrijving', column: 'applicatie_id' },
    { objecttype: 'koppeling', relatie: 'bronApplicatieId', ownerTable: 'koppeling', ownerName: 'naam', column: 'bron_applicatie_id' },
    { objecttype: 'koppeling', relatie: 'doelApplicatieId', ownerTable: 'koppeling', ownerName: 'naam', column: 'doel_applicatie_id' },
    { objecttype: 'koppeling', relatie: 'viaApplicatieId', ownerTable: 'koppeling', ownerName: 'naam', column: 'via_applicatie_id' },
    {
      objecttype: 'contract',
      relatie: 'applicatieIds',
      ownerTable: 'contract',
      ownerName: 'omschrijving',
      linkTable: 'contract_applicatie',
      linkOwnerColumn: 'contract_id',
      column: 'applicatie_id',
    },
    { objecttype: 'toegang', relatie: 'object.id', ownerTable: 'toegang', ownerName: 'doel', column: 'applicatie_id' },
  ],
  visibleTo: (q, ids) => q.where(applicatieZichtbaar(ids)),
})

export const koppelingen = new RegistryRepository<KoppelingInvoer, Koppeling>({
  objecttype: 'koppeling',
  table: 'koppeling',
  nameColumn: 'naam',
  fields: {
    naam: { column: 'naam' },
    omschrijving: { column: 'omschrijving' },
    bronApplicatieId: { column: 'bron_applicatie_id' },
    bronVoorziening: { column: 'bron_voorziening' },
    bronVoorzieningOverig: { column: 'bron_voorziening_overig' },
    doelApplicatieId: { column: 'doel_applicatie_id' },
    doelVoorziening: { column: 'doel_voorziening' },
    doelVoorzieningOverig: { column: 'doel_voorziening_overig' },
    viaApplicatieId: { column: 'via_applicatie_id' },
    type: { column: 'type' },
    richting: { column: 'richting' },
    status: { column: 'status' },
    statusHistorie: { column: 'status_historie', json: true },
    standaard: { column: 'standaard' },
    standaardVersie: { column: 'standaard_versie' },
    gegevenscategorieen: { column: 'gegevenscategorieen', json: true },
    persoonsgegevens: { column: 'persoonsgegevens' },
    beschikbaarheid: { column: 'beschikbaarheid' },
    integriteit: { column: 'integriteit' },
    vertrouwelijkheid: { column: 'vertrouwelijkheid' },
    eigenaarId: { column: 'eigenaar_id' },
    gastheerschapId: { column: 'gastheerschap_id' },
    samenwerkingId: { column: 'samenwerking_id' },
    endpoint: { column: 'endpoint' },
    toelichting: { column: 'toelichting' },
    archimateId: { column: 'archimate_id' },
    eigenschappen: { column: 'eigenschappen', json: true },
  },
  children: [],
  sort: { naam: 'naam', status: 'status', type: 'type', vertrouwelijkheid: 'vertrouwelijkheid', ...meta },
  defaultSort: 'naam',
  filters: {
    applicatieId: (q, v) =>
      q.where((eb) => eb.or([eb('bron_applicatie_id', '=', v), eb('doel_applicatie_id', '=', v), eb('via_applicatie_id', '=', v)])),
    bronApplicatieId: eq('bron_applicatie_id'),
    doelApplicatieId: eq('doel_applicatie_id'),
    viaApplicatieId: eq('via_applicatie_id'),
    eigenaarId: eq('eigenaar_id'),
    gastheerschapId: eq('gastheerschap_id'),
    samenwerkingId: eq('samenwerking_id'),
    status: eq('status'),
    type: eq('type'),
    persoonsgegevens: eq('persoonsgegevens'),
    vertrouwelijkheid: eq('vertrouwelijkheid'),
    organisatieId: (q, v) =>
      q.where((eb) =>
        eb.or([
          eb('eigenaar_id', '=', v),
          eb('bron_applicatie_id', 'in', eb.selectFrom('applicatie_gebruiker').select('applicatie_id').where('organisatie_id', '=', v)),
          eb('doel_applicatie_id', 'in', eb.selectFrom('applicatie_gebruiker').select('applicatie_id').where('organisatie_id', '=', v)),
        ]),
      ),
  },
  references: {
    applicatieId: 'applicatie',
    bronApplicatieId: 'applicatie',
    doelApplicatieId: 'applicatie',
    viaApplicatieId: 'applicatie',
    eigenaarId: 'organisatie',
    gastheerschapId: 'gastheerschap',
    samenwerkingId: 'samenwerking',
    organisatieId: 'organisatie',
  },
  dependants: [
    { objecttype: 'controle', relatie: 'koppelingId', ownerTable: 'controle', ownerName: 'naam', column: 'koppeling_id' },
    {
      objecttype: 'onderhoudsvenster',
      relatie: 'koppelingId',
      ownerTable: 'onderhoudsvenster',
      ownerName: 'reden',
      column: 'koppeling_id',
    },
    {
      objecttype: 'contract',
      relatie: 'koppelingIds',
      ownerTable: 'contract',
      ownerName: 'omschrijving',
      linkTable: 'contract_koppeling',
      linkOwnerColumn: 'contract_id',
      column: 'koppeling_id',
    },
    { objecttype: 'toegang', relatie: 'object.id', ownerTable: 'toegang', ownerName: 'doel', column: 'koppeling_id' },
  ],
  visibleTo: (q, ids) => q.where(koppelingZichtbaar(ids)),
})

/** Which organisations use these applicaties: who answers for a koppeling between them. */
export async function gebruikersPerApplicatie(
  db: Database,
  applicatieIds: string[],
): Promise<{ applicatieId: string; organisatieId: string }[]> {
  if (applicatieIds.length === 0) return []
  const rows = await db
    .selectFrom('applicatie_gebruiker')
    .select(['applicatie_id', 'organisatie_id'])
    .where('applicatie_id', 'in', applicatieIds)
    .execute()
  return rows.map((r) => ({ applicatieId: r.applicatie_id, organisatieId: r.organisatie_id }))
}

export const registryRepositories = { organisaties, samenwerkingen, gastheerschappen, applicaties, koppelingen }

/**
 * The child tables that name an organisation which must confirm before it takes part (a
 * lid of a samenwerking, an afnemer of a gastheerschap; services/deelname.ts), each with
 * its column to the owner. Both have `organisatie_id`, `bevestigd_op` and `bevestigd_door`.
 */
export const DEELNAME_TABELLEN = {
  samenwerking_lid: 'samenwerking_id',
  gastheerschap_afnemer: 'gastheerschap_id',
} as const
export type DeelnameTabel = keyof typeof DEELNAME_TABELLEN

/**
 * Confirms these organisations' rows in a deelname table for one owner (those not
 * confirmed yet); returns the organisations confirmed now. The caller bumps the revisie
 * and audits.
 */
export async function bevestigDeelnemers(
  trx: Database,
  tabel: DeelnameTabel,
  eigenaarId: string,
  organisatieIds: string[],
  door: string,
): Promise<string[]> {
  if (organisatieIds.length === 0) return []
  const rows = await trx
    .updateTable(tabel)
    .set({ bevestigd_op: sql`now()`, bevestigd_door: door })
    .where(DEELNAME_TABELLEN[tabel], '=', eigenaarId)
    .where('organisatie_id', 'in', organisatieIds)
    .where('bevestigd_op', 'is', null)
    .returning('organisatie_id')
    .execute()
  return rows.map((r) => r.organisatie_id)
}

/** Shared objects that are kept by the organisations whose writer registered them (access.ts). */
export type GeregistreerdeTabel = 'organisatie' | 'verdeelsleutel' | 'bewijsstuk'

/** The organisations whose writer registered each of these objects (none: only an admin keeps it). */
export async function geregistreerdDoor(db: Database, tabel: GeregistreerdeTabel, objectIds: string[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(objectIds)]
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom(tabel).select(['id', 'geregistreerd_door']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.geregistreerd_door]))
}

/** Records who registered an object (once, when it is made). */
export async function zetGeregistreerdDoor(trx: Database, tabel: GeregistreerdeTabel, objectId: string, door: string[]): Promise<void> {
  await trx
    .updateTable(tabel)
    .set({ geregistreerd_door: sql`${sql.val(door)}::uuid[]` })
    .where('id', '=', objectId)
    .execute()
}

/** Organisations named by id, OIN or CBS code, with those keys: for mapping sign-in claims. */
export async function organisatieSleutels(
  db: Database,
  by: { ids: string[]; oins: string[]; cbsCodes: string[] },
): Promise<{ id: string; oin: string | null; cbs_code: string | null }[]> {
  if (by.ids.length + by.oins.length + by.cbsCodes.length === 0) return []
  return db
    .selectFrom('organisatie')
    .select(['id', 'oin', 'cbs_code'])
    .where((eb) =>
      eb.or([
        ...(by.ids.length ? [eb('id', 'in', by.ids)] : []),
        ...(by.oins.length ? [eb('oin', 'in', by.oins)] : []),
        ...(by.cbsCodes.length ? [eb('cbs_code', 'in', by.cbsCodes)] : []),
      ]),
    )
    .execute()
}
