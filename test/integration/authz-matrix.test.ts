import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gemeenten } from '../../src/io/gemeenten.js'
import { createServices } from '../../src/services/index.js'
import { buildApplicatie, buildGastheerschap, buildKoppeling, buildOrganisatie, buildSamenwerking, create } from '../helpers/factories.js'
import { call, startServer, type TestServer } from '../helpers/server.js'
import { createApiToken, createGebruiker, login, nextClientIp, type Reply, type Session, send } from '../helpers/toegang.js'

// The authorization matrix, generated from the OpenAPI document: every operation × every
// caller (each role at the caller's own organisation, an admin, and nobody) × the caller's
// own or another organisation's object, sent as real requests and compared with the
// expected table below, which spells out src/domain/access.ts and DESIGN.md ("Security
// baseline"). An operation in the document without an entry in the table fails the test:
// a new endpoint needs a policy before it ships.
//
// The world: two municipalities, "eigen" (where every caller holds its role) and "ander",
// each with a partner in a samenwerking of its own, and one object of every registry type
// belonging to each. Callers act with a session (cookie + CSRF token) and, in a second
// pass, with an API token made from that session.

const RESOURCES = [
  'organisaties',
  'samenwerkingen',
  'gastheerschappen',
  'applicaties',
  'koppelingen',
  'verdeelsleutels',
  'kostenposten',
  'maatstafwaarden',
  'referentiewaarden',
  'referentiecomponenten',
  'scenarios',
  'bewijsstukken',
  'contracten',
  'toegangen',
  'vertrouwensbeleid',
  'controles',
  'onderhoudsvensters',
  'meldingskanalen',
] as const
type Resource = (typeof RESOURCES)[number]
const ROLLEN = ['lezer', 'beheerder', 'regisseur', 'auditor'] as const
type Rol = (typeof ROLLEN)[number]
type Wie = 'anoniem' | 'admin' | Rol
type Via = 'sessie' | 'token'
type Scope = 'eigen' | 'ander'

interface Caller {
  wie: Wie
  via?: Via
}

// ---------------------------------------------------------------------------------
// The expected table: operationId → the one status each caller must get.

type Rule = (c: Caller, scope: Scope | undefined) => number

/** Open to everyone, signed in or not. */
const publiek =
  (status: number): Rule =>
  () =>
    status
/** Anyone signed in; nobody else (401). */
const ingelogd =
  (rule: Rule): Rule =>
  (c, scope) =>
    c.wie === 'anoniem' ? 401 : rule(c, scope)
const alleenAdmin = (status: number): Rule => ingelogd((c) => (c.wie === 'admin' ? status : 403))

/** Roles that may change objects of a type for their own organisation (access.ts, writerRoles). */
const SCHRIJVERS: Record<Resource, Rol[]> = {
  organisaties: ['beheerder'],
  samenwerkingen: ['beheerder'],
  gastheerschappen: ['beheerder', 'regisseur'],
  applicaties: ['beheerder'],
  koppelingen: ['beheerder'],
  // Costs and declarations of a host are the regisseur's (DESIGN.md); measures and benchmark references also the beheerder's.
  verdeelsleutels: ['regisseur'],
  kostenposten: ['regisseur'],
  maatstafwaarden: ['beheerder', 'regisseur'],
  // Every benchmark compares with the referentiewaarden, which belong to no organisation: only an admin keeps them.
  referentiewaarden: [],
  // The GEMMA reference components: a shared catalogue, like the referentiewaarden; only an admin keeps it.
  referentiecomponenten: [],
  scenarios: ['beheerder', 'regisseur'],
  // Trust: the beheerder (CISO) of the organisation that holds the contract, granted the access, or registered the evidence.
  bewijsstukken: ['beheerder'],
  contracten: ['beheerder'],
  toegangen: ['beheerder'],
  // The policy and its findings: the beheerder (CISO) of the organisation whose systems it protects.
  vertrouwensbeleid: ['beheerder'],
  // Monitoring: the beheerder of the organisations that keep what a controle or venster watches (here: the koppeling's eigenaar), or that set up the channel.
  controles: ['beheerder'],
  onderhoudsvensters: ['beheerder'],
  meldingskanalen: ['beheerder'],
}
/** Organisations and benchmark references are what every signed-in caller sees. */
const voorIedereenZichtbaar = (r: Collectie) => r === 'organisaties' || r === 'referentiewaarden' || r === 'referentiecomponenten'
/** Objects no organisation owns: the same to both sides, kept by whoever SCHRIJVERS names (for referentiewaarden: only an admin). */
const vanNiemand = (r: Collectie) => r === 'referentiewaarden' || r === 'referentiecomponenten'
/** Bodies that name the other side's objects, which the caller cannot see: invalid input, checked before the permission. */
const verwijstNaarOnzichtbaar = (r: Resource) =>
  r === 'koppelingen' ||
  r === 'verdeelsleutels' ||
  r === 'kostenposten' ||
  r === 'contracten' ||
  r === 'toegangen' ||
  r === 'controles' ||
  r === 'onderhoudsvensters'
/** Any writer may register evidence about any party (then keeps it): "ander" is allowed too. */
const openVoorSchrijvers = (r: Resource) => r === 'bewijsstukken'
/** Collections checked like the registry but made by their own fixtures. */
type Collectie = Resource | 'declaraties' | 'bevindingen' | 'storingen'
const schrijversVan = (r: Collectie): readonly Rol[] =>
  r === 'declaraties'
    ? ['regisseur']
    : r === 'bevindingen'
      ? SCHRIJVERS.vertrouwensbeleid
      : r === 'storingen'
        ? SCHRIJVERS.controles
        : SCHRIJVERS[r]
const schrijver = (c: Caller, r: Collectie) => (schrijversVan(r) as string[]).includes(c.wie)

const lijst: Rule = ingelogd(() => 200)
const lezen = (r: Collectie): Rule =>
  ingelogd((c, scope) => (c.wie === 'admin' || scope === 'eigen' || voorIedereenZichtbaar(r) ? 200 : 404))
/**
 * Creating: "eigen" sends a body that belongs to the caller's organisation, "ander" one
 * that belongs to the other organisation (for organisaties: a gemeente, which no single
 * beheerder may create). References to what a caller cannot see are invalid (400) —
 * they are checked before the permission.
 */
const aanmaken = (r: Resource): Rule =>
  ingelogd((c, scope) => {
    if (c.wie === 'admin') return 201
    if (scope === 'eigen' || vanNiemand(r) || openVoorSchrijvers(r)) return schrijver(c, r) ? 201 : 403
    return verwijstNaarOnzichtbaar(r) ? 400 : 403
  })
/** Changing: what a caller cannot see is not found (404), before any permission check. */
const wijzigen = (r: Collectie, ok: number): Rule =>
  ingelogd((c, scope) => {
    if (c.wie === 'admin') return ok
    if (scope === 'ander' && !voorIedereenZichtbaar(r)) return 404
    return (scope === 'eigen' || vanNiemand(r)) && schrijver(c, r) ? ok : 403
  })
const relatie = (parent: Resource): Rule => lezen(parent)

