import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { AppLink } from '../../components/app-link'
import { ErrorAlert } from '../../components/page'
import { formatGetal } from '../../i18n/format'
import { ERNST_NIVEAUS, tellingenQuery } from './api'
import './vertrouwen.css'

// The dashboard's slot "Bevindingen vertrouwen": open findings per severity over
// everything the user may see (GET /bevindingen/_tellingen counts across samenwerkingen),
// each a link to the findings list filtered on it; accepted risks as a count apart.

export function DashboardBevindingen() {
  const { t } = useTranslation('vertrouwen')
  const { data, error } = useQuery(tellingenQuery)
  const geaccepteerd = data ? data.geaccepteerd.hoog + data.geaccepteerd.middel + data.geaccepteerd.laag : 0
  return (
    <section aria-labelledby="dashboard-bevindingen" className="rk-dashboard__bevindingen" data-slot="bevindingen">
      <Heading level={2} id="dashboard-bevindingen">
        {t('dashboard.kop')}
      </Heading>
      <Paragraph>{t('dashboard.tekst')}</Paragraph>
      <ErrorAlert error={error} />
      {data && (
        <>
          <dl className="rk-tegels">
            {ERNST_NIVEAUS.map((ernst) => (
              <div className={`rk-tegel rk-vtw-tegel--${ernst}`} key={ernst} data-ernst={ernst}>
                <dt>
                  <AppLink to={`/bevindingen?status=open&ernst=${ernst}`}>{t(`ernstLang.${ernst}`)}</AppLink>
                </dt>
                <dd className="rk-tegel__getal">{formatGetal(data.open[ernst])}</dd>
              </div>
            ))}
          </dl>
          <Paragraph className="rk-vtw-dashboard__links">
            {t('dashboard.geaccepteerd', { count: geaccepteerd })} <AppLink to="/vertrouwen">{t('dashboard.naarOverzicht')}</AppLink>
          </Paragraph>
        </>
      )}
    </section>
  )
}
