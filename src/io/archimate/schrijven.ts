import { AppError, type InvalidParam, msg } from '../../domain/errors.js'
import { ARCHIMATE_NAMESPACE, type ArchimateEigenschap, type ArchimateModel, XSI_NAMESPACE } from '../../domain/interop/archimate-model.js'

// Writes an ArchiMate 3.1 Model Exchange File in chunks of about 64 KB, so a model of
// 50 MB never becomes one string. The sections follow the XSD's sequence (name,
// documentation, properties, elements, relationships, propertyDefinitions, views);
// <organizations> is optional and left out (Archi files the elements by type itself).

const SCHEMA_LOCATION = `${ARCHIMATE_NAMESPACE} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd`

/** Chunks are yielded once they reach this many characters. */
const STUK = 64 * 1024

/** Characters XML 1.0 does not allow, also as a reference: dropped. Lone surrogates too. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching exactly those control characters is the point
const NIET_TOEGESTAAN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text content: & and < must be escaped, > too (for "]]>"); CR as a reference, or a reader turns it into LF. */
export function escapeTekst(s: string): string {
  return s.replace(NIET_TOEGESTAAN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;')
}

/** Attribute values: as text, plus the quote, and tab/LF/CR as references (a reader would turn them into spaces). */
export function escapeAttribuut(s: string): string {
  return escapeTekst(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;')
}

/** An xs:ID / xs:IDREF: an NCName (a letter or _ first, no colon, no spaces). */
const NCNAME = /^[\p{L}_][\p{L}\p{N}\p{Mn}\p{Mc}_.\-\u00B7]*$/u

/**
 * A valid xs:ID for any identifier, the same one each time: kept when valid, otherwise
 * `id-` before it and every character an NCName does not allow as `_` (Regiekamer's UUIDs
 * may start with a digit, which xs:ID does not allow). For the exporter that fills the model.
 */
export function alsXsId(id: string): string {
  if (NCNAME.test(id)) return id
  const rest = id.replace(/[^\p{L}\p{N}\p{Mn}\p{Mc}_.\-\u00B7]/gu, '_')
  return NCNAME.test(rest) ? rest : `id-${rest}`
}

/**
 * Identifiers must be valid, unique in the file and refer to something in it, or Archi
 * refuses the file: checked before the first chunk, so a caller never gets half a file.
 */
function controleer(model: ArchimateModel) {
  const fouten: InvalidParam[] = []
  let aantal = 0
  const fout = (name: string, nl: string, en: string, code: string) => {
    aantal++
    if (fouten.length < 50) fouten.push({ name, code, reason: msg(nl, en) })
  }
  const ids = new Set<string>()
  const id = (waar: string, waarde: string) => {
    if (!NCNAME.test(waarde))
      fout(waar, `"${waarde}" is geen geldige xs:ID.`, `"${waarde}" is not a valid xs:ID.`, 'ongeldige-identificatie')
    else if (ids.has(waarde))
      fout(waar, `"${waarde}" komt twee keer voor als identifier.`, `"${waarde}" occurs twice as an identifier.`, 'dubbele-identificatie')
    ids.add(waarde)
  }
  id('model.id', model.id)
  model.elementen.forEach((e, i) => {
    id(`elementen[${i}].id`, e.id)
  })
  model.relaties.forEach((r, i) => {
    id(`relaties[${i}].id`, r.id)
  })
  const concepten = new Set<string>()
  for (const e of model.elementen) concepten.add(e.id)
  for (const r of model.relaties) concepten.add(r.id)
  const verwijzing = (waar: string, waarde: string, bestaat: ReadonlySet<string> | Map<string, unknown>) => {
    if (!bestaat.has(waarde)) fout(waar, `"${waarde}" staat niet in het model.`, `"${waarde}" is not in the model.`, 'onbekende-verwijzing')
  }
  model.relaties.forEach((r, i) => {
    verwijzing(`relaties[${i}].bron`, r.bron, concepten)
    verwijzing(`relaties[${i}].doel`, r.doel, concepten)
  })
  const elementen = new Set(model.elementen.map((e) => e.id))
  const relaties = new Set(model.relaties.map((r) => r.id))
  model.views.forEach((v, i) => {
    id(`views[${i}].id`, v.id)
    const knopen = new Set<string>()
    v.knopen.forEach((k, j) => {
      id(`views[${i}].knopen[${j}].id`, k.id)
      knopen.add(k.id)
      verwijzing(`views[${i}].knopen[${j}].elementId`, k.elementId, elementen)
    })
    v.verbindingen.forEach((c, j) => {
      id(`views[${i}].verbindingen[${j}].id`, c.id)
      verwijzing(`views[${i}].verbindingen[${j}].relatieId`, c.relatieId, relaties)
      verwijzing(`views[${i}].verbindingen[${j}].bronKnoop`, c.bronKnoop, knopen)
      verwijzing(`views[${i}].verbindingen[${j}].doelKnoop`, c.doelKnoop, knopen)
    })
  })
  if (aantal > 0)
    // The exporter built a model Archi cannot open: a fault of Regiekamer, not of the person exporting.
    throw new AppError(
      'interne-fout',
      500,
      msg('ArchiMate-export mislukt', 'ArchiMate export failed'),
      msg(
        `Het model bevat ${aantal} ongeldige of onbekende identifier(s); eerste: ${fouten[0]?.reason.nl}`,
        `The model contains ${aantal} invalid or unknown identifier(s); first: ${fouten[0]?.reason.en}`,
      ),
      fouten,
    )
}

/** One id per distinct property name, in order of first use: `propid-1`, `propid-2`, … */
function eigenschapDefinities(model: ArchimateModel): Map<string, string> {
  const defs = new Map<string, string>()
  const voegToe = (lijst: readonly ArchimateEigenschap[]) => {
    for (const e of lijst) if (!defs.has(e.naam)) defs.set(e.naam, `propid-${defs.size + 1}`)
  }
  voegToe(model.eigenschappen)
  for (const e of model.elementen) voegToe(e.eigenschappen)
  for (const r of model.relaties) voegToe(r.eigenschappen)
  return defs
}

const naamTag = (naam: string, inspringing: string) => `${inspringing}<name xml:lang="nl">${escapeTekst(naam)}</name>\n`
const documentatieTag = (tekst: string | undefined, inspringing: string) =>
  tekst ? `${inspringing}<documentation xml:lang="nl">${escapeTekst(tekst)}</documentation>\n` : ''

function eigenschappenTags(lijst: readonly ArchimateEigenschap[], defs: Map<string, string>, inspringing: string): string {
  if (lijst.length === 0) return ''
  let s = `${inspringing}<properties>\n`
  for (const e of lijst)
    s += `${inspringing}  <property propertyDefinitionRef="${defs.get(e.naam)}"><value xml:lang="nl">${escapeTekst(e.waarde)}</value></property>\n`
  return `${s}${inspringing}</properties>\n`
}

/** The file as small pieces, in document order. */
function* stukken(model: ArchimateModel): Generator<string> {
  const defs = eigenschapDefinities(model)
  const a = escapeAttribuut
  yield '<?xml version="1.0" encoding="UTF-8"?>\n'
  yield `<model xmlns="${ARCHIMATE_NAMESPACE}" xmlns:xsi="${XSI_NAMESPACE}" xsi:schemaLocation="${SCHEMA_LOCATION}" identifier="${a(model.id)}">\n`
  yield naamTag(model.naam, '  ')
  yield documentatieTag(model.documentatie, '  ')
  yield eigenschappenTags(model.eigenschappen, defs, '  ')
  if (model.elementen.length > 0) {
    yield '  <elements>\n'
    for (const e of model.elementen) {
      yield `    <element identifier="${a(e.id)}" xsi:type="${a(e.type)}">\n`
      yield naamTag(e.naam, '      ')
      yield documentatieTag(e.documentatie, '      ')
      yield eigenschappenTags(e.eigenschappen, defs, '      ')
      yield '    </element>\n'
    }
    yield '  </elements>\n'
  }
  if (model.relaties.length > 0) {
    yield '  <relationships>\n'
    for (const r of model.relaties) {
      yield `    <relationship identifier="${a(r.id)}" source="${a(r.bron)}" target="${a(r.doel)}" xsi:type="${a(r.type)}">\n`
      if (r.naam) yield naamTag(r.naam, '      ')
      yield documentatieTag(r.documentatie, '      ')
      yield eigenschappenTags(r.eigenschappen, defs, '      ')
      yield '    </relationship>\n'
    }
    yield '  </relationships>\n'
  }
  if (defs.size > 0) {
    yield '  <propertyDefinitions>\n'
    for (const [naam, id] of defs)
      yield `    <propertyDefinition identifier="${id}" type="string">\n      <name xml:lang="nl">${escapeTekst(naam)}</name>\n    </propertyDefinition>\n`
    yield '  </propertyDefinitions>\n'
  }
  if (model.views.length > 0) {
    yield '  <views>\n    <diagrams>\n'
    for (const v of model.views) {
      yield `      <view identifier="${a(v.id)}" xsi:type="Diagram">\n`
      yield naamTag(v.naam, '        ')
      for (const k of v.knopen)
        yield `        <node identifier="${a(k.id)}" elementRef="${a(k.elementId)}" xsi:type="Element" x="${k.x}" y="${k.y}" w="${k.breedte}" h="${k.hoogte}"/>\n`
      for (const c of v.verbindingen)
        yield `        <connection identifier="${a(c.id)}" relationshipRef="${a(c.relatieId)}" xsi:type="Relationship" source="${a(c.bronKnoop)}" target="${a(c.doelKnoop)}"/>\n`
      yield '      </view>\n'
    }
    yield '    </diagrams>\n  </views>\n'
  }
  yield '</model>\n'
}

/**
 * The exchange file in chunks of about 64 KB (e.g. `Readable.from(schrijfArchimate(m))`
 * into a response). Throws an AppError (500) before the first chunk when an identifier is
 * not a valid xs:ID, occurs twice, or a reference points at nothing.
 */
export async function* schrijfArchimate(model: ArchimateModel): AsyncGenerator<string> {
  controleer(model)
  let buffer: string[] = []
  let lengte = 0
  for (const s of stukken(model)) {
    if (s.length === 0) continue
    buffer.push(s)
    lengte += s.length
    if (lengte >= STUK) {
      yield buffer.join('')
      buffer = []
      lengte = 0
    }
  }
  if (lengte > 0) yield buffer.join('')
}

/** The whole file as one string: for small models and tests. */
export async function schrijfArchimateTekst(model: ArchimateModel): Promise<string> {
  const delen: string[] = []
  for await (const s of schrijfArchimate(model)) delen.push(s)
  return delen.join('')
}
