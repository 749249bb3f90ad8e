import { type Message, msg } from '../errors.js'
import { BIV_NIVEAUS, type BivNiveau, type OrganisatieType } from '../vocabulary.js'
import { eisNaam, geldigBewijs, heeftOpvolger, herstelVoor, hoofd, organisatieNaam, waaromOntbreekt } from './bewijs.js'
import { dagenTussen, datumTekst, plusMaanden } from './datum.js'
import { objectSleutel, type VertrouwensIndex } from './index-bouw.js'
import { BEWIJS_NAAM, enLijst } from './teksten.js'
import type {
  Bevinding,
  BewijsEis,
  Bewijsstuk,
  Contract,
  ContracteisenRegel,
  HerbeoordelingRegel,
  JaarlijkseAssuranceRegel,
  KoppelingregisterRegel,
  Toegang,
  ToegangObject,
  VereistBewijsRegel,
  VerloopwaarschuwingRegel,
  Vertrouwensbeleid,
  VerwerkersovereenkomstRegel,
} from './typen.js'

// One function per rule kind. Each reads one party's active grants and contracts under
// one policy and returns its findings, each with a sleutel made of the policy, the rule
// and the subject's ids, an explanation and a remedy. Rules that pass record the evidence
// they relied on, so the expiry warning of the same policy can look ahead.

/** One party under one policy: what the rules read. */
export type Beoordeling = {
  index: VertrouwensIndex
  partijId: string
  partijNaam: string
  partijType?: OrganisatieType
  beleid: Vertrouwensbeleid
  /** Active on the peildatum, granted by an organisation this policy protects; sorted by id. */
  toegangen: Toegang[]
  /** Active on the peildatum, held by an organisation this policy protects; sorted by id. */
  contracten: Contract[]
  /** Evidence a passing rule relied on, by id, with the rules that relied on it. */
  gebruikt: Map<string, { stuk: Bewijsstuk; regelIds: Set<string> }>
  /** Answers per eis for this party, shared by its policies: most grants ask the same. */
  geheugen: PartijGeheugen
}

/** What one party's evaluation looks up repeatedly, computed once per eis. */
export type PartijGeheugen = { bewijs: Map<string, Bewijsstuk | null>; reden: Map<string, Message> }

export const nieuwGeheugen = (): PartijGeheugen => ({ bewijs: new Map(), reden: new Map() })

const eisSleutel = (eis: BewijsEis) => `${eis.eenVan.join(',')}|${eis.getekendMetId ?? ''}|${eis.uitgegevenVanaf ?? ''}|${eis.geldigOp}`

function zoekBewijs(b: Beoordeling, eis: BewijsEis): Bewijsstuk | undefined {
  const sleutel = eisSleutel(eis)
  let stuk = b.geheugen.bewijs.get(sleutel)
  if (stuk === undefined) {
    stuk = geldigBewijs(b.index, b.partijId, eis) ?? null
    b.geheugen.bewijs.set(sleutel, stuk)
  }
  return stuk ?? undefined
}

function ontbreektOmdat(b: Beoordeling, eis: BewijsEis): Message {
  const sleutel = eisSleutel(eis)
  let m = b.geheugen.reden.get(sleutel)
  if (!m) {
    m = waaromOntbreekt(b.index, b.partijId, eis)
    b.geheugen.reden.set(sleutel, m)
  }
  return m
}

type Geraakt = Pick<Bevinding, 'applicatieIds' | 'koppelingIds' | 'gastheerschapIds'>

const niveau = (n: BivNiveau) => BIV_NIVEAUS.indexOf(n)
const NIVEAU_EN: Record<BivNiveau, string> = { laag: 'low', midden: 'medium', hoog: 'high' }

// ---------------------------------------------------------------- gedeeld

function maak(
  b: Beoordeling,
  regel: { id: string; soort: Bevinding['regelSoort']; ernst: Bevinding['ernst']; maatregel: string },
  onderwerp: string,
  velden: Omit<Bevinding, 'sleutel' | 'beleidId' | 'regelId' | 'regelSoort' | 'ernst' | 'maatregel' | 'partijId'>,
): Bevinding {
  return {
    sleutel: `${b.beleid.id}/${regel.id}/${onderwerp}`,
    beleidId: b.beleid.id,
    regelId: regel.id,
    regelSoort: regel.soort,
    ernst: regel.ernst,
    maatregel: regel.maatregel,
    partijId: b.partijId,
    ...velden,
  }
}

