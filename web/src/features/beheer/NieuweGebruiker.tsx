import { Button, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { request } from '../../api/client'
import { AppLink } from '../../components/app-link'
import { FormFouten } from '../../components/form-fouten'
import { ErrorAlert, PageHeading } from '../../components/page'
import { GebruikerFormulier, useGebruikerLabels } from './GebruikerFormulier'
import { invoerUit, LEGE_GEBRUIKER } from './gebruikerWaarden'
import { veldFouten } from './gedeeld'
import { nieuweRij } from './rollen'
import type { GebruikerDetail } from './types'
import { useOrganisaties } from './useOrganisaties'

export function NieuweGebruiker() {
  const { t } = useTranslation('beheer')
  const navigate = useNavigate()
  const client = useQueryClient()
  const { organisaties, error: orgFout } = useOrganisaties()
  const labelVoor = useGebruikerLabels(true)
  const [waarden, setWaarden] = useState(() => ({ ...LEGE_GEBRUIKER, rollen: [nieuweRij()] }))
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const r = await request<GebruikerDetail>('gebruikers', { method: 'POST', body: invoerUit(waarden) })
      client.setQueryData(['gebruiker', r.data.id], r)
      await client.invalidateQueries({ queryKey: ['gebruikers'] })
      navigate(`/beheer/gebruikers/${r.data.id}`, { state: { melding: 'aangemaakt' } })
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <PageHeading titel={t('gebruiker.titelNieuw')} />
      <Paragraph>
        <AppLink to="/beheer/gebruikers">{t('gebruiker.terug')}</AppLink>
      </Paragraph>
      <ErrorAlert error={orgFout} />
      <FormFouten error={error} labelVoor={labelVoor} />
      <form onSubmit={submit} className="rk-form" noValidate>
        <GebruikerFormulier nieuw waarden={waarden} onChange={setWaarden} fouten={veldFouten(error)} organisaties={organisaties} />
        <div className="rk-acties">
          <Button type="submit" appearance="primary-action-button" disabled={busy}>
            {busy ? t('gebruiker.bezig') : t('gebruiker.aanmaken')}
          </Button>
        </div>
      </form>
    </>
  )
}
