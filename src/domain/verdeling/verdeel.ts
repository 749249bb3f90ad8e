import { type InvalidParam, invalidInput, msg } from '../errors.js'
import { beschrijfAfronding, beurtposities, grootsteRest, periodeNummer, rangBijGelijkeRest, type Volgordekenmerk } from './afronding.js'
import { formatDecimaal, ggd } from './decimaal.js'
import { combineerFracties, type Fracties } from './fracties.js'
import {
  bepaalGewichten,
  type ComponentGewichten,
  kiesVersie,
  noem,
  type Regelgeheugen,
  totaalAlsDecimaal,
  type VerdeelContext,
} from './sleutels.js'
import {
  type Berekeningsstap,
  type Breuk,
  type DeelnemerId,
  gelukt,
  INWONERS,
  mislukt,
  type TeVerdelenPost,
  type Uitkomst,
  type Verdeelsleutel,
  type Verdeling,
} from './types.js'

// One kostenpost at a time, with every step kept so a declaration line can show how its
// amount came about. Exact throughout (BigInt); the batch engine must give the same cents.

export function controleerBedrag(bedrag: number, name = 'bedrag'): InvalidParam[] {
  if (typeof bedrag !== 'number' || !Number.isInteger(bedrag)) {
    return [
      { name, code: 'geen-hele-centen', reason: msg('Een bedrag is een geheel aantal centen.', 'An amount is a whole number of cents.') },
    ]
  }
  if (bedrag < 0) {
    return [{ name, code: 'negatief', reason: msg('Een bedrag mag niet negatief zijn.', 'An amount must not be negative.') }]
  }
  if (bedrag > Number.MAX_SAFE_INTEGER) {
    return [{ name, code: 'te-groot', reason: msg('Het bedrag is te groot.', 'The amount is too large.') }]
  }
  return []
}

export function controleerDeelnemers(deelnemers: readonly DeelnemerId[], context: Pick<VerdeelContext, 'naam'>): InvalidParam[] {
  if (deelnemers.length === 0) {
    return [
      {
        name: 'deelnemers',
        code: 'leeg',
        reason: msg('Een kostenpost heeft minstens één deelnemer.', 'A cost item has at least one participant.'),
      },
    ]
  }
  const gezien = new Set<DeelnemerId>()
  const fouten: InvalidParam[] = []
  deelnemers.forEach((d, i) => {
    if (gezien.has(d)) {
      fouten.push({
        name: `deelnemers[${i}]`,
        code: 'dubbel',
        reason: msg(`${noem(context, d)} staat dubbel in de deelnemers.`, `${noem(context, d)} occurs twice among the participants.`),
      })
    }
    gezien.add(d)
  })
  return fouten
}

export interface Grondslag {
  versie: { geldigVanaf: number; index: number }
  componenten: ComponentGewichten[]
  fracties: Fracties
}

/** The exact fractions a key gives these participants in this year, or every reason it cannot. */
export function bepaalGrondslag(
  sleutel: Verdeelsleutel,
  jaar: number,
  deelnemers: readonly DeelnemerId[],
  context: VerdeelContext,
  geheugen?: Regelgeheugen,
): { grondslag?: Grondslag; fouten: InvalidParam[] } {
  const fouten = controleerDeelnemers(deelnemers, context)
  const versie = kiesVersie(sleutel, jaar)
  if (!versie) {
    fouten.push({
      name: 'jaar',
      code: 'geen-geldige-versie',
      reason: msg(
        `Verdeelsleutel '${sleutel.naam}' heeft geen versie die geldt in ${jaar}.`,
        `Allocation key '${sleutel.naam}' has no version valid in ${jaar}.`,
      ),
    })
  }
  if (!versie || fouten.length > 0) return { fouten }
  const gewichten = bepaalGewichten(sleutel, versie, jaar, deelnemers, context, geheugen)
  if (gewichten.fouten.length > 0) return { fouten: gewichten.fouten }
  return {
    grondslag: {
      versie: { geldigVanaf: versie.versie.geldigVanaf, index: versie.index },
      componenten: gewichten.componenten,
      fracties: combineerFracties(gewichten.componenten, deelnemers.length),
    },
    fouten: [],
  }
}

function breuk(teller: bigint, noemer: bigint): Breuk {
  const deler = ggd(teller, noemer) || 1n
  return { teller: (teller / deler).toString(), noemer: (noemer / deler).toString() }
}

function stap(c: ComponentGewichten, i: number, jaar: number, deelnemer: DeelnemerId, context: VerdeelContext): Berekeningsstap {
  const maatstaf = c.regel.soort === 'inwoners' ? INWONERS : c.regel.soort === 'maatstaf' ? c.regel.maatstaf : undefined
  const bron = maatstaf === undefined ? undefined : context.bron?.(maatstaf, deelnemer, jaar)
  return {
    regel: c.regel.soort,
    ...(maatstaf === undefined ? {} : { maatstaf }),
    jaar,
    aandeelInSleutel: formatDecimaal(c.aandeel),
    waarde: formatDecimaal(c.waarden[i]),
    totaal: totaalAlsDecimaal(c),
    ...(bron === undefined ? {} : { bron }),
  }
}

/** What orders the participants among equal remainders: an explicit place, CBS code, name, id. */
export function volgordekenmerken(deelnemers: readonly DeelnemerId[], context: VerdeelContext): Volgordekenmerk[] {
  return deelnemers.map((id) => {
    const plaats = context.plaats?.(id)
    const cbsCode = context.cbsCode?.(id)
    const naam = context.naam?.(id)
    return { id, ...(plaats === undefined ? {} : { plaats }), ...(cbsCode ? { cbsCode } : {}), ...(naam ? { naam } : {}) }
  })
}

/** The number that rotates the beurtvolgorde: the period's (0, no rotation, without a readable period). */
export const beurtnummer = (periode: string | undefined): number => (periode === undefined ? 0 : (periodeNummer(periode) ?? 0))

export function verdeelKostenpost(post: TeVerdelenPost, sleutel: Verdeelsleutel, context: VerdeelContext): Uitkomst<Verdeling> {
  const bedragFouten = controleerBedrag(post.bedrag)
  const { grondslag, fouten } = bepaalGrondslag(sleutel, post.jaar, post.deelnemers, context)
  if (!grondslag || bedragFouten.length > 0) return mislukt(invalidInput([...bedragFouten, ...fouten]))
  const { tellers, noemer } = grondslag.fracties
  const bedrag = BigInt(post.bedrag)
  const kenmerken = volgordekenmerken(post.deelnemers, context)
  const periode = post.periode !== undefined && periodeNummer(post.periode) !== undefined ? post.periode : undefined
  const posities = beurtposities(kenmerken, beurtnummer(periode))
  const afgerond = grootsteRest(bedrag, tellers, noemer, rangBijGelijkeRest(tellers, posities))
  return gelukt({
    kostenpostId: post.id,
    jaar: post.jaar,
    bedrag: post.bedrag,
    sleutel: { id: sleutel.id, naam: sleutel.naam, geldigVanaf: grondslag.versie.geldigVanaf },
    delen: post.deelnemers.map((deelnemerId, i) => ({
      deelnemerId,
      bedrag: Number(afgerond.delen[i]),
      fractie: breuk(tellers[i], noemer),
      exactBedrag: breuk(bedrag * tellers[i], noemer),
      restcent: afgerond.restcent[i],
      stappen: grondslag.componenten.map((c) => stap(c, i, post.jaar, deelnemerId, context)),
    })),
    afronding: beschrijfAfronding(kenmerken, posities, afgerond, periode),
  })
}
