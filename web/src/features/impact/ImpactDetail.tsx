import {
  Alert,
  Button,
  Heading,
  Link as NlLink,
  Paragraph,
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
import { formatBedrag, formatDatum } from '../../i18n/format'
import { Wijzigingen } from '../auditlog/Wijzigingen'
import { useOpties } from '../registry/api'
import { SCENARIOS_KEY } from '../scenarios/api'
import { type ImpactScenario, rapportPad, useImpactScenario, useImpactUitkomst, type Wijziging } from './api'
import { Uitkomst } from './Uitkomst'
import '../scenarios/scenarios.css'
import './impact.css'

// One impact analysis: the question, the changes and assumptions as entered, then the
// outcome computed now for the reader (tables, graph, cost effect), links to the report
// and the actions the API allows.

function useNamen() {
  const lijsten = [useOpties('organisaties'), useOpties('samenwerkingen'), useOpties('gastheerschappen'), useOpties('applicaties')]
  const namen = new Map<string, string>()
  for (const l of lijsten) for (const o of l.data ?? []) namen.set(o.id, o.naam)
  return (id: string | undefined) => (id ? (namen.get(id) ?? id) : '')
}

/** One change as a sentence: its date, kind and the objects it names. */
export function WijzigingTekst({ w }: { w: Wijziging }) {
  const { t } = useTranslation('scenarios')
  const naam = useNamen()
  const zin = (() => {
    switch (w.soort) {
      case 'uittreden':
        return w.samenwerkingId
          ? t('impact.zin.uittredenSamenwerking', { organisatie: naam(w.organisatieId), samenwerking: naam(w.samenwerkingId) })
          : t('impact.zin.uittredenGastheerschap', { organisatie: naam(w.organisatieId), gastheerschap: naam(w.gastheerschapId) })
      case 'gastheer stopt':
        return t('impact.zin.gastheerStopt', { gastheerschap: naam(w.gastheerschapId) })
      case 'leverancier vervangen':
        return w.nieuweLeverancierId
          ? t('impact.zin.leverancierVervangenDoor', { leverancier: naam(w.leverancierId), nieuw: naam(w.nieuweLeverancierId) })
          : t('impact.zin.leverancierVervangen', { leverancier: naam(w.leverancierId) })
      case 'leverancier failliet':
        return t('impact.zin.leverancierFailliet', { leverancier: naam(w.leverancierId) })
      case 'applicatie uitfaseren':
        return t('impact.zin.applicatieUitfaseren', { applicatie: naam(w.applicatieId) })
      case 'applicatie vervangen':
        return w.vervangerId
          ? t('impact.zin.applicatieVervangenDoor', { applicatie: naam(w.applicatieId), vervanger: naam(w.vervangerId) })
          : t('impact.zin.applicatieVervangen', { applicatie: naam(w.applicatieId) })
      case 'uitbesteden':
        return t('impact.zin.uitbesteden', {
          organisatie: naam(w.organisatieId),
          applicaties: w.applicatieIds.map(naam).join(', '),
          partij: naam(w.partijId),
        })
      case 'standaard wijzigt':
        return t('impact.zin.standaardWijzigt', {
          standaard: w.versie ? `${w.standaard} ${w.versie}` : w.standaard,
          nieuw: w.nieuweVersie ?? t('impact.zin.onbekend'),
        })
      case 'endpoint wijzigt':
        return t('impact.zin.endpointWijzigt', { applicatie: naam(w.applicatieId) })
    }
  })()
  return (
    <>
      <strong>{t(`impact.soort.${w.soort}`)}</strong> ({t('impact.perDatum', { datum: formatDatum(w.datum) })}): {zin}
    </>
  )
}

function Invoer({ s }: { s: ImpactScenario }) {
  const { t } = useTranslation('scenarios')
  const naam = useNamen()
  const i = s.invoer
  return (
    <section aria-labelledby="invoer-kop" className="rk-sectie">
      <Heading level={2} id="invoer-kop">
        {t('impact.invoer')}
      </Heading>
      <dl className="rk-uitgangspunten">
        {i.vraag && (
          <>
            <dt>{t('impact.veld.vraag')}</dt>
            <dd className="rk-meertekst">{i.vraag}</dd>
          </>
        )}
        {s.omschrijving && (
          <>
            <dt>{t('detail.omschrijving')}</dt>
            <dd className="rk-meertekst">{s.omschrijving}</dd>
          </>
        )}
        <dt>{t('impact.veld.opstellerId')}</dt>
        <dd>{naam(i.opstellerId)}</dd>
        <dt>{t('impact.formulier.wijzigingen')}</dt>
        <dd>
          <UnorderedList>
            {i.wijzigingen.map((w, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: changes have no id of their own
              <UnorderedListItem key={n}>
                <WijzigingTekst w={w} />
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </dd>
        {i.aannames && i.aannames.length > 0 && (
          <>
            <dt>{t('impact.veld.aannames')}</dt>
            <dd>
              <UnorderedList>
                {i.aannames.map((a) => (
                  <UnorderedListItem key={a}>{a}</UnorderedListItem>
                ))}
              </UnorderedList>
            </dd>
          </>
        )}
        {i.kosten && i.kosten.length > 0 && (
          <>
            <dt>{t('impact.formulier.kosten')}</dt>
            <dd>
              <UnorderedList>
                {i.kosten.map((k, n) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cost lines have no id of their own
                  <UnorderedListItem key={n}>
                    {naam(k.organisatieId)}: {k.omschrijving} —{' '}
                    {t('impact.kostenregel', { eenmalig: formatBedrag(k.eenmalig), jaarlijks: formatBedrag(k.jaarlijks ?? 0) })}
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            </dd>
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

function Verwijderen({ s, etag }: { s: ImpactScenario; etag?: string }) {
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

export default function ImpactDetail() {
  const { id = '' } = useParams()
  const { t } = useTranslation('scenarios')
  const location = useLocation()
  const scenario = useImpactScenario(id)
  const uitkomst = useImpactUitkomst(scenario.data?.data.soort === 'impactanalyse' ? id : undefined)
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
  // A business case has its own page.
  if (s.soort !== 'impactanalyse') return <Navigate to={`/scenarios/${id}`} replace />
  const acties = s.toegestaneActies ?? []
  const opgeslagen = (location.state as { opgeslagen?: boolean } | null)?.opgeslagen
  return (
    <>
      <Paragraph className="rk-kruimel">
        <Link to="/scenarios">{t('detail.terug')}</Link>
      </Paragraph>
      <PageHeading titel={s.naam} />
      <Paragraph className="rk-impact-soort">{t('impact.soortScenario')}</Paragraph>
      {opgeslagen && (
        <Alert type="ok" role="status">
          <Paragraph>{t('detail.opgeslagen')}</Paragraph>
        </Alert>
      )}
      <div className="rk-acties">
        {acties.includes('wijzigen') && (
          <AppButtonLink to={`/scenarios/${id}/impact/bewerken`} appearance="secondary-action-button">
            {t('common:acties.bewerken')}
          </AppButtonLink>
        )}
        <AppButtonLink to={`/scenarios/impact/vergelijken?ids=${id}`} appearance="secondary-action-button">
          {t('impact.vergelijkMet')}
        </AppButtonLink>
        {acties.includes('verwijderen') && <Verwijderen s={s} etag={scenario.data.etag} />}
      </div>
      <Paragraph>
        {t('impact.rapport')}: <NlLink href={rapportPad(id, 'pdf')}>{t('impact.rapportPdf')}</NlLink> ·{' '}
        <NlLink href={rapportPad(id, 'markdown')}>{t('impact.rapportMarkdown')}</NlLink>
      </Paragraph>
      <Invoer s={s} />
      <section aria-labelledby="uitkomst-kop" className="rk-sectie">
        <Heading level={2} id="uitkomst-kop">
          {t('impact.uitkomst')}
        </Heading>
        <ErrorAlert error={uitkomst.error} />
        {uitkomst.isPending && <Loading />}
        {uitkomst.data && <Uitkomst u={uitkomst.data} kop={3} />}
      </section>
      <Wijzigingen soort="scenario" id={id} revisie={s.revisie} />
    </>
  )
}
