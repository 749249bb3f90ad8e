// The two languages Regiekamer answers in, and which of them a caller prefers. Dutch is
// the default: the API, the UI and the documents are Dutch unless English is asked for.

export const TALEN = ['nl', 'en'] as const
export type Taal = (typeof TALEN)[number]

/** Longer headers are cut here: no caller needs more to state a preference between two languages. */
const HEADER_MAX = 1000

/**
 * The language an Accept-Language header (RFC 9110, 12.5.4) prefers among Dutch and
 * English: the one with the higher quality (q), the earlier one on a tie; `en;q=0`
 * refuses English. A range that names neither language, or that cannot be read, states
 * no preference, so a header of only other languages or nonsense gives Dutch.
 */
export function voorkeurstaal(header: string | undefined): Taal {
  if (!header) return 'nl'
  let beste: { taal: Taal; q: number } | undefined
  for (const deel of header.slice(0, HEADER_MAX).split(',')) {
    const [bereik = '', ...parameters] = deel.split(';').map((s) => s.trim().toLowerCase())
    const taal = TALEN.find((t) => bereik === t || bereik.startsWith(`${t}-`))
    if (!taal) continue
    const qParameter = parameters.find((p) => p.startsWith('q='))
    const q = qParameter === undefined ? 1 : Number(qParameter.slice(2))
    if (!(q > 0 && q <= 1)) continue
    if (!beste || q > beste.q) beste = { taal, q }
  }
  return beste?.taal ?? 'nl'
}
