import type { Verantwoordelijken } from './access.js'
import { HORIZON_MAX, HORIZON_MIN, type Oordeel, SCENARIO_BEDRAG_MAX } from './businesscase-grenzen.js'
import { type InvalidParam, type Message, msg } from './errors.js'
import { type ImpactInvoer, impactOrganisaties, impactReferences, impactVerantwoordelijken } from './impact/scenario.js'
import type { Reference } from './registry-rules.js'
import { isDecimaal } from './verdeling/decimaal.js'
import {
  type DeelnemerId,
  type Getal,
  leesDecimaal,
  type MaatstafWaarde,
  maakMaatstafIndex,
  type Verdeelsleutel,
  verdeelKostenpost,
} from './verdeling/index.js'

export { HORIZON_MAX, HORIZON_MIN, OORDELEN, type Oordeel, SCENARIO_BEDRAG_MAX, SCENARIO_DEELNEMERS_MAX } from './businesscase-grenzen.js'

// The business case of a proposed cooperation (haalbaarheidsonderzoek): what each
// participant pays now on its own, what it would pay for its share of the shared
// arrangement, and whether it gains over the horizon. Pure: plain data in, plain data
// out. Money is integer cents; the shares come from the allocation engine (largest
// remainder), the net present value is computed exactly (BigInt fractions) and rounded
// to the cent once, at the end. docs/businesscase.md has the formulas.

export interface Kosten {
  /** One-off costs in year 0, in cents. */
  eenmalig: number
  /** Yearly costs in years 1..horizon, in cents. */
  jaarlijks: number
}

export interface BusinesscaseDeelnemer {
  organisatieId: DeelnemerId
  /** What the participant pays when it goes on alone. */
  huidigeKosten: Kosten
}

type Percentage = { deelnemerId: DeelnemerId; percentage: Getal }
/** The keys a business case allows: no inwoners (measures are entered in the scenario) and no volledig afnemer. */
export type ScenarioEnkeleRegel =
  | { soort: 'gelijke delen' }
  | { soort: 'vast percentage'; percentages: readonly Percentage[] }
  | { soort: 'maatstaf'; maatstaf: string }
export type ScenarioRegel = ScenarioEnkeleRegel | { soort: 'mix'; componenten: readonly { aandeel: Getal; regel: ScenarioEnkeleRegel }[] }

export interface ScenarioMaatstaf {
  organisatieId: DeelnemerId
  maatstaf: string
  waarde: Getal
}

export interface BusinesscaseInvoer {
  deelnemers: readonly BusinesscaseDeelnemer[]
  /** The shared arrangement's costs, for all participants together. */
  gezamenlijk: Kosten
  /** How the shared costs are divided. */
  verdeling: ScenarioRegel
  /** Measures for `maatstaf` keys (and mixes with one). */
  maatstaven?: readonly ScenarioMaatstaf[]
  /** Years 1..horizonJaren carry the yearly costs; year 0 the one-off costs. */
  horizonJaren: number
  /** Percentage per year, e.g. 3.5; read as an exact decimal. */
  disconteringsvoet: Getal
  /** Calendar year of year 0, for display only. */
  startjaar?: number
}

export interface Jaarregel {
  /** 0 = the year of the one-off costs. */
  jaar: number
  kalenderjaar?: number
  /** Standalone minus shared, this year, in cents (positive: the participant saves). */
  verschil: number
  /** Sum of `verschil` up to and including this year. */
  cumulatief: number
}

export interface Resultaat {
  huidigeKosten: Kosten
  /** Share of (for the totals: all of) the shared costs. */
  aandeel: Kosten
  /** huidigeKosten − aandeel. */
  verschil: Kosten
  jaren: Jaarregel[]
  /** First year from which the cumulative difference stays ≥ 0 to the horizon; null when it never does. */
  terugverdiendInJaar: number | null
  terugverdiendInKalenderjaar?: number
  /** Net present value in cents. */
  nettoContanteWaarde: number
  oordeel: Oordeel
  vooruit: boolean
  uitleg: Message
}

export interface DeelnemerResultaat extends Resultaat {
  organisatieId: DeelnemerId
}

export interface BusinesscaseUitkomst {
  horizonJaren: number
  /** The rate as given, as a decimal string ('3.5'). */
  disconteringsvoet: string
  startjaar?: number
  deelnemers: DeelnemerResultaat[]
  /**
   * The cooperation as a whole: sums of the participants' figures (its NPV is the sum of
   * the participants' rounded NPVs, so the table adds up to the cent).
   */
  totaal: Resultaat & { aantalVooruit: number; iedereenVooruit: boolean }
}

