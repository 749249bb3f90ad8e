import { type InvalidParam, type Message, msg } from '../errors.js'
import type { Reference } from '../registry-rules.js'
import { datumTekst, plusDagen } from './datum.js'
import { BEWIJS_NAAM } from './teksten.js'
import type { BewijsstukInvoer, ContractInvoer, Datum, ToegangInvoer } from './typen.js'

// The rules a JSON Schema cannot express for the stored trust objects: each returns every
// broken rule at its field, so a person sees all of them at once and nothing is stored;
// and the references each input makes, for the existence check (what the caller cannot
// see counts as not existing). Dates are inclusive ('YYYY-MM-DD' compares as text).

const invalid = (name: string, code: string, reason: Message): InvalidParam => ({ name, code, reason })

function omgekeerd(name: string, van: Datum | undefined, tot: Datum | undefined, code: string, reason: Message): InvalidParam[] {
  return van && tot && tot < van ? [invalid(name, code, reason)] : []
}

const geldigTotVoorVanaf = (name: string, van: Datum | undefined, tot: Datum | undefined) =>
  omgekeerd(
    name,
    van,
    tot,
    'geldig-tot-voor-geldig-vanaf',
    msg(`Geldig tot (${tot}) ligt vóór geldig vanaf (${van}).`, `Valid until (${tot}) is before valid from (${van}).`),
  )

export function bewijsstukRules(i: BewijsstukInvoer): InvalidParam[] {
  const errors = geldigTotVoorVanaf('geldigTot', i.geldigVanaf, i.geldigTot)
  if (i.soort === 'verwerkersovereenkomst' && !i.getekendMetId)
    errors.push(
      invalid(
        'getekendMetId',
        'verplicht',
        msg(
          'Geef bij een verwerkersovereenkomst de organisatie waarmee zij is getekend.',
          'For a data processing agreement (verwerkersovereenkomst), give the organisation it was signed with.',
        ),
      ),
    )
  return errors
}

export function bewijsstukReferences(i: BewijsstukInvoer): Reference[] {
  const refs: Reference[] = [{ name: 'organisatieId', objecttype: 'organisatie', id: i.organisatieId }]
  if (i.getekendMetId) refs.push({ name: 'getekendMetId', objecttype: 'organisatie', id: i.getekendMetId })
  return refs
}

/** Another bewijsstuk of the same party, soort, scope and counterpart, with its validity. */
export interface Geldigheid {
  id: string
  /** Who issued it: how the message names the other evidence. */
  uitgever: string
  geldigVanaf: Datum
  geldigTot?: Datum
}

/** Two inclusive periods share a day; an absent end is open. */
function overlappen(a: Geldigheid, b: { geldigVanaf: Datum; geldigTot?: Datum }): boolean {
  return (a.geldigTot === undefined || a.geldigTot >= b.geldigVanaf) && (b.geldigTot === undefined || b.geldigTot >= a.geldigVanaf)
}

/** The key two bewijsstukken may not share with overlapping validity: party, soort, scope, counterpart. */
export function bewijsSleutel(i: Pick<BewijsstukInvoer, 'organisatieId' | 'soort' | 'scope' | 'getekendMetId'>): string {
  return [i.organisatieId.toLowerCase(), i.soort, (i.scope ?? '').trim().toLowerCase(), (i.getekendMetId ?? '').toLowerCase()].join('|')
}

/**
 * Evidence of one kind for one party and scope is one line in time: a renewal starts after
 * the previous one ends. `anderen`: the others with the same key (bewijsSleutel), this one
 * left out. One error at geldigVanaf naming each overlapping other.
 */
export function overlapRules(i: BewijsstukInvoer, anderen: Geldigheid[]): InvalidParam[] {
  return anderen
    .filter((a) => overlappen(a, i))
    .map((a) => {
      const soort = BEWIJS_NAAM[i.soort]
      const van = datumTekst(a.geldigVanaf)
      const tot = a.geldigTot ? datumTekst(a.geldigTot) : msg('zonder einddatum', 'without an end date')
      // A renewal: the earlier one should end the day before this one starts.
      const herstel =
        a.geldigVanaf < i.geldigVanaf
          ? msg(
              ` Is dit een vernieuwing, geef dat bewijsstuk dan de einddatum ${datumTekst(plusDagen(i.geldigVanaf, -1)).nl}.`,
              ` If this is a renewal, give that evidence the end date ${datumTekst(plusDagen(i.geldigVanaf, -1)).en}.`,
            )
          : msg(' Eén van beide moet eindigen voor het andere begint.', ' One of them must end before the other begins.')
      return invalid(
        'geldigVanaf',
        'overlappende-geldigheid',
        msg(
          `De geldigheid overlapt met een ander bewijsstuk (${soort.nl}) van ${a.uitgever} voor dezelfde partij en scope (geldig van ${van.nl} tot en met ${tot.nl}).${herstel.nl}`,
          `The validity overlaps other evidence (${soort.en}) from ${a.uitgever} for the same party and scope (valid from ${van.en} to ${tot.en}).${herstel.en}`,
        ),
      )
    })
}

