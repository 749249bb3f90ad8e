import {
  Alert,
  Button,
  FormFieldSelect,
  FormFieldTextInput,
  Heading,
  Paragraph,
  SelectOption,
  UnorderedList,
  UnorderedListItem,
} from '@rijkshuisstijl-community/components-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiProblem, request } from '../../api/client'
import { useCurrentIk } from '../../app/session'
import { AppLink } from '../../components/app-link'
import { ErrorSummary, type Foutmelding } from '../../components/error-summary'
import { GeenToegang } from '../../components/geen-toegang'
import { ErrorAlert, PageHeading } from '../../components/page'
import { formatBedrag } from '../../i18n/format'
import { useOrganisaties } from '../beheer/useOrganisaties'
import { DECLARATIES_KEY, type GenereerResultaat, PERIODE } from './api'
import { magGenereren } from './Lijst'
import './declaraties.css'

// "Declaraties genereren": a period (checked here and by the API, the message next to
// the field) and optionally one sender; the result lists what was generated and what
// was skipped, with the reason.

function Resultaat({ r }: { r: GenereerResultaat }) {
  const { t } = useTranslation('declaraties')
  return (
    <section aria-labelledby="resultaat-kop" className="rk-decl__sectie">
      <Heading level={2} appearanceLevel={3} id="resultaat-kop">
        {t('genereren.resultaat')}
      </Heading>
      <Alert type={r.gegenereerd.length > 0 ? 'ok' : 'info'} role="status">
        <Paragraph>{t('genereren.gegenereerd', { count: r.gegenereerd.length })}</Paragraph>
        {r.melding && <Paragraph>{r.melding}</Paragraph>}
        {r.verwijderd.length > 0 && <Paragraph>{t('genereren.verwijderd', { count: r.verwijderd.length })}</Paragraph>}
      </Alert>
      {r.gegenereerd.length > 0 && (
        <UnorderedList>
          {r.gegenereerd.map((d) => (
            <UnorderedListItem key={d.id}>
              <AppLink to={`/declaraties/${d.id}`}>
                {t('genereren.openen', { van: d.vanNaam, aan: d.aanNaam, totaal: formatBedrag(d.totaal) })}
              </AppLink>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {r.overgeslagen.length > 0 && (
        <>
          <Heading level={3} appearanceLevel={4}>
            {t('genereren.overgeslagen')}
          </Heading>
          <UnorderedList>
            {r.overgeslagen.map((o) => (
              <UnorderedListItem key={o.declaratieId}>
                {t('vanAan', { van: o.vanNaam, aan: o.aanNaam })}: <AppLink to={`/declaraties/${o.declaratieId}`}>{o.nummer}</AppLink> —{' '}
                {o.reden}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </section>
  )
}

export default function Genereren() {
  const { t } = useTranslation('declaraties')
  const ik = useCurrentIk()
  const client = useQueryClient()
  const { naamVan, organisaties } = useOrganisaties()
  const [periode, setPeriode] = useState('')
  const [vanId, setVanId] = useState('')
  const [veldFout, setVeldFout] = useState<string>()
  const [poging, setPoging] = useState(0)
  const rollen = ik.gebruiker.rollen
  const admin = rollen.some((r) => r.rol === 'admin')
  const afzenders = admin
    ? organisaties.map((o) => o.id)
    : [...new Set(rollen.filter((r) => r.rol === 'regisseur' && r.organisatieId).map((r) => r.organisatieId as string))]

  const genereer = useMutation({
    mutationFn: (body: { periode: string; vanId?: string }) =>
      request<GenereerResultaat>('declaraties/_genereren', { method: 'POST', body }).then((r) => r.data),
    onSuccess: () => client.invalidateQueries({ queryKey: DECLARATIES_KEY }),
    onError: (e) => {
      if (e instanceof ApiProblem && e.status === 400) setVeldFout(e.fieldErrors().periode ?? e.fieldErrors().vanId)
      setPoging((n) => n + 1)
    },
  })

  if (!magGenereren(rollen)) return <GeenToegang titel={t('genereren.titel')} uitleg={t('genereren.geenRecht')} />

  function submit(e: FormEvent) {
    e.preventDefault()
    const p = periode.trim().toUpperCase()
    const fout = !p ? t('genereren.periodeVerplicht') : PERIODE.test(p) ? undefined : t('periodeOngeldig')
    setVeldFout(fout)
    if (fout) {
      genereer.reset()
      setPoging((n) => n + 1)
      return
    }
    genereer.mutate({ periode: p, ...(vanId ? { vanId } : {}) })
  }

  const fouten: Foutmelding[] = veldFout ? [{ doel: 'genereren-periode', label: t('genereren.periode'), melding: veldFout }] : []
  const apiFout = genereer.error instanceof ApiProblem && genereer.error.status === 400 ? undefined : genereer.error
  return (
    <>
      <Paragraph className="rk-kruimel">
        <AppLink to="/declaraties">{t('genereren.terug')}</AppLink>
      </Paragraph>
      <PageHeading titel={t('genereren.titel')} />
      <Paragraph>{t('genereren.intro')}</Paragraph>
      <ErrorSummary fouten={fouten} poging={poging} />
      <form className="rk-form" onSubmit={submit} noValidate>
        <FormFieldTextInput
          id="genereren-periode"
          label={t('genereren.periode')}
          name="periode"
          value={periode}
          required
          description={t('genereren.periodeHulp')}
          invalid={Boolean(veldFout)}
          errorMessage={veldFout}
          onChange={(e) => setPeriode((e.target as HTMLInputElement).value)}
          autoComplete="off"
        />
        <FormFieldSelect
          label={t('genereren.van')}
          name="vanId"
          value={vanId}
          onChange={(e) => setVanId((e.target as HTMLSelectElement).value)}
        >
          <SelectOption value="">{t('genereren.vanAlle')}</SelectOption>
          {afzenders.map((id) => (
            <SelectOption key={id} value={id}>
              {naamVan(id)}
            </SelectOption>
          ))}
        </FormFieldSelect>
        <div>
          <Button type="submit" appearance="primary-action-button" disabled={genereer.isPending}>
            {genereer.isPending ? t('genereren.bezig') : t('genereren.knop')}
          </Button>
        </div>
      </form>
      <ErrorAlert error={apiFout} />
      {genereer.error instanceof ApiProblem && genereer.error.status === 409 && genereer.error.body.invalidParams?.length ? (
        <UnorderedList>
          {genereer.error.body.invalidParams.map((p) => (
            <UnorderedListItem key={p.name}>{p.reason}</UnorderedListItem>
          ))}
        </UnorderedList>
      ) : null}
      {genereer.data && <Resultaat r={genereer.data} />}
    </>
  )
}