function gebruik(b: Beoordeling, stuk: Bewijsstuk, regelId: string): void {
  const al = b.gebruikt.get(stuk.id)
  if (al) al.regelIds.add(regelId)
  else b.gebruikt.set(stuk.id, { stuk, regelIds: new Set([regelId]) })
}

/** The applicaties and koppelingen named, the koppelingen through those applicaties, and their gastheerschappen; sorted. */
export function geraakt(index: VertrouwensIndex, applicatieIds: Iterable<string>, koppelingIds: Iterable<string>): Geraakt {
  const apps = new Set(applicatieIds)
  const kops = new Set(koppelingIds)
  for (const a of apps) for (const k of index.koppelingenPerApplicatie.get(a) ?? []) kops.add(k)
  const gastheerschappen = new Set<string>()
  for (const k of kops) {
    const g = index.koppelingen.get(k)?.gastheerschapId
    if (g) gastheerschappen.add(g)
  }
  return { applicatieIds: [...apps].sort(), koppelingIds: [...kops].sort(), gastheerschapIds: [...gastheerschappen].sort() }
}

/** Per object, cached in the index (valid as long as the koppelingen are: a change there rebuilds the index). */
export function geraaktDoorToegang(index: VertrouwensIndex, t: Toegang): Geraakt {
  const sleutel = objectSleutel(t.object)
  let g = index.geraakt.get(sleutel)
  if (!g) {
    g = geraaktDoorObject(index, t)
    index.geraakt.set(sleutel, g)
  }
  return { applicatieIds: g.applicatieIds.slice(), koppelingIds: g.koppelingIds.slice(), gastheerschapIds: g.gastheerschapIds.slice() }
}

function geraaktDoorObject(index: VertrouwensIndex, t: Toegang): Geraakt {
  if (t.object.soort === 'applicatie') return geraakt(index, [t.object.id], [])
  if (t.object.soort === 'koppeling') {
    const k = index.koppelingen.get(t.object.id)
    const eindpunten = [k?.bronApplicatieId, k?.doelApplicatieId, k?.viaApplicatieId].filter((a): a is string => a !== undefined)
    const g = geraakt(index, [], [t.object.id])
    return { ...g, applicatieIds: [...new Set(eindpunten)].sort() }
  }
  return { applicatieIds: [], koppelingIds: [], gastheerschapIds: [] }
}

const geraaktDoorContract = (index: VertrouwensIndex, c: Contract): Geraakt => geraakt(index, c.applicatieIds, c.koppelingIds)

function voegSamen(delen: readonly Geraakt[]): Geraakt {
  const set = (k: keyof Geraakt) => {
    const alle = new Set<string>()
    for (const d of delen) for (const id of d[k]) alle.add(id)
    return [...alle].sort()
  }
  return { applicatieIds: set('applicatieIds'), koppelingIds: set('koppelingIds'), gastheerschapIds: set('gastheerschapIds') }
}

/** "applicatie Zaaksysteem" / "koppeling StUF-BG" / "netwerkzone Beheer van Gemeente X". */
export function objectNaam(index: VertrouwensIndex, object: ToegangObject): Message {
  if (object.soort === 'netwerkzone') {
    const eigenaar = organisatieNaam(index, object.eigenaarId)
    return msg(`netwerkzone ${object.naam} van ${eigenaar}`, `network zone ${object.naam} of ${eigenaar}`)
  }
  if (object.soort === 'applicatie') {
    const naam = index.applicaties.get(object.id)?.naam ?? object.id
    return msg(`applicatie ${naam}`, `application ${naam}`)
  }
  const naam = index.koppelingen.get(object.id)?.naam ?? object.id
  return msg(`koppeling ${naam}`, `data link ${naam}`)
}

/**
 * What a grant's object holds. An applicatie or koppeling not in the register counts as
 * hoog with persoonsgegevens: what nobody classified is not safe to assume harmless.
 */
