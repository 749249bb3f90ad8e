import { Alert, Button, FormFieldTextarea, FormSummary, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { ApiProblem, request } from '../../api/client'
import { AppLink } from '../../components/app-link'
import { ErrorSummary } from '../../components/error-summary'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { useObject } from '../registry/api'
import { MONITORING_KEY, type Storing as StoringData, storingQuery } from './api'
import { Gegeven, Moment, redenTekst, StatusLabel } from './gedeeld'
import { Keuzerondjes } from './velden'
import '../registry/registry.css'
import './monitoring.css'

// One storing: when it began, opened and closed, its timeline, and — for who may change
// its controle — "Bevestigen" (while open) or a note (POST /storingen/{id}/tijdlijn).

type Soort = 'bevestigd' | 'notitie'

function Aanvullen({ s }: { s: StoringData }) {
  const { t } = useTranslation('monitoring')
  const client = useQueryClient()
  const [soort, setSoort] = useState<Soort>(s.open ? 'bevestigd' : 'notitie')
  const [tekst, setTekst] = useState('')
  const [eigen, setEigen] = useState<string>()
  const [poging, setPoging] = useState(0)
  const toevoegen = useMutation({
    mutationFn: () =>
      request<StoringData>(`storingen/${s.id}/tijdlijn`, {
        method: 'POST',
        body: { soort, ...(tekst.trim() ? { tekst: tekst.trim() } : {}) },
      }),
    onSuccess: async (r) => {
      setTekst('')
      client.setQueryData(storingQuery(s.id).queryKey, r.data)
      await client.invalidateQueries({ queryKey: MONITORING_KEY })
    },
    onError: () => setPoging((n) => n + 1),
  })
  const api = toevoegen.error instanceof ApiProblem && toevoegen.error.status === 400 ? toevoegen.error.fieldErrors() : {}
  const fout = eigen ?? api.tekst ?? api.soort
  function submit(e: FormEvent) {
    e.preventDefault()
    toevoegen.reset()
    if (soort === 'notitie' && !tekst.trim()) {
      setEigen(t('storing.tekstVerplicht'))
      setPoging((n) => n + 1)
      return
    }
    setEigen(undefined)
    toevoegen.mutate()
  }
  const opties = [
    ...(s.open ? [{ waarde: 'bevestigd' as const, label: t('storing.bevestigen') }] : []),
    { waarde: 'notitie' as const, label: t('storing.notitie') },
  ]
  return (
    <section aria-labelledby="storing-aanvullen" className="rk-mon-sectie">
      <Heading level={2} appearanceLevel={3} id="storing-aanvullen">
        {s.open ? t('storing.aanvullen') : t('storing.aanvullenGesloten')}
      </Heading>
      <ErrorSummary fouten={fout ? [{ doel: 'storing-tekst', label: t('storing.tekst'), melding: fout }] : []} poging={poging} />
      {toevoegen.isSuccess && (
        <Alert type="ok" role="status">
          <Paragraph>{t('storing.toegevoegd')}</Paragraph>
        </Alert>
      )}
      <form className="rk-form" noValidate onSubmit={submit}>
        <Keuzerondjes id="storing-soort" legend={t('storing.soort')} waarde={soort} opties={opties} onChange={setSoort} />
        <div id="storing-tekst">
          <FormFieldTextarea
            label={t('storing.tekst')}
            description={t('storing.tekstHulp')}
            rows={3}
            maxLength={4000}
            value={tekst}
            invalid={Boolean(fout)}
            errorMessage={fout}
            onChange={(e) => setTekst((e.target as HTMLTextAreaElement).value)}
          />
        </div>
        <div>
          <Button type="submit" appearance="primary-action-button" disabled={toevoegen.isPending}>
            {t('storing.knop')}
          </Button>
        </div>
      </form>
      {!(toevoegen.error instanceof ApiProblem && toevoegen.error.status === 400) && <ErrorAlert error={toevoegen.error} />}
    </section>
  )
}

export default function Storing() {
  const { id = '' } = useParams()
  const { t } = useTranslation('monitoring')
  const storing = useQuery(storingQuery(id))
  const controle = useObject('controles', storing.data?.controle.id)
  if (storing.isPending) return <Loading />
  if (storing.error || !storing.data) {
    return (
      <>
        <PageHeading titel={t('storingen.titel')} />
        <ErrorAlert error={storing.error} />
        <Paragraph>
          <AppLink to="/storingen">{t('storing.terug')}</AppLink>
        </Paragraph>
      </>
    )
  }
  const s = storing.data
  const magAanvullen = controle.data?.data.toegestaneActies?.includes('wijzigen') === true
  return (
    <>
      <Paragraph className="rk-kruimel">
        <AppLink to="/storingen">{t('storing.terug')}</AppLink>
      </Paragraph>
      <PageHeading titel={t('storing.titel', { naam: s.controle.naam })} />
      <FormSummary className="rk-gegevens">
        <Gegeven label={t('storing.status')}>
          {s.open ? (
            <StatusLabel status="storing" tekst={t('storingen.isOpen')} />
          ) : (
            <StatusLabel status="werkt" tekst={t('storingen.isGesloten')} />
          )}
        </Gegeven>
        <Gegeven label={t('storing.controle')}>
          <AppLink to={`/controles/${s.controle.id}`}>{s.controle.naam}</AppLink>
        </Gegeven>
        {s.koppeling && (
          <Gegeven label={t('storing.koppeling')}>
            <AppLink to={`/koppelingen/${s.koppeling.id}`}>{s.koppeling.naam}</AppLink>
          </Gegeven>
        )}
        <Gegeven label={t('storing.begonnenOp')}>
          <Moment op={s.begonnenOp} />
        </Gegeven>
        <Gegeven label={t('storing.geopendOp')}>
          <Moment op={s.geopendOp} />
        </Gegeven>
        {s.geslotenOp && (
          <Gegeven label={t('storing.geslotenOp')}>
            <Moment op={s.geslotenOp} />
          </Gegeven>
        )}
        {s.reden && <Gegeven label={t('storing.reden')}>{redenTekst(s.reden)}</Gegeven>}
      </FormSummary>
      <section aria-labelledby="storing-tijdlijn" className="rk-mon-sectie">
        <Heading level={2} appearanceLevel={3} id="storing-tijdlijn">
          {t('storing.tijdlijn')}
        </Heading>
        <ol className="rk-mon-tijdlijn" data-tijdlijn="">
          {s.tijdlijn.map((g, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the timeline only grows at the end
            <li key={i} data-gebeurtenis={g.soort}>
              <Moment op={g.op} /> — <strong>{t(`storing.gebeurtenis.${g.soort}`)}</strong>
              {g.door && ` ${t('storing.door', { door: g.door })}`}
              {g.tekst && <span className="rk-mon-reden rk-meertekst">{g.tekst}</span>}
            </li>
          ))}
        </ol>
      </section>
      {magAanvullen && <Aanvullen key={String(s.open)} s={s} />}
    </>
  )
}
