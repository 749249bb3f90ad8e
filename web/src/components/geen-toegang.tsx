import { Alert, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { PageHeading } from './page'

/**
 * A page the signed-in user may not open. The API refuses regardless; this only
 * says so plainly instead of showing an empty page or a raw 403.
 */
export function GeenToegang({ titel, uitleg }: { titel: string; uitleg: string }) {
  const { t } = useTranslation()
  return (
    <>
      <PageHeading titel={titel} />
      <Alert type="warning">
        <Paragraph>{t('fout.geenToegang')}</Paragraph>
        <Paragraph>{uitleg}</Paragraph>
      </Alert>
    </>
  )
}
