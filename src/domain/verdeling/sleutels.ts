import { type InvalidParam, type Message, msg } from '../errors.js'
import { type Decimaal, formatDecimaal, gelijk, HONDERD, isDecimaal, leesDecimaal, opSchaal, somDecimalen } from './decimaal.js'
import {
  type DeelnemerId,
  type EnkeleRegel,
  type Getal,
  INWONERS,
  type MaatstafBron,
  type MaatstafWaarde,
  type MixComponent,
  type Regel,
  type Verdeelsleutel,
  type VerdeelsleutelVersie,
} from './types.js'

// Verdeelsleutels: checking a definition, choosing the version for a year, and turning a
// version plus the participants' measures into exact weights.

const fout = (name: string, code: string, reason: Message): InvalidParam => ({ name, code, reason })

/** Measures by name, organisation and year. */
export type MaatstafIndex = ReadonlyMap<string, ReadonlyMap<DeelnemerId, ReadonlyMap<number, Decimaal>>>

export interface VerdeelContext {
  maatstaven: MaatstafIndex
  /** Where each value of `maatstaven` came from (maakMaatstafIndex); shown in the computation's steps. */
  bron?: (maatstaf: string, organisatieId: DeelnemerId, jaar: number) => MaatstafBron | undefined
  /** Display name for messages, and the order among equal remainders after the CBS code; the id alone when absent. */
  naam?: (id: DeelnemerId) => string | undefined
  /** CBS code: the order among equal remainders (afronding.ts). */
  cbsCode?: (id: DeelnemerId) => string | undefined
  /** An explicit order among equal remainders, before the CBS code (a business case: the order of entry). */
  plaats?: (id: DeelnemerId) => number | undefined
}

export const noem = (context: Pick<VerdeelContext, 'naam'>, id: DeelnemerId): string => {
  const naam = context.naam?.(id)
  return naam ? `${naam} (${id})` : id
}

function getalFout(name: string, wat: Message, code: 'ongeldig-getal' | 'negatief'): InvalidParam {
  return code === 'negatief'
    ? fout(name, 'negatief', msg(`${wat.nl} mag niet negatief zijn.`, `${wat.en} must not be negative.`))
    : fout(
        name,
        'ongeldig-getal',
        msg(`${wat.nl} is geen geldig getal (hoogstens 12 decimalen).`, `${wat.en} is not a valid number (at most 12 decimals).`),
      )
}

function lees(name: string, waarde: Getal, wat: Message, fouten: InvalidParam[]): Decimaal | undefined {
  const d = leesDecimaal(waarde)
  if (isDecimaal(d)) return d
  fouten.push(getalFout(name, wat, d))
  return undefined
}

/** The inhabitants registered on organisations (Organisatie.inwoners, the CBS figure) as the measure `inwoners`. */
export function inwonersAlsMaatstaf(organisaties: readonly { id: string; inwoners?: readonly { jaar: number; aantal: number }[] }[]) {
  return organisaties.flatMap((o): MaatstafWaarde[] =>
    (o.inwoners ?? []).map((i) => ({ organisatieId: o.id, maatstaf: INWONERS, jaar: i.jaar, waarde: i.aantal, bron: 'organisatie' })),
  )
}

/**
 * Indexes measures; a value given twice for one organisation, measure and year is an
 * error, even when equal — except the one rule between the two sources of inhabitants:
 * a maatstafwaarde overrides the organisation's registered figure for that year, in
 * whatever order they come.
 */
