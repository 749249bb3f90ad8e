import { type Message, msg } from '../errors.js'
import { datumTekst, geldigOp, plusDagen } from './datum.js'
import { bewijsSleutel, type VertrouwensIndex } from './index-bouw.js'
import { BEWIJS_NAAM } from './teksten.js'
import type { BewijsEis, BewijsSoort, Bewijsstuk } from './typen.js'

// Which evidence of a party counts on the peildatum, chosen deterministically, and what
// to say about evidence that does not (expired, not yet valid, absent).

const EINDELOOS = '9999-12-31'

/** Later end first, then later start, then the smaller id: the same choice whatever the input order. */
function beter(a: Bewijsstuk, b: Bewijsstuk): boolean {
  const ta = a.geldigTot ?? EINDELOOS
  const tb = b.geldigTot ?? EINDELOOS
  if (ta !== tb) return ta > tb
  if (a.geldigVanaf !== b.geldigVanaf) return a.geldigVanaf > b.geldigVanaf
  return a.id < b.id
}

/** The party's evidence that fits an eis, in any validity. */
export function bewijsVan(
  index: VertrouwensIndex,
  partijId: string,
  soorten: readonly BewijsSoort[],
  getekendMetId?: string,
): Bewijsstuk[] {
  const uit: Bewijsstuk[] = []
  for (const soort of soorten) {
    for (const b of index.bewijsPerSoort.get(bewijsSleutel(partijId, soort, getekendMetId)) ?? []) uit.push(b)
  }
  return uit
}

/** The best evidence meeting the eis on its `geldigOp` date (and issued on or after `uitgegevenVanaf`), if any. */
export function geldigBewijs(index: VertrouwensIndex, partijId: string, eis: BewijsEis): Bewijsstuk | undefined {
  let beste: Bewijsstuk | undefined
  for (const b of bewijsVan(index, partijId, eis.eenVan, eis.getekendMetId)) {
    if (!geldigOp(eis.geldigOp, b.geldigVanaf, b.geldigTot)) continue
    if (eis.uitgegevenVanaf !== undefined && b.geldigVanaf < eis.uitgegevenVanaf) continue
    if (!beste || beter(b, beste)) beste = b
  }
  return beste
}

/** Whether evidence of the same soort (and counterparty) takes over the day after `stuk` ends. */
export function heeftOpvolger(index: VertrouwensIndex, stuk: Bewijsstuk): boolean {
  if (stuk.geldigTot === undefined) return true
  const eis: BewijsEis = { eenVan: [stuk.soort], geldigOp: plusDagen(stuk.geldigTot, 1) }
  if (stuk.getekendMetId !== undefined) eis.getekendMetId = stuk.getekendMetId
  return geldigBewijs(index, stuk.organisatieId, eis) !== undefined
}

/** "ISO 27001-certificaat" or "verwerkersovereenkomst met Gemeente X". */
export function eisNaam(index: VertrouwensIndex, eis: BewijsEis): Message {
  const soorten = eis.eenVan.map((s) => BEWIJS_NAAM[s])
  const naam =
    soorten.length === 1 ? (soorten[0] as Message) : msg(soorten.map((s) => s.nl).join(' of '), soorten.map((s) => s.en).join(' or '))
  if (eis.getekendMetId === undefined) return naam
  const met = organisatieNaam(index, eis.getekendMetId)
  return msg(`${naam.nl} met ${met}`, `${naam.en} with ${met}`)
}

export const organisatieNaam = (index: VertrouwensIndex, id: string): string => index.organisaties.get(id)?.naam ?? id

/**
 * Why no evidence meets the eis, in words: the most recent that expired, one that is not
 * valid yet, one that is too old, or none at all.
 */
export function waaromOntbreekt(index: VertrouwensIndex, partijId: string, eis: BewijsEis): Message {
  const naam = eisNaam(index, eis)
  const partij = organisatieNaam(index, partijId)
  const alle = bewijsVan(index, partijId, eis.eenVan, eis.getekendMetId)
  const verlopen = laatste(alle.filter((b) => b.geldigTot !== undefined && b.geldigTot < eis.geldigOp))
  const toekomstig = alle.filter((b) => b.geldigVanaf > eis.geldigOp).sort((a, b) => (a.geldigVanaf < b.geldigVanaf ? -1 : 1))[0]
  const teOud =
    eis.uitgegevenVanaf !== undefined ? laatste(alle.filter((b) => geldigOp(eis.geldigOp, b.geldigVanaf, b.geldigTot))) : undefined
  if (teOud && eis.uitgegevenVanaf !== undefined) {
    const d = datumTekst(teOud.geldigVanaf)
    const grens = datumTekst(eis.uitgegevenVanaf)
    return msg(
      `${naam.nl} van ${partij} is afgegeven op ${d.nl}, vóór ${grens.nl}: niet recent genoeg`,
      `${naam.en} of ${partij} was issued on ${d.en}, before ${grens.en}: not recent enough`,
    )
  }
  if (verlopen?.geldigTot !== undefined) {
    const d = datumTekst(verlopen.geldigTot)
    return msg(`${naam.nl} van ${partij} verlopen op ${d.nl}`, `${naam.en} of ${partij} expired on ${d.en}`)
  }
  if (toekomstig) {
    const d = datumTekst(toekomstig.geldigVanaf)
    return msg(`${naam.nl} van ${partij} is pas geldig vanaf ${d.nl}`, `${naam.en} of ${partij} is valid only from ${d.en}`)
  }
  return msg(`${naam.nl} van ${partij} ontbreekt`, `${naam.en} of ${partij} is missing`)
}

function laatste(stukken: Bewijsstuk[]): Bewijsstuk | undefined {
  let beste: Bewijsstuk | undefined
  for (const b of stukken) if (!beste || beter(b, beste)) beste = b
  return beste
}

/** What to provide to meet the eis. */
export function herstelVoor(index: VertrouwensIndex, partijId: string, eis: BewijsEis): Message {
  const naam = eisNaam(index, eis)
  const partij = organisatieNaam(index, partijId)
  const op = datumTekst(eis.geldigOp)
  const recent =
    eis.uitgegevenVanaf !== undefined
      ? (() => {
          const d = datumTekst(eis.uitgegevenVanaf)
          return msg(`, afgegeven op of na ${d.nl}`, `, issued on or after ${d.en}`)
        })()
      : msg('', '')
  return msg(
    `Leg een ${naam.nl} van ${partij} vast die geldig is op ${op.nl}${recent.nl}.`,
    `Record ${lidwoord(naam.en)} ${naam.en} of ${partij} valid on ${op.en}${recent.en}.`,
  )
}

export const hoofd = (tekst: string): string => tekst.charAt(0).toUpperCase() + tekst.slice(1)

const lidwoord = (woord: string): string => (/^[aeiouAEIOU]/.test(woord) ? 'an' : 'a')
