import {
  Button,
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
import type { Paginering } from '../../api/types'
import { DiffTable } from '../../components/diff'
import { formatTijdstip } from '../../i18n/format'
import { ObjectVerwijzing } from './ObjectVerwijzing'
import type { AuditRegel } from './types'

// One page of audit entries. The before/after difference of an entry unfolds in a row
// right below it (a disclosure button with aria-expanded), so the list stays scannable.

const KOLOMMEN = 7

function heeftVerschil(r: AuditRegel): boolean {
  return r.voor != null || r.na != null
}

function Regel({ regel }: { regel: AuditRegel }) {
  const { t } = useTranslation('auditlog')
  const [open, setOpen] = useState(false)
  const detailId = `audit-verschil-${regel.volgnummer}`
  return (
    <>
      <TableRow>
        <TableCell>{formatTijdstip(regel.tijdstip)}</TableCell>
        <TableCell>{regel.actor}</TableCell>
        <TableCell>{t(`acties.${regel.actie}`, { defaultValue: regel.actie })}</TableCell>
        <TableCell>
          <ObjectVerwijzing regel={regel} />
        </TableCell>
        <TableCell>{regel.herkomst}</TableCell>
        <TableCell>{t(`resultaten.${regel.resultaat}`, { defaultValue: regel.resultaat })}</TableCell>
        <TableCell>
          {heeftVerschil(regel) ? (
            <Button appearance="subtle-button" aria-expanded={open} aria-controls={detailId} onClick={() => setOpen((o) => !o)}>
              {open ? t('verbergVerschil') : t('toonVerschil')}
              <span className="rk-visually-hidden"> — {t('regel', { volgnummer: regel.volgnummer })}</span>
            </Button>
          ) : (
            t('leeg', { ns: 'common' })
          )}
        </TableCell>
      </TableRow>
      {open && (
        <TableRow id={detailId}>
          <TableCell colSpan={KOLOMMEN}>
            <DiffTable voor={regel.voor} na={regel.na} caption={t('diff.caption', { volgnummer: regel.volgnummer })} />
          </TableCell>
        </TableRow>
      )}
    </>
  )
}

export function AuditTabel({ regels, paginering }: { regels: AuditRegel[]; paginering: Paginering }) {
  const { t } = useTranslation('auditlog')
  const van = (paginering.pagina - 1) * paginering.paginaGrootte + 1
  return (
    <div className="rk-table-wrap">
      <Table>
        <TableCaption>{t('caption', { van, tot: van + regels.length - 1, totaal: paginering.totaalAantal })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('kolommen.tijdstip')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kolommen.actor')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kolommen.actie')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kolommen.object')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kolommen.herkomst')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kolommen.resultaat')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kolommen.verschil')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {regels.map((r) => (
            <Regel key={r.volgnummer} regel={r} />
          ))}
        </TableBody>
      </Table>
    </div>
  )
}
