// When the outbox tries a failed notification again: exponential steps with jitter, so a
// receiver that was down for everyone is not hit by every waiting notification at once.
// Pure: the random source is a parameter (tests pin it).

/** Waits after the 1st, 2nd, … failed attempt: 30 s, 2 min, 10 min, 30 min, 2 h; then give up. */
export const WACHTTIJDEN_MS: readonly number[] = [30_000, 120_000, 600_000, 1_800_000, 7_200_000]
/** The first attempt plus one per wait. */
export const MAX_POGINGEN = WACHTTIJDEN_MS.length + 1
/** Each wait is stretched or shortened by up to this share. */
export const JITTER = 0.2

/**
 * `pogingen`: attempts made so far (all failed). Returns when to try next (epoch ms), or
 * undefined when the last attempt was made. `willekeur` returns a number in [0, 1).
 */
export function volgendePoging(pogingen: number, nu: number, willekeur: () => number = Math.random): number | undefined {
  if (!Number.isInteger(pogingen) || pogingen < 0) return undefined
  if (pogingen === 0) return nu
  const basis = WACHTTIJDEN_MS[pogingen - 1]
  if (basis === undefined) return undefined
  const r = Math.min(Math.max(willekeur(), 0), 1)
  return nu + Math.round(basis * (1 - JITTER + 2 * JITTER * r))
}