export type BusinesscaseBerekening = { ok: true; uitkomst: BusinesscaseUitkomst } | { ok: false; fouten: InvalidParam[] }

const fout = (name: string, code: string, reason: Message): InvalidParam => ({ name, code, reason })

// ---------------------------------------------------------------- money as text

function groepeer(n: bigint, scheiding: string): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, scheiding)
}

/** `€ 1.234,56` (nl) or `€1,234.56` (en), negative as `€ -1.234,56` / `-€1,234.56` (as Intl formats them in the UI). */
export function formatCenten(centen: number, taal: 'nl' | 'en'): string {
  const negatief = centen < 0
  const abs = BigInt(Math.abs(centen))
  const euro = abs / 100n
  const cent = (abs % 100n).toString().padStart(2, '0')
  return taal === 'nl' ? `€ ${negatief ? '-' : ''}${groepeer(euro, '.')},${cent}` : `${negatief ? '-' : ''}€${groepeer(euro, ',')}.${cent}`
}

const formatVoet = (voet: string, taal: 'nl' | 'en') => (taal === 'nl' ? voet.replace('.', ',') : voet)

// ---------------------------------------------------------------- exact arithmetic

/** The rate as an exact fraction: 1 + r = noemer⁻¹ × teller, with r = voet / 100. */
function groeifactor(voet: Getal): { teller: bigint; noemer: bigint; tekst: string } | undefined {
  const d = leesDecimaal(voet)
  if (!isDecimaal(d)) return undefined
  const noemer = 100n * 10n ** BigInt(d.schaal)
  const heel = d.teller / 10n ** BigInt(d.schaal)
  const rest = (d.teller % 10n ** BigInt(d.schaal)).toString().padStart(d.schaal, '0')
  return { teller: noemer + d.teller, noemer, tekst: d.schaal === 0 ? heel.toString() : `${heel}.${rest}` }
}

/** a / b rounded to the nearest integer, halves away from zero (b > 0). */
function afronden(a: bigint, b: bigint): bigint {
  const abs = a < 0n ? -a : a
  const q = (2n * abs + b) / (2n * b)
  return a < 0n ? -q : q
}

/**
 * Net present value of yearly flows (index = year t), exactly:
 *   NPV = Σ_t flow_t / (1 + r)^t = Σ_t flow_t · noemer^t · teller^(H−t) / teller^H
 * rounded to the cent once, at the end.
 */
export function nettoContanteWaarde(stromen: readonly number[], voet: Getal): number {
  const g = groeifactor(voet)
  if (!g) throw new Error(`invalid discount rate ${voet}`)
  const h = stromen.length - 1
  let som = 0n
  for (let t = 0; t <= h; t++) som += BigInt(stromen[t]) * g.noemer ** BigInt(t) * g.teller ** BigInt(h - t)
  return Number(afronden(som, g.teller ** BigInt(h)))
}

/** First year from which the cumulative sum stays ≥ 0 up to the last year; null when the last is negative. */
export function terugverdienjaar(cumulatief: readonly number[]): number | null {
  let jaar: number | null = null
  for (let t = cumulatief.length - 1; t >= 0; t--) {
    if (cumulatief[t] < 0) break
    jaar = t
  }
  return jaar
}

// ---------------------------------------------------------------- checks

