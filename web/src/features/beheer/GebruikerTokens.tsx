import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { IntrekbareTokens } from './IntrekbareTokens'

// On a user's page, for an admin: that user's API tokens, each revocable after
// confirming. A new password, deactivation or a role taken away revokes them all (the
// server does that); this is for one token at a time.

export const gebruikerTokensKey = (id: string) => ['gebruiker-tokens', id] as const

export function GebruikerTokens({ id, naam }: { id: string; naam: string }) {
  const { t } = useTranslation('beheer')
  const [ingetrokken, setIngetrokken] = useState<string>()

  return (
    <section aria-labelledby="gebruiker-tokens-kop">
      <Heading level={2} id="gebruiker-tokens-kop">
        {t('gebruikerTokens.titel')}
      </Heading>
      <Paragraph>{t('gebruikerTokens.intro')}</Paragraph>
      <IntrekbareTokens
        pad={`gebruikers/${encodeURIComponent(id)}/api-tokens`}
        tokensKey={gebruikerTokensKey(id)}
        geen={t('gebruikerTokens.geen')}
        caption={t('gebruikerTokens.caption', { naam })}
        niveau={3}
        ingetrokken={ingetrokken}
        onIngetrokken={setIngetrokken}
      />
    </section>
  )
}
