import { Paragraph } from '@rijkshuisstijl-community/components-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { get } from '../../api/client'
import { AppLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { MONITORING_KEY, type Statuspagina } from './api'
import { StatusWeergave } from './StatusWeergave'
import './monitoring.css'

// A samenwerking's status page for signed-in readers (GET /samenwerkingen/{id}/status),
// with the public address when it is public.

export default function StatusIntern() {
  const { id = '' } = useParams()
  const { t } = useTranslation('monitoring')
  const status = useQuery({
    queryKey: [...MONITORING_KEY, 'status', id],
    queryFn: ({ signal }) => get<Statuspagina>(`samenwerkingen/${id}/status`, signal),
  })
  if (status.isPending) return <Loading />
  const p = status.data
  return (
    <>
      <Paragraph className="rk-kruimel">
        <AppLink to={`/samenwerkingen/${id}`}>{p?.samenwerking?.naam ?? t('registry:soort.samenwerkingen.enkelvoud')}</AppLink>
      </Paragraph>
      <PageHeading titel={t('statuspagina.titel', { titel: p?.titel ?? '' })} />
      <ErrorAlert error={status.error} />
      {p && (
        <>
          <Paragraph>
            {p.openbaar && p.slug ? (
              <>
                {t('statuspagina.openbaarAdres', { pad: '' })}
                <a href={`/status/${p.slug}`}>/status/{p.slug}</a>
              </>
            ) : (
              t('statuspagina.nietOpenbaar')
            )}
          </Paragraph>
          <StatusWeergave p={p} metLinks />
        </>
      )}
    </>
  )
}
