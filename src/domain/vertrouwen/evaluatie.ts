import { geldigOp } from './datum.js'
import { beleidVoorOrganisatie, maakIndex, type VertrouwensIndex } from './index-bouw.js'
import {
  type Beoordeling,
  contracteisen,
  herbeoordeling,
  jaarlijkseAssurance,
  kenmerken,
  koppelingregister,
  nieuwGeheugen,
  redenVereistBewijs,
  vereistBewijs,
  verloopwaarschuwing,
  verwerkersovereenkomst,
} from './regels.js'
import type { BeleidsRegel, Bevinding, Contract, Toegang, Vertrouwensbeleid, Vertrouwenssituatie } from './typen.js'

// The trust evaluation: every party with a grant or contract, under every policy that
// protects an organisation it has one with. Findings are about one party each, so the
// full evaluation is the concatenation of the per-party ones, sorted by sleutel:
// herEvalueerPartij after a change gives exactly what a full run would for that party.
//
// What is evaluated: grants active on the peildatum (geldigVanaf ≤ peildatum ≤ geldigTot)
// under the policies of their verleendDoorId, contracts active on the peildatum under the
// policies of their afnemerId. A grant that ended or has not started yet gives no access,
// so it breaks nothing.

const opSleutel = (a: Bevinding, b: Bevinding) => (a.sleutel < b.sleutel ? -1 : a.sleutel > b.sleutel ? 1 : 0)

/** Every finding of the situatie, sorted by sleutel; the same for any order of the input lists. */
export function evalueer(situatie: Vertrouwenssituatie): Bevinding[] {
  return evalueerIndex(maakIndex(situatie))
}

export function evalueerIndex(index: VertrouwensIndex): Bevinding[] {
  const partijen = new Set([...index.toegangenPerPartij.keys(), ...index.contractenPerPartij.keys()])
  const uit: Bevinding[] = []
  for (const p of partijen) for (const f of evalueerPartij(index, p)) uit.push(f)
  return uit.sort(opSleutel)
}

/**
 * One party's findings, sorted by sleutel: after verwerkWijziging, replace that party's
 * stored findings (all whose partijId is this party) with these.
 */
export function herEvalueerPartij(index: VertrouwensIndex, partijId: string): Bevinding[] {
  return evalueerPartij(index, partijId).sort(opSleutel)
}

function evalueerPartij(index: VertrouwensIndex, partijId: string): Bevinding[] {
  const groepen = groepeerPerBeleid(index, partijId)
  const geheugen = nieuwGeheugen()
  const uit: Bevinding[] = []
  for (const beleidId of [...groepen.keys()].sort()) {
    const groep = groepen.get(beleidId) as BeleidGroep
    for (const f of pasBeleidToe(index, partijId, groep, geheugen)) uit.push(f)
  }
  return uit
}

/** One party's active grants and contracts under one policy, each list sorted by id. */
export type BeleidGroep = { beleid: Vertrouwensbeleid; toegangen: Toegang[]; contracten: Contract[] }

/** The party's active grants and contracts per applying policy, each list sorted by id. */
function groepeerPerBeleid(index: VertrouwensIndex, partijId: string): Map<string, BeleidGroep> {
  const groepen = new Map<string, BeleidGroep>()
  const groep = (b: Vertrouwensbeleid) => {
    let g = groepen.get(b.id)
    if (!g) {
      g = { beleid: b, toegangen: [], contracten: [] }
      groepen.set(b.id, g)
    }
    return g
  }
  for (const t of actieveToegangen(index, partijId)) {
    for (const b of beleidVoorOrganisatie(index, t.verleendDoorId)) groep(b).toegangen.push(t)
  }
  for (const c of actieveContracten(index, partijId)) {
    for (const b of beleidVoorOrganisatie(index, c.afnemerId)) groep(b).contracten.push(c)
  }
  return groepen
}

