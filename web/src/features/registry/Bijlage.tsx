import {
  Alert,
  Button,
  FormFieldErrorMessage,
  FormSummary,
  FormSummaryItem,
  FormSummaryKey,
  FormSummaryValue,
  Heading,
  Paragraph,
} from '@rijkshuisstijl-community/components-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { API, ApiProblem, type ApiResult, request } from '../../api/client'
import type { Bewijsstuk } from '../../api/types'
import { ErrorAlert } from '../../components/page'
import { formatGrootte } from '../../i18n/format'
import { Bevestigingsdialoog } from '../declaraties/Bevestiging'
import { REGISTRY_KEY } from './api'
import type { RegistryObject } from './soorten'

// The document of a bewijsstuk: what is stored (name, type, size, SHA-256) with a download
// link, and — for who may change the bewijsstuk — an upload that replaces it and a remove
// behind a confirmation. The file goes as it is (PUT …/bijlage, its own Content-Type, the
// name in Content-Disposition, If-Match); the API recognises the type by the bytes, and its
// refusals (400 at `bijlage`, 413, 415) are said at the file field in words.

/** The upload limit (src/schemas/vertrouwen.ts BIJLAGE_MAX_BYTES; not imported, so no schema code is bundled). */
export const BIJLAGE_MAX_BYTES = 10 * 1024 * 1024
const TYPES = ['application/pdf', 'image/png', 'image/jpeg']
const TYPE_NAAM: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG' }
const typeNaam = (mediatype: string) => TYPE_NAAM[mediatype] ?? mediatype

