import { type Message, msg } from '../errors.js'
import type { ApplicatieInvoer, Eigenschap, KoppelingInvoer, OrganisatieInvoer, ReferentiecomponentInvoer } from '../typen/registry.js'
import { alsLandelijkeVoorziening, type BivNiveau, type LandelijkeVoorziening, LIMITS, type OrganisatieType } from '../vocabulary.js'
import {
  alsApplicatieStatus,
  alsBiv,
  alsCbsCode,
  alsHosting,
  alsJaNee,
  alsKoppelingStatus,
  alsKoppelingType,
  alsOin,
  alsOrganisatieType,
  alsRichting,
  EIGENSCHAP,
  EigenschappenLezer,
  gedragenId,
  kort,
  lijstWaarden,
  REFERENTIECOMPONENT_TYPE,
  sleutel,
} from './archimate-eigenschappen.js'
import { type Eind, eindSleutel, type Kandidaat, koppelingKandidaten, type Poot } from './archimate-koppelingen.js'
import type { ArchimateEigenschap, ArchimateElement, ArchimateModel, ArchimateRelatie } from './archimate-model.js'
import type {
  Aanname,
  BestaandeApplicatie,
  BestaandeKoppeling,
  BestaandeOrganisatie,
  BestaandeReferentiecomponent,
  BestaandLandschap,
  ImportPlan,
  Overeenkomst,
  PlanRegel,
} from './typen.js'

// What importing an ArchiMate model would do to the registered landscape: a pure plan,
// nothing written. The rules, in the order they apply:
//
// Identity. An identifier `id-<uuid>` (Regiekamer's own export) carries the record id: it
//   matches the record with that id ('identificatie'); when none exists and nothing else
//   matches, the record is created with that uuid, so export → import into an empty
//   database keeps the ids. Otherwise a record whose `archimateId` is the file identifier
//   matches too ('identificatie'). A new record keeps the file identifier in `archimateId`
//   unless its id came from the file. Koppelingen carry their id in the property
//   "Regiekamer-koppeling" (both legs of one through a via), or in a relationship id
//   `id-<uuid>`.
// Property names are compared ignoring case, spaces, hyphens and accents, with Dutch and
//   English aliases (archimate-eigenschappen.ts).
// BusinessActor → organisatie ("CBS-code", "OIN", "Type", "Website"). A CBS code "0402"
//   reads as GM0402. Type not given: gemeente with a CBS code, else 'overig' (aanname).
//   Matches: identificatie, cbs-code, oin, naam (one existing organisatie of that name;
//   several → skipped as ambiguous).
// ApplicationComponent with "GEMMA type"/"Type" = Referentiecomponent, or an "Objecttype"
//   naming one → referentiecomponent (gemmaId from "GEMMA id"/"Object ID"/"GUID",
//   omschrijving from the documentation). Matches: identificatie, gemma-id, naam.
// ApplicationComponent with a property "Landelijke voorziening", or named (case-
//   insensitively) after one or an alias → a landelijke voorziening: no record, only an end
//   of koppelingen (an unlisted name: 'overig' with that name). The name rule does not
//   apply to an element with an `id-<uuid>`: that is one of Regiekamer's applicaties.
// Every other ApplicationComponent → applicatie: "Leverancier" (an organisatie of type
//   leverancier by name, else the one organisatie of that name, else a new leverancier,
//   one per name), "Versie", "Hosting" (else aanname on-premise), "Status" (else aanname
//   in productie), "Referentiecomponent" (names or GEMMA ids, comma/semicolon separated;
//   a new referentiecomponent per unknown name), documentation → omschrijving, the other
//   properties → eigenschappen (at most 50, names and values cut to their limits).
//   Matches: identificatie, naam (one existing applicatie of that name).
// Users: Serving applicatie → actor, and Assignment, Association, Composition,
//   Aggregation between actor and applicatie either way → inGebruikBij. Realization or
//   Specialization applicatie → referentiecomponent, or an Association either way →
//   referentiecomponentIds.
// ApplicationInterface: composed in or assigned to (either way) a component it stands for
//   it in relationships, its name kept as eigenschap "interface"; without a component the
//   relationships through it are skipped.
// Koppelingen: Flow, Serving and Triggering between applicaties/voorzieningen, bron =
//   source, doel = target, richting A→B unless "Richting" says otherwise. Two Flow legs
//   A→X, X→B with X an applicatie are one koppeling via X when they carry the same
//   "Regiekamer-koppeling", or else (neither carrying one) have the same name and X has
//   exactly that one incoming and one outgoing flow of that name. Unknown "Type": aanname
//   api (the most general kind: any application-to-application interface); "Status":
//   aanname in gebruik; "Persoonsgegevens": aanname ja (the careful default); BIV: aanname
//   midden. "Eigenaar" is an organisatie by identifier or name. Naam: the relationship's,
//   else "<bron> → <doel>". Self-loops and koppelingen between two voorzieningen are
//   skipped. Matches: identificatie, naam-en-uiteinden (same name, bron and doel).
//   The same koppeling twice in the file (bron, doel, via, name) is merged into the first.
// Samenvoegen never overwrites: invoer holds only additions (users and reference
//   components the record lacks, archimateId when it has none); empty = no change.
// Everything else (other element and relationship types, relationships to elements not
//   taken over) is skipped with a reason. Order: elements in file order, then the
//   leveranciers and referentiecomponenten that applicatie properties name, then the
//   relationships in file order; `nieuwId` is called in that order.

const MAX_EIGENSCHAPPEN = 50
const MAX_REFERENTIECOMPONENTEN = 20

/** What an element of the file became. */
type Toewijzing =
  | { soort: 'organisatie'; id: string }
  | { soort: 'referentiecomponent'; id: string }
  | Eind
  | { soort: 'interface'; naam: string }

type Match = { id: string; overeenkomst: Overeenkomst } | { dubbelzinnig: Message } | undefined

interface ApplicatieWerk {
  element: ArchimateElement
  regel: PlanRegel<ApplicatieInvoer>
  bestaand?: BestaandeApplicatie
}

const SOORT_EN: Record<string, string> = {
  organisatie: 'organisation',
  referentiecomponent: 'reference component',
  applicatie: 'application',
  koppeling: 'data link',
  voorziening: 'national facility',
  interface: 'interface',
}

const geldigeUrl = (t: string, schemas: readonly string[]): boolean => {
  try {
    return schemas.includes(new URL(t).protocol.replace(/:$/, ''))
  } catch {
    return false
  }
}

const voegToe = <K, T>(index: Map<K, T[]>, k: K, x: T): void => {
  const lijst = index.get(k)
  if (lijst) lijst.push(x)
  else index.set(k, [x])
}

/** Planned organisaties and referentiecomponenten with what matching needs. */
type GeplandeOrganisatie = { id: string; naam: string; type: OrganisatieType; cbsCode?: string; oin?: string }
type GeplandeReferentiecomponent = { id: string; naam: string; gemmaId?: string }

/**
 * Records of one kind with the keys matching looks them up by, each index built once per
 * plan (matching by scanning whole lists per element made a large file quadratic). Every
 * index keeps what the former `find` or `filter` over the list found: the first record,
 * or all of them in list order.
 */
