// "Now" as a parameter: services whose outcome depends on the moment (a declaratie's
// definitief moment and year, a betaaldatum not in the future, later trust expiry and
// monitoring) take a Klok, so a test can set the moment instead of waiting for it.
// Named in Dutch like the rest of domain/: the moment is domain data (it ends up in the
// declaratie and in the audit log), not machinery such as ChangeFeed or write().

export interface Klok {
  /** The current moment. */
  nu(): Date
}

/** The computer's clock: what every service uses unless a test gives another. */
export const systeemklok: Klok = { nu: () => new Date() }

/** A clock that stands still at `moment` (for tests and replays). */
export function vasteKlok(moment: Date | string): Klok {
  const vast = new Date(moment)
  return { nu: () => new Date(vast) }
}
