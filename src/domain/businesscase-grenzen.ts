// The verdicts and limits of a business case, apart from its engine (businesscase.ts):
// the schema (src/schemas/scenario.ts), and through it the web UI's type check, needs
// these and not the engine.

export const OORDELEN = ['gaat erop vooruit', 'gaat er niet op vooruit'] as const
export type Oordeel = (typeof OORDELEN)[number]

export const HORIZON_MIN = 1
export const HORIZON_MAX = 30
/** Largest amount in one field: 10 billion euro, so sums over 50 participants and 31 years stay exact as JSON numbers. */
export const SCENARIO_BEDRAG_MAX = 1_000_000_000_000
export const SCENARIO_DEELNEMERS_MAX = 50