class Register<T extends { id: string; naam: string }> {
  readonly lijst: T[] = []
  readonly ids = new Set<string>()
  readonly opId = new Map<string, T>()
  readonly opKleineId = new Map<string, T>()
  readonly opArchimateId = new Map<string, { record: T; positie: number }>()
  readonly opNaam = new Map<string, T[]>()
  /** By name, only the first record of each id: lists of existing and planned records count an id once. */
  readonly eersteOpNaam = new Map<string, T[]>()
  private readonly waarden = new Map<string, Map<string, T>>()

  constructor(
    private readonly sleutel: (s: string) => string,
    private readonly velden: Record<string, (x: T) => string | undefined>,
    records: readonly T[] = [],
  ) {
    for (const veld of Object.keys(velden)) this.waarden.set(veld, new Map())
    for (const r of records) this.voeg(r)
  }

  voeg(r: T): void {
    const k = this.sleutel(r.naam)
    voegToe(this.opNaam, k, r)
    if (!this.ids.has(r.id)) {
      this.ids.add(r.id)
      this.opId.set(r.id, r)
      voegToe(this.eersteOpNaam, k, r)
    }
    const klein = r.id.toLowerCase()
    if (!this.opKleineId.has(klein)) this.opKleineId.set(klein, r)
    const archimateId = (r as { archimateId?: string }).archimateId
    if (archimateId !== undefined && !this.opArchimateId.has(archimateId))
      this.opArchimateId.set(archimateId, { record: r, positie: this.lijst.length })
    for (const [veld, van] of Object.entries(this.velden)) {
      const w = van(r)
      const index = this.waarden.get(veld)
      if (w !== undefined && index && !index.has(w)) index.set(w, r)
    }
    this.lijst.push(r)
  }

  /** The first record whose field `veld` is `waarde`. */
  waarde(veld: string, waarde: string): T | undefined {
    return this.waarden.get(veld)?.get(waarde)
  }
}

export function planArchimateImport(model: ArchimateModel, bestaand: BestaandLandschap, nieuwId: () => string): ImportPlan {
  return new Planner(model, bestaand, nieuwId).plan()
}

class Planner {
  private readonly resultaat: ImportPlan = {
    organisaties: [],
    referentiecomponenten: [],
    applicaties: [],
    koppelingen: [],
    overgeslagen: [],
    aannames: [],
  }
  private readonly elementen = new Map<string, ArchimateElement>()
  private readonly toewijzing = new Map<string, Toewijzing>()
  /** Why an element was not taken over, for the relationships that reach it. */
  private readonly nietOvergenomen = new Map<string, Message>()
  /** Records already in the plan (`soort:id`), with the element that put them there. */
  private readonly inPlan = new Map<string, ArchimateElement>()
  private readonly applicatieWerk: ApplicatieWerk[] = []
  private readonly applicatieRegels = new Map<string, ApplicatieWerk>()
  private readonly interfaceVan = new Map<string, Eind>()
  /** Planned organisaties and referentiecomponenten with what matching needs. */
  private readonly geplandeOrganisaties: Register<GeplandeOrganisatie>
  private readonly geplandeReferentiecomponenten: Register<GeplandeReferentiecomponent>
  /** The existing records, indexed for matching. */
  private readonly organisaties: Register<BestaandeOrganisatie>
  private readonly referentiecomponenten: Register<BestaandeReferentiecomponent>
  private readonly applicaties: Register<BestaandeApplicatie>
  private readonly bestaandeKoppelingen: Register<BestaandeKoppeling>
  /** The first koppeling regel of the plan per id. */
  private readonly koppelingInPlan = new Map<string, PlanRegel<KoppelingInvoer>>()
  private readonly sleutels = new Map<string, string>()

  constructor(
    private readonly model: ArchimateModel,
    bestaand: BestaandLandschap,
    private readonly nieuwId: () => string,
  ) {
    const s = (t: string) => this.sleutel(t)
    const organisatieVelden = { cbsCode: (o: { cbsCode?: string }) => o.cbsCode, oin: (o: { oin?: string }) => o.oin }
    const referentieVelden = {
      gemmaId: (r: { gemmaId?: string }) => r.gemmaId,
      gemmaSleutel: (r: { gemmaId?: string }) => (r.gemmaId === undefined ? undefined : s(r.gemmaId)),
    }
    this.geplandeOrganisaties = new Register<GeplandeOrganisatie>(s, organisatieVelden)
    this.geplandeReferentiecomponenten = new Register<GeplandeReferentiecomponent>(s, referentieVelden)
    this.organisaties = new Register<BestaandeOrganisatie>(s, organisatieVelden, bestaand.organisaties)
    this.referentiecomponenten = new Register<BestaandeReferentiecomponent>(s, referentieVelden, bestaand.referentiecomponenten)
    this.applicaties = new Register(s, {}, bestaand.applicaties)
    this.bestaandeKoppelingen = new Register(s, {}, bestaand.koppelingen)
  }

  /** `sleutel`, remembered: the same names are compared many times. */
  private sleutel(t: string): string {
    let k = this.sleutels.get(t)
    if (k === undefined) {
      k = sleutel(t)
      this.sleutels.set(t, k)
    }
    return k
  }

  plan(): ImportPlan {
    for (const e of this.model.elementen) this.elementen.set(e.id, e)
    for (const e of this.model.elementen) this.element(e)
    for (const werk of this.applicatieWerk) this.applicatieEigenschappen(werk)
    this.relaties()
    for (const werk of this.applicatieWerk) {
      // A merge carries only additions: leave out the lists that add nothing.
      if (werk.regel.actie === 'samenvoegen') {
        if (werk.regel.invoer.inGebruikBij?.length === 0) delete werk.regel.invoer.inGebruikBij
        if (werk.regel.invoer.referentiecomponentIds?.length === 0) delete werk.regel.invoer.referentiecomponentIds
      }
    }
    // File order: elements (in a file they come before the relationships), then relationships.
    const positie = new Map<string, number>()
    for (const [i, e] of this.model.elementen.entries()) positie.set(e.id, i)
    for (const [i, r] of this.model.relaties.entries()) positie.set(r.id, this.model.elementen.length + i)
    const opPositie = (x: { elementId: string }, y: { elementId: string }) =>
      (positie.get(x.elementId) ?? Number.MAX_SAFE_INTEGER) - (positie.get(y.elementId) ?? Number.MAX_SAFE_INTEGER)
    this.resultaat.overgeslagen.sort(opPositie)
    this.resultaat.aannames.sort(opPositie)
    return this.resultaat
  }

  // ——— elements ———

  private element(e: ArchimateElement): void {
    const voorziening = e.type === 'ApplicationComponent' ? this.voorzieningVan(e, new EigenschappenLezer(e.eigenschappen)) : undefined
    if (e.type === 'BusinessActor') this.organisatie(e)
    else if (e.type === 'ApplicationInterface') this.toewijzing.set(e.id, { soort: 'interface', naam: e.naam.trim() })
    else if (e.type === 'ApplicationComponent' && this.isReferentiecomponent(e)) this.referentiecomponent(e)
    else if (voorziening)
      this.toewijzing.set(e.id, { soort: 'voorziening', ...voorziening, naam: voorziening.overig ?? voorziening.voorziening })
    else if (e.type === 'ApplicationComponent') this.applicatie(e)
    else this.slaElementOver(e, msg(`${e.type}: valt buiten het model van Regiekamer.`, `${e.type}: lies outside Regiekamer's model.`))
  }

