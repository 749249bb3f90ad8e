import { type Message, msg } from '../errors.js'
import { datumTekst } from '../vertrouwen/datum.js'
import { type Afhankelijkheidsgraaf, knopenVan } from './graaf.js'
import type {
  GeraaktContract,
  GeraakteApplicatie,
  GeraakteKoppeling,
  GeraakteOrganisatie,
  GeraakteToegang,
  GeraaktGastheerschap,
  GraafGastheerschap,
  GraafKoppeling,
  GraafToegang,
  ImpactResultaat,
  OrganisatieRol,
  PadStap,
  Wijziging,
} from './typen.js'
import { type Startknoop, stapVoor, type Wandeling, type Wandelvraag, wandel } from './wandeling.js'

// What a scenario's changes reach, with the path that explains each consequence, who
// must act and what must happen. Each change becomes one walk (wandeling.ts); the walks
// are merged by object, keeping the shortest path and every change that reaches it.
// The changes are assumed valid (controle.ts): unknown ids are skipped, not guessed.

/** One change as the walk needs it, plus what it reaches without walking. */
interface Vertaling {
  vraag: Wandelvraag
  gastheerschappen: GeraaktGastheerschap[]
  rollen: [string, OrganisatieRol][]
  actieKoppeling: (k: { naam: string }, partijNamen: string) => Message
  actieApplicatie: (a: { naam: string }, start: boolean, partijNamen: string) => Message
  /** Contracts and grants this change ends or changes. */
  contracten: { id: string; actie: Message }[]
  toegangen: { id: string; actie: Message }[]
}

/** Dutch order of names; one collator, as creating one per comparison costs more than the walk. */
const NL = new Intl.Collator('nl')

/** A date as a person reads it: 1 januari 2028 / 1 January 2028. */
const nl = (datum: string) => datumTekst(datum).nl
const en = (datum: string) => datumTekst(datum).en

const actief = (g: GraafGastheerschap, datum: string) => g.startdatum <= datum && (g.einddatum === null || g.einddatum >= datum)

function orgStap(graaf: Afhankelijkheidsgraaf, id: string): PadStap {
  return { soort: 'organisatie', id, naam: graaf.organisaties.get(id)?.naam ?? id }
}

function naamLijst(graaf: Afhankelijkheidsgraaf, ids: Iterable<string>): string {
  const namen = [...ids].map((id) => graaf.organisaties.get(id)?.naam ?? id).sort(NL.compare)
  if (namen.length <= 1) return namen[0] ?? ''
  return `${namen.slice(0, -1).join(', ')} en ${namen[namen.length - 1]}`
}

/** Start nodes: what each partij uses of these applicaties, with the path partij → applicatie. */
function startVoorGebruikers(graaf: Afhankelijkheidsgraaf, apps: Iterable<string>, alles: boolean, alleen?: ReadonlySet<string>) {
  const start: Startknoop[] = []
  for (const id of apps) {
    const app = graaf.applicaties.get(id)
    if (!app) continue
    const gebruiker = [...app.gebruikerIds].filter((o) => !alleen || alleen.has(o)).sort()[0]
    const pad = gebruiker ? [orgStap(graaf, gebruiker), stapVoor(graaf, id)] : [stapVoor(graaf, id)]
    start.push({ knoop: id, pad, alles })
  }
  return start
}

function gastheerschapStap(g: GraafGastheerschap): PadStap {
  return { soort: 'gastheerschap', id: g.id, naam: g.taak }
}

