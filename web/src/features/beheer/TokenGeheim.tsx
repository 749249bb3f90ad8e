import { Alert, Button, FormFieldTextInput, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NieuwApiToken } from './types'

// The secret of a new token, shown exactly once: the API keeps only its hash. Focus
// moves here so nobody misses it; it stays until the person says it is stored.

export function TokenGeheim({ token, onKlaar }: { token: NieuwApiToken; onKlaar: () => void }) {
  const { t } = useTranslation('beheer')
  const kop = useRef<HTMLHeadingElement>(null)
  const [kopie, setKopie] = useState<'gekopieerd' | 'kopierenMislukt'>()
  useEffect(() => kop.current?.focus(), [])

  async function kopieer() {
    try {
      await navigator.clipboard.writeText(token.token)
      setKopie('gekopieerd')
    } catch {
      setKopie('kopierenMislukt')
    }
  }

  return (
    <Alert type="warning">
      <Heading level={2} appearanceLevel={4} ref={kop} tabIndex={-1}>
        {t('tokens.geheim.titel')}
      </Heading>
      <Paragraph>{t('tokens.geheim.waarschuwing')}</Paragraph>
      <FormFieldTextInput
        label={t('tokens.geheim.label', { naam: token.naam })}
        description={t('tokens.geheim.kopieerHint')}
        name="token"
        readOnly
        value={token.token}
        className="rk-geheim"
        onFocus={(e) => (e.target as HTMLInputElement).select()}
      />
      <div className="rk-acties">
        <Button appearance="secondary-action-button" onClick={kopieer}>
          {t('tokens.geheim.kopieer')}
        </Button>
        <Button appearance="primary-action-button" onClick={onKlaar}>
          {t('tokens.geheim.klaar')}
        </Button>
      </div>
      <Paragraph role="status">{kopie ? t(`tokens.geheim.${kopie}`) : ''}</Paragraph>
    </Alert>
  )
}
