import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import { AppButtonLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import type { AuditSoort } from '../auditlog/types'
import { Wijzigingen } from '../auditlog/Wijzigingen'
import { useOpties } from '../registry/api'
import { Verwijderen } from '../registry/Verwijderen'
import { useKostenObject, useLijst } from './api'
import { DeclaratiesVanPost } from './Declaraties'
import { Gegevens } from './Gegevens'
import { KostenTabel } from './Lijst'
import { type KostenObject, type KostenPagina, naamVan, OBJECTTYPE } from './soorten'
import { useKostenPagina } from './useKostenPagina'
import { Verdeling } from './Verdeling'
import '../registry/registry.css'
import './kosten.css'

// One cost object: all its fields, the actions the API allows, and for a kostenpost
// its allocation, for a key the posts that use it.

const RELATIE_MAX = 20

function Gerelateerd({
  pagina,
  filter,
  titel,
  kopId,
}: {
  pagina: KostenPagina
  filter: Record<string, string>
  titel: string
  kopId: string
}) {
  const { t } = useTranslation('kosten')
  const lijst = useLijst(pagina, { ...filter, paginaGrootte: String(RELATIE_MAX) })
  const p = lijst.data?.paginering
  const objecten = (lijst.data?.resultaten ?? []) as KostenObject[]
  return (
    <section aria-labelledby={kopId} className="rk-sectie">
      <Heading level={2} appearanceLevel={3} id={kopId}>
        {titel}
      </Heading>
      <ErrorAlert error={lijst.error} />
      {lijst.isPending && <Loading />}
      {lijst.data && objecten.length === 0 && <Paragraph>{t('common:lijst.geen')}</Paragraph>}
      {objecten.length > 0 && <KostenTabel pagina={pagina} objecten={objecten} sorteer="" caption={titel} />}
      {p && p.totaalAantal > objecten.length && (
        <Paragraph>
          <Link to={`/${pagina}?${new URLSearchParams(filter)}`}>
            {t('registry:alleTonen', { count: p.totaalAantal, soort: t(`soort.${pagina}.meervoud`).toLowerCase() })}
          </Link>
        </Paragraph>
      )}
    </section>
  )
}

export default function Detail() {
  const pagina = useKostenPagina()
  const { id = '' } = useParams()
  const { t } = useTranslation('kosten')
  const location = useLocation()
  const object = useKostenObject(pagina, id)
  const organisaties = useOpties(pagina === 'maatstafwaarden' ? 'organisaties' : undefined)
  const meervoud = t(`soort.${pagina}.meervoud`)

  if (object.isPending) return <Loading />
  if (object.error || !object.data) {
    return (
      <>
        <PageHeading titel={t(`soort.${pagina}.enkelvoud`)} />
        <ErrorAlert error={object.error} />
        <Paragraph>
          <Link to={`/${pagina}`}>{t('terugNaar', { soort: meervoud })}</Link>
        </Paragraph>
      </>
    )
  }
  const o = object.data.data
  let naam = naamVan(pagina, o)
  if (pagina === 'maatstafwaarden') {
    const org = organisaties.data?.find((x) => x.id === o.organisatieId)?.naam
    if (org) naam = t('van', { maatstaf: o.maatstaf, jaar: o.jaar, organisatie: org })
  }
  const acties = o.toegestaneActies ?? []
  const opgeslagen = (location.state as { opgeslagen?: boolean } | null)?.opgeslagen
  return (
    <>
      <Paragraph className="rk-kruimel">
        <Link to={`/${pagina}`}>{t('terugNaar', { soort: meervoud })}</Link>
      </Paragraph>
      <PageHeading titel={naam} />
      {opgeslagen && (
        <Alert type="ok" role="status">
          <Paragraph>{t('opgeslagen', { naam })}</Paragraph>
        </Alert>
      )}
      {(acties.includes('wijzigen') || acties.includes('verwijderen')) && (
        <div className="rk-acties">
          {acties.includes('wijzigen') && (
            <AppButtonLink to={`/${pagina}/${id}/bewerken`} appearance="secondary-action-button">
              {t('common:acties.bewerken')}
            </AppButtonLink>
          )}
          {acties.includes('verwijderen') && <Verwijderen soort={pagina} id={id} naam={naam} etag={object.data.etag} />}
        </div>
      )}
      {pagina === 'kostenposten' && <DeclaratiesVanPost id={id} revisie={o.revisie} />}
      <Gegevens pagina={pagina} object={o} />
      {pagina === 'kostenposten' && <Verdeling id={id} revisie={o.revisie} sleutelId={o.verdeelsleutelId} />}
      {pagina === 'verdeelsleutels' && (
        <Gerelateerd
          pagina="kostenposten"
          filter={{ verdeelsleutelId: id }}
          titel={t('kostenpostenMetSleutel')}
          kopId="relatie-kostenposten"
        />
      )}
      {pagina === 'maatstafwaarden' && typeof o.organisatieId === 'string' && (
        <Gerelateerd
          pagina="maatstafwaarden"
          filter={{ organisatieId: o.organisatieId }}
          titel={t('waardenVanOrganisatie')}
          kopId="relatie-maatstaven"
        />
      )}
      <Wijzigingen soort={OBJECTTYPE[pagina] as AuditSoort} id={id} revisie={o.revisie} />
    </>
  )
}
