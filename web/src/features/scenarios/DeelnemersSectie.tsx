import { Button, Fieldset, FormFieldSelect, Paragraph, SelectOption } from '@rijkshuisstijl-community/components-react'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useOpties } from '../registry/api'
import { metMaatstaf, type RijConcept, type Sleutel } from './concept'
import { groepsfout } from './formulier-meldingen'
import { type Fouten, Groep, Tekstveld, Vak, waardeVan } from './formulier-velden'
import type { ScenarioConcept } from './useScenarioConcept'

// The participants: one row each, with the organisation, what going on alone costs, and
// per key its percentage or measure value.

function DeelnemerRij({
  i,
  rij: r,
  sleutel,
  fouten: fijn,
  zetRij,
  verwijderen,
  organisaties,
}: {
  i: number
  rij: RijConcept
  sleutel: Sleutel
  fouten: Fouten
  zetRij: ScenarioConcept['zetRij']
  /** Absent for the last row left. */
  verwijderen?: () => void
  organisaties: ReturnType<typeof useOpties>
}) {
  const { t } = useTranslation('scenarios')
  const rij = t('formulier.deelnemer', { nummer: i + 1 })
  const orgVeld = `invoer.deelnemers[${i}].organisatieId`
  const lijst = organisaties.data ?? []
  const onbekend = r.organisatieId && !lijst.some((o) => o.id === r.organisatieId)
  return (
    <Fieldset legend={rij} className="rk-scenario-rij">
      <Vak veld={orgVeld} className="rk-scenario-rij__organisatie">
        <FormFieldSelect
          label={`${t('formulier.organisatie')} (${rij.toLowerCase()})`}
          value={r.organisatieId}
          invalid={Boolean(fijn[orgVeld])}
          errorMessage={fijn[orgVeld]}
          onChange={(e) => zetRij(i, { organisatieId: waardeVan(e) })}
        >
          <SelectOption value="">{organisaties.isPending ? t('common:lijst.laden') : t('formulier.kies')}</SelectOption>
          {onbekend && <SelectOption value={r.organisatieId}>{r.organisatieId}</SelectOption>}
          {lijst.map((o) => (
            <SelectOption key={o.id} value={o.id}>
              {o.naam}
            </SelectOption>
          ))}
        </FormFieldSelect>
      </Vak>
      <Tekstveld
        veld={`invoer.deelnemers[${i}].huidigeKosten.eenmalig`}
        label={`${t('formulier.huidigEenmalig')} (${rij.toLowerCase()})`}
        waarde={r.eenmalig}
        fouten={fijn}
        getal="bedrag"
        onChange={(eenmalig) => zetRij(i, { eenmalig })}
      />
      <Tekstveld
        veld={`invoer.deelnemers[${i}].huidigeKosten.jaarlijks`}
        label={`${t('formulier.huidigJaarlijks')} (${rij.toLowerCase()})`}
        waarde={r.jaarlijks}
        fouten={fijn}
        getal="bedrag"
        onChange={(jaarlijks) => zetRij(i, { jaarlijks })}
      />
      {sleutel === 'vast percentage' && (
        <Tekstveld
          veld={`invoer.verdeling.percentages[${i}].percentage`}
          label={`${t('formulier.percentage')} (${rij.toLowerCase()})`}
          waarde={r.percentage}
          fouten={fijn}
          getal="decimaal"
          onChange={(percentage) => zetRij(i, { percentage })}
        />
      )}
      {metMaatstaf(sleutel) && (
        <Tekstveld
          veld={`invoer.maatstaven[${i}].waarde`}
          label={`${t('formulier.maatstafwaarde')} (${rij.toLowerCase()})`}
          waarde={r.maatstafwaarde}
          fouten={fijn}
          getal="decimaal"
          onChange={(maatstafwaarde) => zetRij(i, { maatstafwaarde })}
        />
      )}
      {verwijderen && (
        <Button appearance="subtle-button" onClick={verwijderen}>
          {t('formulier.verwijderen', { nummer: i + 1 })}
        </Button>
      )}
    </Fieldset>
  )
}

export function DeelnemersSectie({
  staat,
  fouten,
  getoond,
}: {
  staat: Pick<ScenarioConcept, 'concept' | 'zetRij' | 'verwijderRij' | 'voegRijToe'>
  fouten: Fouten
  getoond: Set<string>
}) {
  const { t } = useTranslation('scenarios')
  const organisaties = useOpties('organisaties')
  // Removing a row removes the button that had focus; focus goes to "add" rather than to the page's start.
  const toevoegen = useRef<HTMLButtonElement>(null)
  const { concept: c } = staat
  return (
    <Groep veld="invoer.deelnemers" legend={t('formulier.deelnemers')} fout={groepsfout(fouten, 'invoer.deelnemers', getoond)}>
      <Paragraph>{t('formulier.deelnemersUitleg')}</Paragraph>
      <div className="rk-scenario-rijen">
        {c.deelnemers.map((r, i) => (
          <DeelnemerRij
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
            key={i}
            i={i}
            rij={r}
            sleutel={c.sleutel}
            fouten={fouten}
            zetRij={staat.zetRij}
            organisaties={organisaties}
            verwijderen={
              c.deelnemers.length > 1
                ? () => {
                    staat.verwijderRij(i)
                    toevoegen.current?.focus()
                  }
                : undefined
            }
          />
        ))}
      </div>
      <Button ref={toevoegen} appearance="secondary-action-button" onClick={staat.voegRijToe}>
        {t('formulier.toevoegen')}
      </Button>
    </Groep>
  )
}
