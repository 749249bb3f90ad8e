import { Button, FormFieldTextInput, Heading } from '@rijkshuisstijl-community/components-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { type ApiResult, request } from '../../api/client'
import { ErrorAlert } from '../../components/page'
import { formatBedrag } from '../../i18n/format'
import { DECLARATIES_KEY, type Declaratie, type DeclaratieActie } from './api'
import { Bevestigingsdialoog } from './Bevestiging'

// The actions the API allows on a declaratie now (toegestaneActies): one button each,
// those that cannot be undone behind a confirmation dialog, sent with If-Match.

type Vraag = 'definitief-maken' | 'verwijderen' | 'verzenden' | 'betaald-melden'
const MET_BEVESTIGING: readonly DeclaratieActie[] = ['definitief-maken', 'verwijderen', 'verzenden', 'betaald-melden']

export function Acties({ d, etag, onGelukt }: { d: Declaratie; etag?: string; onGelukt: (melding: string) => void }) {
  const { t } = useTranslation('declaraties')
  const client = useQueryClient()
  const navigate = useNavigate()
  const [vraag, setVraag] = useState<Vraag>()
  const [datum, setDatum] = useState('')
  const acties = (d.toegestaneActies ?? []).filter((a) => a !== 'wijzigen')
  const actie = useMutation({
    mutationFn: async (a: DeclaratieActie) => {
      if (a === 'verwijderen') return request<Declaratie>(`declaraties/${d.id}`, { method: 'DELETE', ifMatch: etag })
      const body = a === 'betaald-melden' ? (datum ? { datum } : {}) : undefined
      return request<Declaratie>(`declaraties/${d.id}/${a}`, { method: 'POST', ifMatch: etag, body })
    },
    // The dialog closes with the new state (the Acties remount with the new revisie), so its
    // focus goes to the page's heading rather than to a button that is about to vanish.
    onSuccess: async (res: ApiResult<Declaratie>, a) => {
      if (a === 'verwijderen') {
        await client.invalidateQueries({ queryKey: DECLARATIES_KEY })
        navigate('/declaraties', { state: { melding: t('acties.verwijderd') } })
        return
      }
      await client.invalidateQueries({ queryKey: DECLARATIES_KEY })
      if (a === 'corrigeren') {
        navigate(`/declaraties/${res.data.id}`, { state: { melding: t('acties.gelukt.corrigeren') } })
        return
      }
      client.setQueryData([...DECLARATIES_KEY, 'object', d.id], res)
      onGelukt(t(`acties.gelukt.${a}`, { nummer: res.data.nummer }))
      setVraag(undefined)
    },
  })
  if (acties.length === 0) return null

  const wat = { nummer: d.nummer ?? t('detail.conceptNummer'), aan: d.aanNaam, totaal: formatBedrag(d.totaal) }
  const sluit = () => {
    actie.reset()
    setVraag(undefined)
  }
  const dialoog = (v: Vraag) => ({
    kop: t(`acties.bevestig.${v}.kop`, wat),
    tekst: t(`acties.bevestig.${v}.tekst`, wat),
    ja: t(`acties.bevestig.${v}.ja`),
    bezig: actie.isPending,
    fout: actie.error,
    onJa: () => actie.mutate(v),
    onNee: sluit,
  })
  return (
    <section aria-labelledby="decl-acties-kop" className="rk-decl__sectie">
      <Heading level={2} appearanceLevel={3} id="decl-acties-kop">
        {t('detail.acties')}
      </Heading>
      <div className="rk-decl__acties">
        {acties.map((a) => (
          <Button
            key={a}
            appearance={a === 'verwijderen' ? 'secondary-action-button' : 'primary-action-button'}
            aria-haspopup={MET_BEVESTIGING.includes(a) ? 'dialog' : undefined}
            disabled={actie.isPending}
            onClick={() => {
              actie.reset()
              if (MET_BEVESTIGING.includes(a)) setVraag(a as Vraag)
              else actie.mutate(a)
            }}
          >
            {t(`acties.${a}`)}
          </Button>
        ))}
      </div>
      {vraag === 'betaald-melden' ? (
        <Bevestigingsdialoog {...dialoog(vraag)} focusOpVeld>
          <FormFieldTextInput
            label={t('acties.betaalDatum')}
            description={t('acties.betaalDatumHulp')}
            name="datum"
            type="date"
            value={datum}
            onChange={(e) => setDatum((e.target as HTMLInputElement).value)}
          />
        </Bevestigingsdialoog>
      ) : (
        vraag && <Bevestigingsdialoog {...dialoog(vraag)} />
      )}
      {!vraag && <ErrorAlert error={actie.error} />}
    </section>
  )
}