  private isReferentiecomponent(e: ArchimateElement): boolean {
    const s = (t: string) => this.sleutel(t)
    const heet = (namen: readonly string[]) => (x: ArchimateEigenschap) => namen.some((n) => s(n) === s(x.naam))
    return (
      e.eigenschappen.some((x) => heet(EIGENSCHAP.gemmaType)(x) && s(x.waarde) === s(REFERENTIECOMPONENT_TYPE)) ||
      e.eigenschappen.some((x) => heet(EIGENSCHAP.objecttype)(x) && s(x.waarde).replace(/ /g, '').includes('referentiecomponent'))
    )
  }

  private voorzieningVan(e: ArchimateElement, p: EigenschappenLezer): { voorziening: LandelijkeVoorziening; overig?: string } | undefined {
    const waarde = p.kijk(EIGENSCHAP.landelijkeVoorziening)
    if (waarde !== undefined) {
      const ja = alsJaNee(waarde)
      if (ja === false) return undefined
      const v = alsLandelijkeVoorziening(ja === true ? e.naam : waarde)
      return v.overig === undefined ? v : { voorziening: 'overig', overig: kort(v.overig, LIMITS.korteTekst) }
    }
    if (gedragenId(e.id)) return undefined
    const v = alsLandelijkeVoorziening(e.naam)
    return v.voorziening === 'overig' ? undefined : v
  }

  private organisatie(e: ArchimateElement): void {
    const naam = this.naamVan(e, 'organisatie')
    if (naam === undefined) return
    const p = new EigenschappenLezer(e.eigenschappen)
    const cbsTekst = p.neem(EIGENSCHAP.cbsCode)
    let cbsCode = cbsTekst === undefined ? undefined : alsCbsCode(cbsTekst)
    if (cbsTekst !== undefined && cbsCode === undefined) {
      this.ongeldig(
        e,
        'CBS-code',
        cbsTekst,
        msg('het is geen CBS-gemeentecode (GM en 4 cijfers)', 'it is not a CBS municipality code (GM and 4 digits)'),
      )
    }
    const oinTekst = p.neem(EIGENSCHAP.oin)
    const oin = oinTekst === undefined ? undefined : alsOin(oinTekst)
    if (oinTekst !== undefined && oin === undefined) this.ongeldig(e, 'OIN', oinTekst, msg('een OIN is 20 cijfers', 'an OIN is 20 digits'))
    const typeTekst = p.neem(EIGENSCHAP.organisatieType)
    const gegevenType = typeTekst === undefined ? undefined : alsOrganisatieType(typeTekst)
    const type: OrganisatieType = gegevenType ?? (cbsCode ? 'gemeente' : 'overig')
    if (typeTekst !== undefined && !gegevenType && cbsCode) {
      this.ongeldig(
        e,
        'Type',
        typeTekst,
        msg(
          'het is geen bekend soort organisatie; met een CBS-code is het een gemeente',
          'it is not a known kind of organisation; with a CBS code it is a municipality',
        ),
      )
    }
    if (cbsCode && type !== 'gemeente') {
      this.ongeldig(
        e,
        'CBS-code',
        cbsCode,
        msg(`alleen een gemeente heeft er een, en dit is een ${type}`, `only a municipality has one, and this is a ${type}`),
      )
      cbsCode = undefined
    }
    const websiteTekst = p.neem(EIGENSCHAP.website)
    const website =
      websiteTekst !== undefined && geldigeUrl(websiteTekst, ['http', 'https']) && websiteTekst.length <= LIMITS.url
        ? websiteTekst
        : undefined
    if (websiteTekst !== undefined && website === undefined) {
      this.ongeldig(e, 'Website', websiteTekst, msg('het is geen http- of https-adres', 'it is not an http or https address'))
    }

    const match = this.eersteMatch(
      () => this.opIdentificatie(e.id, this.organisaties),
      () => this.opWaarde(cbsCode, 'cbs-code', this.organisaties, this.geplandeOrganisaties, 'cbsCode'),
      () => this.opWaarde(oin, 'oin', this.organisaties, this.geplandeOrganisaties, 'oin'),
      () => this.opNaam(naam, this.organisaties, 'organisatie'),
    )
    const id = this.plaats(e, naam, 'organisatie', match, this.resultaat.organisaties, this.organisaties, () => {
      if (!gegevenType && !cbsCode) {
        this.aanname(
          e,
          'type',
          'overig',
          typeTekst === undefined
            ? msg(
                'Het soort organisatie staat niet in het bestand (geen Type of CBS-code).',
                'The kind of organisation is not in the file (no Type or CBS code).',
              )
            : msg(`"${typeTekst}" is geen bekend soort organisatie.`, `"${typeTekst}" is not a known kind of organisation.`),
        )
      }
      const invoer: OrganisatieInvoer = { type, naam }
      if (cbsCode) invoer.cbsCode = cbsCode
      if (oin) invoer.oin = oin
      if (website) invoer.website = website
      return invoer
    })
    if (id === undefined) return
    this.toewijzing.set(e.id, { soort: 'organisatie', id })
    if (!this.geplandeOrganisaties.ids.has(id)) this.geplandeOrganisaties.voeg({ id, naam, type, cbsCode, oin })
  }

  private referentiecomponent(e: ArchimateElement): void {
    const naam = this.naamVan(e, 'referentiecomponent')
    if (naam === undefined) return
    const p = new EigenschappenLezer(e.eigenschappen)
    const gemmaTekst = p.neem(EIGENSCHAP.gemmaId)
    const gemmaId = gemmaTekst === undefined ? undefined : kort(gemmaTekst, LIMITS.korteTekst)
    const match = this.eersteMatch(
      () => this.opIdentificatie(e.id, this.referentiecomponenten),
      () => this.opWaarde(gemmaId, 'gemma-id', this.referentiecomponenten, this.geplandeReferentiecomponenten, 'gemmaId'),
      () => this.opNaam(naam, this.referentiecomponenten, 'referentiecomponent'),
    )
    const id = this.plaats(e, naam, 'referentiecomponent', match, this.resultaat.referentiecomponenten, this.referentiecomponenten, () => {
      const invoer: ReferentiecomponentInvoer = { naam }
      if (gemmaId) invoer.gemmaId = gemmaId
      const omschrijving = this.omschrijving(e.documentatie)
      if (omschrijving) invoer.omschrijving = omschrijving
      return invoer
    })
    if (id === undefined) return
    this.toewijzing.set(e.id, { soort: 'referentiecomponent', id })
    if (!this.geplandeReferentiecomponenten.ids.has(id)) this.geplandeReferentiecomponenten.voeg({ id, naam, gemmaId })
  }

