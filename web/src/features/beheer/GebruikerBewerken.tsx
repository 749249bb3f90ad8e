import { Alert, Button, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { ApiProblem, type ApiResult, request } from '../../api/client'
import { IK_KEY, useCurrentIk } from '../../app/session'
import { AppLink } from '../../components/app-link'
import { FormFouten } from '../../components/form-fouten'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { formatTijdstip } from '../../i18n/format'
import { GebruikerFormulier, useGebruikerLabels } from './GebruikerFormulier'
import { GebruikerTokens, gebruikerTokensKey } from './GebruikerTokens'
import { waardenUit, wijzigingUit } from './gebruikerWaarden'
import { Conflict, LaatsteAdmin, veldFouten } from './gedeeld'
import type { GebruikerDetail } from './types'
import { useOrganisaties } from './useOrganisaties'

// Editing a user with optimistic locking: every save names the version it was based
// on (If-Match). A 412 keeps what was typed and shows what is stored now.

export function GebruikerBewerken({ id }: { id: string }) {
  const { t } = useTranslation('beheer')
  const q = useQuery({
    queryKey: ['gebruiker', id],
    queryFn: ({ signal }) => request<GebruikerDetail>(`gebruikers/${encodeURIComponent(id)}`, { signal }),
  })
  if (q.isPending) return <Loading />
  if (q.error || !q.data) {
    return (
      <>
        <PageHeading titel={t('gebruikers.titel')} />
        <ErrorAlert error={q.error} />
      </>
    )
  }
  // Keyed by id: another user's page starts from that user's data, not from this form.
  return <Bewerkformulier key={id} start={q.data} />
}

function Bewerkformulier({ start }: { start: ApiResult<GebruikerDetail> }) {
  const { t } = useTranslation('beheer')
  const client = useQueryClient()
  const ik = useCurrentIk()
  const location = useLocation()
  const { organisaties, error: orgFout } = useOrganisaties()
  const labelVoor = useGebruikerLabels(false)
  const [basis, setBasis] = useState(start)
  const [waarden, setWaarden] = useState(() => waardenUit(start.data))
  const [conflict, setConflict] = useState<GebruikerDetail>()
  const [error, setError] = useState<unknown>()
  const [melding, setMelding] = useState<'aangemaakt' | 'opgeslagen' | undefined>(
    (location.state as { melding?: string } | null)?.melding === 'aangemaakt' ? 'aangemaakt' : undefined,
  )
  const [busy, setBusy] = useState(false)
  const id = basis.data.id

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    setMelding(undefined)
    try {
      const r = await request<GebruikerDetail>(`gebruikers/${id}`, { method: 'PATCH', body: wijzigingUit(waarden), ifMatch: basis.etag })
      setBasis(r)
      setWaarden(waardenUit(r.data))
      setConflict(undefined)
      setMelding('opgeslagen')
      client.setQueryData(['gebruiker', id], r)
      await client.invalidateQueries({ queryKey: ['gebruikers'] })
      // A new password, deactivation or a role taken away has revoked the user's tokens.
      await client.invalidateQueries({ queryKey: gebruikerTokensKey(id) })
      if (id === ik.gebruiker.id) await client.invalidateQueries({ queryKey: IK_KEY })
    } catch (err) {
      if (err instanceof ApiProblem && err.status === 412) {
        try {
          const actueel = await request<GebruikerDetail>(`gebruikers/${id}`)
          setBasis(actueel)
          setConflict(actueel.data)
          client.setQueryData(['gebruiker', id], actueel)
        } catch (reloadErr) {
          setError(reloadErr)
        }
      } else {
        setError(err)
      }
    } finally {
      setBusy(false)
    }
  }

  const g = basis.data
  return (
    <>
      <PageHeading titel={t('gebruiker.titel', { naam: g.naam })} />
      <Paragraph>
        <AppLink to="/beheer/gebruikers">{t('gebruiker.terug')}</AppLink>
      </Paragraph>
      <Paragraph>
        {t('gebruiker.gebruikersnaam')}: <strong>{g.gebruikersnaam}</strong>
        {' · '}
        {t('gebruiker.laatstIngelogd', { tijdstip: g.laatstIngelogdOp ? formatTijdstip(g.laatstIngelogdOp) : t('gebruikers.nooit') })}
      </Paragraph>
      {melding && (
        <Alert type="ok" role="status">
          <Paragraph>{t(`gebruiker.${melding}`)}</Paragraph>
        </Alert>
      )}
      {conflict && <Conflict actueel={conflict} />}
      <ErrorAlert error={orgFout} />
      {error instanceof ApiProblem && error.status === 409 ? (
        <LaatsteAdmin error={error} />
      ) : (
        <FormFouten error={error} labelVoor={labelVoor} />
      )}
      <form onSubmit={submit} className="rk-form" noValidate>
        <GebruikerFormulier nieuw={false} waarden={waarden} onChange={setWaarden} fouten={veldFouten(error)} organisaties={organisaties} />
        <div className="rk-acties">
          <Button type="submit" appearance="primary-action-button" disabled={busy}>
            {busy ? t('gebruiker.bezig') : t('acties.opslaan', { ns: 'common' })}
          </Button>
        </div>
      </form>
      <GebruikerTokens id={id} naam={g.naam} />
    </>
  )
}