export function maakMaatstafIndex(waarden: readonly MaatstafWaarde[]): {
  index: MaatstafIndex
  fouten: InvalidParam[]
  bron: NonNullable<VerdeelContext['bron']>
} {
  const index = new Map<string, Map<DeelnemerId, Map<number, Decimaal>>>()
  const bronnen = new Map<string, MaatstafBron>()
  const sleutel = (maatstaf: string, organisatieId: string, jaar: number) => JSON.stringify([maatstaf, organisatieId, jaar])
  const fouten: InvalidParam[] = []
  waarden.forEach((w, i) => {
    const d = lees(`maatstaven[${i}].waarde`, w.waarde, msg('De waarde', 'The value'), fouten)
    if (!d) return
    const perOrganisatie = index.get(w.maatstaf) ?? new Map<DeelnemerId, Map<number, Decimaal>>()
    index.set(w.maatstaf, perOrganisatie)
    const perJaar = perOrganisatie.get(w.organisatieId) ?? new Map<number, Decimaal>()
    perOrganisatie.set(w.organisatieId, perJaar)
    const k = sleutel(w.maatstaf, w.organisatieId, w.jaar)
    const eerder = perJaar.has(w.jaar) ? bronnen.get(k) : undefined
    if (eerder === 'maatstafwaarde' && w.bron === 'organisatie') return
    if (!(eerder === 'organisatie' && w.bron === 'maatstafwaarde') && perJaar.has(w.jaar)) {
      fouten.push(
        fout(
          `maatstaven[${i}]`,
          'dubbel',
          msg(
            `${w.maatstaf} van ${w.organisatieId} in ${w.jaar} komt dubbel voor.`,
            `${w.maatstaf} of ${w.organisatieId} in ${w.jaar} occurs more than once.`,
          ),
        ),
      )
    }
    perJaar.set(w.jaar, d)
    if (w.bron) bronnen.set(k, w.bron)
    else bronnen.delete(k)
  })
  return { index, fouten, bron: (maatstaf, organisatieId, jaar) => bronnen.get(sleutel(maatstaf, organisatieId, jaar)) }
}

function controleerEnkeleRegel(regel: EnkeleRegel, pad: string): InvalidParam[] {
  const fouten: InvalidParam[] = []
  switch (regel.soort) {
    case 'inwoners':
    case 'gelijke delen':
      break
    case 'maatstaf':
      if (typeof regel.maatstaf !== 'string' || regel.maatstaf.trim() === '') {
        fouten.push(fout(`${pad}.maatstaf`, 'verplicht', msg('Noem de maatstaf.', 'Name the measure.')))
      }
      break
    case 'volledig afnemer':
      if (typeof regel.deelnemerId !== 'string' || regel.deelnemerId === '') {
        fouten.push(
          fout(`${pad}.deelnemerId`, 'verplicht', msg('Noem de afnemer die alles betaalt.', 'Name the participant who pays everything.')),
        )
      }
      break
    case 'vast percentage': {
      const gezien = new Set<DeelnemerId>()
      const percentages: Decimaal[] = []
      regel.percentages.forEach((p, i) => {
        if (gezien.has(p.deelnemerId)) {
          fouten.push(
            fout(
              `${pad}.percentages[${i}].deelnemerId`,
              'dubbel',
              msg(`${p.deelnemerId} heeft meer dan één percentage.`, `${p.deelnemerId} has more than one percentage.`),
            ),
          )
        }
        gezien.add(p.deelnemerId)
        const d = lees(`${pad}.percentages[${i}].percentage`, p.percentage, msg('Het percentage', 'The percentage'), fouten)
        if (d) percentages.push(d)
      })
      if (percentages.length === regel.percentages.length && !gelijk(somDecimalen(percentages), HONDERD)) {
        const som = formatDecimaal(somDecimalen(percentages))
        fouten.push(
          fout(
            `${pad}.percentages`,
            'som-niet-100',
            msg(`De percentages tellen op tot ${som}, niet tot 100.`, `The percentages add up to ${som}, not to 100.`),
          ),
        )
      }
      break
    }
    default:
      fouten.push(fout(`${pad}.soort`, 'onbekende-regel', msg('Onbekende soort verdeelsleutel.', 'Unknown kind of allocation key.')))
  }
  return fouten
}

