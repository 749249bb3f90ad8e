import {
  FormFieldTextInput,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import { useQuery } from '@tanstack/react-query'
import { useDeferredValue } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { get } from '../../api/client'
import { useCurrentIk } from '../../app/session'
import { AppButtonLink, AppLink } from '../../components/app-link'
import { GeenToegang } from '../../components/geen-toegang'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { formatTijdstip } from '../../i18n/format'
import { useRolTekst } from './gedeeld'
import type { GebruikerDetail } from './types'
import './beheer.css'

// All users with their roles, for an admin. GET /gebruikers returns the whole list
// (no search or paging on the server), so the search filters here, as you type.

function past(g: GebruikerDetail, zoek: string): boolean {
  const z = zoek.trim().toLowerCase()
  return !z || [g.gebruikersnaam, g.naam, g.email ?? ''].some((v) => v.toLowerCase().includes(z))
}

export default function Gebruikers() {
  const { t } = useTranslation('beheer')
  const ik = useCurrentIk()
  if (!ik.rechten.gebruikersBeheren) return <GeenToegang titel={t('gebruikers.titel')} uitleg={t('geenToegang')} />
  return <GebruikersLijst />
}

function GebruikersLijst() {
  const { t } = useTranslation('beheer')
  const [params, setParams] = useSearchParams()
  const zoek = params.get('zoek') ?? ''
  const uitgesteld = useDeferredValue(zoek)
  const rolTekst = useRolTekst()
  const lijst = useQuery({ queryKey: ['gebruikers'], queryFn: ({ signal }) => get<GebruikerDetail[]>('gebruikers', signal) })
  const gevonden = (lijst.data ?? []).filter((g) => past(g, uitgesteld))

  return (
    <>
      <PageHeading titel={t('gebruikers.titel')} />
      <Paragraph>{t('gebruikers.intro')}</Paragraph>
      <div className="rk-toolbar">
        <search className="rk-zoek">
          <FormFieldTextInput
            label={t('gebruikers.zoeken')}
            name="zoek"
            type="search"
            value={zoek}
            onChange={(e) =>
              setParams((e.target as HTMLInputElement).value ? { zoek: (e.target as HTMLInputElement).value } : {}, { replace: true })
            }
          />
        </search>
        <AppButtonLink to="/beheer/gebruikers/nieuw">{t('gebruikers.nieuw')}</AppButtonLink>
      </div>
      <ErrorAlert error={lijst.error} />
      {lijst.isPending && <Loading />}
      {lijst.data && (
        <>
          <Paragraph role="status" className="rk-visually-hidden">
            {t('gebruikers.caption', { count: gevonden.length })}
          </Paragraph>
          {gevonden.length === 0 ? (
            <Paragraph>{t('gebruikers.geen')}</Paragraph>
          ) : (
            <div className="rk-table-wrap">
              <Table>
                <TableCaption>{t('gebruikers.caption', { count: gevonden.length })}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('gebruikers.kolommen.gebruikersnaam')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('gebruikers.kolommen.naam')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('gebruikers.kolommen.email')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('gebruikers.kolommen.rollen')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('gebruikers.kolommen.status')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('gebruikers.kolommen.laatstIngelogd')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {gevonden.map((g) => (
                    <TableRow key={g.id}>
                      <TableHeaderCell scope="row">
                        <AppLink to={`/beheer/gebruikers/${g.id}`}>{g.gebruikersnaam}</AppLink>
                      </TableHeaderCell>
                      <TableCell>{g.naam}</TableCell>
                      <TableCell>{g.email ?? t('leeg', { ns: 'common' })}</TableCell>
                      <TableCell>{g.rollen.length ? g.rollen.map(rolTekst).join('; ') : t('leeg', { ns: 'common' })}</TableCell>
                      <TableCell>{g.actief ? t('gebruikers.actief') : t('gebruikers.geblokkeerd')}</TableCell>
                      <TableCell>{g.laatstIngelogdOp ? formatTijdstip(g.laatstIngelogdOp) : t('gebruikers.nooit')}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </>
      )}
    </>
  )
}
