import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { get, request } from '../../api/client'
import { ErrorAlert, Loading } from '../../components/page'
import { TokenBevestiging } from './TokenBevestiging'
import { TokenTabel } from './TokenTabel'
import type { ApiToken } from './types'

// On a user's page, for an admin: that user's API tokens, each revocable after
// confirming. A new password, deactivation or a role taken away revokes them all (the
// server does that); this is for one token at a time.

export const gebruikerTokensKey = (id: string) => ['gebruiker-tokens', id] as const

export function GebruikerTokens({ id, naam }: { id: string; naam: string }) {
  const { t } = useTranslation('beheer')
  const client = useQueryClient()
  const tokens = useQuery({
    queryKey: gebruikerTokensKey(id),
    queryFn: ({ signal }) => get<ApiToken[]>(`gebruikers/${encodeURIComponent(id)}/api-tokens`, signal),
  })
  const [teIntrekken, setTeIntrekken] = useState<ApiToken>()
  const [ingetrokken, setIngetrokken] = useState<string>()
  const intrekken = useMutation({
    mutationFn: (token: ApiToken) =>
      request(`gebruikers/${encodeURIComponent(id)}/api-tokens/${encodeURIComponent(token.id)}`, { method: 'DELETE' }),
    onSuccess: async (_r, token) => {
      setTeIntrekken(undefined)
      setIngetrokken(token.naam)
      await client.invalidateQueries({ queryKey: gebruikerTokensKey(id) })
    },
  })

  return (
    <section aria-labelledby="gebruiker-tokens-kop">
      <Heading level={2} id="gebruiker-tokens-kop">
        {t('gebruikerTokens.titel')}
      </Heading>
      <Paragraph>{t('gebruikerTokens.intro')}</Paragraph>
      {ingetrokken && (
        <Alert type="ok" role="status">
          <Paragraph>{t('tokens.ingetrokken', { naam: ingetrokken })}</Paragraph>
        </Alert>
      )}
      {teIntrekken && (
        <TokenBevestiging
          token={teIntrekken}
          niveau={3}
          busy={intrekken.isPending}
          onJa={() => intrekken.mutate(teIntrekken)}
          onNee={() => {
            setTeIntrekken(undefined)
            intrekken.reset()
          }}
        />
      )}
      <ErrorAlert error={intrekken.error ?? tokens.error} />
      {tokens.isPending && <Loading />}
      {tokens.data &&
        (tokens.data.length === 0 ? (
          <Paragraph>{t('gebruikerTokens.geen')}</Paragraph>
        ) : (
          <TokenTabel
            tokens={tokens.data}
            caption={t('gebruikerTokens.caption', { naam })}
            onIntrekken={(token) => {
              setIngetrokken(undefined)
              setTeIntrekken(token)
            }}
          />
        ))}
    </section>
  )
}
