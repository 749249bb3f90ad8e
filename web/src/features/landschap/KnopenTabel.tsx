import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatGetal } from '../../i18n/format'
import { useWaardeLabel } from '../../i18n/waarden'
import type { Index, Landschap, Verbinding } from './model'

// The graph's text alternative: every node with its kind and the number of lines drawn at
// it, and every koppeling drawn (from, to, via, status), each with a button that opens the
// same details panel as a click in the graph. Both tables count what the graph draws
// (tekening.ts). Rendered only when opened, so 2 000 rows cost nothing until asked for.

function Knop({ label, onClick }: { label: string; onClick(): void }) {
  const { t } = useTranslation('landschap')
  return (
    <button type="button" className="rk-knoplink" aria-label={label} onClick={onClick}>
      {t('graaf.toon')}
    </button>
  )
}

/** A table behind a summary, rendered only once opened; the last column holds the "Toon" buttons. */
function UitklapTabel({
  summary,
  caption,
  koppen,
  children,
}: {
  summary: string
  caption: string
  koppen: ReactNode
  children: ReactNode
}) {
  const { t } = useTranslation('landschap')
  const [open, setOpen] = useState(false)
  return (
    <details className="rk-landschap__tabel" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open ? (
        <div className="rk-table-wrap">
          <Table>
            <TableCaption className="rk-visually-hidden">{caption}</TableCaption>
            <TableHeader>
              <TableRow>
                {koppen}
                <TableHeaderCell scope="col">
                  <span className="rk-visually-hidden">{t('graaf.toon')}</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>{children}</TableBody>
          </Table>
        </div>
      ) : null}
    </details>
  )
}

export function KnopenTabel({
  data,
  lijnen,
  onSelect,
}: {
  data: Landschap
  /** Lines drawn per node id (tekening.ts). */
  lijnen: Map<string, number>
  onSelect(id: string): void
}) {
  const { t } = useTranslation('landschap')
  return (
    <UitklapTabel
      summary={t('graaf.tabel')}
      caption={t('graaf.tabelCaption')}
      koppen={
        <>
          <TableHeaderCell scope="col">{t('graaf.naam')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('paneel.soort')}</TableHeaderCell>
          <TableHeaderCell scope="col" className="rk-getal">
            {t('graaf.verbindingen')}
          </TableHeaderCell>
        </>
      }
    >
      {data.knopen.map((k) => (
        <TableRow key={k.id}>
          <TableHeaderCell scope="row">{k.naam}</TableHeaderCell>
          <TableCell>{t(`soort.${k.soort}`)}</TableCell>
          <TableCell className="rk-getal">{formatGetal(lijnen.get(k.id) ?? 0)}</TableCell>
          <TableCell>
            <Knop label={t('graaf.toonLabel', { naam: k.naam })} onClick={() => onSelect(k.id)} />
          </TableCell>
        </TableRow>
      ))}
    </UitklapTabel>
  )
}

export function KoppelingenTabel({
  koppelingen,
  index,
  onSelect,
}: {
  /** The koppelingen drawn (tekening.ts). */
  koppelingen: Verbinding[]
  index: Index
  onSelect(koppelingId: string): void
}) {
  const { t } = useTranslation('landschap')
  const waardeLabel = useWaardeLabel()
  const naam = (id: string | undefined) => (id ? (index.knopen.get(id)?.naam ?? id) : t('paneel.geen'))
  return (
    <UitklapTabel
      summary={t('graaf.koppelingenTabel', { aantal: formatGetal(koppelingen.length) })}
      caption={t('graaf.koppelingenCaption')}
      koppen={
        <>
          <TableHeaderCell scope="col">{t('graaf.naam')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('paneel.bron')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('paneel.doel')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('paneel.via')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('paneel.status')}</TableHeaderCell>
        </>
      }
    >
      {koppelingen.map((v) => (
        <TableRow key={v.koppelingId}>
          <TableHeaderCell scope="row">{v.naam}</TableHeaderCell>
          <TableCell>{naam(v.bron)}</TableCell>
          <TableCell>{naam(v.doel)}</TableCell>
          <TableCell>{v.via ? naam(v.via) : t('paneel.geen')}</TableCell>
          <TableCell>{waardeLabel(v.status)}</TableCell>
          <TableCell>
            <Knop label={t('graaf.toonLabel', { naam: v.naam ?? '' })} onClick={() => v.koppelingId && onSelect(v.koppelingId)} />
          </TableCell>
        </TableRow>
      ))}
    </UitklapTabel>
  )
}
