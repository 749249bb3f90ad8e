import { FormFieldSelect, SelectOption } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { useOpties } from '../registry/api'
import { type Fouten, Groep, Tekstveld, Vak, waardeVan } from './formulier-velden'
import type { ScenarioConcept } from './useScenarioConcept'

// The plain sections of the business case form: each a group of fields that map one to
// one onto the form's state.

interface SectieProps {
  staat: Pick<ScenarioConcept, 'concept' | 'zet'>
  fouten: Fouten
}

export function AlgemeenSectie({ staat: { concept: c, zet }, fouten: fijn }: SectieProps) {
  const { t } = useTranslation('scenarios')
  const samenwerkingen = useOpties('samenwerkingen')
  return (
    <Groep veld="algemeen" legend={t('formulier.algemeen')}>
      <Tekstveld veld="naam" label={t('formulier.naam')} waarde={c.naam} fouten={fijn} onChange={(naam) => zet({ naam })} />
      <Tekstveld
        veld="omschrijving"
        label={t('formulier.omschrijving')}
        waarde={c.omschrijving}
        fouten={fijn}
        meer
        onChange={(omschrijving) => zet({ omschrijving })}
      />
      <Vak veld="samenwerkingId">
        <FormFieldSelect
          label={t('formulier.samenwerking')}
          value={c.samenwerkingId}
          invalid={Boolean(fijn.samenwerkingId)}
          errorMessage={fijn.samenwerkingId}
          onChange={(e) => zet({ samenwerkingId: waardeVan(e) })}
        >
          <SelectOption value="">{t('formulier.geenSamenwerking')}</SelectOption>
          {(samenwerkingen.data ?? []).map((o) => (
            <SelectOption key={o.id} value={o.id}>
              {o.naam}
            </SelectOption>
          ))}
        </FormFieldSelect>
      </Vak>
    </Groep>
  )
}

export function GezamenlijkSectie({ staat: { concept: c, zet }, fouten: fijn }: SectieProps) {
  const { t } = useTranslation('scenarios')
  return (
    <Groep veld="gezamenlijk" legend={t('formulier.gezamenlijk')}>
      <Tekstveld
        veld="invoer.gezamenlijk.eenmalig"
        label={t('formulier.gezamenlijkEenmalig')}
        waarde={c.gezamenlijkEenmalig}
        fouten={fijn}
        getal="bedrag"
        onChange={(gezamenlijkEenmalig) => zet({ gezamenlijkEenmalig })}
      />
      <Tekstveld
        veld="invoer.gezamenlijk.jaarlijks"
        label={t('formulier.gezamenlijkJaarlijks')}
        waarde={c.gezamenlijkJaarlijks}
        fouten={fijn}
        getal="bedrag"
        onChange={(gezamenlijkJaarlijks) => zet({ gezamenlijkJaarlijks })}
      />
    </Groep>
  )
}

export function BerekeningSectie({ staat: { concept: c, zet }, fouten: fijn }: SectieProps) {
  const { t } = useTranslation('scenarios')
  return (
    <Groep veld="berekening" legend={t('formulier.berekening')}>
      <Tekstveld
        veld="invoer.horizonJaren"
        label={t('formulier.horizon')}
        waarde={c.horizonJaren}
        fouten={fijn}
        getal="aantal"
        onChange={(horizonJaren) => zet({ horizonJaren })}
      />
      <Tekstveld
        veld="invoer.disconteringsvoet"
        label={t('formulier.voet')}
        waarde={c.disconteringsvoet}
        fouten={fijn}
        getal="decimaal"
        onChange={(disconteringsvoet) => zet({ disconteringsvoet })}
      />
      <Tekstveld
        veld="invoer.startjaar"
        label={t('formulier.startjaar')}
        waarde={c.startjaar}
        fouten={fijn}
        getal="jaar"
        onChange={(startjaar) => zet({ startjaar })}
      />
    </Groep>
  )
}
