import {
  Alert,
  Button,
  FormFieldSelect,
  FormFieldTextarea,
  FormFieldTextInput,
  FormSummary,
  Heading,
  Paragraph,
  SelectOption,
} from '@rijkshuisstijl-community/components-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiProblem, request } from '../../api/client'
import { useCurrentIk } from '../../app/session'
import { AppButtonLink } from '../../components/app-link'
import { ErrorSummary } from '../../components/error-summary'
import { ErrorAlert, Loading } from '../../components/page'
import { formatTijdstip } from '../../i18n/format'
import { magAanmaken } from '../registry/soorten'
import { MONITORING_KEY, WERKINGEN, type Werking, type Werkingsstatus, werkingQuery } from './api'
import { Gegeven, redenTekst, StatusLabel } from './gedeeld'
import { ControleTabel } from './Overzicht'
import { vanInvoerTijd } from './tijd'
import { foutVan } from './velden'
import '../registry/registry.css'
import './monitoring.css'

// On a koppeling's page: its working state (measured, or set by a person above the
// measurements while that holds), its controles, and — for who may change the koppeling —
// setting the state by hand with a reason, or removing that again.

function HandmatigZetten({ id, w }: { id: string; w: Werking }) {
  const { t } = useTranslation('monitoring')
  const client = useQueryClient()
  const [status, setStatus] = useState<Werkingsstatus>(w.handmatig ? (w.handmatig.status as Werkingsstatus) : 'storing')
  const [reden, setReden] = useState('')
  const [tot, setTot] = useState('')
  const [eigen, setEigen] = useState<Record<string, string>>({})
  const [poging, setPoging] = useState(0)
  const [gelukt, setGelukt] = useState<string>()
  const klaar = async (melding: string) => {
    setGelukt(melding)
    setReden('')
    setTot('')
    await client.invalidateQueries({ queryKey: MONITORING_KEY })
  }
  const zetten = useMutation({
    mutationFn: (body: unknown) => request(`koppelingen/${id}/werking`, { method: 'PUT', body }),
    onSuccess: () => klaar(t('werking.gezet')),
    onError: () => setPoging((n) => n + 1),
  })
  const weghalen = useMutation({
    mutationFn: () => request(`koppelingen/${id}/werking`, { method: 'DELETE' }),
    onSuccess: () => klaar(t('werking.weggehaald')),
  })
  const api = zetten.error instanceof ApiProblem && zetten.error.status === 400 ? zetten.error.fieldErrors() : {}
  const fouten = { ...api, ...eigen }
  const labels: Record<string, string> = { status: t('werking.statusVeld'), reden: t('werking.reden'), tot: t('werking.totVeld') }
  function submit(e: FormEvent) {
    e.preventDefault()
    setGelukt(undefined)
    zetten.reset()
    const f: Record<string, string> = {}
    if (!reden.trim()) f.reden = t('werking.redenVerplicht')
    const totIso = tot ? vanInvoerTijd(tot) : undefined
    if (tot && !totIso) f.tot = t('formulier.tijdOngeldig')
    setEigen(f)
    if (Object.keys(f).length > 0) {
      setPoging((n) => n + 1)
      return
    }
    zetten.mutate({ status, reden: reden.trim(), ...(totIso ? { tot: totIso } : {}) })
  }
  return (
    <section aria-labelledby="werking-zetten" className="rk-mon-sectie">
      <Heading level={3} appearanceLevel={4} id="werking-zetten">
        {t('werking.zetten')}
      </Heading>
      <Paragraph>{t('werking.zettenUitleg')}</Paragraph>
      <ErrorSummary
        fouten={Object.entries(fouten).map(([k, m]) => ({ doel: `werking-${k}`, label: labels[k] ?? k, melding: m }))}
        poging={poging}
      />
      <div aria-live="polite">
        {gelukt && (
          <Alert type="ok">
            <Paragraph>{gelukt}</Paragraph>
          </Alert>
        )}
      </div>
      <form className="rk-form" noValidate onSubmit={submit}>
        <div id="werking-status">
          <FormFieldSelect
            label={labels.status}
            value={status}
            invalid={Boolean(foutVan(fouten, 'status'))}
            errorMessage={foutVan(fouten, 'status')}
            onChange={(e) => setStatus((e.target as HTMLSelectElement).value as Werkingsstatus)}
          >
            {WERKINGEN.map((s) => (
              <SelectOption key={s} value={s}>
                {t(`status.${s}`)}
              </SelectOption>
            ))}
          </FormFieldSelect>
        </div>
        <div id="werking-reden">
          <FormFieldTextarea
            label={`${labels.reden} *`}
            rows={2}
            maxLength={1000}
            value={reden}
            invalid={Boolean(foutVan(fouten, 'reden'))}
            errorMessage={foutVan(fouten, 'reden')}
            onChange={(e) => setReden((e.target as HTMLTextAreaElement).value)}
          />
        </div>
        <div id="werking-tot">
          <FormFieldTextInput
            label={labels.tot}
            description={t('werking.totHulp')}
            type="datetime-local"
            value={tot}
            invalid={Boolean(foutVan(fouten, 'tot'))}
            errorMessage={foutVan(fouten, 'tot')}
            onChange={(e) => setTot((e.target as HTMLInputElement).value)}
          />
        </div>
        <div className="rk-mon-acties">
          <Button type="submit" appearance="primary-action-button" disabled={zetten.isPending}>
            {t('werking.knop')}
          </Button>
          {w.handmatig && (
            <Button appearance="secondary-action-button" disabled={weghalen.isPending} onClick={() => weghalen.mutate()}>
              {t('werking.weghalen')}
            </Button>
          )}
        </div>
      </form>
      {!(zetten.error instanceof ApiProblem && zetten.error.status === 400) && <ErrorAlert error={zetten.error} />}
      <ErrorAlert error={weghalen.error} />
    </section>
  )
}

