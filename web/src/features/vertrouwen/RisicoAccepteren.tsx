import { Button, FormFieldTextarea, FormFieldTextInput, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiProblem, type ApiResult, request } from '../../api/client'
import { ErrorSummary, type Foutmelding } from '../../components/error-summary'
import { formatDatum } from '../../i18n/format'
import { Bevestigingsdialoog } from '../declaraties/Bevestiging'
import { type Bevinding, VERTROUWEN_KEY, vandaag } from './api'

// Accepting a finding's risk (only offered when toegestaneActies has 'risico-accepteren'):
// reason, risk owner and end date. What the form can check itself (empty, an end date
// before today) it says at the field before asking; the API's own messages land at the
// same fields. Then a modal confirmation, and the POST with If-Match.

type Veld = 'reden' | 'eigenaar' | 'einddatum'
const VELDEN: readonly Veld[] = ['reden', 'eigenaar', 'einddatum']
const veldId = (v: Veld) => `risico-${v}`

export function RisicoAccepteren({
  b,
  etag,
  regel,
  onGelukt,
}: {
  b: Bevinding
  etag?: string
  /** The rule in words, for the confirmation. */
  regel: string
  onGelukt: (r: ApiResult<Bevinding>, melding: string) => void
}) {
  const { t } = useTranslation('vertrouwen')
  const client = useQueryClient()
  const [waarden, setWaarden] = useState<Record<Veld, string>>({ reden: '', eigenaar: '', einddatum: '' })
  const [eigen, setEigen] = useState<Partial<Record<Veld, string>>>({})
  const [poging, setPoging] = useState(0)
  const [vraag, setVraag] = useState(false)

  const accepteer = useMutation({
    mutationFn: () =>
      request<Bevinding>(`bevindingen/${b.id}/risico-accepteren`, {
        method: 'POST',
        ifMatch: etag,
        body: { reden: waarden.reden.trim(), eigenaar: waarden.eigenaar.trim(), einddatum: waarden.einddatum },
      }),
    onSuccess: async (res) => {
      setVraag(false)
      setWaarden({ reden: '', eigenaar: '', einddatum: '' })
      await client.invalidateQueries({ queryKey: VERTROUWEN_KEY })
      onGelukt(res, t('accepteren.gelukt', { datum: formatDatum(res.data.risicoAcceptatie?.einddatum ?? waarden.einddatum) }))
    },
    onError: (e) => {
      // Messages about the fields go back to the fields; anything else stays in the dialog.
      if (e instanceof ApiProblem && e.status === 400) {
        setVraag(false)
        setPoging((n) => n + 1)
      }
      // Someone changed the finding meanwhile: fetch it again, so the next try goes against it.
      if (e instanceof ApiProblem && e.status === 412) void client.invalidateQueries({ queryKey: VERTROUWEN_KEY })
    },
  })

  const apiFouten = accepteer.error instanceof ApiProblem && accepteer.error.status === 400 ? accepteer.error.fieldErrors() : {}
  const fouten: Partial<Record<Veld, string>> = { ...eigen }
  for (const v of VELDEN) if (apiFouten[v]) fouten[v] = apiFouten[v]
  const overig = Object.entries(apiFouten).filter(([k]) => !(VELDEN as readonly string[]).includes(k))
  const meldingen: Foutmelding[] = [
    ...VELDEN.filter((v) => fouten[v]).map((v) => ({ doel: veldId(v), label: t(`accepteren.${v}`), melding: fouten[v] as string })),
    ...overig.map(([k, m]) => ({ label: k, melding: m })),
  ]

  function submit(e: FormEvent) {
    e.preventDefault()
    const nu = vandaag()
    const f: Partial<Record<Veld, string>> = {}
    if (!waarden.reden.trim()) f.reden = t('accepteren.verplicht')
    if (!waarden.eigenaar.trim()) f.eigenaar = t('accepteren.verplicht')
    if (!waarden.einddatum) f.einddatum = t('accepteren.datumVerplicht')
    else if (waarden.einddatum < nu) f.einddatum = t('accepteren.datumVerleden', { datum: formatDatum(nu) })
    setEigen(f)
    accepteer.reset()
    if (Object.keys(f).length > 0) {
      setPoging((n) => n + 1)
      return
    }
    setVraag(true)
  }

  const zet = (v: Veld) => (e: { target: unknown }) => {
    const waarde = (e.target as HTMLInputElement).value
    setWaarden((w) => ({ ...w, [v]: waarde }))
  }
  const veld = (v: Veld) => ({
    id: veldId(v),
    name: v,
    label: t(`accepteren.${v}`),
    description: t(`accepteren.${v}Hulp`),
    value: waarden[v],
    required: true,
    invalid: Boolean(fouten[v]),
    errorMessage: fouten[v],
    onChange: zet(v),
  })

  return (
    <section aria-labelledby="risico-kop" className="rk-vtw-sectie">
      <Heading level={2} appearanceLevel={3} id="risico-kop">
        {t('accepteren.kop')}
      </Heading>
      <Paragraph>{t('accepteren.uitleg')}</Paragraph>
      {b.status === 'geaccepteerd' && <Paragraph>{t('accepteren.uitlegOpnieuw')}</Paragraph>}
      <ErrorSummary fouten={meldingen} poging={poging} />
      <form className="rk-form" onSubmit={submit} noValidate>
        <FormFieldTextarea {...veld('reden')} rows={3} />
        <FormFieldTextInput {...veld('eigenaar')} type="text" autoComplete="off" />
        <FormFieldTextInput {...veld('einddatum')} type="date" min={vandaag()} />
        <div>
          <Button type="submit" appearance="primary-action-button" aria-haspopup="dialog" disabled={accepteer.isPending}>
            {t('accepteren.knop')}
          </Button>
        </div>
      </form>
      {vraag && (
        <Bevestigingsdialoog
          kop={t('accepteren.bevestigKop')}
          tekst={t('accepteren.bevestigTekst', {
            regel,
            partij: b.partijNaam,
            datum: formatDatum(waarden.einddatum),
            eigenaar: waarden.eigenaar.trim(),
          })}
          ja={t('accepteren.bevestigJa')}
          bezig={accepteer.isPending}
          fout={accepteer.error instanceof ApiProblem && accepteer.error.status === 400 ? undefined : accepteer.error}
          onJa={() => accepteer.mutate()}
          onNee={() => {
            accepteer.reset()
            setVraag(false)
          }}
        />
      )}
    </section>
  )
}
