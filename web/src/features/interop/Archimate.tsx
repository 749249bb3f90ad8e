import {
  Alert,
  Button,
  FormFieldErrorMessage,
  FormFieldSelect,
  Heading,
  Link as NlLink,
  Paragraph,
  SelectOption,
  UnorderedList,
  UnorderedListItem,
} from '@rijkshuisstijl-community/components-react'
import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiProblem } from '../../api/client'
import { useCurrentIk } from '../../app/session'
import { PageHeading } from '../../components/page'
import { formatGrootte } from '../../i18n/format'
import { REGISTRY_KEY, useOpties } from '../registry/api'
import { ARCHIMATE_MAX_BYTES, type ArchimateImportRapport, archimateImporteren, exportAdres } from './api'
import { ImportRapport } from './ImportRapport'
import './interop.css'

// ArchiMate exchange (issue 15). Everyone may export what they see; an admin imports:
// first a trial (nothing written) that reports what would happen, then the same file
// for real — allowed only when the trial found no errors.

function Exporteren() {
  const { t } = useTranslation('interop')
  const [samenwerkingId, setSamenwerkingId] = useState('')
  const opties = useOpties('samenwerkingen')
  return (
    <section aria-labelledby="export-kop" className="rk-interop-sectie">
      <Heading level={2} appearanceLevel={3} id="export-kop">
        {t('archimate.export.kop')}
      </Heading>
      <Paragraph>{t('archimate.export.uitleg')}</Paragraph>
      <FormFieldSelect
        label={t('archimate.export.samenwerking')}
        value={samenwerkingId}
        onChange={(e) => setSamenwerkingId((e.target as HTMLSelectElement).value)}
      >
        <SelectOption value="">{t('archimate.export.alle')}</SelectOption>
        {(opties.data ?? []).map((o) => (
          <SelectOption key={o.id} value={o.id}>
            {o.naam}
          </SelectOption>
        ))}
      </FormFieldSelect>
      <Paragraph>
        <NlLink href={exportAdres(samenwerkingId)} download>
          {t('archimate.export.downloaden')}
        </NlLink>
      </Paragraph>
    </section>
  )
}

