import {
  Button,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { formatTijdstip } from '../../i18n/format'
import type { ApiToken } from './types'

// A user's tokens (the caller's own, or for an admin another's), never with the secret. Only a token that still works can
// be revoked; revoked and expired ones stay listed for the record.

function status(token: ApiToken, nu: number): 'ingetrokken' | 'verlopen' | 'geldig' {
  if (token.ingetrokkenOp) return 'ingetrokken'
  return new Date(token.verlooptOp).getTime() <= nu ? 'verlopen' : 'geldig'
}

export function TokenTabel({
  tokens,
  onIntrekken,
  caption,
}: {
  tokens: ApiToken[]
  onIntrekken: (t: ApiToken) => void
  /** Default: "My API tokens". */
  caption?: string
}) {
  const { t } = useTranslation('beheer')
  const nu = Date.now()
  return (
    <div className="rk-table-wrap">
      <Table>
        <TableCaption>{caption ?? t('tokens.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('tokens.kolommen.naam')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('tokens.kolommen.voorvoegsel')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('tokens.kolommen.scopes')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('tokens.kolommen.verlooptOp')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('tokens.kolommen.laatstGebruiktOp')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('tokens.kolommen.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('tokens.kolommen.acties')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {tokens.map((token) => {
            const s = status(token, nu)
            return (
              <TableRow key={token.id}>
                <TableHeaderCell scope="row">{token.naam}</TableHeaderCell>
                <TableCell>
                  <code>{token.voorvoegsel}…</code>
                </TableCell>
                <TableCell>{token.scopes.map((sc) => t(`tokens.scopes.${sc}`, { defaultValue: sc })).join(', ')}</TableCell>
                <TableCell>{formatTijdstip(token.verlooptOp)}</TableCell>
                <TableCell>{token.laatstGebruiktOp ? formatTijdstip(token.laatstGebruiktOp) : t('tokens.nooit')}</TableCell>
                <TableCell>
                  {s === 'ingetrokken'
                    ? t('tokens.status.ingetrokken', { tijdstip: formatTijdstip(token.ingetrokkenOp) })
                    : t(`tokens.status.${s}`)}
                </TableCell>
                <TableCell>
                  {s !== 'ingetrokken' && (
                    <Button
                      appearance="secondary-action-button"
                      aria-label={t('tokens.intrekkenLabel', { naam: token.naam })}
                      onClick={() => onIntrekken(token)}
                    >
                      {t('tokens.intrekken')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            )
          })}
        </TableBody>
      </Table>
    </div>
  )
}
