import { type SaxesAttributeNS, SaxesParser, type SaxesTagNS } from 'saxes'
import { AppError, type InvalidParam, type Message, msg } from '../../domain/errors.js'
import {
  ARCHIMATE_NAMESPACE,
  type ArchimateEigenschap,
  type ArchimateElement,
  type ArchimateModel,
  type ArchimateRelatie,
  XSI_NAMESPACE,
} from '../../domain/interop/archimate-model.js'

// Reads an ArchiMate Model Exchange File as a stream of SAX events (saxes): no DOM, so a
// 50 MB file costs the model it describes and not a tree of every tag. A DOCTYPE is
// refused before anything is read from it, so external entities and entity expansion
// (XXE, "billion laughs") never happen; saxes itself resolves only the five predefined
// entities and character references.

/** The largest exchange file Regiekamer reads: 50 MB. */
export const MAX_ARCHIMATE_BYTES = 50 * 1024 * 1024

/** Problems gathered after a file parsed as XML; more are counted, not listed. */
const MAX_PROBLEMEN = 50

/** Namespaces of the ArchiMate 2.x exchange format: recognised, to say which export to choose instead. */
const ARCHIMATE_2_NAMESPACES = new Set([
  'http://www.opengroup.org/xsd/archimate',
  'http://www.opengroup.org/xsd/archimate/',
  'http://www.opengroup.org/xsd/archimate/2.0/',
  'http://www.opengroup.org/xsd/archimate/2.1/',
])

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace'

/** Strings are fed to the parser in slices of this many characters. */
const STUK = 64 * 1024

/** Characters parsed between two turns of the event loop. */
const PAUZE_NA = 1024 * 1024

const MB = MAX_ARCHIMATE_BYTES / (1024 * 1024)

export type ArchimateInvoer = string | Buffer | AsyncIterable<Buffer | string>

function ongeldig(title: Message, detail: Message, params: InvalidParam[]): AppError {
  return new AppError('ongeldige-invoer', 400, title, detail, params)
}

/** One problem that stops reading at once (not XML, a DOCTYPE, another format): the detail is the reason itself. */
function eenFout(name: string, code: string, reason: Message): AppError {
  return ongeldig(msg('Ongeldig ArchiMate-bestand', 'Invalid ArchiMate file'), reason, [{ name, code, reason }])
}

export function bestandTeGroot(): AppError {
  return new AppError(
    'te-groot',
    413,
    msg('Bestand te groot', 'File too large'),
    msg(
      `Het ArchiMate-bestand is groter dan ${MB} MB (${MAX_ARCHIMATE_BYTES} bytes); het is niet verder gelezen.`,
      `The ArchiMate file is larger than ${MB} MB (${MAX_ARCHIMATE_BYTES} bytes); reading stopped there.`,
    ),
  )
}

/** A text of one language: the Dutch one wins, otherwise the first. */
interface Keuze {
  tekst: string
  nl: boolean
}

function kies(huidig: Keuze | undefined, tekst: string, nl: boolean): Keuze {
  if (huidig === undefined || (nl && !huidig.nl)) return { tekst, nl }
  return huidig
}

interface RuweEigenschap {
  ref: string
  waarde?: Keuze
}

/** A concept being read: the model, an element, a relationship or a property definition. */
interface InLezing {
  soort: 'model' | 'element' | 'relatie' | 'eigenschapdefinitie'
  id: string
  type: string
  bron: string
  doel: string
  regel: number
  naam?: Keuze
  documentatie?: Keuze
  eigenschappen: RuweEigenschap[]
}

/** Where text goes while a `<name>`, `<documentation>` or `<value>` is open. */
interface Vangst {
  veld: 'naam' | 'documentatie' | 'waarde'
  diepte: number
  nl: boolean
  tekst: string
}

const attribuut = (tag: SaxesTagNS, uri: string, local: string): string | undefined => {
  for (const a of Object.values(tag.attributes) as SaxesAttributeNS[]) if (a.uri === uri && a.local === local) return a.value
  return undefined
}

const zonderPrefix = (type: string) => type.slice(type.indexOf(':') + 1)

/** Parsed content before references are resolved. */
interface Ruw {
  model: InLezing
  elementen: InLezing[]
  relaties: InLezing[]
  definities: InLezing[]
  /** The first {@link MAX_PROBLEMEN} problems; `aantal` counts them all. */
  problemen: InvalidParam[]
  aantal: number
}

