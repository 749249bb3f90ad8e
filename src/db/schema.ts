import type { ColumnType, Generated } from 'kysely'
import type { Eigenschap } from '../domain/typen/registry.js'
import type { VerdeelsleutelVersie } from '../domain/verdeling/types.js'

// Table types for Kysely, in the database's snake_case; repositories map rows to the
// API's camelCase resources.

// Insert may leave a timestamp out (the column default fills it): Generated<> around a
// ColumnType would hide the Date from selects.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json<T> = ColumnType<T, string, string>

export interface Inwonertal {
  jaar: number
  aantal: number
  bron?: string
}

export interface StatusMoment {
  status: string
  datum: string
}

interface Versioned {
  revisie: Generated<number>
  aangemaakt_op: Timestamp
  gewijzigd_op: Timestamp
}

export interface OrganisatieTable extends Versioned {
  id: Generated<string>
  type: string
  naam: string
  oin: string | null
  cbs_code: string | null
  inwoners: Json<Inwonertal[]>
  website: string | null
  toelichting: string | null
  /** Without spaces, capitals; checked with mod 97 (domain/betaling.ts). */
  iban: string | null
  betaaltermijn_dagen: number | null
  /** Organisations whose beheerder registered it (non-gemeenten): who may keep it besides an admin. */
  geregistreerd_door: Generated<string[]>
  archimate_id: string | null
}

export interface SamenwerkingTable extends Versioned {
  id: Generated<string>
  naam: string
  vorm: string
  omschrijving: string | null
  startdatum: string | null
  einddatum: string | null
  toelichting: string | null
}

export interface SamenwerkingLidTable {
  samenwerking_id: string
  organisatie_id: string
  positie: number
  startdatum: string | null
  einddatum: string | null
  /** When the member organisation confirmed (null: not yet; the lid grants nothing). */
  bevestigd_op: Timestamp | null
  bevestigd_door: string | null
}

export interface GastheerschapTable extends Versioned {
  id: Generated<string>
  taak: string
  omschrijving: string | null
  gastheer_id: string
  samenwerking_id: string | null
  dvo_referentie: string | null
  startdatum: string
  einddatum: string | null
  beschikbaarheidsdoel: number | null
  serviceniveau: string | null
  kostenafspraak: string | null
  toelichting: string | null
}

export interface GastheerschapAfnemerTable {
  gastheerschap_id: string
  organisatie_id: string
  positie: number
  /** When the afnemer organisation confirmed (null: not yet; it shares and pays nothing). */
  bevestigd_op: Timestamp | null
  bevestigd_door: string | null
}

export interface ApplicatieTable extends Versioned {
  id: Generated<string>
  naam: string
  omschrijving: string | null
  leverancier_id: string | null
  hosting: string
  versie: string | null
  status: string
  status_historie: Json<StatusMoment[]>
  toelichting: string | null
  archimate_id: string | null
  eigenschappen: Generated<Json<Eigenschap[]>>
}

export interface ApplicatieReferentiecomponentTable {
  applicatie_id: string
  referentiecomponent_id: string
  positie: number
}

export interface ReferentiecomponentTable extends Versioned {
  id: Generated<string>
  naam: string
  gemma_id: string | null
  omschrijving: string | null
  toelichting: string | null
  archimate_id: string | null
}

export interface ApplicatieGebruikerTable {
  applicatie_id: string
  organisatie_id: string
  positie: number
}

export interface KoppelingTable extends Versioned {
  id: Generated<string>
  naam: string
  omschrijving: string | null
  bron_applicatie_id: string | null
  bron_voorziening: string | null
  bron_voorziening_overig: string | null
  doel_applicatie_id: string | null
  doel_voorziening: string | null
  doel_voorziening_overig: string | null
  via_applicatie_id: string | null
  type: string
  richting: string
  status: string
  status_historie: Json<StatusMoment[]>
  standaard: string | null
  standaard_versie: string | null
  gegevenscategorieen: Json<string[]>
  persoonsgegevens: boolean
  beschikbaarheid: string
  integriteit: string
  vertrouwelijkheid: string
  eigenaar_id: string | null
  gastheerschap_id: string | null
  samenwerking_id: string | null
  endpoint: string | null
  toelichting: string | null
  archimate_id: string | null
  eigenschappen: Generated<Json<Eigenschap[]>>
}

export interface AuditlogTable {
  volgnummer: number
  tijdstip: Timestamp
  actor: string
  herkomst: string
  actie: string
  objecttype: string
  object_id: string
  resultaat: string
  voor: Json<unknown> | null
  na: Json<unknown> | null
  vorige_hash: string
  hash: string
}

