import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { ARCHIMATE_NAMESPACE, XSI_NAMESPACE } from '../src/domain/interop/archimate-model.js'
import { gemeenten } from '../src/io/gemeenten.js'
import { willekeurig } from './willekeur.js'

// A generated ArchiMate 3.1 exchange file the size of a large municipal landscape as Archi
// writes it (bench/archimate.ts): gemeenten (real CBS codes, so they validate) and
// leveranciers as BusinessActors, applicaties with their properties and documentation,
// GEMMA referentiecomponenten with Realization, Serving for who uses what, landelijke
// voorzieningen, and Flow relationships with the properties of a koppeling — most
// unnamed (as in Archi), some named, and some as two named legs through a
// gegevensmakelaar (one koppeling via it). Seeded, so every run writes the same bytes.

export interface Omvang {
  gemeenten: number
  leveranciers: number
  referentiecomponenten: number
  voorzieningen: number
  applicaties: number
  realisaties: number
  gebruik: number
  /** Flow relationships in the file (legs counted one by one). */
  stromen: number
  /** Of those, with a name (legs included). */
  benoemd: number
  /** Koppelingen through a gegevensmakelaar: two named legs each. */
  viaKoppelingen: number
  elementen: number
  relaties: number
  bytes: number
}

export interface Instelling {
  seed: number
  gemeenten: number
  leveranciers: number
  referentiecomponenten: number
  /** Applicaties per gemeente, besides its gegevensmakelaar. */
  appsPerGemeente: number
  stromen: number
  /** Share of single flows that carry a name. */
  benoemdAandeel: number
  viaKoppelingen: number
}

export const STANDAARD_INSTELLING: Instelling = {
  seed: 15,
  gemeenten: 300,
  leveranciers: 40,
  referentiecomponenten: 60,
  appsPerGemeente: 26,
  stromen: 13_500,
  benoemdAandeel: 0.05,
  viaKoppelingen: 1_000,
}

const PRODUCTEN = [
  'Key2Belastingen',
  'Key2Burgerzaken',
  'Suite4Sociaal Domein',
  'Suite4Belastingen',
  'iBurgerzaken',
  'Centric Burgerzaken',
  'Djuma',
  'Corsa',
  'Decos JOIN',
  'Zaaksysteem.nl',
  'Mozard',
  'Xential',
  'iDocument',
  'GWS4all',
  'Civision Samenlevingszaken',
  'Civision Innen',
  'Key2Financiën',
  'Unit4 Financials',
  'AFAS Profit',
  'Visma Raet Youforce',
  'YouForce HR',
  'TOPdesk',
  'Squit XO',
  'Key2Omgevingsvergunningen',
  'Powerbrowser',
  'GISkit',
  'Geoweb',
  'Neuron BAG',
  'Key2BAG',
  'Stipter',
  'Ultimo',
  'Tribes',
  'Open Formulieren',
  'Open Zaak',
  'Open Klant',
  'Mijn Loket',
  'Notubiz',
  'iBabs',
  'Qmatic',
  'JCC Afspraken',
  'Sociaal Domein Online',
  'Inkomensvoorziening',
  'Leerlingenvervoer Online',
  'Cognos Rapportage',
  'Vicrea Datadistributie',
] as const

const LEVERANCIER_NAMEN = [
  'Centric',
  'PinkRoccade Local Government',
  'Enable-U',
  'Visma Raet',
  'Unit4',
  'AFAS Software',
  'TOPdesk',
  'Roxit',
  'Genetics',
  'Dimpact',
  'Conduction',
  'Maykin Media',
  'Decos',
  'Mozard',
  'Xential',
  'JCC Software',
  'Qmatic',
  'Notubiz',
  'iBabs',
  'Gemeenteweb',
  'Esri Nederland',
  'Geodan',
  'Neuron',
  'Vicrea',
  'Exxellence',
  'Shift2',
  'Stipter',
  'Ultimo',
  'Tribes',
  'IBM Nederland',
  'Microsoft Nederland',
  'Simac',
  'Ordina',
  'Sogeti',
  'Capgemini',
  'Info Support',
  'Circle Software',
  'Procura',
  'Ciphix',
  'Valtimo',
]

