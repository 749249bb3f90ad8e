import { Alert, Button, FormFieldTextInput, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { request, setCsrfToken } from '../../api/client'
import { SESSIES } from '../../api/sessie'
import { BareLayout } from '../../app/BareLayout'
import { IK_KEY } from '../../app/session'
import { AppLink } from '../../components/app-link'
import { FormFouten } from '../../components/form-fouten'
import { PageHeading } from '../../components/page'
import { veldFouten } from './gedeeld'
import { neemTokenUitFragment } from './setupToken'
import './beheer.css'

// The first administrator of a new installation, with the one-time setup token. Outside
// the signed-in shell: nobody can sign in yet. POST /_setup answers with the user, not a
// session, so the new admin is signed in with the password just chosen.

export default function Setup() {
  const { t } = useTranslation('beheer')
  const navigate = useNavigate()
  const client = useQueryClient()
  const [uitLink] = useState(neemTokenUitFragment)
  const [token, setToken] = useState(uitLink)
  const [gebruikersnaam, setGebruikersnaam] = useState('')
  const [naam, setNaam] = useState('')
  const [wachtwoord, setWachtwoord] = useState('')
  const [herhaal, setHerhaal] = useState('')
  const [herhaalFout, setHerhaalFout] = useState<string>()
  const [error, setError] = useState<unknown>()
  const [nietIngelogd, setNietIngelogd] = useState(false)
  const [busy, setBusy] = useState(false)
  const fouten = veldFouten(error)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setError(undefined)
    if (wachtwoord !== herhaal) {
      setHerhaalFout(t('setup.nietGelijk'))
      return
    }
    setHerhaalFout(undefined)
    setBusy(true)
    try {
      await request('_setup', { method: 'POST', body: { token: token.trim(), gebruikersnaam, naam, wachtwoord } })
    } catch (err) {
      setError(err)
      setBusy(false)
      return
    }
    try {
      const { data } = await request<{ csrfToken: string }>(SESSIES, { method: 'POST', body: { gebruikersnaam, wachtwoord } })
      setCsrfToken(data.csrfToken)
      await client.invalidateQueries({ queryKey: IK_KEY })
      navigate('/', { replace: true })
    } catch {
      setNietIngelogd(true)
    } finally {
      setWachtwoord('')
      setHerhaal('')
      setBusy(false)
    }
  }

  const labelVoor = (veld: string) =>
    ({ token: t('setup.token'), gebruikersnaam: t('setup.gebruikersnaam'), naam: t('setup.naam'), wachtwoord: t('setup.wachtwoord') })[veld]
  const tekst = (zet: (v: string) => void) => (e: { target: EventTarget | null }) => zet((e.target as HTMLInputElement).value)

  return (
    <BareLayout>
      <PageHeading titel={t('setup.titel')} />
      <Paragraph>{t('setup.intro')}</Paragraph>
      {nietIngelogd ? (
        <Alert type="warning" role="alert">
          <Paragraph>{t('setup.nietIngelogd')}</Paragraph>
          <Paragraph>
            <AppLink to="/inloggen">{t('setup.naarInloggen')}</AppLink>
          </Paragraph>
        </Alert>
      ) : (
        <>
          <FormFouten error={error} labelVoor={labelVoor} />
          <form onSubmit={submit} className="rk-form" noValidate>
            <FormFieldTextInput
              label={t('setup.token')}
              description={uitLink ? t('setup.tokenUitLink') : t('setup.tokenUitleg')}
              name="token"
              autoComplete="off"
              required
              value={token}
              invalid={Boolean(fouten.token)}
              errorMessage={fouten.token}
              onChange={tekst(setToken)}
            />
            <FormFieldTextInput
              label={t('setup.gebruikersnaam')}
              description={t('gebruiker.gebruikersnaamUitleg')}
              name="gebruikersnaam"
              autoComplete="username"
              required
              value={gebruikersnaam}
              invalid={Boolean(fouten.gebruikersnaam)}
              errorMessage={fouten.gebruikersnaam}
              onChange={tekst(setGebruikersnaam)}
            />
            <FormFieldTextInput
              label={t('setup.naam')}
              name="naam"
              autoComplete="name"
              required
              value={naam}
              invalid={Boolean(fouten.naam)}
              errorMessage={fouten.naam}
              onChange={tekst(setNaam)}
            />
            <FormFieldTextInput
              label={t('setup.wachtwoord')}
              description={t('setup.wachtwoordUitleg')}
              name="wachtwoord"
              type="password"
              autoComplete="new-password"
              required
              value={wachtwoord}
              invalid={Boolean(fouten.wachtwoord)}
              errorMessage={fouten.wachtwoord}
              onChange={(e) => {
                setHerhaalFout(undefined)
                tekst(setWachtwoord)(e)
              }}
            />
            <FormFieldTextInput
              label={t('setup.herhaal')}
              name="herhaal"
              type="password"
              autoComplete="new-password"
              required
              value={herhaal}
              invalid={Boolean(herhaalFout)}
              errorMessage={herhaalFout}
              onChange={(e) => {
                setHerhaalFout(undefined)
                tekst(setHerhaal)(e)
              }}
            />
            <div className="rk-acties">
              <Button type="submit" appearance="primary-action-button" disabled={busy}>
                {busy ? t('setup.bezig') : t('setup.knop')}
              </Button>
            </div>
          </form>
        </>
      )}
    </BareLayout>
  )
}
