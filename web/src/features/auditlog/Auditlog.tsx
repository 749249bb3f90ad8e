import { FormFieldCheckboxOption, Paragraph } from '@rijkshuisstijl-community/components-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { get, query } from '../../api/client'
import { useCurrentIk } from '../../app/session'
import { GeenToegang } from '../../components/geen-toegang'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { Paginering } from '../../components/paginering'
import { AuditFilters } from './AuditFilters'
import { AuditTabel } from './AuditTabel'
import { apiQuery, filterNaarUrl, filterUitUrl, paginaUitUrl, ruwUitUrl } from './filters'
import type { AuditRegelLijst } from './types'
import './auditlog.css'

// Who changed what, when: for auditors (what their cooperations share with them) and
// admins (everything). The API decides what each may read; this page only asks. It shows
// entries as a person reads them; "Ruwe waarden" shows what is stored and hashed.

export default function Auditlog() {
  const { t } = useTranslation('auditlog')
  const ik = useCurrentIk()
  if (!ik.rechten.auditlogLezen) return <GeenToegang titel={t('titel')} uitleg={t('geenToegang')} />
  return <AuditlogInhoud />
}

function AuditlogInhoud() {
  const { t } = useTranslation('auditlog')
  const [params, setParams] = useSearchParams()
  const filter = filterUitUrl(params)
  const pagina = paginaUitUrl(params)
  const ruw = ruwUitUrl(params)
  const pad = `auditlog${query(apiQuery(filter, pagina))}`
  const lijst = useQuery({
    queryKey: ['auditlog', pad],
    queryFn: ({ signal }) => get<AuditRegelLijst>(pad, signal),
    placeholderData: keepPreviousData,
  })

  return (
    <>
      <PageHeading titel={t('titel')} />
      <Paragraph>{t('intro')}</Paragraph>
      <AuditFilters key={filterNaarUrl(filter).toString()} filter={filter} onToepassen={(f) => setParams(filterNaarUrl(f, 1, ruw))} />
      <FormFieldCheckboxOption
        className="rk-audit__ruw"
        label={t('ruw.label')}
        description={t('ruw.uitleg')}
        name="ruw"
        checked={ruw}
        onChange={(e) => setParams(filterNaarUrl(filter, pagina, (e.target as HTMLInputElement).checked), { replace: true })}
      />
      <ErrorAlert error={lijst.error} />
      {lijst.isPending && <Loading />}
      {lijst.data &&
        (lijst.data.resultaten.length === 0 ? (
          <Paragraph role="status">{t('geen')}</Paragraph>
        ) : (
          <>
            <AuditTabel regels={lijst.data.resultaten} paginering={lijst.data.paginering} ruw={ruw} />
            <Paginering pagina={lijst.data.paginering.pagina} totaal={lijst.data.paginering.totaalPaginas} params={params} />
          </>
        ))}
    </>
  )
}
