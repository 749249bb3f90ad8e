import { type InvalidParam, msg } from './errors.js'
import type { Taal } from './taal.js'

// Which samenwerking a koppeling belongs to (issue 20.4). The landschap of a samenwerking
// and its page show the koppelingen that belong to it; a koppeling that belongs to none
// shows in no cooperation. Its samenwerking is, in this order:
//   1. the one chosen (`samenwerkingId`), which may not contradict its gastheerschap's;
//   2. the samenwerking of the gastheerschap it serves — a gastheerschap outside any
//      samenwerking leaves the koppeling outside too (it is the koppeling's stated context);
//   3. without gastheerschap, derived from its applicaties: the samenwerkingen in which every applicatie end
//      (bron, doel; a landelijke voorziening does not count) is used by a confirmed lid.
//      One such samenwerking is taken; several need a choice; none leaves it without.

export interface SamenwerkingMetLeden {
  id: string
  naam: string
  /** Confirmed leden: only they share anything. */
  leden: readonly string[]
}

export interface KoppelingVoorSamenwerking {
  samenwerkingId?: string
  /** Whether it serves a gastheerschap. */
  heeftGastheerschap?: boolean
  /** The samenwerking of the gastheerschap it serves, if any. */
  gastheerschapSamenwerkingId?: string
  /** The organisations using each applicatie end (bron, doel); voorziening ends are left out. */
  eindGebruikers: readonly (readonly string[])[]
}

export type KoppelingSamenwerking =
  | { uitkomst: 'gekozen' | 'gastheerschap' | 'afgeleid'; samenwerkingId: string }
  | { uitkomst: 'strijdig'; samenwerkingId: string; gastheerschapSamenwerkingId: string }
  | { uitkomst: 'kiezen'; kandidaten: string[] }
  | { uitkomst: 'geen' }

/** The samenwerkingen in which every applicatie end is used by a lid, in the given order. */
export function kandidaatSamenwerkingen(
  eindGebruikers: readonly (readonly string[])[],
  samenwerkingen: readonly SamenwerkingMetLeden[],
): string[] {
  if (eindGebruikers.length === 0) return []
  return samenwerkingen
    .filter((s) => {
      const leden = new Set(s.leden)
      return eindGebruikers.every((gebruikers) => gebruikers.some((o) => leden.has(o)))
    })
    .map((s) => s.id)
}

export function samenwerkingVanKoppeling(
  k: KoppelingVoorSamenwerking,
  samenwerkingen: readonly SamenwerkingMetLeden[],
): KoppelingSamenwerking {
  const gh = k.gastheerschapSamenwerkingId
  if (k.samenwerkingId) {
    if (gh && gh.toLowerCase() !== k.samenwerkingId.toLowerCase())
      return { uitkomst: 'strijdig', samenwerkingId: k.samenwerkingId, gastheerschapSamenwerkingId: gh }
    return { uitkomst: 'gekozen', samenwerkingId: k.samenwerkingId }
  }
  if (gh) return { uitkomst: 'gastheerschap', samenwerkingId: gh }
  if (k.heeftGastheerschap) return { uitkomst: 'geen' }
  const kandidaten = kandidaatSamenwerkingen(k.eindGebruikers, samenwerkingen)
  if (kandidaten.length === 1) return { uitkomst: 'afgeleid', samenwerkingId: kandidaten[0] as string }
  if (kandidaten.length > 1) return { uitkomst: 'kiezen', kandidaten }
  return { uitkomst: 'geen' }
}

/** The samenwerking to store: chosen, from the gastheerschap, or derived; undefined when there is none or a choice is needed. */
export function opTeSlaanSamenwerking(u: KoppelingSamenwerking): string | undefined {
  return u.uitkomst === 'gekozen' || u.uitkomst === 'gastheerschap' || u.uitkomst === 'afgeleid' ? u.samenwerkingId : undefined
}

/** What refuses a write: a choice that is needed, or one that contradicts the gastheerschap. */
export function samenwerkingFouten(u: KoppelingSamenwerking, naam: (id: string) => string): InvalidParam[] {
  if (u.uitkomst === 'kiezen') {
    const namen = u.kandidaten.map(naam).join(', ')
    return [
      {
        name: 'samenwerkingId',
        code: 'samenwerking-kiezen',
        reason: msg(
          `Kies de samenwerking van deze koppeling: de applicaties worden gebruikt door leden van ${namen}.`,
          `Choose the cooperation of this data link: the applications are used by members of ${namen}.`,
        ),
      },
    ]
  }
  if (u.uitkomst === 'strijdig') {
    const gh = naam(u.gastheerschapSamenwerkingId)
    return [
      {
        name: 'samenwerkingId',
        code: 'andere-samenwerking',
        reason: msg(
          `Het gastheerschap van deze koppeling hoort bij ${gh}; kies die samenwerking of laat het veld leeg.`,
          `The hosting arrangement of this data link belongs to ${gh}; choose that cooperation or leave the field empty.`,
        ),
      },
    ]
  }
  return []
}

export const WAARSCHUWING_GEEN_SAMENWERKING = 'geen-samenwerking'

export interface Waarschuwing {
  code: string
  melding: string
}

const GEEN_SAMENWERKING = msg(
  'Deze koppeling hoort bij geen samenwerking: zij verschijnt in geen enkel samenwerkingslandschap. Kies een samenwerking of een gastheerschap binnen een samenwerking.',
  'This data link belongs to no cooperation: it appears in no cooperation’s landscape. Choose a cooperation, or a hosting arrangement within a cooperation.',
)

/**
 * Warnings about a stored koppeling that do not refuse it, in the caller's language: one
 * that belongs to no samenwerking shows in no cooperation.
 */
export function koppelingWaarschuwingen(k: { samenwerkingId?: string }, taal: Taal): Waarschuwing[] {
  if (k.samenwerkingId) return []
  return [{ code: WAARSCHUWING_GEEN_SAMENWERKING, melding: GEEN_SAMENWERKING[taal] }]
}