/** Uittreden and gastheer stopt: the gastheerschappen that end for someone, and who loses them. */
function gastheerschapVertaling(
  graaf: Afhankelijkheidsgraaf,
  wie: string | undefined,
  gh: GraafGastheerschap[],
  datum: string,
  heleSamenwerking: boolean,
): Vertaling {
  const partijen = new Set<string>()
  const geraakt: GeraaktGastheerschap[] = []
  const rollen: [string, OrganisatieRol][] = []
  const start: Startknoop[] = []
  const direct: { koppelingId: string; pad: PadStap[] }[] = []
  const vanGastheerschap = new Map<string, GraafGastheerschap[]>()
  for (const g of gh) {
    const gastheerStopt = wie === undefined || wie === g.gastheerId
    const verliezers = gastheerStopt ? g.afnemerIds : [wie]
    for (const v of verliezers) partijen.add(v)
    rollen.push([g.gastheerId, 'gastheer'], ...verliezers.map((v): [string, OrganisatieRol] => [v, 'afnemer']))
    const gastheer = graaf.organisaties.get(g.gastheerId)?.naam ?? g.gastheerId
    const namen = naamLijst(graaf, verliezers)
    geraakt.push({
      id: g.id,
      taak: g.taak,
      gastheerId: g.gastheerId,
      eigenaarId: gastheerStopt ? g.gastheerId : (wie as string),
      betrokkenIds: [...new Set([g.gastheerId, ...verliezers])].sort(),
      actie: gastheerStopt
        ? msg(
            `${gastheer} stopt per ${nl(datum)} als gastheer van "${g.taak}": ${namen} beleggen de taak elders; de DVO wordt beëindigd met inachtneming van de opzegtermijn.`,
            `${gastheer} stops hosting "${g.taak}" on ${en(datum)}: ${namen} must arrange the task elsewhere; the service agreement ends with its notice period.`,
          )
        : msg(
            `${namen} stopt per ${nl(datum)} als afnemer van "${g.taak}" bij ${gastheer}: DVO opzeggen (opzegtermijn), taak elders beleggen, gegevens van ${namen} overdragen.`,
            `${namen} stops taking "${g.taak}" from ${gastheer} on ${en(datum)}: give notice on the service agreement, arrange the task elsewhere, hand over ${namen}'s data.`,
          ),
      wijzigingen: [],
    })
    const eerste = [...verliezers].sort()[0]
    const pad = eerste ? [orgStap(graaf, eerste), gastheerschapStap(g)] : [gastheerschapStap(g)]
    for (const kid of graaf.koppelingenVan(g.id)) {
      direct.push({ koppelingId: kid, pad })
      for (const knoop of knopenVan(graaf.koppelingen.get(kid) as GraafKoppeling)) {
        const lijst = vanGastheerschap.get(knoop) ?? []
        if (!lijst.includes(g)) vanGastheerschap.set(knoop, [...lijst, g])
      }
    }
  }
  // What those who lose a gastheerschap lose of the gastheer's applicaties (used by both):
  // one the ending gastheerschap's koppelingen use; leaving the whole samenwerking, also
  // one hosted by the gastheer that no continuing gastheerschap's koppeling uses.
  const eindigt = new Set(gh.map((g) => g.id))
  const verliezersVan = (g: GraafGastheerschap) => (wie === undefined || wie === g.gastheerId ? g.afnemerIds : [wie])
  const elders = (app: string) => {
    for (const k of graaf.koppelingenBij(app)) {
      const gid = graaf.koppelingen.get(k)?.gastheerschapId
      if (gid && !eindigt.has(gid)) return true
    }
    return false
  }
  // Per organisation that loses something, the ending gastheerschappen it loses (in order).
  const verliestVan = new Map<string, GraafGastheerschap[]>()
  for (const g of gh) for (const v of verliezersVan(g)) verliestVan.set(v, [...(verliestVan.get(v) ?? []), g])
  for (const [v, vanV] of verliestVan)
    for (const app of graaf.applicatiesVan(v)) {
      const a = graaf.applicaties.get(app)
      if (!a) continue
      const gebonden = (vanGastheerschap.get(app) ?? []).find((x) => vanV.includes(x) && a.gebruikerIds.includes(x.gastheerId))
      const via =
        gebonden ??
        (heleSamenwerking && a.hosting === 'bij gastheer' && !elders(app)
          ? vanV.find((g) => a.gebruikerIds.includes(g.gastheerId))
          : undefined)
      if (!via) continue
      start.push({ knoop: app, pad: [orgStap(graaf, v), gastheerschapStap(via), stapVoor(graaf, app)], alles: false })
    }
  const partijNamen = naamLijst(graaf, partijen)
  return {
    vraag: { partijen, gastheerschappen: new Set(gh.map((g) => g.id)), start, direct },
    gastheerschappen: geraakt,
    rollen,
    actieKoppeling: () =>
      msg(
        `Ontvlechten: de gegevens en aansluiting van ${partijNamen} eruit halen; ${partijNamen} sluit aan op de nieuwe voorziening.`,
        `Disentangle: take out the data and connection of ${partijNamen}; ${partijNamen} connects to the new provision.`,
      ),
    actieApplicatie: (a, isStart) =>
      isStart
        ? msg(
            `${partijNamen} verliest ${a.naam}: gegevens overzetten naar een eigen of andere voorziening.`,
            `${partijNamen} loses ${a.naam}: move the data to its own or another provision.`,
          )
        : msg(
            `${a.naam} moet opnieuw worden aangesloten op de nieuwe voorziening van ${partijNamen}.`,
            `${a.naam} must be connected again to ${partijNamen}'s new provision.`,
          ),
    contracten: [],
    toegangen: [],
  }
}

