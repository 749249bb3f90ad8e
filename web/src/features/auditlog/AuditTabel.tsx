import {
  Button,
  Paragraph,
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
import { actieTekst } from './labels'
import { ObjectVerwijzing } from './ObjectVerwijzing'
import type { AuditRegel } from './types'
import { ActorWeergave, VerschilTabel } from './weergave'

// One page of audit entries. The before/after difference of an entry unfolds in a row
// right below it (a disclosure button with aria-expanded), so the list stays scannable.
// Five columns that wrap, so the button stays in view on a laptop screen. With `ruw`
// every cell shows what is stored (and hashed): property names, cents, ids, UTC.

const KOLOMMEN = 5

function heeftVerschil(r: AuditRegel): boolean {
  return r.voor != null || r.na != null
}

function Regel({ regel, ruw }: { regel: AuditRegel; ruw: boolean }) {
  const { t } = useTranslation('auditlog')
  const [open, setOpen] = useState(false)
  const detailId = `audit-verschil-${regel.volgnummer}`
  const caption = t('diff.caption', { volgnummer: regel.volgnummer })
  return (
    <>
      <TableRow>
        <TableCell>{ruw ? <code>{regel.tijdstip}</code> : formatTijdstip(regel.tijdstip)}</TableCell>
        <TableCell>
          {ruw ? <code>{regel.actor}</code> : <ActorWeergave actor={regel.weergave.actor} />}
          {regel.herkomst && <span className="rk-audit__soort">{t('herkomst', { herkomst: regel.herkomst })}</span>}
        </TableCell>
        <TableCell>
          {ruw ? (
            <code>
              {regel.actie} ({regel.resultaat})
            </code>
          ) : (
            actieTekst(t, regel)
          )}
        </TableCell>
        <TableCell className="rk-audit__object">
          {ruw ? (
            <code>
              {regel.objecttype} {regel.objectId}
            </code>
          ) : (
            <ObjectVerwijzing regel={regel} />
          )}
        </TableCell>
        <TableCell className="rk-audit__knop">
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
            {ruw ? (
              <>
                <DiffTable voor={regel.voor} na={regel.na} caption={caption} />
                <Paragraph className="rk-audit__hash">
                  {t('ruw.volgnummer', { volgnummer: regel.volgnummer })}
                  <br />
                  {t('ruw.hash', { hash: regel.hash })}
                  <br />
                  {t('ruw.vorigeHash', { hash: regel.vorigeHash })}
                </Paragraph>
              </>
            ) : (
              <VerschilTabel regel={regel} caption={caption} />
            )}
          </TableCell>
        </TableRow>
      )}
    </>
  )
}

export function AuditTabel({ regels, paginering, ruw }: { regels: AuditRegel[]; paginering: Paginering; ruw: boolean }) {
  const { t } = useTranslation('auditlog')
  const van = (paginering.pagina - 1) * paginering.paginaGrootte + 1
  return (
    <div className="rk-table-wrap">
      <Table className="rk-audit__tabel">
        <TableCaption>{t('caption', { van, tot: van + regels.length - 1, totaal: paginering.totaalAantal })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('kolommen.tijdstip')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kolommen.actor')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kolommen.actie')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kolommen.object')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kolommen.verschil')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {regels.map((r) => (
            <Regel key={r.volgnummer} regel={r} ruw={ruw} />
          ))}
        </TableBody>
      </Table>
    </div>
  )
}
