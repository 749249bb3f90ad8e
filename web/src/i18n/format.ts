import { currentLanguage } from '.'

// Amounts and dates the Dutch way (`€ 1.234,56`, `22 november 2026`), or English
// when the user switched. Amounts are integer cents everywhere.

const locale = () => (currentLanguage() === 'en' ? 'en-GB' : 'nl-NL')

export function formatBedrag(centen: number): string {
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'EUR' }).format(centen / 100)
}

export function formatGetal(n: number): string {
  return new Intl.NumberFormat(locale()).format(n)
}

/** A calendar date (YYYY-MM-DD) as `22 november 2026`, without time-zone shifts. */
export function formatDatum(datum: string | undefined | null): string {
  if (!datum) return ''
  const [y, m, d] = datum.slice(0, 10).split('-').map(Number)
  if (!y || !m || !d) return datum
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  )
}

/** A moment as `22 november 2026 om 14:05`, in Dutch time wherever the browser is (DESIGN.md). */
export function formatTijdstip(tijdstip: string | undefined | null): string {
  if (!tijdstip) return ''
  const date = new Date(tijdstip)
  if (Number.isNaN(date.getTime())) return tijdstip
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(date)
}

/** A file size as a person reads it: `850 bytes`, `12,3 kB`, `1,2 MB` (1 kB = 1024 bytes, as the upload limit counts). */
export function formatGrootte(bytes: number): string {
  const getal = (n: number) => new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(n)
  if (bytes < 1024) return `${getal(bytes)} bytes`
  if (bytes < 1024 * 1024) return `${getal(bytes / 1024)} kB`
  return `${getal(bytes / (1024 * 1024))} MB`
}