const POLICY: Record<string, Rule> = {
  index: publiek(200),
  gezondheid: publiek(200),
  sessie_openen: publiek(201),
  setup: publiek(403), // users exist: the setup link is spent for everyone
  oidc_status: publiek(200), // whether OpenID Connect sign-in is on (off here: its flow routes are then absent)
  sessie_sluiten: ingelogd(() => 204),
  ik: ingelogd(() => 200),
  api_tokens_lijst: ingelogd(() => 200),
  api_tokens_aanmaken: ingelogd((c) => (c.via === 'sessie' ? 201 : 403)),
  api_tokens_intrekken: ingelogd((_c, scope) => (scope === 'eigen' ? 204 : 404)),
  gebruikers_lijst: alleenAdmin(200),
  gebruikers_aanmaken: alleenAdmin(201),
  gebruikers_lezen: alleenAdmin(200),
  gebruikers_bijwerken: alleenAdmin(200),
  gebruikers_verwijderen: alleenAdmin(204),
  // Another user's API tokens: an admin lists and revokes them (revoking twice is still 204).
  gebruikers_api_tokens_lijst: alleenAdmin(200),
  gebruikers_api_tokens_intrekken: alleenAdmin(204),
  auditlog_lijst: ingelogd((c) => (c.wie === 'admin' || c.wie === 'auditor' ? 200 : 403)),
  // Read models of the UI's start pages: anyone signed in, narrowed to what the caller may see.
  dashboard: ingelogd(() => 200),
  landschap: ingelogd(() => 200),

  organisaties_lijst: lijst,
  organisaties_aanmaken: aanmaken('organisaties'),
  organisaties_lezen: lezen('organisaties'),
  organisaties_vervangen: wijzigen('organisaties', 200),
  organisaties_bijwerken: wijzigen('organisaties', 200),
  // Every organisation in the world has dependants: deleting it is allowed but refused (409).
  organisaties_verwijderen: wijzigen('organisaties', 409),
  organisaties_gastheerschappen: relatie('organisaties'),
  organisaties_samenwerkingen: relatie('organisaties'),
  organisaties_applicaties: relatie('organisaties'),
  organisaties_koppelingen: relatie('organisaties'),

  samenwerkingen_lijst: lijst,
  samenwerkingen_aanmaken: aanmaken('samenwerkingen'),
  samenwerkingen_lezen: lezen('samenwerkingen'),
  samenwerkingen_vervangen: wijzigen('samenwerkingen', 200),
  samenwerkingen_bijwerken: wijzigen('samenwerkingen', 200),
  samenwerkingen_verwijderen: wijzigen('samenwerkingen', 204),
  samenwerkingen_gastheerschappen: relatie('samenwerkingen'),
  samenwerkingen_leden: relatie('samenwerkingen'),
  samenwerkingen_koppelingen: relatie('samenwerkingen'),
  samenwerkingen_applicaties: relatie('samenwerkingen'),
  // A member organisation confirms its own lid (a fresh invitation each time, see uitnodiging): its beheerder or regisseur, or an admin.
  samenwerkingen_leden_bevestigen: ingelogd((c, scope) => {
    if (c.wie === 'admin') return 200
    if (scope === 'ander') return 404
    return c.wie === 'beheerder' || c.wie === 'regisseur' ? 200 : 403
  }),
  // The transparency report of a samenwerking: whoever sees the samenwerking.
  samenwerkingen_transparantieverslag: relatie('samenwerkingen'),
  samenwerkingen_transparantieverslag_export: relatie('samenwerkingen'),
  // Benchmark: anyone signed in, over the municipalities whose costs the caller sees whole.
  benchmark: ingelogd(() => 200),

  gastheerschappen_lijst: lijst,
  gastheerschappen_aanmaken: aanmaken('gastheerschappen'),
  gastheerschappen_lezen: lezen('gastheerschappen'),
  gastheerschappen_vervangen: wijzigen('gastheerschappen', 200),
  gastheerschappen_bijwerken: wijzigen('gastheerschappen', 200),
  gastheerschappen_verwijderen: wijzigen('gastheerschappen', 204),
  gastheerschappen_koppelingen: relatie('gastheerschappen'),
  // An afnemer organisation confirms it takes a gastheerschap (a fresh one each time, see afnemerUitnodiging): its beheerder or regisseur, or an admin.
  gastheerschappen_afnemers_bevestigen: ingelogd((c, scope) => {
    if (c.wie === 'admin') return 200
    if (scope === 'ander') return 404
    return c.wie === 'beheerder' || c.wie === 'regisseur' ? 200 : 403
  }),

  applicaties_lijst: lijst,
  applicaties_aanmaken: aanmaken('applicaties'),
  applicaties_lezen: lezen('applicaties'),
  applicaties_vervangen: wijzigen('applicaties', 200),
  applicaties_bijwerken: wijzigen('applicaties', 200),
  applicaties_verwijderen: wijzigen('applicaties', 204),
  applicaties_koppelingen: relatie('applicaties'),

  koppelingen_lijst: lijst,
  koppelingen_aanmaken: aanmaken('koppelingen'),
  koppelingen_lezen: lezen('koppelingen'),
  koppelingen_vervangen: wijzigen('koppelingen', 200),
  koppelingen_bijwerken: wijzigen('koppelingen', 200),
  koppelingen_verwijderen: wijzigen('koppelingen', 204),

  verdeelsleutels_lijst: lijst,
  verdeelsleutels_aanmaken: aanmaken('verdeelsleutels'),
  verdeelsleutels_lezen: lezen('verdeelsleutels'),
  verdeelsleutels_vervangen: wijzigen('verdeelsleutels', 200),
  verdeelsleutels_bijwerken: wijzigen('verdeelsleutels', 200),
  verdeelsleutels_verwijderen: wijzigen('verdeelsleutels', 204),

  kostenposten_lijst: lijst,
  kostenposten_aanmaken: aanmaken('kostenposten'),
  kostenposten_lezen: lezen('kostenposten'),
  kostenposten_vervangen: wijzigen('kostenposten', 200),
  kostenposten_bijwerken: wijzigen('kostenposten', 200),
  kostenposten_verwijderen: wijzigen('kostenposten', 204),
  kostenposten_verdeling: relatie('kostenposten'),
  kostenposten_declaraties: relatie('kostenposten'),

  maatstafwaarden_lijst: lijst,
  maatstafwaarden_aanmaken: aanmaken('maatstafwaarden'),
  maatstafwaarden_lezen: lezen('maatstafwaarden'),
  maatstafwaarden_vervangen: wijzigen('maatstafwaarden', 200),
  maatstafwaarden_bijwerken: wijzigen('maatstafwaarden', 200),
  maatstafwaarden_verwijderen: wijzigen('maatstafwaarden', 204),

  referentiewaarden_lijst: lijst,
  referentiewaarden_aanmaken: aanmaken('referentiewaarden'),
  referentiewaarden_lezen: lezen('referentiewaarden'),
  referentiewaarden_vervangen: wijzigen('referentiewaarden', 200),
  referentiewaarden_bijwerken: wijzigen('referentiewaarden', 200),
  referentiewaarden_verwijderen: wijzigen('referentiewaarden', 204),

  referentiecomponenten_lijst: lijst,
  referentiecomponenten_aanmaken: aanmaken('referentiecomponenten'),
  referentiecomponenten_lezen: lezen('referentiecomponenten'),
  referentiecomponenten_vervangen: wijzigen('referentiecomponenten', 200),
  referentiecomponenten_bijwerken: wijzigen('referentiecomponenten', 200),
  referentiecomponenten_verwijderen: wijzigen('referentiecomponenten', 204),

  scenarios_lijst: lijst,
  scenarios_aanmaken: aanmaken('scenarios'),
  scenarios_lezen: lezen('scenarios'),
  scenarios_vervangen: wijzigen('scenarios', 200),
  scenarios_bijwerken: wijzigen('scenarios', 200),
  scenarios_verwijderen: wijzigen('scenarios', 204),
  // Two scenarios of the caller's own organisation side by side.
  scenarios_vergelijking: ingelogd(() => 200),
  // Impact analyses: the outcome of one the caller may see; a preview and a comparison of the caller's own.
  impact_uitkomst: lezen('scenarios'),
  impact_rapport: lezen('scenarios'),
  impact_voorvertoning: ingelogd(() => 200),
  impact_vergelijking: ingelogd(() => 200),

  bewijsstukken_lijst: lijst,
  bewijsstukken_aanmaken: aanmaken('bewijsstukken'),
  bewijsstukken_lezen: lezen('bewijsstukken'),
  bewijsstukken_vervangen: wijzigen('bewijsstukken', 200),
  bewijsstukken_bijwerken: wijzigen('bewijsstukken', 200),
  bewijsstukken_verwijderen: wijzigen('bewijsstukken', 204),
  // The upload: whoever may change the bewijsstuk puts and removes it, whoever may see it downloads it.
  bewijsstukken_bijlage_plaatsen: wijzigen('bewijsstukken', 200),
  bewijsstukken_bijlage_lezen: lezen('bewijsstukken'),
  bewijsstukken_bijlage_verwijderen: wijzigen('bewijsstukken', 200),

  contracten_lijst: lijst,
  contracten_aanmaken: aanmaken('contracten'),
  contracten_lezen: lezen('contracten'),
  contracten_vervangen: wijzigen('contracten', 200),
  contracten_bijwerken: wijzigen('contracten', 200),
  contracten_verwijderen: wijzigen('contracten', 204),

  toegangen_lijst: lijst,
  toegangen_aanmaken: aanmaken('toegangen'),
  toegangen_lezen: lezen('toegangen'),
  toegangen_vervangen: wijzigen('toegangen', 200),
  toegangen_bijwerken: wijzigen('toegangen', 200),
  toegangen_verwijderen: wijzigen('toegangen', 204),
  // A herbeoordeling (here: approving) is a change of the grant: its keeper's.
  toegangen_herbeoordelen: wijzigen('toegangen', 200),

  // The shipped BIO policy is for everyone to read; a policy of one's own is read by its organisation.
  vertrouwensbeleid_standaard: ingelogd(() => 200),
  vertrouwensbeleid_lijst: lijst,
  vertrouwensbeleid_aanmaken: aanmaken('vertrouwensbeleid'),
  vertrouwensbeleid_lezen: lezen('vertrouwensbeleid'),
  vertrouwensbeleid_vervangen: wijzigen('vertrouwensbeleid', 200),
  vertrouwensbeleid_bijwerken: wijzigen('vertrouwensbeleid', 200),
  vertrouwensbeleid_verwijderen: wijzigen('vertrouwensbeleid', 204),
  vertrouwensbeleid_versies: relatie('vertrouwensbeleid'),
  // The preview is asked by whoever may save that policy: the other side's policy is refused like saving it.
  vertrouwensbeleid_voorvertoning: ingelogd((c, scope) => {
    const opslaan = aanmaken('vertrouwensbeleid')(c, scope)
    return opslaan === 201 ? 200 : opslaan
  }),
  // Findings: read by the organisation whose policy they concern; accepting a risk is its beheerder's (each cell a fresh finding).
  bevindingen_lijst: lijst,
  bevindingen_tellingen: ingelogd(() => 200),
  bevindingen_lezen: lezen('bevindingen'),
  bevindingen_risico_accepteren: wijzigen('bevindingen', 200),
  herbeoordelingen_lijst: lijst,
  // Read only, over what the caller may see: every signed-in caller of the organisation asks it.
  uitbestedingstoets: ingelogd(() => 200),

  // Monitoring: a controle and its onderhoudsvenster are seen by who sees the koppeling; a meldingskanaal only by its organisation.
  controles_lijst: lijst,
  controles_aanmaken: aanmaken('controles'),
  controles_lezen: lezen('controles'),
  controles_vervangen: wijzigen('controles', 200),
  controles_bijwerken: wijzigen('controles', 200),
  controles_verwijderen: wijzigen('controles', 204),

  onderhoudsvensters_lijst: lijst,
  onderhoudsvensters_aanmaken: aanmaken('onderhoudsvensters'),
  onderhoudsvensters_lezen: lezen('onderhoudsvensters'),
  onderhoudsvensters_vervangen: wijzigen('onderhoudsvensters', 200),
  onderhoudsvensters_bijwerken: wijzigen('onderhoudsvensters', 200),
  onderhoudsvensters_verwijderen: wijzigen('onderhoudsvensters', 204),

  meldingskanalen_lijst: lijst,
  meldingskanalen_aanmaken: aanmaken('meldingskanalen'),
  meldingskanalen_lezen: lezen('meldingskanalen'),
  meldingskanalen_vervangen: wijzigen('meldingskanalen', 200),
  meldingskanalen_bijwerken: wijzigen('meldingskanalen', 200),
  meldingskanalen_verwijderen: wijzigen('meldingskanalen', 204),

  // What the measurements say: every list and overview answers with what the caller may see.
  monitoring_overzicht: lijst,
  // Issue 15: an ArchiMate file may create and link objects of every organisation: only an admin imports.
  archimate_importeren: alleenAdmin(200),
  // Everyone exports what they may see (the check below finds no id of the other side in it).
  archimate_exporteren: lijst,
  harmonisatie: lijst,
  beschikbaarheid_maand: lijst,
  storingen_lijst: lijst,
  // Reading follows the object: a controle's history, a storing (through its controle), a
  // koppeling's working state, a samenwerking's status page (its leden).
  controles_verloop: lezen('controles'),
  storingen_lezen: lezen('storingen'),
  koppelingen_werking: lezen('koppelingen'),
  samenwerkingen_status: lezen('samenwerkingen'),
  // Writing follows the object too: who may change the controle runs it and writes on its
  // storingen; who may change the koppeling overrides its state; who may change the
  // samenwerking publishes its page; who may change the channel tests it.
  controles_uitvoeren: wijzigen('controles', 200),
  storingen_tijdlijn_aanvullen: wijzigen('storingen', 200),
  koppelingen_werking_zetten: wijzigen('koppelingen', 204),
  koppelingen_werking_wissen: wijzigen('koppelingen', 204),
  samenwerkingen_statuspagina_instellen: wijzigen('samenwerkingen', 200),
  meldingskanalen_test: wijzigen('meldingskanalen', 200),
  // A published status page is for everyone, signed in or not (both sides publish theirs).
  status_openbaar: publiek(200),

  // Declaraties: read by sender and recipient only; every action is the sender's regisseur's.
  // Each action gets a fresh declaratie in the state it needs (see verseDeclaratie).
  declaraties_lijst: lijst,
  declaraties_genereren: ingelogd((c) => (c.wie === 'admin' || c.wie === 'regisseur' ? 200 : 403)),
  declaraties_lezen: lezen('declaraties'),
  declaraties_exporteren: lezen('declaraties'),
  declaraties_correctievoorstel: lezen('declaraties'),
  declaraties_bijwerken: wijzigen('declaraties', 200),
  declaraties_verwijderen: wijzigen('declaraties', 204),
  declaraties_definitief_maken: wijzigen('declaraties', 200),
  declaraties_verzenden: wijzigen('declaraties', 200),
  declaraties_betaald_melden: wijzigen('declaraties', 200),
  declaraties_corrigeren: wijzigen('declaraties', 201),
}

