// A probe's answer before the clock is read: voerUit adds duurMs, so every probe
// measures the same span (from the start of DNS to the last byte or the failure).

import type { Message } from '../../domain/errors.js'
import type { Uitkomst, UitkomstDetails, UitkomstSoort } from '../typen.js'

export type Resultaat = Omit<Uitkomst, 'duurMs'>

export const fout = (soort: UitkomstSoort, reden: Message, details?: UitkomstDetails): Resultaat => ({
  geslaagd: false,
  soort,
  reden,
  ...(details ? { details } : {}),
})

export const geslaagd = (reden: Message, details?: UitkomstDetails): Resultaat => ({
  geslaagd: true,
  soort: 'geslaagd',
  reden,
  ...(details ? { details } : {}),
})