function uittreden(graaf: Afhankelijkheidsgraaf, w: Extract<Wijziging, { soort: 'uittreden' }>): Vertaling {
  const gh = w.gastheerschapId
    ? [graaf.gastheerschappen.get(w.gastheerschapId)].filter((g): g is GraafGastheerschap => !!g)
    : [...graaf.gastheerschappenIn(w.samenwerkingId ?? '')]
        .map((id) => graaf.gastheerschappen.get(id) as GraafGastheerschap)
        .filter((g) => actief(g, w.datum) && (g.gastheerId === w.organisatieId || g.afnemerIds.includes(w.organisatieId)))
  const v = gastheerschapVertaling(graaf, w.organisatieId, gh, w.datum, w.gastheerschapId === undefined)
  v.rollen.push([w.organisatieId, 'uittreder'])
  // A leaving gastheer loses nothing itself: its afnemers do. Anyone else loses its share.
  const partijen = v.vraag.partijen as Set<string>
  if (!gh.some((g) => g.gastheerId === w.organisatieId)) partijen.add(w.organisatieId)
  if (w.samenwerkingId) {
    // Koppelingen of the samenwerking outside its gastheerschappen reach the partijen's applicaties.
    const s: PadStap = {
      soort: 'samenwerking',
      id: w.samenwerkingId,
      naam: graaf.samenwerkingen.get(w.samenwerkingId)?.naam ?? w.samenwerkingId,
    }
    const inSamenwerking = new Set<string>()
    for (const k of graaf.koppelingenIn(w.samenwerkingId))
      for (const knoop of knopenVan(graaf.koppelingen.get(k) as GraafKoppeling)) inSamenwerking.add(knoop)
    for (const p of [...partijen].sort())
      for (const app of graaf.applicatiesVan(p))
        if (inSamenwerking.has(app)) v.vraag.start.push({ knoop: app, pad: [orgStap(graaf, p), s, stapVoor(graaf, app)], alles: false })
  }
  v.toegangen = toegangenVan(graaf, partijen, gh, w.datum, (t) =>
    msg(`Toegang van ${t} intrekken per ${nl(w.datum)}.`, `Revoke ${t}'s access on ${en(w.datum)}.`),
  )
  return v
}

/** A grant that has not expired before the date (revoked ones are not in the graph). */
const inKracht = (t: GraafToegang | undefined, datum: string) => t !== undefined && (t.geldigTot === null || t.geldigTot >= datum)

/** Grants of the partijen to what their gastheerschappen's koppelingen and hosted applicaties reach. */
function toegangenVan(
  graaf: Afhankelijkheidsgraaf,
  partijen: ReadonlySet<string>,
  gh: GraafGastheerschap[],
  datum: string,
  actie: (partij: string) => Message,
): { id: string; actie: Message }[] {
  if (![...partijen].some((p) => graaf.toegangenVan(p).size > 0)) return []
  // What the ending gastheerschappen cover: their koppelingen and the applicaties on those.
  const objecten = new Set<string>()
  for (const g of gh)
    for (const k of graaf.koppelingenVan(g.id)) {
      objecten.add(k)
      for (const knoop of knopenVan(graaf.koppelingen.get(k) as GraafKoppeling)) objecten.add(knoop)
    }
  const uit: { id: string; actie: Message }[] = []
  for (const p of partijen)
    for (const tid of graaf.toegangenVan(p)) {
      const t = graaf.toegangen.get(tid)
      if (!t || !inKracht(t, datum)) continue
      const geraakt = t.object.soort === 'netwerkzone' ? gh.some((g) => g.gastheerId === t.verleendDoorId) : objecten.has(t.object.id)
      if (geraakt) uit.push({ id: tid, actie: actie(graaf.organisaties.get(p)?.naam ?? p) })
    }
  return uit
}

