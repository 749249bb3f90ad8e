import {
  Alert,
  Button,
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
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router'
import { request } from '../../api/client'
import { AppButtonLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { currentLanguage } from '../../i18n'
import { formatBedrag } from '../../i18n/format'
import { Wijzigingen } from '../auditlog/Wijzigingen'
import { useOpties } from '../registry/api'
import { SCENARIOS_KEY, type Scenario, type ScenarioUitkomst, useScenario } from './api'
import { Grafiek } from './Grafiek'
import { Oordeel } from './Oordeel'
import './scenarios.css'

// One business case: the assumptions, per participant the result in a table (the
// verdict in words), the cumulative difference as a chart and as a table, and the
// actions the API allows.

type Resultaat = ScenarioUitkomst['deelnemers'][number] | ScenarioUitkomst['totaal']

function Bedrag({ centen }: { centen: number }) {
  return <span className={centen < 0 ? 'rk-negatief' : undefined}>{formatBedrag(centen)}</span>
}

function Terugverdiend({ r }: { r: Resultaat }) {
  const { t } = useTranslation('scenarios')
  if (r.terugverdiendInJaar === null) return <>{t('detail.nooit')}</>
  return (
    <>
      {r.terugverdiendInKalenderjaar === undefined
        ? t('detail.jaar', { jaar: r.terugverdiendInJaar })
        : t('detail.jaarKalender', { jaar: r.terugverdiendInJaar, kalenderjaar: r.terugverdiendInKalenderjaar })}
    </>
  )
}

function ResultaatCellen({ r }: { r: Resultaat }) {
  const { t } = useTranslation('scenarios')
  return (
    <>
      <TableCell>
        <Oordeel oordeel={r.oordeel} />
      </TableCell>
      <TableCell className="rk-bedrag">
        <Bedrag centen={r.nettoContanteWaarde} />
      </TableCell>
      <TableCell>
        <Terugverdiend r={r} />
      </TableCell>
      <TableCell className="rk-bedrag">
        <Bedrag centen={r.verschil.eenmalig} />
      </TableCell>
      <TableCell className="rk-bedrag">
        <Bedrag centen={r.verschil.jaarlijks} />
      </TableCell>
      <TableCell className="rk-bedrag">
        {t('detail.eenmalig', { bedrag: formatBedrag(r.huidigeKosten.eenmalig) })}
        <br />
        {t('detail.perJaar', { bedrag: formatBedrag(r.huidigeKosten.jaarlijks) })}
      </TableCell>
      <TableCell className="rk-bedrag">
        {t('detail.eenmalig', { bedrag: formatBedrag(r.aandeel.eenmalig) })}
        <br />
        {t('detail.perJaar', { bedrag: formatBedrag(r.aandeel.jaarlijks) })}
      </TableCell>
    </>
  )
}

function UitkomstTabel({ u }: { u: ScenarioUitkomst }) {
  const { t } = useTranslation('scenarios')
  return (
    <div className="rk-table-wrap">
      <Table>
        <TableCaption className="rk-visually-hidden">{t('detail.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('detail.deelnemer')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('detail.oordeel')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('detail.ncw')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('detail.terugverdiend')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('detail.verschilEenmalig')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('detail.verschilJaarlijks')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('detail.huidig')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('detail.aandeel')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {u.deelnemers.map((d) => (
            <TableRow key={d.organisatieId}>
              <TableHeaderCell scope="row">
                <Link to={`/organisaties/${d.organisatieId}`}>{d.naam ?? d.organisatieId}</Link>
              </TableHeaderCell>
              <ResultaatCellen r={d} />
            </TableRow>
          ))}
          <TableRow className="rk-tabel-voet">
            <TableHeaderCell scope="row">{t('detail.totaal')}</TableHeaderCell>
            <ResultaatCellen r={u.totaal} />
          </TableRow>
        </TableBody>
      </Table>
    </div>
  )
}

function JarenTabel({ u }: { u: ScenarioUitkomst }) {
  const { t } = useTranslation('scenarios')
  const jaren = u.deelnemers[0]?.jaren ?? []
  return (
    <div className="rk-table-wrap">
      <Table>
        <TableCaption className="rk-tabel-titel">{t('detail.jarenTabel')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('detail.jaarKolom')}</TableHeaderCell>
            {u.deelnemers.map((d) => (
              <TableHeaderCell key={d.organisatieId} scope="col">
                {d.naam ?? d.organisatieId}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {jaren.map((j, i) => (
            <TableRow key={j.jaar}>
              <TableHeaderCell scope="row">
                {j.kalenderjaar === undefined ? j.jaar : t('detail.jaarKalender', { jaar: j.jaar, kalenderjaar: j.kalenderjaar })}
              </TableHeaderCell>
              {u.deelnemers.map((d) => (
                <TableCell key={d.organisatieId} className="rk-bedrag">
                  <Bedrag centen={d.jaren[i]?.cumulatief ?? 0} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  )
}

function Uitgangspunten({ s }: { s: Scenario }) {
  const { t } = useTranslation('scenarios')
  const samenwerkingen = useOpties(s.samenwerkingId ? 'samenwerkingen' : undefined)
  const v = s.invoer.verdeling
  const verdeling =
    v.soort === 'mix'
      ? v.componenten
          .map(
            (c) =>
              `${c.aandeel}% ${c.regel.soort === 'maatstaf' ? `${t('formulier.sleutels.maatstaf')}: ${c.regel.maatstaf}` : c.regel.soort}`,
          )
          .join(' + ')
      : v.soort === 'maatstaf'
        ? `${t('formulier.sleutels.maatstaf')}: ${v.maatstaf}`
        : t(`formulier.sleutels.${v.soort}`)
  const voet = currentLanguage() === 'nl' ? String(s.invoer.disconteringsvoet).replace('.', ',') : String(s.invoer.disconteringsvoet)
  return (
    <section aria-labelledby="uitgangspunten-kop" className="rk-sectie">
      <Heading level={2} id="uitgangspunten-kop">
        {t('detail.uitgangspunten')}
      </Heading>
      <dl className="rk-uitgangspunten">
        {s.omschrijving && (
          <>
            <dt>{t('detail.omschrijving')}</dt>
            <dd className="rk-meertekst">{s.omschrijving}</dd>
          </>
        )}
        {s.samenwerkingId && (
          <>
            <dt>{t('detail.samenwerking')}</dt>
            <dd>
              <Link to={`/samenwerkingen/${s.samenwerkingId}`}>
                {samenwerkingen.data?.find((o) => o.id === s.samenwerkingId)?.naam ?? s.samenwerkingId}
              </Link>
            </dd>
          </>
        )}
        <dt>{t('detail.gezamenlijk')}</dt>
        <dd>
          {t('detail.eenmaligJaarlijks', {
            eenmalig: formatBedrag(s.invoer.gezamenlijk.eenmalig),
            jaarlijks: formatBedrag(s.invoer.gezamenlijk.jaarlijks),
          })}
        </dd>
        <dt>{t('detail.verdeling')}</dt>
        <dd>{verdeling}</dd>
        <dt>{t('detail.horizon')}</dt>
        <dd>{t('jaren', { count: s.invoer.horizonJaren })}</dd>
        <dt>{t('detail.voet')}</dt>
        <dd>{voet}%</dd>
        {s.invoer.startjaar !== undefined && (
          <>
            <dt>{t('detail.startjaar')}</dt>
            <dd>{s.invoer.startjaar}</dd>
          </>
        )}
        {s.toelichting && (
          <>
            <dt>{t('detail.toelichting')}</dt>
            <dd className="rk-meertekst">{s.toelichting}</dd>
          </>
        )}
      </dl>
    </section>
  )
}

function Verwijderen({ s, etag }: { s: Scenario; etag?: string }) {
  const { t } = useTranslation('scenarios')
  const [vragen, setVragen] = useState(false)
  const client = useQueryClient()
  const navigate = useNavigate()
  const mutatie = useMutation({
    mutationFn: () => request(`scenarios/${s.id}`, { method: 'DELETE', ifMatch: etag }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: SCENARIOS_KEY })
      navigate('/scenarios', { state: { verwijderd: s.naam } })
    },
  })
  if (!vragen)
    return (
      <Button appearance="secondary-action-button" onClick={() => setVragen(true)}>
        {t('detail.verwijderen')}
      </Button>
    )
  return (
    <Alert type="warning" role="alert">
      <Paragraph>{t('detail.bevestig', { naam: s.naam })}</Paragraph>
      <ErrorAlert error={mutatie.error} />
      <div className="rk-acties">
        <Button appearance="primary-action-button" onClick={() => mutatie.mutate()} disabled={mutatie.isPending}>
          {t('detail.jaVerwijderen')}
        </Button>
        <Button appearance="subtle-button" onClick={() => setVragen(false)}>
          {t('common:acties.annuleren')}
        </Button>
      </div>
    </Alert>
  )
}

export default function ScenarioDetail() {
  const { id = '' } = useParams()
  const { t } = useTranslation('scenarios')
  const location = useLocation()
  const scenario = useScenario(id)
  if (scenario.isPending) return <Loading />
  if (scenario.error || !scenario.data) {
    return (
      <>
        <PageHeading titel={t('titel')} />
        <ErrorAlert error={scenario.error} />
        <Paragraph>
          <Link to="/scenarios">{t('detail.terug')}</Link>
        </Paragraph>
      </>
    )
  }
  const s = scenario.data.data
  // An impact analysis has its own page.
  if (s.soort === 'impactanalyse') return <Navigate to={`/scenarios/${id}/impact`} replace />
  const u = s.uitkomst
  const acties = s.toegestaneActies ?? []
  const opgeslagen = (location.state as { opgeslagen?: boolean } | null)?.opgeslagen
  const niet = u ? u.deelnemers.length - u.totaal.aantalVooruit : 0
  return (
    <>
      <Paragraph className="rk-kruimel">
        <Link to="/scenarios">{t('detail.terug')}</Link>
      </Paragraph>
      <PageHeading titel={s.naam} />
      {opgeslagen && (
        <Alert type="ok" role="status">
          <Paragraph>{t('detail.opgeslagen')}</Paragraph>
        </Alert>
      )}
      {(acties.includes('wijzigen') || acties.includes('verwijderen')) && (
        <div className="rk-acties">
          {acties.includes('wijzigen') && (
            <AppButtonLink to={`/scenarios/${id}/bewerken`} appearance="secondary-action-button">
              {t('common:acties.bewerken')}
            </AppButtonLink>
          )}
          {acties.includes('verwijderen') && <Verwijderen s={s} etag={scenario.data.etag} />}
        </div>
      )}
      {u && (
        <Alert type={u.totaal.iedereenVooruit ? 'ok' : 'warning'}>
          <Paragraph>
            {u.totaal.iedereenVooruit
              ? t('detail.samenvattingVooruit', { totaal: u.deelnemers.length })
              : t('detail.samenvattingNiet', { aantal: u.totaal.aantalVooruit, totaal: u.deelnemers.length, niet })}
          </Paragraph>
        </Alert>
      )}
      <Uitgangspunten s={s} />
      {u && (
        <>
          <section aria-labelledby="uitkomst-kop" className="rk-sectie">
            <Heading level={2} id="uitkomst-kop">
              {t('detail.uitkomst')}
            </Heading>
            <UitkomstTabel u={u} />
            <Heading level={3}>{t('detail.uitleg')}</Heading>
            <UnorderedList>
              {u.deelnemers.map((d) => (
                <UnorderedListItem key={d.organisatieId}>
                  <strong>{d.naam ?? d.organisatieId}</strong>: {d.uitleg[currentLanguage()]}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          </section>
          <section aria-labelledby="grafiek-kop" className="rk-sectie">
            <Heading level={2} id="grafiek-kop">
              {t('detail.grafiek')}
            </Heading>
            <Paragraph>{t('detail.grafiekUitleg')}</Paragraph>
            <Grafiek uitkomst={u} label={t('detail.grafiekLabel', { jaren: t('jaren', { count: u.horizonJaren }) })} />
            <JarenTabel u={u} />
          </section>
        </>
      )}
      <Wijzigingen soort="scenario" id={id} revisie={s.revisie} />
    </>
  )
}
