import { Alert, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { get, request } from '../../api/client'
import { useCurrentIk } from '../../app/session'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { NieuwTokenFormulier } from './NieuwTokenFormulier'
import { TokenBevestiging } from './TokenBevestiging'
import { TokenGeheim } from './TokenGeheim'
import { TokenTabel } from './TokenTabel'
import type { ApiToken, NieuwApiToken } from './types'
import './beheer.css'

// Every signed-in user manages their own API tokens here: list, create (the secret is
// shown once), revoke after confirming.

const TOKENS_KEY = ['api-tokens'] as const

export default function ApiTokens() {
  const { t } = useTranslation('beheer')
  const ik = useCurrentIk()
  const client = useQueryClient()
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: ({ signal }) => get<ApiToken[]>('api-tokens', signal) })
  const [geheim, setGeheim] = useState<NieuwApiToken>()
  const [teIntrekken, setTeIntrekken] = useState<ApiToken>()
  const [ingetrokken, setIngetrokken] = useState<string>()
  const intrekken = useMutation({
    mutationFn: (token: ApiToken) => request(`api-tokens/${token.id}`, { method: 'DELETE' }),
    onSuccess: async (_r, token) => {
      setTeIntrekken(undefined)
      setIngetrokken(token.naam)
      await client.invalidateQueries({ queryKey: TOKENS_KEY })
    },
  })
  const isAdmin = ik.gebruiker.rollen.some((r) => r.rol === 'admin')

  return (
    <>
      <PageHeading titel={t('tokens.titel')} />
      <Paragraph>{t('tokens.intro')}</Paragraph>
      {geheim && <TokenGeheim token={geheim} onKlaar={() => setGeheim(undefined)} />}
      {ingetrokken && (
        <Alert type="ok" role="status">
          <Paragraph>{t('tokens.ingetrokken', { naam: ingetrokken })}</Paragraph>
        </Alert>
      )}
      {teIntrekken && (
        <TokenBevestiging
          token={teIntrekken}
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
          <Paragraph>{t('tokens.geen')}</Paragraph>
        ) : (
          <TokenTabel
            tokens={tokens.data}
            onIntrekken={(token) => {
              setIngetrokken(undefined)
              setTeIntrekken(token)
            }}
          />
        ))}
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