function controleerRegel(regel: Regel, pad: string): InvalidParam[] {
  if (regel.soort !== 'mix') return controleerEnkeleRegel(regel, pad)
  const fouten: InvalidParam[] = []
  if (regel.componenten.length === 0) {
    return [fout(`${pad}.componenten`, 'leeg', msg('Een mix heeft minstens één component.', 'A mix has at least one component.'))]
  }
  const aandelen: Decimaal[] = []
  regel.componenten.forEach((c, i) => {
    const d = lees(`${pad}.componenten[${i}].aandeel`, c.aandeel, msg('Het aandeel', 'The share'), fouten)
    if (d) aandelen.push(d)
    if ((c.regel as Regel).soort === 'mix') {
      fouten.push(
        fout(`${pad}.componenten[${i}].regel`, 'geneste-mix', msg('Een mix kan geen mix bevatten.', 'A mix cannot contain a mix.')),
      )
    } else {
      fouten.push(...controleerEnkeleRegel(c.regel, `${pad}.componenten[${i}].regel`))
    }
  })
  if (aandelen.length === regel.componenten.length && !gelijk(somDecimalen(aandelen), HONDERD)) {
    const som = formatDecimaal(somDecimalen(aandelen))
    fouten.push(
      fout(
        `${pad}.componenten`,
        'som-niet-100',
        msg(`De aandelen van de mix tellen op tot ${som}%, niet tot 100%.`, `The shares of the mix add up to ${som}%, not to 100%.`),
      ),
    )
  }
  return fouten
}

/** Every rule a key definition breaks on its own, before any kostenpost uses it. */
export function controleerVerdeelsleutel(sleutel: Verdeelsleutel, pad = 'verdeelsleutel'): InvalidParam[] {
  if (sleutel.versies.length === 0) {
    return [
      fout(`${pad}.versies`, 'leeg', msg('Een verdeelsleutel heeft minstens één versie.', 'An allocation key has at least one version.')),
    ]
  }
  const fouten: InvalidParam[] = []
  const jaren = new Set<number>()
  sleutel.versies.forEach((v, i) => {
    if (!Number.isInteger(v.geldigVanaf)) {
      fouten.push(fout(`${pad}.versies[${i}].geldigVanaf`, 'ongeldig-jaar', msg('Geen geldig jaar.', 'Not a valid year.')))
    } else if (jaren.has(v.geldigVanaf)) {
      fouten.push(
        fout(
          `${pad}.versies[${i}].geldigVanaf`,
          'dubbel',
          msg(`Er is al een versie die geldt vanaf ${v.geldigVanaf}.`, `There is already a version valid from ${v.geldigVanaf}.`),
        ),
      )
    }
    jaren.add(v.geldigVanaf)
    fouten.push(...controleerRegel(v.regel, `${pad}.versies[${i}].regel`))
  })
  return fouten
}

/**
 * Key definitions already checked and read, so allocating many kostenposten with one key
 * checks and reads it once. Keyed by object identity: valid while the definitions are not
 * mutated, i.e. within one call.
 */
export class Regelgeheugen {
  private readonly controles = new WeakMap<Regel, Map<string, InvalidParam[]>>()
  private readonly percentageTabellen = new WeakMap<EnkeleRegel, Map<DeelnemerId, Decimaal>>()

  controle(regel: Regel, pad: string): InvalidParam[] {
    const perPad = this.controles.get(regel) ?? new Map<string, InvalidParam[]>()
    this.controles.set(regel, perPad)
    let fouten = perPad.get(pad)
    if (!fouten) {
      fouten = controleerRegel(regel, pad)
      perPad.set(pad, fouten)
    }
    return fouten
  }

