import { type InvalidParam, type Message, msg } from './errors.js'
import { leesPeriode, overlapt, periodeProbleem } from './periode.js'
import type { Reference } from './registry-rules.js'
import type { KostenpostInvoer, MaatstafwaardeInvoer, ReferentiewaardeInvoer, VerdeelsleutelInvoer } from './typen/kosten.js'
import { controleerVerdeelsleutel, type EnkeleRegel, kiesVersie, type Regel, type Verdeelsleutel } from './verdeling/index.js'

// Rules for cost data that a JSON Schema cannot express. The pure ones take the input
// alone; the `…InContext` ones take what the database knows (participants, dates, the
// key) as plain data, so they are tested here and merely fed by the service.

const invalid = (name: string, code: string, reason: Message): InvalidParam => ({ name, code, reason })
const ref = (name: string, objecttype: Reference['objecttype'], id: string | undefined): Reference[] =>
  id ? [{ name, objecttype, id }] : []

/** Organisations a rule names, with the path of the field that names them. */
export function organisatiesInRegel(regel: Regel, pad: string): { name: string; id: string }[] {
  const enkel = (r: EnkeleRegel, p: string): { name: string; id: string }[] => {
    if (r.soort === 'vast percentage')
      return r.percentages.map((x, i) => ({ name: `${p}.percentages[${i}].deelnemerId`, id: x.deelnemerId }))
    if (r.soort === 'volledig afnemer') return [{ name: `${p}.deelnemerId`, id: r.deelnemerId }]
    return []
  }
  if (regel.soort === 'mix') return regel.componenten.flatMap((c, i) => enkel(c.regel, `${pad}.componenten[${i}].regel`))
  return enkel(regel, pad)
}

export function verdeelsleutelRules(input: VerdeelsleutelInvoer): InvalidParam[] {
  const errors: InvalidParam[] = []
  if (input.samenwerkingId && input.gastheerschapId) {
    errors.push(
      invalid(
        'gastheerschapId',
        'een-van-beide',
        msg('Geef een samenwerking óf een gastheerschap, niet allebei.', 'Give a cooperation or a hosting arrangement, not both.'),
      ),
    )
  }
  const sleutel: Verdeelsleutel = { id: '', naam: input.naam, versies: input.versies }
  for (const e of controleerVerdeelsleutel(sleutel, 'x')) errors.push({ ...e, name: e.name.replace(/^x\./, '') })
  return errors
}

export function verdeelsleutelReferences(input: VerdeelsleutelInvoer): Reference[] {
  return [
    ...ref('samenwerkingId', 'samenwerking', input.samenwerkingId),
    ...ref('gastheerschapId', 'gastheerschap', input.gastheerschapId),
    ...input.versies.flatMap((v, i) =>
      organisatiesInRegel(v.regel, `versies[${i}].regel`).map((o) => ({ name: o.name, objecttype: 'organisatie' as const, id: o.id })),
    ),
  ]
}

/** A key bound to a samenwerking or gastheerschap names only its participants. */
export function verdeelsleutelInContext(input: VerdeelsleutelInvoer, deelnemersVanScope: ReadonlySet<string> | undefined): InvalidParam[] {
  if (!deelnemersVanScope) return []
  const scope = input.samenwerkingId ? msg('de samenwerking', 'the cooperation') : msg('het gastheerschap', 'the hosting arrangement')
  return input.versies
    .flatMap((v, i) => organisatiesInRegel(v.regel, `versies[${i}].regel`))
    .filter((o) => !deelnemersVanScope.has(o.id.toLowerCase()))
    .map((o) =>
      invalid(
        o.name,
        'geen-deelnemer',
        msg(`Organisatie ${o.id} neemt niet deel aan ${scope.nl}.`, `Organisation ${o.id} does not take part in ${scope.en}.`),
      ),
    )
}

export function kostenpostRules(input: KostenpostInvoer): InvalidParam[] {
  const errors: InvalidParam[] = []
  if (Boolean(input.gastheerschapId) === Boolean(input.samenwerkingId)) {
    errors.push(
      invalid(
        'gastheerschapId',
        'een-van-beide',
        msg(
          'Een kostenpost hoort bij een gastheerschap óf bij een samenwerking: geef precies één van beide.',
          'A cost item belongs to a hosting arrangement or to a cooperation: give exactly one of them.',
        ),
      ),
    )
  }
  if (input.begroting === undefined && input.realisatie === undefined) {
    errors.push(
      invalid(
        'realisatie',
        'verplicht',
        msg('Geef een begroting, een realisatie of allebei.', 'Give a budget (begroting), an actual (realisatie) or both.'),
      ),
    )
  }
  const p = periodeProbleem('periode', input.periode)
  if (p) errors.push(p)
  return errors
}

export function kostenpostReferences(input: KostenpostInvoer): Reference[] {
  return [
    ...ref('gastheerschapId', 'gastheerschap', input.gastheerschapId),
    ...ref('samenwerkingId', 'samenwerking', input.samenwerkingId),
    ...ref('gemaaktDoorId', 'organisatie', input.gemaaktDoorId),
    ...ref('applicatieId', 'applicatie', input.applicatieId),
    ...ref('verdeelsleutelId', 'verdeelsleutel', input.verdeelsleutelId),
  ]
}

