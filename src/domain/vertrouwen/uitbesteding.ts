import { type Message, msg } from '../errors.js'
import { organisatieNaam } from './bewijs.js'
import { type BeleidGroep, pasBeleidToe } from './evaluatie.js'
import { beleidVoorOrganisatie, maakIndex, type VertrouwensIndex } from './index-bouw.js'
import { geraakt, objectNaam } from './regels.js'
import { enLijst } from './teksten.js'
import type {
  BenodigdeToegang,
  Bevinding,
  BewijsEis,
  Toegang,
  Uitbestedingstoets,
  UitbestedingsVraag,
  Vertrouwenssituatie,
} from './typen.js'

// The uitbestedingstoets: "organisation X moves applicatie(s) or infrastructure (its
// netwerkzones) Y to party P"; a netwerkzone needs a grant from X to it. P would
// reach every koppeling with an applicatie of Y as bron, doel or via, and so the
// gastheerschappen those koppelingen serve. P needs a grant per applicatie (from X, who
// moves it) and per koppeling (from its owner; without one, from X). Those grants are
// evaluated as if given on the peildatum and reviewed that day, with P's evidence of
// today, under the policies of their grantors: what P fails is what P must fix before
// the contract is signed.

export function uitbestedingstoets(situatie: Vertrouwenssituatie, vraag: UitbestedingsVraag): Uitbestedingstoets {
  return uitbestedingstoetsOpIndex(maakIndex(situatie), vraag)
}

export function uitbestedingstoetsOpIndex(index: VertrouwensIndex, vraag: UitbestedingsVraag): Uitbestedingstoets {
  const applicatieIds = [...new Set(vraag.applicatieIds)].sort()
  const netwerkzones = [...new Set((vraag.netwerkzones ?? []).map((z) => z.trim()))].sort()
  const g = geraakt(index, applicatieIds, [])
  const benodigdeToegangen = [
    ...applicatieIds.map((id) => toegangVoorApplicatie(index, vraag, id)),
    ...netwerkzones.map((naam) => toegangVoorNetwerkzone(index, vraag, naam)),
    ...g.koppelingIds.map((id) => toegangVoorKoppeling(index, vraag, id)),
  ]
  const toegangen = benodigdeToegangen.map((b) => alsToegang(index, vraag, b))
  const groepen = perBeleid(index, toegangen)
  const bevindingen = [...groepen.values()]
    .flatMap((groep) => pasBeleidToe(index, vraag.partijId, groep))
    .sort((a, b) => (a.sleutel < b.sleutel ? -1 : a.sleutel > b.sleutel ? 1 : 0))
  return {
    vraag: { ...vraag, applicatieIds, ...(netwerkzones.length > 0 ? { netwerkzones } : {}) },
    peildatum: index.peildatum,
    koppelingIds: g.koppelingIds,
    gastheerschapIds: g.gastheerschapIds,
    benodigdeToegangen,
    bevindingen,
    benodigdBewijs: verschillendBewijs(bevindingen),
    voorwaarden: contractvoorwaarden(index, vraag.partijId, groepen),
    waarschuwingen: waarschuwingen(index, vraag, applicatieIds, netwerkzones),
    samenvatting: samenvatting(index, vraag, applicatieIds, netwerkzones, g, bevindingen),
  }
}

export const HYPOTHETISCH = 'uitbesteding'

function toegangVoorApplicatie(index: VertrouwensIndex, vraag: UitbestedingsVraag, id: string): BenodigdeToegang {
  const naam = index.applicaties.get(id)?.naam ?? id
  const x = organisatieNaam(index, vraag.organisatieId)
  return {
    object: { soort: 'applicatie', id },
    naam,
    verleendDoorId: vraag.organisatieId,
    reden: msg(
      `${x} brengt applicatie ${naam} onder bij de partij en verleent de toegang.`,
      `${x} moves application ${naam} to the party and grants the access.`,
    ),
  }
}

