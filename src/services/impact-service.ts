import type { Database } from '../db/database.js'
import { graafRijen } from '../db/repos/afhankelijkheden.js'
import { OBJECT_OPSLAG } from '../db/repos/zichtbare-ids.js'
import { type Caller, type Leesbereik, leesbereik } from '../domain/access.js'
import { AppError, type InvalidParam, invalidInput, type Message, msg } from '../domain/errors.js'
import {
  Afhankelijkheidsgraaf,
  analyseerImpact,
  controleerWijzigingen,
  type ImpactResultaat,
  type PadStap,
  type Wijziging,
} from '../domain/impact/index.js'
import { type ImpactInvoer, impactReferences } from '../domain/impact/scenario.js'
import { danglingReferences, type Objecttype, type Reference } from '../domain/registry-rules.js'
import type { Bevinding } from '../domain/vertrouwen/typen.js'
import type { ImpactUitkomst } from '../schemas/impact.js'
import type { AfhankelijkhedenService } from './afhankelijkheden-service.js'
import type { BevindingenService } from './bevindingen-service.js'
import { kosteneffect } from './impact-kosten.js'

// The impact analysis for one caller: the changes checked against the graph, the walk
// over the whole graph (a path may pass what the caller cannot see), then everything the
// caller may not see left out — objects, counts and path steps alike ("niet zichtbaar
// object", without id) — plus the cost effect over the posts the caller may see and,
// for a new party, the findings it would get under the trust policies.

const VERBORGEN = 'niet zichtbaar object'
const MAX_TOETSEN = 20

type Zichtbaar = (soort: Objecttype, id: string) => boolean

export class ImpactService {
  constructor(
    private readonly db: Database,
    private readonly afhankelijkheden: AfhankelijkhedenService,
    private readonly bevindingen: BevindingenService,
  ) {}

  /** A preview of an unsaved scenario: its references (unknown or invisible: 400) and rules first. */
  async voorvertoning(invoer: ImpactInvoer, caller: Caller): Promise<ImpactUitkomst> {
    // The preview's body is the invoer itself: its fields are named without a prefix.
    const refs = impactReferences(invoer, '')
    const bereik = leesbereik(caller)
    const perSoort = new Map<Objecttype, Set<string>>()
    for (const soort of new Set(refs.map((r) => r.objecttype)))
      perSoort.set(
        soort,
        await OBJECT_OPSLAG[soort].existingIds(
          this.db,
          refs.filter((r) => r.objecttype === soort).map((r) => r.id.toLowerCase()),
          bereik,
        ),
      )
    const fouten = danglingReferences(lower(refs), perSoort)
    if (fouten.length === 0) fouten.push(...(await controleerImpact(this.db, invoer, '')))
    if (fouten.length > 0) throw invalidInput(fouten)
    return this.uitkomst(invoer, caller)
  }

  async uitkomst(invoer: ImpactInvoer, caller: Caller): Promise<ImpactUitkomst> {
    const graaf = await this.afhankelijkheden.actueel()
    const bereik = leesbereik(caller)
    const wijzigingen = lowerIds(invoer.wijzigingen)
    const opties = { opstellerId: invoer.opstellerId.toLowerCase() }
    let { resultaat } = analyseerImpact(graaf, wijzigingen, opties)
    const genoemdeApps = wijzigingen.flatMap((w) => {
      const x = w as Partial<Record<'applicatieId' | 'vervangerId', string>>
      return [x.applicatieId, x.vervangerId, ...(w.soort === 'uitbesteden' ? w.applicatieIds : [])].filter((a): a is string => !!a)
    })
    const zichtbaar = await this.zichtbaarheid(resultaat, bereik, genoemdeApps)
    // An action names an applicatie (the one that changes, an intermediary): one the caller
    // may not see is named as such — the analysis again, with those names hidden.
    const verborgen = [...genoemdeApps, ...resultaat.koppelingen.flatMap((k) => (k.tussenschakelId ? [k.tussenschakelId] : []))].filter(
      (id) => !zichtbaar('applicatie', id),
    )
    if (verborgen.length > 0) {
      const weg = new Set(verborgen)
      resultaat = analyseerImpact(graaf, wijzigingen, {
        ...opties,
        applicatieNaam: (id) => (weg.has(id) ? VERBORGEN : (graaf.applicaties.get(id)?.naam ?? VERBORGEN)),
      }).resultaat
    }
    const kosten = await kosteneffect(
      this.db,
      graaf,
      wijzigingen,
      (invoer.kosten ?? []).map((k) => ({ ...k, organisatieId: k.organisatieId.toLowerCase() })),
      bereik,
    )
    const bevindingen = await this.bevindingenVanNieuwePartij(graaf, wijzigingen, caller)
    return presenteer(graaf, wijzigingen, resultaat, zichtbaar, kosten, bevindingen)
  }

