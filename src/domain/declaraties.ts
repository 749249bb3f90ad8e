import type { BtwRegime } from './betaling.js'
import { AppError, conflict, type InvalidParam, msg } from './errors.js'
import type { Afronding, Berekeningsstap, Breuk, Verdeling } from './verdeling/types.js'
import type { DeclaratieSoort, DeclaratieStatus } from './vocabulary.js'

// Declaraties as pure rules: which lines a sender declares to which recipient for a
// period (taken from the allocation engine, never recomputed), the forward-only status
// machine, the numbering, and the difference lines of a correction. No I/O here.

/** One line: one kostenpost, this recipient's part of it, and how that part was computed. */
export interface DeclaratieRegel {
  kostenpostId: string
  omschrijving: string
  periode: string
  soort: string
  categorie: string
  grondslag: 'realisatie' | 'begroting'
  /** The whole kostenpost in cents (the amount the key allocated). */
  kostenpostBedrag: number
  sleutel: { id: string; naam: string; geldigVanaf: number }
  /** This recipient's part in cents; in a correction: the difference with what was declared before. */
  bedrag: number
  fractie: Breuk
  exactBedrag: Breuk
  restcent: boolean
  stappen: Berekeningsstap[]
  /** How the post's rest cents went and by which order (absent in lines stored before it was recorded). */
  afronding?: Afronding
  /** Correction lines only: the recipient's part as declared before (original plus earlier corrections). */
  eerderGedeclareerd?: number
  /** Correction lines only: the recipient's part now. */
  nieuwBedrag?: number
  /** Whether the post's amounts include BTW, copied from the kostenpost; absent in lines stored before it was recorded (then: geen). */
  btw?: BtwRegime
}

/** A kostenpost allocated by the engine, as declaraties need it. */
export interface VerdeeldePost {
  post: { id: string; omschrijving: string; periode: string; soort: string; categorie: string; gemaaktDoorId: string; btw?: BtwRegime }
  grondslag: 'realisatie' | 'begroting'
  verdeling: Verdeling
}

export interface Paar {
  vanId: string
  aanId: string
  regels: DeclaratieRegel[]
  totaal: number
}

const som = (regels: { bedrag: number }[]) => regels.reduce((s, r) => s + r.bedrag, 0)

/** The line of one participant's part of one allocated post. */
export function regelVan(p: VerdeeldePost, deelnemerId: string): DeclaratieRegel | undefined {
  const deel = p.verdeling.delen.find((d) => d.deelnemerId === deelnemerId)
  if (!deel) return undefined
  return {
    kostenpostId: p.post.id,
    omschrijving: p.post.omschrijving,
    periode: p.post.periode,
    soort: p.post.soort,
    categorie: p.post.categorie,
    grondslag: p.grondslag,
    kostenpostBedrag: p.verdeling.bedrag,
    sleutel: { ...p.verdeling.sleutel },
    bedrag: deel.bedrag,
    fractie: deel.fractie,
    exactBedrag: deel.exactBedrag,
    restcent: deel.restcent,
    stappen: deel.stappen,
    afronding: p.verdeling.afronding,
    btw: p.post.btw ?? 'geen',
  }
}

/**
 * One pair per (maker of the costs, other participant with a part > 0), with that
 * participant's lines in the order of the posts. Pairs come sorted by van, then aan.
 */
export function groepeerPerPaar(posten: VerdeeldePost[]): Paar[] {
  const paren = new Map<string, Paar>()
  for (const p of posten) {
    const van = p.post.gemaaktDoorId
    for (const deel of p.verdeling.delen) {
      if (deel.deelnemerId === van || deel.bedrag <= 0) continue
      const key = `${van}|${deel.deelnemerId}`
      let paar = paren.get(key)
      if (!paar) {
        paar = { vanId: van, aanId: deel.deelnemerId, regels: [], totaal: 0 }
        paren.set(key, paar)
      }
      const regel = regelVan(p, deel.deelnemerId)
      if (regel) paar.regels.push(regel)
    }
  }
  const out = [...paren.values()]
  for (const p of out) p.totaal = som(p.regels)
  return out.sort((a, b) => (a.vanId === b.vanId ? a.aanId.localeCompare(b.aanId) : a.vanId.localeCompare(b.vanId)))
}

// ---- Status machine -------------------------------------------------------------

export type Overgang = 'definitief-maken' | 'verzenden' | 'betaald-melden'
export type DeclaratieActie = 'wijzigen' | 'verwijderen' | Overgang | 'corrigeren'

