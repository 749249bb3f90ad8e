import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { metMaatstaf, SLEUTELS, type Sleutel } from './concept'
import { groepsfout } from './formulier-meldingen'
import { type Fouten, Groep, Tekstveld } from './formulier-velden'
import type { ScenarioConcept } from './useScenarioConcept'

// The key that shares the joint costs: a choice of kind, and for a measure or a mix the
// measure's name and the mix's share.

export function VerdelingSectie({
  staat: { concept: c, zet },
  fouten: fijn,
  getoond,
}: {
  staat: Pick<ScenarioConcept, 'concept' | 'zet'>
  fouten: Fouten
  getoond: Set<string>
}) {
  const { t } = useTranslation('scenarios')
  const sleutelNaam = useId()
  return (
    <Groep veld="invoer.verdeling" legend={t('formulier.sleutel')} fout={groepsfout(fijn, 'invoer.verdeling', getoond)}>
      <div className="rk-keuzes">
        {SLEUTELS.map((s: Sleutel) => (
          <label key={s}>
            <input
              type="radio"
              className="utrecht-radio-button utrecht-radio-button--html-input"
              name={sleutelNaam}
              value={s}
              checked={c.sleutel === s}
              onChange={() => zet({ sleutel: s })}
            />
            {t(`formulier.sleutels.${s}`)}
          </label>
        ))}
      </div>
      {metMaatstaf(c.sleutel) && (
        <Tekstveld
          veld={c.sleutel === 'mix' ? 'invoer.verdeling.componenten[0].regel.maatstaf' : 'invoer.verdeling.maatstaf'}
          label={t('formulier.maatstaf')}
          waarde={c.maatstaf}
          fouten={fijn}
          onChange={(maatstaf) => zet({ maatstaf })}
        />
      )}
      {c.sleutel === 'mix' && (
        <Tekstveld
          veld="invoer.verdeling.componenten[0].aandeel"
          label={t('formulier.mixAandeel')}
          waarde={c.mixAandeel}
          fouten={fijn}
          getal="decimaal"
          onChange={(mixAandeel) => zet({ mixAandeel })}
        />
      )}
    </Groep>
  )
}