/** `attachment` with an ASCII fallback and the exact name (RFC 6266); a header may carry no other characters. */
function disposition(naam: string): string {
  const ascii = naam.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(naam)}`
}

const objectKey = (id: string) => [...REGISTRY_KEY, 'object', 'bewijsstukken', id]

export function BijlageSectie({ bewijsstuk, etag }: { bewijsstuk: Bewijsstuk; etag?: string }) {
  const { t } = useTranslation('vertrouwen-register')
  const client = useQueryClient()
  const [melding, setMelding] = useState<string>()
  const [bestand, setBestand] = useState<File>()
  const [veldFout, setVeldFout] = useState<string>()
  // A new input after each upload, so the chosen file does not linger.
  const [invoerSleutel, setInvoerSleutel] = useState(0)
  const [vragen, setVragen] = useState(false)
  const invoer = useRef<HTMLInputElement>(null)
  const ids = { invoer: useId(), uitleg: useId(), fout: useId(), kop: useId() }
  const b = bewijsstuk.bijlage
  const mag = bewijsstuk.toegestaneActies?.includes('wijzigen') ?? false
  const max = formatGrootte(BIJLAGE_MAX_BYTES)

  /** The new version: shown at once, and every list refreshed. */
  async function bijgewerkt(res: ApiResult<RegistryObject>) {
    client.setQueryData(objectKey(bewijsstuk.id), res)
    await client.invalidateQueries({ queryKey: REGISTRY_KEY })
  }

  /** A refusal in words at the file field; anything else stays an error alert. */
  function foutVan(err: unknown, f: File): string | undefined {
    if (!(err instanceof ApiProblem)) return undefined
    const naam = f.name
    if (err.status === 413) return t('bijlage.fout.teGroot', { naam, grootte: formatGrootte(f.size), max })
    if (err.status === 415) return t('bijlage.fout.verkeerdType', { naam })
    if (err.status === 412) return t('bijlage.fout.gewijzigd')
    const p = err.body.invalidParams?.find((x) => x.name.replace(/^body\.?/, '') === 'bijlage')
    if (err.status !== 400 || !p) return undefined
    if (p.code === 'leeg') return t('bijlage.fout.leeg', { naam })
    if (p.code === 'te-groot') return t('bijlage.fout.teGroot', { naam, grootte: formatGrootte(f.size), max })
    if (p.code === 'inhoud-past-niet') return t('bijlage.fout.inhoudPastNiet', { naam, gezegd: typeNaam(f.type) })
    return p.reason
  }

  const upload = useMutation({
    mutationFn: (f: File) =>
      request<RegistryObject>(`bewijsstukken/${bewijsstuk.id}/bijlage`, {
        method: 'PUT',
        bestand: f,
        ifMatch: etag,
        // An unknown type goes as it is called, so the API can say it takes only PDF, PNG and JPEG.
        headers: { 'content-type': f.type || 'application/octet-stream', 'content-disposition': disposition(f.name) },
      }),
    onSuccess: async (res, f) => {
      setVeldFout(undefined)
      setBestand(undefined)
      setInvoerSleutel((n) => n + 1)
      setMelding(t('bijlage.opgeslagen', { naam: (res.data.bijlage as Bewijsstuk['bijlage'])?.bestandsnaam ?? f.name }))
      await bijgewerkt(res)
    },
    onError: async (err, f) => {
      const fout = foutVan(err, f)
      setVeldFout(fout)
      // Stale: fetch the current version, so the next try is against it.
      if (err instanceof ApiProblem && err.status === 412) await client.invalidateQueries({ queryKey: objectKey(bewijsstuk.id) })
      if (fout) invoer.current?.focus()
    },
  })

  const verwijder = useMutation({
    mutationFn: () => request<RegistryObject>(`bewijsstukken/${bewijsstuk.id}/bijlage`, { method: 'DELETE', ifMatch: etag }),
    onSuccess: async (res) => {
      setVragen(false)
      setMelding(t('bijlage.verwijderd'))
      await bijgewerkt(res)
    },
  })

  function verstuur(e: FormEvent) {
    e.preventDefault()
    setMelding(undefined)
    upload.reset()
    const f = bestand
    if (!f) {
      setVeldFout(t('bijlage.fout.geenBestand'))
      invoer.current?.focus()
      return
    }
    // Not sent at all when it is too large: the API would refuse it after the whole upload.
    if (f.size > BIJLAGE_MAX_BYTES) {
      setVeldFout(t('bijlage.fout.teGroot', { naam: f.name, grootte: formatGrootte(f.size), max }))
      invoer.current?.focus()
      return
    }
    setVeldFout(undefined)
    upload.mutate(f)
  }

  const overigeFout = upload.error && !veldFout ? upload.error : undefined
  return (
    <section aria-labelledby={ids.kop} className="rk-sectie rk-bijlage">
      <Heading level={2} appearanceLevel={3} id={ids.kop}>
        {t('bijlage.kop')}
      </Heading>
      {melding && (
        <Alert type="ok" role="status">
          <Paragraph>{melding}</Paragraph>
        </Alert>
      )}
      {b ? (
        <>
          <FormSummary className="rk-gegevens">
            <FormSummaryItem>
              <FormSummaryKey>{t('bijlage.bestandsnaam')}</FormSummaryKey>
              <FormSummaryValue>{b.bestandsnaam}</FormSummaryValue>
            </FormSummaryItem>
            <FormSummaryItem>
              <FormSummaryKey>{t('bijlage.mediatype')}</FormSummaryKey>
              <FormSummaryValue>{typeNaam(b.mediatype)}</FormSummaryValue>
            </FormSummaryItem>
            <FormSummaryItem>
              <FormSummaryKey>{t('bijlage.grootte')}</FormSummaryKey>
              <FormSummaryValue>{formatGrootte(b.grootte)}</FormSummaryValue>
            </FormSummaryItem>
            <FormSummaryItem>
              <FormSummaryKey>{t('bijlage.sha256')}</FormSummaryKey>
              <FormSummaryValue>
                <code className="rk-sha256" data-testid="bijlage-sha256">
                  {b.sha256}
                </code>
              </FormSummaryValue>
            </FormSummaryItem>
          </FormSummary>
          <div className="rk-acties">
            {/* The server says "attachment", with the stored name and nosniff: the browser saves it, never shows it. */}
            <a href={`${API}/bewijsstukken/${bewijsstuk.id}/bijlage`} download={b.bestandsnaam}>
              {t('bijlage.downloaden', { naam: b.bestandsnaam })}
            </a>
            {mag && (
              <Button
                appearance="secondary-action-button"
                aria-haspopup="dialog"
                onClick={() => {
                  verwijder.reset()
                  setMelding(undefined)
                  setVragen(true)
                }}
              >
                {t('bijlage.verwijderen')}
              </Button>
            )}
          </div>
        </>
      ) : (
        <Paragraph>{t('bijlage.geen')}</Paragraph>
      )}
      {mag && (
        <form className="rk-upload" noValidate onSubmit={verstuur}>
          <div className={veldFout ? 'utrecht-form-field utrecht-form-field--invalid' : 'utrecht-form-field'}>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor={ids.invoer}>
                {b ? t('bijlage.vervangen') : t('bijlage.uploaden')}
              </label>
            </div>
            <div className="utrecht-form-field-description utrecht-form-field__description" id={ids.uitleg}>
              {t('bijlage.eisen', { max })}
            </div>
            {veldFout && (
              <FormFieldErrorMessage id={ids.fout} className="utrecht-form-field__error-message">
                {veldFout}
              </FormFieldErrorMessage>
            )}
            <div className="utrecht-form-field__input">
              <input
                key={invoerSleutel}
                ref={invoer}
                id={ids.invoer}
                name="bijlage"
                type="file"
                className="rk-bestand"
                accept={`${TYPES.join(',')},.pdf,.png,.jpg,.jpeg`}
                aria-describedby={veldFout ? `${ids.uitleg} ${ids.fout}` : ids.uitleg}
                aria-invalid={veldFout ? true : undefined}
                onChange={(e) => {
                  setBestand(e.currentTarget.files?.[0])
                  setVeldFout(undefined)
                }}
              />
            </div>
          </div>
          <div className="rk-acties">
            <Button type="submit" appearance="primary-action-button" disabled={upload.isPending} busy={upload.isPending}>
              {upload.isPending ? t('bijlage.bezig') : t('bijlage.knop')}
            </Button>
          </div>
          <ErrorAlert error={overigeFout} />
        </form>
      )}
      {vragen && b && (
        <Bevestigingsdialoog
          kop={t('bijlage.bevestig.kop')}
          tekst={t('bijlage.bevestig.tekst', { naam: b.bestandsnaam })}
          ja={t('bijlage.bevestig.ja')}
          bezig={verwijder.isPending}
          fout={verwijder.error}
          onJa={() => verwijder.mutate()}
          onNee={() => setVragen(false)}
        />
      )}
    </section>
  )
}