export interface GebruikerTable extends Versioned {
  id: Generated<string>
  gebruikersnaam: string
  naam: string
  email: string | null
  wachtwoord_hash: string | null
  oidc_issuer: string | null
  oidc_subject: string | null
  actief: Generated<boolean>
  mislukte_pogingen: Generated<number>
  geblokkeerd_tot: Timestamp | null
  laatst_ingelogd_op: Timestamp | null
}

export interface GebruikerRolTable {
  gebruiker_id: string
  organisatie_id: string | null
  rol: string
}

export interface SessieTable {
  token_hash: string
  gebruiker_id: string
  csrf_token: string
  herkomst: string
  aangemaakt_op: Timestamp
  laatst_gebruikt_op: Timestamp
  verloopt_op: Timestamp
}

export interface ApiTokenTable {
  id: Generated<string>
  gebruiker_id: string
  naam: string
  token_hash: string
  voorvoegsel: string
  scopes: Json<string[]>
  verloopt_op: Timestamp
  laatst_gebruikt_op: Timestamp | null
  ingetrokken_op: Timestamp | null
  aangemaakt_op: Timestamp
}

export interface SetupLinkTable {
  token_hash: string
  verloopt_op: Timestamp
  gebruikt_op: Timestamp | null
}

export interface VerdeelsleutelTable extends Versioned {
  id: Generated<string>
  naam: string
  omschrijving: string | null
  samenwerking_id: string | null
  gastheerschap_id: string | null
  versies: Json<VerdeelsleutelVersie[]>
  toelichting: string | null
  /** Organisations whose regisseur made it: who keeps a key without scope besides an admin. */
  geregistreerd_door: Generated<string[]>
}

export interface KostenpostTable extends Versioned {
  id: Generated<string>
  omschrijving: string
  gastheerschap_id: string | null
  samenwerking_id: string | null
  gemaakt_door_id: string
  periode: string
  jaar: number
  periode_start: string
  periode_eind: string
  soort: string
  categorie: string
  begroting: number | null
  realisatie: number | null
  verdeelsleutel_id: string
  bron: string | null
  toelichting: string | null
  /** Whether the amounts include BTW: geen, exclusief, inclusief (domain/betaling.ts). */
  btw: Generated<string>
  applicatie_id: string | null
}

export interface MaatstafwaardeTable extends Versioned {
  id: Generated<string>
  organisatie_id: string
  maatstaf: string
  jaar: number
  /** numeric: read as a decimal string, exact. */
  waarde: ColumnType<string, string | number, string | number>
  bron: string | null
}

export interface ReferentiewaardeTable extends Versioned {
  id: Generated<string>
  naam: string
  jaar: number
  kosten_per_inwoner: number | null
  kosten_per_werkplek: number | null
  bron: string | null
  toelichting: string | null
}

export interface DeclaratieTable extends Versioned {
  id: Generated<string>
  nummer: string | null
  soort: Generated<string>
  corrigeert_id: string | null
  van_id: string
  aan_id: string
  periode: string
  periode_start: string
  periode_eind: string
  status: Generated<string>
  totaal: number
  regels: Json<unknown[]>
  toelichting: string | null
  definitief_op: Timestamp | null
  verzonden_op: Timestamp | null
  betaald_op: Timestamp | null
  /** The sender's IBAN and payment term when the declaratie was made final; null while it is a concept. */
  iban: Generated<string | null>
  betaaltermijn_dagen: Generated<number | null>
}

export interface ScenarioTable extends Versioned {
  id: Generated<string>
  naam: string
  soort: string
  omschrijving: string | null
  samenwerking_id: string | null
  deelnemer_ids: ColumnType<string[], string[] | string, string[] | string>
  invoer: Json<unknown>
  toelichting: string | null
}

/** One run of a background job (src/jobs/); open while `afgerond_op` is null. */
export interface AchtergrondtaakTable {
  id: Generated<number>
  naam: string
  /** What the run is about (a koppeling id, a period); at most one open run per naam and sleutel. */
  sleutel: Generated<string>
  uitvoeren_op: Timestamp
  /** Claims so far, the running one included. */
  pogingen: Generated<number>
  max_pogingen: number
  vergrendeld_op: Timestamp | null
  vergrendeld_door: string | null
  resultaat: 'geslaagd' | 'mislukt' | 'overgeslagen' | null
  melding: string | null
  aangemaakt_op: Timestamp
  afgerond_op: Timestamp | null
}

export interface BewijsstukTable extends Versioned {
  id: Generated<string>
  organisatie_id: string
  soort: string
  uitgever: string
  geldig_vanaf: string
  geldig_tot: string | null
  scope: string | null
  getekend_met_id: string | null
  document_verwijzing: string | null
  toelichting: string | null
  bijlage_bestandsnaam: string | null
  bijlage_mediatype: string | null
  bijlage_grootte: number | null
  bijlage_sha256: string | null
  /** Organisations whose beheerder registered it: who keeps it besides the party and an admin. */
  geregistreerd_door: Generated<string[]>
}