export function contractRules(i: ContractInvoer): InvalidParam[] {
  const errors = omgekeerd(
    'einddatum',
    i.startdatum,
    i.einddatum,
    'einddatum-voor-startdatum',
    msg('De einddatum ligt vóór de startdatum.', 'The end date is before the start date.'),
  )
  if (i.leverancierId && i.afnemerId && i.leverancierId.toLowerCase() === i.afnemerId.toLowerCase())
    errors.push(
      invalid(
        'afnemerId',
        'gelijk-aan-leverancier',
        msg('Leverancier en afnemer zijn dezelfde organisatie.', 'Supplier and contract holder are the same organisation.'),
      ),
    )
  if (i.exitstrategieVindplaats && !i.exitstrategie)
    errors.push(
      invalid(
        'exitstrategieVindplaats',
        'zonder-exitstrategie',
        msg(
          'Een vindplaats van de exitstrategie, maar exitstrategie staat op nee.',
          'A location of the exit strategy is given, but exit strategy is no.',
        ),
      ),
    )
  return errors
}

export function contractReferences(i: ContractInvoer): Reference[] {
  return [
    { name: 'leverancierId', objecttype: 'organisatie', id: i.leverancierId },
    { name: 'afnemerId', objecttype: 'organisatie', id: i.afnemerId },
    ...(i.applicatieIds ?? []).map((id, n): Reference => ({ name: `applicatieIds[${n}]`, objecttype: 'applicatie', id })),
    ...(i.koppelingIds ?? []).map((id, n): Reference => ({ name: `koppelingIds[${n}]`, objecttype: 'koppeling', id })),
  ]
}

export function toegangRules(i: ToegangInvoer): InvalidParam[] {
  const errors = geldigTotVoorVanaf('geldigTot', i.geldigVanaf, i.geldigTot)
  if (i.beoordelaar && !i.laatsteBeoordeling)
    errors.push(
      invalid(
        'laatsteBeoordeling',
        'verplicht',
        msg('Geef bij een beoordelaar ook de datum van de herbeoordeling.', 'With a reviewer, give the date of the review too.'),
      ),
    )
  if (i.partijId && i.verleendDoorId && i.partijId.toLowerCase() === i.verleendDoorId.toLowerCase())
    errors.push(
      invalid(
        'partijId',
        'gelijk-aan-verlener',
        msg('Een organisatie verleent zichzelf geen toegang.', 'An organisation does not grant access to itself.'),
      ),
    )
  return errors
}

export function toegangReferences(i: ToegangInvoer): Reference[] {
  const refs: Reference[] = [
    { name: 'partijId', objecttype: 'organisatie', id: i.partijId },
    { name: 'verleendDoorId', objecttype: 'organisatie', id: i.verleendDoorId },
  ]
  const o = i.object
  if (o?.soort === 'netwerkzone') refs.push({ name: 'object.eigenaarId', objecttype: 'organisatie', id: o.eigenaarId })
  else if (o?.soort === 'applicatie' || o?.soort === 'koppeling') refs.push({ name: 'object.id', objecttype: o.soort, id: o.id })
  return refs
}

/** A herbeoordeling's decision, checked against the grant and today. */
export interface HerbeoordelingBesluit {
  besluit: 'goedkeuren' | 'intrekken'
  geldigTot?: Datum
  reden?: string
}

export function herbeoordelingRules(b: HerbeoordelingBesluit, toegang: ToegangInvoer, vandaag: Datum): InvalidParam[] {
  const errors: InvalidParam[] = []
  if (b.besluit === 'intrekken') {
    if (!b.reden?.trim())
      errors.push(invalid('reden', 'verplicht', msg('Geef de reden van de intrekking.', 'Give the reason for revoking.')))
    if (b.geldigTot)
      errors.push(
        invalid(
          'geldigTot',
          'niet-toegestaan',
          msg('Een intrekking eindigt vandaag: geef geen nieuwe datum.', 'A revocation ends today: give no new date.'),
        ),
      )
  }
  if (b.besluit === 'goedkeuren' && b.geldigTot) {
    if (b.geldigTot < vandaag)
      errors.push(
        invalid(
          'geldigTot',
          'in-het-verleden',
          msg(`De nieuwe einddatum ligt vóór vandaag (${vandaag}).`, `The new end date is before today (${vandaag}).`),
        ),
      )
    else errors.push(...geldigTotVoorVanaf('geldigTot', toegang.geldigVanaf, b.geldigTot))
  }
  return errors
}

/** The grant after the decision: approved today by `door` (optionally until a new date), or ended today. */
export function naHerbeoordeling(toegang: ToegangInvoer, b: HerbeoordelingBesluit, vandaag: Datum, door: string): ToegangInvoer {
  if (b.besluit === 'goedkeuren')
    return { ...toegang, laatsteBeoordeling: vandaag, beoordelaar: door, ...(b.geldigTot ? { geldigTot: b.geldigTot } : {}) }
  // Revoking never lengthens a grant; one that has not started yet covers only today.
  const geldigTot = toegang.geldigTot && toegang.geldigTot < vandaag ? toegang.geldigTot : vandaag
  const geldigVanaf = toegang.geldigVanaf > geldigTot ? geldigTot : toegang.geldigVanaf
  return { ...toegang, geldigVanaf, geldigTot, laatsteBeoordeling: vandaag, beoordelaar: door }
}