/** A refused upload: the API's message and every line it names (`regel 3: …`). */
function Weigering({ fout }: { fout: unknown }) {
  const { t } = useTranslation('interop')
  const problem = fout instanceof ApiProblem ? fout : undefined
  const params = problem?.body.invalidParams ?? []
  const detail =
    problem?.status === 0 ? t('common:fout.netwerk') : (problem?.body.detail ?? problem?.body.title ?? (fout as Error)?.message)
  // A detail that only repeats the one line below is said once.
  const toonDetail = detail && !(params.length === 1 && params[0]?.reason === detail)
  return (
    <Alert type="error" role="alert" className="rk-interop-weigering">
      <Heading level={2} appearanceLevel={4}>
        {t('archimate.import.geweigerd')}
      </Heading>
      {toonDetail && <Paragraph>{detail}</Paragraph>}
      {params.length > 0 && (
        <UnorderedList>
          {params.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one line may have several problems
            <UnorderedListItem key={i}>
              <strong>{p.name}</strong>: {p.reason}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </Alert>
  )
}

type Upload = { soort: 'proef' | 'import'; procent: number; verzonden: boolean }

function Importeren() {
  const { t } = useTranslation('interop')
  const client = useQueryClient()
  const ids = { invoer: useId(), uitleg: useId(), fout: useId() }
  const [bestand, setBestand] = useState<File>()
  const [veldFout, setVeldFout] = useState<string>()
  const [upload, setUpload] = useState<Upload>()
  const [fout, setFout] = useState<unknown>()
  // The trial belongs to the file it was run on: another file needs its own trial first.
  const [proef, setProef] = useState<{ bestand: File; rapport: ArchimateImportRapport }>()
  const [resultaat, setResultaat] = useState<ArchimateImportRapport>()

  async function verstuur(soort: 'proef' | 'import') {
    if (!bestand) return setVeldFout(t('archimate.import.geenBestand'))
    if (bestand.size > ARCHIMATE_MAX_BYTES) return setVeldFout(t('archimate.import.teGroot', { grootte: formatGrootte(bestand.size) }))
    setVeldFout(undefined)
    setFout(undefined)
    setResultaat(undefined)
    if (soort === 'proef') setProef(undefined)
    setUpload({ soort, procent: 0, verzonden: false })
    try {
      const { data } = await archimateImporteren(bestand, soort === 'proef', (verzonden, totaal) =>
        setUpload({ soort, procent: totaal > 0 ? Math.round((verzonden / totaal) * 100) : 0, verzonden: verzonden >= totaal }),
      )
      if (soort === 'proef') setProef({ bestand, rapport: data })
      else {
        setResultaat(data)
        setProef(undefined)
        // New and merged records: every registry list and object may have changed.
        await client.invalidateQueries({ queryKey: REGISTRY_KEY })
      }
    } catch (e) {
      setFout(e)
    } finally {
      setUpload(undefined)
    }
  }

  const proefHoortBij = proef && proef.bestand === bestand
  const heeftFouten = (proef?.rapport.totalen.fouten ?? 0) > 0
  const bezig = upload !== undefined
  // The live region says every tenth percent, not every progress event.
  const status = upload
    ? upload.verzonden
      ? t('archimate.import.verwerken')
      : t(upload.soort === 'proef' ? 'archimate.import.uploadenProef' : 'archimate.import.uploadenImport', {
          procent: Math.floor(upload.procent / 10) * 10,
        })
    : ''
  return (
    <section aria-labelledby="import-kop" className="rk-interop-sectie">
      <Heading level={2} appearanceLevel={3} id="import-kop">
        {t('archimate.import.kop')}
      </Heading>
      <form
        className="rk-interop-upload"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault()
          void verstuur('proef')
        }}
      >
        <div className={veldFout ? 'utrecht-form-field utrecht-form-field--invalid' : 'utrecht-form-field'}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor={ids.invoer}>
              {t('archimate.import.bestand')}
            </label>
          </div>
          <div className="utrecht-form-field-description utrecht-form-field__description" id={ids.uitleg}>
            {t('archimate.import.uitleg')}
          </div>
          {veldFout && (
            <FormFieldErrorMessage id={ids.fout} className="utrecht-form-field__error-message">
              {veldFout}
            </FormFieldErrorMessage>
          )}
          <div className="utrecht-form-field__input">
            <input
              id={ids.invoer}
              name="archimate"
              type="file"
              className="rk-interop-bestand"
              accept=".xml,application/xml,text/xml"
              aria-describedby={veldFout ? `${ids.uitleg} ${ids.fout}` : ids.uitleg}
              aria-invalid={veldFout ? true : undefined}
              onChange={(e) => {
                setBestand(e.currentTarget.files?.[0])
                setVeldFout(undefined)
              }}
            />
          </div>
          {bestand && (
            <Paragraph className="rk-interop-gekozen">
              {t('archimate.import.gekozen', { naam: bestand.name, grootte: formatGrootte(bestand.size) })}
            </Paragraph>
          )}
        </div>
        <div className="rk-interop-acties">
          <Button type="submit" appearance="primary-action-button" disabled={bezig} busy={upload?.soort === 'proef'}>
            {t('archimate.import.proef')}
          </Button>
          {proefHoortBij && !resultaat && (
            <Button
              appearance="secondary-action-button"
              disabled={bezig || heeftFouten}
              busy={upload?.soort === 'import'}
              aria-describedby={heeftFouten ? 'import-niet' : undefined}
              onClick={() => void verstuur('import')}
            >
              {t('archimate.import.importeren')}
            </Button>
          )}
        </div>
        {proefHoortBij && heeftFouten && !resultaat && (
          <Paragraph id="import-niet" className="rk-interop-niet">
            {t('archimate.import.nietImporteren')}
          </Paragraph>
        )}
        {proef && !proefHoortBij && !resultaat && <Paragraph>{t('archimate.import.andereBestand')}</Paragraph>}
      </form>
      {upload && (
        <div className="rk-interop-voortgang">
          <label htmlFor="import-voortgang">{t('archimate.import.voortgang')}</label>
          <progress id="import-voortgang" max={100} value={upload.procent}>
            {upload.procent} %
          </progress>
          <span aria-hidden="true">{upload.procent} %</span>
        </div>
      )}
      <p role="status" aria-live="polite" className="rk-interop-status">
        {status}
      </p>
      {fout !== undefined && <Weigering fout={fout} />}
      {resultaat && <ImportRapport key="import" rapport={resultaat} />}
      {!resultaat && proefHoortBij && <ImportRapport key={`proef-${proef.bestand.name}`} rapport={proef.rapport} />}
    </section>
  )
}

export default function Archimate() {
  const { t } = useTranslation('interop')
  const ik = useCurrentIk()
  const admin = ik.gebruiker.rollen.some((r) => r.rol === 'admin')
  return (
    <>
      <PageHeading titel={t('archimate.titel')} />
      <Paragraph>{t('archimate.intro')}</Paragraph>
      {admin ? <Importeren /> : <Paragraph>{t('archimate.import.alleenAdmin')}</Paragraph>}
      <Exporteren />
    </>
  )
}
