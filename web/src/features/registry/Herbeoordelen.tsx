import { Alert, Button, FormFieldTextarea, FormFieldTextInput, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiProblem, request } from '../../api/client'
import type { Herbeoordeling, Toegang } from '../../api/types'
import { formatDatum } from '../../i18n/format'
import { Bevestigingsdialoog } from '../declaraties/Bevestiging'
import { REGISTRY_KEY } from './api'
import { useOrganisatieNaam } from './naam'
import type { RegistryObject } from './soorten'

// The herbeoordeling of a toegang: when it was last reviewed and by whom, whether it was
// revoked (when, by whom, why), and — for who keeps the toegang — "Goedkeuren" (optionally
// with a new end date) and "Intrekken" (with a reason), each confirmed in a dialog and sent
// with If-Match (POST /toegangen/{id}/herbeoordelen). The API's field errors stand at the
// dialog's fields; anything else in the dialog as an alert.

type Besluit = Herbeoordeling['besluit']

export function Herbeoordelen({ toegang, etag }: { toegang: Toegang; etag?: string }) {
  const { t } = useTranslation('vertrouwen-register')
  const client = useQueryClient()
  const kopId = useId()
  const partij = useOrganisatieNaam(toegang.partijId) ?? toegang.partijId
  const [vraag, setVraag] = useState<Besluit>()
  const [geldigTot, setGeldigTot] = useState('')
  const [reden, setReden] = useState('')
  const [melding, setMelding] = useState<string>()
  const mag = toegang.toegestaneActies?.includes('wijzigen') ?? false
  const ingetrokken = toegang.intrekking

  const besluit = useMutation({
    mutationFn: (b: Besluit) => {
      const body: Herbeoordeling =
        b === 'goedkeuren' ? { besluit: b, ...(geldigTot ? { geldigTot } : {}) } : { besluit: b, ...(reden.trim() ? { reden } : {}) }
      return request<RegistryObject>(`toegangen/${toegang.id}/herbeoordelen`, { method: 'POST', body, ifMatch: etag })
    },
    onSuccess: async (res, b) => {
      client.setQueryData([...REGISTRY_KEY, 'object', 'toegangen', toegang.id], res)
      await client.invalidateQueries({ queryKey: REGISTRY_KEY })
      const tot = res.data.geldigTot as string | undefined
      setMelding(
        b === 'intrekken'
          ? t('herbeoordeling.ingetrokkenMelding')
          : geldigTot && tot
            ? t('herbeoordeling.goedgekeurdTot', { datum: formatDatum(tot) })
            : t('herbeoordeling.goedgekeurd'),
      )
      setVraag(undefined)
    },
    onError: async (err) => {
      // Stale: fetch the current version, so a second try is against it.
      if (err instanceof ApiProblem && err.status === 412)
        await client.invalidateQueries({ queryKey: [...REGISTRY_KEY, 'object', 'toegangen', toegang.id] })
    },
  })

  const fout = besluit.error
  const veldFouten = fout instanceof ApiProblem && fout.status === 400 ? fout.fieldErrors() : {}
  const bijVeld = vraag === 'goedkeuren' ? ['geldigTot'] : ['reden']
  // The dialog's alert only for what no field of it shows.
  const alleenBijVelden = Object.keys(veldFouten).length > 0 && Object.keys(veldFouten).every((k) => bijVeld.includes(k))
  const open = (b: Besluit) => {
    besluit.reset()
    setMelding(undefined)
    setGeldigTot('')
    setReden('')
    setVraag(b)
  }
  const huidigTot = toegang.geldigTot ? formatDatum(toegang.geldigTot) : t('herbeoordeling.huidigGeen')

  return (
    <section aria-labelledby={kopId} className="rk-sectie">
      <Heading level={2} appearanceLevel={3} id={kopId}>
        {t('herbeoordeling.kop')}
      </Heading>
      {melding && (
        <Alert type="ok" role="status">
          <Paragraph>{melding}</Paragraph>
        </Alert>
      )}
      <Paragraph data-testid="herbeoordeling-laatste">
        {toegang.laatsteBeoordeling
          ? toegang.beoordelaar
            ? t('herbeoordeling.laatste', { datum: formatDatum(toegang.laatsteBeoordeling), door: toegang.beoordelaar })
            : t('herbeoordeling.laatsteZonderDoor', { datum: formatDatum(toegang.laatsteBeoordeling) })
          : t('herbeoordeling.nooit', { datum: formatDatum(toegang.geldigVanaf) })}{' '}
        {toegang.geldigTot ? t('herbeoordeling.geldigTot', { datum: formatDatum(toegang.geldigTot) }) : t('herbeoordeling.zonderEinde')}
      </Paragraph>
      {ingetrokken && (
        <Alert type="warning">
          <Heading level={3} appearanceLevel={4}>
            {t('herbeoordeling.ingetrokkenKop')}
          </Heading>
          <Paragraph>{t('herbeoordeling.ingetrokken', { datum: formatDatum(ingetrokken.op), door: ingetrokken.door })}</Paragraph>
          {ingetrokken.reden && (
            <Paragraph className="rk-meertekst">{t('herbeoordeling.redenWeergave', { reden: ingetrokken.reden })}</Paragraph>
          )}
          <Paragraph>{t('herbeoordeling.nieuweToegang')}</Paragraph>
        </Alert>
      )}
      {mag && !ingetrokken && (
        <div className="rk-acties">
          <Button appearance="primary-action-button" aria-haspopup="dialog" onClick={() => open('goedkeuren')}>
            {t('herbeoordeling.goedkeuren')}
          </Button>
          <Button appearance="secondary-action-button" aria-haspopup="dialog" onClick={() => open('intrekken')}>
            {t('herbeoordeling.intrekken')}
          </Button>
        </div>
      )}
      {vraag === 'goedkeuren' && (
        <Bevestigingsdialoog
          kop={t('herbeoordeling.bevestigGoedkeuren.kop')}
          tekst={t('herbeoordeling.bevestigGoedkeuren.tekst', { naam: partij })}
          ja={t('herbeoordeling.bevestigGoedkeuren.ja')}
          bezig={besluit.isPending}
          fout={alleenBijVelden ? undefined : fout}
          focusOpVeld
          onJa={() => besluit.mutate('goedkeuren')}
          onNee={() => setVraag(undefined)}
        >
          <FormFieldTextInput
            label={t('herbeoordeling.nieuweDatum')}
            description={t('herbeoordeling.nieuweDatumHulp', { huidig: huidigTot })}
            name="geldigTot"
            type="date"
            value={geldigTot}
            invalid={Boolean(veldFouten.geldigTot)}
            errorMessage={veldFouten.geldigTot}
            onChange={(e) => setGeldigTot((e.target as HTMLInputElement).value)}
          />
        </Bevestigingsdialoog>
      )}
      {vraag === 'intrekken' && (
        <Bevestigingsdialoog
          kop={t('herbeoordeling.bevestigIntrekken.kop')}
          tekst={t('herbeoordeling.bevestigIntrekken.tekst', { naam: partij })}
          ja={t('herbeoordeling.bevestigIntrekken.ja')}
          bezig={besluit.isPending}
          fout={alleenBijVelden ? undefined : fout}
          focusOpVeld
          onJa={() => besluit.mutate('intrekken')}
          onNee={() => setVraag(undefined)}
        >
          <FormFieldTextarea
            label={
              <>
                {t('herbeoordeling.reden')} <span className="rk-verplicht">{t('common:verplicht')}</span>
              </>
            }
            description={t('herbeoordeling.redenHulp')}
            name="reden"
            rows={3}
            required
            value={reden}
            invalid={Boolean(veldFouten.reden)}
            errorMessage={veldFouten.reden}
            onChange={(e) => setReden((e.target as HTMLTextAreaElement).value)}
          />
        </Bevestigingsdialoog>
      )}
    </section>
  )
}