const REFERENTIE = [
  'Zaaksysteem',
  'Documentmanagementsysteem',
  'Klantinteractiesysteem',
  'Basisregistratie personen',
  'Belastingsysteem',
  'WOZ-administratie',
  'Financieel systeem',
  'HR-systeem',
  'Omgevingsloket',
  'Vergunningensysteem',
  'BAG-beheer',
  'BGT-beheer',
  'Sociaal domein registratie',
  'Inkomensvoorziening',
  'Gegevensmagazijn',
  'Gegevensmakelaar',
  'Formulierenserver',
  'Afsprakensysteem',
  'Raadsinformatiesysteem',
  'Archiefsysteem',
  'Servicedesk',
  'GEO-viewer',
  'Publicatiesysteem',
  'Burgerzakenmodules',
  'Leerlingenvervoer',
  'Schuldhulpverlening',
  'Parkeerbeheer',
  'Handhavingsysteem',
  'Subsidiesysteem',
  'Inkoopsysteem',
  'Contractbeheer',
  'Personeelsportaal',
  'Managementinformatie',
  'Kadastrale informatie',
  'Adressenregister',
]

const STANDAARDEN = [
  'StUF-BG 3.10',
  'StUF-ZKN 3.10',
  'ZGW API 1.5',
  'Haal Centraal BRP 2.0',
  'Haal Centraal BAG 2.0',
  'Digikoppeling 3.0',
  'CSV',
  'SFTP',
  'iWlz 3.1',
  'JW 3.1',
]
const KOPPELTYPES = ['API', 'Webservice', 'Bestandsoverdracht', 'StUF', 'Message queue', 'Database']
const GEGEVENS = [
  'Persoonsgegevens',
  'Adresgegevens',
  'Zaakgegevens',
  'Documenten',
  'Aanslagen',
  'Betalingen',
  'Beschikkingen',
  'Objectgegevens',
  'Meldingen',
  'Roosters',
]
const VOORZIENINGEN = [
  'BRP',
  'BAG',
  'BGT',
  'BRK',
  'DigiD',
  'eHerkenning',
  'Suwinet',
  'Digilevering',
  'MijnOverheid Berichtenbox',
  'Logius Digipoort',
]
const HOSTING = ['SaaS', 'On-premise', 'Bij gastheer']
const STATUS = ['In productie', 'In productie', 'In productie', 'Uit te faseren', 'Gepland']
const BIV = ['Laag', 'Midden', 'Hoog']
const ZINNEN = [
  'Wordt gebruikt door de afdeling Publiekszaken voor de dagelijkse dienstverlening aan inwoners.',
  'Onderdeel van de gezamenlijke ICT-voorziening van de samenwerking; beheer bij de gastheergemeente.',
  'Contract loopt tot eind 2027; aanbesteding voor vervanging is in voorbereiding.',
  'Koppelt met de basisregistraties via de gegevensmakelaar; wijzigingen altijd afstemmen met informatiebeheer.',
  'Bevat persoonsgegevens; verwerking is opgenomen in het verwerkingsregister (AVG art. 30).',
  'Gegevens worden nachtelijk gesynchroniseerd; bij storing neemt de servicedesk contact op met de leverancier.',
]

const PROPS = [
  'CBS-code',
  'Type',
  'Leverancier',
  'Versie',
  'Hosting',
  'Status',
  'Object ID',
  'GEMMA type',
  'Landelijke voorziening',
  'Standaard',
  'Persoonsgegevens',
  'Vertrouwelijkheid',
  'Integriteit',
  'Beschikbaarheid',
  'Website',
] as const
const propId = (naam: (typeof PROPS)[number]) => `propid-${PROPS.indexOf(naam) + 1}`

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

type Eigenschappen = [(typeof PROPS)[number], string][]

