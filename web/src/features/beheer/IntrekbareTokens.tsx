import { Alert, Paragraph } from '@rijkshuisstijl-community/components-react'
import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { get, request } from '../../api/client'
import { ErrorAlert, Loading } from '../../components/page'
import { TokenBevestiging } from './TokenBevestiging'
import { TokenTabel } from './TokenTabel'
import type { ApiToken } from './types'

// A user's API tokens (one's own, or for an admin another's) listed from `pad`, each
// revocable (DELETE `pad`/{id}) after confirming, with "token X revoked" shown after. The
// page owns that message (`ingetrokken`), so it can clear it when it shows another one.

export function IntrekbareTokens({
  pad,
  tokensKey,
  geen,
  caption,
  niveau,
  ingetrokken,
  onIngetrokken,
}: {
  pad: string
  tokensKey: QueryKey
  /** Shown when there are no tokens. */
  geen: string
  /** The table's caption; default: "My API tokens". */
  caption?: string
  /** The confirmation's heading level (TokenBevestiging). */
  niveau?: 2 | 3
  /** The name of the token revoked last, while its message shows. */
  ingetrokken: string | undefined
  onIngetrokken: (naam: string | undefined) => void
}) {
  const { t } = useTranslation('beheer')
  const client = useQueryClient()
  const tokens = useQuery({ queryKey: tokensKey, queryFn: ({ signal }) => get<ApiToken[]>(pad, signal) })
  const [teIntrekken, setTeIntrekken] = useState<ApiToken>()
  const intrekken = useMutation({
    mutationFn: (token: ApiToken) => request(`${pad}/${encodeURIComponent(token.id)}`, { method: 'DELETE' }),
    onSuccess: async (_r, token) => {
      setTeIntrekken(undefined)
      onIngetrokken(token.naam)
      await client.invalidateQueries({ queryKey: tokensKey })
    },
  })

  return (
    <>
      {ingetrokken && (
        <Alert type="ok" role="status">
          <Paragraph>{t('tokens.ingetrokken', { naam: ingetrokken })}</Paragraph>
        </Alert>
      )}
      {teIntrekken && (
        <TokenBevestiging
          token={teIntrekken}
          niveau={niveau}
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
          <Paragraph>{geen}</Paragraph>
        ) : (
          <TokenTabel
            tokens={tokens.data}
            caption={caption}
            onIntrekken={(token) => {
              onIngetrokken(undefined)
              setTeIntrekken(token)
            }}
          />
        ))}
    </>
  )
}