/** The bytes of a bewijsstuk's upload, apart so lists never load them. */
export interface BewijsstukBijlageTable {
  bewijsstuk_id: string
  inhoud: Buffer
}

export interface ContractTable extends Versioned {
  id: Generated<string>
  leverancier_id: string
  afnemer_id: string
  omschrijving: string
  startdatum: string
  einddatum: string | null
  opzegtermijn_maanden: number
  auditrecht: boolean
  exitstrategie: boolean
  exitstrategie_vindplaats: string | null
  beveiligingseisen: string | null
}

export interface ContractApplicatieTable {
  contract_id: string
  applicatie_id: string
  positie: number
}

export interface ContractKoppelingTable {
  contract_id: string
  koppeling_id: string
  positie: number
}

export interface ToegangTable extends Versioned {
  id: Generated<string>
  partij_id: string
  object_soort: 'applicatie' | 'koppeling' | 'netwerkzone'
  applicatie_id: string | null
  koppeling_id: string | null
  netwerkzone_naam: string | null
  netwerkzone_eigenaar_id: string | null
  doel: string
  verleend_door_id: string
  geldig_vanaf: string
  geldig_tot: string | null
  laatste_beoordeling: string | null
  beoordelaar: string | null
  ingetrokken_op: string | null
  ingetrokken_door: string | null
  intrekreden: string | null
}

/** A trust policy (issue 12); `revisie` is its versie. */
export interface VertrouwensbeleidTable extends Versioned {
  id: Generated<string>
  eigenaar_id: string
  naam: string
  regels: Json<unknown>
  toelichting: string | null
}

export interface VertrouwensbeleidSamenwerkingTable {
  vertrouwensbeleid_id: string
  samenwerking_id: string
  positie: number
}

/** Every version of a policy as it was stored. */
export interface VertrouwensbeleidVersieTable {
  vertrouwensbeleid_id: string
  versie: number
  staat: Json<unknown>
  vastgesteld_op: Timestamp
  vastgesteld_door: string
}

/** A finding of the trust evaluation, by its stable sleutel; open while `gesloten_op` is null. */
export interface BevindingTable {
  id: Generated<string>
  revisie: Generated<number>
  aangemaakt_op: Timestamp
  gewijzigd_op: Timestamp
  sleutel: string
  beleid_id: string
  regel_id: string
  regel_soort: string
  ernst: 'hoog' | 'middel' | 'laag'
  maatregel: string
  partij_id: string
  eigenaar_id: string | null
  toegang_id: string | null
  contract_id: string | null
  bewijsstuk_id: string | null
  datum: string | null
  /** The whole Bevinding of the domain, as last evaluated. */
  inhoud: Json<unknown>
  geopend_op: Timestamp
  gesloten_op: Timestamp | null
  acceptatie_reden: string | null
  acceptatie_eigenaar: string | null
  acceptatie_tot: string | null
  geaccepteerd_op: Timestamp | null
  geaccepteerd_door: string | null
}

export interface BevindingGebeurtenisTable {
  bevinding_id: string
  volgnummer: number
  soort: 'geopend' | 'bijgewerkt' | 'gesloten' | 'heropend' | 'risico-geaccepteerd'
  op: Timestamp
  uitleg: Json<unknown> | null
}

// Monitoring (issue 14): see migrations/0016_monitoring.ts.
export interface ControleTable extends Versioned {
  id: Generated<string>
  naam: string
  koppeling_id: string | null
  applicatie_id: string | null
  soort: string
  url: string | null
  methode: string | null
  verwachte_status: string | null
  inhoud_controle: Json<unknown> | null
  headers: Json<Record<string, string>> | null
  verzoek_inhoud: string | null
  volg_redirects: number | null
  max_bytes: number | null
  ca_pem: string | null
  client_certificaat_pem: string | null
  host: string | null
  poort: number | null
  servernaam: string | null
  min_dagen_geldig: number | null
  dns_naam: string | null
  dns_type: string | null
  dns_verwacht: string | null
  interval_seconden: number
  timeout_ms: number
  pogingen: Generated<number>
  fouten_voor_storing: Generated<number>
  successen_voor_herstel: Generated<number>
  actief: Generated<boolean>
  geheimen: Buffer | null
  geheimen_namen: ColumnType<{ headers?: string[]; clientSleutel?: boolean }, string | undefined, string>
}