/** What the database tells about the gastheerschap or samenwerking a kostenpost belongs to. */
export interface KostenpostContext {
  /** Start and end dates of the gastheerschap or samenwerking (end may be open). */
  startdatum: string | null
  einddatum: string | null
  /** The samenwerking the post falls under: its own, or its gastheerschap's. */
  samenwerkingId: string | null
  /** Who shares the cost in the post's period: gastheer and afnemers, or the members then. */
  deelnemers: ReadonlySet<string>
  sleutel: Verdeelsleutel & { samenwerkingId: string | null; gastheerschapId: string | null }
}

export function kostenpostInContext(input: KostenpostInvoer, ctx: KostenpostContext): InvalidParam[] {
  const periode = leesPeriode(input.periode)
  if (!periode) return []
  const wat = input.gastheerschapId ? msg('het gastheerschap', 'the hosting arrangement') : msg('de samenwerking', 'the cooperation')
  // Who takes part and which key version applies follow from the period: no errors
  // that only repeat this one.
  if (!overlapt(periode, ctx.startdatum, ctx.einddatum)) return [buitenLooptijd(input.periode, ctx, wat)]
  return [
    ...makerDoetNietMee(input, ctx, wat),
    ...sleutelVanAndereScope(input, ctx),
    ...sleutelVersieVoorJaar(input, periode.jaar, ctx, wat),
  ]
}

function buitenLooptijd(periode: string, ctx: KostenpostContext, wat: Message): InvalidParam {
  const looptijd = `${ctx.startdatum ?? '…'} – ${ctx.einddatum ?? '…'}`
  return invalid(
    'periode',
    'buiten-looptijd',
    msg(
      `Periode ${periode} valt buiten de looptijd van ${wat.nl} (${looptijd}).`,
      `Period ${periode} lies outside the term of ${wat.en} (${looptijd}).`,
    ),
  )
}

function makerDoetNietMee(input: KostenpostInvoer, ctx: KostenpostContext, wat: Message): InvalidParam[] {
  if (!input.gemaaktDoorId || ctx.deelnemers.has(input.gemaaktDoorId.toLowerCase())) return []
  return [
    invalid(
      'gemaaktDoorId',
      'geen-deelnemer',
      msg(
        `Alleen een deelnemer van ${wat.nl} kan de kosten maken en declareren.`,
        `Only a participant of ${wat.en} can incur and declare the costs.`,
      ),
    ),
  ]
}

/** A key of a samenwerking serves its own posts and those of its gastheerschappen; a key of a gastheerschap only its own. */
function sleutelVanAndereScope(input: KostenpostInvoer, ctx: KostenpostContext): InvalidParam[] {
  const s = ctx.sleutel
  const verkeerdeScope =
    (s.samenwerkingId !== null && s.samenwerkingId !== ctx.samenwerkingId?.toLowerCase()) ||
    (s.gastheerschapId !== null && s.gastheerschapId !== (input.gastheerschapId ?? '').toLowerCase())
  if (!verkeerdeScope) return []
  return [
    invalid(
      'verdeelsleutelId',
      'andere-scope',
      msg(
        `Verdeelsleutel '${s.naam}' hoort bij een andere samenwerking of een ander gastheerschap.`,
        `Allocation key '${s.naam}' belongs to another cooperation or hosting arrangement.`,
      ),
    ),
  ]
}

/** The key has a version for the post's year, and that version names only organisations taking part. */
function sleutelVersieVoorJaar(input: KostenpostInvoer, jaar: number, ctx: KostenpostContext, wat: Message): InvalidParam[] {
  const s = ctx.sleutel
  const versie = kiesVersie(s, jaar)
  if (!versie) {
    return [
      invalid(
        'verdeelsleutelId',
        'geen-geldige-versie',
        msg(
          `Verdeelsleutel '${s.naam}' heeft geen versie die geldt in ${jaar}.`,
          `Allocation key '${s.naam}' has no version valid in ${jaar}.`,
        ),
      ),
    ]
  }
  return organisatiesInRegel(versie.versie.regel, 'regel')
    .filter((o) => !ctx.deelnemers.has(o.id.toLowerCase()))
    .map((o) =>
      invalid(
        'verdeelsleutelId',
        'geen-deelnemer',
        msg(
          `Verdeelsleutel '${s.naam}' noemt organisatie ${o.id}, die in ${input.periode} niet deelneemt aan ${wat.nl}.`,
          `Allocation key '${s.naam}' names organisation ${o.id}, which does not take part in ${wat.en} in ${input.periode}.`,
        ),
      ),
    )
}

export function maatstafwaardeReferences(input: MaatstafwaardeInvoer): Reference[] {
  return ref('organisatieId', 'organisatie', input.organisatieId)
}

export function referentiewaardeRules(input: ReferentiewaardeInvoer): InvalidParam[] {
  if (input.kostenPerInwoner === undefined && input.kostenPerWerkplek === undefined) {
    return [
      invalid(
        'kostenPerInwoner',
        'verplicht',
        msg('Geef kosten per inwoner, per werkplek of allebei.', 'Give costs per inhabitant, per workplace or both.'),
      ),
    ]
  }
  return []
}