/** The rules a JSON Schema cannot express; paths relative to the business case input. */
function controleer(invoer: BusinesscaseInvoer, pad: string): InvalidParam[] {
  const fouten: InvalidParam[] = []
  const ids = new Set<string>()
  invoer.deelnemers.forEach((d, i) => {
    const id = d.organisatieId.toLowerCase()
    if (ids.has(id))
      fouten.push(
        fout(
          `${pad}.deelnemers[${i}].organisatieId`,
          'dubbel',
          msg('Deze organisatie staat al eerder bij de deelnemers.', 'This organisation is already listed among the participants.'),
        ),
      )
    ids.add(id)
  })
  if (invoer.deelnemers.length === 0)
    fouten.push(fout(`${pad}.deelnemers`, 'leeg', msg('Noem minstens één deelnemer.', 'Name at least one participant.')))
  const geenDeelnemer = (name: string, id: string) =>
    fout(
      name,
      'geen-deelnemer',
      msg(
        `Organisatie ${id} staat in de verdeling maar is geen deelnemer van dit scenario.`,
        `Organisation ${id} is named in the allocation but is no participant of this scenario.`,
      ),
    )
  const regels =
    invoer.verdeling.soort === 'mix'
      ? invoer.verdeling.componenten.map((c, i) => ({ regel: c.regel, pad: `${pad}.verdeling.componenten[${i}].regel` }))
      : [{ regel: invoer.verdeling, pad: `${pad}.verdeling` }]
  for (const { regel, pad: p } of regels) {
    if (regel.soort === 'vast percentage')
      regel.percentages.forEach((x, i) => {
        if (!ids.has(x.deelnemerId.toLowerCase())) fouten.push(geenDeelnemer(`${p}.percentages[${i}].deelnemerId`, x.deelnemerId))
      })
  }
  ;(invoer.maatstaven ?? []).forEach((m, i) => {
    if (!ids.has(m.organisatieId.toLowerCase())) fouten.push(geenDeelnemer(`${pad}.maatstaven[${i}].organisatieId`, m.organisatieId))
  })
  const bedrag = (name: string, v: number) => {
    if (!Number.isInteger(v))
      fouten.push(fout(name, 'geen-hele-centen', msg('Een bedrag is een geheel aantal centen.', 'An amount is a whole number of cents.')))
    else if (v < 0) fouten.push(fout(name, 'negatief', msg('Een bedrag mag niet negatief zijn.', 'An amount must not be negative.')))
    else if (v > SCENARIO_BEDRAG_MAX)
      fouten.push(fout(name, 'te-groot', msg('Het bedrag is groter dan 10 miljard euro.', 'The amount exceeds 10 billion euro.')))
  }
  invoer.deelnemers.forEach((d, i) => {
    bedrag(`${pad}.deelnemers[${i}].huidigeKosten.eenmalig`, d.huidigeKosten.eenmalig)
    bedrag(`${pad}.deelnemers[${i}].huidigeKosten.jaarlijks`, d.huidigeKosten.jaarlijks)
  })
  bedrag(`${pad}.gezamenlijk.eenmalig`, invoer.gezamenlijk.eenmalig)
  bedrag(`${pad}.gezamenlijk.jaarlijks`, invoer.gezamenlijk.jaarlijks)
  if (!Number.isInteger(invoer.horizonJaren) || invoer.horizonJaren < HORIZON_MIN || invoer.horizonJaren > HORIZON_MAX)
    fouten.push(fout(`${pad}.horizonJaren`, 'buiten-bereik', msg('Een horizon van 1 tot en met 30 jaar.', 'A horizon of 1 to 30 years.')))
  const g = groeifactor(invoer.disconteringsvoet)
  if (g && g.teller > 2n * g.noemer)
    fouten.push(
      fout(
        `${pad}.disconteringsvoet`,
        'buiten-bereik',
        msg('De disconteringsvoet is een percentage van 0 tot en met 100.', 'The discount rate is a percentage from 0 to 100.'),
      ),
    )
  if (!g)
    fouten.push(
      fout(
        `${pad}.disconteringsvoet`,
        'ongeldig-getal',
        msg('De disconteringsvoet is geen geldig percentage (hoogstens 12 decimalen).', 'The discount rate is not a valid percentage.'),
      ),
    )
  return fouten
}

