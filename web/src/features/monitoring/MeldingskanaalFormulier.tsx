import {
  Button,
  Fieldset,
  FormFieldCheckboxOption,
  FormFieldSelect,
  FormFieldTextarea,
  FormFieldTextInput,
  SelectOption,
} from '@rijkshuisstijl-community/components-react'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { MELDING_GEBEURTENISSEN, MELDINGSKANAAL_SOORTEN, WEBHOOK_FORMATEN } from '../../../../src/domain/monitoring/invoer'
import { useCurrentIk } from '../../app/session'
import { AppLink } from '../../components/app-link'
import { ErrorSummary, type Foutmelding } from '../../components/error-summary'
import { GeenToegang } from '../../components/geen-toegang'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { useWaardeLabel } from '../../i18n/waarden'
import { useObject } from '../registry/api'
import { magAanmaken } from '../registry/soorten'
import type { Meldingskanaal } from './api'
import { useOpslaan } from './useOpslaan'
import { foutVan, Keuzerondjes, RefKeuze } from './velden'
import './monitoring.css'

// A meldingskanaal: a webhook (its URL write-only: empty keeps the stored one, which
// shows shortened) or e-mail recipients, the events it hears about, and how many days
// before a certificate expires it warns.

type Soort = (typeof MELDINGSKANAAL_SOORTEN)[number]
type Gebeurtenis = (typeof MELDING_GEBEURTENISSEN)[number]
const veldId = (v: string) => `kanaal-${v}`
const VELDEN = [
  'naam',
  'organisatieId',
  'samenwerkingId',
  'soort',
  'formaat',
  'webhookUrl',
  'ontvangers',
  'gebeurtenissen',
  'certificaatDagen',
] as const