  private applicatie(e: ArchimateElement): void {
    const naam = this.naamVan(e, 'applicatie')
    if (naam === undefined) return
    const match = this.eersteMatch(
      () => this.opIdentificatie(e.id, this.applicaties),
      () => this.opNaam(naam, this.applicaties, 'applicatie'),
    )
    // The invoer is filled once every organisatie and referentiecomponent of the file is known.
    const id = this.plaats(e, naam, 'applicatie', match, this.resultaat.applicaties, this.applicaties, () => ({}))
    if (id === undefined) return
    this.toewijzing.set(e.id, { soort: 'applicatie', id, naam })
    if (this.applicatieRegels.has(id)) return
    const regel = this.resultaat.applicaties[this.resultaat.applicaties.length - 1]
    const werk: ApplicatieWerk = { element: e, regel, bestaand: this.applicaties.opId.get(id) }
    if (regel.actie === 'samenvoegen') {
      regel.invoer.inGebruikBij = []
      regel.invoer.referentiecomponentIds = []
    }
    this.applicatieWerk.push(werk)
    this.applicatieRegels.set(id, werk)
  }

  private applicatieEigenschappen(werk: ApplicatieWerk): void {
    const e = werk.element
    const p = new EigenschappenLezer(e.eigenschappen)
    // A merge takes no leverancier (that would overwrite), only reference components the record lacks.
    const leverancier = p.neem(EIGENSCHAP.leverancier)
    const leverancierId =
      leverancier === undefined || werk.regel.actie === 'samenvoegen' ? undefined : this.leverancier(e, kort(leverancier, LIMITS.naam))
    const refs = p.neem(EIGENSCHAP.referentiecomponent)
    for (const waarde of refs === undefined ? [] : lijstWaarden(refs)) {
      const id = this.referentiecomponentUitEigenschap(e, waarde)
      if (id) this.voegReferentiecomponentToe(werk, id, e)
    }
    const gebruikers = p.neem(EIGENSCHAP.gebruikers)
    const gebruikerIds = (gebruikers === undefined ? [] : lijstWaarden(gebruikers)).flatMap((w) => this.gebruikerUitEigenschap(e, w) ?? [])
    if (werk.regel.actie === 'samenvoegen') {
      for (const id of gebruikerIds) this.voegGebruikerToe(werk, id, e)
      return
    }
    const invoer: ApplicatieInvoer = {
      naam: werk.regel.naam,
      hosting: 'on-premise',
      status: 'in productie',
      inGebruikBij: [],
      referentiecomponentIds: werk.regel.invoer.referentiecomponentIds ?? [],
      eigenschappen: [],
    }
    const omschrijving = this.omschrijving(e.documentatie)
    if (omschrijving) invoer.omschrijving = omschrijving
    if (leverancierId) invoer.leverancierId = leverancierId
    const versie = p.neem(EIGENSCHAP.versie)
    if (versie !== undefined) invoer.versie = kort(versie, LIMITS.korteTekst)
    const hosting = p.neem(EIGENSCHAP.hosting)
    const gekozenHosting = hosting === undefined ? undefined : alsHosting(hosting)
    if (gekozenHosting) invoer.hosting = gekozenHosting
    else this.aanname(e, 'hosting', 'on-premise', this.nietGegeven('Hosting', 'hosting', hosting))
    const status = p.neem(EIGENSCHAP.applicatieStatus)
    const gekozenStatus = status === undefined ? undefined : alsApplicatieStatus(status)
    if (gekozenStatus) invoer.status = gekozenStatus
    else this.aanname(e, 'status', 'in productie', this.nietGegeven('Status', 'status', status))
    invoer.eigenschappen = this.eigenschappen(e, p.rest())
    if (werk.regel.invoer.archimateId) invoer.archimateId = werk.regel.invoer.archimateId
    werk.regel.invoer = invoer
    for (const id of gebruikerIds) this.voegGebruikerToe(werk, id, e)
  }

  /**
   * An organisatie an applicatie's property "In gebruik bij" names (comma or semicolon
   * separated): by CBS code, else by its one name, among the registered and the file's
   * organisaties. One not found is reported, never invented: add it as a BusinessActor.
   */
  private gebruikerUitEigenschap(e: ArchimateElement, waarde: string): string | undefined {
    const cbs = alsCbsCode(waarde)
    const opCbs = cbs ? (this.organisaties.waarde('cbsCode', cbs) ?? this.geplandeOrganisaties.waarde('cbsCode', cbs)) : undefined
    if (opCbs) return opCbs.id
    const opNaam = this.eenPerId(this.organisaties, this.geplandeOrganisaties, waarde)
    if (opNaam.length === 1) return opNaam[0].id
    this.ongeldig(
      e,
      'In gebruik bij',
      waarde,
      opNaam.length > 1
        ? msg(`${opNaam.length} organisaties heten zo`, `${opNaam.length} organisations have that name`)
        : msg(
            'geen organisatie met die CBS-code of naam, in Regiekamer of in het bestand; neem haar op als BusinessActor',
            'no organisation with that CBS code or name, in Regiekamer or in the file; add it as a BusinessActor',
          ),
    )
    return undefined
  }

  /** A leverancier named by an applicatie: a known leverancier, else the one organisatie of that name, else a new one. */
  private leverancier(e: ArchimateElement, naam: string): string | undefined {
    const zelfdeNaam = this.eenPerId(this.organisaties, this.geplandeOrganisaties, naam)
    const leveranciers = zelfdeNaam.filter((o) => o.type === 'leverancier')
    const kandidaten = leveranciers.length > 0 ? leveranciers : zelfdeNaam
    if (kandidaten.length === 1) return kandidaten[0].id
    if (kandidaten.length > 1) {
      this.ongeldig(
        e,
        'Leverancier',
        naam,
        msg(`${kandidaten.length} organisaties heten zo`, `${kandidaten.length} organisations have that name`),
      )
      return undefined
    }
    const id = this.nieuwId()
    this.resultaat.organisaties.push({
      elementIds: [e.id],
      regel: e.regel,
      naam,
      actie: 'aanmaken',
      id,
      invoer: { type: 'leverancier', naam },
    })
    this.geplandeOrganisaties.voeg({ id, naam, type: 'leverancier' })
    return id
  }

  /** A referentiecomponent named (or identified by GEMMA id) in an applicatie's property; a new one when unknown. */
  private referentiecomponentUitEigenschap(e: ArchimateElement, waarde: string): string | undefined {
    const k = this.sleutel(waarde)
    const opGemmaId = this.referentiecomponenten.waarde('gemmaSleutel', k) ?? this.geplandeReferentiecomponenten.waarde('gemmaSleutel', k)
    if (opGemmaId) return opGemmaId.id
    const opNaam = this.eenPerId(this.referentiecomponenten, this.geplandeReferentiecomponenten, waarde)
    if (opNaam.length === 1) return opNaam[0].id
    if (opNaam.length > 1) {
      this.ongeldig(
        e,
        'Referentiecomponent',
        waarde,
        msg(`${opNaam.length} referentiecomponenten heten zo`, `${opNaam.length} reference components have that name`),
      )
      return undefined
    }
    const id = this.nieuwId()
    const naam = kort(waarde, LIMITS.naam)
    this.resultaat.referentiecomponenten.push({ elementIds: [e.id], regel: e.regel, naam, actie: 'aanmaken', id, invoer: { naam } })
    this.geplandeReferentiecomponenten.voeg({ id, naam })
    return id
  }

