import { Button, FormFieldSelect, FormFieldTextInput, SelectOption } from '@rijkshuisstijl-community/components-react'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useOpties } from '../registry/api'

// The samenwerking filter the monitoring pages share: every samenwerking the caller sees.

export function SamenwerkingKeuze({ waarde, onChange, label }: { waarde: string; onChange: (v: string) => void; label: string }) {
  const { t } = useTranslation('monitoring')
  const opties = useOpties('samenwerkingen')
  return (
    <FormFieldSelect label={label} value={waarde} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
      <SelectOption value="">{t('overzicht.alleWaarden')}</SelectOption>
      {(opties.data ?? []).map((o) => (
        <SelectOption key={o.id} value={o.id}>
          {o.naam}
        </SelectOption>
      ))}
    </FormFieldSelect>
  )
}

/** A free-text search that applies on submit (not on every key, which would reload the list each time). */
export function Zoekveld({ waarde, onZoek }: { waarde: string; onZoek: (v: string) => void }) {
  const { t } = useTranslation('monitoring')
  const [tekst, setTekst] = useState(waarde)
  return (
    // biome-ignore lint/a11y/useSemanticElements: a search landmark on the form itself, as ListFilters does
    <form
      role="search"
      className="rk-mon-filters"
      onSubmit={(e: FormEvent) => {
        e.preventDefault()
        onZoek(tekst.trim())
      }}
    >
      <FormFieldTextInput
        label={t('overzicht.zoek')}
        type="search"
        value={tekst}
        onChange={(e) => setTekst((e.target as HTMLInputElement).value)}
      />
      <Button type="submit" appearance="secondary-action-button">
        {t('overzicht.toepassen')}
      </Button>
    </form>
  )
}