  /** What the caller may see of the objects the analysis names (and `apps`), as one predicate. */
  private async zichtbaarheid(r: ImpactResultaat, bereik: Leesbereik, apps: string[]): Promise<Zichtbaar> {
    if (bereik.alles) return () => true
    const ids = new Map<Objecttype, Set<string>>()
    const noem = (soort: Objecttype, id: string) => {
      if (!ids.has(soort)) ids.set(soort, new Set())
      ids.get(soort)?.add(id)
    }
    const paden = [...r.koppelingen.map((k) => k.pad), ...r.applicaties.map((a) => a.pad), ...r.kringlopen.map((k) => k.pad)]
    for (const pad of paden)
      for (const s of pad) {
        if (s.soort !== 'voorziening') noem(s.soort, s.id)
        if (s.viaKoppelingId) noem('koppeling', s.viaKoppelingId)
      }
    for (const k of r.koppelingen) {
      noem('koppeling', k.id)
      if (k.tussenschakelId) noem('applicatie', k.tussenschakelId)
    }
    for (const a of [...r.applicaties.map((x) => x.id), ...apps]) noem('applicatie', a)
    for (const g of r.gastheerschappen) noem('gastheerschap', g.id)
    for (const c of r.contracten) noem('contract', c.id)
    for (const t of r.toegangen) noem('toegang', t.id)
    const zicht = new Map<Objecttype, Set<string>>()
    for (const [soort, set] of ids) {
      // Organisations are public facts (every caller sees them).
      zicht.set(soort, soort === 'organisatie' ? set : await OBJECT_OPSLAG[soort].existingIds(this.db, [...set], bereik))
    }
    return (soort, id) => zicht.get(soort)?.has(id) ?? false
  }

  /** Findings a new party would get (uitbesteden, leverancier vervangen with a new supplier), over what the caller may see. */
  private async bevindingenVanNieuwePartij(
    graaf: Afhankelijkheidsgraaf,
    wijzigingen: readonly Wijziging[],
    caller: Caller,
  ): Promise<Bevinding[]> {
    const vragen: { organisatieId: string; applicatieIds: string[]; partijId: string }[] = []
    for (const w of wijzigingen) {
      if (w.soort === 'uitbesteden') vragen.push({ organisatieId: w.organisatieId, applicatieIds: w.applicatieIds, partijId: w.partijId })
      if (w.soort === 'leverancier vervangen' && w.nieuweLeverancierId) {
        const perGebruiker = new Map<string, string[]>()
        for (const a of graaf.applicatiesGeleverdDoor(w.leverancierId))
          for (const o of graaf.applicaties.get(a)?.gebruikerIds ?? []) perGebruiker.set(o, [...(perGebruiker.get(o) ?? []), a])
        for (const [organisatieId, applicatieIds] of perGebruiker)
          vragen.push({ organisatieId, applicatieIds, partijId: w.nieuweLeverancierId })
      }
    }
    const uit = new Map<string, Bevinding>()
    for (const vraag of vragen.slice(0, MAX_TOETSEN)) {
      try {
        const toets = await this.bevindingen.uitbestedingstoets(caller, vraag)
        for (const b of toets.bevindingen) uit.set(b.sleutel, b)
      } catch (e) {
        // An application the caller cannot see in this question (a 400): that check is skipped, not guessed.
        if (!(e instanceof AppError)) throw e
      }
    }
    return [...uit.values()]
  }
}