export interface ControleToestandTable {
  controle_id: string
  volgende_op: Timestamp
  lease_door: string | null
  lease_tot: Timestamp | null
  laatste_op: Timestamp | null
  laatste_geslaagd: boolean | null
  laatste_soort: string | null
  laatste_reden: Json<{ nl: string; en: string }> | null
  laatste_duur_ms: number | null
  laatste_details: Json<unknown> | null
  fouten: Generated<number>
  eerste_fout_op: Timestamp | null
  successen: Generated<number>
  storing_id: string | null
}

export interface MetingTable {
  controle_id: string
  tijdstip: Timestamp
  geslaagd: boolean
  duur_ms: number
  soort: string
  reden: Json<{ nl: string; en: string }> | null
}

export interface MetingUurTable {
  controle_id: string
  uur: Timestamp
  aantal: number
  geslaagd: number
  in_onderhoud: number
  geslaagd_in_onderhoud: number
  duur_som_ms: ColumnType<string, number | string, number | string>
  duur_max_ms: number
}

export interface StoringTable {
  id: Generated<string>
  controle_id: string
  begonnen_op: Timestamp
  geopend_op: Timestamp
  gesloten_op: Timestamp | null
  meetsoort: string | null
  reden: Json<{ nl: string; en: string }> | null
  tijdlijn: Json<unknown[]>
  gewijzigd_op: Timestamp
}

export interface OnderhoudsvensterTable extends Versioned {
  id: Generated<string>
  reden: string
  van: Timestamp
  tot: Timestamp
  controle_id: string | null
  koppeling_id: string | null
  samenwerking_id: string | null
}

export interface MeldingskanaalTable extends Versioned {
  id: Generated<string>
  naam: string
  organisatie_id: string
  samenwerking_id: string | null
  soort: string
  formaat: string | null
  doel: Buffer | null
  doel_weergave: string | null
  ontvangers: Json<string[]>
  gebeurtenissen: Json<string[]>
  certificaat_dagen: Json<number[]>
  actief: Generated<boolean>
}

export interface MeldingTable {
  id: Generated<string>
  kanaal_id: string
  sleutel: string
  inhoud: Json<unknown>
  status: string
  pogingen: Generated<number>
  volgende_poging: Timestamp | null
  laatste_fout: Json<{ nl: string; en: string }> | null
  aangemaakt_op: Timestamp
  verzonden_op: Timestamp | null
}

export interface KoppelingWerkingTable {
  koppeling_id: string
  status: string
  reden: string
  tot: Timestamp | null
  door: string
  op: Timestamp
}

export interface StatuspaginaTable {
  samenwerking_id: string
  openbaar: Generated<boolean>
  slug: string | null
  titel: string | null
}
export interface DB {
  organisatie: OrganisatieTable
  samenwerking: SamenwerkingTable
  samenwerking_lid: SamenwerkingLidTable
  gastheerschap: GastheerschapTable
  gastheerschap_afnemer: GastheerschapAfnemerTable
  applicatie: ApplicatieTable
  applicatie_gebruiker: ApplicatieGebruikerTable
  applicatie_referentiecomponent: ApplicatieReferentiecomponentTable
  referentiecomponent: ReferentiecomponentTable
  koppeling: KoppelingTable
  auditlog: AuditlogTable
  gebruiker: GebruikerTable
  gebruiker_rol: GebruikerRolTable
  sessie: SessieTable
  api_token: ApiTokenTable
  setup_link: SetupLinkTable
  verdeelsleutel: VerdeelsleutelTable
  kostenpost: KostenpostTable
  maatstafwaarde: MaatstafwaardeTable
  referentiewaarde: ReferentiewaardeTable
  declaratie: DeclaratieTable
  scenario: ScenarioTable
  achtergrondtaak: AchtergrondtaakTable
  bewijsstuk: BewijsstukTable
  bewijsstuk_bijlage: BewijsstukBijlageTable
  contract: ContractTable
  contract_applicatie: ContractApplicatieTable
  contract_koppeling: ContractKoppelingTable
  toegang: ToegangTable
  vertrouwensbeleid: VertrouwensbeleidTable
  vertrouwensbeleid_samenwerking: VertrouwensbeleidSamenwerkingTable
  vertrouwensbeleid_versie: VertrouwensbeleidVersieTable
  bevinding: BevindingTable
  bevinding_gebeurtenis: BevindingGebeurtenisTable
  controle: ControleTable
  controle_toestand: ControleToestandTable
  meting: MetingTable
  meting_uur: MetingUurTable
  storing: StoringTable
  onderhoudsvenster: OnderhoudsvensterTable
  meldingskanaal: MeldingskanaalTable
  melding: MeldingTable
  koppeling_werking: KoppelingWerkingTable
  statuspagina: StatuspaginaTable
}
