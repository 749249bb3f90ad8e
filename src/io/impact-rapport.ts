import type { Taal } from '../domain/taal.js'
import type { ImpactUitkomst } from '../schemas/impact.js'
import type { ImpactScenario } from '../schemas/scenario.js'
import { datumIn } from './declaratie-tekst.js'
import { euro } from './transparantie-format.js'

// The report of an impact scenario as a council member reads it (issue 13): the question,
// the changes in words, the assumptions, what is affected with the path that explains it
// and who must act, the cost effect per organisation per year and the open risks. One
// text model, drawn as Markdown here and as PDF in impact-rapport-pdf.ts, so both say the
// same. Pure: the caller passes the outcome (already limited to what the reader may see)
// and a way to name the ids the changes refer to — a report never prints a raw id.

export interface ImpactRapportGegevens {
  scenario: ImpactScenario
  uitkomst: ImpactUitkomst
  /** The name of an organisation, samenwerking, gastheerschap or applicatie the changes name; undefined when unknown or not visible. */
  namen: (id: string) => string | undefined
  gemaaktOp: Date
  taal: Taal
}

export interface Kolom {
  kop: string
  /** Relative width in the PDF. */
  breedte: number
  rechts?: boolean
}

export type Blok =
  | { soort: 'alinea'; tekst: string; nadruk?: boolean }
  | { soort: 'lijst'; items: string[]; genummerd?: boolean }
  | { soort: 'tabel'; kolommen: Kolom[]; rijen: string[][]; totaalrij?: boolean }
  | { soort: 'paren'; paren: [string, string][] }

export interface Sectie {
  kop: string
  /** 2: a section, 3: a part of the consequences. */
  niveau: 2 | 3
  blokken: Blok[]
}

export interface ImpactRapport {
  titel: string
  ondertitel?: string
  /** The scenario's own "Fictief" sentences, shown under the title and in every footer. */
  fictief: string[]
  secties: Sectie[]
  voettekst: string
  taal: Taal
}

type W = ImpactScenario['invoer']['wijzigingen'][number]