function meld(ruw: Ruw, p: InvalidParam) {
  ruw.aantal++
  if (ruw.problemen.length < MAX_PROBLEMEN) ruw.problemen.push(p)
}

function nieuwConcept(soort: InLezing['soort'], tag: SaxesTagNS, regel: number): InLezing {
  return {
    soort,
    id: attribuut(tag, '', 'identifier') ?? '',
    type: zonderPrefix(attribuut(tag, XSI_NAMESPACE, 'type') ?? ''),
    bron: attribuut(tag, '', 'source') ?? '',
    doel: attribuut(tag, '', 'target') ?? '',
    regel,
    eigenschappen: [],
  }
}

/** The SAX handlers: a stack of open tags in the ArchiMate namespace and the concept being read. */
function maakLezer(parser: SaxesParser<{ xmlns: true }>, ruw: Ruw) {
  /** Local names of the open tags; '' for a tag outside the ArchiMate namespace. */
  const pad: string[] = []
  let concept: InLezing | undefined
  let conceptDiepte = 0
  /** Depth of a subtree being skipped (views, organizations, unknown tags), or 0. */
  let negeer = 0
  let vangst: Vangst | undefined
  let tagRegel = 1

  const probleem = (p: InvalidParam) => meld(ruw, p)

  parser.on('doctype', (doctype) => {
    // The handler runs at the closing '>': count back the lines the declaration spans.
    const regel = parser.line - (doctype.match(/\n/g)?.length ?? 0)
    throw eenFout(
      `regel ${regel}`,
      'dtd-niet-toegestaan',
      msg(
        `Regel ${regel}: een DOCTYPE (DTD) is niet toegestaan in een ArchiMate-uitwisselingsbestand; het bestand is niet gelezen.`,
        `Line ${regel}: a DOCTYPE (DTD) is not allowed in an ArchiMate exchange file; the file was not read.`,
      ),
    )
  })

  parser.on('error', (e) => {
    const regel = parser.line
    const kolom = parser.column + 1
    const reden = e.message.replace(/^\d+:\d+: /, '')
    if (/^undefined entity/.test(reden))
      throw eenFout(
        `regel ${regel}`,
        'onbekende-entiteit',
        msg(
          `Regel ${regel}, kolom ${kolom}: onbekende entiteit; alleen &amp; &lt; &gt; &quot; &apos; en tekenreferenties (&#...;) zijn toegestaan.`,
          `Line ${regel}, column ${kolom}: undefined entity; only &amp; &lt; &gt; &quot; &apos; and character references (&#...;) are allowed.`,
        ),
      )
    throw eenFout(
      `regel ${regel}`,
      'ongeldig-xml',
      msg(`Regel ${regel}, kolom ${kolom}: geen geldige XML (${reden})`, `Line ${regel}, column ${kolom}: not well-formed XML (${reden})`),
    )
  })

  parser.on('opentagstart', () => {
    // saxes reports this after the character that ends the name; a newline there already counts.
    tagRegel = parser.column === 0 ? parser.line - 1 : parser.line
  })

  parser.on('opentag', (tag) => {
    const diepte = pad.length
    const naam = tag.uri === ARCHIMATE_NAMESPACE ? tag.local : ''
    pad.push(naam)
    if (diepte === 0) {
      controleerWortel(tag)
      concept = ruw.model = nieuwConcept('model', tag, tagRegel)
      return
    }
    if (negeer > 0 || vangst) {
      if (negeer === 0) negeer = diepte + 1
      return
    }
    const ouder = pad[diepte - 1]
    if (diepte === 1) {
      if (!['name', 'documentation', 'properties', 'elements', 'relationships', 'propertyDefinitions'].includes(naam)) negeer = diepte + 1
      else vangTekst(naam, diepte, tag)
      return
    }
    if (diepte === 2 && concept?.soort === 'model') {
      const soort =
        ouder === 'elements' && naam === 'element'
          ? 'element'
          : ouder === 'relationships' && naam === 'relationship'
            ? 'relatie'
            : ouder === 'propertyDefinitions' && naam === 'propertyDefinition'
              ? 'eigenschapdefinitie'
              : undefined
      if (soort) {
        concept = nieuwConcept(soort, tag, tagRegel)
        conceptDiepte = diepte
        return
      }
    }
    const relatief = diepte - conceptDiepte
    if (concept && relatief === 1) {
      if (['name', 'documentation', 'properties'].includes(naam)) vangTekst(naam, diepte, tag)
      else negeer = diepte + 1
      return
    }
    if (concept && relatief === 2 && ouder === 'properties' && naam === 'property') {
      concept.eigenschappen.push({ ref: attribuut(tag, '', 'propertyDefinitionRef') ?? '' })
      return
    }
    if (concept && relatief === 3 && ouder === 'property' && naam === 'value') {
      vangTekst(naam, diepte, tag)
      return
    }
    negeer = diepte + 1
  })

  function vangTekst(naam: string, diepte: number, tag: SaxesTagNS) {
    const veld = naam === 'name' ? 'naam' : naam === 'documentation' ? 'documentatie' : naam === 'value' ? 'waarde' : undefined
    if (!veld) return
    const taal = attribuut(tag, XML_NAMESPACE, 'lang')?.toLowerCase() ?? ''
    vangst = { veld, diepte, nl: taal === 'nl' || taal.startsWith('nl-'), tekst: '' }
  }

  const tekst = (t: string) => {
    if (vangst && negeer === 0 && pad.length === vangst.diepte + 1) vangst.tekst += t
  }
  parser.on('text', tekst)
  parser.on('cdata', tekst)

  parser.on('closetag', () => {
    pad.pop()
    const diepte = pad.length
    if (negeer > 0) {
      if (diepte < negeer) negeer = 0
      return
    }
    if (vangst && diepte === vangst.diepte && concept) {
      const v = vangst
      vangst = undefined
      if (v.veld === 'naam') concept.naam = kies(concept.naam, v.tekst, v.nl)
      else if (v.veld === 'documentatie') concept.documentatie = kies(concept.documentatie, v.tekst, v.nl)
      else {
        const e = concept.eigenschappen[concept.eigenschappen.length - 1]
        if (e) e.waarde = kies(e.waarde, v.tekst, v.nl)
      }
      return
    }
    if (concept && concept.soort !== 'model' && diepte === conceptDiepte) {
      sluitConcept(concept)
      concept = ruw.model
      conceptDiepte = 0
    }
  })

  function sluitConcept(c: InLezing) {
    const waar = `regel ${c.regel}`
    const label = c.soort === 'element' ? 'element' : c.soort === 'relatie' ? 'relationship' : 'propertyDefinition'
    const ontbreekt = (attr: string) =>
      probleem({
        name: waar,
        code: 'verplicht',
        reason: msg(`Regel ${c.regel}: <${label}> mist het attribuut ${attr}.`, `Line ${c.regel}: <${label}> lacks the attribute ${attr}.`),
      })
    if (!c.id) ontbreekt('identifier')
    if (c.soort === 'eigenschapdefinitie') ruw.definities.push(c)
    else {
      if (!c.type) ontbreekt('xsi:type')
      if (c.soort === 'relatie') {
        if (!c.bron) ontbreekt('source')
        if (!c.doel) ontbreekt('target')
        ruw.relaties.push(c)
      } else ruw.elementen.push(c)
    }
  }
}

