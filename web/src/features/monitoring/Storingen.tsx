import {
  FormFieldSelect,
  Paragraph,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { AppLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { formatTijdstip } from '../../i18n/format'
import { openEerst, type Storing, type StoringFilters, storingenQuery } from './api'
import { SamenwerkingKeuze } from './Filters'
import { Moment, redenTekst, StatusLabel } from './gedeeld'
import './monitoring.css'

// Storingen (GET /storingen): open first, then newest; filters in the address.

export function StoringTabel({
  storingen,
  caption,
  zonderControle = false,
}: {
  storingen: Storing[]
  caption: string
  zonderControle?: boolean
}) {
  const { t } = useTranslation('monitoring')
  return (
    <Table className="rk-mon-tabel">
      <TableCaption className="rk-visually-hidden">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('storingen.kolom.begonnen')}</TableHeaderCell>
          {!zonderControle && <TableHeaderCell scope="col">{t('storingen.kolom.controle')}</TableHeaderCell>}
          {!zonderControle && <TableHeaderCell scope="col">{t('storingen.kolom.koppeling')}</TableHeaderCell>}
          <TableHeaderCell scope="col">{t('storingen.kolom.status')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('storingen.kolom.reden')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {openEerst(storingen).map((s) => (
          <TableRow key={s.id} data-storing={s.id}>
            <TableHeaderCell scope="row">
              <AppLink
                to={`/storingen/${s.id}`}
                aria-label={t('storingen.bekijk', { naam: s.controle.naam, tijd: formatTijdstip(s.begonnenOp) })}
              >
                <Moment op={s.begonnenOp} />
              </AppLink>
            </TableHeaderCell>
            {!zonderControle && (
              <TableCell>
                <AppLink to={`/controles/${s.controle.id}`}>{s.controle.naam}</AppLink>
              </TableCell>
            )}
            {!zonderControle && (
              <TableCell>{s.koppeling && <AppLink to={`/koppelingen/${s.koppeling.id}`}>{s.koppeling.naam}</AppLink>}</TableCell>
            )}
            <TableCell>
              {s.open ? (
                <StatusLabel status="storing" />
              ) : (
                <>
                  {t('storingen.isGesloten')} <Moment op={s.geslotenOp} />
                </>
              )}
            </TableCell>
            <TableCell>{redenTekst(s.reden)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

export default function Storingen() {
  const { t } = useTranslation('monitoring')
  const [params, setParams] = useSearchParams()
  const filters: StoringFilters = {}
  for (const f of ['samenwerkingId', 'open', 'koppelingId', 'controleId'] as const) {
    const v = params.get(f)
    if (v) filters[f] = v
  }
  const lijst = useQuery({ ...storingenQuery(filters), placeholderData: keepPreviousData })
  const zet = (k: string, v: string) => {
    const q = new URLSearchParams(params)
    if (v) q.set(k, v)
    else q.delete(k)
    setParams(q)
  }
  return (
    <>
      <PageHeading titel={t('storingen.titel')} />
      <Paragraph>{t('storingen.intro')}</Paragraph>
      <div className="rk-mon-filters">
        <SamenwerkingKeuze
          label={t('overzicht.samenwerking')}
          waarde={filters.samenwerkingId ?? ''}
          onChange={(v) => zet('samenwerkingId', v)}
        />
        <FormFieldSelect
          label={t('storingen.open')}
          value={filters.open ?? ''}
          onChange={(e) => zet('open', (e.target as HTMLSelectElement).value)}
        >
          <SelectOption value="">{t('overzicht.alleWaarden')}</SelectOption>
          <SelectOption value="true">{t('storingen.alleenOpen')}</SelectOption>
          <SelectOption value="false">{t('storingen.alleenGesloten')}</SelectOption>
        </FormFieldSelect>
      </div>
      <ErrorAlert error={lijst.error} />
      {lijst.isPending && <Loading />}
      {lijst.data && lijst.data.resultaten.length === 0 && <Paragraph role="status">{t('storingen.geen')}</Paragraph>}
      {lijst.data && lijst.data.resultaten.length > 0 && (
        <StoringTabel storingen={lijst.data.resultaten} caption={t('storingen.caption')} />
      )}
    </>
  )
}