  private voegReferentiecomponentToe(
    werk: ApplicatieWerk,
    id: string,
    bron: { id: string; regel?: number; type: string; naam?: string },
  ): void {
    werk.regel.invoer.referentiecomponentIds ??= []
    const lijst = werk.regel.invoer.referentiecomponentIds
    if (lijst.includes(id) || werk.bestaand?.referentiecomponentIds.includes(id)) return
    const totaal = lijst.length + (werk.bestaand?.referentiecomponentIds.length ?? 0)
    if (totaal >= MAX_REFERENTIECOMPONENTEN) {
      this.slaOver(
        bron,
        msg(
          `${werk.regel.naam} heeft al ${MAX_REFERENTIECOMPONENTEN} referentiecomponenten, het maximum.`,
          `${werk.regel.naam} already has ${MAX_REFERENTIECOMPONENTEN} reference components, the maximum.`,
        ),
      )
      return
    }
    lijst.push(id)
  }

  private voegGebruikerToe(
    werk: ApplicatieWerk,
    organisatieId: string,
    r: { id: string; regel?: number; type: string; naam?: string },
  ): void {
    werk.regel.invoer.inGebruikBij ??= []
    const lijst = werk.regel.invoer.inGebruikBij
    if (lijst.includes(organisatieId) || werk.bestaand?.inGebruikBij.includes(organisatieId)) return
    if (lijst.length + (werk.bestaand?.inGebruikBij.length ?? 0) >= LIMITS.lijst) {
      this.slaOver(
        r,
        msg(
          `${werk.regel.naam} heeft al ${LIMITS.lijst} gebruikers, het maximum.`,
          `${werk.regel.naam} already has ${LIMITS.lijst} users, the maximum.`,
        ),
      )
      return
    }
    lijst.push(organisatieId)
  }

  // ——— relationships ———

  private relaties(): void {
    const verbruikt = this.interfaces()
    const poten: Poot[] = []
    this.model.relaties.forEach((r, index) => {
      if (verbruikt.has(r.id)) return
      const poot = this.relatie(r, index)
      if (poot) poten.push(poot)
    })
    this.koppelingen(poten)
  }

  /** One relationship: a leg of a koppeling (returned), a user or reference component (added), or skipped. */
  private relatie(r: ArchimateRelatie, index: number): Poot | undefined {
    const bron = this.eind(r.bron)
    const doel = this.eind(r.doel)
    if ('reden' in bron) return void this.slaOver(r, bron.reden)
    if ('reden' in doel) return void this.slaOver(r, doel.reden)
    const a = bron.toewijzing
    const b = doel.toewijzing
    if ((a.soort === 'applicatie' || a.soort === 'voorziening') && (b.soort === 'applicatie' || b.soort === 'voorziening')) {
      if (!['Flow', 'Serving', 'Triggering'].includes(r.type)) return void this.slaOver(r, this.nietTussen(r, a.soort, b.soort))
      const interfaces = [bron.interfaceNaam, doel.interfaceNaam].filter((n): n is string => !!n)
      const rk = new EigenschappenLezer(r.eigenschappen).kijk(EIGENSCHAP.regiekamerKoppeling)
      return { relatie: r, index, bron: a, doel: b, interfaces, regiekamerKoppeling: rk?.toLowerCase() }
    }
    if (a.soort === 'applicatie' && b.soort === 'organisatie') {
      if (['Serving', 'Assignment', 'Association', 'Composition', 'Aggregation'].includes(r.type)) {
        return void this.voegGebruikerToe(this.werkVan(a.id), b.id, r)
      }
    }
    if (a.soort === 'organisatie' && b.soort === 'applicatie') {
      if (['Assignment', 'Association', 'Composition', 'Aggregation'].includes(r.type))
        return void this.voegGebruikerToe(this.werkVan(b.id), a.id, r)
      if (r.type === 'Serving') {
        return void this.slaOver(
          r,
          msg(
            'Een organisatie die een applicatie bedient is geen gebruiker ervan; gebruik is Serving van applicatie naar organisatie.',
            'An organisation serving an application is not its user; use is Serving from application to organisation.',
          ),
        )
      }
    }
    if (
      a.soort === 'applicatie' &&
      b.soort === 'referentiecomponent' &&
      ['Realization', 'Specialization', 'Association'].includes(r.type)
    ) {
      return void this.voegReferentiecomponentToe(this.werkVan(a.id), b.id, r)
    }
    if (a.soort === 'referentiecomponent' && b.soort === 'applicatie' && r.type === 'Association') {
      return void this.voegReferentiecomponentToe(this.werkVan(b.id), a.id, r)
    }
    this.slaOver(r, this.nietTussen(r, a.soort, b.soort))
    return undefined
  }

  /** Interfaces composed in or assigned to a component stand for it; returns the relationships that said so. */
  private interfaces(): Set<string> {
    const verbruikt = new Set<string>()
    for (const r of this.model.relaties) {
      if (r.type !== 'Composition' && r.type !== 'Assignment') continue
      const [a, b] = [this.toewijzing.get(r.bron), this.toewijzing.get(r.doel)]
      const paar =
        a?.soort === 'interface' && (b?.soort === 'applicatie' || b?.soort === 'voorziening')
          ? { interfaceId: r.bron, component: b }
          : b?.soort === 'interface' && (a?.soort === 'applicatie' || a?.soort === 'voorziening')
            ? { interfaceId: r.doel, component: a }
            : undefined
      if (!paar || this.interfaceVan.has(paar.interfaceId)) continue
      this.interfaceVan.set(paar.interfaceId, paar.component)
      verbruikt.add(r.id)
    }
    for (const e of this.model.elementen) {
      if (e.type === 'ApplicationInterface' && !this.interfaceVan.has(e.id)) {
        this.slaElementOver(e, this.interfaceZonderComponent(e))
      }
    }
    return verbruikt
  }

  private eind(
    elementId: string,
  ): { toewijzing: Exclude<Toewijzing, { soort: 'interface' }>; interfaceNaam?: string } | { reden: Message } {
    const element = this.elementen.get(elementId)
    if (!element) {
      return {
        reden: msg(
          `Verwijst naar ${elementId}, dat geen element in het bestand is.`,
          `Refers to ${elementId}, which is not an element in the file.`,
        ),
      }
    }
    const t = this.toewijzing.get(elementId)
    if (!t) {
      const waarom = this.nietOvergenomen.get(elementId)
      return {
        reden: msg(
          `Verbindt ${element.naam || elementId}, dat niet is overgenomen${waarom ? ` (${waarom.nl})` : ''}.`,
          `Connects ${element.naam || elementId}, which was not taken over${waarom ? ` (${waarom.en})` : ''}.`,
        ),
      }
    }
    if (t.soort !== 'interface') return { toewijzing: t }
    const component = this.interfaceVan.get(elementId)
    if (!component) return { reden: this.interfaceZonderComponent(element) }
    return { toewijzing: component, interfaceNaam: t.naam || element.id }
  }

  private werkVan(applicatieId: string): ApplicatieWerk {
    const werk = this.applicatieRegels.get(applicatieId)
    if (!werk) throw new Error(`applicatie ${applicatieId} zonder planregel`)
    return werk
  }

  // ——— koppelingen ———

  private koppelingen(poten: Poot[]): void {
    const inBestand = new Map<string, PlanRegel<KoppelingInvoer>>()
    for (const k of koppelingKandidaten(poten)) this.koppeling(k, inBestand)
  }