function Formulier({ id, start, etag }: { id?: string; start?: Meldingskanaal; etag?: string }) {
  const { t } = useTranslation('monitoring')
  const waardeLabel = useWaardeLabel()
  const [naam, setNaam] = useState(start?.naam ?? '')
  const [organisatieId, setOrganisatieId] = useState(start?.organisatieId ?? '')
  const [samenwerkingId, setSamenwerkingId] = useState(start?.samenwerkingId ?? '')
  const [soort, setSoort] = useState<Soort>(start?.soort ?? 'webhook')
  const [formaat, setFormaat] = useState<string>(start?.formaat ?? 'json')
  const [webhookUrl, setWebhookUrl] = useState('')
  const [ontvangers, setOntvangers] = useState((start?.ontvangers ?? []).join('\n'))
  const [gebeurtenissen, setGebeurtenissen] = useState<Gebeurtenis[]>(start?.gebeurtenissen ?? ['storing-geopend', 'storing-hersteld'])
  const [dagen, setDagen] = useState((start?.certificaatDagen ?? []).join(', '))
  const [actief, setActief] = useState(start?.actief !== false)
  const [eigen, setEigen] = useState<Record<string, string>>({})
  const o = useOpslaan('meldingskanalen', id, etag)
  const fouten: Record<string, string> = { ...o.fouten, ...eigen }
  const labels: Record<string, string> = {
    naam: `${t('registry:veld.naam')} *`,
    organisatieId: `${t('registry:veld.organisatieId')} *`,
    samenwerkingId: t('registry:veld.samenwerkingId'),
    soort: t('registry:veld.soortKanaal'),
    formaat: t('registry:veld.formaat'),
    webhookUrl: t('formulier.webhookUrl'),
    ontvangers: t('formulier.ontvangers'),
    gebeurtenissen: t('formulier.gebeurtenissen'),
    certificaatDagen: t('formulier.certificaatDagen'),
  }
  const meldingen: Foutmelding[] = Object.entries(fouten).map(([pad, melding]) => {
    const veld = VELDEN.find((v) => pad === v || pad.startsWith(`${v}.`) || pad.startsWith(`${v}[`))
    return { doel: veld ? veldId(veld) : undefined, label: veld ? (labels[veld] ?? veld).replace(/ \*$/, '') : pad, melding }
  })
  function submit(e: FormEvent) {
    e.preventDefault()
    const d = dagen
      .split(/[,\s]+/)
      .map((x) => x.trim())
      .filter(Boolean)
    const f: Record<string, string> = {}
    if (d.some((x) => !/^\d+$/.test(x))) f.certificaatDagen = t('formulier.getalOngeldig')
    setEigen(f)
    if (Object.keys(f).length > 0) {
      o.meerPoging()
      return
    }
    void o.opslaan({
      naam: naam.trim(),
      organisatieId,
      ...(samenwerkingId ? { samenwerkingId } : {}),
      soort,
      ...(soort === 'webhook' ? { formaat, ...(webhookUrl.trim() ? { webhookUrl: webhookUrl.trim() } : {}) } : {}),
      ...(soort === 'email'
        ? {
            ontvangers: ontvangers
              .split('\n')
              .map((x) => x.trim())
              .filter(Boolean),
          }
        : {}),
      gebeurtenissen,
      ...(d.length > 0 ? { certificaatDagen: d.map(Number) } : {}),
      actief,
    })
  }
  return (
    <>
      <PageHeading titel={start ? t('formulier.bewerken', { naam: start.naam }) : t('registry:soort.meldingskanalen.nieuw')} />
      <ErrorSummary fouten={meldingen} poging={o.poging} />
      {meldingen.length === 0 && <ErrorAlert error={o.fout} />}
      <form className="rk-form" noValidate onSubmit={submit}>
        <div id={veldId('naam')}>
          <FormFieldTextInput
            label={labels.naam}
            value={naam}
            invalid={Boolean(foutVan(fouten, 'naam'))}
            errorMessage={foutVan(fouten, 'naam')}
            onChange={(e) => setNaam((e.target as HTMLInputElement).value)}
          />
        </div>
        <RefKeuze
          id={veldId('organisatieId')}
          doel="organisaties"
          label={labels.organisatieId ?? ''}
          waarde={organisatieId}
          fout={foutVan(fouten, 'organisatieId')}
          onChange={setOrganisatieId}
        />
        <RefKeuze
          id={veldId('samenwerkingId')}
          doel="samenwerkingen"
          label={labels.samenwerkingId ?? ''}
          waarde={samenwerkingId}
          fout={foutVan(fouten, 'samenwerkingId')}
          onChange={setSamenwerkingId}
        />
        <Keuzerondjes
          id={veldId('soort')}
          legend={labels.soort ?? ''}
          waarde={soort}
          opties={MELDINGSKANAAL_SOORTEN.map((s) => ({ waarde: s, label: waardeLabel(s, MELDINGSKANAAL_SOORTEN) }))}
          onChange={setSoort}
          fout={foutVan(fouten, 'soort')}
        />
        {soort === 'webhook' && (
          <>
            <div id={veldId('formaat')}>
              <FormFieldSelect
                label={labels.formaat}
                value={formaat}
                invalid={Boolean(foutVan(fouten, 'formaat'))}
                errorMessage={foutVan(fouten, 'formaat')}
                onChange={(e) => setFormaat((e.target as HTMLSelectElement).value)}
              >
                {WEBHOOK_FORMATEN.map((f) => (
                  <SelectOption key={f} value={f}>
                    {waardeLabel(f, WEBHOOK_FORMATEN)}
                  </SelectOption>
                ))}
              </FormFieldSelect>
            </div>
            <div id={veldId('webhookUrl')}>
              <FormFieldTextInput
                label={labels.webhookUrl}
                type="url"
                autoComplete="off"
                value={webhookUrl}
                description={
                  start?.webhookUrlWeergave
                    ? t('formulier.webhookIngesteld', { weergave: start.webhookUrlWeergave })
                    : `${t('formulier.webhookUitleg')} ${t('formulier.nietIngesteld')}`
                }
                invalid={Boolean(foutVan(fouten, 'webhookUrl'))}
                errorMessage={foutVan(fouten, 'webhookUrl')}
                onChange={(e) => setWebhookUrl((e.target as HTMLInputElement).value)}
              />
            </div>
          </>
        )}
        {soort === 'email' && (
          <div id={veldId('ontvangers')}>
            <FormFieldTextarea
              label={labels.ontvangers}
              rows={3}
              value={ontvangers}
              invalid={Boolean(foutVan(fouten, 'ontvangers'))}
              errorMessage={foutVan(fouten, 'ontvangers')}
              onChange={(e) => setOntvangers((e.target as HTMLTextAreaElement).value)}
            />
          </div>
        )}
        <div id={veldId('gebeurtenissen')}>
          <Fieldset legend={labels.gebeurtenissen} invalid={Boolean(foutVan(fouten, 'gebeurtenissen'))}>
            {foutVan(fouten, 'gebeurtenissen') && <p className="utrecht-form-field-error-message">{foutVan(fouten, 'gebeurtenissen')}</p>}
            {MELDING_GEBEURTENISSEN.map((g) => (
              <FormFieldCheckboxOption
                key={g}
                label={waardeLabel(g, MELDING_GEBEURTENISSEN)}
                checked={gebeurtenissen.includes(g)}
                onChange={(e) => setGebeurtenissen((x) => ((e.target as HTMLInputElement).checked ? [...x, g] : x.filter((y) => y !== g)))}
              />
            ))}
          </Fieldset>
        </div>
        <div id={veldId('certificaatDagen')}>
          <FormFieldTextInput
            label={labels.certificaatDagen}
            value={dagen}
            inputMode="numeric"
            invalid={Boolean(foutVan(fouten, 'certificaatDagen'))}
            errorMessage={foutVan(fouten, 'certificaatDagen')}
            onChange={(e) => setDagen((e.target as HTMLInputElement).value)}
          />
        </div>
        <FormFieldCheckboxOption
          label={t('registry:veld.actief')}
          checked={actief}
          onChange={(e) => setActief((e.target as HTMLInputElement).checked)}
        />
        <div className="rk-acties">
          <Button type="submit" appearance="primary-action-button" disabled={o.bezig}>
            {t('formulier.opslaan')}
          </Button>
          <AppLink to={id ? `/meldingskanalen/${id}` : '/meldingskanalen'}>{t('formulier.annuleren')}</AppLink>
        </div>
      </form>
    </>
  )
}

export default function MeldingskanaalFormulier() {
  const { id } = useParams()
  const { t } = useTranslation('monitoring')
  const ik = useCurrentIk()
  const object = useObject('meldingskanalen', id)
  if (!id) {
    if (!magAanmaken(ik.rechten.aanmaken, 'meldingskanalen'))
      return <GeenToegang titel={t('registry:soort.meldingskanalen.nieuw')} uitleg={t('registry:geenRechtAanmaken')} />
    return <Formulier key="nieuw" />
  }
  if (object.isPending) return <Loading />
  if (object.error || !object.data) return <ErrorAlert error={object.error} />
  const data = object.data.data as unknown as Meldingskanaal
  if (!object.data.data.toegestaneActies?.includes('wijzigen'))
    return <GeenToegang titel={data.naam} uitleg={t('registry:geenRechtWijzigen')} />
  return <Formulier key={id} id={id} start={data} etag={object.data.etag} />
}