// ---------------------------------------------------------------------------------
// The OpenAPI document's operations

interface Operation {
  method: string
  path: string
  operationId: string
  /** The registry resource (or other collection) the path starts with. */
  collection: string
  hasId: boolean
  /** Names of its query parameters. */
  query: string[]
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']

type Doc = { paths: Record<string, Record<string, { operationId?: string; parameters?: { name: string; in: string }[] }>> }

function operationsOf(doc: Doc): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId ?? `${method.toUpperCase()} ${path}`,
        collection: path.split('/')[1] ?? '',
        hasId: path.includes('{id}'),
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      })),
  )
}

const isRegistry = (collection: string): collection is Resource => (RESOURCES as readonly string[]).includes(collection)
/** Which operations are tried for both the own and the other organisation. */
const scopesOf = (op: Operation): (Scope | undefined)[] =>
  op.hasId || op.path.includes('{slug}') || (isRegistry(op.collection) && op.method === 'POST') ? ['eigen', 'ander'] : [undefined]

// ---------------------------------------------------------------------------------
// The world

let server: TestServer
let base: string
let operations: Operation[]

const cbsCodes = [...gemeenten().keys()]
let nextCbs = 0
const cbsCode = () => cbsCodes[nextCbs++]

type Obj = { id: string } & Record<string, unknown>
interface Side {
  org: Obj
  partner: Obj
  samenwerking: Obj
  gastheerschap: Obj
  app: Obj
  app2: Obj
  koppeling: Obj
  verdeelsleutel: Obj
  kostenpost: Obj
  maatstafwaarde: Obj
  referentiewaarde: Obj
  referentiecomponent: Obj
  scenario: Obj
  scenario2: Obj
  /** Impact analyses drafted by this side's organisation: its partner leaves its samenwerking. */
  impactscenario: Obj
  impactscenario2: Obj
  /** A supplier of this side: the party of its evidence, contract and grant. */
  leverancier: Obj
  bewijsstuk: Obj
  contract: Obj
  toegang: Obj
  vertrouwensbeleid: Obj
  /** A check of this side's koppeling, a maintenance window of that check, and a notification channel of this side's organisation. */
  controle: Obj
  onderhoudsvenster: Obj
  meldingskanaal: Obj
  /** An open storing of this side's controle (written as the scheduler would, once both sides exist). */
  storing: string
  /** The address of this side's samenwerking's status page, published once both sides exist. */
  statuspaginaSlug: string
  /** A finding under this side's policy, about its supplier (found once both sides exist). */
  bevinding: string
  /** A declaratie from org to partner (made once both sides exist). */
  declaratie: string
  /** A user with a role at this organisation (the target of /gebruikers/{id}). */
  gebruiker: { id: string }
  /** A user of this organisation with an API token (the target of /gebruikers/{id}/api-tokens). */
  tokenhouder: { id: string; tokenId: string }
}
const world = {} as Record<Scope, Side>
/** Inputs the world's objects were made from, for PUT. */
const inputs = new Map<string, Record<string, unknown>>()
/** Ids of the other organisation's registry objects (organisaties excepted): must never reach a non-admin. */
const anderIds = new Set<string>()

interface Actor {
  wie: Exclude<Wie, 'anoniem'>
  ip: string
  gebruikersnaam: string
  wachtwoord: string
  session: Session
  token: string
}
const actors = new Map<Wie, Actor>()
let anonIp: string
let loginUser: { gebruikersnaam: string; wachtwoord: string }
/** A token of someone else, for "revoke another's token". */
let buurTokenId: string

async function made(path: Resource, input: Record<string, unknown>, scope: Scope): Promise<Obj> {
  const o = await create(base, path, input)
  inputs.set(o.id, input)
  if (scope === 'ander' && !voorIedereenZichtbaar(path)) anderIds.add(o.id)
  return o
}

