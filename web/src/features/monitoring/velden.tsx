import { Fieldset, FormFieldErrorMessage, FormFieldSelect, SelectOption } from '@rijkshuisstijl-community/components-react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useOpties } from '../registry/api'
import type { Soort } from '../registry/soorten'

/** The message of a field: its own path, or the first nested one (`headers.X-Naam`, `geheimen.headers`). */
export function foutVan(fouten: Record<string, string>, naam: string): string | undefined {
  if (fouten[naam]) return fouten[naam]
  const sleutel = Object.keys(fouten).find((k) => k.startsWith(`${naam}.`) || k.startsWith(`${naam}[`))
  return sleutel ? fouten[sleutel] : undefined
}

/** A reference chosen by name among what the caller can see; the current one stays selectable. */
export function RefKeuze({
  id,
  doel,
  label,
  waarde,
  fout,
  onChange,
}: {
  id: string
  doel: Soort
  label: string
  waarde: string
  fout?: string
  onChange: (v: string) => void
}) {
  const { t } = useTranslation('registry')
  const opties = useOpties(doel)
  return (
    <div id={id}>
      <FormFieldSelect
        label={label}
        value={waarde}
        invalid={Boolean(fout)}
        errorMessage={fout}
        onChange={(e) => onChange((e.target as HTMLSelectElement).value)}
      >
        <SelectOption value="">{opties.isPending ? t('common:lijst.laden') : t('geen')}</SelectOption>
        {waarde && !(opties.data ?? []).some((o) => o.id === waarde) && <SelectOption value={waarde}>{waarde}</SelectOption>}
        {(opties.data ?? []).map((o) => (
          <SelectOption key={o.id} value={o.id}>
            {o.naam}
          </SelectOption>
        ))}
      </FormFieldSelect>
    </div>
  )
}

// A group of radio buttons in a fieldset: the monitoring forms' choice of kind
// (soort controle, bevestigen or notitie), in the design system's classes.

export function Keuzerondjes<T extends string>({
  id,
  legend,
  waarde,
  opties,
  onChange,
  fout,
}: {
  id: string
  legend: string
  waarde: T
  opties: readonly { waarde: T; label: string }[]
  onChange: (w: T) => void
  fout?: string
}) {
  const naam = useId()
  return (
    <div id={id}>
      <Fieldset legend={legend} invalid={Boolean(fout)}>
        {fout && <FormFieldErrorMessage>{fout}</FormFieldErrorMessage>}
        <div className="rk-mon-acties">
          {opties.map((o) => (
            <label key={o.waarde}>
              <input
                type="radio"
                className="utrecht-radio-button utrecht-radio-button--html-input"
                name={naam}
                value={o.waarde}
                checked={waarde === o.waarde}
                onChange={() => onChange(o.waarde)}
              />{' '}
              {o.label}
            </label>
          ))}
        </div>
      </Fieldset>
    </div>
  )
}
