import { Alert, Button, FormFieldTextInput, Heading, Link as NlLink, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useNavigate, useSearchParams } from 'react-router'
import { ApiProblem, get, request, setCsrfToken } from '../api/client'
import { SESSIES } from '../api/sessie'
import type { OidcInfo } from '../api/types'
import { BareLayout } from '../app/BareLayout'
import { IK_KEY, useIk } from '../app/session'
import { ErrorAlert, PageHeading } from '../components/page'

/** Only same-site paths: `terug` comes from the address bar. */
function safeReturn(terug: string | null): string {
  return terug?.startsWith('/') && !terug.startsWith('//') && !terug.startsWith('/\\') ? terug : '/'
}

export default function Login() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const client = useQueryClient()
  const ik = useIk()
  const oidc = useQuery({ queryKey: ['oidc'], queryFn: () => get<OidcInfo>('oidc'), staleTime: Number.POSITIVE_INFINITY })
  const [gebruikersnaam, setGebruikersnaam] = useState('')
  const [wachtwoord, setWachtwoord] = useState('')
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const terug = safeReturn(params.get('terug'))

  if (ik.data) return <Navigate to={terug} replace />
  // Say "U bent uitgelogd" only once it is known that nobody is signed in.
  const uitgelogd = Boolean(params.get('uitgelogd')) && ik.data === null

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const { data } = await request<{ csrfToken: string }>(SESSIES, { method: 'POST', body: { gebruikersnaam, wachtwoord } })
      setCsrfToken(data.csrfToken)
      setWachtwoord('')
      await client.invalidateQueries({ queryKey: IK_KEY })
      navigate(terug, { replace: true })
    } catch (err) {
      setError(err)
      setWachtwoord('')
    } finally {
      setBusy(false)
    }
  }

  const fieldErrors = error instanceof ApiProblem && error.status === 400 ? error.fieldErrors() : {}
  return (
    <BareLayout>
      <PageHeading titel={t('inloggen.titel')} />
      {uitgelogd && (
        <Alert type="ok">
          <Paragraph>{t('inloggen.uitgelogd')}</Paragraph>
        </Alert>
      )}
      <Paragraph>{t('inloggen.intro')}</Paragraph>
      <ErrorAlert error={error} />
      <form onSubmit={submit} className="rk-form" noValidate>
        <FormFieldTextInput
          label={t('inloggen.gebruikersnaam')}
          name="gebruikersnaam"
          autoComplete="username"
          required
          value={gebruikersnaam}
          invalid={Boolean(fieldErrors.gebruikersnaam)}
          errorMessage={fieldErrors.gebruikersnaam}
          onChange={(e) => setGebruikersnaam((e.target as HTMLInputElement).value)}
        />
        <FormFieldTextInput
          label={t('inloggen.wachtwoord')}
          name="wachtwoord"
          type="password"
          autoComplete="current-password"
          required
          value={wachtwoord}
          invalid={Boolean(fieldErrors.wachtwoord)}
          errorMessage={fieldErrors.wachtwoord}
          onChange={(e) => setWachtwoord((e.target as HTMLInputElement).value)}
        />
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {busy ? t('inloggen.bezig') : t('inloggen.knop')}
        </Button>
      </form>
      {oidc.data?.ingeschakeld && oidc.data.inloggenUrl && (
        <section aria-labelledby="oidc-kop" className="rk-login__oidc">
          <Heading level={2} appearanceLevel={4} id="oidc-kop">
            {t('inloggen.oidcOf')}
          </Heading>
          <NlLink href={oidc.data.inloggenUrl}>{t('inloggen.oidc', { naam: 'OpenID Connect' })}</NlLink>
        </section>
      )}
    </BareLayout>
  )
}
