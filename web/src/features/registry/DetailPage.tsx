import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import type { Bewijsstuk, Gastheerschap, Samenwerking, Toegang } from '../../api/types'
import { AppButtonLink } from '../../components/app-link'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import type { AuditSoort } from '../auditlog/types'
import { Wijzigingen } from '../auditlog/Wijzigingen'
import { KoppelingWerking } from '../monitoring/KoppelingWerking'
import { StatuspaginaInstellen } from '../monitoring/StatuspaginaInstellen'
import { Testmelding } from '../monitoring/Testmelding'
import { useLijst, useObject } from './api'
import { BijlageSectie } from './Bijlage'
import { Gegevens } from './Gegevens'
import { Herbeoordelen } from './Herbeoordelen'
import { KoppelingWaarschuwingen } from './KoppelingSamenwerking'
import { LidmaatschapBevestigen } from './LidmaatschapBevestigen'
import { ListTable } from './ListTable'
import { useNaam } from './naam'
import { INFO, OBJECTTYPE, type RegistryObject, type Relatie, type Soort } from './soorten'
import { useSoort } from './useSoort'
import { Verwijderen } from './Verwijderen'
import './registry.css'

// One object: all its fields, what it is related to, and the actions the API allows.

const RELATIE_MAX = 50

function Gerelateerd({ soort, object, relatie }: { soort: Soort; object: RegistryObject; relatie: Relatie }) {
  const { t } = useTranslation('registry')
  const waarde = relatie.waardeVeld ? String(object[relatie.waardeVeld] ?? '') : object.id
  const lijst = useLijst(
    relatie.viaLijst ? relatie.doel : `${soort}/${object.id}/${relatie.sub}`,
    relatie.viaLijst ? { [relatie.filter]: waarde, paginaGrootte: String(RELATIE_MAX) } : { paginaGrootte: String(RELATIE_MAX) },
  )
  const kopId = `relatie-${relatie.sub}`
  const titel = t(`relatie.${soort}.${relatie.sub}`)
  const p = lijst.data?.paginering
  if (relatie.verbergLeeg && !lijst.error && (lijst.isPending || lijst.data?.resultaten.length === 0)) return null
  return (
    <section aria-labelledby={kopId} className="rk-sectie">
      <Heading level={2} appearanceLevel={3} id={kopId}>
        {titel}
      </Heading>
      <ErrorAlert error={lijst.error} />
      {lijst.isPending && <Loading />}
      {lijst.data && lijst.data.resultaten.length === 0 && <Paragraph>{t('common:lijst.geen')}</Paragraph>}
      {lijst.data && lijst.data.resultaten.length > 0 && (
        <ListTable
          soort={relatie.doel}
          kolommen={INFO[relatie.doel].kolommen.slice(0, 4)}
          objecten={lijst.data.resultaten}
          sorteer=""
          caption={titel}
        />
      )}
      {p && lijst.data && p.totaalAantal > lijst.data.resultaten.length && (
        <Paragraph>
          <Link to={`/${relatie.doel}?${relatie.filter}=${encodeURIComponent(waarde)}`}>
            {t('alleTonen', { count: p.totaalAantal, soort: t(`soort.${relatie.doel}.meervoud`).toLowerCase() })}
          </Link>
        </Paragraph>
      )}
    </section>
  )
}

export default function DetailPage() {
  const soort = useSoort()
  const { id = '' } = useParams()
  const { t } = useTranslation('registry')
  const location = useLocation()
  const object = useObject(soort, id)
  const naam = useNaam(soort, object.data?.data)
  const meervoud = t(`soort.${soort}.meervoud`)

  if (object.isPending) return <Loading />
  if (object.error || !object.data) {
    return (
      <>
        <PageHeading titel={t(`soort.${soort}.enkelvoud`)} />
        <ErrorAlert error={object.error} />
        <Paragraph>
          <Link to={`/${soort}`}>{t('terugNaar', { soort: meervoud })}</Link>
        </Paragraph>
      </>
    )
  }
  const o = object.data.data
  const acties = o.toegestaneActies ?? []
  const opgeslagen = (location.state as { opgeslagen?: boolean } | null)?.opgeslagen
  return (
    <>
      <Paragraph className="rk-kruimel">
        <Link to={`/${soort}`}>{t('terugNaar', { soort: meervoud })}</Link>
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
            <AppButtonLink to={`/${soort}/${id}/bewerken`} appearance="secondary-action-button">
              {t('common:acties.bewerken')}
            </AppButtonLink>
          )}
          {acties.includes('verwijderen') && <Verwijderen soort={soort} id={id} naam={naam} etag={object.data.etag} />}
        </div>
      )}
      {soort === 'koppelingen' && <KoppelingWaarschuwingen object={o} />}
      <Gegevens soort={soort} object={o} />
      {soort === 'samenwerkingen' && (
        <LidmaatschapBevestigen id={id} etag={object.data.etag} leden={(o as unknown as Samenwerking).leden ?? []} />
      )}
      {soort === 'gastheerschappen' && (
        <LidmaatschapBevestigen
          soort="gastheerschappen"
          id={id}
          etag={object.data.etag}
          leden={(o as unknown as Gastheerschap).afnemers ?? []}
        />
      )}
      {soort === 'koppelingen' && <KoppelingWerking id={id} magWijzigen={acties.includes('wijzigen')} />}
      {soort === 'samenwerkingen' && <StatuspaginaInstellen id={id} magWijzigen={acties.includes('wijzigen')} />}
      {soort === 'samenwerkingen' && (
        <Paragraph>
          <Link to={`/harmonisatie?samenwerkingId=${encodeURIComponent(id)}`}>{t('interop:harmonisatie.vanSamenwerking')}</Link>
        </Paragraph>
      )}
      {soort === 'meldingskanalen' && acties.includes('wijzigen') && <Testmelding id={id} />}
      {soort === 'bewijsstukken' && <BijlageSectie bewijsstuk={o as unknown as Bewijsstuk} etag={object.data.etag} />}
      {soort === 'toegangen' && <Herbeoordelen toegang={o as unknown as Toegang} etag={object.data.etag} />}
      {INFO[soort].relaties.map((r) => (
        <Gerelateerd key={r.sub} soort={soort} object={o} relatie={r} />
      ))}
      <Wijzigingen soort={OBJECTTYPE[soort] as AuditSoort} id={id} revisie={o.revisie} />
    </>
  )
}
