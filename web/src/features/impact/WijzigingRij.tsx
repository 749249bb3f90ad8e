import { Button, FormFieldSelect, Heading, SelectOption } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { Tekstveld, Vak } from '../scenarios/formulier-velden'
import { WIJZIGING_SOORTEN, type WijzigingSoort } from './api'
import { type Fouten, legeWijziging, type WijzigingConcept } from './concept'
import { Datumveld, Keuzeveld, Meervoudveld, type Optie } from './velden'

// One change of the scenario: its kind decides which objects it names (picked from the
// existing ones), and every field label names its row, so a screen reader can tell
// "Datum (wijziging 2)" from the first.

export interface Keuzelijsten {
  organisaties: Optie[]
  samenwerkingen: Optie[]
  gastheerschappen: Optie[]
  applicaties: Optie[]
}

/** The fields each kind shows, in order: also the labels of the error summary. */
export const VELDEN: Record<WijzigingSoort, (keyof WijzigingConcept)[]> = {
  uittreden: ['organisatieId', 'waaruit'],
  'gastheer stopt': ['gastheerschapId'],
  'leverancier vervangen': ['leverancierId', 'nieuweLeverancierId'],
  'leverancier failliet': ['leverancierId'],
  'applicatie uitfaseren': ['applicatieId'],
  'applicatie vervangen': ['applicatieId', 'vervangerId'],
  uitbesteden: ['organisatieId', 'applicatieIds', 'partijId'],
  'standaard wijzigt': ['standaard', 'versie', 'nieuweVersie'],
  'endpoint wijzigt': ['applicatieId'],
}

export function WijzigingRij({
  i,
  w,
  lijsten,
  fouten,
  aantal,
  onChange,
  onVerwijder,
}: {
  i: number
  w: WijzigingConcept
  lijsten: Keuzelijsten
  fouten: Fouten
  aantal: number
  onChange: (w: WijzigingConcept) => void
  onVerwijder: () => void
}) {
  const { t } = useTranslation('scenarios')
  const rij = t('impact.formulier.wijziging', { nummer: i + 1 })
  const label = (veld: string) => `${t(`impact.veld.${veld}`)} (${rij.toLowerCase()})`
  const pad = (veld: string) => `wijzigingen[${i}].${veld}`
  const zet = (deel: Partial<WijzigingConcept>) => onChange({ ...w, ...deel })
  const kies = t('impact.formulier.kies')
  const keuze = (veld: keyof WijzigingConcept, opties: Optie[], optioneel = false) => (
    <Keuzeveld
      key={veld}
      veld={pad(veld)}
      label={label(veld)}
      waarde={String(w[veld])}
      opties={opties}
      fouten={fouten}
      leeg={optioneel ? t('impact.formulier.geen') : kies}
      onChange={(v) => zet({ [veld]: v })}
    />
  )
  const velden = VELDEN[w.soort].map((veld) => {
    switch (veld) {
      case 'organisatieId':
        return keuze(veld, lijsten.organisaties)
      case 'leverancierId':
      case 'partijId':
        return keuze(veld, lijsten.organisaties)
      case 'nieuweLeverancierId':
        return keuze(veld, lijsten.organisaties, true)
      case 'gastheerschapId':
        return keuze(veld, lijsten.gastheerschappen)
      case 'applicatieId':
        return keuze(veld, lijsten.applicaties)
      case 'vervangerId':
        return keuze(veld, lijsten.applicaties, true)
      case 'waaruit':
        return (
          <Keuzeveld
            key={veld}
            veld={pad(veld)}
            label={label(veld)}
            description={t('impact.formulier.waaruitHulp')}
            waarde={w.waaruit}
            opties={[
              { groep: t('impact.formulier.samenwerkingen'), prefix: 'sw:', opties: lijsten.samenwerkingen },
              { groep: t('impact.formulier.gastheerschappen'), prefix: 'gh:', opties: lijsten.gastheerschappen },
            ]}
            fouten={fouten}
            leeg={kies}
            onChange={(v) => zet({ waaruit: v })}
          />
        )
      case 'applicatieIds':
        return (
          <Meervoudveld
            key={veld}
            veld={pad(veld)}
            label={label(veld)}
            waarde={w.applicatieIds}
            opties={lijsten.applicaties}
            fouten={fouten}
            onChange={(v) => zet({ applicatieIds: v })}
          />
        )
      default:
        return (
          <Tekstveld
            key={veld}
            veld={pad(veld)}
            label={label(veld)}
            waarde={String(w[veld])}
            fouten={fouten}
            onChange={(v) => zet({ [veld]: v })}
          />
        )
    }
  })
  return (
    <div className="rk-impact-wijziging">
      <Heading level={3} appearanceLevel={5}>
        {rij}
      </Heading>
      <div className="rk-impact-velden">
        <Vak veld={pad('soort')} className="rk-impact-veld">
          <FormFieldSelect
            label={label('soort')}
            value={w.soort}
            onChange={(e) => {
              // A new kind starts empty but keeps the date: the fields of another kind mean nothing here.
              onChange({ ...legeWijziging((e.target as HTMLSelectElement).value as WijzigingSoort), datum: w.datum })
            }}
          >
            {WIJZIGING_SOORTEN.map((s) => (
              <SelectOption key={s} value={s}>
                {t(`impact.soort.${s}`)}
              </SelectOption>
            ))}
          </FormFieldSelect>
        </Vak>
        <Datumveld veld={pad('datum')} label={label('datum')} waarde={w.datum} fouten={fouten} onChange={(datum) => zet({ datum })} />
        {velden}
      </div>
      {aantal > 1 && (
        <Button appearance="subtle-button" onClick={onVerwijder}>
          {t('impact.formulier.wijzigingVerwijderen', { nummer: i + 1 })}
        </Button>
      )}
    </div>
  )
}
