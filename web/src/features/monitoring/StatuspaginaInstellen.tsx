import { Alert, Button, FormFieldCheckboxOption, FormFieldTextInput, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiProblem, get, request } from '../../api/client'
import { AppLink } from '../../components/app-link'
import { ErrorSummary } from '../../components/error-summary'
import { ErrorAlert } from '../../components/page'
import { MONITORING_KEY, type Statuspagina } from './api'
import { foutVan } from './velden'

// On a samenwerking's page: a link to its status page and, for who may change the
// samenwerking, making it public at /status/{slug} with a title (PUT …/statuspagina).

function Formulier({ id, p }: { id: string; p: Statuspagina }) {
  const { t } = useTranslation('monitoring')
  const client = useQueryClient()
  const [openbaar, setOpenbaar] = useState(p.openbaar === true)
  const [slug, setSlug] = useState(p.slug ?? '')
  const [titel, setTitel] = useState(p.titel)
  const [poging, setPoging] = useState(0)
  const opslaan = useMutation({
    mutationFn: () =>
      request<{ openbaar: boolean; slug?: string }>(`samenwerkingen/${id}/statuspagina`, {
        method: 'PUT',
        body: { openbaar, ...(slug.trim() ? { slug: slug.trim() } : {}), ...(titel.trim() ? { titel: titel.trim() } : {}) },
      }).then((r) => r.data),
    onSuccess: () => client.invalidateQueries({ queryKey: MONITORING_KEY }),
    onError: () => setPoging((n) => n + 1),
  })
  const fouten = opslaan.error instanceof ApiProblem && opslaan.error.status === 400 ? opslaan.error.fieldErrors() : {}
  const labels: Record<string, string> = { slug: t('statuspagina.instellen.slug'), titel: t('statuspagina.instellen.titelVeld') }
  const r = opslaan.data
  return (
    <>
      <ErrorSummary
        fouten={Object.entries(fouten).map(([k, m]) => ({ doel: `statuspagina-${k}`, label: labels[k] ?? k, melding: m }))}
        poging={poging}
      />
      <div aria-live="polite">
        {r && (
          <Alert type="ok">
            <Paragraph>
              {r.openbaar && r.slug
                ? t('statuspagina.instellen.opgeslagenOpenbaar', { pad: `/status/${r.slug}` })
                : t('statuspagina.instellen.opgeslagenNiet')}
            </Paragraph>
          </Alert>
        )}
      </div>
      <form
        className="rk-form"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault()
          opslaan.mutate()
        }}
      >
        <FormFieldCheckboxOption
          label={t('statuspagina.instellen.openbaar')}
          checked={openbaar}
          onChange={(e) => setOpenbaar((e.target as HTMLInputElement).checked)}
        />
        <div id="statuspagina-slug">
          <FormFieldTextInput
            label={labels.slug}
            description={t('statuspagina.instellen.slugHulp')}
            value={slug}
            autoComplete="off"
            invalid={Boolean(foutVan(fouten, 'slug'))}
            errorMessage={foutVan(fouten, 'slug')}
            onChange={(e) => setSlug((e.target as HTMLInputElement).value)}
          />
        </div>
        <div id="statuspagina-titel">
          <FormFieldTextInput
            label={labels.titel}
            value={titel}
            invalid={Boolean(foutVan(fouten, 'titel'))}
            errorMessage={foutVan(fouten, 'titel')}
            onChange={(e) => setTitel((e.target as HTMLInputElement).value)}
          />
        </div>
        <div>
          <Button type="submit" appearance="primary-action-button" disabled={opslaan.isPending}>
            {t('statuspagina.instellen.knop')}
          </Button>
        </div>
      </form>
      {!(opslaan.error instanceof ApiProblem && opslaan.error.status === 400) && <ErrorAlert error={opslaan.error} />}
    </>
  )
}

export function StatuspaginaInstellen({ id, magWijzigen }: { id: string; magWijzigen: boolean }) {
  const { t } = useTranslation('monitoring')
  const status = useQuery({
    queryKey: [...MONITORING_KEY, 'status', id],
    queryFn: ({ signal }) => get<Statuspagina>(`samenwerkingen/${id}/status`, signal),
  })
  return (
    <section aria-labelledby="statuspagina-kop" className="rk-sectie">
      <Heading level={2} appearanceLevel={3} id="statuspagina-kop">
        {t('statuspagina.instellen.kop')}
      </Heading>
      <Paragraph>
        <AppLink to={`/samenwerkingen/${id}/status`}>{t('statuspagina.bekijken')}</AppLink>
        {status.data?.openbaar && status.data.slug && (
          <>
            {' — '}
            {t('statuspagina.openbaarAdres', { pad: `/status/${status.data.slug}` })}
          </>
        )}
      </Paragraph>
      {magWijzigen && (
        <>
          <Paragraph>{t('statuspagina.instellen.uitleg')}</Paragraph>
          <ErrorAlert error={status.error} />
          {status.data && <Formulier id={id} p={status.data} />}
        </>
      )}
    </section>
  )
}
