import { Paragraph } from '@rijkshuisstijl-community/components-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { ApiProblem, get } from '../../api/client'
import { BareLayout } from '../../app/BareLayout'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { MONITORING_KEY, type Statuspagina } from './api'
import { StatusWeergave } from './StatusWeergave'
import './monitoring.css'

// The public status page (/status/{slug}): no sign-in and no shell — the frame of the
// login page, without navigation into the application. GET /api/v1/status/{slug} gives
// only names, states and availability.

export default function StatusOpenbaar() {
  const { slug = '' } = useParams()
  const { t } = useTranslation('monitoring')
  const status = useQuery({
    queryKey: [...MONITORING_KEY, 'openbaar', slug],
    queryFn: ({ signal }) => get<Statuspagina>(`status/${encodeURIComponent(slug)}`, signal),
    // A public page: keep it current while someone watches it.
    refetchInterval: 60_000,
  })
  const p = status.data
  const nietGevonden = status.error instanceof ApiProblem && status.error.status === 404
  return (
    <BareLayout>
      <div className="rk-mon-openbaar">
        <PageHeading titel={p ? t('statuspagina.titel', { titel: p.titel }) : t('overzicht.titel')} />
        {status.isPending && <Loading />}
        {nietGevonden ? <Paragraph>{t('statuspagina.nietGevonden')}</Paragraph> : <ErrorAlert error={status.error} />}
        {p && (
          <>
            <Paragraph>{t('statuspagina.openbaarUitleg')}</Paragraph>
            <StatusWeergave p={p} metLinks={false} />
          </>
        )}
      </div>
    </BareLayout>
  )
}
