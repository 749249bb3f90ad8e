import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { AppLink } from '../../components/app-link'

// The dashboard card's "Kosten" slot: where the transparency report and the benchmark are.

export function DashboardKosten({ samenwerking, headingId }: { samenwerking: { id: string; naam: string }; headingId: string }) {
  const { t } = useTranslation(['dashboard', 'rapportage'])
  return (
    <section className="rk-kaart__kosten" aria-labelledby={headingId} data-slot="kosten">
      <Heading level={4} id={headingId}>
        {t('dashboard:kosten.kop')}
      </Heading>
      <Paragraph>{t('rapportage:dashboard.tekst')}</Paragraph>
      <Paragraph>
        <AppLink
          to={`/transparantie?samenwerkingId=${samenwerking.id}`}
          aria-label={t('rapportage:dashboard.transparantieLabel', { naam: samenwerking.naam })}
        >
          {t('rapportage:dashboard.transparantie')}
        </AppLink>
        {' · '}
        <AppLink to="/benchmark">{t('rapportage:dashboard.benchmark')}</AppLink>
      </Paragraph>
    </section>
  )
}