function controleerWortel(tag: SaxesTagNS) {
  if (tag.uri === ARCHIMATE_NAMESPACE && tag.local === 'model') return
  if (ARCHIMATE_2_NAMESPACES.has(tag.uri))
    throw eenFout(
      'regel 1',
      'andere-versie',
      msg(
        'Dit bestand is van een andere ArchiMate-versie (2.x); exporteer het model in Archi als ArchiMate 3.x-uitwisselingsformaat (Bestand › Exporteren › Model naar Open Exchange File). Regiekamer leest ArchiMate 3.0 en 3.1.',
        'This file is another ArchiMate version (2.x); export as ArchiMate 3.x exchange format from Archi (File › Export › Model to Open Exchange File). Regiekamer reads ArchiMate 3.0 and 3.1.',
      ),
    )
  const ns = tag.uri ? `namespace ${tag.uri}` : 'geen namespace'
  const nsEn = tag.uri ? `namespace ${tag.uri}` : 'no namespace'
  throw eenFout(
    'regel 1',
    'onbekende-namespace',
    msg(
      `Dit is geen ArchiMate-uitwisselingsbestand (<${tag.local}>, ${ns}); verwacht is <model> in namespace ${ARCHIMATE_NAMESPACE}.`,
      `This is not an ArchiMate exchange file (<${tag.local}>, ${nsEn}); expected <model> in namespace ${ARCHIMATE_NAMESPACE}.`,
    ),
  )
}