  /** One koppeling of the file into the plan; undefined when skipped or merged into an earlier one. */
  private koppeling(k: Kandidaat, inBestand: Map<string, PlanRegel<KoppelingInvoer>>): PlanRegel<KoppelingInvoer> | undefined {
    const eerste = k.poten[0].relatie
    const ids = k.poten.map((p) => p.relatie.id)
    const slaOver = (reden: Message): undefined => {
      for (const p of k.poten) this.slaOver(p.relatie, reden)
      return undefined
    }
    if (eindSleutel(k.bron) === eindSleutel(k.doel)) {
      return slaOver(
        msg(
          `Een koppeling van ${k.bron.naam} naar zichzelf wordt niet overgenomen.`,
          `A data link from ${k.bron.naam} to itself is not imported.`,
        ),
      )
    }
    if (k.bron.soort === 'voorziening' && k.doel.soort === 'voorziening') {
      return slaOver(
        msg(
          `Een koppeling tussen twee landelijke voorzieningen (${k.bron.naam}, ${k.doel.naam}) valt buiten het model van Regiekamer.`,
          `A data link between two national facilities (${k.bron.naam}, ${k.doel.naam}) lies outside Regiekamer's model.`,
        ),
      )
    }
    const naam = kort(
      k.poten.map((p) => p.relatie.naam?.trim() ?? '').find((n) => n !== '') ?? `${k.bron.naam} → ${k.doel.naam}`,
      LIMITS.naam,
    )
    const dubbelSleutel = `${eindSleutel(k.bron)}|${eindSleutel(k.doel)}|${k.via?.id ?? ''}|${sleutel(naam)}`
    const eerder = inBestand.get(dubbelSleutel)
    if (eerder) return this.dubbeleKoppeling(k, eerder)

    const match = this.eersteMatch(
      () => {
        const opId = k.gedragen === undefined ? undefined : this.bestaandeKoppelingen.opKleineId.get(k.gedragen)
        // The first existing koppeling (in list order) whose archimateId is one of the legs'.
        let opArchimateId: { record: BestaandeKoppeling; positie: number } | undefined
        for (const id of ids) {
          const h = this.bestaandeKoppelingen.opArchimateId.get(id)
          if (h && (opArchimateId === undefined || h.positie < opArchimateId.positie)) opArchimateId = h
        }
        const gevonden = opId ?? opArchimateId?.record
        return gevonden ? { id: gevonden.id, overeenkomst: 'identificatie' } : undefined
      },
      () => {
        const zelfde = (this.bestaandeKoppelingen.opNaam.get(this.sleutel(naam)) ?? []).filter(
          (b) => this.zelfdeEind(b, 'bron', k.bron) && this.zelfdeEind(b, 'doel', k.doel),
        )
        if (zelfde.length === 1) return { id: zelfde[0].id, overeenkomst: 'naam-en-uiteinden' }
        if (zelfde.length > 1) {
          return {
            dubbelzinnig: msg(
              `${zelfde.length} bestaande koppelingen heten "${naam}" met dezelfde bron en doel; welke bedoeld is, is niet te zeggen.`,
              `${zelfde.length} existing data links are called "${naam}" with the same source and target; which one is meant cannot be told.`,
            ),
          }
        }
        return undefined
      },
    )
    if (match && 'dubbelzinnig' in match) return slaOver(match.dubbelzinnig)
    if (match) {
      const eerdere = this.koppelingInPlan.get(match.id)
      if (eerdere) return this.dubbeleKoppeling(k, eerdere)
    }
    // The file's identifier is kept only when the koppeling's id did not come from the file.
    const eigenId = k.gedragen !== undefined || k.poten.some((p) => gedragenId(p.relatie.id) !== undefined)
    const archimateId = !eigenId && eerste.id.length <= LIMITS.korteTekst ? eerste.id : undefined
    let regel: PlanRegel<KoppelingInvoer>
    if (match) {
      const bestaande = this.bestaandeKoppelingen.opId.get(match.id)
      regel = {
        elementIds: ids,
        regel: eerste.regel,
        naam,
        actie: 'samenvoegen',
        id: match.id,
        overeenkomst: match.overeenkomst,
        invoer: {},
      }
      if (archimateId && bestaande?.archimateId === undefined) regel.invoer.archimateId = archimateId
    } else {
      const id = k.gedragen ?? this.nieuwId()
      regel = { elementIds: ids, regel: eerste.regel, naam, actie: 'aanmaken', id, invoer: this.koppelingInvoer(k, naam, archimateId) }
    }
    this.resultaat.koppelingen.push(regel)
    if (!this.koppelingInPlan.has(regel.id)) this.koppelingInPlan.set(regel.id, regel)
    inBestand.set(dubbelSleutel, regel)
    return regel
  }

