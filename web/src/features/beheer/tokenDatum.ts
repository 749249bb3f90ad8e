// The expiry of a new API token is picked as a calendar day; the API wants a moment
// at most a year ahead. The token lasts until the end of the chosen day.

const dag = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`

export function datumOver(dagen: number, vanaf = new Date()): string {
  return dag(new Date(vanaf.getFullYear(), vanaf.getMonth(), vanaf.getDate() + dagen))
}

/** 365 days, not 366: the end of that day is still within the API's limit. */
export const MAX_DAGEN = 365
export const STANDAARD_DAGEN = 90

export function eindeVanDag(datum: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(datum)
  if (!m) return undefined
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59).toISOString()
}
