import { leesCel } from '../domain/cel.js'
import type { InvalidParam, Message } from '../domain/errors.js'
import { msg } from '../domain/errors.js'
import { centenAlsEuroTekst, leesBedrag } from '../domain/getallen.js'
import type { Objecttype } from '../domain/registry-rules.js'
import { alsLandelijkeVoorziening } from '../domain/vocabulary.js'

// How each registry resource maps to CSV columns. Lists use "|" between items so the
// same file works with "," and ";" as separator. References are exported as id plus a
// readable name; on import either the id or the (unique) name may be given.

export type RegistryEntity =
  | 'organisaties'
  | 'samenwerkingen'
  | 'gastheerschappen'
  | 'applicaties'
  | 'koppelingen'
  | 'kostenposten'
  | 'maatstafwaarden'
  | 'referentiewaarden'
  | 'bewijsstukken'
  | 'toegangen'
  | 'referentiecomponenten'

export const ENTITY_TYPES: Record<RegistryEntity, Objecttype> = {
  organisaties: 'organisatie',
  samenwerkingen: 'samenwerking',
  gastheerschappen: 'gastheerschap',
  applicaties: 'applicatie',
  koppelingen: 'koppeling',
  kostenposten: 'kostenpost',
  maatstafwaarden: 'maatstafwaarde',
  referentiewaarden: 'referentiewaarde',
  bewijsstukken: 'bewijsstuk',
  toegangen: 'toegang',
  referentiecomponenten: 'referentiecomponent',
}

type Kind =
  | { type: 'text' }
  | { type: 'number' }
  /** Integer cents in the API, euros ("1234.56"; "1.234,56" accepted) in the file. */
  | { type: 'bedrag' }
  | { type: 'boolean' }
  | { type: 'list' }
  | { type: 'ref'; target: Objecttype; nameColumn: string }
  | { type: 'refs'; target: Objecttype; nameColumn: string }
  | { type: 'inwoners' }
  | { type: 'statusHistorie' }
  | { type: 'leden' }
  /** A landelijke voorziening: the fixed name, or free text from an older file read as one (alias, any case) or as overig with that name. */
  | { type: 'voorziening'; overigField: string }
  /** Named values kept from an imported file, as JSON (`[{"naam":"Object ID","waarde":"…"}]`): any text survives. */
  | { type: 'eigenschappen' }
  /** A toegang's object: `applicatie:<id of naam>`, `koppeling:<id of naam>` or `netwerkzone:<naam>@<organisatie: id of naam>`. */
  | { type: 'toegangObject' }

export interface Column {
  field: string
  kind: Kind
}

const text = (field: string): Column => ({ field, kind: { type: 'text' } })
const number = (field: string): Column => ({ field, kind: { type: 'number' } })
const bedrag = (field: string): Column => ({ field, kind: { type: 'bedrag' } })
const ref = (field: string, target: Objecttype, nameColumn: string): Column => ({
  field,
  kind: { type: 'ref', target, nameColumn },
})

