import { FormFieldCheckboxOption, FormFieldTextInput } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import type { GebruikerWaarden } from './gebruikerWaarden'
import { RollenEditor } from './RollenEditor'
import type { OrganisatieKeuze } from './useOrganisaties'

// The fields of a user, for creating and for editing. The user name is fixed once
// created (the API has no way to change it), so it is only a field when new.

interface Props {
  nieuw: boolean
  waarden: GebruikerWaarden
  onChange: (w: GebruikerWaarden) => void
  fouten: Record<string, string>
  organisaties: OrganisatieKeuze[]
}

const tekst = (e: { target: EventTarget | null }) => (e.target as HTMLInputElement).value

export function GebruikerFormulier({ nieuw, waarden, onChange, fouten, organisaties }: Props) {
  const { t } = useTranslation('beheer')
  const zet = <K extends keyof GebruikerWaarden>(veld: K, waarde: GebruikerWaarden[K]) => onChange({ ...waarden, [veld]: waarde })
  return (
    <>
      {nieuw && (
        <FormFieldTextInput
          label={t('gebruiker.gebruikersnaam')}
          description={t('gebruiker.gebruikersnaamUitleg')}
          name="gebruikersnaam"
          autoComplete="off"
          required
          value={waarden.gebruikersnaam}
          invalid={Boolean(fouten.gebruikersnaam)}
          errorMessage={fouten.gebruikersnaam}
          onChange={(e) => zet('gebruikersnaam', tekst(e))}
        />
      )}
      <FormFieldTextInput
        label={t('gebruiker.naam')}
        name="naam"
        autoComplete="off"
        required
        value={waarden.naam}
        invalid={Boolean(fouten.naam)}
        errorMessage={fouten.naam}
        onChange={(e) => zet('naam', tekst(e))}
      />
      <FormFieldTextInput
        label={t('gebruiker.email')}
        name="email"
        type="email"
        autoComplete="off"
        value={waarden.email}
        invalid={Boolean(fouten.email)}
        errorMessage={fouten.email}
        onChange={(e) => zet('email', tekst(e))}
      />
      <FormFieldTextInput
        label={nieuw ? t('gebruiker.wachtwoord') : t('gebruiker.nieuwWachtwoord')}
        description={nieuw ? t('gebruiker.wachtwoordUitleg') : t('gebruiker.nieuwWachtwoordUitleg')}
        name="wachtwoord"
        type="password"
        autoComplete="new-password"
        value={waarden.wachtwoord}
        invalid={Boolean(fouten.wachtwoord)}
        errorMessage={fouten.wachtwoord}
        onChange={(e) => zet('wachtwoord', tekst(e))}
      />
      <FormFieldCheckboxOption
        label={t('gebruiker.actief')}
        name="actief"
        checked={waarden.actief}
        onChange={(e) => zet('actief', (e.target as HTMLInputElement).checked)}
      />
      <RollenEditor rijen={waarden.rollen} onChange={(rollen) => zet('rollen', rollen)} organisaties={organisaties} fouten={fouten} />
    </>
  )
}

/** The label of a field path from invalidParams, for the error summary. */
export function useGebruikerLabels(nieuw: boolean) {
  const { t } = useTranslation('beheer')
  return (veld: string): string | undefined => {
    const rol = /^rollen\[(\d+)\]\.(rol|organisatieId)$/.exec(veld)
    if (rol) return `${t('rollen.rij', { n: Number(rol[1]) + 1 })}, ${rol[2] === 'rol' ? t('rollen.rol') : t('rollen.organisatie')}`
    const labels: Record<string, string> = {
      gebruikersnaam: t('gebruiker.gebruikersnaam'),
      naam: t('gebruiker.naam'),
      email: t('gebruiker.email'),
      wachtwoord: nieuw ? t('gebruiker.wachtwoord') : t('gebruiker.nieuwWachtwoord'),
      actief: t('gebruiker.actief'),
      rollen: t('rollen.legend'),
    }
    return labels[veld]
  }
}
