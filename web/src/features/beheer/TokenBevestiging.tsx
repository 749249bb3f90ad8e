import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiToken } from './types'

// "Revoke this token?" — for one's own tokens and, for an admin, another user's.

export function TokenBevestiging({
  token,
  onJa,
  onNee,
  busy,
  niveau = 2,
}: {
  token: ApiToken
  onJa: () => void
  onNee: () => void
  busy: boolean
  /** Heading level: 3 inside a section that has its own h2. */
  niveau?: 2 | 3
}) {
  const { t } = useTranslation('beheer')
  const kop = useRef<HTMLHeadingElement>(null)
  useEffect(() => kop.current?.focus(), [])
  return (
    <Alert type="warning">
      <Heading level={niveau} appearanceLevel={4} ref={kop} tabIndex={-1}>
        {t('tokens.bevestigTitel')}
      </Heading>
      <Paragraph>{t('tokens.bevestig', { naam: token.naam })}</Paragraph>
      <div className="rk-acties">
        <Button appearance="primary-action-button" onClick={onJa} disabled={busy}>
          {t('tokens.bevestigKnop')}
        </Button>
        <Button appearance="secondary-action-button" onClick={onNee}>
          {t('acties.annuleren', { ns: 'common' })}
        </Button>
      </div>
    </Alert>
  )
}