export function kenmerken(index: VertrouwensIndex, object: ToegangObject): Kenmerken | undefined {
  if (object.soort === 'netwerkzone') return undefined
  return (object.soort === 'applicatie' ? index.applicaties.get(object.id) : index.koppelingen.get(object.id)) ?? ONGECLASSIFICEERD
}

type Kenmerken = { readonly vertrouwelijkheid: BivNiveau; readonly persoonsgegevens: boolean }
const ONGECLASSIFICEERD: Kenmerken = { vertrouwelijkheid: 'hoog', persoonsgegevens: true }

const metPersoonsgegevens = (index: VertrouwensIndex, soort: 'applicatie' | 'koppeling', id: string): boolean =>
  kenmerken(index, { soort, id })?.persoonsgegevens ?? false

const zin = (delen: readonly Message[]): Message => msg(delen.map((d) => d.nl).join('; '), delen.map((d) => d.en).join('; '))
const spatie = (delen: readonly Message[]): Message => msg(delen.map((d) => d.nl).join(' '), delen.map((d) => d.en).join(' '))

// ---------------------------------------------------------------- vereist-bewijs

/** Whether a vereist-bewijs rule applies to an object (cheap: asked for every grant). */
function vraagtBewijs(index: VertrouwensIndex, regel: VereistBewijsRegel, object: ToegangObject): boolean {
  const k = kenmerken(index, object)
  if (!k) return regel.netwerkzones
  return (
    (regel.vanafVertrouwelijkheid !== undefined && niveau(k.vertrouwelijkheid) >= niveau(regel.vanafVertrouwelijkheid)) ||
    (regel.bijPersoonsgegevens && k.persoonsgegevens)
  )
}

/** Why a vereist-bewijs rule applies to an object, or undefined when it does not. */
export function redenVereistBewijs(index: VertrouwensIndex, regel: VereistBewijsRegel, object: ToegangObject): Message | undefined {
  if (!vraagtBewijs(index, regel, object)) return undefined
  const k = kenmerken(index, object)
  if (!k) return msg('toegang tot het netwerk', 'access to the network')
  const redenen: Message[] = []
  if (regel.vanafVertrouwelijkheid !== undefined && niveau(k.vertrouwelijkheid) >= niveau(regel.vanafVertrouwelijkheid)) {
    redenen.push(msg(`vertrouwelijkheid ${k.vertrouwelijkheid}`, `confidentiality ${NIVEAU_EN[k.vertrouwelijkheid]}`))
  }
  if (regel.bijPersoonsgegevens && k.persoonsgegevens) redenen.push(msg('persoonsgegevens', 'personal data'))
  return enLijst(redenen)
}

/** The evidence a vereist-bewijs rule asks of a grant, each as one eis. */
export function eisenVan(regel: VereistBewijsRegel, verleendDoorId: string, peildatum: string): BewijsEis[] {
  const eisen: BewijsEis[] = regel.alleVan.map((s) => ({ eenVan: [s], geldigOp: peildatum }))
  if (regel.eenVan.length > 0) eisen.push({ eenVan: [...regel.eenVan], geldigOp: peildatum })
  if (regel.verwerkersovereenkomstMetEigenaar) {
    eisen.push({ eenVan: ['verwerkersovereenkomst'], getekendMetId: verleendDoorId, geldigOp: peildatum })
  }
  return eisen
}

/** What is missing for grants of one grantor: the eisen depend only on who granted. */
type Tekort = { ontbrekend: BewijsEis[]; gevraagd: Message; waarom: Message; herstel: Message }

function tekortBij(b: Beoordeling, regel: VereistBewijsRegel, verleendDoorId: string): Tekort {
  const ontbrekend: BewijsEis[] = []
  for (const eis of eisenVan(regel, verleendDoorId, b.index.peildatum)) {
    const stuk = zoekBewijs(b, eis)
    if (stuk) gebruik(b, stuk, regel.id)
    else ontbrekend.push(eis)
  }
  return {
    ontbrekend,
    gevraagd: enLijst(ontbrekend.map((e) => eisNaam(b.index, e))),
    waarom: zin(ontbrekend.map((e) => ontbreektOmdat(b, e))),
    herstel: spatie([
      ...ontbrekend.map((e) => herstelVoor(b.index, b.partijId, e)),
      msg('Of trek de toegang in.', 'Or revoke the access.'),
    ]),
  }
}