const nl = {
  titel: (naam: string) => `Impactanalyse: ${naam}`,
  fictiefKop: 'FICTIEF',
  gegevens: 'Gegevens',
  scenario: 'Scenario',
  samenwerking: 'Samenwerking',
  opsteller: 'Opgesteld door',
  peildatum: 'Peildatum',
  kostenjaar: 'Kostenjaar',
  gemaakt: 'Rapport gemaakt op',
  toelichting: 'Toelichting',
  vraag: 'Vraag',
  geenVraag: 'Er is geen vraag vastgelegd.',
  wijzigingen: 'Wijzigingen',
  aannames: 'Aannames',
  geenAannames: 'Er zijn geen aannames vastgelegd.',
  samenvatting: 'Samenvatting',
  onderdeel: 'Onderdeel',
  aantal: 'Aantal',
  aantallen: {
    gastheerschappen: 'Gastheerschappen',
    koppelingen: 'Koppelingen',
    koppelingenGevoelig: 'waarvan gevoelig (vertrouwelijkheid hoog of persoonsgegevens)',
    koppelingenViaTussenschakel: 'waarvan via een tussenschakel',
    applicaties: 'Applicaties',
    organisaties: 'Organisaties die moeten handelen',
    contracten: 'Contracten',
    toegangen: 'Toegangen',
    bevindingen: 'Bevindingen',
  } as Record<keyof ImpactUitkomst['aantallen'], string>,
  zichtbaarheid:
    'Dit rapport bevat alleen wat de lezer mag zien: een object dat hij niet mag zien telt nergens mee en staat in een pad als "niet zichtbaar object".',
  gevolgen: 'Gevolgen',
  gastheerschappen: 'Gastheerschappen',
  koppelingen: 'Koppelingen',
  koppelingenUitleg:
    'Gevoelige koppelingen (vertrouwelijkheid hoog of persoonsgegevens) eerst. Het pad verklaart waarom de koppeling geraakt is.',
  applicaties: 'Applicaties',
  contracten: 'Contracten',
  toegangen: 'Toegangen',
  kringlopen: 'Kringlopen',
  kringlopenUitleg: 'Kringlopen van koppelingen via tussenschakels: de analyse stopte daar.',
  bevindingen: 'Bevindingen voor de nieuwe partij',
  organisaties: 'Organisaties die moeten handelen',
  geen: 'Geen.',
  taak: 'Taak',
  gastheer: 'Gastheer',
  eigenaar: 'Eigenaar',
  actie: 'Wat moet er gebeuren',
  wijziging: 'Wijziging',
  koppeling: 'Koppeling',
  gevoeligheid: 'Vertrouwelijkheid',
  betrokkenheid: 'Betrokkenheid',
  pad: 'Pad',
  applicatie: 'Applicatie',
  omschrijving: 'Omschrijving',
  leverancier: 'Leverancier',
  partij: 'Partij',
  ernst: 'Ernst',
  bevinding: 'Bevinding',
  maatregel: 'Maatregel',
  organisatie: 'Organisatie',
  rollen: 'Rollen',
  acties: 'Acties',
  niveau: (v: string) => v,
  persoonsgegevens: 'persoonsgegevens',
  betrokken: { direct: 'direct', 'via tussenschakel': 'via tussenschakel' } as Record<string, string>,
  kosten: 'Kosteneffect',
  kostenUitleg: (jaar: number) =>
    `Per organisatie wat zij per jaar betaalt, nu en na de wijziging, volgens de kostenposten van ${jaar} en dezelfde verdeling als de declaraties. ` +
    'Een positief verschil betekent dat de organisatie meer betaalt. Daarnaast de kosten die de opsteller zelf heeft ingevuld.',
  geenKostenjaar:
    'Er zijn tot de peildatum geen kostenposten bekend: het verschil per jaar is niet te berekenen. Hieronder alleen de ingevulde kosten.',
  nu: 'Nu per jaar',
  straks: 'Straks per jaar',
  verschil: 'Verschil per jaar',
  jaarlijksExtra: 'Ingevuld per jaar',
  eenmalig: 'Eenmalig (ingevuld)',
  totaal: 'Totaal',
  ingevuld: 'Ingevulde kosten',
  perJaar: 'Per jaar',
  eenmaligKort: 'Eenmalig',
  herziening: 'Herziening van verdeelsleutels nodig',
  herzieningUitleg: 'Deze kostenposten komen tot een herziening voor rekening van de kostenmaker.',
  kostenpost: 'Kostenpost',
  reden: 'Reden',
  risicos: 'Open risico’s',
  geenRisicos: 'Er zijn geen open risico’s gevonden; dat is geen garantie dat er geen zijn.',
  verborgen: 'niet zichtbaar object',
  voet: (moment: string) => `Gemaakt door Regiekamer op ${moment} (Europe/Amsterdam)`,
  en: 'en',
  wijzigingZin: {
    uittredenSamenwerking: (o: string, d: string, s: string) => `${o} treedt per ${d} uit de samenwerking ${s} (al haar gastheerschappen).`,
    uittredenGastheerschap: (o: string, d: string, g: string) => `${o} stopt per ${d} als afnemer van het gastheerschap ${g}.`,
    uittreden: (o: string, d: string) => `${o} treedt per ${d} uit.`,
    gastheerStopt: (g: string, d: string) => `Het gastheerschap ${g} eindigt per ${d}: de gastheer stopt.`,
    leverancierVervangen: (l: string, d: string, n?: string) => `Leverancier ${l} wordt per ${d} vervangen${n ? ` door ${n}` : ''}.`,
    leverancierFailliet: (l: string, d: string) => `Leverancier ${l} valt per ${d} weg (faillissement).`,
    uitfaseren: (a: string, d: string) => `Applicatie ${a} wordt per ${d} uitgefaseerd.`,
    vervangen: (a: string, d: string, v?: string) => `Applicatie ${a} wordt per ${d} vervangen${v ? ` door ${v}` : ''}.`,
    uitbesteden: (o: string, d: string, as: string, p: string) =>
      `${o} besteedt per ${d} ${as} (of de infrastructuur eronder) uit aan ${p}.`,
    standaard: (s: string, d: string, v?: string, nv?: string) =>
      `Standaard ${s}${v ? ` versie ${v}` : ''} wijzigt per ${d}${nv ? ` naar ${nv}` : ''}: elke koppeling erop moet mee.`,
    endpoint: (a: string, d: string) => `Het endpoint (adres, certificaat) van applicatie ${a} wijzigt per ${d}.`,
  },
}
type Teksten = typeof nl

