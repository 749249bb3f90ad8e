// A moment typed in a form (an <input type="datetime-local">: "2026-12-07T14:30") means
// Dutch time wherever the browser is; the API wants an instant with a time zone.

const deel = (d: Date) => {
  const p = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(d)
  const v = (t: string) => p.find((x) => x.type === t)?.value ?? '00'
  return `${v('year')}-${v('month')}-${v('day')}T${v('hour')}:${v('minute')}`
}

/** An instant (ISO 8601) as the wall-clock value of a datetime-local input in Europe/Amsterdam. */
export function naarInvoerTijd(iso: string | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? '' : deel(d)
}

/** A datetime-local value read as Europe/Amsterdam time, as ISO 8601 (UTC); undefined when it is no moment. */
export function vanInvoerTijd(waarde: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(waarde)
  if (!m) return undefined
  const [, j, mo, d, u, mi] = m.map(Number) as [number, number, number, number, number, number]
  const alsUtc = Date.UTC(j, mo - 1, d, u, mi)
  // The offset of Amsterdam at that moment (one or two hours); asked twice around a DST change.
  let t = alsUtc
  for (let i = 0; i < 2; i++) {
    const wand = deel(new Date(t))
    const [dj, dmo, dd, du, dmi] = wand.split(/[-T:]/).map(Number) as [number, number, number, number, number]
    t = alsUtc - (Date.UTC(dj, dmo - 1, dd, du, dmi) - t)
  }
  return new Date(t).toISOString()
}