  private koppelingInvoer(k: Kandidaat, naam: string, archimateId: string | undefined): KoppelingInvoer {
    const eerste = k.poten[0].relatie
    // The legs of a koppeling through a via carry the same properties; a second leg adds only names the first lacks.
    const namen = new Set(eerste.eigenschappen.map((e) => sleutel(e.naam)))
    const lijst: ArchimateEigenschap[] = [...eerste.eigenschappen]
    for (const p of k.poten.slice(1)) lijst.push(...p.relatie.eigenschappen.filter((e) => !namen.has(sleutel(e.naam))))
    const p = new EigenschappenLezer(lijst)
    p.neem(EIGENSCHAP.regiekamerKoppeling)
    const invoer: KoppelingInvoer = {
      naam,
      type: 'api',
      richting: 'A→B',
      status: 'in gebruik',
      gegevenscategorieen: [],
      persoonsgegevens: true,
      beschikbaarheid: 'midden',
      integriteit: 'midden',
      vertrouwelijkheid: 'midden',
      eigenschappen: [],
    }
    const omschrijving = this.omschrijving(k.poten.map((x) => x.relatie.documentatie).find((d) => d?.trim()))
    if (omschrijving) invoer.omschrijving = omschrijving
    for (const [kant, eind] of [
      ['bron', k.bron],
      ['doel', k.doel],
    ] as const) {
      if (eind.soort === 'applicatie') invoer[`${kant}ApplicatieId`] = eind.id
      else {
        invoer[`${kant}Voorziening`] = eind.voorziening
        if (eind.overig !== undefined) invoer[`${kant}VoorzieningOverig`] = eind.overig
      }
    }
    if (k.via) invoer.viaApplicatieId = k.via.id

    const type = p.neem(EIGENSCHAP.koppelingType)
    const gekozenType = type === undefined ? undefined : alsKoppelingType(type)
    if (gekozenType) invoer.type = gekozenType
    else this.aanname(eerste, 'type', 'api', this.nietGegeven('Type', 'type', type))
    const richting = p.neem(EIGENSCHAP.richting)
    const gekozenRichting = richting === undefined ? undefined : alsRichting(richting)
    if (gekozenRichting) invoer.richting = gekozenRichting
    else if (richting !== undefined) this.aanname(eerste, 'richting', 'A→B', this.nietGegeven('Richting', 'direction', richting))
    const status = p.neem(EIGENSCHAP.koppelingStatus)
    const gekozenStatus = status === undefined ? undefined : alsKoppelingStatus(status)
    if (gekozenStatus) invoer.status = gekozenStatus
    else this.aanname(eerste, 'status', 'in gebruik', this.nietGegeven('Status', 'status', status))
    const standaard = p.neem(EIGENSCHAP.standaard)
    if (standaard !== undefined) invoer.standaard = kort(standaard, LIMITS.korteTekst)
    const standaardVersie = p.neem(EIGENSCHAP.standaardVersie)
    if (standaardVersie !== undefined) invoer.standaardVersie = kort(standaardVersie, LIMITS.korteTekst)
    const categorieen = p.neem(EIGENSCHAP.gegevenscategorieen)
    if (categorieen !== undefined) {
      invoer.gegevenscategorieen = [...new Set(lijstWaarden(categorieen).map((c) => kort(c, LIMITS.korteTekst)))].slice(0, LIMITS.lijst)
    }
    const persoonsgegevens = p.neem(EIGENSCHAP.persoonsgegevens)
    const gekozenPersoonsgegevens = persoonsgegevens === undefined ? undefined : alsJaNee(persoonsgegevens)
    if (gekozenPersoonsgegevens !== undefined) invoer.persoonsgegevens = gekozenPersoonsgegevens
    else {
      this.aanname(
        eerste,
        'persoonsgegevens',
        'true',
        persoonsgegevens === undefined
          ? msg('niet in het bestand; voorzichtig aangenomen', 'not in the file; assumed to be careful')
          : msg(
              `"${persoonsgegevens}" is geen ja of nee; voorzichtig aangenomen`,
              `"${persoonsgegevens}" is not yes or no; assumed to be careful`,
            ),
      )
    }
    for (const [veld, namen, en] of [
      ['beschikbaarheid', EIGENSCHAP.beschikbaarheid, 'availability'],
      ['integriteit', EIGENSCHAP.integriteit, 'integrity'],
      ['vertrouwelijkheid', EIGENSCHAP.vertrouwelijkheid, 'confidentiality'],
    ] as const) {
      const waarde = p.neem(namen)
      const niveau: BivNiveau | undefined = waarde === undefined ? undefined : alsBiv(waarde)
      if (niveau) invoer[veld] = niveau
      else this.aanname(eerste, veld, 'midden', this.nietGegeven(namen[0], en, waarde))
    }
    const eigenaar = p.neem(EIGENSCHAP.eigenaar)
    if (eigenaar !== undefined) {
      const id = this.eigenaar(eigenaar)
      if (id) invoer.eigenaarId = id
      else
        this.ongeldig(
          eerste,
          'Eigenaar',
          eigenaar,
          msg(
            'geen (enkele) organisatie in het bestand of in Regiekamer heeft die identificatie of naam',
            'no (single) organisation in the file or in Regiekamer has that identifier or name',
          ),
        )
    }
    const endpoint = p.neem(EIGENSCHAP.endpoint)
    if (endpoint !== undefined) {
      if (endpoint.length <= LIMITS.url && geldigeUrl(endpoint, ['http', 'https', 'sftp', 'ftps', 'amqp', 'amqps']))
        invoer.endpoint = endpoint
      else
        this.ongeldig(
          eerste,
          'Endpoint',
          endpoint,
          msg(
            'het is geen http-, https-, sftp-, ftps-, amqp- of amqps-adres',
            'it is not an http, https, sftp, ftps, amqp or amqps address',
          ),
        )
    }
    const interfaces = [...new Set(k.poten.flatMap((x) => x.interfaces))].map((n) => ({ naam: 'interface', waarde: n }))
    invoer.eigenschappen = this.eigenschappen(eerste, p.rest(), interfaces)
    if (archimateId) invoer.archimateId = archimateId
    return invoer
  }

  /** An organisatie by the file's identifier of its element, a Regiekamer id, or its name. */
  private eigenaar(waarde: string): string | undefined {
    const t = this.toewijzing.get(waarde)
    if (t?.soort === 'organisatie') return t.id
    const gedragen = gedragenId(waarde)
    if (gedragen !== undefined) {
      if (this.organisaties.ids.has(gedragen) || this.geplandeOrganisaties.ids.has(gedragen)) return gedragen
    }
    // Planned organisaties first here, then the existing ones not planned.
    const zelfde = this.eenPerId(this.geplandeOrganisaties, this.organisaties, waarde)
    return zelfde.length === 1 ? zelfde[0].id : undefined
  }

  private zelfdeEind(b: BestaandeKoppeling, kant: 'bron' | 'doel', eind: Eind): boolean {
    const app = b[`${kant}ApplicatieId`]
    return eind.soort === 'applicatie' ? app === eind.id : !app && b[`${kant}Voorziening`] === eind.voorziening
  }

  private dubbeleKoppeling(k: Kandidaat, eerder: PlanRegel<KoppelingInvoer>): undefined {
    for (const p of k.poten) {
      eerder.elementIds.push(p.relatie.id)
      this.slaOver(
        p.relatie,
        msg(
          `Dezelfde koppeling als "${eerder.naam}" (${eerder.elementIds[0]}) eerder in het bestand; samengevoegd met die.`,
          `The same data link as "${eerder.naam}" (${eerder.elementIds[0]}) earlier in the file; merged into that one.`,
        ),
      )
    }
    return undefined
  }

  // ——— matching ———

  private eersteMatch(...pogingen: (() => Match)[]): Match {
    for (const poging of pogingen) {
      const m = poging()
      if (m) return m
    }
    return undefined
  }

  private opIdentificatie<T extends { id: string; naam: string }>(fileId: string, bestaand: Register<T>): Match {
    const gedragen = gedragenId(fileId)
    const gevonden = (gedragen !== undefined ? bestaand.opKleineId.get(gedragen) : undefined) ?? bestaand.opArchimateId.get(fileId)?.record
    return gevonden ? { id: gevonden.id, overeenkomst: 'identificatie' } : undefined
  }

  /** A unique key (CBS code, OIN, GEMMA id) among existing records, then among those planned from this file. */
  private opWaarde<A extends { id: string; naam: string }, B extends { id: string; naam: string }>(
    waarde: string | undefined,
    overeenkomst: Overeenkomst,
    bestaand: Register<A>,
    gepland: Register<B>,
    veld: string,
  ): Match {
    if (waarde === undefined) return undefined
    const gevonden = bestaand.waarde(veld, waarde) ?? gepland.waarde(veld, waarde)
    return gevonden ? { id: gevonden.id, overeenkomst } : undefined
  }

  /** The records of two lists together of that name, each id counted at its first place. */
  private eenPerId<A extends { id: string; naam: string }, B extends { id: string; naam: string }>(
    eerst: Register<A>,
    dan: Register<B>,
    naam: string,
  ): (A | B)[] {
    const k = this.sleutel(naam)
    const eerste = eerst.eersteOpNaam.get(k) ?? []
    const tweede = (dan.eersteOpNaam.get(k) ?? []).filter((x) => !eerst.ids.has(x.id))
    return tweede.length === 0 ? eerste : [...eerste, ...tweede]
  }