const en: Teksten = {
  titel: (naam: string) => `Impact analysis: ${naam}`,
  fictiefKop: 'FICTITIOUS (FICTIEF)',
  gegevens: 'Details',
  scenario: 'Scenario',
  samenwerking: 'Cooperation',
  opsteller: 'Drawn up by',
  peildatum: 'Reference date',
  kostenjaar: 'Cost year',
  gemaakt: 'Report made on',
  toelichting: 'Explanation',
  vraag: 'Question',
  geenVraag: 'No question was recorded.',
  wijzigingen: 'Changes',
  aannames: 'Assumptions',
  geenAannames: 'No assumptions were recorded.',
  samenvatting: 'Summary',
  onderdeel: 'Item',
  aantal: 'Number',
  aantallen: {
    gastheerschappen: 'Hosting arrangements',
    koppelingen: 'Data links',
    koppelingenGevoelig: 'of which sensitive (highly confidential or personal data)',
    koppelingenViaTussenschakel: 'of which through an intermediary',
    applicaties: 'Applications',
    organisaties: 'Organisations that must act',
    contracten: 'Contracts',
    toegangen: 'Access grants',
    bevindingen: 'Findings',
  },
  zichtbaarheid:
    'This report holds only what the reader may see: an object they may not see counts nowhere and appears in a path as "not visible object".',
  gevolgen: 'Consequences',
  gastheerschappen: 'Hosting arrangements',
  koppelingen: 'Data links',
  koppelingenUitleg: 'Sensitive data links (highly confidential or personal data) first. The path explains why the link is affected.',
  applicaties: 'Applications',
  contracten: 'Contracts',
  toegangen: 'Access grants',
  kringlopen: 'Loops',
  kringlopenUitleg: 'Loops of data links through intermediaries: the analysis stopped there.',
  bevindingen: 'Findings for the new party',
  organisaties: 'Organisations that must act',
  geen: 'None.',
  taak: 'Task',
  gastheer: 'Host',
  eigenaar: 'Owner',
  actie: 'What must happen',
  wijziging: 'Change',
  koppeling: 'Data link',
  gevoeligheid: 'Confidentiality',
  betrokkenheid: 'Involvement',
  pad: 'Path',
  applicatie: 'Application',
  omschrijving: 'Description',
  leverancier: 'Supplier',
  partij: 'Party',
  ernst: 'Severity',
  bevinding: 'Finding',
  maatregel: 'Measure',
  organisatie: 'Organisation',
  rollen: 'Roles',
  acties: 'Actions',
  niveau: (v: string) => (({ laag: 'low', midden: 'medium', hoog: 'high' }) as Record<string, string>)[v] ?? v,
  persoonsgegevens: 'personal data',
  betrokken: { direct: 'direct', 'via tussenschakel': 'through an intermediary' },
  kosten: 'Cost effect',
  kostenUitleg: (jaar: number) =>
    `Per organisation what it pays per year, now and after the change, under the cost items of ${jaar} and the same allocation as the declarations. ` +
    'A positive difference means the organisation pays more. Besides that, the costs the author entered.',
  geenKostenjaar:
    'No cost items are known up to the reference date: the difference per year cannot be computed. Below only the costs entered.',
  nu: 'Now per year',
  straks: 'After per year',
  verschil: 'Difference per year',
  jaarlijksExtra: 'Entered per year',
  eenmalig: 'One-off (entered)',
  totaal: 'Total',
  ingevuld: 'Costs entered',
  perJaar: 'Per year',
  eenmaligKort: 'One-off',
  herziening: 'Allocation keys to revise',
  herzieningUitleg: 'Until revised, these cost items are borne by the organisation that makes them.',
  kostenpost: 'Cost item',
  reden: 'Reason',
  risicos: 'Open risks',
  geenRisicos: 'No open risks were found; that does not guarantee there are none.',
  verborgen: 'not visible object',
  voet: (moment: string) => `Made by Regiekamer on ${moment} (Europe/Amsterdam)`,
  en: 'and',
  wijzigingZin: {
    uittredenSamenwerking: (o, d, s) => `${o} leaves the cooperation ${s} on ${d} (all its hosting arrangements).`,
    uittredenGastheerschap: (o, d, g) => `${o} stops taking the hosting arrangement ${g} on ${d}.`,
    uittreden: (o, d) => `${o} leaves on ${d}.`,
    gastheerStopt: (g, d) => `The hosting arrangement ${g} ends on ${d}: the host stops.`,
    leverancierVervangen: (l, d, n) => `Supplier ${l} is replaced on ${d}${n ? ` by ${n}` : ''}.`,
    leverancierFailliet: (l, d) => `Supplier ${l} falls away on ${d} (bankruptcy).`,
    uitfaseren: (a, d) => `Application ${a} is phased out on ${d}.`,
    vervangen: (a, d, v) => `Application ${a} is replaced on ${d}${v ? ` by ${v}` : ''}.`,
    uitbesteden: (o, d, as, p) => `${o} outsources ${as} (or the infrastructure beneath) to ${p} on ${d}.`,
    standaard: (s, d, v, nv) =>
      `Standard ${s}${v ? ` version ${v}` : ''} changes on ${d}${nv ? ` to ${nv}` : ''}: every data link on it must follow.`,
    endpoint: (a, d) => `The endpoint (address, certificate) of application ${a} changes on ${d}.`,
  },
}

