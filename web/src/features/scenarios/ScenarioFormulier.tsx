import { Button } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useParams } from 'react-router'
import type { ApiResult } from '../../api/client'
import { useCurrentIk } from '../../app/session'
import { ErrorSummary } from '../../components/error-summary'
import { GeenToegang } from '../../components/geen-toegang'
import { ErrorAlert, Loading, PageHeading } from '../../components/page'
import { magAanmaken, type Scenario, useScenario } from './api'
import { ScenarioConflict } from './conflict'
import { DeelnemersSectie } from './DeelnemersSectie'
import { AlgemeenSectie, BerekeningSectie, GezamenlijkSectie } from './FormulierSecties'
import { formulierMeldingen } from './formulier-meldingen'
import { Tekstveld } from './formulier-velden'
import { useScenarioConcept } from './useScenarioConcept'
import { useScenarioOpslaan } from './useScenarioOpslaan'
import { VerdelingSectie } from './VerdelingSectie'
import './scenarios.css'

// Create and edit a business case. Participants are rows (organisation and what going
// on alone costs); amounts are typed in euros and sent as exact cents. The API judges
// the rest; its messages stand next to the fields and in a summary on top.
// The form's state is useScenarioConcept, saving useScenarioOpslaan, where a message
// goes formulier-meldingen.ts; each section is its own component.

function Formulier({ id, start }: { id?: string; start?: ApiResult<Scenario> }) {
  const { t } = useTranslation('scenarios')
  const staat = useScenarioConcept(start)
  const { concept: c, setConcept } = staat
  const { opslaan, fouten, fout, poging, bezig, conflict } = useScenarioOpslaan(id, start, c, setConcept)
  const { fijn, getoond, meldingen } = formulierMeldingen(c, fouten, t)

  const titel = start ? t('formulier.bewerken', { naam: start.data.naam }) : t('nieuw')
  const terug = id ? `/scenarios/${id}` : '/scenarios'

  return (
    <>
      <PageHeading titel={titel} />
      {conflict.staat && (
        <ScenarioConflict
          staat={conflict.staat}
          onKeuze={(sleutel, keuze) => {
            const w = conflict.kies(sleutel, keuze)
            setConcept((x) => ({ ...x, [sleutel]: w }))
          }}
        />
      )}
      <ErrorSummary fouten={meldingen} poging={poging} />
      <ErrorAlert error={fout} />
      <form className="rk-form rk-scenario-formulier" noValidate onSubmit={opslaan}>
        <AlgemeenSectie staat={staat} fouten={fijn} />
        <DeelnemersSectie staat={staat} fouten={fijn} getoond={getoond} />
        <GezamenlijkSectie staat={staat} fouten={fijn} />
        <VerdelingSectie staat={staat} fouten={fijn} getoond={getoond} />
        <BerekeningSectie staat={staat} fouten={fijn} />

        <Tekstveld
          veld="toelichting"
          label={t('formulier.toelichting')}
          waarde={c.toelichting}
          fouten={fijn}
          meer
          onChange={(toelichting) => staat.zet({ toelichting })}
        />

        <div className="rk-acties">
          <Button type="submit" appearance="primary-action-button" disabled={bezig}>
            {conflict.staat ? t('common:vergelijking.opslaan') : t('common:acties.opslaan')}
          </Button>
          <Link to={terug}>{t('common:acties.annuleren')}</Link>
        </div>
      </form>
    </>
  )
}

export default function ScenarioFormulier() {
  const { id } = useParams()
  const { t } = useTranslation('scenarios')
  const ik = useCurrentIk()
  const scenario = useScenario(id)
  if (!id) {
    if (!magAanmaken(ik)) return <GeenToegang titel={t('nieuw')} uitleg={t('formulier.geenRecht')} />
    return <Formulier key="nieuw" />
  }
  if (scenario.isPending) return <Loading />
  if (scenario.error || !scenario.data) {
    return (
      <>
        <PageHeading titel={t('titel')} />
        <ErrorAlert error={scenario.error} />
      </>
    )
  }
  const { data: s, etag } = scenario.data
  // An impact analysis has its own builder.
  if (s.soort === 'impactanalyse') return <Navigate to={`/scenarios/${id}/impact/bewerken`} replace />
  if (!s.toegestaneActies?.includes('wijzigen')) return <GeenToegang titel={s.naam} uitleg={t('formulier.geenRechtWijzigen')} />
  return <Formulier key={id} id={id} start={{ data: s, etag }} />
}