export const COLUMNS: Record<RegistryEntity, Column[]> = {
  organisaties: [
    text('type'),
    text('naam'),
    text('oin'),
    text('cbsCode'),
    { field: 'inwoners', kind: { type: 'inwoners' } },
    text('website'),
    text('toelichting'),
    text('iban'),
    number('betaaltermijnDagen'),
    text('archimateId'),
  ],
  samenwerkingen: [
    text('naam'),
    text('vorm'),
    text('omschrijving'),
    text('startdatum'),
    text('einddatum'),
    { field: 'leden', kind: { type: 'leden' } },
    text('toelichting'),
  ],
  gastheerschappen: [
    text('taak'),
    text('omschrijving'),
    ref('gastheerId', 'organisatie', 'gastheer'),
    { field: 'afnemerIds', kind: { type: 'refs', target: 'organisatie', nameColumn: 'afnemers' } },
    ref('samenwerkingId', 'samenwerking', 'samenwerking'),
    text('dvoReferentie'),
    text('startdatum'),
    text('einddatum'),
    { field: 'beschikbaarheidsdoel', kind: { type: 'number' } },
    text('serviceniveau'),
    text('kostenafspraak'),
    text('toelichting'),
  ],
  applicaties: [
    text('naam'),
    text('omschrijving'),
    ref('leverancierId', 'organisatie', 'leverancier'),
    { field: 'referentiecomponentIds', kind: { type: 'refs', target: 'referentiecomponent', nameColumn: 'referentiecomponentNamen' } },
    text('hosting'),
    text('versie'),
    text('status'),
    { field: 'statusHistorie', kind: { type: 'statusHistorie' } },
    { field: 'inGebruikBij', kind: { type: 'refs', target: 'organisatie', nameColumn: 'inGebruikBijNamen' } },
    text('toelichting'),
    text('archimateId'),
    { field: 'eigenschappen', kind: { type: 'eigenschappen' } },
  ],
  koppelingen: [
    text('naam'),
    text('omschrijving'),
    ref('bronApplicatieId', 'applicatie', 'bronApplicatie'),
    { field: 'bronVoorziening', kind: { type: 'voorziening', overigField: 'bronVoorzieningOverig' } },
    text('bronVoorzieningOverig'),
    ref('doelApplicatieId', 'applicatie', 'doelApplicatie'),
    { field: 'doelVoorziening', kind: { type: 'voorziening', overigField: 'doelVoorzieningOverig' } },
    text('doelVoorzieningOverig'),
    ref('viaApplicatieId', 'applicatie', 'viaApplicatie'),
    text('type'),
    text('richting'),
    text('status'),
    { field: 'statusHistorie', kind: { type: 'statusHistorie' } },
    text('standaard'),
    text('standaardVersie'),
    { field: 'gegevenscategorieen', kind: { type: 'list' } },
    { field: 'persoonsgegevens', kind: { type: 'boolean' } },
    text('beschikbaarheid'),
    text('integriteit'),
    text('vertrouwelijkheid'),
    ref('eigenaarId', 'organisatie', 'eigenaar'),
    ref('gastheerschapId', 'gastheerschap', 'gastheerschap'),
    ref('samenwerkingId', 'samenwerking', 'samenwerking'),
    text('endpoint'),
    text('toelichting'),
    text('archimateId'),
    { field: 'eigenschappen', kind: { type: 'eigenschappen' } },
  ],
  kostenposten: [
    text('omschrijving'),
    ref('gastheerschapId', 'gastheerschap', 'gastheerschap'),
    ref('samenwerkingId', 'samenwerking', 'samenwerking'),
    ref('gemaaktDoorId', 'organisatie', 'gemaaktDoor'),
    ref('applicatieId', 'applicatie', 'applicatie'),
    text('periode'),
    text('soort'),
    text('categorie'),
    bedrag('begroting'),
    bedrag('realisatie'),
    ref('verdeelsleutelId', 'verdeelsleutel', 'verdeelsleutel'),
    text('bron'),
    text('toelichting'),
    text('btw'),
  ],
  maatstafwaarden: [ref('organisatieId', 'organisatie', 'organisatie'), text('maatstaf'), number('jaar'), number('waarde'), text('bron')],
  referentiewaarden: [
    text('naam'),
    number('jaar'),
    bedrag('kostenPerInwoner'),
    bedrag('kostenPerWerkplek'),
    text('bron'),
    text('toelichting'),
  ],
  referentiecomponenten: [text('naam'), text('gemmaId'), text('omschrijving'), text('toelichting'), text('archimateId')],
  bewijsstukken: [
    ref('organisatieId', 'organisatie', 'organisatie'),
    text('soort'),
    text('uitgever'),
    text('geldigVanaf'),
    text('geldigTot'),
    text('scope'),
    ref('getekendMetId', 'organisatie', 'getekendMet'),
    text('documentVerwijzing'),
    text('toelichting'),
  ],
  toegangen: [
    ref('partijId', 'organisatie', 'partij'),
    { field: 'object', kind: { type: 'toegangObject' } },
    text('doel'),
    ref('verleendDoorId', 'organisatie', 'verleendDoor'),
    text('geldigVanaf'),
    text('geldigTot'),
    text('laatsteBeoordeling'),
    text('beoordelaar'),
  ],
}

