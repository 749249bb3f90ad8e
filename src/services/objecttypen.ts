import type { ObjectOpslag } from '../db/repos/registry-repository.js'
import { OBJECT_OPSLAG } from '../db/repos/zichtbare-ids.js'
import { AUDIT_SOORTEN } from '../domain/audit-soorten.js'
import { configError, type Message, msg, objecttypeEn } from '../domain/errors.js'
import { type AnyPolicy, POLICIES } from '../domain/policies/index.js'
import { OBJECTTYPEN, type Objecttype } from '../domain/registry-rules.js'
import { ENTITY_TYPES, type RegistryEntity } from '../io/csv-columns.js'
import type { ObjectService } from './object-service.js'

// One register of the object types, built when the services are made (createServices):
// per type its storage, its policy, its audit label, its API path and its CSV mapping.
// Lists that used to be kept by hand (the audit log's types, the names a CSV file may
// refer to, the web UI's routes) are read from it, and the server refuses to start when a
// type of OBJECTTYPEN lacks any part, naming the type and the part.

/** How a type travels through the CLI's CSV import and export. */
export type CsvKoppeling =
  /** Imported and exported as this entity (io/csv-columns.ts). */
  | { soort: 'entiteit'; entiteit: RegistryEntity }
  /** Not imported or exported itself, but CSV files may name its objects (a kostenpost's verdeelsleutel). */
  | { soort: 'alleen-verwijzing' }
  /** Not via CSV at all (made and changed through the API only). */
  | { soort: 'geen' }

export interface ObjecttypeInschrijving {
  objecttype: Objecttype
  opslag: ObjectOpslag
  policy: AnyPolicy
  /** How the audit log and messages name the type, in Dutch and English. */
  label: Message
  /** Its collection under /api/v1 and its pages in the web UI, e.g. `organisaties`. */
  pad: string
  csv: CsvKoppeling
  /** The generic service, for every type except one with a service of its own (declaraties). */
  dienst?: ObjectService
}

export type ObjecttypeRegister = Readonly<Record<Objecttype, ObjecttypeInschrijving>>

/** The parts the register is built from, each by type; a missing part stops start-up. */
export interface Bouwstenen {
  opslag: Partial<Record<Objecttype, ObjectOpslag>>
  policies: Partial<Record<Objecttype, AnyPolicy>>
  labels: Partial<Record<Objecttype, Message>>
  paden: Partial<Record<Objecttype, string>>
  csv: Partial<Record<Objecttype, CsvKoppeling>>
  diensten: Partial<Record<Objecttype, ObjectService>>
}

const ontbreekt = (t: Objecttype, wat: Message) => msg(`objecttype ${t} heeft ${wat.nl}`, `object type ${t} has ${wat.en}`)

/** One type's entry, or what it lacks or contradicts (in Dutch and English). */
function inschrijving(b: Bouwstenen, t: Objecttype): ObjecttypeInschrijving | Message[] {
  const [opslag, policy, label, pad, csv, dienst] = [b.opslag[t], b.policies[t], b.labels[t], b.paden[t], b.csv[t], b.diensten[t]]
  const fouten: Message[] = []
  if (!opslag) fouten.push(ontbreekt(t, msg('geen repository', 'no repository')))
  if (!policy) fouten.push(ontbreekt(t, msg('geen policy (src/domain/policies/)', 'no policy (src/domain/policies/)')))
  if (!label) fouten.push(ontbreekt(t, msg('geen auditlabel (Nederlands en Engels)', 'no audit label (Dutch and English)')))
  if (!pad) fouten.push(ontbreekt(t, msg('geen API-route', 'no API route')))
  if (!csv) fouten.push(ontbreekt(t, msg('geen CLI/CSV-koppeling (of "niet via CSV")', 'no CLI/CSV mapping (or "not via CSV")')))
  if (csv?.soort === 'entiteit' && ENTITY_TYPES[csv.entiteit] !== t)
    fouten.push(ontbreekt(t, msg(`CSV-soort ${csv.entiteit} van een ander type`, `CSV kind ${csv.entiteit} of another type`)))
  if (csv && csv.soort !== 'geen' && !dienst)
    fouten.push(ontbreekt(t, msg('geen service voor de CSV-import', 'no service for the CSV import')))
  if (!opslag || !policy || !label || !pad || !csv || fouten.length > 0) return fouten
  return { objecttype: t, opslag, policy, label, pad, csv, dienst }
}