export function vereistBewijs(b: Beoordeling, regel: VereistBewijsRegel): Bevinding[] {
  const uit: Bevinding[] = []
  const perGrantor = new Map<string, Tekort>()
  for (const t of b.toegangen) {
    if (!vraagtBewijs(b.index, regel, t.object)) continue
    let tekort = perGrantor.get(t.verleendDoorId)
    if (!tekort) {
      tekort = tekortBij(b, regel, t.verleendDoorId)
      perGrantor.set(t.verleendDoorId, tekort)
    }
    if (tekort.ontbrekend.length === 0) continue
    const reden = redenVereistBewijs(b.index, regel, t.object) as Message
    const object = objectNaam(b.index, t.object)
    uit.push(
      maak(b, regel, `toegang/${t.id}`, {
        eigenaarId: t.verleendDoorId,
        toegangId: t.id,
        ...geraaktDoorToegang(b.index, t),
        uitleg: msg(
          `Toegang van ${b.partijNaam} tot ${object.nl} (${reden.nl}) vraagt geldig bewijs (${tekort.gevraagd.nl}): ${tekort.waarom.nl}.`,
          `Access of ${b.partijNaam} to ${object.en} (${reden.en}) requires valid evidence (${tekort.gevraagd.en}): ${tekort.waarom.en}.`,
        ),
        herstel: tekort.herstel,
        ontbrekendBewijs: tekort.ontbrekend.map((e) => ({ ...e, eenVan: [...e.eenVan] })),
      }),
    )
  }
  return uit
}

// ---------------------------------------------------------------- herbeoordeling

export function herbeoordeling(b: Beoordeling, regel: HerbeoordelingRegel): Bevinding[] {
  const uit: Bevinding[] = []
  for (const t of b.toegangen) {
    const basis = t.laatsteBeoordeling ?? t.geldigVanaf
    const uiterlijk = plusMaanden(basis, regel.maxMaanden)
    if (b.index.peildatum <= uiterlijk) continue
    const object = objectNaam(b.index, t.object)
    const sinds = datumTekst(basis)
    const grens = datumTekst(uiterlijk)
    const verleendDoor = organisatieNaam(b.index, t.verleendDoorId)
    const stand =
      t.laatsteBeoordeling === undefined
        ? msg(`is nooit herbeoordeeld (verleend op ${sinds.nl})`, `was never reviewed (granted on ${sinds.en})`)
        : msg(`is voor het laatst herbeoordeeld op ${sinds.nl}`, `was last reviewed on ${sinds.en}`)
    uit.push(
      maak(b, regel, `toegang/${t.id}`, {
        eigenaarId: t.verleendDoorId,
        toegangId: t.id,
        ...geraaktDoorToegang(b.index, t),
        datum: uiterlijk,
        uitleg: msg(
          `Toegang van ${b.partijNaam} tot ${object.nl} ${stand.nl}; herbeoordeling was uiterlijk ${grens.nl} nodig (elke ${regel.maxMaanden} maanden).`,
          `Access of ${b.partijNaam} to ${object.en} ${stand.en}; a review was due by ${grens.en} (every ${regel.maxMaanden} months).`,
        ),
        herstel: msg(
          `Laat ${verleendDoor} de toegang herbeoordelen: goedkeuren tot een nieuwe datum, of intrekken met een reden.`,
          `Have ${verleendDoor} review the access: approve it until a new date, or revoke it with a reason.`,
        ),
      }),
    )
  }
  return uit
}

// ---------------------------------------------------------------- contracteisen