/**
 * The rules beyond the schema (dates, membership), on a small graph of just the objects
 * the changes name, read with `db` — inside a write's transaction, that transaction (on the
 * embedded database the pool has one connection: the shared graph could not refresh there).
 * Unknown ids are the references' 400, so they pass here.
 */
export async function controleerImpact(db: Database, invoer: ImpactInvoer, prefix = 'invoer'): Promise<InvalidParam[]> {
  const refs = impactReferences(invoer, prefix)
  const ids = (soort: Objecttype) => [...new Set(refs.filter((r) => r.objecttype === soort).map((r) => r.id.toLowerCase()))]
  const graaf = Afhankelijkheidsgraaf.uit(
    await graafRijen(db, {
      organisaties: ids('organisatie'),
      samenwerkingen: ids('samenwerking'),
      gastheerschappen: ids('gastheerschap'),
      applicaties: ids('applicatie'),
    }),
  )
  const bekend = (soort: string, id: string) =>
    soort === 'organisatie' || soort === 'samenwerking' || soort === 'gastheerschap' || soort === 'applicatie'
      ? ids(soort).includes(id.toLowerCase())
      : true
  return controleerWijzigingen(graaf, lowerIds(invoer.wijzigingen), (soort, id) => bekend(soort, id))
    .filter((f) => f.code !== 'bestaat-niet')
    .map((f) => ({ ...f, name: prefix ? `${prefix}.${f.name}` : f.name }))
}

/** Ids as the database returns them (lower case), so a UUID given in capitals still matches. */
function lowerIds(wijzigingen: readonly Wijziging[]): Wijziging[] {
  return wijzigingen.map((w) => {
    const uit: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(w))
      uit[k] =
        k !== 'soort' && k !== 'datum' && k.endsWith('Id') && typeof v === 'string'
          ? v.toLowerCase()
          : Array.isArray(v)
            ? v.map((x) => (typeof x === 'string' ? x.toLowerCase() : x))
            : v
    return uit as Wijziging
  })
}

const lower = (refs: Reference[]) => refs.map((r) => ({ ...r, id: r.id.toLowerCase() }))

/** A path as the caller may see it: hidden steps without id or name, no id of a hidden koppeling. */
function verberg(pad: PadStap[], zichtbaar: Zichtbaar): ImpactUitkomst['koppelingen'][number]['pad'] {
  return pad.map((s) => {
    if (s.soort !== 'voorziening' && !zichtbaar(s.soort, s.id)) return { soort: 'verborgen' as const, naam: VERBORGEN }
    if (s.viaKoppelingId && !zichtbaar('koppeling', s.viaKoppelingId)) {
      const { viaKoppelingId: _, ...zonder } = s
      return zonder
    }
    return s
  })
}

/** A loop is shown only when the caller may see every step and every koppeling of it. */
const geheelZichtbaar = (pad: PadStap[], zichtbaar: Zichtbaar) =>
  pad.every(
    (s) => (s.soort === 'voorziening' || zichtbaar(s.soort, s.id)) && (!s.viaKoppelingId || zichtbaar('koppeling', s.viaKoppelingId)),
  )