  /** The percentages of a checked `vast percentage` rule, by participant. */
  percentages(regel: Extract<EnkeleRegel, { soort: 'vast percentage' }>): Map<DeelnemerId, Decimaal> {
    let tabel = this.percentageTabellen.get(regel)
    if (!tabel) {
      tabel = new Map(regel.percentages.map((p) => [p.deelnemerId, leesDecimaal(p.percentage) as Decimaal]))
      this.percentageTabellen.set(regel, tabel)
    }
    return tabel
  }
}

/** The version valid in `jaar`: the one with the latest geldigVanaf not after it. */
export function kiesVersie(sleutel: Verdeelsleutel, jaar: number): { versie: VerdeelsleutelVersie; index: number } | undefined {
  let gekozen: { versie: VerdeelsleutelVersie; index: number } | undefined
  sleutel.versies.forEach((versie, index) => {
    if (versie.geldigVanaf <= jaar && (!gekozen || versie.geldigVanaf > gekozen.versie.geldigVanaf)) gekozen = { versie, index }
  })
  return gekozen
}

/** The weights one rule gives the participants, as integers at one scale, with what they were read from. */
export interface ComponentGewichten {
  regel: EnkeleRegel
  aandeel: Decimaal
  /** Per participant, in the post's order, as exact decimals. */
  waarden: Decimaal[]
  /** Same as `waarden`, as integers at one scale. */
  gewichten: bigint[]
  totaal: bigint
  schaal: number
}

const EEN: Decimaal = { teller: 1n, schaal: 0 }
const NUL: Decimaal = { teller: 0n, schaal: 0 }

function leesGewichten(
  regel: EnkeleRegel,
  deelnemers: readonly DeelnemerId[],
  jaar: number,
  context: VerdeelContext,
  pad: string,
  fouten: InvalidParam[],
  geheugen: Regelgeheugen,
): Decimaal[] | undefined {
  const geenDeelnemer = (name: string, id: DeelnemerId) =>
    fout(
      name,
      'geen-deelnemer',
      msg(
        `${noem(context, id)} neemt niet deel aan deze kostenpost, maar staat in de verdeelsleutel.`,
        `${noem(context, id)} does not take part in this cost item, but is named in the allocation key.`,
      ),
    )
  switch (regel.soort) {
    case 'gelijke delen':
      return deelnemers.map(() => EEN)
    case 'volledig afnemer':
      if (!deelnemers.includes(regel.deelnemerId)) {
        fouten.push(geenDeelnemer(`${pad}.deelnemerId`, regel.deelnemerId))
        return undefined
      }
      return deelnemers.map((d) => (d === regel.deelnemerId ? EEN : NUL))
    case 'vast percentage': {
      const perDeelnemer = geheugen.percentages(regel)
      const aantal = fouten.length
      if (perDeelnemer.size > deelnemers.length || deelnemers.some((d) => !perDeelnemer.has(d))) {
        const isDeelnemer = new Set(deelnemers)
        regel.percentages.forEach((p, i) => {
          if (!isDeelnemer.has(p.deelnemerId)) fouten.push(geenDeelnemer(`${pad}.percentages[${i}].deelnemerId`, p.deelnemerId))
        })
      }
      deelnemers.forEach((d, i) => {
        if (!perDeelnemer.has(d)) {
          fouten.push(
            fout(
              `deelnemers[${i}]`,
              'percentage-ontbreekt',
              msg(
                `De verdeelsleutel geeft ${noem(context, d)} geen percentage.`,
                `The allocation key gives ${noem(context, d)} no percentage.`,
              ),
            ),
          )
        }
      })
      return fouten.length === aantal ? deelnemers.map((d) => perDeelnemer.get(d) as Decimaal) : undefined
    }
    case 'inwoners':
    case 'maatstaf': {
      const maatstaf = regel.soort === 'inwoners' ? INWONERS : regel.maatstaf
      const perOrganisatie = context.maatstaven.get(maatstaf)
      const waarden: Decimaal[] = []
      const aantal = fouten.length
      deelnemers.forEach((d, i) => {
        const waarde = perOrganisatie?.get(d)?.get(jaar)
        if (waarde) waarden.push(waarde)
        else {
          // Where to enter it: no digits after the year, so a reader can take the year as the last number.
          const waar =
            maatstaf === INWONERS
              ? msg(
                  'Vul het inwonertal van dat jaar in bij de organisatie (Organisaties › bewerken › Inwonertallen), of leg een maatstafwaarde met maatstaf inwoners vast; die gaat dan voor.',
                  "Enter that year's population on the organisation (Organisaties › edit › Population figures), or record a maatstafwaarde with measure inwoners; that one then takes precedence.",
                )
              : msg(
                  'Leg voor deze organisatie een maatstafwaarde met deze maatstaf en dit jaar vast (Maatstafwaarden).',
                  'Record a measure value with this measure and year for this organisation (Measures).',
                )
          fouten.push(
            fout(
              `deelnemers[${i}]`,
              'maatstaf-ontbreekt',
              msg(
                `Maatstaf '${maatstaf}' ontbreekt voor ${noem(context, d)} in ${jaar}. ${waar.nl}`,
                `Measure '${maatstaf}' is missing for ${noem(context, d)} in ${jaar}. ${waar.en}`,
              ),
            ),
          )
        }
      })
      return fouten.length === aantal ? waarden : undefined
    }
  }
}