/** Infrastructure: P runs X's netwerkzone (its network, a server room), so X grants P access to it. */
function toegangVoorNetwerkzone(index: VertrouwensIndex, vraag: UitbestedingsVraag, naam: string): BenodigdeToegang {
  const x = organisatieNaam(index, vraag.organisatieId)
  return {
    object: { soort: 'netwerkzone', naam, eigenaarId: vraag.organisatieId },
    naam,
    verleendDoorId: vraag.organisatieId,
    reden: msg(
      `${x} brengt netwerkzone ${naam} onder bij de partij en verleent de toegang.`,
      `${x} moves network zone ${naam} to the party and grants the access.`,
    ),
  }
}

function toegangVoorKoppeling(index: VertrouwensIndex, vraag: UitbestedingsVraag, id: string): BenodigdeToegang {
  const k = index.koppelingen.get(id)
  const naam = k?.naam ?? id
  const eigenaarId = k?.eigenaarId
  if (eigenaarId !== undefined) {
    const e = organisatieNaam(index, eigenaarId)
    return {
      object: { soort: 'koppeling', id },
      naam,
      verleendDoorId: eigenaarId,
      reden: msg(
        `Koppeling ${naam} raakt de applicatie; ${e} is eigenaar en verleent de toegang.`,
        `Data link ${naam} touches the application; ${e} owns it and grants the access.`,
      ),
    }
  }
  const x = organisatieNaam(index, vraag.organisatieId)
  return {
    object: { soort: 'koppeling', id },
    naam,
    verleendDoorId: vraag.organisatieId,
    reden: msg(
      `Koppeling ${naam} raakt de applicatie en heeft geen eigenaar; ${x} verleent de toegang tot een eigenaar is vastgelegd.`,
      `Data link ${naam} touches the application and has no owner; ${x} grants the access until an owner is recorded.`,
    ),
  }
}

/** The grant as if given on the peildatum and reviewed that day. */
function alsToegang(index: VertrouwensIndex, vraag: UitbestedingsVraag, b: BenodigdeToegang): Toegang {
  return {
    id: `${HYPOTHETISCH}/${b.object.soort}/${b.object.soort === 'netwerkzone' ? b.object.naam : b.object.id}`,
    partijId: vraag.partijId,
    object: b.object,
    doel: `Uitbesteding door ${organisatieNaam(index, vraag.organisatieId)}`,
    verleendDoorId: b.verleendDoorId,
    geldigVanaf: index.peildatum,
    laatsteBeoordeling: index.peildatum,
  }
}

function perBeleid(index: VertrouwensIndex, toegangen: readonly Toegang[]): Map<string, BeleidGroep> {
  const groepen = new Map<string, BeleidGroep>()
  for (const t of toegangen) {
    for (const b of beleidVoorOrganisatie(index, t.verleendDoorId)) {
      const g = groepen.get(b.id) ?? { beleid: b, toegangen: [], contracten: [] }
      g.toegangen.push(t)
      groepen.set(b.id, g)
    }
  }
  return new Map([...groepen].sort(([a], [b]) => (a < b ? -1 : 1)))
}

function verschillendBewijs(bevindingen: readonly Bevinding[]): BewijsEis[] {
  const per = new Map<string, BewijsEis>()
  for (const f of bevindingen) {
    for (const eis of f.ontbrekendBewijs ?? []) {
      per.set(JSON.stringify([[...eis.eenVan].sort(), eis.getekendMetId ?? '', eis.uitgegevenVanaf ?? '', eis.geldigOp]), eis)
    }
  }
  return [...per].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, eis]) => eis)
}