/** The input as strings, bytes counted against the limit; a multi-byte character split over two chunks is joined. */
async function* tekststukken(invoer: ArchimateInvoer): AsyncGenerator<string> {
  if (typeof invoer === 'string') {
    if (Buffer.byteLength(invoer, 'utf8') > MAX_ARCHIMATE_BYTES) throw bestandTeGroot()
    const tekst = invoer.charCodeAt(0) === 0xfeff ? invoer.slice(1) : invoer
    for (let i = 0; i < tekst.length; i += STUK) yield tekst.slice(i, i + STUK)
    return
  }
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const decodeer = (b: Uint8Array, stream: boolean) => {
    try {
      return decoder.decode(b, { stream })
    } catch {
      throw eenFout(
        'bestand',
        'ongeldig-xml',
        msg(
          'Het bestand is geen geldige UTF-8-tekst; exporteer het opnieuw uit Archi of sla het op als UTF-8.',
          'The file is not valid UTF-8 text; export it again from Archi or save it as UTF-8.',
        ),
      )
    }
  }
  if (Buffer.isBuffer(invoer)) {
    if (invoer.length > MAX_ARCHIMATE_BYTES) throw bestandTeGroot()
    for (let i = 0; i < invoer.length; i += STUK) yield decodeer(invoer.subarray(i, i + STUK), true)
    yield decodeer(new Uint8Array(0), false)
    return
  }
  let bytes = 0
  for await (const stuk of invoer) {
    if (typeof stuk === 'string') {
      bytes += Buffer.byteLength(stuk, 'utf8')
      if (bytes > MAX_ARCHIMATE_BYTES) throw bestandTeGroot()
      yield stuk
    } else {
      bytes += stuk.length
      if (bytes > MAX_ARCHIMATE_BYTES) throw bestandTeGroot()
      yield decodeer(stuk, true)
    }
  }
  yield decodeer(new Uint8Array(0), false)
}

/**
 * The elements and relationships of an ArchiMate 3.x exchange file, with their properties
 * under their definitions' names. Throws an AppError: 413 past {@link MAX_ARCHIMATE_BYTES}
 * (without reading further), 400 for a DOCTYPE, XML that is not well-formed, another format
 * or version, or problems in the model (double identifiers, references to nothing) — those
 * all at once.
 */
export async function leesArchimate(invoer: ArchimateInvoer): Promise<ArchimateModel> {
  const parser = new SaxesParser({ xmlns: true, position: true })
  const leeg: InLezing = { soort: 'model', id: '', type: '', bron: '', doel: '', regel: 1, eigenschappen: [] }
  const ruw: Ruw = { model: leeg, elementen: [], relaties: [], definities: [], problemen: [], aantal: 0 }
  maakLezer(parser, ruw)
  let eerste = true
  let sindsPauze = 0
  for await (let stuk of tekststukken(invoer)) {
    // A string or Buffer in memory would otherwise parse in one go, holding up every other
    // request for seconds (saxes reads about 10 MB/s): let the event loop run each megabyte.
    sindsPauze += stuk.length
    if (sindsPauze >= PAUZE_NA) {
      sindsPauze = 0
      await new Promise((klaar) => setImmediate(klaar))
    }
    // A BOM decoded from bytes by a TextDecoder is already gone; one in a first string chunk is not.
    if (eerste && stuk.length > 0) {
      if (stuk.charCodeAt(0) === 0xfeff) stuk = stuk.slice(1)
      eerste = false
    }
    if (stuk.length > 0) parser.write(stuk)
  }
  parser.close()
  if (ruw.model === leeg)
    throw eenFout('bestand', 'ongeldig-xml', msg('Het bestand bevat geen XML-element.', 'The file contains no XML element.'))
  return sluitAf(ruw)
}