async function buildSide(scope: Scope): Promise<Side> {
  const gemeente = () => buildOrganisatie({ type: 'gemeente', naam: `Gemeente ${scope} ${randomUUID().slice(0, 6)}`, cbsCode: cbsCode() })
  const org = await made('organisaties', gemeente(), scope)
  const partner = await made('organisaties', gemeente(), scope)
  const samenwerking = await made(
    'samenwerkingen',
    buildSamenwerking({ leden: [{ organisatieId: org.id }, { organisatieId: partner.id }] }),
    scope,
  )
  const gastheerschap = await made(
    'gastheerschappen',
    buildGastheerschap({ gastheerId: org.id, afnemerIds: [partner.id], samenwerkingId: samenwerking.id }),
    scope,
  )
  const app = await made('applicaties', buildApplicatie({ inGebruikBij: [org.id] }), scope)
  const app2 = await made('applicaties', buildApplicatie({ inGebruikBij: [org.id] }), scope)
  const koppeling = await made(
    'koppelingen',
    buildKoppeling({ bronApplicatieId: app.id, doelApplicatieId: app2.id, eigenaarId: org.id, gastheerschapId: gastheerschap.id }),
    scope,
  )
  const gebruiker = await createGebruiker(base, server.adminToken, [{ rol: 'lezer', organisatieId: org.id }], { wachtwoord: null })
  const houder = await createGebruiker(base, server.adminToken, [{ rol: 'lezer', organisatieId: org.id }], { prefix: 'tokenhouder' })
  const houderIp = nextClientIp()
  const houderSessie = await login(base, houder.gebruikersnaam, houder.wachtwoord, houderIp)
  const tokenhouder = { id: houder.id, tokenId: (await createApiToken(base, houderSessie, ['lezen'], { ip: houderIp })).id }
  const verdeelsleutel = await made('verdeelsleutels', sleutelBody(samenwerking.id), scope)
  const kostenpost = await made('kostenposten', kostenpostBody(gastheerschap.id, verdeelsleutel.id), scope)
  const maatstafwaarde = await made('maatstafwaarden', maatstafBody(org.id), scope)
  const referentiewaarde = await made('referentiewaarden', referentieBody(), scope)
  const referentiecomponent = await made('referentiecomponenten', referentiecomponentBody(), scope)
  const scenario = await made('scenarios', scenarioBody(org.id, partner.id), scope)
  const scenario2 = await made('scenarios', scenarioBody(org.id, partner.id), scope)
  const impactscenario = await made('scenarios', impactBody(org.id, partner.id, samenwerking.id), scope)
  const impactscenario2 = await made('scenarios', impactBody(org.id, partner.id, samenwerking.id), scope)
  const leverancier = await made('organisaties', buildOrganisatie(), scope)
  const bewijsstuk = await made('bewijsstukken', bewijsBody(org.id), scope)
  await uploadPdf(bewijsstuk.id)
  const contract = await made('contracten', contractBody(org.id, leverancier.id, app.id), scope)
  const toegang = await made('toegangen', toegangBody(org.id, leverancier.id, app.id), scope)
  const vertrouwensbeleid = await made('vertrouwensbeleid', beleidBody(org.id), scope)
  const controle = await made('controles', controleBody(koppeling.id), scope)
  const onderhoudsvenster = await made('onderhoudsvensters', vensterBody(controle.id), scope)
  const meldingskanaal = await made('meldingskanalen', kanaalBody(org.id), scope)
  return {
    org,
    partner,
    samenwerking,
    gastheerschap,
    app,
    app2,
    koppeling,
    verdeelsleutel,
    kostenpost,
    maatstafwaarde,
    referentiewaarde,
    referentiecomponent,
    scenario,
    scenario2,
    impactscenario,
    impactscenario2,
    leverancier,
    bewijsstuk,
    contract,
    toegang,
    vertrouwensbeleid,
    controle,
    onderhoudsvenster,
    meldingskanaal,
    storing: '',
    statuspaginaSlug: '',
    bevinding: '',
    declaratie: '',
    gebruiker,
    tokenhouder,
  }
}

const impactBody = (opsteller: string, wie: string, samenwerkingId: string) => ({
  naam: `Impact ${randomUUID().slice(0, 6)}`,
  soort: 'impactanalyse',
  invoer: { opstellerId: opsteller, wijzigingen: [{ soort: 'uittreden', datum: '2030-01-01', organisatieId: wie, samenwerkingId }] },
})

const scenarioBody = (a: string, b: string) => ({
  naam: `Scenario ${randomUUID().slice(0, 6)}`,
  soort: 'nieuwe samenwerking',
  invoer: {
    deelnemers: [
      { organisatieId: a, huidigeKosten: { eenmalig: 0, jaarlijks: 100_000 } },
      { organisatieId: b, huidigeKosten: { eenmalig: 0, jaarlijks: 80_000 } },
    ],
    gezamenlijk: { eenmalig: 50_000, jaarlijks: 120_000 },
    verdeling: { soort: 'gelijke delen' },
    horizonJaren: 5,
    disconteringsvoet: 3,
  },
})

const sleutelBody = (samenwerkingId: string) => ({
  naam: `Sleutel ${randomUUID().slice(0, 6)}`,
  samenwerkingId,
  versies: [{ geldigVanaf: 2020, regel: { soort: 'gelijke delen' } }],
})
const kostenpostBody = (gastheerschapId: string, verdeelsleutelId: string) => ({
  omschrijving: `Post ${randomUUID().slice(0, 6)}`,
  gastheerschapId,
  periode: '2024-Q2',
  soort: 'structureel',
  categorie: 'hosting',
  begroting: 100_001,
  verdeelsleutelId,
})
const maatstafBody = (organisatieId: string) => ({
  organisatieId,
  maatstaf: `maatstaf ${randomUUID().slice(0, 6)}`,
  jaar: 2024,
  waarde: 12,
})
/** Evidence about an organisation; its own scope, so two never overlap. */
const bewijsBody = (organisatieId: string) => ({
  organisatieId,
  soort: 'pentest',
  uitgever: 'Pentester',
  geldigVanaf: '2025-01-01',
  scope: `Pentest ${randomUUID().slice(0, 8)}`,
})
const contractBody = (afnemerId: string, leverancierId: string, applicatieId: string) => ({
  leverancierId,
  afnemerId,
  omschrijving: `Contract ${randomUUID().slice(0, 6)}`,
  startdatum: '2024-01-01',
  opzegtermijnMaanden: 3,
  auditrecht: true,
  exitstrategie: true,
  applicatieIds: [applicatieId],
  koppelingIds: [],
})
const toegangBody = (verleendDoorId: string, partijId: string, applicatieId: string) => ({
  partijId,
  object: { soort: 'applicatie', id: applicatieId },
  doel: `Beheer ${randomUUID().slice(0, 6)}`,
  verleendDoorId,
  geldigVanaf: '2024-01-01',
})
/** A policy of one organisation: a yearly review of every grant (BIO 9.2.5). */
const beleidBody = (eigenaarId: string) => ({
  eigenaarId,
  naam: `Beleid ${randomUUID().slice(0, 6)}`,
  samenwerkingIds: [],
  regels: [{ id: 'herbeoordeling', soort: 'herbeoordeling', ernst: 'middel', maatregel: 'BIO 9.2.5', maxMaanden: 12 }],
  bevestigGevolgen: true,
})
/** Written into every controle's secret header and every webhook URL: no response may ever show it. */
const GEHEIM = `geheim-${randomUUID()}`
/**
 * An HTTP check of a koppeling, with a secret header. The address is loopback, which the
 * server neither probes nor posts to unless told: whatever the matrix calls, nothing leaves.
 */
const controleBody = (koppelingId: string) => ({
  naam: `Controle ${randomUUID().slice(0, 6)}`,
  koppelingId,
  soort: 'http',
  url: 'http://127.0.0.1:9/gezondheid',
  intervalSeconden: 300,
  timeoutMs: 5000,
  geheimen: { headers: { Authorization: `Bearer ${GEHEIM}` } },
})
const vensterBody = (controleId: string) => ({
  reden: `Upgrade ${randomUUID().slice(0, 6)}`,
  van: '2030-01-01T22:00:00+01:00',
  tot: '2030-01-02T02:00:00+01:00',
  controleId,
})
/** A Teams webhook of an organisation; its URL carries the token (loopback, like the check's). */
const kanaalBody = (organisatieId: string) => ({
  naam: `Teams ${randomUUID().slice(0, 6)}`,
  organisatieId,
  soort: 'webhook',
  formaat: 'teams',
  webhookUrl: `http://127.0.0.1:9/webhookb2/${GEHEIM}`,
  gebeurtenissen: ['storing-geopend', 'storing-hersteld'],
})
/**
 * A fresh finding under the side's policy: a new grant to its supplier, never reviewed,
 * evaluated now as the jobs do (a grant approved by another cell closes its finding).
 */
async function verseBevinding(scope: Scope): Promise<string> {
  const toegang = await made('toegangen', createBody('toegangen', scope), scope)
  await createServices(server.database.handle.db).bevindingen.herevalueer()
  const lijst = await call<{ resultaten: { id: string; toegangId?: string }[] }>(
    base,
    'GET',
    `/bevindingen?partijId=${world[scope].leverancier.id}&eigenaarId=${world[scope].org.id}&paginaGrootte=200`,
  )
  const id = lijst.body.resultaten?.find((b) => b.toegangId === toegang.id)?.id
  if (lijst.status !== 200 || !id) throw new Error(`bevinding ${scope}: ${lijst.status} ${JSON.stringify(lijst.body)}`)
  if (scope === 'ander') anderIds.add(id)
  return id
}
/**
 * An open storing of the side's controle, written straight into the database as the
 * scheduler does after three failed metingen: the API only reads storingen and adds lines.
 */
