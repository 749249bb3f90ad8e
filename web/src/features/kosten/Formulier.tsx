import { Button } from '@rijkshuisstijl-community/components-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import type { ApiResult } from '../../api/client'
import { useCurrentIk } from '../../app/session'
import { Conflictvergelijking } from '../../components/conflict'
import { ErrorSummary } from '../../components/error-summary'
import { GeenToegang } from '../../components/geen-toegang'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { currentLanguage } from '../../i18n'
import { useKostenObject } from './api'
import { type Concept, foutmeldingen, leegConcept, naarConcept } from './concept'
import { GedeclareerdWaarschuwing } from './Declaraties'
import { Waarde } from './Gegevens'
import { INFO, type KostenObject, type KostenPagina, magAanmaken, naamVan } from './soorten'
import { useKostenOpslaan } from './useKostenOpslaan'
import { useKostenPagina } from './useKostenPagina'
import { Veldinvoer } from './Veldinvoer'
import '../registry/registry.css'
import './kosten.css'

// Create and edit a cost object. The API is the judge of what is valid; its messages
// land next to the fields and in a summary on top, together with what could not be
// read (an amount like "12,3,4"). Edits are sent with the ETag they started from: when
// someone else saved in between, the shared conflict comparison (components/conflict.tsx)
// shows both versions field by field, in euros and names; the person chooses per
// difference, and saves again against the new version.
// Saving is useKostenOpslaan, each field Veldinvoer.

function KostenFormulier({ pagina, id, start }: { pagina: KostenPagina; id?: string; start?: ApiResult<KostenObject> }) {
  const { t } = useTranslation('kosten')
  const taal = currentLanguage()
  const [vooraf] = useSearchParams()
  const [concept, setConcept] = useState<Concept>(() => (start ? naarConcept(pagina, start.data, taal) : leegConcept(pagina, vooraf)))
  const { opslaan, alsInvoer, conflict, huidig, fout, fouten, poging, bezig } = useKostenOpslaan(pagina, id, start, concept, setConcept)
  const velden = INFO[pagina].velden

  const naam = start ? naamVan(pagina, start.data) : undefined
  const titel = naam ? t('bewerkenTitel', { naam }) : t(`soort.${pagina}.nieuw`)
  const terug = id ? `/${pagina}/${id}` : `/${pagina}`

  const meldingen = foutmeldingen(fouten, t)
  const formulier = (
    <form className="rk-form rk-kostenformulier" noValidate onSubmit={opslaan}>
      {INFO[pagina].velden.map((veld) => (
        <Veldinvoer
          key={veld.naam}
          veld={veld}
          concept={concept}
          fouten={fouten}
          onChange={(n, w) => setConcept((c) => ({ ...c, [n]: w }))}
        />
      ))}
      <div className="rk-acties">
        <Button type="submit" appearance="primary-action-button" disabled={bezig}>
          {conflict.staat ? t('common:vergelijking.opslaan') : t('common:acties.opslaan')}
        </Button>
        <Link to={terug}>{t('common:acties.annuleren')}</Link>
      </div>
    </form>
  )
  return (
    <>
      <PageHeading titel={titel} />
      {conflict.staat && huidig && (
        <Conflictvergelijking
          staat={conflict.staat}
          rijen={velden.map((veld) => ({
            sleutel: veld.naam,
            label: t(`veld.${veld.naam}`),
            mijn: <Waarde veld={veld} object={alsInvoer(conflict.staat?.mijn ?? {}) as KostenObject} />,
            ander: <Waarde veld={veld} object={huidig} />,
          }))}
          onKeuze={(sleutel, keuze) => {
            const w = conflict.kies(sleutel, keuze)
            setConcept((c) => ({ ...c, [sleutel]: w }))
          }}
        />
      )}
      <ErrorSummary fouten={meldingen} poging={poging} />
      {meldingen.length === 0 && <ErrorAlert error={fout} />}
      {pagina === 'kostenposten' && id && start && <GedeclareerdWaarschuwing id={id} start={start.data} body={alsInvoer(concept)} />}
      {formulier}
    </>
  )
}

export default function Formulier() {
  const pagina = useKostenPagina()
  const { id } = useParams()
  const { t } = useTranslation('kosten')
  const object = useKostenObject(pagina, id)
  const ik = useCurrentIk()
  // The API refuses anyway; saying so up front spares filling in a form for nothing.
  if (!id) {
    if (!magAanmaken(ik, pagina)) return <GeenToegang titel={t(`soort.${pagina}.nieuw`)} uitleg={t('geenRechtAanmaken')} />
    return <KostenFormulier key={`${pagina}-nieuw`} pagina={pagina} />
  }
  if (object.isPending) return <Loading />
  if (object.error || !object.data) {
    return (
      <>
        <PageHeading titel={t(`soort.${pagina}.enkelvoud`)} />
        <ErrorAlert error={object.error} />
      </>
    )
  }
  if (!object.data.data.toegestaneActies?.includes('wijzigen')) {
    return <GeenToegang titel={naamVan(pagina, object.data.data)} uitleg={t('geenRechtWijzigen')} />
  }
  return <KostenFormulier key={`${pagina}-${id}`} pagina={pagina} id={id} start={object.data} />
}
