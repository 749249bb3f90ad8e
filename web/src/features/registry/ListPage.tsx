import { Alert, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { useLocation, useSearchParams } from 'react-router'
import { useCurrentIk } from '../../app/session'
import { AppButtonLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { Paginering } from '../../components/paginering'
import { type LijstParams, useLijst } from './api'
import { ListFilters } from './ListFilters'
import { ListTable } from './ListTable'
import { INFO, magAanmaken, naamVeld, type Soort } from './soorten'
import { useSoort } from './useSoort'
import './registry.css'

// The list of one resource. Search, filters, sort and page live in the address bar,
// so back/forward, reload and a shared link all show the same list.

/** Only parameters the API knows for this resource; anything else in the URL is ignored. */
function apiParams(soort: Soort, params: URLSearchParams): LijstParams {
  const out: LijstParams = {}
  for (const k of ['zoek', 'sorteer', 'pagina', 'paginaGrootte', ...INFO[soort].filters.map((f) => f.param)]) {
    const v = params.get(k)
    if (v) out[k] = v
  }
  return out
}

export default function ListPage() {
  const soort = useSoort()
  const { t } = useTranslation('registry')
  const ik = useCurrentIk()
  const [params, setParams] = useSearchParams()
  const verwijderd = (useLocation().state as { verwijderd?: string } | null)?.verwijderd
  const lijst = useLijst(soort, apiParams(soort, params))
  const titel = t(`soort.${soort}.meervoud`)
  const sorteer = params.get('sorteer') ?? INFO[soort].standaardSortering ?? naamVeld(soort)

  function zet(waarden: Record<string, string>, behoud: string[]) {
    const q = new URLSearchParams()
    for (const k of behoud) {
      const v = params.get(k)
      if (v) q.set(k, v)
    }
    for (const [k, v] of Object.entries(waarden)) q.set(k, v)
    setParams(q)
  }

  const p = lijst.data?.paginering
  return (
    <>
      <PageHeading titel={titel} />
      {verwijderd && (
        <Alert type="ok" role="status">
          <Paragraph>{t('verwijderd', { naam: verwijderd })}</Paragraph>
        </Alert>
      )}
      {magAanmaken(ik.rechten.aanmaken, soort) && (
        <Paragraph>
          <AppButtonLink to={`/${soort}/nieuw`} appearance="primary-action-button">
            {t(`soort.${soort}.nieuw`)}
          </AppButtonLink>
        </Paragraph>
      )}
      <ListFilters key={`${soort}?${params}`} soort={soort} params={params} onZoek={(w) => zet(w, ['sorteer', 'paginaGrootte'])} />
      <Paragraph role="status" className="rk-aantal">
        {p ? t('common:lijst.aantal', { count: p.totaalAantal }) : ''}
      </Paragraph>
      <ErrorAlert error={lijst.error} />
      {lijst.isPending && <Loading />}
      {lijst.data && lijst.data.resultaten.length > 0 && (
        <ListTable
          soort={soort}
          kolommen={INFO[soort].kolommen}
          objecten={lijst.data.resultaten}
          sorteer={sorteer}
          caption={titel}
          onSorteer={(s) => {
            const q = new URLSearchParams(params)
            q.set('sorteer', s)
            q.delete('pagina')
            setParams(q)
          }}
        />
      )}
      {lijst.data && lijst.data.resultaten.length === 0 && <Paragraph>{t('common:lijst.geen')}</Paragraph>}
      {p && <Paginering pagina={p.pagina} totaal={p.totaalPaginas} params={params} />}
    </>
  )
}