/** Leden are written twice: by name (readable) and by id (unambiguous on re-import). */
const LEDEN_ID_COLUMN = 'ledenIds'

/** Header of an export: id, then every column, with a name column beside each reference. */
export function exportHeader(entity: RegistryEntity): string[] {
  const header = ['id']
  for (const c of COLUMNS[entity]) {
    header.push(c.field)
    if (c.kind.type === 'ref' || c.kind.type === 'refs') header.push(c.kind.nameColumn)
    if (c.kind.type === 'leden') header.push(LEDEN_ID_COLUMN)
  }
  return header
}

export type NameOf = (type: Objecttype, id: string) => string

const splitList = (v: string) =>
  v
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)

export function toCsvRow(entity: RegistryEntity, resource: Record<string, unknown>, nameOf: NameOf): string[] {
  const row = [String(resource.id)]
  for (const c of COLUMNS[entity]) {
    const v = resource[c.field]
    switch (c.kind.type) {
      case 'ref': {
        row.push(v ? String(v) : '', v ? nameOf(c.kind.target, String(v)) : '')
        break
      }
      case 'refs': {
        const ids = (v as string[] | undefined) ?? []
        const target = c.kind.target
        row.push(ids.join('|'), ids.map((id) => nameOf(target, id)).join('|'))
        break
      }
      case 'list':
        row.push(((v as string[] | undefined) ?? []).join('|'))
        break
      case 'bedrag':
        row.push(typeof v === 'number' ? centenAlsEuroTekst(v) : '')
        break
      case 'boolean':
        row.push(v === undefined ? '' : v ? 'ja' : 'nee')
        break
      case 'inwoners':
        row.push(
          ((v as { jaar: number; aantal: number; bron?: string }[] | undefined) ?? [])
            .map((i) => `${i.jaar}:${i.aantal}${i.bron ? `:${i.bron}` : ''}`)
            .join('|'),
        )
        break
      case 'eigenschappen': {
        const lijst = (v as { naam: string; waarde: string }[] | undefined) ?? []
        row.push(lijst.length > 0 ? JSON.stringify(lijst) : '')
        break
      }
      case 'toegangObject': {
        const o = v as { soort: string; id?: string; naam?: string; eigenaarId?: string } | undefined
        row.push(!o ? '' : o.soort === 'netwerkzone' ? `netwerkzone:${o.naam}@${o.eigenaarId}` : `${o.soort}:${o.id}`)
        break
      }
      case 'statusHistorie':
        row.push(((v as { status: string; datum: string }[] | undefined) ?? []).map((s) => `${s.status}:${s.datum}`).join('|'))
        break
      case 'leden': {
        const leden = (v as { organisatieId: string; startdatum?: string; einddatum?: string }[] | undefined) ?? []
        const period = (l: { startdatum?: string; einddatum?: string }) =>
          !l.startdatum && !l.einddatum ? '' : `@${l.startdatum ?? ''}${l.einddatum ? `/${l.einddatum}` : ''}`
        row.push(
          leden.map((l) => `${nameOf('organisatie', l.organisatieId)}${period(l)}`).join('|'),
          leden.map((l) => `${l.organisatieId}${period(l)}`).join('|'),
        )
        break
      }
      default:
        row.push(v === undefined || v === null ? '' : String(v))
    }
  }
  return row
}

/** Resolves a reference cell (an id or a readable name) to an id, or explains why not. */
export type Resolve = (type: Objecttype, value: string) => { id: string } | { error: string }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isUuid(v: string): boolean {
  return UUID.test(v)
}

