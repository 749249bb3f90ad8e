import {
  Alert,
  Button,
  FormSummary,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useParams, useSearchParams } from 'react-router'
import { request } from '../../api/client'
import { AppButtonLink, AppLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { formatGetal, formatTijdstip } from '../../i18n/format'
import { Wijzigingen } from '../auditlog/Wijzigingen'
import { useObject } from '../registry/api'
import { Gegevens } from '../registry/Gegevens'
import { Verwijderen } from '../registry/Verwijderen'
import { type Controle as ControleObject, MONITORING_KEY, storingenQuery, type Uitkomst, type Uur, verloopQuery } from './api'
import { Gegeven, Moment, percentage, redenTekst, StatusLabel } from './gedeeld'
import { LaatsteMeting } from './Overzicht'
import { StoringTabel } from './Storingen'
import '../registry/registry.css'
import './monitoring.css'

// One controle: its state now, "run now", the hourly history (chart and the same
// figures as a table), the last metingen, its storingen, and its settings with what
// secrets are stored (never their values).

const VerloopGrafiek = lazy(() => import('./VerloopGrafiek'))
const PERIODES = [1, 7, 30, 90] as const

function UrenTabel({ uren, dagen }: { uren: Uur[]; dagen: number }) {
  const { t } = useTranslation('monitoring')
  return (
    <details className="rk-mon-details">
      <summary>{t('controle.tabelTonen')}</summary>
      <Table className="rk-mon-tabel">
        <TableCaption>{t('controle.tabelCaption', { dagen })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('controle.uur')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rk-getal">
              {t('controle.aantal')}
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="rk-getal">
              {t('controle.mislukt')}
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="rk-getal">
              {t('controle.inOnderhoud')}
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="rk-getal">
              {t('controle.gemiddeldeDuur')}
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="rk-getal">
              {t('controle.maxDuur')}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {uren.map((u) => (
            <TableRow key={u.uur}>
              <TableHeaderCell scope="row">{formatTijdstip(u.uur)}</TableHeaderCell>
              <TableCell className="rk-getal">{formatGetal(u.aantal)}</TableCell>
              <TableCell className="rk-getal">{formatGetal(u.aantal - u.geslaagd)}</TableCell>
              <TableCell className="rk-getal">{formatGetal(u.inOnderhoud)}</TableCell>
              <TableCell className="rk-getal">{formatGetal(u.gemiddeldeDuurMs)}</TableCell>
              <TableCell className="rk-getal">{formatGetal(u.maxDuurMs)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </details>
  )
}

/** "Nu uitvoeren": the button goes with the other actions, its outcome under them. */
function useNuUitvoeren(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => request<Uitkomst>(`controles/${id}/uitvoeren`, { method: 'POST' }).then((r) => r.data),
    onSuccess: () => client.invalidateQueries({ queryKey: MONITORING_KEY }),
  })
}

function Uitkomstmelding({ u, error }: { u: Uitkomst | undefined; error: unknown }) {
  const { t } = useTranslation('monitoring')
  return (
    <>
      <div aria-live="polite">
        {u && (
          <Alert type={u.geslaagd ? 'ok' : 'error'} data-uitkomst={u.geslaagd ? 'geslaagd' : 'mislukt'}>
            <Paragraph>
              {t(u.geslaagd ? 'controle.uitkomstGeslaagd' : 'controle.uitkomstMislukt', {
                ms: formatGetal(u.duurMs),
                reden: redenTekst(u.reden),
              })}
            </Paragraph>
          </Alert>
        )}
      </div>
      <ErrorAlert error={error} />
    </>
  )
}

export default function Controle() {
  const { id = '' } = useParams()
  const { t } = useTranslation('monitoring')
  const location = useLocation()
  const [params] = useSearchParams()
  const gevraagd = Number(params.get('dagen'))
  const dagen = (PERIODES as readonly number[]).includes(gevraagd) ? gevraagd : 7
  const object = useObject('controles', id)
  const verloop = useQuery({ ...verloopQuery(id, dagen), placeholderData: keepPreviousData })
  const uitvoeren = useNuUitvoeren(id)
  const storingen = useQuery(storingenQuery({ controleId: id }))

  if (object.isPending) return <Loading />
  if (object.error || !object.data) {
    return (
      <>
        <PageHeading titel={t('registry:soort.controles.enkelvoud')} />
        <ErrorAlert error={object.error} />
        <Paragraph>
          <AppLink to="/monitoring">{t('controle.terug')}</AppLink>
        </Paragraph>
      </>
    )
  }
  const o = object.data.data as unknown as ControleObject & { toegestaneActies?: string[] }
  const acties = o.toegestaneActies ?? []
  const stand = verloop.data?.stand
  const opgeslagen = (location.state as { opgeslagen?: boolean } | null)?.opgeslagen
  return (
    <>
      <Paragraph className="rk-kruimel">
        <AppLink to="/monitoring">{t('controle.terug')}</AppLink>
      </Paragraph>
      <PageHeading titel={o.naam} />
      {opgeslagen && (
        <Alert type="ok" role="status">
          <Paragraph>{t('registry:opgeslagen', { naam: o.naam })}</Paragraph>
        </Alert>
      )}
      <div className="rk-mon-acties">
        {acties.includes('wijzigen') && (
          <Button
            appearance="primary-action-button"
            busy={uitvoeren.isPending}
            disabled={uitvoeren.isPending}
            onClick={() => uitvoeren.mutate()}
          >
            {uitvoeren.isPending ? t('controle.bezig') : t('controle.nuUitvoeren')}
          </Button>
        )}
        {acties.includes('wijzigen') && (
          <AppButtonLink to={`/controles/${id}/bewerken`} appearance="secondary-action-button">
            {t('common:acties.bewerken')}
          </AppButtonLink>
        )}
        {acties.includes('verwijderen') && <Verwijderen soort="controles" id={id} naam={o.naam} etag={object.data.etag} />}
      </div>
      <Uitkomstmelding u={uitvoeren.data} error={uitvoeren.error} />
      <section aria-labelledby="controle-werking" className="rk-mon-sectie">
        <Heading level={2} appearanceLevel={3} id="controle-werking">
          {t('controle.werking')}
        </Heading>
        <ErrorAlert error={verloop.error} />
        {stand && (
          <FormSummary className="rk-gegevens">
            <Gegeven label={t('controle.werking')}>
              <StatusLabel status={stand.status} metUitleg />
            </Gegeven>
            {stand.koppeling && (
              <Gegeven label={t('controle.koppeling')}>
                <AppLink to={`/koppelingen/${stand.koppeling.id}`}>{stand.koppeling.naam}</AppLink>
              </Gegeven>
            )}
            {stand.applicatie && (
              <Gegeven label={t('controle.applicatie')}>
                <AppLink to={`/applicaties/${stand.applicatie.id}`}>{stand.applicatie.naam}</AppLink>
              </Gegeven>
            )}
            <Gegeven label={t('controle.laatsteMeting')}>
              <LaatsteMeting c={stand} />
            </Gegeven>
            {stand.storing && (
              <Gegeven label={t('controle.storing')}>
                <AppLink to={`/storingen/${stand.storing.id}`}>
                  {t('overzicht.storingSinds', { tijd: formatTijdstip(stand.storing.sinds) })}
                </AppLink>
              </Gegeven>
            )}
            <Gegeven label={t('controle.beschikbaarheid24u')}>{percentage(stand.beschikbaarheid24u) ?? t('overzicht.nietGemeten')}</Gegeven>
          </FormSummary>
        )}
      </section>
      <section aria-labelledby="controle-verloop" className="rk-mon-sectie">
        <Heading level={2} appearanceLevel={3} id="controle-verloop">
          {t('controle.verloop')}
        </Heading>
        <nav aria-label={t('controle.periode')} className="rk-mon-acties">
          {PERIODES.map((d) => (
            <AppLink key={d} to={`?dagen=${d}`} aria-current={d === dagen ? 'page' : undefined}>
              {t('controle.dagen', { count: d })}
            </AppLink>
          ))}
        </nav>
        {verloop.data && verloop.data.uren.length === 0 && <Paragraph>{t('controle.geenUren')}</Paragraph>}
        {verloop.data && verloop.data.uren.length > 0 && (
          <>
            <Suspense fallback={<Loading />}>
              <VerloopGrafiek uren={verloop.data.uren} dagen={dagen} />
            </Suspense>
            <UrenTabel uren={verloop.data.uren} dagen={dagen} />
          </>
        )}
      </section>
      <section aria-labelledby="controle-metingen" className="rk-mon-sectie">
        <Heading level={2} appearanceLevel={3} id="controle-metingen">
          {t('controle.metingen')}
        </Heading>
        {verloop.data && verloop.data.metingen.length === 0 && <Paragraph>{t('controle.geenMetingen')}</Paragraph>}
        {verloop.data && verloop.data.metingen.length > 0 && (
          <Table className="rk-mon-tabel">
            <TableCaption className="rk-visually-hidden">{t('controle.metingenCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('controle.tijdstip')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('controle.uitkomst')}</TableHeaderCell>
                <TableHeaderCell scope="col" className="rk-getal rk-bijzaak">
                  {t('controle.duurMs')}
                </TableHeaderCell>
                <TableHeaderCell scope="col">{t('controle.reden')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {verloop.data.metingen.map((m) => (
                <TableRow key={`${m.tijdstip}-${m.soort}`}>
                  <TableHeaderCell scope="row">
                    <Moment op={m.tijdstip} />
                  </TableHeaderCell>
                  <TableCell>
                    <StatusLabel
                      status={m.geslaagd ? 'werkt' : 'storing'}
                      tekst={m.geslaagd ? t('controle.geslaagd') : t('controle.mislukt')}
                    />
                  </TableCell>
                  <TableCell className="rk-getal rk-bijzaak">{formatGetal(m.duurMs)}</TableCell>
                  <TableCell>{redenTekst(m.reden) || (m.geslaagd ? t('common:leeg') : m.soort)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <section aria-labelledby="controle-storingen" className="rk-mon-sectie">
        <Heading level={2} appearanceLevel={3} id="controle-storingen">
          {t('controle.storingen')}
        </Heading>
        <ErrorAlert error={storingen.error} />
        {storingen.data && storingen.data.resultaten.length === 0 && <Paragraph>{t('controle.geenStoringen')}</Paragraph>}
        {storingen.data && storingen.data.resultaten.length > 0 && (
          <StoringTabel storingen={storingen.data.resultaten} caption={t('controle.storingen')} zonderControle />
        )}
      </section>
      <section aria-labelledby="controle-instellingen" className="rk-mon-sectie">
        <Heading level={2} appearanceLevel={3} id="controle-instellingen">
          {t('controle.instellingen')}
        </Heading>
        <Gegevens soort="controles" object={object.data.data} />
        {/* Secrets belong to HTTP controles only (the API drops them for other kinds). */}
        {o.soort === 'http' && (
          <FormSummary className="rk-gegevens">
            <Gegeven label={t('controle.geheimeHeaders')}>
              {o.geheimenIngesteld.headers.length > 0
                ? `${o.geheimenIngesteld.headers.join(', ')} (${t('controle.ingesteld')})`
                : t('controle.nietIngesteld')}
            </Gegeven>
            <Gegeven label={t('controle.clientSleutel')}>
              {o.geheimenIngesteld.clientSleutel ? t('controle.ingesteld') : t('controle.nietIngesteld')}
            </Gegeven>
          </FormSummary>
        )}
      </section>
      <Wijzigingen soort="controle" id={id} revisie={o.revisie} />
    </>
  )
}
