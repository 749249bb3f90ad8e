import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { request } from '../../api/client'
import { ErrorAlert } from '../../components/page'
import { formatGetal } from '../../i18n/format'
import type { TestmeldingUitkomst } from './api'
import { redenTekst } from './gedeeld'

// On a meldingskanaal's page, for who may change it: send a test notification now and
// say in words how it went (POST /meldingskanalen/{id}/test).

export function Testmelding({ id }: { id: string }) {
  const { t } = useTranslation('monitoring')
  const test = useMutation({
    mutationFn: () => request<TestmeldingUitkomst>(`meldingskanalen/${id}/test`, { method: 'POST' }).then((r) => r.data),
  })
  const u = test.data
  return (
    <section aria-labelledby="testmelding-kop" className="rk-sectie">
      <Heading level={2} appearanceLevel={3} id="testmelding-kop">
        {t('test.knop')}
      </Heading>
      <Button appearance="secondary-action-button" busy={test.isPending} disabled={test.isPending} onClick={() => test.mutate()}>
        {test.isPending ? t('test.bezig') : t('test.knop')}
      </Button>
      <div aria-live="polite">
        {u && (
          <Alert type={u.geslaagd ? 'ok' : 'error'} data-testmelding={u.geslaagd ? 'geslaagd' : 'mislukt'}>
            <Paragraph>
              {u.geslaagd ? t('test.geslaagd', { ms: formatGetal(u.duurMs) }) : t('test.mislukt', { reden: redenTekst(u.reden) })}
              {!u.geslaagd && u.tijdelijk && ` ${t('test.tijdelijk')}`}
            </Paragraph>
          </Alert>
        )}
      </div>
      <ErrorAlert error={test.error} />
    </section>
  )
}
