import {
  Button,
  Fieldset,
  FormFieldCheckboxOption,
  FormFieldSelect,
  FormFieldTextarea,
  FormFieldTextInput,
  Paragraph,
  SelectOption,
} from '@rijkshuisstijl-community/components-react'
import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import { CONTROLE_DNS_TYPES, CONTROLE_METHODES, CONTROLE_SOORTEN } from '../../../../src/domain/monitoring/invoer'
import { ApiProblem, type ApiResult, request } from '../../api/client'
import { useCurrentIk } from '../../app/session'
import { AppLink } from '../../components/app-link'
import { ErrorSummary, type Foutmelding } from '../../components/error-summary'
import { GeenToegang } from '../../components/geen-toegang'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { useWaardeLabel } from '../../i18n/waarden'
import { REGISTRY_KEY, useObject } from '../registry/api'
import { magAanmaken } from '../registry/soorten'
import { type Controle, MONITORING_KEY } from './api'
import { type ControleConcept, type EigenFout, type InhoudKeuze, leegConcept, naarConcept, naarInvoer, toont } from './controle-concept'
import { foutVan, Keuzerondjes, RefKeuze } from './velden'
import './monitoring.css'

// Create and edit a controle. The soort chooses which fields show; the interval is in
// seconds and the time-out in milliseconds, each named in its label; secrets are
// write-only (empty, with "ingesteld" when stored). The API judges; its messages land at
// the fields and in the summary on top. A 412 reloads the stored version (the person's
// input stays) so the next save goes against it.

type Fouten = Record<string, string>

const veldId = (naam: string) => `controle-${naam.replace(/[.[\]]/g, '-')}`

