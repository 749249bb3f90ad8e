import { Button, FormFieldTextInput, Paragraph } from '@rijkshuisstijl-community/components-react'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams, useSearchParams } from 'react-router'
import { useCurrentIk } from '../../app/session'
import { AppLink } from '../../components/app-link'
import { ErrorSummary, type Foutmelding } from '../../components/error-summary'
import { GeenToegang } from '../../components/geen-toegang'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { useObject } from '../registry/api'
import { magAanmaken } from '../registry/soorten'
import type { Onderhoudsvenster } from './api'
import { naarInvoerTijd, vanInvoerTijd } from './tijd'
import { useOpslaan } from './useOpslaan'
import { foutVan, RefKeuze } from './velden'
import './monitoring.css'

// Planned maintenance: a reason, from and until in Dutch time, and what it covers (a
// controle, a koppeling or a samenwerking). Metingen in the window count neither for
// storingen nor for availability.

const VELDEN = ['reden', 'van', 'tot', 'controleId', 'koppelingId', 'samenwerkingId'] as const
type Veld = (typeof VELDEN)[number]
const veldId = (v: string) => `venster-${v}`

function Formulier({ id, start, etag }: { id?: string; start?: Onderhoudsvenster; etag?: string }) {
  const { t } = useTranslation('monitoring')
  const [zoek] = useSearchParams()
  const [w, setW] = useState<Record<Veld, string>>({
    reden: start?.reden ?? '',
    van: naarInvoerTijd(start?.van),
    tot: naarInvoerTijd(start?.tot),
    controleId: start?.controleId ?? zoek.get('controleId') ?? '',
    koppelingId: start?.koppelingId ?? zoek.get('koppelingId') ?? '',
    samenwerkingId: start?.samenwerkingId ?? '',
  })
  const [eigen, setEigen] = useState<Partial<Record<Veld, string>>>({})
  const o = useOpslaan('onderhoudsvensters', id, etag)
  const fouten: Record<string, string> = { ...o.fouten, ...eigen }
  const labels: Record<Veld, string> = {
    reden: `${t('registry:veld.redenOnderhoud')} *`,
    van: `${t('formulier.van')} *`,
    tot: `${t('formulier.tot')} *`,
    controleId: t('registry:veld.controleId'),
    koppelingId: t('registry:veld.koppelingId'),
    samenwerkingId: t('registry:veld.samenwerkingId'),
  }
  const meldingen: Foutmelding[] = Object.entries(fouten).map(([pad, melding]) => {
    const veld = VELDEN.find((v) => pad === v || pad.startsWith(`${v}.`))
    return { doel: veld ? veldId(veld) : undefined, label: veld ? labels[veld].replace(/ \*$/, '') : pad, melding }
  })
  function submit(e: FormEvent) {
    e.preventDefault()
    const van = vanInvoerTijd(w.van)
    const tot = vanInvoerTijd(w.tot)
    const f: Partial<Record<Veld, string>> = {}
    if (!van) f.van = t('formulier.tijdOngeldig')
    if (!tot) f.tot = t('formulier.tijdOngeldig')
    setEigen(f)
    if (Object.keys(f).length > 0) {
      o.meerPoging()
      return
    }
    void o.opslaan({
      reden: w.reden.trim(),
      van,
      tot,
      ...(w.controleId ? { controleId: w.controleId } : {}),
      ...(w.koppelingId ? { koppelingId: w.koppelingId } : {}),
      ...(w.samenwerkingId ? { samenwerkingId: w.samenwerkingId } : {}),
    })
  }
  const zet = (v: Veld) => (waarde: string) => setW((x) => ({ ...x, [v]: waarde }))
  return (
    <>
      <PageHeading titel={start ? t('formulier.bewerken', { naam: start.reden }) : t('registry:soort.onderhoudsvensters.nieuw')} />
      <ErrorSummary fouten={meldingen} poging={o.poging} />
      {meldingen.length === 0 && <ErrorAlert error={o.fout} />}
      <form className="rk-form" noValidate onSubmit={submit}>
        {(['reden', 'van', 'tot'] as const).map((v) => (
          <div id={veldId(v)} key={v}>
            <FormFieldTextInput
              label={labels[v]}
              type={v === 'reden' ? 'text' : 'datetime-local'}
              value={w[v]}
              invalid={Boolean(foutVan(fouten, v))}
              errorMessage={foutVan(fouten, v)}
              onChange={(e) => zet(v)((e.target as HTMLInputElement).value)}
            />
          </div>
        ))}
        <Paragraph>{t('formulier.geldtVoor')}</Paragraph>
        <RefKeuze
          id={veldId('controleId')}
          doel="controles"
          label={labels.controleId}
          waarde={w.controleId}
          fout={foutVan(fouten, 'controleId')}
          onChange={zet('controleId')}
        />
        <RefKeuze
          id={veldId('koppelingId')}
          doel="koppelingen"
          label={labels.koppelingId}
          waarde={w.koppelingId}
          fout={foutVan(fouten, 'koppelingId')}
          onChange={zet('koppelingId')}
        />
        <RefKeuze
          id={veldId('samenwerkingId')}
          doel="samenwerkingen"
          label={labels.samenwerkingId}
          waarde={w.samenwerkingId}
          fout={foutVan(fouten, 'samenwerkingId')}
          onChange={zet('samenwerkingId')}
        />
        <div className="rk-acties">
          <Button type="submit" appearance="primary-action-button" disabled={o.bezig}>
            {t('formulier.opslaan')}
          </Button>
          <AppLink to={id ? `/onderhoudsvensters/${id}` : '/onderhoudsvensters'}>{t('formulier.annuleren')}</AppLink>
        </div>
      </form>
    </>
  )
}

export default function OnderhoudsvensterFormulier() {
  const { id } = useParams()
  const { t } = useTranslation('monitoring')
  const ik = useCurrentIk()
  const object = useObject('onderhoudsvensters', id)
  if (!id) {
    if (!magAanmaken(ik.rechten.aanmaken, 'onderhoudsvensters'))
      return <GeenToegang titel={t('registry:soort.onderhoudsvensters.nieuw')} uitleg={t('registry:geenRechtAanmaken')} />
    return <Formulier key="nieuw" />
  }
  if (object.isPending) return <Loading />
  if (object.error || !object.data) return <ErrorAlert error={object.error} />
  const data = object.data.data as unknown as Onderhoudsvenster
  if (!object.data.data.toegestaneActies?.includes('wijzigen'))
    return <GeenToegang titel={data.reden} uitleg={t('registry:geenRechtWijzigen')} />
  return <Formulier key={id} id={id} start={data} etag={object.data.etag} />
}
