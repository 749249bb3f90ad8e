import {
  Alert,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useSearchParams } from 'react-router'
import { useCurrentIk } from '../../app/session'
import { AppButtonLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { Paginering } from '../../components/paginering'
import { formatDatum, formatTijdstip } from '../../i18n/format'
import { magAanmaken, useScenarios } from './api'
import './scenarios.css'

// The scenarios the user may see: business cases, with how many participants gain in
// each, and impact analyses (issue 13), with their changes; each links to its own page.

export default function ScenarioLijst() {
  const { t } = useTranslation('scenarios')
  const ik = useCurrentIk()
  const [params] = useSearchParams()
  const verwijderd = (useLocation().state as { verwijderd?: string } | null)?.verwijderd
  const lijst = useScenarios({ pagina: params.get('pagina') ?? undefined, sorteer: 'naam' })
  const p = lijst.data?.paginering
  return (
    <>
      <PageHeading titel={t('titel')} />
      {verwijderd && (
        <Alert type="ok" role="status">
          <Paragraph>{t('detail.verwijderd', { naam: verwijderd })}</Paragraph>
        </Alert>
      )}
      <Paragraph>{t('intro')}</Paragraph>
      <Paragraph>{t('impact.lijstIntro')}</Paragraph>
      <div className="rk-acties">
        {magAanmaken(ik) && <AppButtonLink to="/scenarios/nieuw">{t('nieuw')}</AppButtonLink>}
        {magAanmaken(ik) && <AppButtonLink to="/scenarios/impact/nieuw">{t('impact.nieuw')}</AppButtonLink>}
        <AppButtonLink to="/scenarios/vergelijken" appearance="secondary-action-button">
          {t('vergelijken')}
        </AppButtonLink>
        <AppButtonLink to="/scenarios/impact/vergelijken" appearance="secondary-action-button">
          {t('impact.vergelijken')}
        </AppButtonLink>
      </div>
      <Paragraph role="status" className="rk-aantal">
        {p ? t('common:lijst.aantal', { count: p.totaalAantal }) : ''}
      </Paragraph>
      <ErrorAlert error={lijst.error} />
      {lijst.isPending && <Loading />}
      {lijst.data && lijst.data.resultaten.length === 0 && <Paragraph>{t('geen')}</Paragraph>}
      {lijst.data && lijst.data.resultaten.length > 0 && (
        <div className="rk-table-wrap">
          <Table>
            <TableCaption className="rk-visually-hidden">{t('titel')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('kolom.naam')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('kolom.soort')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('kolom.deelnemers')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('kolom.oordeel')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('kolom.horizon')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('kolom.gewijzigd')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lijst.data.resultaten.map((s) =>
                s.soort === 'impactanalyse' ? (
                  <TableRow key={s.id}>
                    <TableCell>
                      <Link to={`/scenarios/${s.id}/impact`}>{s.naam}</Link>
                    </TableCell>
                    <TableCell>{t('impact.soortImpact')}</TableCell>
                    <TableCell />
                    <TableCell>
                      {t('impact.lijstUitkomst', {
                        count: s.invoer.wijzigingen.length,
                        datum: formatDatum(s.invoer.wijzigingen.map((w) => w.datum).sort()[0]),
                      })}
                    </TableCell>
                    <TableCell />
                    <TableCell>{formatTijdstip(s.gewijzigdOp)}</TableCell>
                  </TableRow>
                ) : (
                  <TableRow key={s.id}>
                    <TableCell>
                      <Link to={`/scenarios/${s.id}`}>{s.naam}</Link>
                    </TableCell>
                    <TableCell>{t('impact.soortBusinesscase')}</TableCell>
                    <TableCell>{(s.uitkomst?.deelnemers ?? []).map((d) => d.naam ?? d.organisatieId).join(', ')}</TableCell>
                    <TableCell>
                      {s.uitkomst
                        ? t('aantalVooruit', { aantal: s.uitkomst.totaal.aantalVooruit, totaal: s.uitkomst.deelnemers.length })
                        : ''}
                    </TableCell>
                    <TableCell>{t('jaren', { count: s.invoer.horizonJaren })}</TableCell>
                    <TableCell>{formatTijdstip(s.gewijzigdOp)}</TableCell>
                  </TableRow>
                ),
              )}
            </TableBody>
          </Table>
        </div>
      )}
      {p && <Paginering pagina={p.pagina} totaal={p.totaalPaginas} params={params} />}
    </>
  )
}