/** Checks identifiers and references, resolves property definitions, and builds the model. */
function sluitAf(ruw: Ruw): ArchimateModel {
  const regels = new Map<string, number>()
  for (const c of [...ruw.elementen, ...ruw.relaties, ...ruw.definities]) {
    if (!c.id) continue
    const eerder = regels.get(c.id)
    if (eerder === undefined) regels.set(c.id, c.regel)
    else
      meld(ruw, {
        name: `regel ${c.regel}`,
        code: 'dubbele-identificatie',
        reason: msg(
          `Regel ${c.regel}: identifier "${c.id}" komt ook voor op regel ${eerder}.`,
          `Line ${c.regel}: identifier "${c.id}" also occurs on line ${eerder}.`,
        ),
      })
  }
  const concepten = new Set<string>()
  for (const c of ruw.elementen) concepten.add(c.id)
  for (const c of ruw.relaties) concepten.add(c.id)
  for (const r of ruw.relaties)
    for (const [rol, rolEn, id] of [
      ['bron', 'source', r.bron],
      ['doel', 'target', r.doel],
    ] as const)
      if (id && !concepten.has(id))
        meld(ruw, {
          name: `regel ${r.regel}`,
          code: 'onbekende-verwijzing',
          reason: msg(
            `Regel ${r.regel}: relatie "${r.id}" heeft als ${rol} "${id}", maar dat element of die relatie staat niet in het bestand.`,
            `Line ${r.regel}: relationship "${r.id}" has ${rolEn} "${id}", which is not an element or relationship in the file.`,
          ),
        })

  const definities = new Map<string, string>()
  for (const d of ruw.definities) if (d.id) definities.set(d.id, d.naam?.tekst ?? d.id)
  const eigenschappen = (c: InLezing): ArchimateEigenschap[] =>
    c.eigenschappen.map((e) => {
      const naam = definities.get(e.ref)
      if (naam === undefined) {
        const wie = c.soort === 'model' ? 'het model' : `"${c.id}"`
        const wieEn = c.soort === 'model' ? 'the model' : `"${c.id}"`
        meld(ruw, {
          name: `regel ${c.regel}`,
          code: 'onbekende-verwijzing',
          reason: msg(
            `Regel ${c.regel}: een eigenschap van ${wie} verwijst naar propertyDefinition "${e.ref}", die niet in het bestand staat.`,
            `Line ${c.regel}: a property of ${wieEn} refers to propertyDefinition "${e.ref}", which is not in the file.`,
          ),
        })
      }
      return { naam: naam ?? e.ref, waarde: e.waarde?.tekst ?? '' }
    })

  const elementen: ArchimateElement[] = ruw.elementen.map((c) => {
    const e: ArchimateElement = { id: c.id, type: c.type, naam: c.naam?.tekst ?? '', eigenschappen: eigenschappen(c), regel: c.regel }
    if (c.documentatie !== undefined) e.documentatie = c.documentatie.tekst
    return e
  })
  const relaties: ArchimateRelatie[] = ruw.relaties.map((c) => {
    const r: ArchimateRelatie = { id: c.id, type: c.type, bron: c.bron, doel: c.doel, eigenschappen: eigenschappen(c), regel: c.regel }
    if (c.naam !== undefined) r.naam = c.naam.tekst
    if (c.documentatie !== undefined) r.documentatie = c.documentatie.tekst
    return r
  })
  const model: ArchimateModel = {
    id: ruw.model.id,
    naam: ruw.model.naam?.tekst ?? '',
    eigenschappen: eigenschappen(ruw.model),
    elementen,
    relaties,
    views: [],
  }
  if (ruw.model.documentatie !== undefined) model.documentatie = ruw.model.documentatie.tekst

  const problemen = ruw.problemen
  if (ruw.aantal > 0) {
    const n = ruw.aantal
    const meer = n > MAX_PROBLEMEN
    throw ongeldig(
      msg('Ongeldig ArchiMate-bestand', 'Invalid ArchiMate file'),
      msg(
        `Het ArchiMate-bestand bevat ${n} fout(en)${meer ? `; de eerste ${MAX_PROBLEMEN} staan in invalidParams` : '; zie invalidParams'}. Eerste: ${problemen[0]?.reason.nl}`,
        `The ArchiMate file contains ${n} error(s)${meer ? `; the first ${MAX_PROBLEMEN} are in invalidParams` : '; see invalidParams'}. First: ${problemen[0]?.reason.en}`,
      ),
      problemen,
    )
  }
  return model
}
