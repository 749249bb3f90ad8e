import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useQuery } from '@tanstack/react-query'
import { Trans, useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { KostenpostInvoer } from '../../../../src/schemas/kosten'
import type { DeclaratiesVanKostenpost } from '../../../../src/schemas/kostenpost-declaraties'
import { get } from '../../api/client'
import { ErrorAlert } from '../../components/page'
import { formatBedrag } from '../../i18n/format'
import { REGISTRY_KEY } from '../registry/api'
import type { KostenObject } from './soorten'

// Where a kostenpost was declared (GET /kostenposten/{id}/declaraties): "in declaratie
// 2026-0001 (definitief)" with a link, and when the post changed after that, what was
// declared, what is due now and where the correction is made (the original declaratie's
// page, whose "Corrigeren" makes it). Only declaraties the caller may see are listed:
// whoever sees none gets no section at all. On the form, a warning before a declared post changes.

/** One declaratie holding the post, as the API gives it (src/schemas/kostenpost-declaraties.ts). */
export type DeclaratieVanPost = DeclaratiesVanKostenpost['declaraties'][number]

export function useDeclaratiesVanPost(id: string | undefined, revisie: number | undefined) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'kostenpost-declaraties', id, revisie],
    queryFn: ({ signal }) => get<DeclaratiesVanKostenpost>(`kostenposten/${id}/declaraties`, signal),
    enabled: Boolean(id),
    retry: (n, e) => n < 2 && !(e as { status?: number }).status,
  })
}

/** The number a person reads: "2026-0001", or "concept" while it has none. */
export function declaratieNaam(d: Pick<DeclaratieVanPost, 'nummer'>, concept: string): string {
  return d.nummer ?? concept
}

/** Definitive originals (not concept) the post is in: the form warns that a change needs a correction. */
export const gedeclareerdIn = (lijst: DeclaratieVanPost[] | undefined) =>
  (lijst ?? []).filter((d) => d.soort === 'declaratie' && d.status !== 'concept')

export function DeclaratiesVanPost({ id, revisie }: { id: string; revisie: number }) {
  const { t } = useTranslation('kosten')
  const q = useDeclaratiesVanPost(id, revisie)
  const lijst = q.data?.declaraties ?? []
  if (q.error) return <ErrorAlert error={q.error} />
  if (lijst.length === 0) return null
  const teCorrigeren = lijst.filter((d) => d.correctieNodig)
  return (
    <section aria-labelledby="kostenpost-declaraties" className="rk-sectie">
      <Heading level={2} appearanceLevel={3} id="kostenpost-declaraties">
        {t('declaraties.titel')}
      </Heading>
      {teCorrigeren.map((d) => (
        <Alert key={`correctie-${d.id}`} type="warning">
          <Paragraph>
            <Trans
              t={t}
              i18nKey={d.magCorrigeren ? 'declaraties.correctieNodig' : 'declaraties.correctieNodigAfzender'}
              values={{
                nummer: declaratieNaam(d, t('declaraties.concept')),
                afnemer: d.afnemer.naam,
                gedeclareerd: formatBedrag(d.gedeclareerdBedrag ?? 0),
                actueel: formatBedrag(d.actueelBedrag ?? 0),
              }}
              components={{ corrigeren: <Link to={`/declaraties/${d.id}#decl-acties-kop`} /> }}
            />
          </Paragraph>
        </Alert>
      ))}
      <ul className="rk-declaraties-van-post">
        {lijst.map((d) => (
          <li key={d.id}>
            <Trans
              t={t}
              i18nKey={`declaraties.${d.status === 'concept' ? (d.soort === 'correctie' ? 'inConceptCorrectie' : 'inConcept') : d.soort === 'correctie' ? 'inCorrectie' : 'inDeclaratie'}`}
              values={{
                nummer: declaratieNaam(d, t('declaraties.concept')),
                status: t(`declaraties:status.${d.status}`).toLowerCase(),
                afnemer: d.afnemer.naam,
                periode: d.periode,
                bedrag: formatBedrag(d.bedrag),
                origineel: d.corrigeertNummer ?? '',
              }}
              components={{ nummer: <Link to={`/declaraties/${d.id}`} /> }}
            />
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The fields whose change alters what a declaratie holds of this post. */
const GEDECLAREERDE_VELDEN = [
  'begroting',
  'realisatie',
  'periode',
  'verdeelsleutelId',
  'gemaaktDoorId',
  'samenwerkingId',
  'gastheerschapId',
] as const satisfies readonly (keyof KostenpostInvoer)[]

/**
 * Before saving a post that is in a declaratie that left concept: it says so, and once an
 * amount (or anything else the declaratie's line depends on) differs from what was
 * loaded, that a correction will be needed after saving (issue 20, item 5).
 */
export function GedeclareerdWaarschuwing({ id, start, body }: { id: string; start: KostenObject; body: Record<string, unknown> }) {
  const { t } = useTranslation('kosten')
  const q = useDeclaratiesVanPost(id, start.revisie)
  const nummers = [...new Set(gedeclareerdIn(q.data?.declaraties).map((d) => d.nummer ?? ''))].join(', ')
  const gewijzigd = GEDECLAREERDE_VELDEN.some((v) => (body[v] ?? null) !== (start[v] ?? null))
  return (
    <div aria-live="polite">
      {nummers && (
        <Alert type={gewijzigd ? 'warning' : 'info'}>
          <Paragraph>{t(gewijzigd ? 'declaraties.waarschuwing' : 'declaraties.waarschuwingOngewijzigd', { nummers })}</Paragraph>
        </Alert>
      )}
    </div>
  )
}