const VAN_NAAR: Record<Overgang, { van: DeclaratieStatus; naar: DeclaratieStatus }> = {
  'definitief-maken': { van: 'concept', naar: 'definitief' },
  verzenden: { van: 'definitief', naar: 'verzonden' },
  'betaald-melden': { van: 'verzonden', naar: 'betaald' },
}

const STATUS_NAAM: Record<DeclaratieStatus, { nl: string; en: string }> = {
  concept: { nl: 'concept', en: 'draft' },
  definitief: { nl: 'definitief', en: 'final' },
  verzonden: { nl: 'verzonden', en: 'sent' },
  betaald: { nl: 'betaald', en: 'paid' },
}

/** The status after a transition, or a 409 naming the current status. */
export function volgendeStatus(huidig: DeclaratieStatus, overgang: Overgang): DeclaratieStatus | AppError {
  const { van, naar } = VAN_NAAR[overgang]
  if (huidig === van) return naar
  const s = STATUS_NAAM[huidig]
  return new AppError(
    'conflict',
    409,
    msg('Statusovergang niet mogelijk', 'Status transition not possible'),
    msg(
      `Deze declaratie heeft status ${s.nl}; "${overgang}" kan alleen vanuit status ${STATUS_NAAM[van].nl} (volgorde: concept → definitief → verzonden → betaald).`,
      `This declaration has status ${s.en}; "${overgang}" is only possible from status ${STATUS_NAAM[van].en} (order: draft → final → sent → paid).`,
    ),
  )
}

/** 409 for editing or deleting a declaratie that left concept. */
export function nietMeerWijzigbaar(status: DeclaratieStatus, nummer: string | null, wat: 'wijzigen' | 'verwijderen'): AppError {
  return conflict(
    msg(
      `Declaratie ${nummer ?? ''} heeft status ${STATUS_NAAM[status].nl} en is onveranderlijk: alleen een concept kan worden ${wat === 'wijzigen' ? 'gewijzigd' : 'verwijderd'}. Maak een correctiedeclaratie.`,
      `Declaration ${nummer ?? ''} has status ${STATUS_NAAM[status].en} and is immutable: only a draft can be ${wat === 'wijzigen' ? 'changed' : 'deleted'}. Make a correction declaration.`,
    ),
  )
}

/** What may be done with a declaratie in this status, by someone who may write for its sender. */
export function toegestaneActies(d: { status: DeclaratieStatus; soort: DeclaratieSoort }, magSchrijven: boolean): DeclaratieActie[] {
  if (!magSchrijven) return []
  switch (d.status) {
    case 'concept':
      return ['wijzigen', 'definitief-maken', 'verwijderen']
    case 'definitief':
      return d.soort === 'declaratie' ? ['verzenden', 'corrigeren'] : ['verzenden']
    case 'verzonden':
      return d.soort === 'declaratie' ? ['betaald-melden', 'corrigeren'] : ['betaald-melden']
    case 'betaald':
      return d.soort === 'declaratie' ? ['corrigeren'] : []
  }
}

// ---- Numbering ---------------------------------------------------------------------

const NUMMER = /^(\d{4})-(\d{4,})$/

/**
 * The next number of a sender in a year: `<jaar>-<volgnummer, 4 digits>`, one more than
 * the highest it used that year, so numbers run without gaps (numbers are never freed:
 * a declaratie with a number can no longer be deleted).
 */
export function volgendNummer(jaar: number, bestaande: readonly (string | null)[]): string {
  let max = 0
  for (const n of bestaande) {
    const m = n ? NUMMER.exec(n) : null
    if (m && Number(m[1]) === jaar) max = Math.max(max, Number(m[2]))
  }
  return `${jaar}-${String(max + 1).padStart(4, '0')}`
}

/** The calendar year of a moment in Europe/Amsterdam. */
export function jaarInAmsterdam(moment: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(moment))
}

// ---- Corrections -----------------------------------------------------------------

/**
 * The lines of a correction: per kostenpost the recipient's part now minus what was
 * declared for it before (the original and its earlier corrections), only where it
 * differs. A post that no longer yields a part for the recipient gives minus the
 * earlier amount; a post new in the period gives its whole part.
 */
