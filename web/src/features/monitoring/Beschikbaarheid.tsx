import {
  Button,
  FormFieldTextInput,
  Link as NlLink,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { API, query } from '../../api/client'
import { AppLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { currentLanguage } from '../../i18n'
import { formatGetal } from '../../i18n/format'
import { type BeschikbaarheidCijfers, beschikbaarheidQuery, dezeMaand } from './api'
import { SamenwerkingKeuze } from './Filters'
import { percentage } from './gedeeld'
import './monitoring.css'

// Availability per koppeling in a month (GET /beschikbaarheid) against the agreed level,
// each koppeling expandable into its controles, and the same figures as CSV or Excel for
// the periodic DVO report.

const MAAND = /^\d{4}-(0[1-9]|1[0-2])$/

function maandNaam(maand: string) {
  const [j, m] = maand.split('-').map(Number)
  return new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'nl-NL', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(j ?? 2000, (m ?? 1) - 1, 1)))
}

function Cijfers({ r }: { r: BeschikbaarheidCijfers }) {
  const { t } = useTranslation('monitoring')
  return (
    <>
      <TableCell className="rk-getal">{percentage(r.beschikbaarheid) ?? t('beschikbaarheid.nietGemeten')}</TableCell>
      <TableCell className="rk-getal rk-bijzaak">{percentage(r.doel) ?? t('beschikbaarheid.geenDoel')}</TableCell>
      <TableCell data-oordeel={r.oordeel}>{t(`beschikbaarheid.oordeel.${r.oordeel}`)}</TableCell>
      <TableCell className="rk-getal rk-bijzaak">{formatGetal(r.gemetenMinuten)}</TableCell>
      <TableCell className="rk-getal rk-bijzaak">{formatGetal(r.onderhoudMinuten)}</TableCell>
      <TableCell className="rk-getal rk-bijzaak">{formatGetal(r.ongemetenMinuten)}</TableCell>
    </>
  )
}

export default function Beschikbaarheid() {
  const { t } = useTranslation('monitoring')
  const [params, setParams] = useSearchParams()
  const gevraagd = params.get('maand') ?? ''
  const maand = MAAND.test(gevraagd) ? gevraagd : dezeMaand()
  const samenwerkingId = params.get('samenwerkingId') ?? ''
  const [keuze, setKeuze] = useState(maand)
  const [open, setOpen] = useState<Set<string>>(new Set())
  const f = { maand, ...(samenwerkingId ? { samenwerkingId } : {}) }
  const lijst = useQuery({ ...beschikbaarheidQuery(f), placeholderData: keepPreviousData })
  const zet = (k: string, v: string) => {
    const q = new URLSearchParams(params)
    if (v) q.set(k, v)
    else q.delete(k)
    setParams(q)
  }
  const wissel = (id: string) =>
    setOpen((o) => {
      const n = new Set(o)
      if (n.has(id)) n.delete(id)
      else n.add(id)
      return n
    })
  const download = (formaat: 'csv' | 'xlsx') => `${API}/beschikbaarheid${query({ ...f, formaat })}`
  return (
    <>
      <PageHeading titel={t('beschikbaarheid.titel')} />
      <Paragraph>{t('beschikbaarheid.intro')}</Paragraph>
      <div className="rk-mon-filters">
        <form
          className="rk-mon-filters"
          onSubmit={(e) => {
            e.preventDefault()
            if (MAAND.test(keuze)) zet('maand', keuze)
          }}
        >
          <FormFieldTextInput
            label={t('beschikbaarheid.maand')}
            type="month"
            value={keuze}
            onChange={(e) => setKeuze((e.target as HTMLInputElement).value)}
          />
          <Button type="submit" appearance="secondary-action-button">
            {t('beschikbaarheid.tonen')}
          </Button>
        </form>
        <SamenwerkingKeuze label={t('beschikbaarheid.samenwerking')} waarde={samenwerkingId} onChange={(v) => zet('samenwerkingId', v)} />
      </div>
      <Paragraph className="rk-mon-acties">
        <NlLink href={download('csv')} download>
          {t('beschikbaarheid.csv')}
        </NlLink>
        <NlLink href={download('xlsx')} download>
          {t('beschikbaarheid.xlsx')}
        </NlLink>
      </Paragraph>
      <ErrorAlert error={lijst.error} />
      {lijst.isPending && <Loading />}
      {lijst.data && lijst.data.resultaten.length === 0 && <Paragraph role="status">{t('beschikbaarheid.geen')}</Paragraph>}
      {lijst.data && lijst.data.resultaten.length > 0 && (
        <Table className="rk-mon-tabel">
          <TableCaption>{t('beschikbaarheid.caption', { maand: maandNaam(lijst.data.maand) })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('beschikbaarheid.kolom.koppeling')}</TableHeaderCell>
              <TableHeaderCell scope="col" className="rk-getal">
                {t('beschikbaarheid.kolom.beschikbaarheid')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className="rk-getal rk-bijzaak">
                {t('beschikbaarheid.kolom.doel')}
              </TableHeaderCell>
              <TableHeaderCell scope="col">{t('beschikbaarheid.kolom.oordeel')}</TableHeaderCell>
              <TableHeaderCell scope="col" className="rk-getal rk-bijzaak">
                {t('beschikbaarheid.kolom.gemeten')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className="rk-getal rk-bijzaak">
                {t('beschikbaarheid.kolom.onderhoud')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className="rk-getal rk-bijzaak">
                {t('beschikbaarheid.kolom.ongemeten')}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {lijst.data.resultaten.map((r) => {
              const uit = open.has(r.koppeling.id)
              return (
                <Fragment key={r.koppeling.id}>
                  <TableRow data-koppeling={r.koppeling.id}>
                    <TableHeaderCell scope="row">
                      <AppLink to={`/koppelingen/${r.koppeling.id}`}>{r.koppeling.naam}</AppLink>
                      {r.controles.length > 0 && (
                        <div>
                          <Button
                            appearance="subtle-button"
                            aria-expanded={uit}
                            aria-controls={`beschikbaarheid-${r.koppeling.id}`}
                            onClick={() => wissel(r.koppeling.id)}
                          >
                            <span aria-hidden="true">{uit ? '▾ ' : '▸ '}</span>
                            {t('beschikbaarheid.controles', { aantal: r.controles.length })}
                          </Button>
                        </div>
                      )}
                    </TableHeaderCell>
                    <Cijfers r={r} />
                  </TableRow>
                  {uit &&
                    r.controles.map((c, i) => (
                      <TableRow key={c.id} id={i === 0 ? `beschikbaarheid-${r.koppeling.id}` : undefined} className="rk-mon-subrij">
                        <TableHeaderCell scope="row">
                          <span aria-hidden="true">↳ </span>
                          <AppLink to={`/controles/${c.id}`}>{c.naam}</AppLink>
                        </TableHeaderCell>
                        <Cijfers r={c} />
                      </TableRow>
                    ))}
                </Fragment>
              )
            })}
          </TableBody>
        </Table>
      )}
    </>
  )
}