/** What reading one record needs: its cells, reference lookup, and where to report a cell that cannot be read. */
interface RecordReader {
  cell(name: string): string
  resolve: Resolve
  fail(name: string, code: string, nl: string, en: string): void
}

/**
 * Turns one CSV record into an input object. Values that cannot be read (a number that
 * is no number, an unknown reference name) become errors; shape and rules are checked
 * afterwards by the same validation the API uses.
 */
export function fromCsvRecord(
  entity: RegistryEntity,
  record: Record<string, string>,
  resolve: Resolve,
): { input: Record<string, unknown>; errors: InvalidParam[] } {
  const errors: InvalidParam[] = []
  const reader: RecordReader = {
    // Undoes the export's formula guard (a leading apostrophe), so an export imports unchanged.
    cell: (name) => leesCel(record[name] ?? '').trim(),
    resolve,
    fail: (name, code, nl, en) => {
      errors.push({ name, code, reason: msg(nl, en) })
    },
  }
  const input: Record<string, unknown> = {}
  for (const c of COLUMNS[entity]) Object.assign(input, readColumn(c, reader))
  return { input, errors }
}

/** The fields one column gives the input: none for an empty cell of a single value; a list column always gives its list. */
function readColumn(c: Column, r: RecordReader): Record<string, unknown> {
  const raw = r.cell(c.field)
  const veld = (value: unknown) => (value === undefined ? {} : { [c.field]: value })
  switch (c.kind.type) {
    case 'text':
      return veld(raw || undefined)
    case 'voorziening':
      return readVoorziening(c.field, c.kind.overigField, raw, r)
    case 'number':
      return veld(readNumber(c.field, raw, r))
    case 'bedrag':
      return veld(readBedrag(c.field, raw, r))
    case 'boolean':
      return veld(readBoolean(c.field, raw, r))
    case 'list':
      return veld(splitList(raw))
    case 'ref':
      return veld(readRef(c.field, c.kind, raw, r))
    case 'refs':
      return veld(readRefs(c.field, c.kind, raw, r))
    case 'inwoners':
      return veld(readInwoners(c.field, raw, r))
    case 'statusHistorie':
      return veld(readStatusHistorie(c.field, raw, r))
    case 'leden':
      return veld(readLeden(c.field, raw, r))
    case 'toegangObject':
      return veld(readToegangObject(c.field, raw, r))
    case 'eigenschappen':
      return veld(readEigenschappen(c.field, raw, r))
  }
}

/**
 * The voorziening, and its name when it is overig and the file leaves that column empty.
 * An export from before the fixed list held free text ("brp", "BRP (Digilevering)"): read it as the migration did.
 */
function readVoorziening(field: string, overigField: string, raw: string, r: RecordReader): Record<string, unknown> {
  if (!raw) return {}
  const gelezen: { voorziening: string; overig?: string } =
    raw.toLowerCase() === 'overig' ? { voorziening: 'overig' } : alsLandelijkeVoorziening(raw)
  return { [field]: gelezen.voorziening, ...(gelezen.overig && !r.cell(overigField) ? { [overigField]: gelezen.overig } : {}) }
}