function presenteer(
  graaf: Afhankelijkheidsgraaf,
  wijzigingen: readonly Wijziging[],
  r: ImpactResultaat,
  zichtbaar: Zichtbaar,
  kosten: Awaited<ReturnType<typeof kosteneffect>>,
  bevindingen: Bevinding[],
): ImpactUitkomst {
  const naam = (id: string) => graaf.organisaties.get(id)?.naam ?? id
  const eigenaar = (id: string) => ({ eigenaarId: id, eigenaarNaam: naam(id) })
  const koppelingen = r.koppelingen
    .filter((k) => zichtbaar('koppeling', k.id))
    .map((k) => ({
      id: k.id,
      naam: k.naam,
      vertrouwelijkheid: k.vertrouwelijkheid,
      persoonsgegevens: k.persoonsgegevens,
      betrokkenheid: k.betrokkenheid,
      pad: verberg(k.pad, zichtbaar),
      ...eigenaar(k.eigenaarId),
      actie: k.actie,
      wijzigingen: k.wijzigingen,
    }))
  const applicaties = r.applicaties
    .filter((a) => zichtbaar('applicatie', a.id))
    .map((a) => ({
      id: a.id,
      naam: a.naam,
      pad: verberg(a.pad, zichtbaar),
      ...eigenaar(a.eigenaarId),
      actie: a.actie,
      wijzigingen: a.wijzigingen,
    }))
  const gastheerschappen = r.gastheerschappen
    .filter((g) => zichtbaar('gastheerschap', g.id))
    .map((g) => ({
      id: g.id,
      taak: g.taak,
      gastheerId: g.gastheerId,
      ...eigenaar(g.eigenaarId),
      actie: g.actie,
      wijzigingen: g.wijzigingen,
    }))
  const contracten = r.contracten
    .filter((c) => zichtbaar('contract', c.id))
    .map((c) => ({
      id: c.id,
      omschrijving: c.omschrijving,
      leverancierNaam: naam(c.leverancierId),
      ...eigenaar(c.eigenaarId),
      actie: c.actie,
      wijzigingen: c.wijzigingen,
    }))
  const toegangen = r.toegangen
    .filter((t) => zichtbaar('toegang', t.id))
    .map((t) => ({ id: t.id, partijNaam: naam(t.partijId), ...eigenaar(t.eigenaarId), actie: t.actie, wijzigingen: t.wijzigingen }))
  const kringlopen = r.kringlopen.filter((k) => geheelZichtbaar(k.pad, zichtbaar)).map((k) => ({ pad: verberg(k.pad, zichtbaar) }))
  // An organisation counts when something the caller sees names it, or the question does;
  // its actions and its role as eigenaar are counted over what the caller sees only.
  const zichtbareGevolgen = [...koppelingen, ...applicaties, ...gastheerschappen, ...contracten, ...toegangen]
  const acties = new Map<string, number>()
  for (const x of zichtbareGevolgen) acties.set(x.eigenaarId, (acties.get(x.eigenaarId) ?? 0) + 1)
  const genoemd = new Set(zichtbareGevolgen.map((x) => x.eigenaarId))
  for (const g of gastheerschappen) genoemd.add(g.gastheerId)
  for (const w of wijzigingen) for (const id of Object.values(w)) if (typeof id === 'string') genoemd.add(id)
  const organisaties = r.organisaties
    .filter((o) => genoemd.has(o.id))
    .map((o) => {
      const rollen = o.rollen.filter((rol) => rol !== 'eigenaar' || acties.has(o.id))
      return { ...o, rollen, acties: acties.get(o.id) ?? 0 }
    })
    .filter((o) => o.rollen.length > 0)
  const gevoelig = koppelingen.filter((k) => k.vertrouwelijkheid === 'hoog' || k.persoonsgegevens).length
  const bevindingUit = bevindingen.map((b) => ({ partijNaam: naam(b.partijId), ernst: b.ernst, titel: b.uitleg, maatregel: b.maatregel }))
  const peildatum = wijzigingen.map((w) => w.datum).sort()[0] ?? ''
  return {
    peildatum,
    samenvatting: samenvatting(koppelingen.length, gevoelig, applicaties.length, gastheerschappen.length, organisaties.length),
    aantallen: {
      gastheerschappen: gastheerschappen.length,
      koppelingen: koppelingen.length,
      koppelingenGevoelig: gevoelig,
      koppelingenViaTussenschakel: koppelingen.filter((k) => k.betrokkenheid === 'via tussenschakel').length,
      applicaties: applicaties.length,
      organisaties: organisaties.length,
      contracten: contracten.length,
      toegangen: toegangen.length,
      bevindingen: bevindingUit.length,
    },
    gastheerschappen,
    koppelingen,
    applicaties,
    organisaties,
    contracten,
    toegangen,
    kringlopen,
    bevindingen: bevindingUit,
    kosten,
    openRisicos: [
      ...openRisicos(gevoelig, kringlopen.length, kosten.herzieningNodig.length, bevindingUit.length, gastheerschappen.length, contracten),
      ...(kosten.jaar !== null && !kosten.jaarVolledig ? [onvolledigJaar(kosten.jaar)] : []),
    ],
  }
}