export const RAPPORT_TEKSTEN: Record<Taal, Teksten> = { nl, en }

/** Amount with a sign when it grows: `€ +1.234,56` (nl), `+€1,234.56` (en); a decrease keeps its minus. */
export function verschilBedrag(centen: number, taal: Taal): string {
  const e = euro(centen, taal)
  if (centen <= 0) return e
  return taal === 'nl' ? e.replace('€\u00a0', '€\u00a0+') : `+${e}`
}

/** A point in time as a reader in the Netherlands writes it, e.g. `7 december 2026 16:05`. */
export function moment(d: Date, taal: Taal): string {
  return new Intl.DateTimeFormat(taal === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(d)
}

/** A path of steps as one line, `Wijdemeren → Belastingen → Gegevensmakelaar → …`. */
export function padTekst(pad: readonly { naam: string; soort?: string }[], taal: Taal): string {
  return pad.map((s) => (s.soort === 'verborgen' ? RAPPORT_TEKSTEN[taal].verborgen : s.naam)).join(' → ')
}

const FICTIEF = /fictie[fv]|fictitious/i

/** The Fictief sentences after the FICTIEF label, without saying "Fictief:" twice. */
export function fictiefTekst(zinnen: string[]): string {
  const tekst = zinnen.map((z) => z.replace(/^fictief\s*[:.—–-]\s*/i, '')).filter((z) => z !== '' && !/^fictief$/i.test(z))
  return tekst.join(' ')
}

/** The scenario's own sentences that mark figures as invented, in order, once each. */
export function fictiefZinnen(s: ImpactScenario): string[] {
  const bronnen = [s.toelichting, s.omschrijving, ...(s.invoer.aannames ?? [])]
  const uit: string[] = []
  for (const b of bronnen) if (b && FICTIEF.test(b) && !uit.includes(b.trim())) uit.push(b.trim())
  // Only cost lines marked fictief: the report says so even without a sentence.
  if (uit.length === 0 && (s.invoer.kosten ?? []).some((k) => FICTIEF.test(k.omschrijving))) uit.push('Fictief')
  return uit
}

function opsomming(namen: string[], taal: Taal): string {
  if (namen.length <= 1) return namen[0] ?? ''
  return `${namen.slice(0, -1).join(', ')} ${RAPPORT_TEKSTEN[taal].en} ${namen[namen.length - 1]}`
}

/** One change in words, with its date and the names of what it names. */
export function wijzigingTekst(w: W, naam: (id: string | undefined) => string, taal: Taal): string {
  const z = RAPPORT_TEKSTEN[taal].wijzigingZin
  const d = datumIn(w.datum, taal)
  switch (w.soort) {
    case 'uittreden':
      if (w.samenwerkingId) return z.uittredenSamenwerking(naam(w.organisatieId), d, naam(w.samenwerkingId))
      if (w.gastheerschapId) return z.uittredenGastheerschap(naam(w.organisatieId), d, naam(w.gastheerschapId))
      return z.uittreden(naam(w.organisatieId), d)
    case 'gastheer stopt':
      return z.gastheerStopt(naam(w.gastheerschapId), d)
    case 'leverancier vervangen':
      return z.leverancierVervangen(naam(w.leverancierId), d, w.nieuweLeverancierId ? naam(w.nieuweLeverancierId) : undefined)
    case 'leverancier failliet':
      return z.leverancierFailliet(naam(w.leverancierId), d)
    case 'applicatie uitfaseren':
      return z.uitfaseren(naam(w.applicatieId), d)
    case 'applicatie vervangen':
      return z.vervangen(naam(w.applicatieId), d, w.vervangerId ? naam(w.vervangerId) : undefined)
    case 'uitbesteden':
      return z.uitbesteden(naam(w.organisatieId), d, opsomming(w.applicatieIds.map(naam), taal), naam(w.partijId))
    case 'standaard wijzigt':
      return z.standaard(w.standaard, d, w.versie, w.nieuweVersie)
    case 'endpoint wijzigt':
      return z.endpoint(naam(w.applicatieId), d)
  }
}

/** The text model of the report: sections of paragraphs, lists and tables, in the reader's language. */
export function impactRapport(g: ImpactRapportGegevens): ImpactRapport {
  const { scenario: s, uitkomst: u, taal } = g
  const T = RAPPORT_TEKSTEN[taal]
  const e = (c: number) => euro(c, taal)
  const naam = (id: string | undefined) => (id ? (g.namen(id) ?? g.namen(id.toLowerCase()) ?? T.verborgen) : T.verborgen)
  const bericht = (m: { nl: string; en: string }) => m[taal]
  const nummers = (ws: number[]) => ws.map((i) => String(i + 1)).join(', ')
  const fictief = fictiefZinnen(s)
  const secties: Sectie[] = []
  const sectie = (kop: string, blokken: Blok[], niveau: 2 | 3 = 2) => secties.push({ kop, niveau, blokken })
  const tabelOfGeen = (kolommen: Kolom[], rijen: string[][]): Blok =>
    rijen.length === 0 ? { soort: 'alinea', tekst: T.geen } : { soort: 'tabel', kolommen, rijen }

  const paren: [string, string][] = [[T.scenario, s.naam]]
  if (s.samenwerkingId) paren.push([T.samenwerking, naam(s.samenwerkingId)])
  paren.push([T.opsteller, naam(s.invoer.opstellerId)])
  if (u.peildatum) paren.push([T.peildatum, datumIn(u.peildatum, taal)])
  if (u.kosten.jaar !== null) paren.push([T.kostenjaar, String(u.kosten.jaar)])
  paren.push([T.gemaakt, moment(g.gemaaktOp, taal)])
  const gegevens: Blok[] = [{ soort: 'paren', paren }]
  // The toelichting is shown once: when it is the Fictief sentence, the banner already says it.
  if (s.toelichting && !fictief.includes(s.toelichting.trim()))
    gegevens.push({ soort: 'alinea', tekst: `${T.toelichting}: ${s.toelichting}` })
  sectie(T.gegevens, gegevens)

  sectie(T.vraag, [{ soort: 'alinea', tekst: s.invoer.vraag?.trim() || T.geenVraag, nadruk: Boolean(s.invoer.vraag?.trim()) }])
  sectie(T.wijzigingen, [{ soort: 'lijst', genummerd: true, items: s.invoer.wijzigingen.map((w) => wijzigingTekst(w, naam, taal)) }])
  const aannames = s.invoer.aannames ?? []
  sectie(T.aannames, [aannames.length > 0 ? { soort: 'lijst', items: aannames } : { soort: 'alinea', tekst: T.geenAannames }])

  const a = u.aantallen
  sectie(T.samenvatting, [
    { soort: 'alinea', tekst: bericht(u.samenvatting) },
    {
      soort: 'tabel',
      kolommen: [
        { kop: T.onderdeel, breedte: 5 },
        { kop: T.aantal, breedte: 1, rechts: true },
      ],
      rijen: (Object.keys(T.aantallen) as (keyof typeof a)[]).map((k) => [T.aantallen[k], String(a[k])]),
    },
    { soort: 'alinea', tekst: T.zichtbaarheid },
  ])

  sectie(T.gevolgen, [])
  sectie(
    T.gastheerschappen,
    [
      tabelOfGeen(
        [
          { kop: T.taak, breedte: 3 },
          { kop: T.gastheer, breedte: 2 },
          { kop: T.eigenaar, breedte: 2 },
          { kop: T.actie, breedte: 5 },
          { kop: T.wijziging, breedte: 1.5 },
        ],
        u.gastheerschappen.map((x) => [
          x.taak,
          g.namen(x.gastheerId) ?? u.organisaties.find((o) => o.id === x.gastheerId)?.naam ?? x.eigenaarNaam,
          x.eigenaarNaam,
          bericht(x.actie),
          nummers(x.wijzigingen),
        ]),
      ),
    ],
    3,
  )
  const gevoelig = (k: ImpactUitkomst['koppelingen'][number]) => k.vertrouwelijkheid === 'hoog' || k.persoonsgegevens
  // Stable: the service already orders them; sensitive first is the report's promise, so it is kept here too.
  const koppelingen = [...u.koppelingen].sort((x, y) => Number(gevoelig(y)) - Number(gevoelig(x)))
  sectie(
    T.koppelingen,
    [
      ...(koppelingen.length > 0 ? [{ soort: 'alinea' as const, tekst: T.koppelingenUitleg }] : []),
      tabelOfGeen(
        [
          { kop: T.koppeling, breedte: 2.6 },
          { kop: T.gevoeligheid, breedte: 2.9 },
          { kop: T.pad, breedte: 4.7 },
          { kop: T.eigenaar, breedte: 2 },
          { kop: T.actie, breedte: 3.8 },
        ],
        koppelingen.map((k) => [
          k.naam,
          [T.niveau(k.vertrouwelijkheid), ...(k.persoonsgegevens ? [T.persoonsgegevens] : [])].join(', '),
          `${padTekst(k.pad, taal)} (${T.betrokken[k.betrokkenheid] ?? k.betrokkenheid})`,
          k.eigenaarNaam,
          bericht(k.actie),
        ]),
      ),
    ],
    3,
  )
  sectie(
    T.applicaties,
    [
      tabelOfGeen(
        [
          { kop: T.applicatie, breedte: 3 },
          { kop: T.pad, breedte: 5 },
          { kop: T.eigenaar, breedte: 2 },
          { kop: T.actie, breedte: 4 },
        ],
        u.applicaties.map((x) => [x.naam, padTekst(x.pad, taal), x.eigenaarNaam, bericht(x.actie)]),
      ),
    ],
    3,
  )
  sectie(
    T.contracten,
    [
      tabelOfGeen(
        [
          { kop: T.omschrijving, breedte: 3 },
          { kop: T.leverancier, breedte: 2 },
          { kop: T.eigenaar, breedte: 2 },
          { kop: T.actie, breedte: 4 },
        ],
        u.contracten.map((c) => [c.omschrijving, c.leverancierNaam, c.eigenaarNaam, bericht(c.actie)]),
      ),
    ],
    3,
  )
  sectie(
    T.toegangen,
    [
      tabelOfGeen(
        [
          { kop: T.partij, breedte: 2 },
          { kop: T.eigenaar, breedte: 2 },
          { kop: T.actie, breedte: 5 },
        ],
        u.toegangen.map((t) => [t.partijNaam, t.eigenaarNaam, bericht(t.actie)]),
      ),
    ],
    3,
  )
  sectie(
    T.kringlopen,
    u.kringlopen.length === 0
      ? [{ soort: 'alinea', tekst: T.geen }]
      : [
          { soort: 'alinea', tekst: T.kringlopenUitleg },
          { soort: 'lijst', items: u.kringlopen.map((k) => padTekst(k.pad, taal)) },
        ],
    3,
  )
  sectie(
    T.bevindingen,
    [
      tabelOfGeen(
        [
          { kop: T.partij, breedte: 2 },
          { kop: T.ernst, breedte: 1 },
          { kop: T.bevinding, breedte: 4 },
          { kop: T.maatregel, breedte: 4 },
        ],
        u.bevindingen.map((b) => [b.partijNaam, b.ernst, bericht(b.titel), b.maatregel]),
      ),
    ],
    3,
  )
  sectie(
    T.organisaties,
    [
      tabelOfGeen(
        [
          { kop: T.organisatie, breedte: 3 },
          { kop: T.rollen, breedte: 4 },
          { kop: T.acties, breedte: 1, rechts: true },
        ],
        u.organisaties.map((o) => [o.naam, o.rollen.join(', '), String(o.acties)]),
      ),
    ],
    3,
  )

  const k = u.kosten
  const kostenBlokken: Blok[] = [{ soort: 'alinea', tekst: k.jaar === null ? T.geenKostenjaar : T.kostenUitleg(k.jaar) }]
  if (k.perOrganisatie.length > 0) {
    const som = (f: (x: (typeof k.perOrganisatie)[number]) => number) => k.perOrganisatie.reduce((t, x) => t + f(x), 0)
    kostenBlokken.push({
      soort: 'tabel',
      totaalrij: k.perOrganisatie.length > 1,
      kolommen: [
        { kop: T.organisatie, breedte: 3 },
        { kop: T.nu, breedte: 2, rechts: true },
        { kop: T.straks, breedte: 2, rechts: true },
        { kop: T.verschil, breedte: 2, rechts: true },
        { kop: T.jaarlijksExtra, breedte: 2, rechts: true },
        { kop: T.eenmalig, breedte: 2, rechts: true },
      ],
      rijen: [
        ...k.perOrganisatie.map((x) => [
          x.naam,
          e(x.nu),
          e(x.straks),
          verschilBedrag(x.verschil, taal),
          verschilBedrag(x.jaarlijksExtra, taal),
          e(x.eenmalig),
        ]),
        ...(k.perOrganisatie.length > 1
          ? [
              [
                T.totaal,
                e(som((x) => x.nu)),
                e(som((x) => x.straks)),
                verschilBedrag(
                  som((x) => x.verschil),
                  taal,
                ),
                verschilBedrag(
                  som((x) => x.jaarlijksExtra),
                  taal,
                ),
                e(som((x) => x.eenmalig)),
              ],
            ]
          : []),
      ],
    })
  }
  const ingevuld = s.invoer.kosten ?? []
  if (ingevuld.length > 0) {
    kostenBlokken.push({ soort: 'alinea', tekst: `${T.ingevuld}:`, nadruk: true })
    kostenBlokken.push({
      soort: 'tabel',
      kolommen: [
        { kop: T.organisatie, breedte: 2 },
        { kop: T.omschrijving, breedte: 4 },
        { kop: T.eenmaligKort, breedte: 2, rechts: true },
        { kop: T.perJaar, breedte: 2, rechts: true },
      ],
      rijen: ingevuld.map((x) => [naam(x.organisatieId), x.omschrijving, e(x.eenmalig), verschilBedrag(x.jaarlijks ?? 0, taal)]),
    })
  }
  if (k.herzieningNodig.length > 0) {
    kostenBlokken.push({ soort: 'alinea', tekst: `${T.herziening}: ${T.herzieningUitleg}`, nadruk: true })
    kostenBlokken.push({
      soort: 'tabel',
      kolommen: [
        { kop: T.kostenpost, breedte: 3 },
        { kop: T.reden, breedte: 5 },
      ],
      rijen: herzieningRijen(k.herzieningNodig.map((h) => [h.omschrijving, bericht(h.reden)])),
    })
  }
  sectie(T.kosten, kostenBlokken)

  sectie(T.risicos, [
    u.openRisicos.length > 0 ? { soort: 'lijst', items: u.openRisicos.map(bericht) } : { soort: 'alinea', tekst: T.geenRisicos },
  ])

  return {
    titel: T.titel(s.naam),
    ondertitel: s.omschrijving,
    fictief,
    secties,
    voettekst: [T.voet(moment(g.gemaaktOp, taal)), ...(fictief.length > 0 ? [T.fictiefKop] : [])].join(' · '),
    taal,
  }
}

/** Posts of several years share a name and a reason: one row each, with how many posts it stands for. */
function herzieningRijen(rijen: [string, string][]): string[][] {
  const perRij = new Map<string, { rij: [string, string]; n: number }>()
  for (const rij of rijen) {
    const sleutel = JSON.stringify(rij)
    const al = perRij.get(sleutel)
    if (al) al.n++
    else perRij.set(sleutel, { rij, n: 1 })
  }
  return [...perRij.values()].map(({ rij: [naam, reden], n }) => [n > 1 ? `${naam} (${n}×)` : naam, reden])
}

// ---------------------------------------------------------------- Markdown

/**
 * Inline text as Markdown shows it literally: the characters that start markup escaped
 * (a pipe would split a table cell, a bracket start a link, `<` raw HTML), an entity
 * kept as text, no line breaks (a table cell is one line) and no list or heading start.
 */
export function mdTekst(s: string): string {
  return s
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/^(\s*)(\d+)([.)])(\s|$)/, '$1$2\\$3$4')
    .replace(/^(\s*)([-+]\s|#{1,6}(\s|$)|=+\s*$|-+\s*$)/, '$1\\$2')
}

function mdTabel(kolommen: Kolom[], rijen: string[][], totaalrij = false): string[] {
  const regel = (cellen: string[], vet = false) =>
    `| ${cellen.map((c) => (c ? (vet ? `**${mdTekst(c)}**` : mdTekst(c)) : ' ')).join(' | ')} |`
  return [
    regel(kolommen.map((k) => k.kop)),
    `|${kolommen.map((k) => (k.rechts ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rijen.map((r, i) => regel(r, totaalrij && i === rijen.length - 1)),
  ]
}

export function rapportMarkdown(r: ImpactRapport): string {
  const uit: string[] = [`# ${mdTekst(r.titel)}`, '']
  if (r.ondertitel) uit.push(mdTekst(r.ondertitel), '')
  if (r.fictief.length > 0) uit.push(`> **${RAPPORT_TEKSTEN[r.taal].fictiefKop}** — ${mdTekst(fictiefTekst(r.fictief))}`, '')
  for (const s of r.secties) {
    uit.push(`${'#'.repeat(s.niveau)} ${mdTekst(s.kop)}`, '')
    for (const b of s.blokken) {
      if (b.soort === 'alinea') uit.push(b.nadruk ? `**${mdTekst(b.tekst)}**` : mdTekst(b.tekst))
      else if (b.soort === 'lijst') uit.push(...b.items.map((item, i) => `${b.genummerd ? `${i + 1}.` : '-'} ${mdTekst(item)}`))
      else if (b.soort === 'paren') uit.push(...b.paren.map(([k, v]) => `- **${mdTekst(k)}:** ${mdTekst(v)}`))
      else uit.push(...mdTabel(b.kolommen, b.rijen, b.totaalrij))
      uit.push('')
    }
  }
  uit.push('---', '', `_${mdTekst(r.voettekst)}_`, '')
  return uit.join('\n')
}

/** The report as Markdown (CommonMark with GFM tables). */
export function impactRapportMarkdown(g: ImpactRapportGegevens): string {
  return rapportMarkdown(impactRapport(g))
}

/** A file name without anything a header or a file system could trip over. */
export function impactRapportBestandsnaam(naam: string, ext: 'md' | 'pdf', taal: Taal, op: Date): string {
  const slug = naam
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 80)
  const dag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(op)
  return `${taal === 'en' ? 'impact-analysis' : 'impactanalyse'}-${slug || 'scenario'}-${dag}.${ext}`
}