async function maakStoring(scope: Scope): Promise<string> {
  const nu = Date.now()
  const { id } = await server.database.handle.db
    .insertInto('storing')
    .values({
      controle_id: world[scope].controle.id,
      begonnen_op: new Date(nu - 15 * 60_000),
      geopend_op: new Date(nu - 5 * 60_000),
      meetsoort: 'time-out',
      reden: JSON.stringify({ nl: 'Geen antwoord binnen 5 s.', en: 'No answer within 5 s.' }),
      tijdlijn: JSON.stringify([{ op: nu - 5 * 60_000, soort: 'geopend', meetsoort: 'time-out' }]),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (scope === 'ander') anderIds.add(id)
  return id
}
/** Publishes the status page of the side's samenwerking under a slug of its own (as the admin). */
async function publiceerStatuspagina(scope: Scope): Promise<string> {
  const slug = `matrix-${scope}-${randomUUID().slice(0, 8)}`
  const r = await call(base, 'PUT', `/samenwerkingen/${world[scope].samenwerking.id}/statuspagina`, statuspaginaBody(slug))
  if (r.status !== 200) throw new Error(`statuspagina ${scope}: ${r.status} ${JSON.stringify(r.body)}`)
  return slug
}
const statuspaginaBody = (slug: string) => ({ openbaar: true, slug, titel: `Status ${slug}` })
const PDF = '%PDF-1.7\n%%EOF\n'
/** Gives a bewijsstuk an upload, as the admin. */
async function uploadPdf(id: string): Promise<void> {
  const r = await send(base, 'PUT', `/bewijsstukken/${id}/bijlage`, {
    token: server.adminToken,
    body: PDF,
    headers: { 'content-type': 'application/pdf' },
  })
  if (r.status !== 200) throw new Error(`upload: ${r.status} ${r.text}`)
}
/** A one-application exchange file: a dry run of it writes nothing. */
const ARCHIMATE = `<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m-1">
  <name>Matrix</name>
  <elements><element identifier="e-1" xsi:type="ApplicationComponent"><name>Matrixapplicatie</name></element></elements>
</model>`
const referentieBody = () => ({ naam: `Referentie ${randomUUID().slice(0, 6)}`, jaar: 2024, kostenPerInwoner: 7_000 })
const referentiecomponentBody = () => ({ naam: `Referentiecomponent ${randomUUID().slice(0, 8)}` })

/** A body for POST that belongs to one side. */
function createBody(r: Resource, scope: Scope): Record<string, unknown> {
  const s = world[scope]
  switch (r) {
    case 'organisaties':
      // Eigen: a supplier, which any beheerder may keep; ander: a gemeente, responsible for itself.
      return scope === 'eigen' ? buildOrganisatie() : buildOrganisatie({ type: 'gemeente', cbsCode: cbsCode() })
    case 'samenwerkingen':
      return buildSamenwerking({ leden: [{ organisatieId: s.org.id }] })
    case 'gastheerschappen':
      return buildGastheerschap({ gastheerId: s.org.id, afnemerIds: [s.partner.id] })
    case 'applicaties':
      return buildApplicatie({ inGebruikBij: [s.org.id] })
    case 'koppelingen':
      // The matrix makes more samenwerkingen with this organisation: name the koppeling's (issue 20.4).
      return buildKoppeling({
        bronApplicatieId: s.app.id,
        doelApplicatieId: s.app2.id,
        eigenaarId: s.org.id,
        samenwerkingId: s.samenwerking.id,
      })
    case 'verdeelsleutels':
      return sleutelBody(s.samenwerking.id)
    case 'kostenposten':
      return kostenpostBody(s.gastheerschap.id, s.verdeelsleutel.id)
    case 'maatstafwaarden':
      return maatstafBody(s.org.id)
    case 'referentiewaarden':
      return referentieBody()
    case 'referentiecomponenten':
      return referentiecomponentBody()
    case 'scenarios':
      return scenarioBody(s.org.id, s.partner.id)
    case 'bewijsstukken':
      return bewijsBody(s.org.id)
    case 'contracten':
      return contractBody(s.org.id, s.leverancier.id, s.app.id)
    case 'toegangen':
      return toegangBody(s.org.id, s.leverancier.id, s.app.id)
    case 'vertrouwensbeleid':
      return beleidBody(s.org.id)
    case 'controles':
      return controleBody(s.koppeling.id)
    case 'onderhoudsvensters':
      return vensterBody(s.controle.id)
    case 'meldingskanalen':
      return kanaalBody(s.org.id)
  }
}

const worldObject = (r: Resource, scope: Scope): Obj => {
  const s = world[scope]
  return {
    organisaties: s.org,
    samenwerkingen: s.samenwerking,
    gastheerschappen: s.gastheerschap,
    applicaties: s.app,
    koppelingen: s.koppeling,
    verdeelsleutels: s.verdeelsleutel,
    kostenposten: s.kostenpost,
    maatstafwaarden: s.maatstafwaarde,
    referentiewaarden: s.referentiewaarde,
    referentiecomponenten: s.referentiecomponent,
    scenarios: s.scenario,
    bewijsstukken: s.bewijsstuk,
    contracten: s.contract,
    toegangen: s.toegang,
    vertrouwensbeleid: s.vertrouwensbeleid,
    controles: s.controle,
    onderhoudsvensters: s.onderhoudsvenster,
    meldingskanalen: s.meldingskanaal,
  }[r]
}

// ---------------------------------------------------------------------------------
// Requests

interface Cell {
  op: Operation
  caller: Caller
  scope?: Scope
  expected: number
  status: number
  reply: Reply
  /** The id put in the path, if any. */
  id?: string
}
const cells: Cell[] = []
const missingFixture: string[] = []

let verseMaanden = 0
/**
 * A declaratie of one side in the state an action needs, made by the admin: a kostenpost
 * in a month of its own (so no other declaratie overlaps it), generated, and moved on.
 * For a correction the post changes after finalising, so there is a difference to correct.
 */
async function verseDeclaratie(scope: Scope, status: 'concept' | 'definitief' | 'verzonden', teCorrigeren = false): Promise<string> {
  const n = verseMaanden++
  const periode = `${2025 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`
  const s = world[scope]
  const post = await create(base, 'kostenposten', { ...kostenpostBody(s.gastheerschap.id, s.verdeelsleutel.id), periode })
  const gen = await call<{ gegenereerd: { id: string }[] }>(base, 'POST', '/declaraties/_genereren', { periode, vanId: s.org.id })
  const id = gen.body.gegenereerd?.[0]?.id
  if (gen.status !== 200 || !id) throw new Error(`genereren ${periode}: ${gen.status} ${JSON.stringify(gen.body)}`)
  if (scope === 'ander') anderIds.add(id)
  const stap = async (pad: string) => {
    const r = await call(base, 'POST', `/declaraties/${id}/${pad}`, pad === 'betaald-melden' ? {} : undefined)
    if (r.status !== 200) throw new Error(`${pad}: ${r.status} ${JSON.stringify(r.body)}`)
  }
  if (status !== 'concept') await stap('definitief-maken')
  if (status === 'verzonden') await stap('verzenden')
  if (teCorrigeren) {
    const r = await call(base, 'PATCH', `/kostenposten/${post.id}`, { begroting: 200_002 })
    if (r.status !== 200) throw new Error(`kostenpost wijzigen: ${r.status}`)
  }
  return id
}

const partnerTokens = new Map<Scope, string>()
/** A token of a beheerder of the partner of a side. */
async function partnerToken(scope: Scope): Promise<string> {
  const s = world[scope]
  let token = partnerTokens.get(scope)
  if (!token) {
    const ip = nextClientIp()
    const g = await createGebruiker(base, server.adminToken, [{ rol: 'beheerder', organisatieId: s.partner.id }], { prefix: 'partner' })
    token = (await createApiToken(base, await login(base, g.gebruikersnaam, g.wachtwoord, ip), ['lezen', 'schrijven'], { ip })).token
    partnerTokens.set(scope, token)
  }
  return token
}

/**
 * A samenwerking in which the organisation of a side is invited but has not confirmed:
 * declared by a beheerder of its partner, so only the partner's lid is confirmed.
 */
async function uitnodiging(scope: Scope): Promise<string> {
  const s = world[scope]
  const token = await partnerToken(scope)
  const res = await send<Obj>(base, 'POST', '/samenwerkingen', {
    token,
    body: buildSamenwerking({ leden: [{ organisatieId: s.partner.id }, { organisatieId: s.org.id }] }),
  })
  if (res.status !== 201) throw new Error(`uitnodiging: ${res.status} ${res.text}`)
  if (scope === 'ander') anderIds.add(res.body.id)
  return res.body.id
}

/**
 * A gastheerschap of which the organisation of a side is afnemer but has not confirmed:
 * its partner hosts it, and the partner's beheerder named the side's organisation.
 */
async function afnemerUitnodiging(scope: Scope): Promise<string> {
  const s = world[scope]
  const res = await send<Obj>(base, 'POST', '/gastheerschappen', {
    token: await partnerToken(scope),
    body: buildGastheerschap({ gastheerId: s.partner.id, afnemerIds: [s.org.id] }),
  })
  if (res.status !== 201) throw new Error(`afnemerUitnodiging: ${res.status} ${res.text}`)
  if (scope === 'ander') anderIds.add(res.body.id)
  return res.body.id
}

async function idFor(op: Operation, caller: Caller, scope: Scope): Promise<string> {
  if (op.operationId === 'samenwerkingen_leden_bevestigen') return uitnodiging(scope)
  if (op.operationId === 'gastheerschappen_afnemers_bevestigen') return afnemerUitnodiging(scope)
  // Removing an upload takes a fresh bewijsstuk with one each time.
  if (op.operationId === 'bewijsstukken_bijlage_verwijderen') {
    const b = await made('bewijsstukken', createBody('bewijsstukken', scope), scope)
    await uploadPdf(b.id)
    return b.id
  }
  if (op.operationId === 'bevindingen_risico_accepteren') return verseBevinding(scope)
  if (op.operationId === 'impact_uitkomst' || op.operationId === 'impact_rapport') return world[scope].impactscenario.id
  if (op.collection === 'bevindingen') return world[scope].bevinding
  if (op.collection === 'storingen') return world[scope].storing
  // Removing the override of the world's koppeling, not deleting a fresh one.
  if (op.operationId === 'koppelingen_werking_wissen') return world[scope].koppeling.id
  if (op.collection === 'declaraties') {
    switch (op.operationId) {
      case 'declaraties_lezen':
      case 'declaraties_exporteren':
      case 'declaraties_correctievoorstel':
        return world[scope].declaratie
      case 'declaraties_verzenden':
        return verseDeclaratie(scope, 'definitief')
      case 'declaraties_betaald_melden':
        return verseDeclaratie(scope, 'verzonden')
      case 'declaraties_corrigeren':
        return verseDeclaratie(scope, 'definitief', true)
      default:
        return verseDeclaratie(scope, 'concept')
    }
  }
  if (isRegistry(op.collection)) {
    // Deleting takes a fresh object of the same kind each time, so the world stays whole.
    // Organisations are kept: they are the callers' own, and have dependants (409).
    if (op.method === 'DELETE' && op.collection !== 'organisaties')
      return (await made(op.collection, createBody(op.collection, scope), scope)).id
    return worldObject(op.collection, scope).id
  }
  if (op.collection === 'gebruikers') {
    if (op.path.includes('/api-tokens')) return world[scope].tokenhouder.id
    if (op.method === 'DELETE') {
      const g = await createGebruiker(base, server.adminToken, [{ rol: 'lezer', organisatieId: world[scope].org.id }], { wachtwoord: null })
      return g.id
    }
    return world[scope].gebruiker.id
  }
  if (op.collection === 'api-tokens') {
    const actor = caller.wie === 'anoniem' ? undefined : actors.get(caller.wie)
    if (scope === 'eigen' && actor) return (await createApiToken(base, actor.session, ['lezen'], { ip: actor.ip })).id
    return buurTokenId
  }
  throw new Error(`no fixture for {id} in ${op.method} ${op.path}`)
}

/** The text field a PATCH changes, where it is not `toelichting`. */
const PATCH_VELD: Partial<Record<Resource, string>> = {
  maatstafwaarden: 'bron',
  contracten: 'beveiligingseisen',
  toegangen: 'doel',
  vertrouwensbeleid: 'naam',
  controles: 'naam',
  onderhoudsvensters: 'reden',
  meldingskanalen: 'naam',
}

function bodyFor(op: Operation, scope: Scope | undefined, id: string | undefined): unknown {
  const verlooptOp = new Date(Date.now() + 86_400_000).toISOString()
  switch (op.operationId) {
    case 'sessie_openen':
      return { gebruikersnaam: loginUser.gebruikersnaam, wachtwoord: loginUser.wachtwoord }
    case 'setup':
      return { token: 'rku_verzonnen', gebruikersnaam: 'indringer', naam: 'Indringer', wachtwoord: 'een lang wachtwoord' }
    case 'api_tokens_aanmaken':
      return { naam: 'matrix', scopes: ['lezen'], verlooptOp }
    case 'gebruikers_aanmaken':
      return {
        gebruikersnaam: `matrix-${randomUUID().slice(0, 8)}`,
        naam: 'Matrix',
        rollen: [{ rol: 'lezer', organisatieId: world.eigen.org.id }],
      }
    case 'gebruikers_bijwerken':
      return { naam: `Gewijzigd ${randomUUID().slice(0, 4)}` }
    case 'declaraties_genereren':
      return { periode: '2024-Q2' }
    case 'declaraties_bijwerken':
      return { toelichting: `matrix ${randomUUID().slice(0, 4)}` }
    case 'declaraties_betaald_melden':
      return {}
    case 'declaraties_definitief_maken':
    case 'declaraties_verzenden':
    case 'declaraties_corrigeren':
    case 'samenwerkingen_leden_bevestigen':
    case 'gastheerschappen_afnemers_bevestigen':
      return undefined
    case 'bewijsstukken_bijlage_plaatsen':
      return PDF
    case 'archimate_importeren':
      return ARCHIMATE
    case 'toegangen_herbeoordelen':
      return { besluit: 'goedkeuren' }
    case 'vertrouwensbeleid_voorvertoning': {
      const { bevestigGevolgen: _, ...beleid } = beleidBody(world[scope as Scope].org.id)
      return { beleid }
    }
    case 'bevindingen_risico_accepteren':
      return { reden: 'Vervangen in 2027', eigenaar: 'CISO', einddatum: '2027-06-30' }
    case 'uitbestedingstoets':
      return { organisatieId: world.eigen.org.id, applicatieIds: [world.eigen.app.id], partijId: world.eigen.leverancier.id }
    case 'impact_voorvertoning':
      return impactBody(world.eigen.org.id, world.eigen.partner.id, world.eigen.samenwerking.id).invoer
    case 'controles_uitvoeren':
    case 'meldingskanalen_test':
      return undefined
    // A note can be written on an open or closed storing, as often as wanted.
    case 'storingen_tijdlijn_aanvullen':
      return { soort: 'notitie', tekst: `Leverancier gebeld ${randomUUID().slice(0, 4)}` }
    case 'koppelingen_werking_zetten':
      return { status: 'verstoord', reden: 'Leverancier meldt vertraging' }
    // The same slug each time, so the page stays published for status_openbaar.
    case 'samenwerkingen_statuspagina_instellen':
      return statuspaginaBody(world[scope as Scope].statuspaginaSlug)
  }
  if (isRegistry(op.collection) && scope) {
    if (op.method === 'POST') return createBody(op.collection, scope)
    if (op.method === 'PUT') return inputs.get(id as string)
    if (op.method === 'PATCH') return { [PATCH_VELD[op.collection] ?? 'toelichting']: `matrix ${randomUUID().slice(0, 4)}` }
  }
  if (op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH') throw new Error(`no fixture for the body of ${op.operationId}`)
  return undefined
}

async function credentialsFor(op: Operation, caller: Caller): Promise<{ ip: string; session?: Session; token?: string }> {
  if (caller.wie === 'anoniem') return { ip: anonIp }
  const actor = actors.get(caller.wie) as Actor
  if (caller.via === 'token') return { ip: actor.ip, token: actor.token }
  // Logging out ends the session: use one of its own.
  if (op.operationId === 'sessie_sluiten')
    return { ip: actor.ip, session: await login(base, actor.gebruikersnaam, actor.wachtwoord, actor.ip) }
  return { ip: actor.ip, session: actor.session }
}

async function runCell(op: Operation, caller: Caller, scope: Scope | undefined): Promise<void> {
  const rule = POLICY[op.operationId]
  if (!rule) return
  let id: string | undefined
  let path = op.path
  let body: unknown
  try {
    if (op.hasId) {
      id = await idFor(op, caller, scope as Scope)
      path = path.replace('{id}', id)
      if (op.path.includes('{organisatieId}')) path = path.replace('{organisatieId}', world[scope as Scope].org.id)
      if (op.path.includes('{tokenId}')) path = path.replace('{tokenId}', world[scope as Scope].tokenhouder.tokenId)
    }
    if (op.path.includes('{slug}')) path = path.replace('{slug}', world[scope as Scope].statuspaginaSlug)
    if (/\{[^}]+\}/.test(path)) throw new Error(`no fixture for the parameters of ${op.path}`)
    // Whole lists on one page, so the checks below see everything a caller is shown.
    if (op.query.includes('paginaGrootte')) path += '?paginaGrootte=200'
    if (op.operationId === 'scenarios_vergelijking') path += `?ids=${world.eigen.scenario.id},${world.eigen.scenario2.id}`
    if (op.operationId === 'impact_vergelijking') path += `?ids=${world.eigen.impactscenario.id},${world.eigen.impactscenario2.id}`
    if (op.operationId === 'declaraties_exporteren') path += '?formaat=csv'
    if (op.operationId === 'samenwerkingen_transparantieverslag' || op.operationId === 'benchmark') path += '?jaar=2024'
    if (op.operationId === 'samenwerkingen_transparantieverslag_export') path += '?jaar=2024&formaat=xlsx'
    if (op.operationId === 'archimate_importeren') path += '?proef=true'
    if (op.operationId === 'harmonisatie') path += `?samenwerkingId=${world.eigen.samenwerking.id}`
    body = bodyFor(op, scope, id)
  } catch (e) {
    missingFixture.push(`${op.operationId}: ${(e as Error).message}`)
    return
  }
  // An upload is the file itself.
  const headers =
    op.operationId === 'bewijsstukken_bijlage_plaatsen'
      ? { 'content-type': 'application/pdf' }
      : op.operationId === 'archimate_importeren'
        ? { 'content-type': 'application/xml' }
        : undefined
  const reply = await send(base, op.method, path, { ...(await credentialsFor(op, caller)), body, headers })
  cells.push({ op, caller, scope, expected: rule(caller, scope), status: reply.status, reply, id })
  // Evidence a non-admin registers about the other side is its own to see (it registered it).
  const eigenRegistratie = op.collection === 'bewijsstukken' && isNonAdmin(caller)
  if (
    reply.status === 201 &&
    scope === 'ander' &&
    isRegistry(op.collection) &&
    !voorIedereenZichtbaar(op.collection) &&
    !eigenRegistratie
  ) {
    anderIds.add((reply.body as Obj).id)
  }
}

const callers = (): Caller[] => [
  { wie: 'anoniem' },
  ...(['admin', ...ROLLEN] as const).flatMap((wie) => (['sessie', 'token'] as const).map((via) => ({ wie, via }))),
]
const label = (c: Cell) => `${c.op.operationId} ${c.caller.wie}${c.caller.via ? `/${c.caller.via}` : ''}${c.scope ? ` ${c.scope}` : ''}`
const isNonAdmin = (c: Caller) => c.wie !== 'admin' && c.wie !== 'anoniem'

beforeAll(async () => {
  server = await startServer()
  base = server.base
  const doc = await send<Doc>(base, 'GET', '/openapi.json')
  if (doc.status !== 200) throw new Error(`openapi.json: ${doc.status}`)
  operations = operationsOf(doc.body)

  world.eigen = await buildSide('eigen')
  world.ander = await buildSide('ander')
  for (const scope of ['eigen', 'ander'] as const) world[scope].declaratie = await verseDeclaratie(scope, 'definitief')
  for (const scope of ['eigen', 'ander'] as const) world[scope].bevinding = await verseBevinding(scope)
  for (const scope of ['eigen', 'ander'] as const) world[scope].storing = await maakStoring(scope)
  for (const scope of ['eigen', 'ander'] as const) world[scope].statuspaginaSlug = await publiceerStatuspagina(scope)
  anonIp = nextClientIp()

  const users: [Exclude<Wie, 'anoniem'>, { rol: string; organisatieId?: string }[]][] = [
    ['admin', [{ rol: 'admin' }]],
    ...ROLLEN.map((rol): [Rol, { rol: string; organisatieId: string }[]] => [rol, [{ rol, organisatieId: world.eigen.org.id }]]),
  ]
  for (const [wie, rollen] of users) {
    const ip = nextClientIp()
    const g = await createGebruiker(base, server.adminToken, rollen, { prefix: wie })
    const session = await login(base, g.gebruikersnaam, g.wachtwoord, ip)
    const scopes = wie === 'admin' ? ['lezen', 'schrijven', 'beheer'] : ['lezen', 'schrijven']
    const { token } = await createApiToken(base, session, scopes, { ip })
    actors.set(wie, { wie, ip, gebruikersnaam: g.gebruikersnaam, wachtwoord: g.wachtwoord, session, token })
  }
  loginUser = await createGebruiker(base, server.adminToken, [{ rol: 'lezer', organisatieId: world.eigen.org.id }], { prefix: 'inlog' })
  const buur = await createGebruiker(base, server.adminToken, [{ rol: 'beheerder', organisatieId: world.ander.org.id }], { prefix: 'buur' })
  const buurIp = nextClientIp()
  buurTokenId = (await createApiToken(base, await login(base, buur.gebruikersnaam, buur.wachtwoord, buurIp), ['lezen'], { ip: buurIp })).id

  for (const op of operations) {
    for (const caller of callers()) {
      for (const scope of scopesOf(op)) await runCell(op, caller, scope)
    }
  }
  // Every operation × 11 callers × one or two objects, one request after another: about 90 s on a quiet 2-core machine, more on a busy one.
}, 300_000)
afterAll(async () => server?.close())

// ---------------------------------------------------------------------------------

describe('authorization matrix from the OpenAPI document', () => {
  it('has a policy for every operation in the document, and no policy for an operation that is gone', () => {
    expect(operations.length).toBeGreaterThan(40)
    const ids = operations.map((o) => o.operationId)
    expect(new Set(ids).size, 'operationIds are unique').toBe(ids.length)
    const withoutPolicy = operations.filter((o) => !POLICY[o.operationId]).map((o) => `${o.method} ${o.path} (${o.operationId})`)
    expect(withoutPolicy, 'new endpoint without policy').toEqual([])
    expect(
      Object.keys(POLICY).filter((id) => !ids.includes(id)),
      'policy for an operation not in the document',
    ).toEqual([])
    expect(missingFixture, 'operation the matrix cannot call').toEqual([])
  })

  it('answers every operation × caller × own/other object as the table says', () => {
    expect(cells.length).toBeGreaterThan(500)
    const wrong = cells.filter((c) => c.status !== c.expected).map((c) => `${label(c)}: expected ${c.expected}, got ${c.status}`)
    expect(wrong).toEqual([])
  })

  it('answers every refusal and error as problem+json, never with a 5xx', () => {
    const bad = cells
      .filter((c) => c.status >= 500 || (c.status >= 400 && !c.reply.contentType.startsWith('application/problem+json')))
      .map((c) => `${label(c)}: ${c.status} ${c.reply.contentType}`)
    expect(bad).toEqual([])
  })

  it("answers 404, not 403, to a non-admin for the other organisation's objects, reading and writing", () => {
    const leaks = cells
      .filter(
        (c) =>
          isNonAdmin(c.caller) &&
          c.scope === 'ander' &&
          c.op.hasId &&
          (isRegistry(c.op.collection) || c.op.collection === 'declaraties' || c.op.collection === 'storingen'),
      )
      .filter((c) => !voorIedereenZichtbaar(c.op.collection as Resource) && c.status !== 404)
      .map((c) => `${label(c)}: ${c.status}`)
    expect(leaks).toEqual([])
  })

  it("never shows a non-admin an id of the other organisation's objects (lists, relations, single objects)", () => {
    expect(anderIds.size).toBeGreaterThan(10)
    const leaks: string[] = []
    for (const c of cells) {
      if (!isNonAdmin(c.caller) || c.status >= 300 || c.op.operationId === 'auditlog_lijst') continue
      const seen = [...anderIds].filter((id) => c.reply.text.includes(id))
      if (seen.length > 0) leaks.push(`${label(c)} shows ${seen.length} object(s) of the other organisation`)
    }
    expect(leaks).toEqual([])
  })

  it('lists what the caller may see: own objects appear in every signed-in list', () => {
    const missing: string[] = []
    for (const c of cells.filter((x) => x.op.operationId.endsWith('_lijst') && isRegistry(x.op.collection) && x.status === 200)) {
      const ids = ((c.reply.body as { resultaten: Obj[] }).resultaten ?? []).map((o) => o.id)
      const own = worldObject(c.op.collection as Resource, 'eigen').id
      if (!ids.includes(own)) missing.push(label(c))
    }
    expect(missing).toEqual([])
  })

  it('shows every signed-in caller its own controle, storing and koppeling in the monitoring overview, the storingen and the availability', () => {
    const own: Record<string, string> = {
      monitoring_overzicht: world.eigen.controle.id,
      storingen_lijst: world.eigen.storing,
      beschikbaarheid_maand: world.eigen.koppeling.id,
    }
    const checked = cells.filter((c) => own[c.op.operationId] !== undefined && c.status === 200)
    expect(checked.length).toBe(3 * callers().filter((c) => c.wie !== 'anoniem').length)
    const missing = checked.filter((c) => !c.reply.text.includes(own[c.op.operationId] as string)).map(label)
    expect(missing).toEqual([])
  })

  it('shows toegestaneActies on GET that match what a write actually allows', () => {
    const find = (operationId: string, caller: Caller, scope: Scope | undefined) =>
      cells.find((c) => c.op.operationId === operationId && c.caller.wie === caller.wie && c.caller.via === caller.via && c.scope === scope)
    const mismatches: string[] = []
    for (const r of RESOURCES) {
      for (const caller of callers().filter((c) => c.wie !== 'anoniem')) {
        for (const scope of ['eigen', 'ander'] as const) {
          const read = find(`${r}_lezen`, caller, scope)
          if (read?.status !== 200) continue
          const acties = ((read.reply.body as { toegestaneActies?: string[] }).toegestaneActies ?? []).slice().sort()
          const patch = find(`${r}_bijwerken`, caller, scope)?.status
          const put = find(`${r}_vervangen`, caller, scope)?.status
          const del = find(`${r}_verwijderen`, caller, scope)?.status
          const may = { wijzigen: patch === 200 && put === 200, verwijderen: del === 204 || del === 409 }
          const expected = (Object.keys(may) as (keyof typeof may)[]).filter((k) => may[k]).sort()
          if (JSON.stringify(acties) !== JSON.stringify(expected)) {
            mismatches.push(
              `${r} ${caller.wie}/${caller.via} ${scope}: toegestaneActies ${JSON.stringify(acties)}, but PATCH ${patch}, PUT ${put}, DELETE ${del}`,
            )
          }
          // The list shows the same actions as the object itself.
          const list = find(`${r}_lijst`, caller, undefined)
          const inList = ((list?.reply.body as { resultaten?: (Obj & { toegestaneActies?: string[] })[] })?.resultaten ?? []).find(
            (o) => o.id === worldObject(r, scope).id,
          )
          if (inList && JSON.stringify((inList.toegestaneActies ?? []).slice().sort()) !== JSON.stringify(acties)) {
            mismatches.push(
              `${r} ${caller.wie}/${caller.via} ${scope}: the list shows ${JSON.stringify(inList.toegestaneActies)}, the object ${JSON.stringify(acties)}`,
            )
          }
        }
      }
    }
    expect(mismatches).toEqual([])
  })

  it('shows rights in /_ik that match what the caller may actually do', () => {
    const mismatches: string[] = []
    for (const ik of cells.filter((c) => c.op.operationId === 'ik' && c.status === 200)) {
      const rechten = (
        ik.reply.body as { rechten: { auditlogLezen: boolean; gebruikersBeheren: boolean; aanmaken: Record<string, boolean> } }
      ).rechten
      const same = (opId: string, scope?: Scope) =>
        cells.find(
          (c) => c.op.operationId === opId && c.caller.wie === ik.caller.wie && c.caller.via === ik.caller.via && c.scope === scope,
        )?.status
      const checks: [string, boolean, boolean][] = [
        ['auditlogLezen', rechten.auditlogLezen, same('auditlog_lijst') === 200],
        ['gebruikersBeheren', rechten.gebruikersBeheren, same('gebruikers_lijst') === 200],
        ...RESOURCES.map((r): [string, boolean, boolean] => [
          `aanmaken.${r}`,
          rechten.aanmaken[
            {
              organisaties: 'organisatie',
              samenwerkingen: 'samenwerking',
              gastheerschappen: 'gastheerschap',
              applicaties: 'applicatie',
              koppelingen: 'koppeling',
              verdeelsleutels: 'verdeelsleutel',
              kostenposten: 'kostenpost',
              maatstafwaarden: 'maatstafwaarde',
              referentiewaarden: 'referentiewaarde',
              referentiecomponenten: 'referentiecomponent',
              scenarios: 'scenario',
              bewijsstukken: 'bewijsstuk',
              contracten: 'contract',
              toegangen: 'toegang',
              vertrouwensbeleid: 'vertrouwensbeleid',
              controles: 'controle',
              onderhoudsvensters: 'onderhoudsvenster',
              meldingskanalen: 'meldingskanaal',
            }[r]
          ],
          same(`${r}_aanmaken`, 'eigen') === 201,
        ]),
      ]
      for (const [what, claimed, actual] of checks) {
        if (claimed !== actual)
          mismatches.push(`${ik.caller.wie}/${ik.caller.via}: _ik says ${what}=${claimed}, the API ${actual ? 'allows' : 'refuses'} it`)
      }
    }
    expect(mismatches).toEqual([])
  })
})

describe('leaks outside the matrix', () => {
  it("shows an auditor the audit log of its own cooperation only, not the other organisation's objects", async () => {
    const auditor = actors.get('auditor') as Actor
    const seen = new Set<string>()
    for (let pagina = 1; pagina <= 50; pagina++) {
      const res = await send<{ resultaten: unknown[]; paginering: { totaalPaginas: number } }>(
        base,
        'GET',
        `/auditlog?paginaGrootte=200&pagina=${pagina}`,
        { session: auditor.session, ip: auditor.ip },
      )
      expect(res.status).toBe(200)
      for (const id of anderIds) if (res.text.includes(id)) seen.add(id)
      if (pagina >= res.body.paginering.totaalPaginas) break
    }
    expect([...seen], 'ids of the other organisation in the auditor’s audit log').toEqual([])
  })

  it('shows an auditor the whole history of every deleted object it could see, of every type (issue 11)', async () => {
    const auditor = actors.get('auditor') as Actor
    const deleted = cells.filter(
      (c) =>
        c.scope === 'eigen' &&
        c.op.method === 'DELETE' &&
        c.op.path.endsWith('/{id}') &&
        c.status === 204 &&
        c.id !== undefined &&
        (isRegistry(c.op.collection) || c.op.collection === 'declaraties'),
    )
    expect([...new Set(deleted.map((c) => c.op.collection))].sort()).toEqual(
      [...RESOURCES.filter((r) => r !== 'organisaties'), 'declaraties'].sort(),
    )
    const missing: string[] = []
    for (const c of deleted) {
      const res = await send<{ resultaten: { actie: string }[] }>(base, 'GET', `/auditlog?objectId=${c.id}`, {
        session: auditor.session,
        ip: auditor.ip,
      })
      const acties = res.body.resultaten.map((r) => r.actie)
      if (acties[0] !== 'verwijderen' || !['aanmaken', 'genereren'].includes(acties[acties.length - 1]))
        missing.push(`${label(c)}: ${res.status} ${JSON.stringify(acties)}`)
    }
    expect(missing).toEqual([])
  })

  it('never shows a secret once written (a controle’s secret header, a webhook’s URL): in no answer, nor in the audit log', async () => {
    const admin = actors.get('admin') as Actor
    const seen = cells.filter((c) => c.reply.text.includes(GEHEIM)).map(label)
    for (const scope of ['eigen', 'ander'] as const) {
      for (const o of [world[scope].controle, world[scope].meldingskanaal]) {
        const res = await send<{ resultaten: unknown[] }>(base, 'GET', `/auditlog?objectId=${o.id}`, {
          session: admin.session,
          ip: admin.ip,
        })
        expect(res.status).toBe(200)
        expect(res.body.resultaten.length).toBeGreaterThan(0)
        if (res.text.includes(GEHEIM)) seen.push(`the audit log of ${o.id}`)
      }
    }
    expect(seen).toEqual([])
    // What is shown instead: the names of the secret headers, the URL shortened.
    const gelezen = (operationId: string) =>
      cells.find((c) => c.op.operationId === operationId && c.caller.wie === 'beheerder' && c.scope === 'eigen')?.reply.body
    expect(gelezen('controles_lezen')).toMatchObject({ geheimenIngesteld: { headers: ['Authorization'], clientSleutel: false } })
    expect(gelezen('meldingskanalen_lezen')).toMatchObject({ webhookUrlWeergave: expect.stringMatching(/^http:\/\/127\.0\.0\.1:9\/…/) })
  })

  it('shows on a public status page names, working and availability only, and nothing once it is no longer public', async () => {
    const openbaar = cells.filter((c) => c.op.operationId === 'status_openbaar')
    expect(openbaar.length).toBe(2 * callers().length)
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i
    const shows = openbaar.filter((c) => uuid.test(c.reply.text) || c.reply.text.includes('127.0.0.1')).map(label)
    expect(shows).toEqual([])
    // A koppeling is named, nothing more (no id).
    expect(openbaar[0]?.reply.body).toMatchObject({
      koppelingen: expect.arrayContaining([expect.objectContaining({ koppeling: { naam: expect.any(String) } })]),
    })
    const slug = world.eigen.statuspaginaSlug
    const uit = await call(base, 'PUT', `/samenwerkingen/${world.eigen.samenwerking.id}/statuspagina`, { openbaar: false, slug })
    expect(uit.status).toBe(200)
    expect((await send(base, 'GET', `/status/${slug}`, { ip: anonIp })).status).toBe(404)
  })

  it('computes toegestaneActies of a cached list for the caller, not for whoever asked first with the same roles', async () => {
    const beheerder = actors.get('beheerder') as Actor
    const leesToken = (await createApiToken(base, beheerder.session, ['lezen'], { ip: beheerder.ip })).token
    const app = world.eigen.app
    const url = `/applicaties?zoek=${encodeURIComponent(String(inputs.get(app.id)?.naam))}`
    type Lijst = { resultaten: (Obj & { toegestaneActies?: string[] })[] }
    // The session (may write) asks first, the read-only token second, and the other way round.
    const viaSession = await send<Lijst>(base, 'GET', url, { session: beheerder.session, ip: beheerder.ip })
    const viaToken = await send<Lijst>(base, 'GET', url, { token: leesToken, ip: beheerder.ip })
    const patch = await send(base, 'PATCH', `/applicaties/${app.id}`, { token: leesToken, ip: beheerder.ip, body: { toelichting: 'x' } })
    expect(patch.status).toBe(403)
    expect(viaSession.body.resultaten.find((o) => o.id === app.id)?.toegestaneActies).toEqual(['wijzigen', 'verwijderen'])
    const url2 = `${url}&paginaGrootte=7`
    const tokenFirst = await send<Lijst>(base, 'GET', url2, { token: leesToken, ip: beheerder.ip })
    const sessionSecond = await send<Lijst>(base, 'GET', url2, { session: beheerder.session, ip: beheerder.ip })
    expect({
      tokenAfterSession: viaToken.body.resultaten.find((o) => o.id === app.id)?.toegestaneActies,
      tokenFirst: tokenFirst.body.resultaten.find((o) => o.id === app.id)?.toegestaneActies,
      sessionAfterToken: sessionSecond.body.resultaten.find((o) => o.id === app.id)?.toegestaneActies,
    }).toEqual({ tokenAfterSession: [], tokenFirst: [], sessionAfterToken: ['wijzigen', 'verwijderen'] })
  })
})