/** The contract requirements of the policies that would apply: conditions for the contract still to be signed. */
function contractvoorwaarden(index: VertrouwensIndex, partijId: string, groepen: Map<string, BeleidGroep>): Message[] {
  const type = index.organisaties.get(partijId)?.type
  const uit: Message[] = []
  for (const { beleid } of groepen.values()) {
    for (const regel of beleid.regels) {
      if (regel.soort !== 'contracteisen') continue
      if (regel.partijTypes !== undefined && (type === undefined || !regel.partijTypes.includes(type))) continue
      const eisen: Message[] = []
      if (regel.auditrecht) eisen.push(msg('auditrecht', 'a right to audit'))
      if (regel.exitstrategie) eisen.push(msg('een exitstrategie', 'an exit strategy'))
      const wat = enLijst(eisen)
      uit.push(
        msg(
          `Het contract moet ${wat.nl} regelen (${beleid.naam}, regel ${regel.id}: ${regel.maatregel}).`,
          `The contract must provide ${wat.en} (${beleid.naam}, rule ${regel.id}: ${regel.maatregel}).`,
        ),
      )
    }
  }
  return uit
}

function waarschuwingen(
  index: VertrouwensIndex,
  vraag: UitbestedingsVraag,
  applicatieIds: readonly string[],
  netwerkzones: readonly string[],
): Message[] {
  const uit: Message[] = []
  if (!index.organisaties.has(vraag.organisatieId))
    uit.push(msg(`Organisatie ${vraag.organisatieId} is onbekend.`, `Organisation ${vraag.organisatieId} is unknown.`))
  if (!index.organisaties.has(vraag.partijId)) uit.push(msg(`Partij ${vraag.partijId} is onbekend.`, `Party ${vraag.partijId} is unknown.`))
  if (applicatieIds.length === 0 && netwerkzones.length === 0)
    uit.push(msg('Geen applicatie of netwerkzone gekozen.', 'No application or network zone chosen.'))
  const x = organisatieNaam(index, vraag.organisatieId)
  for (const id of applicatieIds) {
    const a = index.applicaties.get(id)
    if (!a) uit.push(msg(`Applicatie ${id} staat niet in het register.`, `Application ${id} is not in the register.`))
    else if (!a.inGebruikBij.includes(vraag.organisatieId)) {
      uit.push(
        msg(
          `${x} gebruikt applicatie ${a.naam} niet volgens het register.`,
          `${x} does not use application ${a.naam} according to the register.`,
        ),
      )
    }
  }
  return uit
}

function samenvatting(
  index: VertrouwensIndex,
  vraag: UitbestedingsVraag,
  applicatieIds: readonly string[],
  netwerkzones: readonly string[],
  g: { koppelingIds: string[]; gastheerschapIds: string[] },
  bevindingen: readonly Bevinding[],
): Message {
  const x = organisatieNaam(index, vraag.organisatieId)
  const p = organisatieNaam(index, vraag.partijId)
  const apps = enLijst([
    ...applicatieIds.map((id) => objectNaam(index, { soort: 'applicatie', id })),
    ...netwerkzones.map((naam) => msg(`netwerkzone ${naam}`, `network zone ${naam}`)),
  ])
  const toegangen = applicatieIds.length + netwerkzones.length + g.koppelingIds.length
  const hoog = bevindingen.filter((f) => f.ernst === 'hoog').length
  const uitkomst =
    bevindingen.length === 0
      ? msg(`${p} voldoet vandaag aan alle regels die dan gelden.`, `${p} meets every rule that would then apply today.`)
      : msg(
          `${p} voldoet vandaag niet: ${bevindingen.length} bevinding(en), waarvan ${hoog} met ernst hoog.`,
          `${p} does not comply today: ${bevindingen.length} finding(s), ${hoog} of them high severity.`,
        )
  return msg(
    `Als ${x} ${apps.nl} onderbrengt bij ${p}, raakt ${p} ${g.koppelingIds.length} koppeling(en) en ${g.gastheerschapIds.length} gastheerschap(pen) en zijn ${toegangen} toegang(en) nodig. ${uitkomst.nl}`,
    `If ${x} moves ${apps.en} to ${p}, ${p} touches ${g.koppelingIds.length} data link(s) and ${g.gastheerschapIds.length} hosting arrangement(s) and needs ${toegangen} access grant(s). ${uitkomst.en}`,
  )
}
