import {
  Button,
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
import { CONTROLE_SOORTEN } from '../../../../src/domain/monitoring/invoer'
import { useCurrentIk } from '../../app/session'
import { AppButtonLink, AppLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { Paginering } from '../../components/paginering'
import { formatGetal, formatTijdstip } from '../../i18n/format'
import { useWaardeLabel } from '../../i18n/waarden'
import { magAanmaken } from '../registry/soorten'
import { type ControleStatus, type OverzichtFilters, overzichtQuery, STATUSSEN } from './api'
import { SamenwerkingKeuze, Zoekveld } from './Filters'
import { Moment, percentage, redenTekst, StatusLabel } from './gedeeld'
import './monitoring.css'

// GET /monitoring: how many controles are in each state (buttons that filter), and one
// page of controles with their last meting, open storing and 24-hour availability. Every
// filter lives in the address, so a filtered view can be shared and survives a reload.

const FILTERS = ['samenwerkingId', 'status', 'soort', 'zoek', 'pagina'] as const

export function LaatsteMeting({ c }: { c: ControleStatus }) {
  const { t } = useTranslation('monitoring')
  const m = c.laatsteMeting
  if (!m) return <>{t('overzicht.geenMeting')}</>
  return (
    <>
      <Moment op={m.op} />
      <span className="rk-mon-reden">
        {m.geslaagd ? t('overzicht.geslaagd') : t('overzicht.mislukt', { reden: redenTekst(m.reden) || m.soort })}
        {m.duurMs !== undefined && ` (${t('overzicht.duur', { ms: formatGetal(m.duurMs) })})`}
      </span>
    </>
  )
}

export function ControleTabel({ rijen, caption }: { rijen: ControleStatus[]; caption: string }) {
  const { t } = useTranslation('monitoring')
  return (
    <Table className="rk-mon-tabel">
      <TableCaption className="rk-visually-hidden">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('overzicht.kolom.controle')}</TableHeaderCell>
          <TableHeaderCell scope="col" className="rk-bijzaak">
            {t('overzicht.kolom.koppeling')}
          </TableHeaderCell>
          <TableHeaderCell scope="col">{t('overzicht.kolom.status')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('overzicht.kolom.laatsteMeting')}</TableHeaderCell>
          <TableHeaderCell scope="col" className="rk-getal rk-bijzaak">
            {t('overzicht.kolom.beschikbaarheid24u')}
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rijen.map((c) => (
          <TableRow key={c.id} data-controle={c.id}>
            <TableHeaderCell scope="row">
              <AppLink to={`/controles/${c.id}`}>{c.naam}</AppLink>
            </TableHeaderCell>
            <TableCell className="rk-bijzaak">
              {c.koppeling && <AppLink to={`/koppelingen/${c.koppeling.id}`}>{c.koppeling.naam}</AppLink>}
              {c.applicatie && <AppLink to={`/applicaties/${c.applicatie.id}`}>{c.applicatie.naam}</AppLink>}
            </TableCell>
            <TableCell>
              <StatusLabel status={c.status} />
              {c.storing && (
                <span className="rk-mon-reden">
                  <AppLink to={`/storingen/${c.storing.id}`}>
                    {t('overzicht.storingSinds', { tijd: formatTijdstip(c.storing.sinds) })}
                  </AppLink>
                </span>
              )}
            </TableCell>
            <TableCell>
              <LaatsteMeting c={c} />
            </TableCell>
            <TableCell className="rk-getal rk-bijzaak">{percentage(c.beschikbaarheid24u) ?? t('overzicht.nietGemeten')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

export default function Overzicht() {
  const { t } = useTranslation('monitoring')
  const waardeLabel = useWaardeLabel()
  const ik = useCurrentIk()
  const [params, setParams] = useSearchParams()
  const filters: OverzichtFilters = {}
  for (const f of FILTERS) {
    const v = params.get(f)
    if (v) filters[f] = v
  }
  const overzicht = useQuery({ ...overzichtQuery(filters), placeholderData: keepPreviousData })
  // The counts answer "how many in each state" within the other filters, so they come without the status filter.
  const { status: _s, pagina: _p, ...zonderStatus } = filters
  const tellingen = useQuery({ ...overzichtQuery({ ...zonderStatus, paginaGrootte: '1' }), placeholderData: keepPreviousData })

  const zet = (wijziging: Record<string, string>) => {
    const q = new URLSearchParams(params)
    for (const [k, v] of Object.entries(wijziging)) {
      if (v) q.set(k, v)
      else q.delete(k)
    }
    q.delete('pagina')
    setParams(q)
  }
  const totalen = tellingen.data?.totalen
  const alle = totalen ? Object.values(totalen).reduce((a, b) => a + b, 0) : undefined
  const data = overzicht.data
  return (
    <>
      <PageHeading titel={t('overzicht.titel')} />
      <Paragraph>{t('overzicht.intro')}</Paragraph>
      <div className="rk-mon-acties">
        {magAanmaken(ik.rechten.aanmaken, 'controles') && (
          <AppButtonLink to="/controles/nieuw" appearance="primary-action-button">
            {t('registry:soort.controles.nieuw')}
          </AppButtonLink>
        )}
        <AppLink to="/storingen">{t('nav.storingen')}</AppLink>
        <AppLink to="/beschikbaarheid">{t('nav.beschikbaarheid')}</AppLink>
      </div>
      <section aria-labelledby="mon-tellingen">
        <h2 id="mon-tellingen" className="rk-visually-hidden">
          {t('overzicht.tellingen')}
        </h2>
        <ErrorAlert error={tellingen.error} />
        {totalen && (
          <ul className="rk-mon-tellers">
            <li>
              <Button appearance="secondary-action-button" aria-pressed={!filters.status} onClick={() => zet({ status: '' })}>
                {t('overzicht.alle', { aantal: formatGetal(alle ?? 0) })}
              </Button>
            </li>
            {STATUSSEN.map((s) => (
              <li key={s}>
                <Button
                  appearance="secondary-action-button"
                  aria-pressed={filters.status === s}
                  data-teller={s}
                  onClick={() => zet({ status: filters.status === s ? '' : s })}
                >
                  <StatusLabel status={s} tekst={t('overzicht.telKnop', { status: t(`status.${s}`), aantal: formatGetal(totalen[s]) })} />
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="rk-mon-filters">
        <SamenwerkingKeuze
          label={t('overzicht.samenwerking')}
          waarde={filters.samenwerkingId ?? ''}
          onChange={(v) => zet({ samenwerkingId: v })}
        />
        <FormFieldSelect
          label={t('overzicht.status')}
          value={filters.status ?? ''}
          onChange={(e) => zet({ status: (e.target as HTMLSelectElement).value })}
        >
          <SelectOption value="">{t('overzicht.alleWaarden')}</SelectOption>
          {STATUSSEN.map((s) => (
            <SelectOption key={s} value={s}>
              {t(`status.${s}`)}
            </SelectOption>
          ))}
        </FormFieldSelect>
        <FormFieldSelect
          label={t('overzicht.soort')}
          value={filters.soort ?? ''}
          onChange={(e) => zet({ soort: (e.target as HTMLSelectElement).value })}
        >
          <SelectOption value="">{t('overzicht.alleWaarden')}</SelectOption>
          {CONTROLE_SOORTEN.map((s) => (
            <SelectOption key={s} value={s}>
              {waardeLabel(s, CONTROLE_SOORTEN)}
            </SelectOption>
          ))}
        </FormFieldSelect>
      </div>
      <Zoekveld key={filters.zoek ?? ''} waarde={filters.zoek ?? ''} onZoek={(v) => zet({ zoek: v })} />
      {FILTERS.some((f) => f !== 'pagina' && filters[f]) && (
        <Paragraph>
          <AppLink to="/monitoring">{t('overzicht.wissen')}</AppLink>
        </Paragraph>
      )}
      <ErrorAlert error={overzicht.error} />
      {overzicht.isPending && <Loading />}
      {data && (
        <>
          <Paragraph role="status">{t('overzicht.aantal', { count: data.paginering.totaalAantal })}</Paragraph>
          {data.resultaten.length === 0 ? (
            <Paragraph>{t('overzicht.geen')}</Paragraph>
          ) : (
            <ControleTabel rijen={data.resultaten} caption={t('overzicht.caption')} />
          )}
          <Paginering pagina={data.paginering.pagina} totaal={data.paginering.totaalPaginas} params={params} />
        </>
      )}
    </>
  )
}