  private opNaam<T extends { id: string; naam: string }>(naam: string, bestaand: Register<T>, soort: string): Match {
    const zelfde = bestaand.opNaam.get(this.sleutel(naam)) ?? []
    if (zelfde.length === 1) return { id: zelfde[0].id, overeenkomst: 'naam' }
    if (zelfde.length > 1) {
      return {
        dubbelzinnig: msg(
          `${zelfde.length} bestaande objecten van soort ${soort} heten "${naam}"; welke bedoeld is, is niet te zeggen. Geef het element de identificatie of een ander kenmerk (CBS-code, OIN, GEMMA id) van de juiste.`,
          `${zelfde.length} existing ${SOORT_EN[soort] ?? soort}s are called "${naam}"; which one is meant cannot be told. Give the element the identifier or another key (CBS code, OIN, GEMMA id) of the right one.`,
        ),
      }
    }
    return undefined
  }

  /**
   * Puts an element in the plan: skipped when its match is ambiguous, merged into an
   * earlier element that became the same record, merged with an existing record, or created.
   */
  private plaats<T extends { archimateId?: string }, R extends { id: string; naam: string; archimateId?: string }>(
    e: ArchimateElement,
    naam: string,
    soort: string,
    match: Match,
    lijst: PlanRegel<T>[],
    bestaand: Register<R>,
    maakInvoer: () => Partial<T>,
  ): string | undefined {
    if (match && 'dubbelzinnig' in match) {
      this.slaElementOver(e, match.dubbelzinnig)
      return undefined
    }
    const gedragen = gedragenId(e.id)
    const id = match?.id ?? gedragen
    const eerder = id === undefined ? undefined : this.inPlan.get(`${soort}:${id}`)
    if (id !== undefined && eerder) {
      this.slaOver(
        e,
        msg(
          `Hetzelfde object (${soort}) als element ${eerder.id} ("${eerder.naam}") eerder in het bestand; samengevoegd met dat.`,
          `The same ${SOORT_EN[soort] ?? soort} as element ${eerder.id} ("${eerder.naam}") earlier in the file; merged into that one.`,
        ),
      )
      return id
    }
    const archimateId = gedragen === undefined && e.id.length <= LIMITS.korteTekst ? e.id : undefined
    let regel: PlanRegel<T>
    if (match) {
      regel = { elementIds: [e.id], regel: e.regel, naam, actie: 'samenvoegen', id: match.id, overeenkomst: match.overeenkomst, invoer: {} }
      const record = bestaand.opId.get(match.id)
      if (archimateId && record?.archimateId === undefined) regel.invoer.archimateId = archimateId
    } else {
      const nieuw = gedragen ?? this.nieuwId()
      const invoer = maakInvoer()
      if (archimateId) invoer.archimateId = archimateId
      regel = { elementIds: [e.id], regel: e.regel, naam, actie: 'aanmaken', id: nieuw, invoer }
    }
    lijst.push(regel)
    this.inPlan.set(`${soort}:${regel.id}`, e)
    return regel.id
  }

  // ——— small helpers ———

  private naamVan(e: ArchimateElement, soort: string): string | undefined {
    const naam = kort(e.naam.trim(), LIMITS.naam)
    if (naam !== e.naam.trim())
      this.aanname(
        e,
        'naam',
        naam,
        msg(
          `De naam is langer dan ${LIMITS.naam} tekens en is ingekort tot de eerste ${LIMITS.naam}.`,
          `The name is longer than ${LIMITS.naam} characters and was cut to the first ${LIMITS.naam}.`,
        ),
      )
    if (naam !== '') return naam
    this.slaElementOver(
      e,
      msg(`Een ${soort} zonder naam wordt niet overgenomen.`, `An ${SOORT_EN[soort] ?? soort} without a name is not imported.`),
    )
    return undefined
  }

  private omschrijving(documentatie: string | undefined): string | undefined {
    const d = documentatie?.trim()
    return d ? kort(d, LIMITS.tekst) : undefined
  }

  private eigenschappen(
    bron: { id: string; regel?: number; type: string; naam?: string },
    rest: ArchimateEigenschap[],
    extra: Eigenschap[] = [],
  ): Eigenschap[] {
    const alle = [...rest, ...extra]
      .filter((e) => e.naam.trim() !== '')
      .map((e) => ({ naam: kort(e.naam.trim(), LIMITS.korteTekst), waarde: kort(e.waarde, LIMITS.tekst) }))
    if (alle.length > MAX_EIGENSCHAPPEN) {
      const weg = alle.slice(MAX_EIGENSCHAPPEN).map((e) => e.naam)
      this.slaOver(
        bron,
        msg(
          `Meer dan ${MAX_EIGENSCHAPPEN} eigenschappen; niet bewaard: ${weg.join(', ')}.`,
          `More than ${MAX_EIGENSCHAPPEN} properties; not kept: ${weg.join(', ')}.`,
        ),
      )
    }
    return alle.slice(0, MAX_EIGENSCHAPPEN)
  }

  private nietGegeven(eigenschap: string, en: string, waarde: string | undefined): Message {
    return waarde === undefined
      ? msg(`${eigenschap} staat niet in het bestand.`, `The ${en} is not in the file.`)
      : msg(`"${waarde}" is geen bekende waarde voor ${eigenschap}.`, `"${waarde}" is not a known value for the ${en}.`)
  }

  private nietTussen(r: ArchimateRelatie, a: string, b: string): Message {
    return msg(
      `Een ${r.type}-relatie van ${a} naar ${b} betekent niets in Regiekamer.`,
      `A ${r.type} relationship from ${SOORT_EN[a] ?? a} to ${SOORT_EN[b] ?? b} means nothing in Regiekamer.`,
    )
  }

  private interfaceZonderComponent(e: ArchimateElement): Message {
    return msg(
      `De interface ${e.naam || e.id} hoort bij geen applicatie (geen Composition of Assignment met een ApplicationComponent).`,
      `The interface ${e.naam || e.id} belongs to no application (no Composition or Assignment with an ApplicationComponent).`,
    )
  }

  private ongeldig(
    bron: { id: string; regel?: number; type: string; naam?: string },
    eigenschap: string,
    waarde: string,
    waarom: Message,
  ): void {
    this.resultaat.overgeslagen.push({
      elementId: bron.id,
      regel: bron.regel,
      soort: bron.type,
      naam: `${bron.naam ?? bron.id}: ${eigenschap}`,
      reden: msg(
        `De eigenschap ${eigenschap} "${waarde}" is niet overgenomen: ${waarom.nl}.`,
        `The property ${eigenschap} "${waarde}" was not imported: ${waarom.en}.`,
      ),
    })
  }

  private slaElementOver(e: ArchimateElement, reden: Message): void {
    this.nietOvergenomen.set(e.id, reden)
    this.slaOver(e, reden)
  }

  private slaOver(bron: { id: string; regel?: number; type: string; naam?: string }, reden: Message): void {
    const naam = bron.naam?.trim()
    this.resultaat.overgeslagen.push({ elementId: bron.id, regel: bron.regel, soort: bron.type, ...(naam ? { naam } : {}), reden })
  }

  private aanname(bron: { id: string; regel?: number }, veld: string, waarde: string, reden: Message): void {
    const a: Aanname = { elementId: bron.id, veld, waarde, reden }
    if (bron.regel !== undefined) a.regel = bron.regel
    this.resultaat.aannames.push(a)
  }
}