function gastheerStopt(graaf: Afhankelijkheidsgraaf, w: Extract<Wijziging, { soort: 'gastheer stopt' }>): Vertaling {
  const g = graaf.gastheerschappen.get(w.gastheerschapId)
  const v = gastheerschapVertaling(graaf, undefined, g ? [g] : [], w.datum, false)
  v.toegangen = toegangenVan(graaf, v.vraag.partijen, g ? [g] : [], w.datum, (t) =>
    msg(`Toegang van ${t} vervalt met het gastheerschap per ${nl(w.datum)}.`, `${t}'s access ends with the hosting on ${en(w.datum)}.`),
  )
  return v
}

/** A change of applicaties themselves: every koppeling at them is reached. */
function applicatieVertaling(
  graaf: Afhankelijkheidsgraaf,
  apps: string[],
  rollen: [string, OrganisatieRol][],
  actieKoppeling: Vertaling['actieKoppeling'],
  actieApplicatie: Vertaling['actieApplicatie'],
  alleenGebruikers?: ReadonlySet<string>,
): Vertaling {
  const partijen = new Set<string>()
  for (const id of apps)
    for (const o of graaf.applicaties.get(id)?.gebruikerIds ?? []) if (!alleenGebruikers || alleenGebruikers.has(o)) partijen.add(o)
  for (const p of partijen) rollen.push([p, 'gebruiker'])
  return {
    vraag: { partijen, gastheerschappen: new Set(), start: startVoorGebruikers(graaf, apps, true, alleenGebruikers), direct: [] },
    gastheerschappen: [],
    rollen,
    actieKoppeling,
    actieApplicatie,
    contracten: [],
    toegangen: [],
  }
}

function contractenBij(graaf: Afhankelijkheidsgraaf, objecten: Iterable<string>, actie: (c: { exitstrategie: boolean }) => Message) {
  const ids = new Set<string>()
  for (const o of objecten) for (const c of graaf.contractenBij(o)) ids.add(c)
  return [...ids].map((id) => ({ id, actie: actie(graaf.contracten.get(id) as { exitstrategie: boolean }) }))
}

function leverancier(
  graaf: Afhankelijkheidsgraaf,
  w: Extract<Wijziging, { soort: 'leverancier vervangen' | 'leverancier failliet' }>,
): Vertaling {
  const apps = [...graaf.applicatiesGeleverdDoor(w.leverancierId)].sort()
  const naam = graaf.organisaties.get(w.leverancierId)?.naam ?? w.leverancierId
  const nieuw =
    w.soort === 'leverancier vervangen' && w.nieuweLeverancierId ? graaf.organisaties.get(w.nieuweLeverancierId)?.naam : undefined
  const failliet = w.soort === 'leverancier failliet'
  const rollen: [string, OrganisatieRol][] = [[w.leverancierId, 'leverancier']]
  if (w.soort === 'leverancier vervangen' && w.nieuweLeverancierId) rollen.push([w.nieuweLeverancierId, 'nieuwe partij'])
  const v = applicatieVertaling(
    graaf,
    apps,
    rollen,
    () =>
      failliet
        ? msg(
            `Continuïteit borgen: ${naam} valt weg; koppeling ombouwen naar de vervangende applicatie.`,
            `Secure continuity: ${naam} drops out; rebuild the data link to the replacing application.`,
          )
        : msg(
            `Koppeling opnieuw aansluiten en testen op de applicatie van ${nieuw ?? 'de nieuwe leverancier'}.`,
            `Connect and test the data link again on ${nieuw ?? 'the new supplier'}'s application.`,
          ),
    (a) =>
      failliet
        ? msg(
            `${a.naam}: exitstrategie uitvoeren, gegevens veiligstellen, vervanger kiezen.`,
            `${a.naam}: carry out the exit strategy, secure the data, choose a replacement.`,
          )
        : msg(`${a.naam}: migreren naar ${nieuw ?? 'de nieuwe leverancier'}.`, `${a.naam}: migrate to ${nieuw ?? 'the new supplier'}.`),
  )
  const contractIds = new Set([...graaf.contractenMet(w.leverancierId)])
  v.contracten = [...contractIds].map((id) => {
    const c = graaf.contracten.get(id)
    return {
      id,
      actie: failliet
        ? c?.exitstrategie
          ? msg('Exitstrategie uit dit contract uitvoeren.', 'Carry out the exit strategy of this contract.')
          : msg('Geen exitstrategie vastgelegd: continuïteit is een open risico.', 'No exit strategy recorded: continuity is an open risk.')
        : msg('Contract opzeggen (opzegtermijn) en een nieuw contract sluiten.', 'Give notice on this contract and sign a new one.'),
    }
  })
  v.toegangen = [...graaf.toegangenVan(w.leverancierId)]
    .filter((id) => inKracht(graaf.toegangen.get(id), w.datum))
    .map((id) => ({
      id,
      actie: msg(`Toegang van ${naam} intrekken per ${nl(w.datum)}.`, `Revoke ${naam}'s access on ${en(w.datum)}.`),
    }))
  return v
}

