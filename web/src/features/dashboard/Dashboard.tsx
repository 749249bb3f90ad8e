import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@rijkshuisstijl-community/components-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { Dashboard as DashboardData, SamenwerkingOverzicht } from '../../../../src/schemas/landschap'
import { AppLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { formatDatum, formatGetal } from '../../i18n/format'
import { useWaardeLabel } from '../../i18n/waarden'
import { DashboardKosten } from '../rapportage/DashboardKosten'
import { DashboardBevindingen } from '../vertrouwen/DashboardBevindingen'
import { DashboardWerking } from './DashboardWerking'
import { dashboardQuery } from './query'
import './dashboard.css'

// The start page: a few counts of what the user may see, then one card per
// samenwerking. A card shows only what exists. Link health ("Werking van koppelingen")
// and the trust findings are counted over everything the user sees.

function Totalen({ data }: { data: DashboardData }) {
  const { t } = useTranslation('dashboard')
  const items = [
    ['organisaties', data.totalen.organisaties, '/organisaties'],
    ['samenwerkingen', data.totalen.samenwerkingen, '/samenwerkingen'],
    ['gastheerschappen', data.totalen.gastheerschappen, '/gastheerschappen'],
    ['applicaties', data.totalen.applicaties, '/applicaties'],
    ['koppelingen', data.totalen.koppelingen, '/koppelingen'],
  ] as const
  return (
    <section aria-labelledby="dashboard-totalen" className="rk-dashboard__totalen">
      <Heading level={2} id="dashboard-totalen">
        {t('totalen.kop')}
      </Heading>
      <dl className="rk-tegels">
        {items.map(([key, n, to]) => (
          <div className="rk-tegel" key={key}>
            <dt>
              <AppLink to={to}>{t(`totalen.${key}`)}</AppLink>
            </dt>
            <dd className="rk-tegel__getal">{formatGetal(n)}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

function KoppelingTabel({ s }: { s: SamenwerkingOverzicht }) {
  const { t } = useTranslation('dashboard')
  const k = s.koppelingen
  const rows = [
    [t('koppelingen.laag'), k.vertrouwelijkheid.laag],
    [t('koppelingen.midden'), k.vertrouwelijkheid.midden],
    [t('koppelingen.hoog'), k.vertrouwelijkheid.hoog],
  ] as const
  return (
    <Table className="rk-dashboard__tabel">
      <TableCaption className="rk-visually-hidden">{t('koppelingen.caption', { naam: s.naam })}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('koppelingen.vertrouwelijkheid')}</TableHeaderCell>
          <TableHeaderCell scope="col" className="rk-getal">
            {t('koppelingen.aantal')}
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(([label, n]) => (
          <TableRow key={label}>
            <TableHeaderCell scope="row">{label}</TableHeaderCell>
            <TableCell className="rk-getal">{formatGetal(n)}</TableCell>
          </TableRow>
        ))}
        <TableRow className="rk-dashboard__totaalrij">
          <TableHeaderCell scope="row">{t('koppelingen.totaal')}</TableHeaderCell>
          <TableCell className="rk-getal">{formatGetal(k.totaal)}</TableCell>
        </TableRow>
      </TableBody>
    </Table>
  )
}

/**
 * How many of the links carry personal data: a count of its own, not a row of the
 * confidentiality table (it overlaps every level, so it is no part of the total).
 */
function Persoonsgegevens({ s }: { s: SamenwerkingOverzicht }) {
  const { t } = useTranslation('dashboard')
  const k = s.koppelingen
  return (
    <Paragraph className="rk-dashboard__persoonsgegevens" data-telling="persoonsgegevens">
      {t('koppelingen.metPersoonsgegevens', { aantal: formatGetal(k.persoonsgegevens), totaal: formatGetal(k.totaal) })}
    </Paragraph>
  )
}

function SamenwerkingKaart({ s }: { s: SamenwerkingOverzicht }) {
  const { t } = useTranslation('dashboard')
  const waardeLabel = useWaardeLabel()
  const id = `sw-${s.id}`
  return (
    <article className="rk-kaart" aria-labelledby={id} data-samenwerking={s.id}>
      <Heading level={3} id={id}>
        <AppLink to={`/samenwerkingen/${s.id}`}>{s.naam}</AppLink>
      </Heading>
      <Paragraph className="rk-kaart__vorm">
        {s.startdatum ? t('samenwerkingen.sinds', { vorm: waardeLabel(s.vorm), datum: formatDatum(s.startdatum) }) : waardeLabel(s.vorm)}
        {s.einddatum ? ` ${t('samenwerkingen.tot', { datum: formatDatum(s.einddatum) })}` : ''}
      </Paragraph>
      <div className="rk-kaart__delen">
        <section aria-labelledby={`${id}-leden`}>
          <Heading level={4} id={`${id}-leden`}>
            {t('leden.kop')}
          </Heading>
          {s.leden.length === 0 ? (
            <Paragraph>{t('leden.geen')}</Paragraph>
          ) : (
            <UnorderedList>
              {s.leden.map((l) => (
                <UnorderedListItem key={l.organisatieId}>
                  <AppLink to={`/organisaties/${l.organisatieId}`}>{l.naam}</AppLink>
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </section>
        <section aria-labelledby={`${id}-koppelingen`}>
          <Heading level={4} id={`${id}-koppelingen`}>
            {t('koppelingen.kop')}
          </Heading>
          <Paragraph className="rk-klein">{t('koppelingen.toelichting')}</Paragraph>
          <KoppelingTabel s={s} />
          <Persoonsgegevens s={s} />
          <Paragraph>
            <AppLink to={`/landschap?samenwerkingId=${s.id}`} aria-label={t('koppelingen.inLandschapLabel', { naam: s.naam })}>
              {t('koppelingen.inLandschap')}
            </AppLink>
          </Paragraph>
        </section>
      </div>
      <section aria-labelledby={`${id}-gh`}>
        <Heading level={4} id={`${id}-gh`}>
          {t('gastheerschappen.kop')}
        </Heading>
        {s.gastheerschappen.length === 0 ? (
          <Paragraph>{t('gastheerschappen.geen')}</Paragraph>
        ) : (
          <Table className="rk-dashboard__tabel">
            <TableCaption className="rk-visually-hidden">{t('gastheerschappen.caption', { naam: s.naam })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('gastheerschappen.taak')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('gastheerschappen.gastheer')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('gastheerschappen.afnemers')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {s.gastheerschappen.map((g) => (
                <TableRow key={g.id}>
                  <TableCell>
                    <AppLink to={`/gastheerschappen/${g.id}`}>{g.taak}</AppLink>
                  </TableCell>
                  <TableCell>{g.gastheer.naam}</TableCell>
                  <TableCell>{g.afnemers.map((a) => a.naam).join(', ')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <DashboardKosten samenwerking={s} headingId={`${id}-kosten`} />
    </article>
  )
}

export default function Dashboard() {
  const { t } = useTranslation('dashboard')
  const { data, error, isPending } = useQuery(dashboardQuery)
  return (
    <>
      <PageHeading titel={t('titel')} />
      <Paragraph>{t('intro')}</Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      {isPending ? <Loading /> : null}
      {data ? (
        <>
          <Totalen data={data} />
          <DashboardWerking />
          <DashboardBevindingen />
          <section aria-labelledby="dashboard-samenwerkingen">
            <Heading level={2} id="dashboard-samenwerkingen">
              {t('samenwerkingen.kop')}
            </Heading>
            {data.samenwerkingen.length === 0 ? (
              <Paragraph>{t('samenwerkingen.geen')}</Paragraph>
            ) : (
              <div className="rk-kaarten">
                {data.samenwerkingen.map((s) => (
                  <SamenwerkingKaart key={s.id} s={s} />
                ))}
              </div>
            )}
          </section>
        </>
      ) : null}
    </>
  )
}
