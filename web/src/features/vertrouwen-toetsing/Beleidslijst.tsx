import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { get, query } from '../../api/client'
import type { Ik, Lijst } from '../../api/types'
import { useCurrentIk } from '../../app/session'
import { AppButtonLink, AppLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { Paginering } from '../../components/paginering'
import { formatTijdstip } from '../../i18n/format'
import { BELEID_KEY, type Standaardbeleid, type Vertrouwensbeleid } from './api'
import { Verwijzing } from './Verwijzing'
import './toetsing.css'

// The trust policies the user may see (their owner's, and those adopted by a samenwerking
// the user's organisation is in), and the shipped BIO default that applies to every
// organisation without one.

const PAGINA_GROOTTE = 50

/** Whether the user could record a policy at all (a beheerder somewhere, or admin); the API decides per organisation. */
export function magBeleidVastleggen(ik: Ik): boolean {
  return ik.gebruiker.rollen.some((r) => r.rol === 'admin' || (r.rol === 'beheerder' && r.organisatieId))
}

export default function Beleidslijst() {
  const { t } = useTranslation('toetsing')
  const ik = useCurrentIk()
  const [params] = useSearchParams()
  const pagina = Math.max(1, Number(params.get('pagina')) || 1)
  const standaard = useQuery({
    queryKey: [...BELEID_KEY, 'standaard'],
    queryFn: ({ signal }) => get<Standaardbeleid>('vertrouwensbeleid/standaard', signal),
    staleTime: 5 * 60_000,
  })
  const pad = `vertrouwensbeleid${query({ pagina, paginaGrootte: PAGINA_GROOTTE, sorteer: 'naam' })}`
  const lijst = useQuery({
    queryKey: [...BELEID_KEY, 'lijst', pad],
    queryFn: ({ signal }) => get<Lijst<Vertrouwensbeleid>>(pad, signal),
    placeholderData: keepPreviousData,
  })
  const p = lijst.data?.paginering
  return (
    <>
      <PageHeading titel={t('beleidslijst.titel')} />
      <Paragraph>{t('beleidslijst.intro')}</Paragraph>

      <section aria-labelledby="beleid-standaard-kop" className="rk-toetsing__sectie">
        <Heading level={2} appearanceLevel={3} id="beleid-standaard-kop">
          {t('beleidslijst.standaardKop')}
        </Heading>
        <ErrorAlert error={standaard.error} />
        {standaard.data && (
          <>
            <Paragraph>
              <AppLink to="/vertrouwensbeleid/standaard">{standaard.data.naam}</AppLink>
            </Paragraph>
            <Paragraph>
              {t('beleidslijst.standaardUitleg', { count: standaard.data.regels.length, versie: standaard.data.versie })}
            </Paragraph>
          </>
        )}
        {magBeleidVastleggen(ik) && (
          <div className="rk-toetsing__knoppen">
            <AppButtonLink to="/vertrouwensbeleid/overnemen" appearance="secondary-action-button">
              {t('beleid.overnemen')}
            </AppButtonLink>
          </div>
        )}
      </section>

      <section aria-labelledby="beleid-eigen-kop" className="rk-toetsing__sectie">
        <Heading level={2} appearanceLevel={3} id="beleid-eigen-kop">
          {t('beleidslijst.eigenKop')}
        </Heading>
        <ErrorAlert error={lijst.error} />
        {lijst.isPending && <Loading />}
        {lijst.data && lijst.data.resultaten.length === 0 && <Paragraph>{t('beleidslijst.geen')}</Paragraph>}
        {lijst.data && p && lijst.data.resultaten.length > 0 && (
          <>
            <div className="rk-table-wrap rk-toetsing__stapel">
              <Table>
                <TableCaption>
                  {t('beleidslijst.caption', {
                    van: (p.pagina - 1) * p.paginaGrootte + 1,
                    tot: (p.pagina - 1) * p.paginaGrootte + lijst.data.resultaten.length,
                    totaal: p.totaalAantal,
                  })}
                </TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('beleidslijst.kolom.naam')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('beleidslijst.kolom.eigenaar')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('beleidslijst.kolom.samenwerkingen')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('beleidslijst.kolom.regels')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('beleidslijst.kolom.versie')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('beleidslijst.kolom.gewijzigd')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {lijst.data.resultaten.map((b) => (
                    <TableRow key={b.id}>
                      <TableCell data-label={t('beleidslijst.kolom.naam')}>
                        <AppLink to={`/vertrouwensbeleid/${b.id}`}>{b.naam}</AppLink>
                      </TableCell>
                      <TableCell data-label={t('beleidslijst.kolom.eigenaar')}>
                        <Verwijzing soort="organisaties" id={b.eigenaarId} />
                      </TableCell>
                      <TableCell data-label={t('beleidslijst.kolom.samenwerkingen')}>
                        {b.samenwerkingIds.length === 0
                          ? t('beleidslijst.geenSamenwerkingen')
                          : b.samenwerkingIds.map((s, i) => (
                              <span key={s}>
                                {i > 0 && ', '}
                                <Verwijzing soort="samenwerkingen" id={s} />
                              </span>
                            ))}
                      </TableCell>
                      <TableCell data-label={t('beleidslijst.kolom.regels')}>{b.regels.length}</TableCell>
                      <TableCell data-label={t('beleidslijst.kolom.versie')}>{b.versie}</TableCell>
                      <TableCell data-label={t('beleidslijst.kolom.gewijzigd')}>{formatTijdstip(b.gewijzigdOp)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            <Paginering pagina={p.pagina} totaal={p.totaalPaginas} params={params} />
          </>
        )}
      </section>
    </>
  )
}
