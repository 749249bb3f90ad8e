import { type InvalidParam, type Message, msg } from '../errors.js'
import type { ControleToestand } from './storingen.js'
import { type Tijdstip, WERKINGSSTATUSSEN, type Werkingsstatus } from './typen.js'

// A koppeling's working state from its controles, with a person's override on top.
//
// Every controle of a koppeling checks something the koppeling needs (the endpoint, its
// certificate, the SFTP port), so one open storing makes the koppeling 'storing'. A
// controle whose last meting failed but has not reached N yet makes it 'verstoord'. A
// controle without metingen, or whose last meting is older than it may be (the scheduler
// stopped), says nothing; if no controle says anything the state is 'onbekend' — never
// 'werkt' for lack of evidence. An open storing counts however old its last meting is:
// only a success closes it.

export interface ControleStand {
  toestand: ControleToestand
  /** After how long without a meting this controle no longer counts (e.g. 3 × its interval). */
  verouderdNaMs?: number
}

export interface HandmatigeStatus {
  status: Werkingsstatus
  /** Why a person overrides what is measured; required, and shown with the status. */
  reden: string
  /** The override ends here (absent: until someone removes it). */
  tot?: Tijdstip
}

export interface KoppelingWerking {
  /** What to show: the override while it holds, else the measured state. */
  status: Werkingsstatus
  /** What the metingen say, also while overridden, so the difference stays visible. */
  gemeten: Werkingsstatus
  bron: 'metingen' | 'handmatig'
  /** The override's reason, while it holds. */
  reden?: string
  uitleg: Message
}

export function statusVanKoppeling(
  controles: readonly ControleStand[],
  opties: { nu: Tijdstip; handmatig?: HandmatigeStatus },
): KoppelingWerking {
  const { nu, handmatig } = opties
  let storing = 0
  let verstoord = 0
  let werkt = 0
  for (const { toestand, verouderdNaMs } of controles) {
    if (toestand.storing) storing++
    else if (toestand.laatsteTijdstip === undefined || (verouderdNaMs !== undefined && nu - toestand.laatsteTijdstip > verouderdNaMs))
      continue
    else if (toestand.laatsteGeslaagd) werkt++
    else verstoord++
  }
  const gemeten: Werkingsstatus = storing > 0 ? 'storing' : verstoord > 0 ? 'verstoord' : werkt > 0 ? 'werkt' : 'onbekend'
  const totaal = controles.length
  const uitleg = gemetenUitleg(gemeten, { storing, verstoord, werkt, totaal })
  if (handmatig && (handmatig.tot === undefined || nu < handmatig.tot))
    return {
      status: handmatig.status,
      gemeten,
      bron: 'handmatig',
      reden: handmatig.reden,
      uitleg: msg(
        `Handmatig op '${handmatig.status}' gezet: ${handmatig.reden}. Gemeten: ${uitleg.nl}`,
        `Set to '${handmatig.status}' by hand: ${handmatig.reden}. Measured: ${uitleg.en}`,
      ),
    }
  return { status: gemeten, gemeten, bron: 'metingen', uitleg }
}

function gemetenUitleg(status: Werkingsstatus, n: { storing: number; verstoord: number; werkt: number; totaal: number }): Message {
  switch (status) {
    case 'storing':
      return msg(`${n.storing} van ${n.totaal} controles hebben een storing.`, `${n.storing} of ${n.totaal} checks have an open incident.`)
    case 'verstoord':
      return msg(
        `${n.verstoord} van ${n.totaal} controles mislukten bij de laatste meting.`,
        `${n.verstoord} of ${n.totaal} checks failed their last measurement.`,
      )
    case 'werkt':
      return msg(`${n.werkt} van ${n.totaal} controles slagen.`, `${n.werkt} of ${n.totaal} checks pass.`)
    case 'onbekend':
      return n.totaal === 0
        ? msg('Deze koppeling heeft geen controles.', 'This data link has no checks.')
        : msg('Geen recente metingen.', 'No recent measurements.')
  }
}

/** The override's own rules, each broken one as a field error. */
export function controleerHandmatig(h: HandmatigeStatus, nu: Tijdstip): InvalidParam[] {
  const fouten: InvalidParam[] = []
  if (!(WERKINGSSTATUSSEN as readonly string[]).includes(h.status))
    fouten.push({
      name: 'status',
      code: 'onbekende-waarde',
      reason: msg(`Kies een van: ${WERKINGSSTATUSSEN.join(', ')}.`, `Choose one of: ${WERKINGSSTATUSSEN.join(', ')}.`),
    })
  if (h.reden.trim() === '')
    fouten.push({
      name: 'reden',
      code: 'verplicht',
      reason: msg(
        'Geef een reden: wie de status later ziet, moet weten waarom die niet gemeten is.',
        'Give a reason: whoever sees the status later must know why it is not measured.',
      ),
    })
  if (h.tot !== undefined && h.tot <= nu)
    fouten.push({ name: 'tot', code: 'in-verleden', reason: msg('Het einde ligt niet in de toekomst.', 'The end is not in the future.') })
  return fouten
}