function vertaal(graaf: Afhankelijkheidsgraaf, w: Wijziging, appNaam: (id: string) => string): Vertaling {
  switch (w.soort) {
    case 'uittreden':
      return uittreden(graaf, w)
    case 'gastheer stopt':
      return gastheerStopt(graaf, w)
    case 'leverancier vervangen':
    case 'leverancier failliet':
      return leverancier(graaf, w)
    case 'applicatie uitfaseren':
    case 'applicatie vervangen': {
      const app = appNaam(w.applicatieId)
      const vervanger = w.soort === 'applicatie vervangen' && w.vervangerId ? appNaam(w.vervangerId) : undefined
      const v = applicatieVertaling(
        graaf,
        [w.applicatieId],
        [],
        () =>
          vervanger
            ? msg(
                `Koppeling omzetten van ${app} naar ${vervanger} vóór ${nl(w.datum)}.`,
                `Move the data link from ${app} to ${vervanger} before ${en(w.datum)}.`,
              )
            : msg(
                `Koppeling beëindigen of omzetten vóór ${app} per ${nl(w.datum)} uit gebruik gaat.`,
                `End or move the data link before ${app} is retired on ${en(w.datum)}.`,
              ),
        (a, start) =>
          start
            ? msg(
                `${a.naam} ${vervanger ? `vervangen door ${vervanger}` : 'uitfaseren'} per ${nl(w.datum)}; gegevens archiveren of overzetten.`,
                `${vervanger ? `Replace ${a.naam} by ${vervanger}` : `Retire ${a.naam}`} on ${en(w.datum)}; archive or move the data.`,
              )
            : msg(`${a.naam} verliest een koppeling met ${app}.`, `${a.naam} loses a data link with ${app}.`),
      )
      v.contracten = contractenBij(graaf, [w.applicatieId], () => msg('Contract aanpassen of beëindigen.', 'Amend or end this contract.'))
      v.toegangen = [...graaf.toegangenTot(w.applicatieId)]
        .filter((id) => inKracht(graaf.toegangen.get(id), w.datum))
        .map((id) => ({
          id,
          actie: msg('Toegang vervalt met de applicatie: intrekken.', 'The access ends with the application: revoke it.'),
        }))
      return v
    }
    case 'uitbesteden': {
      const partij = graaf.organisaties.get(w.partijId)?.naam ?? w.partijId
      const v = applicatieVertaling(
        graaf,
        w.applicatieIds,
        [
          [w.organisatieId, 'eigenaar'],
          [w.partijId, 'nieuwe partij'],
        ],
        () =>
          msg(
            `Koppeling omzetten naar de omgeving van ${partij}; toegang voor ${partij} regelen.`,
            `Move the data link to ${partij}'s environment; arrange access for ${partij}.`,
          ),
        (a, start) =>
          start
            ? msg(
                `${a.naam} overdragen aan ${partij} per ${nl(w.datum)} (contract met exitstrategie en auditrecht).`,
                `Hand ${a.naam} over to ${partij} on ${en(w.datum)} (contract with exit strategy and right to audit).`,
              )
            : msg(`${a.naam} sluit aan op de omgeving van ${partij}.`, `${a.naam} connects to ${partij}'s environment.`),
        new Set([w.organisatieId]),
      )
      v.contracten = contractenBij(graaf, w.applicatieIds, () =>
        msg('Contract aanpassen aan de nieuwe partij.', 'Amend this contract for the new party.'),
      )
      return v
    }
    case 'standaard wijzigt': {
      const nieuw = w.nieuweVersie ? ` ${w.nieuweVersie}` : ''
      const direct = [...graaf.koppelingenMetStandaard(w.standaard)]
        .filter((id) => !w.versie || graaf.koppelingen.get(id)?.standaardVersie === w.versie)
        .map((koppelingId) => ({ koppelingId, pad: [] as PadStap[] }))
      const eigenaren = new Set(direct.map((d) => graaf.koppelingen.get(d.koppelingId)?.eigenaarId).filter((e): e is string => !!e))
      return {
        vraag: { partijen: eigenaren, gastheerschappen: new Set(), start: [], direct },
        gastheerschappen: [],
        rollen: [...eigenaren].map((e): [string, OrganisatieRol] => [e, 'eigenaar']),
        actieKoppeling: () =>
          msg(`Overzetten naar ${w.standaard}${nieuw} per ${nl(w.datum)}.`, `Move to ${w.standaard}${nieuw} on ${en(w.datum)}.`),
        actieApplicatie: (a) =>
          msg(`${a.naam} moet ${w.standaard}${nieuw} ondersteunen.`, `${a.naam} must support ${w.standaard}${nieuw}.`),
        contracten: [],
        toegangen: [],
      }
    }
    case 'endpoint wijzigt': {
      const app = appNaam(w.applicatieId)
      return applicatieVertaling(
        graaf,
        [w.applicatieId],
        [],
        () =>
          msg(
            `Nieuw adres en certificaat van ${app} instellen per ${nl(w.datum)}.`,
            `Set ${app}'s new address and certificate on ${en(w.datum)}.`,
          ),
        (a, start) =>
          start
            ? msg(
                `${a.naam} krijgt per ${nl(w.datum)} een nieuw endpoint: afnemers tijdig informeren.`,
                `${a.naam} gets a new endpoint on ${en(w.datum)}: inform its consumers in time.`,
              )
            : msg(`${a.naam} moet het nieuwe endpoint van ${app} gebruiken.`, `${a.naam} must use ${app}'s new endpoint.`),
      )
    }
  }
}