export function KoppelingWerking({ id, magWijzigen }: { id: string; magWijzigen: boolean }) {
  const { t } = useTranslation('monitoring')
  const ik = useCurrentIk()
  const werking = useQuery(werkingQuery(id))
  const w = werking.data
  return (
    <section aria-labelledby="koppeling-werking" className="rk-sectie" data-werking="">
      <Heading level={2} appearanceLevel={3} id="koppeling-werking">
        {t('werking.kop')}
      </Heading>
      <ErrorAlert error={werking.error} />
      {werking.isPending && <Loading />}
      {w && (
        <>
          <FormSummary className="rk-gegevens">
            <Gegeven label={t('werking.status')}>
              <StatusLabel status={w.status} />
            </Gegeven>
            <Gegeven label={t('werking.gemeten')}>
              <StatusLabel status={w.gemeten} />
            </Gegeven>
            <Gegeven label={t('werking.bron')}>{w.bron === 'handmatig' ? t('werking.bronHandmatig') : t('werking.bronMetingen')}</Gegeven>
            <Gegeven label={t('werking.uitleg')}>
              {redenTekst(w.uitleg)}
              {w.handmatig && (
                <span className="rk-mon-reden">
                  {t('werking.handmatig', { door: w.handmatig.door, op: formatTijdstip(w.handmatig.op), reden: w.handmatig.reden })}
                  {w.handmatig.tot && ` ${t('werking.tot', { tot: formatTijdstip(w.handmatig.tot) })}`}
                </span>
              )}
            </Gegeven>
          </FormSummary>
          <Heading level={3} appearanceLevel={4}>
            {t('werking.controles')}
          </Heading>
          {w.controles.length === 0 ? (
            <Paragraph>{t('werking.geenControles')}</Paragraph>
          ) : (
            <ControleTabel rijen={w.controles} caption={t('werking.controles')} />
          )}
          {magAanmaken(ik.rechten.aanmaken, 'controles') && (
            <Paragraph>
              <AppButtonLink to={`/controles/nieuw?koppelingId=${id}`} appearance="secondary-action-button">
                {t('werking.nieuweControle')}
              </AppButtonLink>
            </Paragraph>
          )}
          {magWijzigen && <HandmatigZetten id={id} w={w} />}
        </>
      )}
    </section>
  )
}
