// The API's session resources, named in this one place for the whole web client:
// the paths may change with the NL API Design Rules.

/** POST: sign in (opens a session and sets the session cookie). */
export const SESSIES = 'sessies'
/** DELETE: sign out (ends the current session on the server). */
export const HUIDIGE_SESSIE = 'sessies/huidige'