export function contracteisen(b: Beoordeling, regel: ContracteisenRegel): Bevinding[] {
  const uit: Bevinding[] = []
  for (const c of b.contracten) {
    const mist: Message[] = []
    const op: Message[] = []
    if (regel.auditrecht && !c.auditrecht) {
      mist.push(msg('auditrecht', 'right to audit'))
      op.push(msg('auditrecht', 'a right to audit'))
    }
    if (regel.exitstrategie && !c.exitstrategie) {
      mist.push(msg('exitstrategie', 'exit strategy'))
      op.push(msg('een exitstrategie', 'an exit strategy'))
    }
    if (mist.length === 0) continue
    const wat = enLijst(mist)
    const neem = enLijst(op)
    const exit = regel.exitstrategie && !c.exitstrategie
    const afnemer = organisatieNaam(b.index, c.afnemerId)
    uit.push(
      maak(b, regel, `contract/${c.id}`, {
        eigenaarId: c.afnemerId,
        contractId: c.id,
        ...geraaktDoorContract(b.index, c),
        uitleg: msg(
          `Het contract van ${afnemer} met ${b.partijNaam} (${c.omschrijving}) regelt geen ${wat.nl}.`,
          `The contract of ${afnemer} with ${b.partijNaam} (${c.omschrijving}) has no ${wat.en}.`,
        ),
        herstel: msg(
          `Neem ${neem.nl} op in het contract${exit ? ' en leg vast waar de exitstrategie staat: zonder exitstrategie is ontvlechten niet voorbereid' : ''}.`,
          `Add ${neem.en} to the contract${exit ? ' and record where the exit strategy is written down: without one, disentanglement is not prepared' : ''}.`,
        ),
      }),
    )
  }
  return uit
}

// ---------------------------------------------------------------- jaarlijkse-assurance

export function jaarlijkseAssurance(b: Beoordeling, regel: JaarlijkseAssuranceRegel): Bevinding[] {
  if (b.toegangen.length === 0 && b.contracten.length === 0) return []
  const eis: BewijsEis = {
    eenVan: [...regel.soorten],
    uitgegevenVanaf: plusMaanden(b.index.peildatum, -regel.maxMaanden),
    geldigOp: b.index.peildatum,
  }
  const stuk = zoekBewijs(b, eis)
  if (stuk) {
    gebruik(b, stuk, regel.id)
    return []
  }
  const waarom = ontbreektOmdat(b, eis)
  return [
    maak(b, regel, `partij/${b.partijId}`, {
      ...voegSamen([
        ...b.toegangen.map((t) => geraaktDoorToegang(b.index, t)),
        ...b.contracten.map((c) => geraaktDoorContract(b.index, c)),
      ]),
      uitleg: msg(
        `${b.partijNaam} heeft ${aantal(b)} maar geen onafhankelijke verklaring van de afgelopen ${regel.maxMaanden} maanden: ${waarom.nl}.`,
        `${b.partijNaam} has ${aantalEn(b)} but no independent assurance from the last ${regel.maxMaanden} months: ${waarom.en}.`,
      ),
      herstel: herstelVoor(b.index, b.partijId, eis),
      ontbrekendBewijs: [eis],
    }),
  ]
}

const meervoud = (n: number, een: string, meer: string) => `${n} ${n === 1 ? een : meer}`
const aantal = (b: Beoordeling) =>
  [
    b.toegangen.length > 0 ? meervoud(b.toegangen.length, 'toegang', 'toegangen') : '',
    b.contracten.length > 0 ? meervoud(b.contracten.length, 'contract', 'contracten') : '',
  ]
    .filter(Boolean)
    .join(' en ')
const aantalEn = (b: Beoordeling) =>
  [
    b.toegangen.length > 0 ? meervoud(b.toegangen.length, 'access grant', 'access grants') : '',
    b.contracten.length > 0 ? meervoud(b.contracten.length, 'contract', 'contracts') : '',
  ]
    .filter(Boolean)
    .join(' and ')

// ---------------------------------------------------------------- verwerkersovereenkomst-bij-persoonsgegevens

/** Per owner, the applicaties and koppelingen with persoonsgegevens the party's grants and contracts touch. */
function persoonsgegevensPerEigenaar(b: Beoordeling): Map<string, { applicatieIds: Set<string>; koppelingIds: Set<string> }> {
  const per = new Map<string, { applicatieIds: Set<string>; koppelingIds: Set<string> }>()
  const voeg = (eigenaar: string, soort: 'applicatie' | 'koppeling', id: string) => {
    if (!metPersoonsgegevens(b.index, soort, id)) return
    const e = per.get(eigenaar) ?? { applicatieIds: new Set<string>(), koppelingIds: new Set<string>() }
    ;(soort === 'applicatie' ? e.applicatieIds : e.koppelingIds).add(id)
    per.set(eigenaar, e)
  }
  for (const t of b.toegangen) if (t.object.soort !== 'netwerkzone') voeg(t.verleendDoorId, t.object.soort, t.object.id)
  for (const c of b.contracten) {
    for (const a of c.applicatieIds) voeg(c.afnemerId, 'applicatie', a)
    for (const k of c.koppelingIds) voeg(c.afnemerId, 'koppeling', k)
  }
  return per
}

