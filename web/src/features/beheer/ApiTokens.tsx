import { Paragraph } from '@rijkshuisstijl-community/components-react'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCurrentIk } from '../../app/session'
import { PageHeading } from '../../components/page'
import { IntrekbareTokens } from './IntrekbareTokens'
import { NieuwTokenFormulier } from './NieuwTokenFormulier'
import { TokenGeheim } from './TokenGeheim'
import type { NieuwApiToken } from './types'
import './beheer.css'

// Every signed-in user manages their own API tokens here: list, create (the secret is
// shown once), revoke after confirming.

const TOKENS_KEY = ['api-tokens'] as const

export default function ApiTokens() {
  const { t } = useTranslation('beheer')
  const ik = useCurrentIk()
  const client = useQueryClient()
  const [geheim, setGeheim] = useState<NieuwApiToken>()
  const [ingetrokken, setIngetrokken] = useState<string>()
  const isAdmin = ik.gebruiker.rollen.some((r) => r.rol === 'admin')

  return (
    <>
      <PageHeading titel={t('tokens.titel')} />
      <Paragraph>{t('tokens.intro')}</Paragraph>
      {geheim && <TokenGeheim token={geheim} onKlaar={() => setGeheim(undefined)} />}
      <IntrekbareTokens
        pad="api-tokens"
        tokensKey={TOKENS_KEY}
        geen={t('tokens.geen')}
        ingetrokken={ingetrokken}
        onIngetrokken={setIngetrokken}
      />
      {ik.via === 'sessie' ? (
        <NieuwTokenFormulier
          isAdmin={isAdmin}
          onAangemaakt={async (nieuw) => {
            setIngetrokken(undefined)
            setGeheim(nieuw)
            await client.invalidateQueries({ queryKey: TOKENS_KEY })
          }}
        />
      ) : (
        <Paragraph>{t('tokens.nieuw.alleenSessie')}</Paragraph>
      )}
    </>
  )
}
