import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { AppLink } from '../../components/app-link'
import { ErrorAlert } from '../../components/page'
import { formatGetal, formatTijdstip } from '../../i18n/format'
import { openEerst, overzichtQuery, STATUSSEN, storingenQuery } from '../monitoring/api'
import { StatusLabel } from '../monitoring/gedeeld'
import '../monitoring/monitoring.css'

// The dashboard's slot "Werking van koppelingen": how many controles are in each state
// (GET /monitoring?paginaGrootte=1 gives the totals), each a link to the overview
// filtered on it, and the open storingen by name with since when.

const MAX_STORINGEN = 5

export function DashboardWerking() {
  const { t } = useTranslation('monitoring')
  const tellingen = useQuery(overzichtQuery({ paginaGrootte: '1' }))
  const storingen = useQuery(storingenQuery({ open: 'true' }))
  const totalen = tellingen.data?.totalen
  const alle = totalen ? Object.values(totalen).reduce((a, b) => a + b, 0) : 0
  const open = storingen.data ? openEerst(storingen.data.resultaten) : []
  return (
    <section aria-labelledby="dashboard-werking" className="rk-dashboard__werking" data-slot="werking">
      <Heading level={2} id="dashboard-werking">
        {t('dashboard.kop')}
      </Heading>
      <ErrorAlert error={tellingen.error ?? storingen.error} />
      {totalen && alle === 0 && <Paragraph>{t('dashboard.geenControles')}</Paragraph>}
      {totalen && alle > 0 && (
        <dl className="rk-tegels" aria-label={t('dashboard.tellingen')}>
          {STATUSSEN.map((s) => (
            <div className="rk-tegel" key={s} data-werking={s}>
              <dt>
                <AppLink to={`/monitoring?status=${s}`}>
                  <StatusLabel status={s} />
                </AppLink>
              </dt>
              <dd className="rk-tegel__getal">{formatGetal(totalen[s])}</dd>
            </div>
          ))}
        </dl>
      )}
      {storingen.data && alle > 0 && (
        <>
          <Heading level={3} appearanceLevel={4}>
            {t('dashboard.openStoringen')}
          </Heading>
          {open.length === 0 ? (
            <Paragraph>{t('dashboard.geenStoringen')}</Paragraph>
          ) : (
            <UnorderedList>
              {open.slice(0, MAX_STORINGEN).map((s) => (
                <UnorderedListItem key={s.id}>
                  <AppLink to={`/storingen/${s.id}`}>
                    {t('dashboard.storingSinds', { naam: s.koppeling?.naam ?? s.controle.naam, tijd: formatTijdstip(s.begonnenOp) })}
                  </AppLink>
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
          {open.length > MAX_STORINGEN && (
            <Paragraph>
              <AppLink to="/storingen?open=true">{t('storingen.titel')}</AppLink>
            </Paragraph>
          )}
        </>
      )}
      <Paragraph>
        <AppLink to="/monitoring">{t('dashboard.naarMonitoring')}</AppLink>
      </Paragraph>
    </section>
  )
}