function readNumber(field: string, raw: string, r: RecordReader): number | undefined {
  if (!raw) return undefined
  const n = /^-?\d+([.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : Number.NaN
  if (Number.isFinite(n)) return n
  r.fail(field, 'ongeldig-type', `"${raw}" is geen getal.`, `"${raw}" is not a number.`)
  return undefined
}

function readBedrag(field: string, raw: string, r: RecordReader): number | undefined {
  if (!raw) return undefined
  const b = leesBedrag(raw)
  if (b.ok) return b.waarde
  if (b.fout === 'decimalen')
    r.fail(field, 'geen-hele-centen', `"${raw}" heeft meer dan twee decimalen.`, `"${raw}" has more than two decimals.`)
  else if (b.fout === 'negatief') r.fail(field, 'negatief', `"${raw}" is negatief.`, `"${raw}" is negative.`)
  else if (b.fout === 'teGroot') r.fail(field, 'te-groot', `"${raw}" is te groot.`, `"${raw}" is too large.`)
  else r.fail(field, 'geen-bedrag', `"${raw}" is geen bedrag in euro's.`, `"${raw}" is not an amount in euros.`)
  return undefined
}

function readBoolean(field: string, raw: string, r: RecordReader): boolean | undefined {
  if (!raw) return undefined
  const b = raw.toLowerCase()
  if (['ja', 'true', '1', 'j', 'yes'].includes(b)) return true
  if (['nee', 'false', '0', 'n', 'no'].includes(b)) return false
  r.fail(field, 'ongeldig-type', `"${raw}" is geen ja/nee.`, `"${raw}" is not yes/no.`)
  return undefined
}

/** The id column wins; the name column is the readable fallback. */
function readRef(field: string, kind: { target: Objecttype; nameColumn: string }, raw: string, r: RecordReader): string | undefined {
  const value = raw || r.cell(kind.nameColumn)
  if (!value) return undefined
  const found = r.resolve(kind.target, value)
  if ('id' in found) return found.id
  r.fail(raw ? field : kind.nameColumn, 'bestaat-niet', found.error, found.error)
  return undefined
}

function readRefs(field: string, kind: { target: Objecttype; nameColumn: string }, raw: string, r: RecordReader): string[] {
  const fromIds = splitList(raw)
  const values = fromIds.length > 0 ? fromIds : splitList(r.cell(kind.nameColumn))
  const ids: string[] = []
  for (const value of values) {
    const found = r.resolve(kind.target, value)
    if ('id' in found) ids.push(found.id)
    else r.fail(fromIds.length > 0 ? field : kind.nameColumn, 'bestaat-niet', found.error, found.error)
  }
  return ids
}

/** `jaar:aantal[:bron]` items; undefined when there are none. */
function readInwoners(field: string, raw: string, r: RecordReader) {
  const list = []
  for (const item of splitList(raw)) {
    const m = /^(\d{4})\s*:\s*(\d+)\s*(?::(.*))?$/.exec(item)
    if (m) list.push({ jaar: Number(m[1]), aantal: Number(m[2]), ...(m[3]?.trim() ? { bron: m[3].trim() } : {}) })
    else r.fail(field, 'ongeldig-formaat', `"${item}" is geen jaar:aantal[:bron].`, `"${item}" is not year:count[:source].`)
  }
  return list.length > 0 ? list : undefined
}

/** `status:datum` items (a status may hold a colon, the date does not); undefined when there are none. */
function readEigenschappen(field: string, raw: string, r: RecordReader) {
  if (!raw) return undefined
  try {
    return JSON.parse(raw)
  } catch {
    r.fail(
      field,
      'ongeldig-formaat',
      'Geen geldige JSON-lijst van eigenschappen, zoals [{"naam":"Object ID","waarde":"123"}].',
      'Not a valid JSON list of properties, such as [{"naam":"Object ID","waarde":"123"}].',
    )
    return undefined
  }
}

function readStatusHistorie(field: string, raw: string, r: RecordReader) {
  const list = []
  for (const item of splitList(raw)) {
    const i = item.lastIndexOf(':')
    if (i > 0) list.push({ status: item.slice(0, i).trim(), datum: item.slice(i + 1).trim() })
    else r.fail(field, 'ongeldig-formaat', `"${item}" is geen status:datum.`, `"${item}" is not status:date.`)
  }
  return list.length > 0 ? list : undefined
}

/** `organisatie[@start[/eind]]` items: from the id column when it is filled, as for every reference; else from the names. */
function readLeden(field: string, raw: string, r: RecordReader) {
  const leden = []
  const byId = r.cell(LEDEN_ID_COLUMN)
  for (const item of splitList(byId || raw)) {
    const [who, period = ''] = item.split('@')
    const [startdatum, einddatum] = period.split('/')
    const found = r.resolve('organisatie', who.trim())
    if ('error' in found) {
      r.fail(byId ? LEDEN_ID_COLUMN : field, 'bestaat-niet', found.error, found.error)
      continue
    }
    leden.push({
      organisatieId: found.id,
      ...(startdatum?.trim() ? { startdatum: startdatum.trim() } : {}),
      ...(einddatum?.trim() ? { einddatum: einddatum.trim() } : {}),
    })
  }
  return leden
}

/** `applicatie:<id of naam>`, `koppeling:<id of naam>` or `netwerkzone:<naam>@<organisatie>`; names resolve like any reference. */
function readToegangObject(field: string, raw: string, r: RecordReader): Record<string, string> | undefined {
  if (!raw) return undefined
  const [soort, ...rest] = raw.split(':')
  const waarde = rest.join(':').trim()
  if ((soort === 'applicatie' || soort === 'koppeling') && waarde) {
    const id = readRef(field, { target: soort, nameColumn: field }, waarde, r)
    return id ? { soort, id } : undefined
  }
  const at = waarde.lastIndexOf('@')
  if (soort === 'netwerkzone' && at > 0) {
    const eigenaarId = readRef(field, { target: 'organisatie', nameColumn: field }, waarde.slice(at + 1).trim(), r)
    return eigenaarId ? { soort, naam: waarde.slice(0, at).trim(), eigenaarId } : undefined
  }
  r.fail(
    field,
    'ongeldig-formaat',
    `"${raw}" is geen object; schrijf applicatie:<id of naam>, koppeling:<id of naam> of netwerkzone:<naam>@<organisatie>.`,
    `"${raw}" is no object; write applicatie:<id or name>, koppeling:<id or name> or netwerkzone:<name>@<organisation>.`,
  )
  return undefined
}

/** A key that identifies one object: two rows of one import file may not share it. */
export interface ImportSleutel {
  /** The column reported. */
  veld: string
  wat: Message
  /** The row's key (normalised), or undefined when the row has none. */
  van: (input: Record<string, unknown>, id: string | undefined) => string | undefined
}

const ID_SLEUTEL: ImportSleutel = { veld: 'id', wat: msg('id', 'id'), van: (_input, id) => id?.toLowerCase() }
const veldSleutel = (veld: string, wat: Message): ImportSleutel => ({
  veld,
  wat,
  van: (input) => (typeof input[veld] === 'string' && input[veld] !== '' ? (input[veld] as string) : undefined),
})

/**
 * The keys per kind: the id for all (a second row with the same id would overwrite the
 * first), and the database's unique keys (a second row would fail halfway the import).
 */
export const IMPORT_SLEUTELS: Record<RegistryEntity, ImportSleutel[]> = {
  organisaties: [ID_SLEUTEL, veldSleutel('oin', msg('OIN', 'OIN')), veldSleutel('cbsCode', msg('CBS-code', 'CBS code'))],
  samenwerkingen: [ID_SLEUTEL],
  gastheerschappen: [ID_SLEUTEL],
  applicaties: [ID_SLEUTEL],
  koppelingen: [ID_SLEUTEL],
  kostenposten: [ID_SLEUTEL],
  maatstafwaarden: [
    ID_SLEUTEL,
    {
      veld: 'maatstaf',
      wat: msg('organisatie, maatstaf en jaar', 'organisation, measure and year'),
      van: (input) =>
        typeof input.organisatieId === 'string' && typeof input.maatstaf === 'string' && typeof input.jaar === 'number'
          ? JSON.stringify([input.organisatieId.toLowerCase(), input.maatstaf, input.jaar])
          : undefined,
    },
  ],
  referentiewaarden: [ID_SLEUTEL],
  referentiecomponenten: [ID_SLEUTEL],
  bewijsstukken: [ID_SLEUTEL],
  toegangen: [ID_SLEUTEL],
}

/** Columns an import file may have; anything else is reported. */
export function knownImportColumns(entity: RegistryEntity): Set<string> {
  return new Set(exportHeader(entity))
}