/** Reached through an intermediary: whether it carries what the change takes away is for its owner to confirm. */
function viaTussenschakel(tussenschakel: string, actie: Message): Message {
  return msg(
    `Via tussenschakel ${tussenschakel}: nagaan of deze koppeling gegevens doorgeeft die door de wijziging wegvallen; zo ja: ${actie.nl}`,
    `Through intermediary ${tussenschakel}: check whether this data link passes on data the change takes away; if so: ${actie.en}`,
  )
}

/** A name as it sorts: lower case, accents only where there are any (é sorts as e). */
const vergelijkbaar = (naam: string) => {
  let sleutel = SLEUTELS.get(naam)
  if (sleutel === undefined) {
    sleutel = (/[\u00C0-\u024F]/.test(naam) ? naam.normalize('NFD').replace(/\p{M}/gu, '') : naam).toLowerCase()
    // Names repeat across questions; the cache is bounded so a national landscape cannot grow it without end.
    if (SLEUTELS.size >= 200_000) SLEUTELS.clear()
    SLEUTELS.set(naam, sleutel)
  }
  return sleutel
}
const SLEUTELS = new Map<string, string>()

/**
 * Sorts in Dutch order without a collator per comparison (thousands of rows): first a
 * group number, then the name without accents in lower case (cached per name), then the
 * id so equal names keep one order. Fields are compared one by one: concatenating them
 * into one key per row cost more than the walk.
 */