function componenten(regel: Regel): readonly MixComponent[] {
  return regel.soort === 'mix' ? regel.componenten : [{ aandeel: 100, regel }]
}

/**
 * The weights of every component of the version for these participants and year. Fails
 * on a missing measure, a non-participant in the key, or a component whose weights are
 * all zero (no fraction can be formed from it).
 */
export function bepaalGewichten(
  sleutel: Verdeelsleutel,
  versie: { versie: VerdeelsleutelVersie; index: number },
  jaar: number,
  deelnemers: readonly DeelnemerId[],
  context: VerdeelContext,
  geheugen = new Regelgeheugen(),
): { componenten: ComponentGewichten[]; fouten: InvalidParam[] } {
  const pad = `verdeelsleutel.versies[${versie.index}].regel`
  const controle = geheugen.controle(versie.versie.regel, pad)
  if (controle.length > 0) return { componenten: [], fouten: [...controle] }
  const fouten: InvalidParam[] = []
  const mix = versie.versie.regel.soort === 'mix'
  const resultaat: ComponentGewichten[] = []
  componenten(versie.versie.regel).forEach((c, i) => {
    const componentPad = mix ? `${pad}.componenten[${i}].regel` : pad
    const waarden = leesGewichten(c.regel, deelnemers, jaar, context, componentPad, fouten, geheugen)
    if (!waarden) return
    const aandeel = leesDecimaal(c.aandeel) as Decimaal
    const schaal = Math.max(0, ...waarden.map((w) => w.schaal))
    const gewichten = waarden.map((w) => opSchaal(w, schaal))
    const totaal = gewichten.reduce((s, g) => s + g, 0n)
    if (totaal === 0n && aandeel.teller !== 0n) {
      const wat = c.regel.soort === 'maatstaf' ? `'${c.regel.maatstaf}'` : `'${c.regel.soort}'`
      fouten.push(
        fout(
          componentPad,
          'alle-gewichten-nul',
          msg(
            `Verdeelsleutel '${sleutel.naam}' (${wat}) geeft in ${jaar} alle deelnemers gewicht 0; zo is niets te verdelen.`,
            `Allocation key '${sleutel.naam}' (${wat}) gives every participant weight 0 in ${jaar}; nothing can be allocated that way.`,
          ),
        ),
      )
      return
    }
    resultaat.push({ regel: c.regel, aandeel, waarden, gewichten, totaal, schaal })
  })
  return { componenten: resultaat, fouten }
}

export const totaalAlsDecimaal = (c: ComponentGewichten): string => formatDecimaal({ teller: c.totaal, schaal: c.schaal })