export function verwerkersovereenkomst(b: Beoordeling, regel: VerwerkersovereenkomstRegel): Bevinding[] {
  const uit: Bevinding[] = []
  const per = persoonsgegevensPerEigenaar(b)
  for (const eigenaarId of [...per.keys()].sort()) {
    const eis: BewijsEis = { eenVan: ['verwerkersovereenkomst'], getekendMetId: eigenaarId, geldigOp: b.index.peildatum }
    const stuk = zoekBewijs(b, eis)
    if (stuk) {
      gebruik(b, stuk, regel.id)
      continue
    }
    const objecten = per.get(eigenaarId) as { applicatieIds: Set<string>; koppelingIds: Set<string> }
    const g = geraakt(b.index, objecten.applicatieIds, objecten.koppelingIds)
    const namen = [
      ...[...objecten.applicatieIds].sort().map((id) => objectNaam(b.index, { soort: 'applicatie', id })),
      ...[...objecten.koppelingIds].sort().map((id) => objectNaam(b.index, { soort: 'koppeling', id })),
    ]
    const eigenaar = organisatieNaam(b.index, eigenaarId)
    const waar = enLijst(namen.slice(0, 3))
    const meer = namen.length > 3 ? msg(` (en ${namen.length - 3} meer)`, ` (and ${namen.length - 3} more)`) : msg('', '')
    const waarom = ontbreektOmdat(b, eis)
    uit.push(
      maak(b, regel, `partij/${b.partijId}/eigenaar/${eigenaarId}`, {
        eigenaarId,
        ...g,
        uitleg: msg(
          `${b.partijNaam} komt bij persoonsgegevens van ${eigenaar} via ${waar.nl}${meer.nl}: ${waarom.nl}.`,
          `${b.partijNaam} reaches personal data of ${eigenaar} through ${waar.en}${meer.en}: ${waarom.en}.`,
        ),
        herstel: herstelVoor(b.index, b.partijId, eis),
        ontbrekendBewijs: [eis],
      }),
    )
  }
  return uit
}

// ---------------------------------------------------------------- koppelingregister

/** Every koppeling a grant or contract names, with what names it (grant or contract ids). */
function genoemdeKoppelingen(b: Beoordeling): Map<string, { toegangIds: string[]; contractIds: string[] }> {
  const per = new Map<string, { toegangIds: string[]; contractIds: string[] }>()
  const bij = (id: string) => {
    const e = per.get(id) ?? { toegangIds: [], contractIds: [] }
    per.set(id, e)
    return e
  }
  for (const t of b.toegangen) if (t.object.soort === 'koppeling') bij(t.object.id).toegangIds.push(t.id)
  for (const c of b.contracten) for (const k of new Set(c.koppelingIds)) bij(k).contractIds.push(c.id)
  return per
}