/** Engine paths (written for a kostenpost) → paths in the scenario. */
function hernoem(f: InvalidParam, pad: string): InvalidParam {
  const name = f.name
    .replace(/^verdeelsleutel\.versies\[0\]\.regel/, `${pad}.verdeling`)
    .replace(/^deelnemers\[(\d+)\]$/, `${pad}.deelnemers[$1].organisatieId`)
    .replace(/^maatstaven\[/, `${pad}.maatstaven[`)
  return { ...f, name }
}

// ---------------------------------------------------------------- computation

const kosten = (eenmalig: bigint | number, jaarlijks: bigint | number): Kosten => ({
  eenmalig: Number(eenmalig),
  jaarlijks: Number(jaarlijks),
})

function uitleg(r: Omit<Resultaat, 'uitleg' | 'oordeel' | 'vooruit'>, vooruit: boolean, horizon: number, voet: string): Message {
  const npvNl = formatCenten(r.nettoContanteWaarde, 'nl')
  const npvEn = formatCenten(r.nettoContanteWaarde, 'en')
  const kj = (t: number) => (r.jaren[t]?.kalenderjaar === undefined ? '' : ` (${r.jaren[t].kalenderjaar})`)
  const terugNl =
    r.terugverdiendInJaar === null
      ? 'niet terugverdiend binnen de horizon'
      : `terugverdiend vanaf jaar ${r.terugverdiendInJaar}${kj(r.terugverdiendInJaar)}`
  const terugEn =
    r.terugverdiendInJaar === null
      ? 'does not pay back within the horizon'
      : `pays back from year ${r.terugverdiendInJaar}${kj(r.terugverdiendInJaar)}`
  return msg(
    `${vooruit ? 'Gaat erop vooruit' : 'Gaat er niet op vooruit'}: netto contante waarde ${npvNl} over ${horizon} jaar bij ${formatVoet(voet, 'nl')}% discontering; ${terugNl}.`,
    `${vooruit ? 'Gains' : 'Does not gain'}: net present value ${npvEn} over ${horizon} years at a ${voet}% discount rate; ${terugEn}.`,
  )
}

function resultaat(
  huidig: Kosten,
  aandeel: Kosten,
  invoer: BusinesscaseInvoer,
  npv?: number,
): Omit<Resultaat, 'uitleg' | 'oordeel' | 'vooruit'> {
  const verschil = kosten(huidig.eenmalig - aandeel.eenmalig, huidig.jaarlijks - aandeel.jaarlijks)
  const stromen = [verschil.eenmalig, ...new Array<number>(invoer.horizonJaren).fill(verschil.jaarlijks)]
  let cum = 0
  const jaren = stromen.map((v, jaar) => {
    cum += v
    return {
      jaar,
      ...(invoer.startjaar === undefined ? {} : { kalenderjaar: invoer.startjaar + jaar }),
      verschil: v,
      cumulatief: cum,
    }
  })
  const terug = terugverdienjaar(jaren.map((j) => j.cumulatief))
  return {
    huidigeKosten: kosten(huidig.eenmalig, huidig.jaarlijks),
    aandeel,
    verschil,
    jaren,
    terugverdiendInJaar: terug,
    ...(terug !== null && invoer.startjaar !== undefined ? { terugverdiendInKalenderjaar: invoer.startjaar + terug } : {}),
    nettoContanteWaarde: npv ?? nettoContanteWaarde(stromen, invoer.disconteringsvoet),
  }
}

function metOordeel<T extends Omit<Resultaat, 'uitleg' | 'oordeel' | 'vooruit'>>(r: T, invoer: BusinesscaseInvoer, voet: string) {
  const vooruit = r.nettoContanteWaarde > 0
  return {
    ...r,
    oordeel: (vooruit ? 'gaat erop vooruit' : 'gaat er niet op vooruit') as Oordeel,
    vooruit,
    uitleg: uitleg(r, vooruit, invoer.horizonJaren, voet),
  }
}

/**
 * Every participant's share, yearly difference, payback year, net present value and
 * verdict, and the totals; or every reason the input cannot be computed (paths under
 * `pad`, default `invoer`).
 */
export function berekenBusinesscase(invoer: BusinesscaseInvoer, pad = 'invoer'): BusinesscaseBerekening {
  const fouten = controleer(invoer, pad)
  if (fouten.length > 0) return { ok: false, fouten }
  const ids = invoer.deelnemers.map((d) => d.organisatieId)
  // Year of the (synthetic) key and of the measures: any year will do, one for both.
  const jaar = invoer.startjaar ?? 2000
  const waarden: MaatstafWaarde[] = (invoer.maatstaven ?? []).map((m) => ({ ...m, jaar }))
  const index = maakMaatstafIndex(waarden)
  if (index.fouten.length > 0) return { ok: false, fouten: index.fouten.map((f) => hernoem(f, pad)) }
  const sleutel: Verdeelsleutel = { id: 'scenario', naam: 'verdeling', versies: [{ geldigVanaf: jaar, regel: invoer.verdeling }] }
  // Equal remainders: the spare cent goes in the order the participants were entered.
  const plaats = new Map(ids.map((id, i) => [id, i]))
  const verdeel = (bedrag: number) =>
    verdeelKostenpost({ id: 'scenario', jaar, bedrag, deelnemers: ids }, sleutel, {
      maatstaven: index.index,
      plaats: (id) => plaats.get(id),
    })
  const eenmalig = verdeel(invoer.gezamenlijk.eenmalig)
  const jaarlijks = verdeel(invoer.gezamenlijk.jaarlijks)
  if (!eenmalig.ok) return { ok: false, fouten: eenmalig.fout.invalidParams.map((f) => hernoem(f, pad)) }
  if (!jaarlijks.ok) return { ok: false, fouten: jaarlijks.fout.invalidParams.map((f) => hernoem(f, pad)) }

  const voet = (groeifactor(invoer.disconteringsvoet) as { tekst: string }).tekst
  const deelnemers = invoer.deelnemers.map((d, i) => ({
    organisatieId: d.organisatieId,
    ...metOordeel(
      resultaat(d.huidigeKosten, kosten(eenmalig.waarde.delen[i].bedrag, jaarlijks.waarde.delen[i].bedrag), invoer),
      invoer,
      voet,
    ),
  }))
  const som = (f: (d: DeelnemerResultaat) => number) => deelnemers.reduce((s, d) => s + f(d), 0)
  const totaal = metOordeel(
    resultaat(
      kosten(
        som((d) => d.huidigeKosten.eenmalig),
        som((d) => d.huidigeKosten.jaarlijks),
      ),
      kosten(invoer.gezamenlijk.eenmalig, invoer.gezamenlijk.jaarlijks),
      invoer,
      som((d) => d.nettoContanteWaarde),
    ),
    invoer,
    voet,
  )
  const aantalVooruit = deelnemers.filter((d) => d.vooruit).length
  return {
    ok: true,
    uitkomst: {
      horizonJaren: invoer.horizonJaren,
      disconteringsvoet: voet,
      ...(invoer.startjaar === undefined ? {} : { startjaar: invoer.startjaar }),
      deelnemers,
      totaal: { ...totaal, aantalVooruit, iedereenVooruit: aantalVooruit === deelnemers.length },
    },
  }
}

/** The input's problems only (for the service's rules hook). */
export function businesscaseProblemen(invoer: BusinesscaseInvoer, pad = 'invoer'): InvalidParam[] {
  const r = berekenBusinesscase(invoer, pad)
  return r.ok ? [] : r.fouten
}

// ---------------------------------------------------------------- the scenario resource

/** The parts of a stored scenario these rules read (the API's ScenarioInvoer schema): a business case or an impact analysis. */
export type ScenarioVorm =
  | { soort?: 'nieuwe samenwerking'; samenwerkingId?: string; invoer: BusinesscaseInvoer }
  | { soort: 'impactanalyse'; samenwerkingId?: string; invoer: ImpactInvoer }

const isImpact = (input: Partial<ScenarioVorm>): input is Extract<ScenarioVorm, { soort: 'impactanalyse' }> =>
  input.soort === 'impactanalyse'

/** Every rule a scenario breaks that its JSON Schema cannot express (an impact scenario's need the graph: services). */
export function scenarioRules(input: ScenarioVorm): InvalidParam[] {
  return isImpact(input) ? [] : businesscaseProblemen(input.invoer, 'invoer')
}

/** What a scenario refers to: its participants (or the objects its changes name) and its samenwerking. */
export function scenarioReferences(input: ScenarioVorm): Reference[] {
  const samenwerking = input.samenwerkingId
    ? [{ name: 'samenwerkingId', objecttype: 'samenwerking' as const, id: input.samenwerkingId }]
    : []
  if (isImpact(input)) return [...samenwerking, ...impactReferences(input.invoer)]
  return [
    ...samenwerking,
    ...input.invoer.deelnemers.map((d, i) => ({
      name: `invoer.deelnemers[${i}].organisatieId`,
      objecttype: 'organisatie' as const,
      id: d.organisatieId,
    })),
  ]
}

/** A beheerder or regisseur of any participant (or, for an impact scenario, of an organisation it names) may change it. */
export function scenarioVerantwoordelijken(input: Partial<ScenarioVorm>): Verantwoordelijken {
  if (isImpact(input)) return impactVerantwoordelijken(input.invoer ?? {})
  const invoer = input.invoer as Partial<BusinesscaseInvoer> | undefined
  return { organisatieIds: (invoer?.deelnemers ?? []).map((d) => d.organisatieId.toLowerCase()) }
}

/** The organisations a scenario is about: who sees it (the stored deelnemer_ids). */
export function scenarioOrganisaties(input: Partial<ScenarioVorm>): string[] {
  if (isImpact(input)) return input.invoer ? impactOrganisaties(input.invoer) : []
  const invoer = input.invoer as Partial<BusinesscaseInvoer> | undefined
  return (invoer?.deelnemers ?? []).map((d) => d.organisatieId.toLowerCase())
}