function Formulier({ id, start }: { id?: string; start?: ApiResult<Controle> }) {
  const { t } = useTranslation('monitoring')
  const waardeLabel = useWaardeLabel()
  const client = useQueryClient()
  const navigate = useNavigate()
  const [zoek] = useSearchParams()
  // "Controle toevoegen" on a koppeling's page comes with its id.
  const [c, setC] = useState<ControleConcept>(() =>
    start ? naarConcept(start.data) : { ...leegConcept(), koppelingId: zoek.get('koppelingId') ?? '' },
  )
  const [etag, setEtag] = useState(start?.etag)
  const [eigen, setEigen] = useState<Record<string, EigenFout>>({})
  const [fout, setFout] = useState<unknown>()
  const [poging, setPoging] = useState(0)
  const [bezig, setBezig] = useState(false)
  const ingesteld = start?.data.geheimenIngesteld

  const zet = <K extends keyof ControleConcept>(k: K, v: ControleConcept[K]) => setC((x) => ({ ...x, [k]: v }))
  const api: Fouten = fout instanceof ApiProblem && fout.status === 400 ? fout.fieldErrors() : {}
  const eigenTekst: Fouten = Object.fromEntries(Object.entries(eigen).map(([k, f]) => [k, t(`formulier.${f.sleutel}`, { regel: f.regel })]))
  const fouten: Fouten = { ...api, ...eigenTekst }

  // Label of every field the API may name, for the summary.
  const labels: Record<string, string> = {
    naam: t('registry:veld.naam'),
    koppelingId: t('registry:veld.koppelingId'),
    applicatieId: t('registry:veld.applicatieId'),
    soort: t('formulier.wat'),
    url: t('registry:veld.url'),
    methode: t('registry:veld.methode'),
    verwachteStatus: t('registry:veld.verwachteStatus'),
    inhoudControle: t('formulier.inhoud'),
    'inhoudControle.tekst': t('formulier.tekst'),
    'inhoudControle.pointer': t('formulier.pointer'),
    'inhoudControle.waarde': t('formulier.waarde'),
    headers: t('formulier.headers'),
    verzoekInhoud: t('formulier.verzoekInhoud'),
    volgRedirects: t('formulier.volgRedirects'),
    maxBytes: t('formulier.maxBytes'),
    caPem: t('formulier.caPem'),
    clientCertificaatPem: t('formulier.clientCertificaatPem'),
    host: t('registry:veld.host'),
    poort: t('registry:veld.poort'),
    servernaam: t('registry:veld.servernaam'),
    minDagenGeldig: t('registry:veld.minDagenGeldig'),
    dnsNaam: t('registry:veld.dnsNaam'),
    dnsType: t('registry:veld.dnsType'),
    dnsVerwacht: t('registry:veld.dnsVerwacht'),
    intervalSeconden: t('registry:veld.intervalSeconden'),
    timeoutMs: t('registry:veld.timeoutMs'),
    pogingen: t('registry:veld.pogingen'),
    foutenVoorStoring: t('registry:veld.foutenVoorStoring'),
    successenVoorHerstel: t('registry:veld.successenVoorHerstel'),
    actief: t('registry:veld.actief'),
    'geheimen.headers': t('formulier.geheimeHeaders'),
    'geheimen.clientSleutelPem': t('formulier.clientSleutelPem'),
    geheimen: t('formulier.geheimen'),
  }
  const labelVan = (pad: string) => labels[pad] ?? labels[pad.replace(/[.[].*$/, '')] ?? pad
  const meldingen: Foutmelding[] = Object.entries(fouten).map(([pad, melding]) => ({
    doel: veldId(labels[pad] ? pad : pad.replace(/[.[].*$/, '')),
    label: labelVan(pad).replace(/ \*$/, ''),
    melding,
  }))

  async function opslaan(e: FormEvent) {
    e.preventDefault()
    const { invoer, fouten: f } = naarInvoer(c, { bestaand: Boolean(id) })
    setEigen(f)
    if (Object.keys(f).length > 0) {
      setFout(undefined)
      setPoging((p) => p + 1)
      return
    }
    setBezig(true)
    try {
      const res = id
        ? await request<Controle>(`controles/${id}`, { method: 'PUT', body: invoer, ifMatch: etag })
        : await request<Controle>('controles', { method: 'POST', body: invoer })
      await client.invalidateQueries({ queryKey: REGISTRY_KEY })
      await client.invalidateQueries({ queryKey: MONITORING_KEY })
      navigate(`/controles/${res.data.id}`, { state: { opgeslagen: true } })
    } catch (err) {
      // Someone saved in between: take the new version's ETag; the person's input stays.
      if (id && err instanceof ApiProblem && err.status === 412) {
        const nu = await request<Controle>(`controles/${id}`).catch(() => undefined)
        if (nu) setEtag(nu.etag)
      }
      setFout(err)
      setPoging((p) => p + 1)
      setBezig(false)
    }
  }

  const tekstveld = (
    naam: keyof ControleConcept,
    label: string,
    extra: { description?: ReactNode; type?: string; inputMode?: 'numeric' } = {},
  ) => (
    <div id={veldId(naam)}>
      <FormFieldTextInput
        label={label}
        value={String(c[naam])}
        invalid={Boolean(foutVan(fouten, naam))}
        errorMessage={foutVan(fouten, naam)}
        description={extra.description}
        type={extra.type ?? 'text'}
        inputMode={extra.inputMode}
        autoComplete="off"
        onChange={(ev) => zet(naam, (ev.target as HTMLInputElement).value as never)}
      />
    </div>
  )
  const getal = (naam: keyof ControleConcept, label: string) => tekstveld(naam, label, { inputMode: 'numeric' })
  const tekstvak = (naam: keyof ControleConcept, label: string, pad: string = naam, description?: ReactNode) => (
    <div id={veldId(pad)}>
      <FormFieldTextarea
        label={label}
        value={String(c[naam])}
        rows={3}
        description={description}
        invalid={Boolean(foutVan(fouten, pad))}
        errorMessage={foutVan(fouten, pad)}
        onChange={(ev) => zet(naam, (ev.target as HTMLTextAreaElement).value as never)}
      />
    </div>
  )
  const s = c.soort
  const naam = start?.data.naam
  return (
    <>
      <PageHeading titel={naam ? t('formulier.bewerken', { naam }) : t('formulier.nieuwControle')} />
      <ErrorSummary fouten={meldingen} poging={poging} />
      {meldingen.length === 0 && <ErrorAlert error={fout} />}
      <form className="rk-form" noValidate onSubmit={opslaan}>
        <Fieldset legend={t('formulier.algemeen')} className="rk-mon-groep">
          {tekstveld('naam', `${t('registry:veld.naam')} *`)}
          <RefKeuze
            id={veldId('koppelingId')}
            doel="koppelingen"
            label={t('registry:veld.koppelingId')}
            waarde={c.koppelingId}
            fout={foutVan(fouten, 'koppelingId')}
            onChange={(v) => zet('koppelingId', v)}
          />
          <RefKeuze
            id={veldId('applicatieId')}
            doel="applicaties"
            label={t('registry:veld.applicatieId')}
            waarde={c.applicatieId}
            fout={foutVan(fouten, 'applicatieId')}
            onChange={(v) => zet('applicatieId', v)}
          />
          <Keuzerondjes
            id={veldId('soort')}
            legend={t('formulier.wat')}
            waarde={s}
            opties={CONTROLE_SOORTEN.map((w) => ({ waarde: w, label: waardeLabel(w, CONTROLE_SOORTEN) }))}
            onChange={(w) => zet('soort', w)}
            fout={foutVan(fouten, 'soort')}
          />
        </Fieldset>
        <Fieldset legend={t(`formulier.${s}`)} className="rk-mon-groep" data-soort={s}>
          {toont(s, 'url') && tekstveld('url', `${t('registry:veld.url')} *`, { type: 'url' })}
          {toont(s, 'methode') && (
            <div id={veldId('methode')}>
              <FormFieldSelect
                label={t('registry:veld.methode')}
                value={c.methode}
                invalid={Boolean(foutVan(fouten, 'methode'))}
                errorMessage={foutVan(fouten, 'methode')}
                onChange={(ev) => zet('methode', (ev.target as HTMLSelectElement).value)}
              >
                {CONTROLE_METHODES.map((m) => (
                  <SelectOption key={m} value={m}>
                    {m}
                  </SelectOption>
                ))}
              </FormFieldSelect>
            </div>
          )}
          {toont(s, 'verwachteStatus') &&
            tekstveld('verwachteStatus', t('registry:veld.verwachteStatus'), { description: '200, 200,204 of 200-299' })}
          {toont(s, 'inhoud') && (
            <>
              <Keuzerondjes<InhoudKeuze>
                id={veldId('inhoudControle')}
                legend={t('formulier.inhoud')}
                waarde={c.inhoud}
                opties={[
                  { waarde: 'geen', label: t('formulier.inhoudGeen') },
                  { waarde: 'tekst-bevat', label: t('formulier.inhoudTekst') },
                  { waarde: 'json-pointer', label: t('formulier.inhoudPointer') },
                ]}
                onChange={(w) => zet('inhoud', w)}
                fout={fouten.inhoudControle}
              />
              {c.inhoud === 'tekst-bevat' && (
                <div id={veldId('inhoudControle.tekst')}>
                  <FormFieldTextInput
                    label={t('formulier.tekst')}
                    value={c.inhoudTekst}
                    invalid={Boolean(fouten['inhoudControle.tekst'])}
                    errorMessage={fouten['inhoudControle.tekst']}
                    onChange={(ev) => zet('inhoudTekst', (ev.target as HTMLInputElement).value)}
                  />
                </div>
              )}
              {c.inhoud === 'json-pointer' && (
                <>
                  <div id={veldId('inhoudControle.pointer')}>
                    <FormFieldTextInput
                      label={t('formulier.pointer')}
                      value={c.pointer}
                      invalid={Boolean(fouten['inhoudControle.pointer'])}
                      errorMessage={fouten['inhoudControle.pointer']}
                      onChange={(ev) => zet('pointer', (ev.target as HTMLInputElement).value)}
                    />
                  </div>
                  <div id={veldId('inhoudControle.waarde')}>
                    <FormFieldTextInput
                      label={t('formulier.waarde')}
                      value={c.waarde}
                      invalid={Boolean(fouten['inhoudControle.waarde'])}
                      errorMessage={fouten['inhoudControle.waarde']}
                      onChange={(ev) => zet('waarde', (ev.target as HTMLInputElement).value)}
                    />
                  </div>
                </>
              )}
            </>
          )}
          {toont(s, 'headers') && tekstvak('headers', t('formulier.headers'))}
          {toont(s, 'verzoekInhoud') &&
            (c.methode === 'POST' || c.methode === 'PUT') &&
            tekstvak('verzoekInhoud', t('formulier.verzoekInhoud'))}
          {toont(s, 'volgRedirects') && getal('volgRedirects', t('formulier.volgRedirects'))}
          {toont(s, 'maxBytes') && getal('maxBytes', t('formulier.maxBytes'))}
          {toont(s, 'host') && tekstveld('host', `${t('registry:veld.host')} *`)}
          {toont(s, 'poort') && getal('poort', `${t('registry:veld.poort')} *`)}
          {toont(s, 'servernaam') && tekstveld('servernaam', t('registry:veld.servernaam'))}
          {toont(s, 'minDagenGeldig') && getal('minDagenGeldig', t('registry:veld.minDagenGeldig'))}
          {toont(s, 'dnsNaam') && tekstveld('dnsNaam', `${t('registry:veld.dnsNaam')} *`)}
          {toont(s, 'dnsType') && (
            <div id={veldId('dnsType')}>
              <FormFieldSelect
                label={t('registry:veld.dnsType')}
                value={c.dnsType}
                invalid={Boolean(foutVan(fouten, 'dnsType'))}
                errorMessage={foutVan(fouten, 'dnsType')}
                onChange={(ev) => zet('dnsType', (ev.target as HTMLSelectElement).value)}
              >
                <SelectOption value="">A</SelectOption>
                {CONTROLE_DNS_TYPES.filter((d) => d !== 'A').map((d) => (
                  <SelectOption key={d} value={d}>
                    {d}
                  </SelectOption>
                ))}
              </FormFieldSelect>
            </div>
          )}
          {toont(s, 'dnsVerwacht') && tekstveld('dnsVerwacht', t('registry:veld.dnsVerwacht'))}
          {toont(s, 'caPem') && tekstvak('caPem', t('formulier.caPem'))}
          {toont(s, 'clientCertificaatPem') && tekstvak('clientCertificaatPem', t('formulier.clientCertificaatPem'))}
        </Fieldset>
        {s === 'http' && (
          <Fieldset legend={t('formulier.geheimen')} className="rk-mon-groep">
            <Paragraph>{t('formulier.geheimenUitleg')}</Paragraph>
            {tekstvak(
              'geheimeHeaders',
              t('formulier.geheimeHeaders'),
              'geheimen.headers',
              ingesteld && ingesteld.headers.length > 0
                ? t('formulier.ingesteldHeaders', { namen: ingesteld.headers.join(', ') })
                : t('formulier.nietIngesteld'),
            )}
            {tekstvak(
              'clientSleutelPem',
              t('formulier.clientSleutelPem'),
              'geheimen.clientSleutelPem',
              ingesteld?.clientSleutel ? t('formulier.ingesteldSleutel') : t('formulier.nietIngesteld'),
            )}
            {ingesteld && (ingesteld.headers.length > 0 || ingesteld.clientSleutel) && (
              <FormFieldCheckboxOption
                label={t('formulier.geheimenWissen')}
                checked={c.geheimenWissen}
                onChange={(ev) => zet('geheimenWissen', (ev.target as HTMLInputElement).checked)}
              />
            )}
          </Fieldset>
        )}
        <Fieldset legend={t('formulier.schema')} className="rk-mon-groep">
          {getal('intervalSeconden', `${t('registry:veld.intervalSeconden')} *`)}
          {getal('timeoutMs', `${t('registry:veld.timeoutMs')} *`)}
          {getal('pogingen', t('registry:veld.pogingen'))}
          {getal('foutenVoorStoring', t('registry:veld.foutenVoorStoring'))}
          {getal('successenVoorHerstel', t('registry:veld.successenVoorHerstel'))}
          <div id={veldId('actief')}>
            <FormFieldCheckboxOption
              label={t('registry:veld.actief')}
              checked={c.actief}
              onChange={(ev) => zet('actief', (ev.target as HTMLInputElement).checked)}
            />
          </div>
        </Fieldset>
        <div className="rk-acties">
          <Button type="submit" appearance="primary-action-button" disabled={bezig}>
            {t('formulier.opslaan')}
          </Button>
          <AppLink to={id ? `/controles/${id}` : '/monitoring'}>{t('formulier.annuleren')}</AppLink>
        </div>
      </form>
    </>
  )
}

export default function ControleFormulier() {
  const { id } = useParams()
  const { t } = useTranslation('monitoring')
  const ik = useCurrentIk()
  const object = useObject('controles', id)
  if (!id) {
    if (!magAanmaken(ik.rechten.aanmaken, 'controles'))
      return <GeenToegang titel={t('formulier.nieuwControle')} uitleg={t('registry:geenRechtAanmaken')} />
    return <Formulier key="nieuw" />
  }
  if (object.isPending) return <Loading />
  if (object.error || !object.data) {
    return (
      <>
        <PageHeading titel={t('registry:soort.controles.enkelvoud')} />
        <ErrorAlert error={object.error} />
      </>
    )
  }
  const data = object.data.data as unknown as Controle
  if (!object.data.data.toegestaneActies?.includes('wijzigen'))
    return <GeenToegang titel={data.naam} uitleg={t('registry:geenRechtWijzigen')} />
  return <Formulier key={id} id={id} start={{ data, etag: object.data.etag }} />
}
