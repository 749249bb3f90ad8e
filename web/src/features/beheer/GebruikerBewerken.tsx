import { Alert, Button, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { ApiProblem, type ApiResult, request } from '../../api/client'
import { IK_KEY, useCurrentIk } from '../../app/session'
import { AppLink } from '../../components/app-link'
import { Conflictvergelijking, conflictinfo, useConflict } from '../../components/conflict'
import { FormFouten } from '../../components/form-fouten'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { formatTijdstip } from '../../i18n/format'
import { Wijzigingen } from '../auditlog/Wijzigingen'
import { GebruikerFormulier, useGebruikerLabels } from './GebruikerFormulier'
import { GebruikerTokens, gebruikerTokensKey } from './GebruikerTokens'
import { type GebruikerWaarden, invoerUit, waardenUit, wijzigingUit } from './gebruikerWaarden'
import { LaatsteAdmin, useRolTekst, veldFouten } from './gedeeld'
import type { GebruikerDetail } from './types'
import { useOrganisaties } from './useOrganisaties'

// Editing a user with optimistic locking: every save names the version it was based
// on (If-Match). A 412 shows the typed and the stored version field by field
// (components/conflict.tsx); the person chooses per difference and saves again.

/** The fields a conflict compares (a new password is the person's own and never stored to compare). */
const VELDEN = ['naam', 'email', 'actief', 'rollen'] as const

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
  const rolTekst = useRolTekst()
  const conflict = useConflict<GebruikerWaarden>(waarden, VELDEN, (w, veld) => invoerUit(w)[veld as keyof ReturnType<typeof invoerUit>])
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
      conflict.klaar(waardenUit(r.data))
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
          // The new password stays as typed: it is no stored value to compare.
          const verder = conflict.begin(
            waarden,
            { ...waardenUit(actueel.data), wachtwoord: waarden.wachtwoord },
            conflictinfo(err, actueel.data),
          )
          setWaarden(verder)
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
  const weergave = (i: ReturnType<typeof invoerUit>, veld: (typeof VELDEN)[number]): string => {
    const leeg = t('leeg', { ns: 'common' })
    if (veld === 'actief') return i.actief ? t('ja', { ns: 'common' }) : t('nee', { ns: 'common' })
    if (veld === 'rollen') return i.rollen.length ? i.rollen.map(rolTekst).join('; ') : leeg
    return i[veld] || leeg
  }
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
      {conflict.staat && (
        <Conflictvergelijking
          staat={conflict.staat}
          rijen={VELDEN.map((veld) => ({
            sleutel: veld,
            label: veld === 'rollen' ? t('rollen.legend') : t(`gebruiker.${veld}`),
            mijn: weergave(invoerUit(conflict.staat?.mijn ?? waarden), veld),
            ander: weergave(invoerUit(conflict.staat?.ander ?? waarden), veld),
          }))}
          onKeuze={(veld, keuze) => {
            const w = conflict.kies(veld, keuze)
            setWaarden((x) => ({ ...x, [veld]: w }))
          }}
        />
      )}
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
            {busy
              ? t('gebruiker.bezig')
              : conflict.staat
                ? t('vergelijking.opslaan', { ns: 'common' })
                : t('acties.opslaan', { ns: 'common' })}
          </Button>
        </div>
      </form>
      <GebruikerTokens id={id} naam={g.naam} />
      <Wijzigingen soort="gebruiker" id={id} revisie={g.revisie} />
    </>
  )
}
