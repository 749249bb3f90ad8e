// How one send ended before the clock is read: index.ts adds duurMs.

import type { Message } from '../../domain/errors.js'

export type Afloop = { geslaagd: true } | { geslaagd: false; tijdelijk: boolean; reden: Message }

export const gelukt: Afloop = { geslaagd: true }
export const tijdelijkeFout = (reden: Message): Afloop => ({ geslaagd: false, tijdelijk: true, reden })
export const blijvendeFout = (reden: Message): Afloop => ({ geslaagd: false, tijdelijk: false, reden })
