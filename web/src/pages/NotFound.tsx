import { Paragraph } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageHeading } from '../components/page'

export default function NotFound() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeading titel={t('fout.nietGevondenTitel')} />
      <Paragraph>{t('fout.nietGevonden')}</Paragraph>
      <Paragraph>
        <Link to="/">{t('nav.dashboard')}</Link>
      </Paragraph>
    </>
  )
}