const eigenschappenXml = (lijst: Eigenschappen) =>
  lijst.length === 0
    ? ''
    : `      <properties>\n${lijst
        .map(([n, w]) => `        <property propertyDefinitionRef="${propId(n)}"><value xml:lang="nl">${esc(w)}</value></property>\n`)
        .join('')}      </properties>\n`

const elementXml = (id: string, type: string, naam: string, eig: Eigenschappen, doc?: string) =>
  `    <element identifier="${id}" xsi:type="${type}">\n      <name xml:lang="nl">${esc(naam)}</name>\n${doc ? `      <documentation xml:lang="nl">${esc(doc)}</documentation>\n` : ''}${eigenschappenXml(eig)}    </element>\n`

const relatieXml = (id: string, type: string, bron: string, doel: string, eig: Eigenschappen, naam?: string, doc?: string) =>
  `    <relationship identifier="${id}" source="${bron}" target="${doel}" xsi:type="${type}">\n${naam ? `      <name xml:lang="nl">${esc(naam)}</name>\n` : ''}${doc ? `      <documentation xml:lang="nl">${esc(doc)}</documentation>\n` : ''}${eigenschappenXml(eig)}    </relationship>\n`

const kop = (id: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<model xmlns="${ARCHIMATE_NAMESPACE}" xmlns:xsi="${XSI_NAMESPACE}" xsi:schemaLocation="${ARCHIMATE_NAMESPACE} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd" identifier="${id}">\n  <name xml:lang="nl">Applicatielandschap gemeenten (gegenereerd)</name>\n  <documentation xml:lang="nl">Gegenereerd door bench/archimate-model.ts voor de meting van import en export.</documentation>\n`

/** Writes the model to `pad` and says what is in it. */
export async function schrijfModel(pad: string, inst: Instelling = STANDAARD_INSTELLING): Promise<Omvang> {
  const rnd = willekeurig(inst.seed)
  const kies = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T
  const hex = (n: number) => {
    let s = ''
    for (let i = 0; i < n; i++) s += Math.floor(rnd() * 16).toString(16)
    return s
  }
  // Archi's identifiers: "id-" and 32 hex digits (no dashes, so not Regiekamer's id-<uuid>).
  const nieuwId = () => `id-${hex(32)}`
  const guid = () => `{${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}}`.toUpperCase()

  const uit = createWriteStream(pad)
  let buffer = ''
  let bytes = 0
  const schrijf = async (s: string) => {
    buffer += s
    if (buffer.length >= 256 * 1024) {
      bytes += Buffer.byteLength(buffer)
      if (!uit.write(buffer)) await once(uit, 'drain')
      buffer = ''
    }
  }
  const omvang: Omvang = {
    gemeenten: 0,
    leveranciers: 0,
    referentiecomponenten: 0,
    voorzieningen: 0,
    applicaties: 0,
    realisaties: 0,
    gebruik: 0,
    stromen: 0,
    benoemd: 0,
    viaKoppelingen: 0,
    elementen: 0,
    relaties: 0,
    bytes: 0,
  }

  await schrijf(kop(nieuwId()))
  await schrijf('  <elements>\n')
  const gemeenteIds: { id: string; naam: string }[] = []
  for (const g of [...gemeenten().values()].slice(0, inst.gemeenten)) {
    const id = nieuwId()
    gemeenteIds.push({ id, naam: g.naam })
    await schrijf(
      elementXml(id, 'BusinessActor', `Gemeente ${g.naam}`, [
        ['CBS-code', g.cbsCode],
        ['Type', 'Gemeente'],
      ]),
    )
    omvang.gemeenten++
  }
  const leveranciers = LEVERANCIER_NAMEN.slice(0, inst.leveranciers)
  for (const naam of leveranciers) {
    const eig: Eigenschappen = [['Type', 'Leverancier']]
    if (rnd() < 0.6) eig.push(['Website', `https://www.${naam.toLowerCase().replace(/[^a-z0-9]+/g, '')}.nl`])
    await schrijf(elementXml(nieuwId(), 'BusinessActor', naam, eig))
    omvang.leveranciers++
  }
  const refIds: string[] = []
  for (let i = 0; i < inst.referentiecomponenten; i++) {
    const id = nieuwId()
    refIds.push(id)
    const naam =
      i < REFERENTIE.length ? (REFERENTIE[i] as string) : `${REFERENTIE[i % REFERENTIE.length]} ${Math.floor(i / REFERENTIE.length) + 1}`
    await schrijf(
      elementXml(
        id,
        'ApplicationComponent',
        naam,
        [
          ['GEMMA type', 'Referentiecomponent'],
          ['Object ID', guid()],
        ],
        `GEMMA referentiecomponent ${naam}: ${kies(ZINNEN)}`,
      ),
    )
    omvang.referentiecomponenten++
  }
  const voorzieningIds: string[] = []
  for (const naam of VOORZIENINGEN) {
    const id = nieuwId()
    voorzieningIds.push(id)
    await schrijf(elementXml(id, 'ApplicationComponent', naam, [['Landelijke voorziening', 'Ja']]))
    omvang.voorzieningen++
  }
  // Per gemeente: its applicaties (distinct products), and one gegevensmakelaar for the via legs.
  const apps: { id: string; gemeente: number }[] = []
  const appsVan: string[][] = []
  const makelaars: string[] = []
  const realisaties: [string, string][] = []
  const gebruik: [string, string][] = []
  for (const [gi, g] of gemeenteIds.entries()) {
    const producten = [...PRODUCTEN].sort(() => rnd() - 0.5).slice(0, inst.appsPerGemeente)
    const eigen: string[] = []
    for (const product of [...producten, 'Gegevensmakelaar']) {
      const id = nieuwId()
      const eig: Eigenschappen = []
      const leverancier = kies(leveranciers)
      eig.push(['Leverancier', leverancier])
      eig.push(['Versie', `${1 + Math.floor(rnd() * 12)}.${Math.floor(rnd() * 10)}.${Math.floor(rnd() * 30)}`])
      if (rnd() < 0.85) eig.push(['Hosting', kies(HOSTING)])
      if (rnd() < 0.8) eig.push(['Status', kies(STATUS)])
      if (rnd() < 0.7) eig.push(['Object ID', guid()])
      const doc = rnd() < 0.6 ? `${product} bij gemeente ${g.naam}. ${kies(ZINNEN)} ${kies(ZINNEN)}` : undefined
      await schrijf(elementXml(id, 'ApplicationComponent', `${product} ${g.naam}`, eig, doc))
      omvang.applicaties++
      apps.push({ id, gemeente: gi })
      if (product === 'Gegevensmakelaar') makelaars.push(id)
      else eigen.push(id)
      realisaties.push([id, kies(refIds)])
      if (rnd() < 0.4) realisaties.push([id, kies(refIds)])
      gebruik.push([id, g.id])
      if (rnd() < 0.3) gebruik.push([id, (gemeenteIds[(gi + 1) % gemeenteIds.length] as { id: string }).id])
    }
    appsVan.push(eigen)
  }
  await schrijf('  </elements>\n  <relationships>\n')
  const gezien = new Set<string>()
  for (const [a, r] of realisaties) {
    if (gezien.has(`${a}>${r}`)) continue
    gezien.add(`${a}>${r}`)
    await schrijf(relatieXml(nieuwId(), 'Realization', a, r, []))
    omvang.realisaties++
  }
  for (const [a, g] of gebruik) {
    await schrijf(relatieXml(nieuwId(), 'Serving', a, g, []))
    omvang.gebruik++
  }
  const stroomEig = (): Eigenschappen => {
    const eig: Eigenschappen = [
      ['Type', kies(KOPPELTYPES)],
      ['Standaard', kies(STANDAARDEN)],
    ]
    if (rnd() < 0.9) eig.push(['Persoonsgegevens', rnd() < 0.6 ? 'Ja' : 'Nee'])
    if (rnd() < 0.8) eig.push(['Vertrouwelijkheid', kies(BIV)])
    if (rnd() < 0.3) eig.push(['Integriteit', kies(BIV)], ['Beschikbaarheid', kies(BIV)])
    return eig
  }
  // Via koppelingen: A → makelaar → B, two legs of one name.
  for (let i = 0; i < inst.viaKoppelingen; i++) {
    const gi = i % gemeenteIds.length
    const eigen = appsVan[gi] as string[]
    const a = kies(eigen)
    let b = kies(eigen)
    while (b === a) b = kies(eigen)
    const naam = `${kies(GEGEVENS)} via makelaar ${i + 1}`
    const x = makelaars[gi] as string
    await schrijf(relatieXml(nieuwId(), 'Flow', a, x, stroomEig(), naam))
    await schrijf(relatieXml(nieuwId(), 'Flow', x, b, stroomEig(), naam))
    omvang.viaKoppelingen++
    omvang.stromen += 2
    omvang.benoemd += 2
  }
  // Single flows: mostly within a gemeente, some to the neighbour's or a landelijke voorziening; no pair twice.
  const paren = new Set<string>()
  while (omvang.stromen < inst.stromen) {
    const bronApp = apps[Math.floor(rnd() * apps.length)] as { id: string; gemeente: number }
    const r = rnd()
    const doel =
      r < 0.08
        ? kies(voorzieningIds)
        : r < 0.2
          ? kies(appsVan[(bronApp.gemeente + 1) % gemeenteIds.length] as string[])
          : kies(appsVan[bronApp.gemeente] as string[])
    const [bron, naar] = r < 0.04 ? [doel, bronApp.id] : [bronApp.id, doel]
    if (bron === naar || paren.has(`${bron}>${naar}`)) continue
    paren.add(`${bron}>${naar}`)
    const benoemd = rnd() < inst.benoemdAandeel
    const naam = benoemd ? `${kies(GEGEVENS)} ${omvang.stromen + 1}` : undefined
    const doc = rnd() < 0.25 ? kies(ZINNEN) : undefined
    await schrijf(relatieXml(nieuwId(), 'Flow', bron, naar, stroomEig(), naam, doc))
    omvang.stromen++
    if (benoemd) omvang.benoemd++
  }
  await schrijf('  </relationships>\n  <propertyDefinitions>\n')
  for (const naam of PROPS)
    await schrijf(
      `    <propertyDefinition identifier="${propId(naam)}" type="string">\n      <name xml:lang="nl">${naam}</name>\n    </propertyDefinition>\n`,
    )
  await schrijf('  </propertyDefinitions>\n</model>\n')
  bytes += Buffer.byteLength(buffer)
  uit.end(buffer)
  await once(uit, 'finish')
  omvang.elementen = omvang.gemeenten + omvang.leveranciers + omvang.referentiecomponenten + omvang.voorzieningen + omvang.applicaties
  omvang.relaties = omvang.realisaties + omvang.gebruik + omvang.stromen
  omvang.bytes = bytes
  return omvang
}

/**
 * A well-formed start of a model that goes on for `totaal` bytes (elements of applicaties
 * with properties), in chunks of 64 KiB, made as it is read: for the reader's size limit,
 * without the file ever existing.
 */
export async function* eindeloosModel(totaal: number): AsyncGenerator<Buffer> {
  let n = 0
  let gegeven = 0
  let stuk = `${kop('id-groot')}  <elements>\n`
  while (gegeven < totaal) {
    while (stuk.length < 64 * 1024) {
      n++
      stuk += elementXml(
        `id-e${n}`,
        'ApplicationComponent',
        `Applicatie ${n}`,
        [
          ['Leverancier', LEVERANCIER_NAMEN[n % LEVERANCIER_NAMEN.length] as string],
          ['Versie', `${n % 13}.${n % 7}`],
          ['Hosting', HOSTING[n % 3] as string],
        ],
        ZINNEN[n % ZINNEN.length],
      )
    }
    const b = Buffer.from(stuk)
    stuk = ''
    gegeven += b.length
    yield b
  }
}