/** The index keeps these lists sorted by id. */
const actieveToegangen = (index: VertrouwensIndex, partijId: string): Toegang[] =>
  (index.toegangenPerPartij.get(partijId) ?? []).filter((t) => geldigOp(index.peildatum, t.geldigVanaf, t.geldigTot))

const actieveContracten = (index: VertrouwensIndex, partijId: string): Contract[] =>
  (index.contractenPerPartij.get(partijId) ?? []).filter((c) => geldigOp(index.peildatum, c.startdatum, c.einddatum))

/** One policy's rules over one party's grants and contracts; the expiry warnings last, over what the others relied on. */
export function pasBeleidToe(index: VertrouwensIndex, partijId: string, groep: BeleidGroep, geheugen = nieuwGeheugen()): Bevinding[] {
  const partij = index.organisaties.get(partijId)
  const b: Beoordeling = {
    index,
    partijId,
    partijNaam: partij?.naam ?? partijId,
    beleid: groep.beleid,
    toegangen: groep.toegangen,
    contracten: groep.contracten,
    gebruikt: new Map(),
    geheugen,
  }
  if (partij) b.partijType = partij.type
  const geldt = (r: BeleidsRegel) => r.partijTypes === undefined || (b.partijType !== undefined && r.partijTypes.includes(b.partijType))
  const uit: Bevinding[] = []
  for (const regel of groep.beleid.regels) {
    if (regel.soort !== 'verloopwaarschuwing' && geldt(regel)) for (const f of pasRegelToe(b, regel)) uit.push(f)
  }
  for (const regel of groep.beleid.regels) {
    if (regel.soort === 'verloopwaarschuwing' && geldt(regel)) for (const f of verloopwaarschuwing(b, regel)) uit.push(f)
  }
  return uit
}

function pasRegelToe(b: Beoordeling, regel: Exclude<BeleidsRegel, { soort: 'verloopwaarschuwing' }>): Bevinding[] {
  switch (regel.soort) {
    case 'vereist-bewijs':
      return vereistBewijs(b, regel)
    case 'herbeoordeling':
      return herbeoordeling(b, regel)
    case 'contracteisen':
      return contracteisen(b, regel)
    case 'jaarlijkse-assurance':
      return jaarlijkseAssurance(b, regel)
    case 'verwerkersovereenkomst-bij-persoonsgegevens':
      return verwerkersovereenkomst(b, regel)
    case 'koppelingregister':
      return koppelingregister(b, regel)
  }
}

/**
 * The rules that apply to one grant: of every policy protecting its verleendDoorId, those
 * for the party's type that read this grant (vereist-bewijs only when the object's
 * classification calls for it, the persoonsgegevens rule only for objects with
 * persoonsgegevens, the register rule only for koppelingen; contract rules never).
 */
export function beleidsregelsVoor(index: VertrouwensIndex, toegang: Toegang): { beleid: Vertrouwensbeleid; regel: BeleidsRegel }[] {
  const type = index.organisaties.get(toegang.partijId)?.type
  const uit: { beleid: Vertrouwensbeleid; regel: BeleidsRegel }[] = []
  for (const beleid of beleidVoorOrganisatie(index, toegang.verleendDoorId)) {
    for (const regel of beleid.regels) {
      if (regel.partijTypes !== undefined && (type === undefined || !regel.partijTypes.includes(type))) continue
      if (leestToegang(index, regel, toegang)) uit.push({ beleid, regel })
    }
  }
  return uit
}

function leestToegang(index: VertrouwensIndex, regel: BeleidsRegel, t: Toegang): boolean {
  switch (regel.soort) {
    case 'vereist-bewijs':
      return redenVereistBewijs(index, regel, t.object) !== undefined
    case 'verwerkersovereenkomst-bij-persoonsgegevens':
      return kenmerken(index, t.object)?.persoonsgegevens ?? false
    case 'koppelingregister':
      return t.object.soort === 'koppeling'
    case 'contracteisen':
      return false
    case 'herbeoordeling':
    case 'jaarlijkse-assurance':
    case 'verloopwaarschuwing':
      return true
  }
}