export function correctieRegels(nu: DeclaratieRegel[], eerder: DeclaratieRegel[][]): DeclaratieRegel[] {
  const voorheen = new Map<string, { bedrag: number; regel: DeclaratieRegel }>()
  for (const regels of eerder)
    for (const r of regels) {
      const v = voorheen.get(r.kostenpostId)
      voorheen.set(r.kostenpostId, { bedrag: (v?.bedrag ?? 0) + r.bedrag, regel: v?.regel ?? r })
    }
  const out: DeclaratieRegel[] = []
  const gezien = new Set<string>()
  for (const r of nu) {
    gezien.add(r.kostenpostId)
    const eerderBedrag = voorheen.get(r.kostenpostId)?.bedrag ?? 0
    if (r.bedrag !== eerderBedrag)
      out.push({ ...r, bedrag: r.bedrag - eerderBedrag, eerderGedeclareerd: eerderBedrag, nieuwBedrag: r.bedrag })
  }
  for (const [id, v] of voorheen) {
    if (gezien.has(id) || v.bedrag === 0) continue
    const { afronding: _vorige, ...regel } = v.regel
    out.push({
      ...regel,
      kostenpostBedrag: 0,
      bedrag: -v.bedrag,
      fractie: { teller: '0', noemer: '1' },
      exactBedrag: { teller: '0', noemer: '1' },
      restcent: false,
      stappen: [],
      eerderGedeclareerd: v.bedrag,
      nieuwBedrag: 0,
    })
  }
  return out
}

export const totaalVan = som

/** A correction as its original lists it. */
export interface Correctieverwijzing {
  id: string
  nummer: string | null
  status: DeclaratieStatus
  totaal: number
}

/**
 * What a declaratie asks after its corrections: its total plus the totals of the
 * corrections that left concept (a concept correction is not yet due).
 */
export function totaalNaCorrecties(totaal: number, correcties: readonly Correctieverwijzing[]): number {
  return correcties.reduce((s, c) => (c.status === 'concept' ? s : s + c.totaal), totaal)
}

export function geenVerschil(nummer: string | null): AppError {
  return conflict(
    msg(
      `Geen verschil: de huidige verdeling is gelijk aan wat met declaratie ${nummer ?? ''} (en eerdere correcties) is gedeclareerd.`,
      `No difference: the current allocation equals what was declared with declaration ${nummer ?? ''} (and earlier corrections).`,
    ),
  )
}

// ---- Input -------------------------------------------------------------------------

/** The date a payment was received: a real date, not in the future, not before the declaratie was sent. */
export function betaaldatumProblemen(datum: string, vandaag: string, verzondenOp: string | null): InvalidParam[] {
  if (datum > vandaag)
    return [
      {
        name: 'datum',
        code: 'in-de-toekomst',
        reason: msg('De betaaldatum ligt in de toekomst.', 'The payment date lies in the future.'),
      },
    ]
  if (verzondenOp && datum < verzondenOp)
    return [
      {
        name: 'datum',
        code: 'voor-verzending',
        reason: msg(
          `De betaaldatum ligt vóór de verzenddatum (${verzondenOp}).`,
          `The payment date lies before the date it was sent (${verzondenOp}).`,
        ),
      },
    ]
  return []
}

/** A calendar date (YYYY-MM-DD) of a moment in Europe/Amsterdam. */
export function datumInAmsterdam(moment: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    moment,
  )
}

/** `1.234,56` — euro cents the Dutch way, without the currency sign (a minus in front when negative). */
export function euroNl(centen: number): string {
  const neg = centen < 0
  const abs = Math.abs(centen)
  const euros = Math.floor(abs / 100)
  const cent = String(abs % 100).padStart(2, '0')
  const groepen = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return `${neg ? '-' : ''}${groepen},${cent}`
}

/** `€ 1.234,56` / `€ -12,00`. */
export const bedragNl = (centen: number) => `€ ${euroNl(centen)}`

/** A share as a Dutch percentage with up to 4 decimals, from an exact fraction. */
export function percentageNl(fractie: Breuk): string {
  const teller = BigInt(fractie.teller)
  const noemer = BigInt(fractie.noemer)
  if (noemer === 0n) return '0'
  // 4 decimals of a percentage, rounded half up.
  const schaal = 10n ** 6n
  const neg = teller < 0n
  const t = neg ? -teller : teller
  const x = (t * schaal * 2n + noemer) / (2n * noemer)
  const heel = x / 10n ** 4n
  let dec = String(x % 10n ** 4n)
    .padStart(4, '0')
    .replace(/0+$/, '')
  if (dec) dec = `,${dec}`
  return `${neg ? '-' : ''}${heel}${dec}`
}

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']

/** `22 november 2026` for a YYYY-MM-DD date. */
export function datumNl(datum: string): string {
  const [y, m, d] = datum.slice(0, 10).split('-').map(Number)
  return `${d} ${MAANDEN[(m ?? 1) - 1]} ${y}`
}
