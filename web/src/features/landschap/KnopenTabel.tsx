import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatGetal } from '../../i18n/format'
import type { Index, Landschap } from './model'

// The graph's text alternative: every node with its kind and number of connections,
// each with a button that opens its details. Rendered only when opened, so 2 000
// rows cost nothing until someone asks for them.

export function KnopenTabel({ data, index, onSelect }: { data: Landschap; index: Index; onSelect(id: string): void }) {
  const { t } = useTranslation('landschap')
  const [open, setOpen] = useState(false)
  return (
    <details className="rk-landschap__tabel" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('graaf.tabel')}</summary>
      {open ? (
        <div className="rk-table-wrap">
          <Table>
            <TableCaption className="rk-visually-hidden">{t('graaf.tabelCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('graaf.naam')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('paneel.soort')}</TableHeaderCell>
                <TableHeaderCell scope="col" className="rk-getal">
                  {t('graaf.verbindingen')}
                </TableHeaderCell>
                <TableHeaderCell scope="col">
                  <span className="rk-visually-hidden">{t('graaf.toon')}</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.knopen.map((k) => (
                <TableRow key={k.id}>
                  <TableHeaderCell scope="row">{k.naam}</TableHeaderCell>
                  <TableCell>{t(`soort.${k.soort}`)}</TableCell>
                  <TableCell className="rk-getal">{formatGetal(index.per.get(k.id)?.length ?? 0)}</TableCell>
                  <TableCell>
                    <button
                      type="button"
                      className="rk-knoplink"
                      aria-label={t('graaf.toonLabel', { naam: k.naam })}
                      onClick={() => onSelect(k.id)}
                    >
                      {t('graaf.toon')}
                    </button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </details>
  )
}