export function koppelingregister(b: Beoordeling, regel: KoppelingregisterRegel): Bevinding[] {
  const uit: Bevinding[] = []
  const per = genoemdeKoppelingen(b)
  for (const id of [...per.keys()].sort()) {
    const k = b.index.koppelingen.get(id)
    const problemen: Message[] = []
    if (!k) problemen.push(msg('staat niet in het register', 'is not in the register'))
    else {
      if (k.eigenaarId === undefined) problemen.push(msg('heeft geen eigenaar', 'has no owner'))
      if (regel.verbodenStatussen.includes(k.status)) problemen.push(msg(`heeft status ${k.status}`, `has status ${k.status}`))
    }
    if (problemen.length === 0) continue
    const genoemd = per.get(id) as { toegangIds: string[]; contractIds: string[] }
    const naam = objectNaam(b.index, { soort: 'koppeling', id })
    const wat = enLijst(problemen)
    const door = msg(
      [genoemd.toegangIds.length > 0 ? 'een toegang' : '', genoemd.contractIds.length > 0 ? 'een contract' : '']
        .filter(Boolean)
        .join(' en '),
      [genoemd.toegangIds.length > 0 ? 'an access grant' : '', genoemd.contractIds.length > 0 ? 'a contract' : '']
        .filter(Boolean)
        .join(' and '),
    )
    const velden: Parameters<typeof maak>[3] = {
      ...geraakt(b.index, [], [id]),
      uitleg: msg(
        `${hoofd(naam.nl)}, genoemd in ${door.nl} van ${b.partijNaam}, ${wat.nl}.`,
        `${hoofd(naam.en)}, named in ${door.en} of ${b.partijNaam}, ${wat.en}.`,
      ),
      herstel: msg(
        'Registreer de koppeling met een eigenaar en een actuele status, of haal haar uit de toegang en het contract.',
        'Register the data link with an owner and a current status, or remove it from the access grant and the contract.',
      ),
    }
    const toegangId = genoemd.toegangIds.sort()[0]
    const contractId = genoemd.contractIds.sort()[0]
    if (toegangId !== undefined) velden.toegangId = toegangId
    if (contractId !== undefined) velden.contractId = contractId
    if (k?.eigenaarId !== undefined) velden.eigenaarId = k.eigenaarId
    uit.push(maak(b, regel, `partij/${b.partijId}/koppeling/${id}`, velden))
  }
  return uit
}

// ---------------------------------------------------------------- verloopwaarschuwing

/** Runs after the other rules of the policy: warns about the evidence they relied on. */
export function verloopwaarschuwing(b: Beoordeling, regel: VerloopwaarschuwingRegel): Bevinding[] {
  const uit: Bevinding[] = []
  for (const id of [...b.gebruikt.keys()].sort()) {
    const { stuk, regelIds } = b.gebruikt.get(id) as { stuk: Bewijsstuk; regelIds: Set<string> }
    if (stuk.geldigTot === undefined) continue
    const over = dagenTussen(b.index.peildatum, stuk.geldigTot)
    if (over < 0 || over > regel.dagen || heeftOpvolger(b.index, stuk)) continue
    const soort = BEWIJS_NAAM[stuk.soort]
    const met = stuk.getekendMetId !== undefined ? organisatieNaam(b.index, stuk.getekendMetId) : undefined
    const naam = met ? msg(`${soort.nl} met ${met}`, `${soort.en} with ${met}`) : soort
    const d = datumTekst(stuk.geldigTot)
    const regels = [...regelIds].sort()
    const steun = msg(
      `${regels.length === 1 ? 'regel' : 'regels'} ${regels.join(', ')} ${regels.length === 1 ? 'steunt' : 'steunen'} erop`,
      `${regels.length === 1 ? 'rule' : 'rules'} ${regels.join(', ')} ${regels.length === 1 ? 'relies' : 'rely'} on it`,
    )
    const wanneer =
      over === 0
        ? msg('vandaag de laatste dag', 'today is its last day')
        : msg(`nog ${meervoud(over, 'dag', 'dagen')}`, `${meervoud(over, 'day', 'days')} left`)
    uit.push(
      maak(b, regel, `bewijsstuk/${stuk.id}`, {
        ...(stuk.getekendMetId !== undefined ? { eigenaarId: stuk.getekendMetId } : {}),
        bewijsstukId: stuk.id,
        applicatieIds: [],
        koppelingIds: [],
        gastheerschapIds: [],
        datum: stuk.geldigTot,
        uitleg: msg(
          `${hoofd(naam.nl)} van ${b.partijNaam} verloopt: geldig tot en met ${d.nl} (${wanneer.nl}), zonder opvolger; ${steun.nl}.`,
          `${hoofd(naam.en)} of ${b.partijNaam} expires: valid until ${d.en} (${wanneer.en}), with no successor; ${steun.en}.`,
        ),
        herstel: msg(
          `Vraag ${b.partijNaam} tijdig om een nieuwe ${naam.nl} en leg die vast, geldig vanaf uiterlijk de dag na ${d.nl}.`,
          `Ask ${b.partijNaam} in time for a new ${naam.en} and record it, valid from the day after ${d.en} at the latest.`,
        ),
      }),
    )
  }
  return uit
}
