import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useQuery } from '@tanstack/react-query'
import { Trans, useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { DeclaratiesVanKostenpost } from '../../../../src/schemas/kostenpost-declaraties'
import { get } from '../../api/client'
import { ErrorAlert } from '../../components/page'
import { formatBedrag } from '../../i18n/format'
import { REGISTRY_KEY } from '../registry/api'

// Where a kostenpost was declared (GET /kostenposten/{id}/declaraties): "in declaratie
// 2026-0001 (definitief)" with a link, and when the post changed after that, what was
// declared, what is due now and where the correction is made (the original declaratie's
// page, whose "Corrigeren" makes it). Only declaraties the caller may see are listed:
// whoever sees none gets no section at all.

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