/** The register, or a configuration error naming every type and what it lacks. */
export function bouwObjecttypeRegister(b: Bouwstenen): ObjecttypeRegister {
  const fouten: Message[] = []
  const register: Partial<Record<Objecttype, ObjecttypeInschrijving>> = {}
  for (const t of OBJECTTYPEN) {
    const e = inschrijving(b, t)
    if (Array.isArray(e)) fouten.push(...e)
    else register[t] = e
  }
  if (fouten.length > 0)
    throw configError(
      msg(
        `De objecttypen zijn onvolledig: ${fouten.map((f) => f.nl).join('; ')}.`,
        `The object types are incomplete: ${fouten.map((f) => f.en).join('; ')}.`,
      ),
    )
  // Every type of OBJECTTYPEN has its entry now.
  return register as ObjecttypeRegister
}

/** Each type's collection under /api/v1, which is also where the web UI shows it. */
const API_PADEN: Partial<Record<Objecttype, string>> = {
  organisatie: 'organisaties',
  samenwerking: 'samenwerkingen',
  gastheerschap: 'gastheerschappen',
  applicatie: 'applicaties',
  koppeling: 'koppelingen',
  kostenpost: 'kostenposten',
  verdeelsleutel: 'verdeelsleutels',
  maatstafwaarde: 'maatstafwaarden',
  referentiewaarde: 'referentiewaarden',
  declaratie: 'declaraties',
  scenario: 'scenarios',
  bewijsstuk: 'bewijsstukken',
  contract: 'contracten',
  toegang: 'toegangen',
  vertrouwensbeleid: 'vertrouwensbeleid',
  bevinding: 'bevindingen',
  controle: 'controles',
  onderhoudsvenster: 'onderhoudsvensters',
  meldingskanaal: 'meldingskanalen',
  referentiecomponent: 'referentiecomponenten',
}

/** The types that are no CSV entity (io/csv-columns.ts ENTITY_TYPES), said explicitly. */
const NIET_ALS_CSV_ENTITEIT: Partial<Record<Objecttype, CsvKoppeling>> = {
  verdeelsleutel: { soort: 'alleen-verwijzing' },
  declaratie: { soort: 'geen' },
  scenario: { soort: 'geen' },
  // Contracts name several applicaties and koppelingen: made through the API only.
  contract: { soort: 'geen' },
  // A policy's rules are nested JSON; findings are made by the evaluation, never imported.
  vertrouwensbeleid: { soort: 'geen' },
  bevinding: { soort: 'geen' },
  // Monitoring: a controle holds secrets and nested checks, a window exact instants, a
  // channel an encrypted URL: made through the API and the UI only.
  controle: { soort: 'geen' },
  onderhoudsvenster: { soort: 'geen' },
  meldingskanaal: { soort: 'geen' },
}

function csvKoppelingen(): Partial<Record<Objecttype, CsvKoppeling>> {
  const csv: Partial<Record<Objecttype, CsvKoppeling>> = { ...NIET_ALS_CSV_ENTITEIT }
  for (const [entiteit, t] of Object.entries(ENTITY_TYPES) as [RegistryEntity, Objecttype][]) csv[t] = { soort: 'entiteit', entiteit }
  return csv
}

/** A type's label: the type itself in Dutch, its English name (errors.ts), if the audit log knows the type. */
function auditLabels(): Partial<Record<Objecttype, Message>> {
  const labels: Partial<Record<Objecttype, Message>> = {}
  for (const t of OBJECTTYPEN) {
    const en = objecttypeEn(t)
    if ((AUDIT_SOORTEN as readonly string[]).includes(t) && en !== t) labels[t] = msg(t, en)
  }
  return labels
}

/** The parts of this installation's register, given its services. */
export function standaardBouwstenen(diensten: Partial<Record<Objecttype, ObjectService>>): Bouwstenen {
  return {
    opslag: OBJECT_OPSLAG,
    policies: POLICIES,
    labels: auditLabels(),
    paden: API_PADEN,
    csv: csvKoppelingen(),
    diensten,
  }
}

/** The types CSV files may name, with their services: those that go through CSV at all. */
export function csvDiensten(register: ObjecttypeRegister): Map<Objecttype, ObjectService> {
  const diensten = new Map<Objecttype, ObjectService>()
  for (const e of Object.values(register)) if (e.csv.soort !== 'geen' && e.dienst) diensten.set(e.objecttype, e.dienst)
  return diensten
}

/**
 * Refuses (configuration error) when a type's API path has no route: `heeftRoute` asks the
 * built app whether GET /api/v1/{pad} exists.
 */
export function controleerRoutes(register: ObjecttypeRegister, heeftRoute: (pad: string) => boolean): void {
  const zonder = Object.values(register).filter((e) => !heeftRoute(e.pad))
  if (zonder.length === 0) return
  throw configError(
    msg(
      `De objecttypen zijn onvolledig: ${zonder.map((e) => `objecttype ${e.objecttype} heeft geen API-route /${e.pad}`).join('; ')}.`,
      `The object types are incomplete: ${zonder.map((e) => `object type ${e.objecttype} has no API route /${e.pad}`).join('; ')}.`,
    ),
  )
}
