import { Table, TableCaption, TableCell, TableHeaderCell } from '@rijkshuisstijl-community/components-react'
import type { ReactNode } from 'react'
import { currentLanguage } from '../../i18n'
import { formatBedrag } from '../../i18n/format'

// Small pieces both report pages use.

export type { Benchmark, Transparantieverslag } from '../../../../src/schemas/rapportage'

/** A text the API gives in both languages, in the UI's language. */
export const tekst = (m: { nl: string; en: string } | undefined): string => (m ? m[currentLanguage()] : '')

export function Bedrag({ centen }: { centen: number | null | undefined }) {
  return <TableCell className="rk-rapport__getal">{centen === null || centen === undefined ? '—' : formatBedrag(centen)}</TableCell>
}

export function Getal({ children }: { children: ReactNode }) {
  return <TableCell className="rk-rapport__getal">{children}</TableCell>
}

export function formatPercentage(p: number | null | undefined): string {
  if (p === null || p === undefined) return '—'
  const s = new Intl.NumberFormat(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(p)
  return `${s}%`
}

/** The last full calendar year: the default report year. */
export const vorigJaar = () => new Date().getFullYear() - 1

/**
 * A table's horizontal scroll box. It can scroll on narrow screens, so it is a labelled
 * region that keyboard users can focus and scroll (WCAG 2.1.1).
 */
export function TabelVak({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="rk-table-wrap" tabIndex={0} aria-label={label}>
      {children}
    </section>
  )
}

/** A report table: scrollable region, table and caption under one name. */
export function RapportTabel({ caption, children, compact }: { caption: string; children: ReactNode; compact?: boolean }) {
  return (
    <TabelVak label={caption}>
      <Table className={compact ? 'rk-rapport__compact' : undefined}>
        <TableCaption>{caption}</TableCaption>
        {children}
      </Table>
    </TabelVak>
  )
}

/** A column header over amounts or percentages (right-aligned). */
export function GetalKop({ children }: { children: ReactNode }) {
  return (
    <TableHeaderCell scope="col" className="rk-rapport__getal">
      {children}
    </TableHeaderCell>
  )
}
