// The rules of an edit conflict (412), apart from how it looks. Three versions of a
// form's values: `basis`, the version the person started from; `mijn`, what the person
// has now; `ander`, what someone else saved in between. Per field: does mine differ from
// theirs, and who changed it against the basis. The person keeps what they changed
// themselves; a field they left alone takes the other person's value, so saving never
// silently undoes someone else's work. Pure functions, tested in conflict-logica.test.ts.

import { zelfdeWaarde } from '../../../src/domain/zelfde-waarde'

export type Keuze = 'mijn' | 'ander'
export type Kant = 'basis' | 'mijn' | 'ander'

export interface Veldstaat {
  sleutel: string
  /** Mine and theirs differ: the person chooses. */
  verschilt: boolean
  /** The person changed this field against the version they started from. */
  doorMij: boolean
  /** The other person changed it against that version. */
  doorAnder: boolean
}

/** Each field's state; `waarde` gives the comparable value of a field in one of the three versions. */
export function vergelijk(sleutels: readonly string[], waarde: (kant: Kant, sleutel: string) => unknown): Veldstaat[] {
  return sleutels.map((sleutel) => {
    const basis = waarde('basis', sleutel)
    const mijn = waarde('mijn', sleutel)
    const ander = waarde('ander', sleutel)
    return { sleutel, verschilt: !zelfdeWaarde(mijn, ander), doorMij: !zelfdeWaarde(mijn, basis), doorAnder: !zelfdeWaarde(ander, basis) }
  })
}

/** The starting choice per differing field: mine where I changed it, theirs where I did not. */
export function beginKeuzes(staten: readonly Veldstaat[]): Record<string, Keuze> {
  return Object.fromEntries(staten.filter((s) => s.verschilt).map((s) => [s.sleutel, s.doorMij ? 'mijn' : 'ander']))
}

/** Mine, with theirs in every field where the choice is theirs. */
export function samenvoegen<C extends object>(mijn: C, ander: C, keuzes: Record<string, Keuze>): C {
  const uit = { ...mijn } as Record<string, unknown>
  for (const [sleutel, keuze] of Object.entries(keuzes)) if (keuze === 'ander') uit[sleutel] = (ander as Record<string, unknown>)[sleutel]
  return uit as C
}