function onvolledigJaar(jaar: number): Message {
  return msg(
    `De kostenposten van ${jaar} lopen niet tot 31 december: de bedragen per jaar zijn te laag tot het jaar volledig is ingevuld.`,
    `The cost items of ${jaar} do not run to 31 December: the amounts per year are too low until the year is complete.`,
  )
}

function samenvatting(koppelingen: number, gevoelig: number, applicaties: number, gastheerschappen: number, organisaties: number): Message {
  return msg(
    `Geraakt: ${gastheerschappen} gastheerschap(pen), ${koppelingen} koppeling(en) (${gevoelig} met hoge vertrouwelijkheid of persoonsgegevens), ${applicaties} applicatie(s); ${organisaties} organisatie(s) moeten handelen.`,
    `Affected: ${gastheerschappen} hosting arrangement(s), ${koppelingen} data link(s) (${gevoelig} highly confidential or with personal data), ${applicaties} application(s); ${organisaties} organisation(s) must act.`,
  )
}

function openRisicos(
  gevoelig: number,
  kringlopen: number,
  herzien: number,
  bevindingen: number,
  gastheerschappen: number,
  contracten: { actie: Message }[],
): Message[] {
  const uit: Message[] = []
  if (gevoelig > 0)
    uit.push(
      msg(
        `${gevoelig} koppeling(en) met hoge vertrouwelijkheid of persoonsgegevens: ontvlechten onder regie van de CISO, met een verwerkersovereenkomst voor elke nieuwe verwerker.`,
        `${gevoelig} data link(s) that are highly confidential or carry personal data: disentangle under the CISO's direction, with a processing agreement for every new processor.`,
      ),
    )
  if (gastheerschappen > 0)
    uit.push(
      msg(
        'Opzegtermijnen van de DVO’s bepalen de vroegst mogelijke datum; controleer ze voordat een besluit valt.',
        'The notice periods of the service agreements set the earliest possible date; check them before a decision is taken.',
      ),
    )
  if (kringlopen > 0)
    uit.push(
      msg(
        `${kringlopen} kringloop/kringlopen van koppelingen via tussenschakels: de gegevensstroom is daar niet eenduidig; laat de architect de route vaststellen.`,
        `${kringlopen} loop(s) of data links through intermediaries: the data flow is ambiguous there; have the architect settle the route.`,
      ),
    )
  if (herzien > 0)
    uit.push(
      msg(
        `${herzien} kostenpost(en) met een verdeelsleutel die niet meer sluit: herzie de sleutel, anders draagt de kostenmaker de kosten.`,
        `${herzien} cost item(s) whose allocation key no longer closes: revise the key, or the maker bears the costs.`,
      ),
    )
  if (bevindingen > 0)
    uit.push(
      msg(
        `${bevindingen} bevinding(en) van het vertrouwensbeleid voor de nieuwe partij: los ze op vóór het contract wordt getekend.`,
        `${bevindingen} trust policy finding(s) for the new party: resolve them before the contract is signed.`,
      ),
    )
  for (const c of contracten) if (c.actie.nl.startsWith('Geen exitstrategie')) uit.push(c.actie)
  return uit
}