function sorteer<T extends { id: string }>(items: T[], naam: (x: T) => string, groep: (x: T) => number = () => 0): T[] {
  const rijen = items.map((x) => ({ groep: groep(x), naam: vergelijkbaar(naam(x)), id: x.id, x }))
  rijen.sort(volgens)
  return rijen.map((r) => r.x)
}

function volgens(a: { groep: number; naam: string; id: string }, b: { groep: number; naam: string; id: string }): number {
  if (a.groep !== b.groep) return a.groep - b.groep
  if (a.naam !== b.naam) return a.naam < b.naam ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

const gevoelig = (k: GeraakteKoppeling) => (k.vertrouwelijkheid === 'hoog' || k.persoonsgegevens ? 0 : 1)

/** Adds or merges one consequence: the shortest path wins, the changes and betrokkenen are united. */
function voegToe<T extends { id: string; wijzigingen: number[]; pad?: PadStap[]; betrokkenIds?: string[] }>(
  map: Map<string, T>,
  item: T,
): void {
  const oud = map.get(item.id)
  if (!oud) {
    map.set(item.id, item)
    return
  }
  oud.wijzigingen = [...new Set([...oud.wijzigingen, ...item.wijzigingen])].sort((a, b) => a - b)
  if (oud.betrokkenIds && item.betrokkenIds) oud.betrokkenIds = [...new Set([...oud.betrokkenIds, ...item.betrokkenIds])].sort()
  if (oud.pad && item.pad && item.pad.length < oud.pad.length) oud.pad = item.pad
}

export interface Analyse {
  resultaat: ImpactResultaat
  /** Per change, the raw walk (for tests and the benchmark's comparison). */
  wandelingen: Wandeling[]
}

export interface AnalyseOpties {
  /** How an applicatie is named in actions (the caller may not see every one); default its name. */
  applicatieNaam?: (id: string) => string
  /** Who acts where nobody else is responsible (no eigenaar, gastheer or partij): the scenario's opsteller. */
  opstellerId?: string
}

export function analyseerImpact(graaf: Afhankelijkheidsgraaf, wijzigingen: readonly Wijziging[], opties: AnalyseOpties = {}): Analyse {
  const appNaam = opties.applicatieNaam ?? ((id: string) => graaf.applicaties.get(id)?.naam ?? id)
  const laatste = opties.opstellerId ?? ''
  const koppelingen = new Map<string, GeraakteKoppeling>()
  const applicaties = new Map<string, GeraakteApplicatie>()
  const gastheerschappen = new Map<string, GeraaktGastheerschap>()
  const contracten = new Map<string, GeraaktContract>()
  const toegangen = new Map<string, GeraakteToegang>()
  const rollen = new Map<string, Set<OrganisatieRol>>()
  const kringlopen = new Map<string, PadStap[]>()
  const wandelingen: Wandeling[] = []

  wijzigingen.forEach((w, i) => {
    const v = vertaal(graaf, w, appNaam)
    const wd = wandel(graaf, v.vraag)
    wandelingen.push(wd)
    const partijen = [...v.vraag.partijen].sort()
    const partijNamen = naamLijst(graaf, partijen)
    const eersteGastheer = (gid: string | null) => (gid ? graaf.gastheerschappen.get(gid)?.gastheerId : undefined)
    for (const [o, r] of v.rollen) {
      if (!rollen.has(o)) rollen.set(o, new Set())
      rollen.get(o)?.add(r)
    }
    for (const g of v.gastheerschappen) voegToe(gastheerschappen, { ...g, wijzigingen: [i] })
    // One action per change (and per intermediary), shared by every koppeling it applies to.
    const actie = v.actieKoppeling({ naam: '' }, partijNamen)
    const viaActie = new Map<string, Message>()
    const actieVia = (van: string) => {
      let a = viaActie.get(van)
      if (!a) {
        a = viaTussenschakel(appNaam(van), actie)
        viaActie.set(van, a)
      }
      return a
    }
    for (const b of wd.koppelingen.values()) {
      const k = graaf.koppelingen.get(b.id)
      if (!k) continue
      voegToe(koppelingen, {
        id: k.id,
        naam: k.naam,
        vertrouwelijkheid: k.vertrouwelijkheid,
        persoonsgegevens: k.persoonsgegevens,
        betrokkenheid: b.direct ? 'direct' : 'via tussenschakel',
        pad: b.pad,
        eigenaarId: k.eigenaarId ?? eersteGastheer(k.gastheerschapId) ?? partijen[0] ?? laatste,
        betrokkenIds: betrokkenBij(graaf, k, v.vraag.partijen) ?? partijen,
        actie: b.direct || !b.van ? actie : actieVia(b.van),
        ...(b.direct || !b.van ? {} : { tussenschakelId: b.van }),
        wijzigingen: [i],
      })
    }
    for (const b of wd.applicaties.values()) {
      const a = graaf.applicaties.get(b.id)
      if (!a) continue
      const betrokken = a.gebruikerIds.filter((o) => v.vraag.partijen.has(o)).sort()
      voegToe(applicaties, {
        id: a.id,
        naam: a.naam,
        pad: b.pad,
        eigenaarId: betrokken[0] ?? a.gebruikerIds[0] ?? laatste,
        betrokkenIds: betrokken,
        actie: v.actieApplicatie(a, b.start, partijNamen),
        wijzigingen: [i],
      })
    }
    for (const c of v.contracten) {
      const contract = graaf.contracten.get(c.id)
      if (contract)
        voegToe(contracten, {
          id: c.id,
          omschrijving: contract.omschrijving,
          leverancierId: contract.leverancierId,
          eigenaarId: contract.afnemerId,
          actie: c.actie,
          wijzigingen: [i],
        })
    }
    for (const t of v.toegangen) {
      const toegang = graaf.toegangen.get(t.id)
      if (toegang)
        voegToe(toegangen, { id: t.id, partijId: toegang.partijId, eigenaarId: toegang.verleendDoorId, actie: t.actie, wijzigingen: [i] })
    }
    for (const pad of wd.kringlopen) kringlopen.set(pad.map((s) => s.id).join('>'), pad)
  })

  const acties = new Map<string, number>()
  const tel = (x: { eigenaarId: string }) => acties.set(x.eigenaarId, (acties.get(x.eigenaarId) ?? 0) + 1)
  for (const soort of [koppelingen, applicaties, gastheerschappen, contracten, toegangen]) for (const x of soort.values()) tel(x)
  for (const soort of [koppelingen, applicaties])
    for (const x of soort.values()) if (!rollen.has(x.eigenaarId)) rollen.set(x.eigenaarId, new Set(['eigenaar']))
  const organisaties: GeraakteOrganisatie[] = sorteer(
    [...rollen.entries()]
      .filter(([id]) => graaf.organisaties.has(id))
      .map(([id, r]) => ({ id, naam: graaf.organisaties.get(id)?.naam ?? id, rollen: [...r].sort(), acties: acties.get(id) ?? 0 })),
    (o) => o.naam,
  )

  return {
    resultaat: {
      gastheerschappen: sorteer([...gastheerschappen.values()], (g) => g.taak),
      koppelingen: sorteer([...koppelingen.values()], (k) => k.naam, gevoelig),
      applicaties: sorteer([...applicaties.values()], (a) => a.naam),
      organisaties,
      contracten: sorteer([...contracten.values()], (c) => c.omschrijving),
      toegangen: [...toegangen.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
      kringlopen: [...kringlopen.values()].map((pad) => ({ pad })),
    },
    wandelingen,
  }
}

/** The partijen that own the koppeling or use one of its applicaties, sorted; undefined when none does. */
function betrokkenBij(graaf: Afhankelijkheidsgraaf, k: GraafKoppeling, partijen: ReadonlySet<string>): string[] | undefined {
  const uit = new Set<string>()
  if (k.eigenaarId && partijen.has(k.eigenaarId)) uit.add(k.eigenaarId)
  for (const a of [k.bronApplicatieId, k.doelApplicatieId, k.viaApplicatieId])
    if (a) for (const o of graaf.applicaties.get(a)?.gebruikerIds ?? []) if (partijen.has(o)) uit.add(o)
  return uit.size > 0 ? [...uit].sort() : undefined
}
